"""`python -m coursekit build-html`: runs lessons in fresh kernels, names failures, overwrites nothing."""
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursekit.course.handouts import MARKER, BuildError, build_html

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
    results = build_html(out, lessons, timeout=120)
    assert [r.notebook.name for r in results] == ["00_intro.ipynb", "01_second.ipynb"]
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
        build_html(out, lessons, timeout=120)
    message = str(caught.value)
    assert "00_broken.ipynb failed at cell 3 (code cell 2" in message
    assert "NameError" in message and "x_undefined" in message
    assert (out / "01_second.html").exists(), "later lessons still get built"
    assert "failed" in (out / "index.html").read_text()


def test_refuses_to_write_into_a_folder_it_did_not_make(lessons, tmp_path):
    out = tmp_path / "my_folder"
    out.mkdir()
    (out / "my_notes.html").write_text("a learner's own file")
    with pytest.raises(BuildError, match="did not make"):
        build_html(out, lessons, timeout=120)
    assert (out / "my_notes.html").read_text() == "a learner's own file"
    assert not (out / "00_intro.html").exists()


def test_command_line_reports_failure_with_exit_code_1(tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    _write(folder, "00_fail.ipynb", [new_code_cell("1 / 0")])
    run = subprocess.run([sys.executable, "-m", "coursekit", "build-html", str(tmp_path / "out"),
                          "--notebooks", str(folder), "--timeout", "120"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "00_fail.ipynb failed at cell 1" in run.stderr and "ZeroDivisionError" in run.stderr


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(BuildError, match="No lesson notebooks"):
        build_html(tmp_path / "out", tmp_path)
