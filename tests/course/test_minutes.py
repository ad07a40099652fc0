"""Honest minutes. Each ready lesson's stated minutes (lessons.toml) agree, within about 20 %,
with an estimate made the same way for every lesson from its text form; and each instructor
note gives a 90-minute classroom cut of its lesson, with a break."""
import json
import re
from pathlib import Path

import pytest

from coursekit.course.lessons import Lesson, estimate_minutes, lesson, lessons

ROOT = Path(__file__).resolve().parents[2]
READY = [item for item in lessons() if (ROOT / "notebooks" / item.notebook).exists()]
TOPIC_READY = [item for item in READY if item.number != "00"]
TOLERANCE = 0.20


@pytest.mark.parametrize("item", READY, ids=lambda i: i.slug)
def test_stated_minutes_are_honest(item):
    estimate = estimate_minutes(item)["total"]
    assert abs(item.minutes - estimate) <= TOLERANCE * estimate, (
        f"{item.slug}: lessons.toml says {item.minutes} minutes, the estimate from its text is "
        f"{estimate:.0f} (python -m coursekit lessons minutes). Trim the lesson or state the "
        "honest figure.")


def test_the_estimate_counts_reading_code_your_turns_and_quiz(tmp_path):
    """A made-up lesson counted by hand: 300 words of prose (2 minutes), two code cells outside
    a Your turn (3 minutes), one short Your turn whose own check cell is part of it (3 minutes),
    one long Your turn (8 minutes) and a four-question quiz (2 minutes)."""
    item = Lesson(number="99", slug="99_test", title="t", heading="t", minutes=1, cases=(),
                  case_note="", topics=(), questions=(), objectives_lead="", objectives=(),
                  key_points=(), functions=(), next_note="")
    prose = " ".join(["word"] * 100)
    short_turn = "### Your turn\n\n" + " ".join(["do"] * 20)       # 22 words with its heading
    long_turn = "### Your turn\n\n" + " ".join(["try"] * 130)      # over 120 words
    code = "```{code-cell} ipython3\nx = 1\n```"
    text = "\n\n".join(["---\nkernelspec: {}\n---", f"## One\n\n{prose}", code, f"{prose}", code,
                        short_turn, code, "## Two", prose, long_turn])
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "99_test.md").write_text(text, encoding="utf-8")
    (tmp_path / "notebooks" / "quizzes").mkdir(parents=True)
    (tmp_path / "notebooks" / "quizzes" / "99_test.json").write_text(json.dumps([{}] * 4))
    parts = estimate_minutes(item, root=tmp_path)
    words = 300 + 2 + 22 + 132          # prose, the headings "One" and "Two", the two turns
    assert parts["reading"] == pytest.approx(words / 150)
    assert parts["code"] == 3.0 and parts["your_turn"] == 3 + 8 and parts["quiz"] == 2.0
    assert parts["total"] == pytest.approx(sum(v for k, v in parts.items() if k != "total"))


def _ninety_minute_plan(text: str):
    """(block, minutes) rows of the first table after the heading that names the 90-minute cut."""
    heading = re.search(r"(?m)^#{2,3} .*90-minute.*$", text)
    assert heading, "no heading naming the 90-minute classroom plan"
    rest = text[heading.end():]
    table = re.search(r"(?m)^\|.*\|\n\|[-| :]+\|\n((?:\|.*\|\n?)+)", rest)
    assert table, "the 90-minute plan has no table"
    header = [h.strip().lower() for h in rest[table.start():].splitlines()[0].strip("|").split("|")]
    column = header.index("minutes")
    rows = []
    for line in table.group(1).strip().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append((" ".join(cells), int(cells[column])))
    return rows


@pytest.mark.parametrize("item", TOPIC_READY, ids=lambda i: i.slug)
def test_instructor_notes_have_a_ninety_minute_cut_with_a_break(item):
    text = (ROOT / "instructors" / item.text).read_text(encoding="utf-8")
    rows = _ninety_minute_plan(text)
    total = sum(minutes for _, minutes in rows)
    assert 60 <= total <= 90, f"the 90-minute plan adds up to {total} minutes"
    breaks = [minutes for block, minutes in rows if re.search(r"\bbreak\b", block, re.I)]
    assert breaks and max(breaks) >= 5, "the 90-minute plan needs a break of 5 minutes or more"


def test_lesson_lookup_used_here_is_the_metadata():
    assert lesson(1).minutes == next(i.minutes for i in lessons() if i.number == "01")
