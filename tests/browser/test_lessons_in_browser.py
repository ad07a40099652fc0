"""Every lesson in JupyterLab: it runs without an error, shows its figures, its widgets respond
and its knowledge check gives feedback."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from coursekit.course.lessons import extras

from ._checks import check_figures, check_run, has_knowledge_check, uses_widgets, widget_cells
from ._lab import squash

ROOT = Path(__file__).resolve().parents[2]
# The numbered lessons, the extra notebooks of lessons.toml ("Your own survey") and the
# capstone's checklist notebook.
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + [
    ROOT / "notebooks" / item.notebook for item in extras()
    if (ROOT / "notebooks" / item.notebook).exists()]
LESSONS += [p for p in [ROOT / "notebooks" / "capstone_checklist.ipynb"] if p.exists()]
TOPIC_LESSONS = [p for p in LESSONS if not p.name.startswith("00_")]
# Seconds for Run All of one notebook; generous for a slow two-core CI machine.
RUN_TIMEOUT = float(os.environ.get("COURSEKIT_BROWSER_RUN_TIMEOUT", "300"))

pytestmark = pytest.mark.browser


def test_there_are_lessons_to_open():
    assert LESSONS, "no notebooks/NN_*.ipynb: the browser tests would check nothing"


def test_some_lesson_has_widgets():
    # The widget check below only acts on lessons that have widgets; once there are topic
    # lessons, at least one must, so that check cannot pass by testing nothing.
    if TOPIC_LESSONS:
        assert any(uses_widgets(p) for p in LESSONS), (
            "no lesson in notebooks/ uses ipywidgets, so no widget was tested in the browser")


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_lesson_runs_and_responds_in_jupyterlab(notebook, lab, lab_server):
    lab.open(lab_server.served_path(f"notebooks/{notebook.name}"))
    run = lab.run_all(timeout=RUN_TIMEOUT)
    problems = check_run(run, notebook.name)

    started = time.monotonic()
    widgets = widget_cells(run)
    lab.wait_for_widgets(widgets)
    figures, figure_problems = check_figures(lab, run, notebook)
    problems += figure_problems
    problems += [f"cell {p['cell']}: {p['problem']}: {p['text'][:200]}" for p in lab.render_problems()]
    # A Chinese label drawn without a CJK font comes out as empty boxes, and matplotlib says so
    # in the cell's output ("Glyph 20540 (...) missing from font(s) DejaVu Sans").
    problems += [f"cell {c['index']}: a figure lacks a Chinese font: {lab.output_text(c['index'])[:200]}"
                 for c in run.code() if "missing from font" in lab.output_text(c["index"])]
    lab.timings["checks"] = time.monotonic() - started
    lab.screenshots(notebook.stem)
    assert not problems, f"{notebook.name} after Run All:\n" + "\n".join(problems)

    # Widgets: every widget area with a control must update what it shows when it is used.
    started = time.monotonic()
    areas = {index: lab.controls(index) for index in widgets}
    areas = {index: controls for index, controls in areas.items() if controls}
    if uses_widgets(notebook):
        assert areas, (f"{notebook.name} makes ipywidgets, but after Run All no slider, drop-down "
                       "or toggle is shown")
    for index, controls in areas.items():
        for kind in dict.fromkeys(c["kind"] for c in controls):
            control = next(c for c in controls if c["kind"] == kind)
            check = lab.change_control(index, control)
            assert check.after != check.before, (
                f"{notebook.name} cell {index}: changing a {kind} did not change what the widget "
                f"area shows (still {check.before[:200]!r})")
            lab.checked.append(f"{kind} in cell {index}: {_first_line(check.before)!r} -> "
                               f"{_first_line(check.after)!r}")
        lab.screenshot_cell(index, f"{notebook.stem}-widgets-cell{index:02d}", ".jp-Cell-outputArea")
    if areas:
        assert not lab.render_problems(), "a widget failed to display after being used"
        lab.timings["widgets"] = time.monotonic() - started

    # Knowledge check: clicking an answer shows that answer's feedback.
    if has_knowledge_check(notebook):
        started = time.monotonic()
        assert lab.page.locator(".Quiz .MultipleChoiceQn").count() > 0, (
            f"{notebook.name} calls a knowledge check, but no multiple-choice question is shown")
        answer, expected, shown = lab.answer_first_multiple_choice()
        assert shown, f"{notebook.name}: clicking {answer!r} in the knowledge check showed no feedback"
        if expected:
            assert squash(expected)[:40] in shown, (
                f"{notebook.name}: clicking {answer!r} showed {shown!r}, not its feedback {expected!r}")
        lab.timings["quiz"] = time.monotonic() - started
        lab.checked.append(f"knowledge check: clicked {answer!r}, feedback {shown[:70]!r}")
    lab.checked.append(f"{len(run.code())} code cells ran, {figures} figure(s) shown")


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("img:")]
    return lines[0][:70] if lines else text[:70]
