"""The board's pages and words: both languages everywhere, colour-blind-safe colours, and
nothing that could fetch from off the machine or run a team's text as code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.classroom import i18n
from coursekit.classroom.store import CHALLENGE_STATES
from coursekit.course.feedback import LOOK
from coursekit.style import OKABE_ITO

HERE = Path(i18n.__file__).parent
STATIC = sorted((HERE / "static").iterdir())
TEMPLATES = sorted((HERE / "templates").iterdir())
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("key", sorted(i18n.TEXT))
def test_every_word_of_the_board_is_in_english_and_chinese(key):
    english, chinese = i18n.TEXT[key]
    assert english.strip() and chinese.strip()
    if key not in ("language", "of"):  # the switch names the *other* language
        assert CJK.search(chinese) and not CJK.search(english), key


def test_the_pages_use_only_words_the_table_has():
    used = set()
    for path in TEMPLATES:
        used |= set(re.findall(r'\bt\["(\w+)"\]', path.read_text(encoding="utf-8")))
    script = (HERE / "static" / "board.js").read_text(encoding="utf-8")
    used |= set(re.findall(r"\bT\.(\w+)", script))
    assert used <= set(i18n.TEXT), used - set(i18n.TEXT)
    assert {"takes_lead", "handed_in"} <= used
    # States are looked up by name ("state_" + state): every state has its words.
    assert {f"state_{state}" for state in CHALLENGE_STATES} <= set(i18n.TEXT)


def _grey(colour: str) -> bool:
    r, g, b = colour[1:3], colour[3:5], colour[5:7]
    return r == g == b


def test_colours_are_okabe_ito_greys_or_the_feedback_tints():
    allowed = {c.upper() for c in OKABE_ITO.values()} | {bg.upper() for _, _, bg in LOOK.values()}
    css = (HERE / "static" / "board.css").read_text(encoding="utf-8")
    colours = {c.upper() for c in re.findall(r"#[0-9A-Fa-f]{6}\b", css)}
    assert colours and all(c in allowed or _grey(c) for c in colours), colours - allowed


def test_a_state_is_never_shown_by_colour_alone():
    script = (HERE / "static" / "board.js").read_text(encoding="utf-8")
    # every mark comes with a symbol and a word
    for symbol in ("✓ ", "✗ ", "– ", "★ "):
        assert symbol in script
    assert 'T["state_" + c.state]' in script


@pytest.mark.parametrize("path", STATIC + TEMPLATES, ids=lambda p: p.name)
def test_nothing_is_fetched_from_off_the_machine(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, flags=re.I), path.name
    assert "@import" not in text


def test_the_board_script_never_writes_markup():
    script = (HERE / "static" / "board.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_run_no_inline_script_and_print_only_escaped_values(path):
    text = path.read_text(encoding="utf-8")
    for tag in re.findall(r"<script[^>]*>", text):
        assert 'src="' in tag or 'type="application/json"' in tag, tag
    raws = re.findall(r"\{% raw (\w+) %\}", text)
    assert set(raws) <= {"words_json", "xsrf"}, raws  # both made by the board, not by teams
    assert not re.search(r"\son[a-z]+\s*=", text)  # no inline event handlers


def test_certificates_print_one_per_a4_page():
    css = (HERE / "static" / "board.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{\s*size:\s*A4", css)
    assert "break-after: page" in css
