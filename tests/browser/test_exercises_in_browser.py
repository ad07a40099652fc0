"""Every student exercise notebook in JupyterLab: it runs with its blanks unfilled, and a learner
who types a wrong answer sees the question's hint, then with the right answer sees it pass."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from . import _masters
from ._checks import check_figures, check_run
from ._lab import squash
from ._server import ServerError
from .test_lessons_in_browser import RUN_TIMEOUT, TOPIC_LESSONS

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
MASTERS = ROOT / "exercises" / "source"

pytestmark = pytest.mark.browser


def test_topic_lessons_have_student_exercises_to_check():
    # Without this, an empty exercises/ would make the test below collect nothing and pass.
    if TOPIC_LESSONS:
        assert STUDENTS, (f"notebooks/ has {len(TOPIC_LESSONS)} topic lesson(s) but exercises/ has no "
                          "student notebook (NN_name.ipynb): run python -m coursekit assign-exercises")


def test_every_student_notebook_has_a_master():
    missing = [p.name for p in STUDENTS if not (MASTERS / p.name).is_file()]
    assert not missing, f"no master in exercises/source/ for {missing}"


def _cell_index(run, predicate, what: str) -> int:
    found = [c["index"] for c in run.cells if predicate(c)]
    assert len(found) == 1, f"expected one {what} in the student notebook, found {len(found)}"
    return found[0]


@pytest.mark.parametrize("student", STUDENTS, ids=lambda p: p.stem)
def test_exercise_gives_a_hint_then_passes(student, lab, lab_server):
    question = _masters.question_to_try(MASTERS / student.name)
    try:
        path, unreachable = lab_server.served_path(f"exercises/{student.name}"), None
    except ServerError as error:
        unreachable = str(error)
    if unreachable:
        pytest.fail(unreachable, pytrace=False)
    lab.open(path)
    run = lab.run_all(timeout=RUN_TIMEOUT)
    problems = check_run(run, student.name)
    problems += check_figures(lab, run, student)[1]
    problems += [f"cell {p['cell']}: {p['problem']}: {p['text'][:200]}" for p in lab.render_problems()]
    lab.screenshots(student.stem)
    assert not problems, f"{student.name} with its blanks unfilled, after Run All:\n" + "\n".join(problems)

    started = time.monotonic()
    check_cell = _cell_index(
        run, lambda c: c["type"] == "code"
        and re.fullmatch(rf"""\s*grader\.check\(\s*["']{re.escape(question.name)}["']\s*\)\s*""", c["source"]),
        f'grader.check("{question.name}") cell')
    answer_cells = [c["index"] for c in run.cells[:check_cell]
                    if "otter_answer_cell" in c["tags"]]
    assert answer_cells, f"no answer cell (tag otter_answer_cell) before {question.name}'s check"
    answer_cell = answer_cells[-1]

    # A wrong answer: the check fails and shows the question's hint, not "not answered yet".
    wrong = question.wrong_answer()
    typed = lab.type_into_cell(answer_cell, wrong)
    assert typed.strip() == wrong.strip(), f"the editor holds {typed!r} after typing {wrong!r}"
    lab.run_cell(answer_cell)
    lab.run_cell(check_cell)
    feedback = lab.output_text(check_cell)
    hints = [squash(h) for h in question.value_hints]
    assert any(hint in feedback for hint in hints), (
        f"{student.name} {question.name}: after the wrong answer {wrong!r} the check showed "
        f"{feedback[:600]!r}, without any of the hints {hints}")
    assert "Not answered yet" not in feedback, (
        f"{question.name}: the wrong answer {wrong!r} was taken for an unanswered blank")
    assert "Traceback" not in feedback and "Error" not in feedback
    lab.screenshot_cell(answer_cell, f"{student.stem}-{question.name}-hint")

    # The right answer: the same check passes.
    right = question.right_answer()
    typed = lab.type_into_cell(answer_cell, right)
    assert typed.strip() == right.strip(), f"the editor holds {typed!r} after typing {right!r}"
    lab.run_cell(answer_cell)
    lab.run_cell(check_cell)
    feedback = lab.output_text(check_cell)
    assert "· Right" in feedback, (
        f"{student.name} {question.name}: after the right answer the check showed {feedback[:600]!r}")
    assert not any(hint in feedback for hint in hints), f"a hint is still shown: {feedback[:400]!r}"
    lab.screenshot_cell(answer_cell, f"{student.stem}-{question.name}-pass")
    lab.timings["exercise"] = time.monotonic() - started
    lab.checked.append(f"{question.name}: typed {wrong.splitlines()[0]!r}, saw its hint; "
                       f"typed the solution, saw it pass")

    errors = [c["index"] for c in lab.cells().code()
              if any(o["type"] == "error" for o in c["outputs"]) and "raises-exception" not in c["tags"]]
    assert not errors, f"cells {errors} show an error after answering"
