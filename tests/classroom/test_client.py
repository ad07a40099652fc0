"""The learner's side without a board: what can be handed in, what a mistake says, and the
one-line receipts."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import coursekit as ck
from coursekit import InputError
from coursekit.classroom import client, localqueue, testform
from coursekit.classroom.prepost import public_questions, questions


@pytest.fixture(autouse=True)
def learner_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(localqueue.ENV, str(tmp_path / "learner"))
    return tmp_path / "learner"


@pytest.mark.parametrize("given, sent", [
    (np.float64(35.8), 35.8),
    (np.int64(3), 3),
    (np.array(["security", "in_flight"]), ["security", "in_flight"]),
    (pd.Series([1.5, 2.5]), [1.5, 2.5]),
    (("a", "b"), ["a", "b"]),
    ({"b", "a"}, ["a", "b"]),
    ({1: "x"}, {"1": "x"}),
    (True, True),
    ("安检", "安检"),
])
def test_answers_become_plain_json(given, sent):
    assert client._plain(given) == sent
    json.dumps(client._plain(given))


@pytest.mark.parametrize("given, message", [
    (..., "still ... : replace the ... with your answer first"),
    (float("nan"), "missing (NaN) or infinite"),
    ([1, float("inf")], "missing (NaN) or infinite"),
    (object(), "is a object, which cannot be handed in"),
])
def test_what_cannot_be_handed_in_is_said_plainly(given, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace(".", r"\.")):
        client._plain(given)


def test_nothing_can_be_sent_before_joining():
    with pytest.raises(InputError, match="has not joined a board yet"):
        ck.classroom.submit("02-three-mots", ["security"])


@pytest.mark.parametrize("board, code, message", [
    ("192.168.1.20:8800", "k7m2p-xq4rt-9hd3w-ab5ne-uu8fz", "should start with http://"),
    ("http://127.0.0.1:9", "short", "the long code the instructor gave your team"),
])
def test_join_checks_its_arguments(board, code, message):
    with pytest.raises(InputError, match=message):
        ck.classroom.join(board, code)


def test_joining_an_unreachable_board_keeps_the_settings_and_says_so(learner_folder):
    receipt = ck.classroom.join("http://127.0.0.1:9", "k7m2p-xq4rt-9hd3w-ab5ne-uu8fz",
                                learner="Li Wei")
    assert receipt.status == "waiting" and "cannot be reached" in str(receipt)
    settings = json.loads((learner_folder / "board.json").read_text(encoding="utf-8"))
    assert settings["learner"] == "Li Wei"
    assert oct((learner_folder / "board.json").stat().st_mode)[-3:] == "600"


def test_an_answer_too_large_for_the_board_is_refused_before_sending(learner_folder):
    ck.classroom.join("http://127.0.0.1:9", "k7m2p-xq4rt-9hd3w-ab5ne-uu8fz")
    with pytest.raises(InputError, match="at most 64 KB"):
        ck.classroom.submit("02-memo", "x" * 70_000)
    assert not list((learner_folder / "queue").glob("*.json"))


def test_a_receipt_is_one_line_in_text_and_in_html():
    receipt = client.Receipt("refused", "Challenge 'x<y>' is locked.")
    assert str(receipt) == "✗ Challenge 'x<y>' is locked." and "\n" not in str(receipt)
    assert "x&lt;y&gt;" in receipt._repr_html_() and "<y>" not in receipt._repr_html_()
    assert client.Receipt("format", "ok").received and not client.Receipt("waiting", "").received


def test_a_test_answer_may_be_a_letter_or_the_answers_text():
    items = questions("02")
    shown = public_questions(items)
    resolved = testform._resolve(items, {1: "b", "2": 35.8, 3: shown[2]["options"][0]})
    assert resolved == {"1": shown[0]["options"][1], "2": 35.8, "3": shown[2]["options"][0]}
    with pytest.raises(InputError, match="this test has questions 1 to 7"):
        testform._resolve(items, {9: "A"})


def test_a_test_needs_the_learners_name():
    ck.classroom.join("http://127.0.0.1:9", "k7m2p-xq4rt-9hd3w-ab5ne-uu8fz")
    with pytest.raises(InputError, match="The tests need your name"):
        ck.classroom.send_test("02", "pre", {1: "A"})
    with pytest.raises(InputError, match="phase='during' is not an option"):
        ck.classroom.send_test("02", "during", {1: "A"})


def test_the_learners_side_loads_no_web_server_and_no_heavy_library():
    import subprocess
    import sys

    code = ("import sys, coursekit as ck; ck.classroom.submit; heavy = [m for m in ('tornado', "
            "'pandas', 'numpy', 'matplotlib', 'sqlite3') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
