"""`python -m coursekit grade`: solutions score full marks and untouched notebooks 0, one row
per trainee and question, submissions untouched, strangers rejected, gradebooks kept."""
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import coursekit.course.grading as grading
from coursekit import InputError
from coursekit.course.exercises import SOURCE, TARGET, run_assign

EXERCISE = "01_moments_of_truth"
ROOT = Path(__file__).resolve().parents[2]


def _digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _cache_here(cache, monkeypatch):
    monkeypatch.setenv("COURSEKIT_CACHE", str(cache))


@pytest.fixture(scope="module")
def solution(tmp_path_factory, cache):
    """The solutions notebook of exercise 01 (from otter assign), whose autograder zip is put
    where `grade` looks for it, so the module builds it once."""
    out = run_assign(SOURCE / f"{EXERCISE}.ipynb", tmp_path_factory.mktemp("assigned"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSEKIT_CACHE", str(cache))
        target = grading.autograder_path(SOURCE / f"{EXERCISE}.ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(next((out / "autograder").glob("*.zip")), target)
    return out / "autograder" / f"{EXERCISE}.ipynb"


@pytest.fixture
def class_folder(tmp_path, solution):
    """Three trainees: one handed in the solutions, one the untouched notebook, one the zip
    the hand-in cell makes (holding the solutions)."""
    folder = tmp_path / "submissions"
    for trainee in ("alice", "bob", "carol"):
        (folder / trainee).mkdir(parents=True)
    shutil.copy(solution, folder / "alice" / f"{EXERCISE}.ipynb")
    shutil.copy(TARGET / f"{EXERCISE}.ipynb", folder / "bob" / f"{EXERCISE}.ipynb")
    with zipfile.ZipFile(folder / "carol" / f"{EXERCISE}_2025_06_01T10_00_00.zip", "w") as archive:
        archive.write(solution, f"{EXERCISE}.ipynb")
    return folder


@pytest.mark.slow
def test_gradebook_gives_solutions_full_marks_and_untouched_zero(class_folder, tmp_path):
    files = sorted(p for p in class_folder.rglob("*") if p.is_file())
    before = _digest(class_folder)
    out = tmp_path / "gradebook.csv"
    book, summary = grading.grade(files, out)
    assert _digest(class_folder) == before, "grading must not change or add a file next to a submission"
    questions = [f"q{n}" for n in range(1, 9)]
    assert sorted(book.trainee.unique()) == ["alice", "bob", "carol"]
    for trainee, rows in book.groupby("trainee"):
        assert rows.question.tolist() == questions, "one row per trainee and question"
    points = book.pivot(index="trainee", columns="question", values="points")
    assert (points.loc["alice"] == 1).all() and (points.loc["carol"] == 1).all()
    assert (points.loc["bob"] == 0).all()
    assert summary.set_index("trainee").percent.to_dict() == {"alice": 100.0, "bob": 0.0, "carol": 100.0}
    # What was written is what was returned.
    pd.testing.assert_frame_equal(pd.read_csv(out), book)
    assert pd.read_csv(tmp_path / "gradebook_summary.csv").points.tolist() == [8.0, 0.0, 8.0]


@pytest.mark.slow
def test_an_existing_gradebook_is_kept_unless_forced(class_folder, tmp_path):
    out = tmp_path / "gradebook.csv"
    out.write_text("last week's marks\n")
    bob = [class_folder / "bob" / f"{EXERCISE}.ipynb"]
    with pytest.raises(InputError, match="already exists; nothing was graded"):
        grading.grade(bob, out)
    assert out.read_text() == "last week's marks\n"
    grading.grade(bob, out, force=True)
    assert pd.read_csv(out).points.sum() == 0


def test_files_that_are_not_our_exercises_are_rejected_before_grading(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    lesson = folder / "lesson.ipynb"
    shutil.copy(ROOT / "notebooks" / "01_moments_of_truth.ipynb", lesson)
    (folder / "notes.txt").write_text("my answers: 42")
    with zipfile.ZipFile(folder / "two.zip", "w") as archive:
        archive.writestr("a.ipynb", "{}")
        archive.writestr("b.ipynb", "{}")
    (folder / "broken.ipynb").write_text("{not json")
    stranger = json.loads((TARGET / f"{EXERCISE}.ipynb").read_text())
    for cell in stranger["cells"]:
        cell["source"] = "".join(cell["source"]).replace(f'ck.exercise("{EXERCISE}")', 'ck.exercise("99_other")')
    (folder / "other.ipynb").write_text(json.dumps(stranger))
    files = sorted(folder.iterdir())
    out = tmp_path / "gradebook.csv"
    with pytest.raises(InputError) as caught:
        grading.grade(files, out)
    message = str(caught.value)
    for name, why in [("lesson.ipynb", "has no exercise's grader cell"), ("notes.txt", "neither a notebook"),
                      ("two.zip", "holds 2 notebooks"), ("broken.ipynb", "cannot be read"),
                      ("other.ipynb", "exercise '99_other' has no master")]:
        assert f"{folder / name}: " in message and why in message, (name, message)
    assert "nothing was" in message and "Hand in the exercise notebook" in message
    assert not out.exists()


def test_the_same_exercise_twice_from_one_trainee_is_rejected(tmp_path):
    for name in ("first", "second"):
        (tmp_path / "dan" / name).mkdir(parents=True)
    a = tmp_path / "dan" / "first" / f"{EXERCISE}.ipynb"
    shutil.copy(TARGET / f"{EXERCISE}.ipynb", a)
    shutil.copy(a, tmp_path / "dan" / "second" / "copy.ipynb")
    # Both files sit in different folders named first/ and second/: they are two trainees.
    assert [s.trainee for s in grading.read_submissions([a, tmp_path / "dan" / "second" / "copy.ipynb"])] == ["first", "second"]
    flat = tmp_path / "flat"
    flat.mkdir()
    shutil.copy(a, flat / "dan.ipynb")
    with zipfile.ZipFile(flat / "dan.zip", "w") as archive:
        archive.write(a, f"{EXERCISE}.ipynb")
    with pytest.raises(InputError, match="trainee 'dan' already handed in 01_moments_of_truth"):
        grading.read_submissions([flat / "dan.ipynb", flat / "dan.zip"])


def test_trainees_are_named_where_their_paths_part_ways(tmp_path):
    # As on the training-room hub: every learner's exercise sits in <home>/coursekit/exercises.
    files = []
    for name in ("li_wei", "ana"):
        folder = tmp_path / "private" / name / "coursekit" / "exercises"
        folder.mkdir(parents=True)
        files.append(folder / f"{EXERCISE}.ipynb")
        shutil.copy(TARGET / f"{EXERCISE}.ipynb", files[-1])
    assert [s.trainee for s in grading.read_submissions(files)] == ["li_wei", "ana"]


def test_autograders_are_built_once_per_version_of_the_master(tmp_path, monkeypatch, cache):
    built = []

    def fake_assign(master, outdir):
        built.append(master.read_text())
        (outdir / "autograder").mkdir(parents=True)
        with zipfile.ZipFile(outdir / "autograder" / "x.zip", "w") as archive:
            archive.writestr("otter_config.json", master.read_text())
        return outdir

    monkeypatch.setattr(grading, "run_assign", fake_assign)
    master = tmp_path / "01_demo.ipynb"
    master.write_text("version 1")
    first = grading.autograder(master)
    assert grading.autograder(master) == first and built == ["version 1"], "cached"
    master.write_text("version 2")
    second = grading.autograder(master)
    assert second != first and built == ["version 1", "version 2"], "a changed master is rebuilt"
    assert zipfile.ZipFile(second).read("otter_config.json") == b"version 2"
    assert second.parent == grading.cache_folder() / "autograder", "kept in the cache, not the repository"


def test_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEKIT_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert grading.cache_folder() == tmp_path / "coursekit"


def test_masters_are_found_in_the_course_folder_or_named(tmp_path, monkeypatch):
    assert grading.masters_folder() == SOURCE
    assert grading.masters_folder(SOURCE) == SOURCE
    monkeypatch.setattr(grading, "SOURCE", tmp_path / "installed" / "exercises" / "source")
    monkeypatch.chdir(ROOT)  # an installed package, run in the course folder
    assert grading.masters_folder() == Path.cwd() / "exercises" / "source"
    with pytest.raises(InputError, match="Run grade in the course folder, or name the folder with --masters"):
        grading.masters_folder(tmp_path)


def test_command_line_names_the_bad_file_and_exits_1(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a notebook")
    run = subprocess.run([sys.executable, "-m", "coursekit", "grade", str(bad), "--out",
                          str(tmp_path / "book.csv")], capture_output=True, text=True)
    assert run.returncode == 1
    assert f"{bad}: it is neither a notebook" in run.stderr and not (tmp_path / "book.csv").exists()
