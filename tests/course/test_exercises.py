"""Exercises: masters generate the committed student notebooks; every question gives feedback.

nbval (configured in pyproject.toml) also runs every master, i.e. the solutions, and every
student notebook with its blanks unfilled, from a fresh kernel.
"""
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from coursekit.course.exercises import SOURCE, TARGET, AssignError, assign, generate, is_untouched, masters

ROOT = Path(__file__).resolve().parents[2]
MASTERS = masters()
STUDENTS = sorted(TARGET.glob("[0-9][0-9]_*.ipynb"))


def _source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _questions(master: Path) -> list[dict]:
    """Each question of a master: its name and the test cells between BEGIN/END TESTS."""
    nb = json.loads(master.read_text(encoding="utf-8"))
    questions, current, in_tests = [], None, False
    for cell in nb["cells"]:
        text = _source(cell).strip()
        if cell["cell_type"] == "raw" and text.startswith("# BEGIN QUESTION"):
            current = {"name": re.search(r"name:\s*(\S+)", text).group(1), "tests": []}
            questions.append(current)
        elif cell["cell_type"] == "raw" and text == "# BEGIN TESTS":
            in_tests = True
        elif cell["cell_type"] == "raw" and text == "# END TESTS":
            in_tests = False
        elif in_tests and cell["cell_type"] == "code":
            current["tests"].append(text)
    return questions


def test_every_topic_lesson_with_a_notebook_has_an_exercise():
    lessons = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")} - {"00_start_here.ipynb"}
    assert lessons <= {p.name for p in MASTERS}
    assert {p.name for p in STUDENTS} == {p.name for p in MASTERS}


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_master_has_six_questions_each_with_hints(master):
    questions = _questions(master)
    assert len(questions) >= 6
    for q in questions:
        assert q["tests"], f"{q['name']} has no tests"
        for test in q["tests"]:
            assert "failure_message:" in test, f"{q['name']}: every test gives a hint on failure"
        # The first test of each question catches a blank that was never filled in.
        assert "..." in q["tests"][0] or "Ellipsis" in q["tests"][0], (
            f"{q['name']}: start with a test that says the answer is still to do")
        assert not re.search(r"[^=!<>]==\s*\d+\.\d", "\n".join(q["tests"])), (
            f"{q['name']}: compare decimals with math.isclose, not ==")


@pytest.mark.slow
@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_committed_student_notebook_is_exactly_what_the_master_generates(master):
    # otter assign runs every test against the solutions, so this also proves they pass.
    expected = generate(master)
    committed = (TARGET / master.name).read_text(encoding="utf-8")
    assert committed == expected, "run: python -m coursekit assign-exercises"
    assert is_untouched(TARGET / master.name)


@pytest.mark.slow
@pytest.mark.parametrize("student", STUDENTS, ids=lambda p: p.name)
def test_unfilled_student_notebook_runs_and_lists_what_is_still_to_do(student):
    nb = nbformat.read(student, as_version=4)
    NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(TARGET)}}).execute()
    names = [q["name"] for q in _questions(SOURCE / student.name)]
    last = nb.cells[-1]
    assert "grader.check_all()" in last.source
    report = "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "") for o in last.outputs)
    for name in names:
        assert re.search(rf"{name} results:", report), f"{name} missing from check_all's report"
    assert "All test cases passed" not in report, "a blank answer must not pass"


def test_edited_student_notebook_is_never_overwritten(tmp_path, monkeypatch):
    import coursekit.course.exercises as ex

    master_dir, target_dir = tmp_path / "source", tmp_path / "out"
    master_dir.mkdir(), target_dir.mkdir()
    master = master_dir / "01_demo.ipynb"
    master.write_text("{}")
    monkeypatch.setattr(ex, "TARGET", target_dir)
    monkeypatch.setattr(ex, "generate", lambda m: ex._dump(ex._stable(
        {"cells": [{"cell_type": "code", "source": "x = ...", "metadata": {}, "outputs": [],
                    "execution_count": None}], "metadata": {}, "nbformat": 4,
         "nbformat_minor": 5}, m.stem)))
    assert assign([master]) == ["01_demo.ipynb"]
    target = target_dir / "01_demo.ipynb"
    assert is_untouched(target) and assign([master]) == []
    nb = json.loads(target.read_text())
    nb["cells"][0]["source"] = "x = 42  # a learner's answer"
    target.write_text(json.dumps(nb))
    assert not is_untouched(target)
    with pytest.raises(AssignError, match="has been edited"):
        assign([master])
    assert "a learner's answer" in target.read_text()
    assert assign([master], check=True) == ["01_demo.ipynb"]
    assert "a learner's answer" in target.read_text(), "--check never writes"
    assign([master], force=True)
    assert "a learner's answer" not in target.read_text()
