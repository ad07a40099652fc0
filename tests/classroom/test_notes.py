"""The instructor notes' "Run it as a PK" sections agree with the challenge files and the
command line: every challenge is there with its points and answer, and the commands run."""
from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from coursekit.classroom.catalogue import FOLDER, catalogue
from coursekit.classroom.service import add_arguments

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(Path(str(p)) for p in FOLDER.iterdir() if p.name.endswith(".toml"))
CHALLENGES = catalogue()


def section(challenge_file: Path) -> str:
    notes = ROOT / "instructors" / challenge_file.with_suffix(".md").name
    assert notes.is_file(), f"{challenge_file.name} has no instructor notes {notes.name}"
    text = notes.read_text(encoding="utf-8")
    assert "\n## Run it as a PK" in text, f"{notes.name} needs a 'Run it as a PK' section"
    return text.split("\n## Run it as a PK", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_notes_table_has_every_challenge_with_its_points_and_answer(path):
    text = section(path)
    rows = {m.group(1): [c.strip() for c in m.group(2).split("|")]
            for m in re.finditer(r"^\| `(\d\d-[a-z0-9-]+)` \|(.*)\|$", text, flags=re.M)}
    lesson = path.name[:2]
    ids = {cid for cid, c in CHALLENGES.items() if c.lesson == lesson}
    assert set(rows) == ids
    for cid, cells in rows.items():
        challenge = CHALLENGES[cid]
        assert int(cells[1].split()[0].rstrip(",")) == challenge.max_points, cid
        if challenge.kind == "number":
            shown = (f"{challenge.expected:.1f}", f"{challenge.expected:g}")
            assert any(text in cells[2] for text in shown), cid


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_teams_cells_name_real_challenges_and_give_no_answer_away(path):
    text = section(path)
    named = re.findall(r'ck\.classroom\.submit\("([^"]+)", (.*?)\)\s', text)
    lesson = path.name[:2]
    assert {cid for cid, _ in named} == {c for c, ch in CHALLENGES.items() if ch.lesson == lesson}
    for cid, given in named:
        assert "..." in given, f"the slide's cell for {cid} should leave the answer blank"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_board_command_in_the_notes_is_one_the_board_accepts(path):
    text = section(path)
    [command] = re.findall(r"^\s*\.venv/bin/python -m coursekit board (.*)$", text, flags=re.M)
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(shlex.split(command))
    assert args.host == "0.0.0.0" and path.name[:2] in args.lessons.split(",")
