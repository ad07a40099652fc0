"""The browser suite's own machinery, without a browser: how it reads exercise masters, picks a
wrong answer, guards the environment and reports a browser or server that will not start."""
from __future__ import annotations

import ast
import hashlib
import json
import math
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import _masters, _server
from .conftest import DEFAULT_CHROMIUM, chromium_executable, launch_chromium

ROOT = Path(__file__).resolve().parents[2]
MASTERS = sorted((ROOT / "exercises" / "source").glob("[0-9][0-9]_*.ipynb"))
BLANK = "Not answered yet: replace the ... with your answer."


def _cell(kind: str, source: str) -> dict:
    cell = {"cell_type": kind, "metadata": {}, "source": source}
    if kind == "code":
        cell.update(outputs=[], execution_count=None)
    return cell


def _test(hint: str, body: str) -> str:
    return f'""" # BEGIN TEST CONFIG\nfailure_message: "{hint}"\n""" # END TEST CONFIG\n{body}'


def _question(name: str, solution: str, tests: list[tuple[str, str]]) -> list[dict]:
    return [_cell("raw", f"# BEGIN QUESTION\nname: {name}\npoints: 1"),
            _cell("markdown", f"Question {name}."),
            _cell("raw", "# BEGIN SOLUTION"), _cell("code", solution), _cell("raw", "# END SOLUTION"),
            _cell("raw", "# BEGIN TESTS"), *[_cell("code", _test(h, b)) for h, b in tests],
            _cell("raw", "# END TESTS"), _cell("raw", "# END QUESTION")]


@pytest.fixture
def master(tmp_path) -> Path:
    cells = [
        _cell("raw", "# ASSIGNMENT CONFIG\ninit_cell: true"),
        _cell("code", "import math"),
        # q1 computes its answer and shows it: the bare last line may stay.
        *_question("q1", "total = 6 * 7  # SOLUTION\ntotal",
                   [(BLANK, "assert total is not ..."), ("Multiply.", "assert total == 42")]),
        # q2: the second blank is computed from the first, so only the second may be wrong.
        *_question("q2", "rate = 0.25  # SOLUTION\nshare = rate * 100  # SOLUTION",
                   [(BLANK, "assert share is not ..."), ("In percent.", "assert math.isclose(share, 25)")]),
        *_question("q3", 'letter = "C"  # SOLUTION',
                   [(BLANK, "assert letter is not ..."), ("Think again.", 'assert letter == "C"')]),
    ]
    path = tmp_path / "91_demo.ipynb"  # a number no exercise of the course has
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


def test_master_questions_are_read_with_their_solutions_and_hints(master):
    questions = _masters.questions(master)
    assert [q.name for q in questions] == ["q1", "q2", "q3"]
    assert len(questions[0].tests) == 2 and questions[0].value_hints == []  # no key for 91
    assert questions[1].right_answer() == "rate = 0.25\nshare = rate * 100"


def test_wrong_answer_keeps_the_cell_runnable_and_answered(master):
    q1, q2, q3 = _masters.questions(master)
    assert q1.wrong_answer() == "total = None\ntotal"
    # rate feeds share, so rate stays right and share is made wrong: 25.0 -> 50.0.
    assert q2.wrong_answer() == "rate = 0.25\nshare = None"
    assert q3.wrong_answer() == "letter = 'A'"
    with pytest.raises(ValueError, match="its answer key gives no hint"):
        _masters.question_to_try(master)


def test_a_master_with_nothing_to_try_is_reported(tmp_path):
    path = tmp_path / "92_demo.ipynb"
    cells = _question("q1", "print(42)  # SOLUTION", [(BLANK, "assert True")])
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    with pytest.raises(ValueError, match=r"92_demo.ipynb: no question suits .*q1: no 'name = value"):
        _masters.question_to_try(path)


@given(st.one_of(st.integers(-10**9, 10**9), st.floats(-1e9, 1e9, allow_nan=False)))
def test_a_wrong_number_is_outside_any_test_tolerance(value):
    wrong = ast.literal_eval(_masters.wrong_value(repr(value)))
    assert type(wrong) is type(value)
    assert not math.isclose(wrong, value, rel_tol=1e-3, abs_tol=1e-3)


@given(st.one_of(st.booleans(), st.text(max_size=8),
                 st.lists(st.integers(0, 9), max_size=5), st.tuples(st.text(max_size=3))))
def test_a_wrong_literal_differs_from_the_right_one(value):
    wrong = ast.literal_eval(_masters.wrong_value(repr(value)))
    assert wrong != value and wrong is not Ellipsis


def test_a_computed_answer_is_replaced_by_none():
    assert _masters.wrong_value("journey[touchpoints].mean()") == "None"


@pytest.mark.parametrize("master_path", MASTERS, ids=lambda p: p.name)
def test_each_course_master_has_a_question_the_browser_can_try(master_path):
    question = _masters.question_to_try(master_path)
    right, wrong = question.right_answer(), question.wrong_answer()
    assert right != wrong
    ast.parse(right), ast.parse(wrong)  # both are code a learner could run
    assert "# SOLUTION" not in right and question.value_hints


def test_chromium_is_taken_from_coursekit_chromium(monkeypatch):
    monkeypatch.delenv("COURSEKIT_CHROMIUM", raising=False)
    assert chromium_executable() == DEFAULT_CHROMIUM == "/usr/bin/chromium"
    monkeypatch.setenv("COURSEKIT_CHROMIUM", "/opt/chrome/chrome")
    assert chromium_executable() == "/opt/chrome/chrome"


def test_missing_chromium_fails_with_what_to_do():
    with pytest.raises(pytest.fail.Exception) as failure:
        launch_chromium(None, "/no/such/chromium")
    message = str(failure.value)
    assert "/no/such/chromium: no such file" in message
    assert "sudo apt install chromium" in message and "COURSEKIT_CHROMIUM" in message


def test_a_chromium_that_crashes_fails_with_its_output(tmp_path, playwright_session):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'cannot open display: kaboom' >&2\nexit 1\n")
    fake.chmod(0o755)
    with pytest.raises(pytest.fail.Exception) as failure:
        launch_chromium(playwright_session, str(fake))
    assert f"{fake}: it did not start" in str(failure.value)
    assert "COURSEKIT_CHROMIUM" in str(failure.value)


def _fake_course(folder: Path, main: str = "raise SystemExit(0)") -> Path:
    """A course folder whose course.py has the real one's stamp functions and *main*."""
    (folder / "notebooks").mkdir(parents=True)
    (folder / "exercises").mkdir()
    (folder / "pyproject.toml").write_text('[project]\nname = "demo"\n')
    (folder / "course.py").write_text(textwrap.dedent(f"""\
        import hashlib, os, sys
        from pathlib import Path
        ROOT = Path(__file__).resolve().parent
        def venv_dir():
            return Path(os.environ.get("COURSEKIT_VENV", ROOT / ".venv")).resolve()
        def venv_bin(name):
            return venv_dir() / "bin" / name
        def wanted_stamp():
            return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
        if __name__ == "__main__":
            {main}
        """))
    return folder


def test_a_stale_environment_is_not_rebuilt_by_the_tests(tmp_path):
    course = _fake_course(tmp_path / "course")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()
    assert "does not exist" in _server.rebuild_reason(course / "course.py", venv)
    stamp = venv / ".coursekit-stamp"
    stamp.write_text("0" * 64 + "\n")
    assert "pyproject.toml changed" in _server.rebuild_reason(course / "course.py", venv)
    with pytest.raises(_server.ServerError, match="would rebuild the environment"):
        _server.start(course, tmp_path / "work", venv)
    stamp.write_text(hashlib.sha256((course / "pyproject.toml").read_bytes()).hexdigest() + "\n")
    assert _server.rebuild_reason(course / "course.py", venv) is None


def test_a_server_that_does_not_start_is_reported_with_its_log(tmp_path):
    course = _fake_course(tmp_path / "course", main="print('kaboom: no JupyterLab here'); sys.exit(3)")
    # A stamp that matches the fake course, so that it goes on to "start".
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()
    (venv / ".coursekit-stamp").write_text(hashlib.sha256((course / "pyproject.toml").read_bytes()).hexdigest())
    with pytest.raises(_server.ServerError) as failure:
        _server.start(course, tmp_path / "work", venv, timeout=20)
    message = str(failure.value)
    assert "did not answer" in message and "exit code 3" in message
    assert "kaboom: no JupyterLab here" in message


def test_changes_to_the_repository_are_named(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises").mkdir()
    (tmp_path / "notebooks" / "a.ipynb").write_text("{}")
    (tmp_path / "exercises" / "b.ipynb").write_text("{}")
    before = _server.snapshot(tmp_path)
    (tmp_path / "notebooks" / "a.ipynb").write_text('{"cells": []}')
    (tmp_path / "exercises" / "b.ipynb").unlink()
    (tmp_path / "notebooks" / ".ipynb_checkpoints").mkdir()
    (tmp_path / "notebooks" / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text("{}")
    (tmp_path / "exercises" / ".OTTER_LOG").write_bytes(b"written by nbval, not the session")
    (tmp_path / "notebooks" / "capstone_plans").mkdir()
    (tmp_path / "notebooks" / "capstone_plans" / "team.md").write_text("a team's plan")
    assert _server.changes(before, _server.snapshot(tmp_path)) == [
        "changed: notebooks/a.ipynb", "removed: exercises/b.ipynb",
        "added: notebooks/.ipynb_checkpoints/a-checkpoint.ipynb"]
