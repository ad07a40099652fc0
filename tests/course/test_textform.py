"""Lessons kept as text: each lesson's MyST text form agrees with its saved notebook, the two
round-trip, and a translation that lags its English source is found."""
from pathlib import Path

import nbformat
import pytest

from coursekit.course import textform
from coursekit.course.lessons import extras, lessons

ROOT = Path(__file__).resolve().parents[2]
READY = [item for item in (*lessons(), *extras()) if (ROOT / "notebooks" / item.notebook).exists()]


@pytest.mark.parametrize("item", READY, ids=lambda i: i.slug)
def test_every_lesson_has_a_text_form_that_agrees_with_its_notebook(item):
    assert (textform.TEXT / item.text).is_file(), f"run: python -m coursekit lessons text {item.number}"
    assert textform.check(item) == []


@pytest.mark.parametrize("item", READY, ids=lambda i: i.slug)
def test_text_form_round_trips(item):
    nb = nbformat.read(ROOT / "notebooks" / item.notebook, as_version=4)
    text = textform.to_text(nb)
    assert textform.to_text(textform.from_text(text)) == text
    assert textform.compare(text, nb) == []


def test_text_form_holds_no_outputs_and_no_volatile_metadata():
    text = (textform.TEXT / READY[0].text).read_text(encoding="utf-8")
    assert "jupytext_version" not in text and "execution_count" not in text
    assert "iopub" not in text and "image/png" not in text


def test_a_changed_notebook_is_caught():
    item = READY[1]
    nb = nbformat.read(ROOT / "notebooks" / item.notebook, as_version=4)
    text = (textform.TEXT / item.text).read_text(encoding="utf-8")
    nb.cells[3].source += "\nA sentence added in JupyterLab only."
    problems = textform.compare(text, nb)
    assert problems and "cell 4 differs (source)" in problems[0]
    nb.cells.pop()
    assert "cells in the text form" in textform.compare(text, nb)[0]


def test_tags_survive_the_text_form():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0", metadata={"tags": ["raises-exception"]})])
    back = textform.from_text(textform.to_text(nb))
    assert back.cells[0].metadata["tags"] == ["raises-exception"]


def _translate(folder: Path, source: Path, language="zh") -> Path:
    hashes = textform.cell_hashes(source.read_text(encoding="utf-8"))
    target = folder / language / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("---\ncoursekit:\n  translation_of: " + source.stem + "\n  source_cells: ["
                      + ", ".join(hashes) + "]\n---\n\n# 翻译\n", encoding="utf-8")
    return target


def test_translation_staleness_is_detected_cell_by_cell(tmp_path):
    source = tmp_path / READY[1].text
    english = (textform.TEXT / READY[1].text).read_text(encoding="utf-8")
    source.write_text(english, encoding="utf-8")
    _translate(tmp_path, source)
    status = textform.translation_status(tmp_path)
    assert status.to_dict("records") == [{"language": "zh", "lesson": source.stem, "stale_cells": [],
                                          "removed_cells": 0, "up_to_date": True}]
    nb = textform.from_text(english)
    nb.cells[4].source += "\nA new sentence in English."
    source.write_text(textform.to_text(nb), encoding="utf-8")
    row = textform.translation_status(tmp_path).iloc[0]
    assert row.stale_cells == [5] and not row.up_to_date
    nb.cells.pop(6)
    source.write_text(textform.to_text(nb), encoding="utf-8")
    row = textform.translation_status(tmp_path).iloc[0]
    assert row.removed_cells == 1 and not row.up_to_date


def test_committed_translations_are_current():
    status = textform.translation_status()
    stale = status[~status.up_to_date]
    assert stale.empty, "translations behind their English source:\n" + stale.to_string()
