"""`python -m coursekit build-html`: learner and instructor handouts, from saved outputs or fresh
runs; names failures; never overwrites a file it did not write or that was changed since.
(tests/browser/test_handouts_in_browser.py opens the pages in Chromium, offline, and prints them.)"""
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursekit.course.handouts import MARKER, BuildError, build_html

ROOT = Path(__file__).resolve().parents[2]

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def _write(folder: Path, name: str, cells) -> Path:
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture
def lessons(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _write(folder, "00_intro.ipynb", [new_markdown_cell("# Intro lesson\n\nNext: [second](01_second.ipynb)"),
                                       new_code_cell("x = 6 * 7\nprint(x)")])
    # A fresh kernel must not know `x` from the other notebook.
    _write(folder, "01_second.ipynb", [new_markdown_cell("# Second"),
                                        new_code_cell("import os\nprint(os.path.basename(os.getcwd()))")])
    (folder / "notes.ipynb").write_text("not a lesson: no NN_ prefix")
    return folder


def test_builds_one_page_per_lesson_and_an_index(lessons, tmp_path):
    out = tmp_path / "handouts"
    results = build_html(out, lessons, timeout=120, execute=True)
    assert [r.name for r in results] == ["00_intro.html", "01_second.html"]
    intro = (out / "00_intro.html").read_text()
    assert "42" in intro and "Intro lesson" in intro
    assert 'href="01_second.html"' in intro, "links between lessons point at the handout pages"
    # Each lesson runs from its own folder, so relative paths in lessons work.
    assert "notebooks" in (out / "01_second.html").read_text()
    index = (out / "index.html").read_text()
    assert 'href="00_intro.html"' in index and 'href="01_second.html"' in index
    assert (out / MARKER).exists()
    # The notebooks themselves were not executed in place.
    assert nbformat.read(lessons / "00_intro.ipynb", as_version=4).cells[1].outputs == []


def test_failure_names_the_notebook_and_the_cell_and_the_build_goes_on(lessons, tmp_path):
    _write(lessons, "00_broken.ipynb", [new_markdown_cell("# Broken"),
                                          new_code_cell("y = 1"),
                                          new_code_cell("print(x_undefined)")])
    out = tmp_path / "handouts"
    with pytest.raises(BuildError) as caught:
        build_html(out, lessons, timeout=120, execute=True)
    message = str(caught.value)
    assert "00_broken.ipynb failed at cell 3 (code cell 2" in message
    assert "NameError" in message and "x_undefined" in message
    assert (out / "01_second.html").exists(), "later lessons still get built"
    assert "could not be built" in (out / "index.html").read_text()


def test_refuses_to_write_into_a_folder_it_did_not_make(lessons, tmp_path):
    out = tmp_path / "my_folder"
    out.mkdir()
    (out / "my_notes.html").write_text("a learner's own file")
    with pytest.raises(BuildError, match="did not make"):
        build_html(out, lessons, timeout=120, execute=True)
    assert (out / "my_notes.html").read_text() == "a learner's own file"
    assert not (out / "00_intro.html").exists()


def test_command_line_reports_failure_with_exit_code_1(tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    _write(folder, "00_fail.ipynb", [new_code_cell("1 / 0")])
    run = subprocess.run([sys.executable, "-m", "coursekit", "build-html", str(tmp_path / "out"),
                          "--notebooks", str(folder), "--timeout", "120", "--execute"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "00_fail.ipynb failed at cell 1" in run.stderr and "ZeroDivisionError" in run.stderr


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(BuildError, match="No lesson notebooks"):
        build_html(tmp_path / "out", tmp_path)


def test_built_from_saved_outputs_by_default_without_running(lessons, tmp_path):
    nb = nbformat.read(lessons / "00_intro.ipynb", as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="saved 42\n")]
    nb.cells[1].source = "raise SystemExit('a handout must not run this')"
    nbformat.write(nb, lessons / "00_intro.ipynb")
    build_html(tmp_path / "out", lessons)
    page = (tmp_path / "out" / "00_intro.html").read_text()
    assert "saved 42" in page and "SystemExit" not in page, "learners see outputs, not code"


def test_a_changed_or_foreign_page_is_never_overwritten(lessons, tmp_path):
    out = tmp_path / "handouts"
    build_html(out, lessons)
    build_html(out, lessons)  # its own, unchanged pages are rebuilt quietly
    mine = out / "01_second.html"
    mine.write_text(mine.read_text() + "<p>my notes for Monday</p>")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(BuildError, match=re.escape(str(mine))):
        build_html(out, lessons, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "nothing was written"
    # A file of the same name that build-html never wrote is refused the same way.
    other = tmp_path / "shared"
    other.mkdir()
    (other / "00_intro.html").write_text("a colleague's page")
    with pytest.raises(BuildError, match="00_intro.html"):
        build_html(other, lessons, force=True)
    assert (other / "00_intro.html").read_text() == "a colleague's page"


@pytest.fixture(scope="module")
def course_handouts(tmp_path_factory):
    """The course's own handouts, both kinds, built once for the checks below."""
    built = {}
    for audience in ("learner", "instructor"):
        out = tmp_path_factory.mktemp(audience)
        build_html(out, audience=audience)
        built[audience] = out
    return built


REMOTE = re.compile(r"""<(?:script|img|iframe|link|source)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""", re.I)


CODE_INPUT = re.compile(r'class="[^"]*jp-InputArea-editor')
WIDGET_VIEW = re.compile(r'<script type="application/vnd.jupyter.widget-view\+json"')


def test_every_page_loads_nothing_from_elsewhere(course_handouts):
    for out in course_handouts.values():
        for page in out.glob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert not REMOTE.search(text), f"{page.name} loads {REMOTE.search(text).group(0)}"
            assert "@import url(http" not in text


def test_learner_pages_hide_code_markers_and_answers(course_handouts):
    out = course_handouts["learner"]
    lesson = (out / "01_moments_of_truth.html").read_text(encoding="utf-8")
    assert "NBVAL_CHECK_OUTPUT" not in lesson and not CODE_INPUT.search(lesson)
    assert "Key points" in lesson and "data:image/png;base64" in lesson, "prose and figures stay"
    assert 'class="ck-widget"' in lesson and not WIDGET_VIEW.search(lesson)
    exercise = (out / "exercise-01_moments_of_truth.html").read_text(encoding="utf-8")
    assert "# SOLUTION" not in exercise and "BEGIN SOLUTION" not in exercise
    assert "Question 1" in exercise


def test_instructor_pages_add_code_and_notes(course_handouts):
    out = course_handouts["instructor"]
    lesson = (out / "01_moments_of_truth.html").read_text(encoding="utf-8")
    code, notes = lesson.split("Instructor notes ·", 1)
    assert CODE_INPUT.search(code) and "NBVAL_CHECK_OUTPUT" not in code
    assert "Expected answers" in notes and "Common misconceptions" in notes
    # The exercise page is the master: its solution lines, as the notes' answer tables assume.
    exercise = (out / "exercise-01_moments_of_truth.html").read_text(encoding="utf-8")
    master = (ROOT / "exercises" / "source" / "01_moments_of_truth.ipynb").read_text(encoding="utf-8")
    assert master.count("# SOLUTION") and exercise.count("# SOLUTION") >= 1


def test_index_links_everything_and_shows_no_timings(course_handouts):
    for out in course_handouts.values():
        index = (out / "index.html").read_text(encoding="utf-8")
        links = set(re.findall(r'href="([^"]+)"', index))
        expected = {p.name for p in out.glob("*.html")} - {"index.html"}
        assert links == expected
        assert {"glossary.html", "data-airport.html", "exercise-01_moments_of_truth.html",
                "00_start_here.html"} <= links
        assert not re.search(r"\d+(\.\d+)? ?s\b|ran in|seconds", index), "build timings are for maintainers"
