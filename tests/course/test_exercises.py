"""Exercises: masters generate the committed student notebooks; an untouched notebook shows
"not answered yet" everywhere and scores 0 under otter's grading, the solutions score full marks,
and no student notebook holds an answer.

nbval (configured in pyproject.toml) also runs every master, i.e. the solutions, and every
student notebook with its blanks unfilled, from a fresh kernel.
"""
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from coursekit.course.exercises import (SOURCE, TARGET, AssignError, assign, is_untouched,
                                        masters, run_assign, student_text)
from coursekit.course.keys import exercise_questions

ROOT = Path(__file__).resolve().parents[2]
MASTERS = masters()
STUDENTS = sorted(TARGET.glob("[0-9][0-9]_*.ipynb"))


def _source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _questions(master: Path) -> list[dict]:
    """Each question of a master: its name, points and the test cells between BEGIN/END TESTS."""
    nb = json.loads(master.read_text(encoding="utf-8"))
    questions, current, in_tests = [], None, False
    for cell in nb["cells"]:
        text = _source(cell).strip()
        if cell["cell_type"] == "raw" and text.startswith("# BEGIN QUESTION"):
            current = {"name": re.search(r"name:\s*(\S+)", text).group(1), "tests": [],
                       "points": int(re.search(r"points:\s*(\d+)", text).group(1))}
            questions.append(current)
        elif cell["cell_type"] == "raw" and text == "# BEGIN TESTS":
            in_tests = True
        elif cell["cell_type"] == "raw" and text == "# END TESTS":
            in_tests = False
        elif in_tests and cell["cell_type"] == "code":
            current["tests"].append(text)
    return questions


@pytest.fixture(scope="module", params=MASTERS, ids=lambda p: p.name)
def assigned(request, tmp_path_factory):
    """otter assign of one master (this runs every test against its solutions)."""
    master = request.param
    return master, run_assign(master, tmp_path_factory.mktemp(master.stem))


def test_every_topic_lesson_with_a_notebook_has_an_exercise():
    # The capstone (08) has no exercise: its checklist notebook tells a team what its plan lacks.
    lessons = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")} - {
        "00_start_here.ipynb", "08_capstone.ipynb"}
    assert lessons <= {p.name for p in MASTERS}
    if (ROOT / "notebooks" / "08_capstone.ipynb").exists():
        assert (ROOT / "notebooks" / "capstone_checklist.ipynb").exists()
    assert {p.name for p in STUDENTS} == {p.name for p in MASTERS}


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_master_has_six_questions_each_one_all_or_nothing_test_through_the_keys(master):
    questions = _questions(master)
    keys = exercise_questions(master.stem)
    assert len(questions) >= 6
    assert [q["name"] for q in questions] == list(keys)
    for q in questions:
        # One test per question: a blank can never earn part of the points.
        assert len(q["tests"]) == 1, f"{q['name']}: one test, so a blank scores nothing"
        variables = keys[q["name"]].variable
        variables = [variables] if isinstance(variables, str) else list(variables)
        assert f'grader.passes("{q["name"]}", {", ".join(variables)})' in q["tests"][0]


@pytest.mark.parametrize("student", STUDENTS, ids=lambda p: p.name)
def test_student_notebook_holds_no_answer(student):
    text = student.read_text(encoding="utf-8")
    master = json.loads((SOURCE / student.name).read_text(encoding="utf-8"))
    solutions = [line.split("# SOLUTION")[0].strip() for cell in master["cells"]
                 for line in _source(cell).splitlines() if line.rstrip().endswith("# SOLUTION")]
    assignments = [s for s in solutions if re.fullmatch(r"\w+ = .+", s)]
    assert assignments, "the masters have answers to look for"
    for line in assignments:
        name, value = line.split(" = ", 1)
        assert value == "..." or f"{name} = {value}" not in text, f"{student.name} holds {line}"
    # The tests kept in the notebook's metadata only name a check; they compare nothing.
    tests = json.dumps(json.loads(text)["metadata"]["otter"]["tests"])
    assert re.findall(r"assert (.*?)\\n", tests) and all(
        t.startswith("grader.passes(") for t in re.findall(r"assert (.*?)\\n", tests))


@pytest.mark.parametrize("student", STUDENTS, ids=lambda p: p.name)
def test_student_notebook_has_a_hand_in_cell_kept_out_of_test_runs(student):
    nb = json.loads(student.read_text(encoding="utf-8"))
    export = [c for c in nb["cells"] if c["cell_type"] == "code" and "grader.export(" in _source(c)]
    assert len(export) == 1 and "nbval-skip" in export[0]["metadata"]["tags"]
    prose = "\n".join(_source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "## Hand in" in prose and "autograder" not in prose


@pytest.mark.slow
def test_committed_student_notebook_is_exactly_what_the_master_generates(assigned):
    master, outdir = assigned
    assert (TARGET / master.name).read_text(encoding="utf-8") == student_text(outdir, master), (
        "run: python -m coursekit assign-exercises")
    assert is_untouched(TARGET / master.name)


@pytest.mark.slow
def test_otter_grading_gives_untouched_zero_and_solutions_full_marks(assigned, tmp_path):
    from otter.api import grade_submission

    master, outdir = assigned
    autograder = next((outdir / "autograder").glob("*.zip"))
    untouched = tmp_path / master.name
    shutil.copy(TARGET / master.name, untouched)
    blank = grade_submission(str(untouched), str(autograder), quiet=True)
    assert blank.total == 0 and blank.possible == sum(q["points"] for q in _questions(master))
    solved = grade_submission(str(outdir / "autograder" / master.name), str(autograder), quiet=True)
    assert solved.total == solved.possible == blank.possible


@pytest.mark.slow
@pytest.mark.parametrize("student", STUDENTS, ids=lambda p: p.name)
def test_untouched_student_notebook_says_not_answered_yet_and_shows_no_traceback(student):
    nb = nbformat.read(student, as_version=4)
    nb.cells = [c for c in nb.cells if "nbval-skip" not in c.metadata.get("tags", [])]
    NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(TARGET)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    shown = "\n".join(o.get("text", "") + "".join(str(v) for v in o.get("data", {}).values())
                      for o in outputs)
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert "Traceback" not in shown and "AssertionError" not in shown and "doctest" not in shown
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
    assert checks and all("Not answered yet" in c.outputs[0]["data"]["text/plain"] for c in checks)
    report = [c for c in nb.cells if c.cell_type == "code" and "check_all()" in c.source][0].outputs[0]
    assert "0 of" in report["data"]["text/plain"] and "ck-progress" in report["data"]["text/html"]


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
