"""One course plan, three places: coursekit.course_map(), the README table, lesson 00."""
import json
from pathlib import Path

import coursekit as ck
from coursekit.course.lessons import LESSONS, markdown_table

ROOT = Path(__file__).resolve().parents[2]


def test_plan_keeps_the_numbering_of_the_foundation_issue():
    titles = [title for _, _, title, *_ in LESSONS]
    assert titles == [
        "Start here", "Services and Moments of Truth", "Finding the critical moments in data",
        "SERVQUAL: measuring service quality", "The gaps model and service standards",
        "KANO: which features delight", "Service recovery",
        "The service life cycle and the service–profit chain",
        "Capstone: an end-to-end improvement project",
    ]


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


def test_every_ready_lesson_links_to_an_existing_notebook():
    for row in ck.course_map().itertuples():
        if row.status == "ready":
            assert (ROOT / "notebooks" / row.notebook).is_file()
