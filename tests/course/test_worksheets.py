"""`python -m coursekit worksheets`: six bilingual sheets and an index, nothing remote, nothing
overwritten. (tests/browser/test_worksheets_in_browser.py prints them in Chromium.)"""
import re
import subprocess
import sys

import pytest

from coursekit import InputError
from coursekit.course.execute import BuildError
from coursekit.course.worksheets import SHEETS, write_worksheets

CJK = re.compile(r"[\u4e00-\u9fff]")
NAMES = ["journey-map.html", "service-blueprint.html", "mot-memo.html", "kano-card.html",
         "servqual-gaps.html", "recovery-observer.html"]


def test_writes_six_sheets_and_an_index(tmp_path):
    written = write_worksheets(tmp_path / "sheets")
    assert [p.name for p in written] == NAMES + ["index.html"]
    index = (tmp_path / "sheets" / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'href="([^"]+)"', index)) == set(NAMES)


def test_every_heading_is_in_english_and_chinese_and_nothing_is_remote(tmp_path):
    write_worksheets(tmp_path)
    for name in NAMES:
        text = (tmp_path / name).read_text(encoding="utf-8")
        headings = re.findall(r"<h[123]>(.*?)</h[123]>", text)
        assert headings, name
        for heading in headings:
            english, chinese = heading.split(" · ", 1)
            assert re.search(r"[A-Za-z]", english) and CJK.search(chinese), (name, heading)
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), name
        assert "<script" not in text


def test_sheets_ask_for_what_the_lessons_teach(tmp_path):
    write_worksheets(tmp_path)
    read = lambda name: (tmp_path / name).read_text(encoding="utf-8")  # noqa: E731
    observer = read("recovery-observer.html")
    for dimension in ("Distributive justice", "Procedural justice", "Interactional justice",
                      "分配公平", "程序公平", "互动公平", "Tax, Brown &amp; Chandrashekaran (1998)"):
        assert dimension in observer
    blueprint = read("service-blueprint.html")
    layers = ["Physical evidence", "Customer actions", "Line of interaction", "Onstage contact",
              "Line of visibility", "Backstage contact", "Line of internal interaction", "Support processes"]
    positions = [blueprint.index(layer) for layer in layers]
    assert positions == sorted(positions), "the layers top to bottom, as docs/methods.md §1.6"
    kano = read("kano-card.html")
    answers = ["I like it", "It must be that way", "I am neutral", "I can live with it", "I dislike it"]
    assert kano.count("I like it") == 2 and [kano.index(a) for a in answers] == sorted(kano.index(a) for a in answers)
    servqual = read("servqual-gaps.html")
    for dimension, items in [("Tangibles", "1–4"), ("Reliability", "5–9"), ("Responsiveness", "10–13"),
                             ("Assurance", "14–17"), ("Empathy", "18–22")]:
        assert re.search(rf"{dimension}</b> · [^<]+</td><td>{items}</td>", servqual), dimension
    memo = read("mot-memo.html")
    assert memo.count("Evidence") == 3 and memo.count("KPI") == 3 and "Caveat" in memo
    assert "emotion curve" in read("journey-map.html").lower()


def test_a_changed_sheet_is_never_overwritten(tmp_path):
    write_worksheets(tmp_path)
    write_worksheets(tmp_path)  # unchanged: rewritten quietly
    memo = tmp_path / "mot-memo.html"
    memo.write_text(memo.read_text(encoding="utf-8").replace("Caveat", "Caveat: our own wording"),
                    encoding="utf-8")
    with pytest.raises(BuildError, match="mot-memo.html"):
        write_worksheets(tmp_path, force=True)
    assert "our own wording" in memo.read_text(encoding="utf-8")


def test_paper_choice_is_checked_and_applied(tmp_path):
    with pytest.raises(InputError, match="Allowed: A3, A4"):
        write_worksheets(tmp_path, paper="Letter")
    write_worksheets(tmp_path, paper="A4")
    assert "size: A4 landscape" in (tmp_path / "journey-map.html").read_text(encoding="utf-8")
    assert len(SHEETS) == len(NAMES)


def test_command_line(tmp_path):
    run = subprocess.run([sys.executable, "-m", "coursekit", "worksheets", str(tmp_path / "ws")],
                         capture_output=True, text=True)
    assert run.returncode == 0 and "Wrote 6 worksheets" in run.stdout
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    run = subprocess.run([sys.executable, "-m", "coursekit", "worksheets", str(tmp_path / "mine")],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "did not make" in run.stderr
