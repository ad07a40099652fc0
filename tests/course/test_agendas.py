"""The workshop agendas add up: every session is at most 90 minutes, its parts sum to its
length, its clock times match, breaks separate sessions, and lesson titles are lessons.toml's."""
import re
from datetime import datetime
from pathlib import Path

import pytest

from coursekit.course.lessons import lessons

ROOT = Path(__file__).resolve().parents[2]
AGENDAS = sorted((ROOT / "instructors").glob("workshop-*.md"))
ROW = re.compile(r"^\| \**(\d\d:\d\d)–(\d\d:\d\d)\** \|([^|]*)\|([^|]*)\|", re.M)


def _minutes(start: str, end: str) -> int:
    return int((datetime.strptime(end, "%H:%M") - datetime.strptime(start, "%H:%M")).seconds / 60)


def test_there_are_a_one_and_a_two_day_agenda():
    assert [p.name for p in AGENDAS] == ["workshop-1-day.md", "workshop-2-day.md"]


@pytest.mark.parametrize("agenda", AGENDAS, ids=lambda p: p.name)
def test_sessions_are_cut_at_90_minutes_and_add_up(agenda):
    text = agenda.read_text(encoding="utf-8")
    rows = [(s, e, label.strip(), what.strip()) for s, e, label, what in ROW.findall(text)]
    sessions = [r for r in rows if r[2].startswith("**")]
    assert len(sessions) >= 4
    for start, end, label, what in sessions:
        length = int(re.search(r"\((\d+)\)\*\*", label).group(1))
        assert _minutes(start, end) == length <= 90, (label, start, end)
        parts = [int(n) for n in re.findall(r"\((\d+)\)", what)]
        assert sum(parts) == length, f"{label}: parts {parts} add up to {sum(parts)}, not {length}"
    for day in re.split(r"^## Day \d", text, flags=re.M)[1:] or [text]:
        day_rows = [(s, e, label.strip(), what) for s, e, label, what in ROW.findall(day)]
        for (s1, e1, l1, _), (s2, e2, l2, _) in zip(day_rows, day_rows[1:]):
            assert e1 == s2, f"{l1} ends {e1} but {l2} starts {s2}"
            assert not (l1.startswith("**") and l2.startswith("**")), f"no break between {l1} and {l2}"


@pytest.mark.parametrize("agenda", AGENDAS, ids=lambda p: p.name)
def test_lesson_titles_are_those_of_lessons_toml(agenda):
    text = agenda.read_text(encoding="utf-8")
    titles = {item.number: item.title for item in lessons()}
    mentioned = re.findall(r"Lesson (\d\d) \*([^*]+)\*", text)
    assert mentioned
    for number, title in mentioned:
        assert titles[number] == title, (number, title)
    assert "setup-check link" in text and "elpers" in text and "Room and hub setup" in text
