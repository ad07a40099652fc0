"""Pre/post tests from a lesson's knowledge check, the learning gain on the board (without names
on the projector), certificates, the exports and the live event stream — on a real board."""
from __future__ import annotations

import csv
import http.client
import io
import json
import re
import socket
import sqlite3
import time
import uuid

import pytest

import coursekit as ck
from coursekit.classroom import localqueue
from coursekit.classroom.prepost import is_right, public_questions, questions

from . import _board

ITEMS = questions("02")


def right_answers() -> dict:
    out = {}
    for number, item in enumerate(ITEMS, start=1):
        if item["type"] == "numeric":
            out[number] = next(a["value"] for a in item["answers"] if a.get("correct"))
        else:
            out[number] = next(a["answer"] for a in item["answers"] if a.get("correct"))
    return out


def wrong_answers() -> dict:
    out = {}
    for number, item in enumerate(ITEMS, start=1):
        if item["type"] == "numeric":
            out[number] = -1
        else:
            out[number] = next(a["answer"] for a in item["answers"] if not a.get("correct"))
    return out


def test_the_answer_sets_used_here_are_right_and_wrong():
    assert all(is_right(ITEMS[n - 1], a) for n, a in right_answers().items())
    assert not any(is_right(ITEMS[n - 1], a) for n, a in wrong_answers().items())


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    running = _board.start(tmp_path_factory.mktemp("tests") / "pk.sqlite", "Lotus,Peony",
                           "--lessons", "02")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def as_learner(board, tmp_path, monkeypatch):
    """Switch to the notebook of one learner (each has its own folder and join)."""
    def switch(name, team):
        monkeypatch.setenv(localqueue.ENV, str(tmp_path / name))
        assert ck.classroom.join(board.url, board.codes[team], learner=name).status == "received"
    return switch


def test_pre_and_post_tests_give_the_learning_gain(board, as_learner):
    as_learner("Ann", "Lotus")
    closed = ck.classroom.send_test("02", "pre", wrong_answers())
    assert closed.status == "refused" and "is not open" in closed.message
    assert board.instructor("test", lesson="02", phase="pre", state="open")[0] == 200

    first = ck.classroom.send_test("02", "pre", wrong_answers())
    assert first.status == "received" and "7 of 7 questions answered" in first.message
    again = ck.classroom.send_test("02", "pre", right_answers())
    assert again.status == "refused" and "the first answers count" in again.message

    as_learner("Bo", "Lotus")
    half = {n: a for n, a in right_answers().items() if n <= 3}
    assert ck.classroom.send_test("02", "pre", half).status == "received"

    as_learner("Cy", "Peony")  # through the form, as a learner does it
    form = ck.classroom.pretest("02")
    shown = public_questions(ITEMS)
    for number, field in form.inputs.items():
        if shown[number - 1]["kind"] == "choice":
            letters = list(field.options)
            field.value = letters[shown[number - 1]["options"].index(right_answers()[number])]
        else:
            field.value = str(right_answers()[number])
    form.send()
    assert form.receipt.status == "received", form.receipt

    assert board.instructor("test", lesson="02", phase="pre", state="closed")[0] == 200
    assert board.instructor("test", lesson="02", phase="post", state="open")[0] == 200
    for name in ("Ann", "Bo"):
        as_learner(name, "Lotus")
        assert ck.classroom.posttest("02") is not None
        assert ck.classroom.send_test("02", "post", right_answers()).status == "received"

    status, _, text = board.request("GET", "/api/board")
    room = json.loads(text)
    [entry] = room["tests"]
    assert entry["taken"] == {"pre": 3, "post": 2} and entry["both"] == 2
    assert [q["post"] for q in entry["by_question"]] == [1.0] * 7
    assert [q["pre"] for q in entry["by_question"]] == [0.5] * 3 + [0.0] * 4
    assert sorted(l["gain"] for l in entry["by_learner"]) == [4, 7]
    assert {l["label"] for l in entry["by_learner"]} == {"Learner 1", "Learner 2"}
    for name in ("Ann", "Bo", "Cy"):  # the projector's view is anonymous
        assert name not in text

    status, headers, _ = board.request("GET", f"/instructor?key={board.key}")
    cookie = headers["Set-Cookie"].split(";")[0]
    _, _, page = board.request("GET", "/instructor", headers={"Cookie": cookie})
    assert "Ann" in page and "Bo" in page and "+7" in page

    _, _, tests_csv = board.request("GET", "/instructor/tests.csv", token=board.key)
    rows = list(csv.DictReader(io.StringIO(tests_csv.lstrip("\ufeff"))))
    assert {(r["learner"], r["phase"], r["right"]) for r in rows} == {
        ("Ann", "pre", "0"), ("Bo", "pre", "3"), ("Cy", "pre", "7"), ("Ann", "post", "7"),
        ("Bo", "post", "7")}


def test_a_certificate_lists_the_lessons_completed_and_prints_to_a4(board, as_learner,
                                                                  tmp_path):
    as_learner("Ann", "Lotus")
    saved = ck.classroom.certificate(tmp_path / "ann.html")
    assert saved.status == "received", saved
    page = (tmp_path / "ann.html").read_text(encoding="utf-8")
    assert "Certificate of completion" in page and "Ann" in page and "Lotus" in page
    assert "02 · Finding the critical moments in data" in page and "7 of 7" in page
    assert "/static/" not in page and "<style>" in page  # one file, nothing to fetch
    assert "size: A4" in page
    with pytest.raises(ck.InputError, match="already exists"):
        ck.classroom.certificate(tmp_path / "ann.html")  # never overwritten

    query = "/certificate?team=Lotus&learner=Ann"
    status, _, text = board.request("GET", query, token=board.codes["Peony"])
    assert status == 403 and _board.plain_sentence(json.loads(text)["error"])
    status, _, text = board.request("GET", "/certificate?team=Lotus&learner=Zed",
                                    token=board.codes["Lotus"])
    assert status == 404 and "no records for 'Zed'" in json.loads(text)["error"]
    status, _, every = board.request("GET", "/certificates?lang=zh", token=board.key)
    assert status == 200 and every.count('class="certificate"') == 3
    assert "结业证书" in every and "尚无完成的课时" in every  # Cy took only the pre-test


def _events(board, seconds: float):
    """Read the event stream for a bounded time, changing the board once the first event has
    come; return the versions announced."""
    versions, poked, deadline = [], False, time.monotonic() + seconds
    with socket.create_connection(("127.0.0.1", board.port), timeout=seconds) as sock:
        sock.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(0.2)
        data = b""
        while time.monotonic() < deadline:
            try:
                part = sock.recv(4096)
            except socket.timeout:
                part = b""
            data += part
            versions = [int(v) for v in re.findall(rb"event: change\r?\ndata: (\d+)", data)]
            if len(versions) >= 2:
                break
            if versions and not poked:
                poked = True
                _poke(board)
    return versions


def _poke(board):
    board.instructor("challenge", challenge="02-three-mots", action="open")
    body = {"challenge": "02-three-mots", "answer": ["security"], "client_id": uuid.uuid4().hex}
    board.json("POST", "/api/submit", body, token=board.codes["Peony"])


def test_the_event_stream_announces_each_change(board):
    versions = _events(board, 10)
    assert len(versions) >= 2 and versions == sorted(set(versions))


def test_the_exports_and_the_backup_hold_what_the_board_holds(board, tmp_path):
    status, headers, text = board.request("GET", "/instructor/results.csv", token=board.key)
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {r["team"] for r in rows} == {"Lotus", "Peony"} and "02-three-mots" in rows[0]
    connection = http.client.HTTPConnection("127.0.0.1", board.port, timeout=10)
    connection.request("GET", "/instructor/backup", headers={"Authorization":
                                                             f"Bearer {board.key}"})
    response = connection.getresponse()
    (tmp_path / "backup.sqlite").write_bytes(response.read())
    connection.close()
    with sqlite3.connect(tmp_path / "backup.sqlite") as copy:
        assert copy.execute("SELECT COUNT(*) FROM test_answers").fetchone()[0] == 5
        assert copy.execute("SELECT COUNT(*) FROM teams").fetchone()[0] == 2
