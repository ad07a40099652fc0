"""One source of lesson metadata (coursekit/course/lessons.toml), and everything made from it:
coursekit.course_map(), the README table, lesson 00's table, each lesson's opening block and
Key points, and the handouts index."""
import json
from pathlib import Path

import pytest

import coursekit as ck
from coursekit.course.lessons import (extras, header_markdown, key_points_markdown, lesson,
                                      lessons, markdown_table)

ROOT = Path(__file__).resolve().parents[2]
READY = [item for item in (*lessons(), *extras()) if (ROOT / "notebooks" / item.notebook).exists()]


def test_plan_keeps_the_numbering_of_the_foundation_issue():
    assert [item.title for item in lessons()] == [
        "Start here", "Services and Moments of Truth", "Finding the critical moments in data",
        "SERVQUAL: measuring service quality", "The gaps model and service standards",
        "KANO: which features delight", "Service recovery",
        "The service life cycle and the service–profit chain",
        "Capstone: an end-to-end improvement project",
    ]
    assert [item.number for item in lessons()] == [f"{n:02d}" for n in range(9)]
    assert all(item.slug.startswith(item.number + "_") for item in lessons())


def test_lesson_lookup_by_number_or_slug():
    assert lesson(2).slug == lesson("02").slug == lesson("02_finding_critical_moments").slug
    assert lesson("your_own_survey").kind == "extra"
    with pytest.raises(ck.InputError, match="There is no lesson '42'.*your_own_survey"):
        lesson("42")


def test_extra_notebooks_follow_the_lessons_without_a_number():
    assert [item.slug for item in extras()] == ["your_own_survey"]
    item = extras()[0]
    assert item.number == "" and item.notebook == "your_own_survey.ipynb"
    assert header_markdown(item).startswith(f"# {item.heading}\n")
    assert "**Next:**" not in key_points_markdown(item)
    plan = ck.course_map()
    assert plan["title"].iloc[-1] == item.title and plan["lesson"].iloc[-1] == ""
    assert "| [Your own survey](notebooks/your_own_survey.ipynb) |" in markdown_table("notebooks/")


def test_status_follows_the_notebooks_on_disk(tmp_path):
    assert set(ck.course_map(tmp_path).status) == {"coming"}
    (tmp_path / "02_finding_critical_moments.ipynb").write_text("{}")
    status = ck.course_map(tmp_path).set_index("lesson").status
    assert status["02"] == "ready" and status["01"] == "coming"
    table = markdown_table("notebooks/", tmp_path)
    assert "[02 Finding the critical moments in data](notebooks/02_finding_critical_moments.ipynb)" in table
    assert "01 Services and Moments of Truth *(coming)*" in table


def test_readme_table_is_current():
    expected = markdown_table("notebooks/")
    assert expected in (ROOT / "README.md").read_text(encoding="utf-8"), (
        "README's course map is out of date; replace it with the output of "
        "`python -m coursekit course-map`:\n" + expected)


def test_lesson_00_table_is_current():
    nb = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert markdown_table("") in text


@pytest.mark.parametrize("item", READY, ids=lambda i: i.slug)
def test_ready_lesson_has_complete_metadata(item):
    assert item.questions and item.objectives and item.key_points and item.functions
    assert item.minutes > 0 and item.case_note


@pytest.mark.parametrize("item", READY, ids=lambda i: i.slug)
def test_opening_block_and_key_points_come_from_the_metadata(item):
    nb = json.loads((ROOT / "notebooks" / item.notebook).read_text(encoding="utf-8"))
    markdown = ["".join(c["source"]).strip() for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert markdown[0] == header_markdown(item), "run: python -m coursekit lessons build " + item.number
    assert key_points_markdown(item) in markdown


def test_generated_blocks_say_what_the_metadata_says():
    item = lesson(1)
    header = header_markdown(item)
    assert header.startswith(f"# 01 · {item.heading}\n")
    assert f"about {item.minutes} minutes" in header
    flat = " ".join(header.split())
    assert all(" ".join(q.split()) in flat for q in item.questions)
    points = key_points_markdown(item)
    assert "**Next:** [02 · Finding the critical moments in data](02_finding_critical_moments.ipynb)" in points
    assert "Next" not in key_points_markdown(lesson(8))


def test_every_ready_lesson_links_to_an_existing_notebook():
    for row in ck.course_map().itertuples():
        if row.status == "ready":
            assert (ROOT / "notebooks" / row.notebook).is_file()
