"""Nothing is lost: not when the board is killed mid-session, and not when a notebook cannot
reach it. Real boards, started and stopped (and killed) by process id."""
from __future__ import annotations

import json
import signal
import sqlite3
import threading
import uuid

import pytest

import coursekit as ck
from coursekit.classroom import localqueue

from . import _board

THREE = ["security", "ground_transport", "boarding_gate"]
TEAMS = ",".join(f"Team {n}" for n in range(1, 7))


def _stored(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT client_id FROM submissions")]


def test_killing_the_board_mid_session_loses_no_received_answer(tmp_path):
    board = _board.start(tmp_path / "pk.sqlite", TEAMS, "--burst", "100")
    receipts, unsent, lock = [], [], threading.Lock()
    stop_at = threading.Event()

    def team_sends(name):
        for round_ in range(25):
            client_id = uuid.uuid4().hex
            body = {"challenge": "02-security-share", "answer": 30 + round_,
                    "client_id": client_id}
            try:
                status, data = board.json("POST", "/api/submit", body, token=board.codes[name],
                                          timeout=5)
            except OSError:
                status = None
            with lock:
                (receipts if status == 200 else unsent).append((name, body))
                if len(receipts) >= 40:
                    stop_at.set()

    try:
        assert board.instructor("challenge", challenge="02-security-share",
                                action="open")[0] == 200
        threads = [threading.Thread(target=team_sends, args=(n,)) for n in board.codes]
        for thread in threads:
            thread.start()
        assert stop_at.wait(timeout=30), "the teams could not hand in 40 answers"
        board.stop(signal.SIGKILL)  # a crash: no clean shutdown, no checkpoint
        for thread in threads:
            thread.join(timeout=30)
    finally:
        board.stop()
    assert receipts and unsent, "the kill should land while answers are on their way"
    # Every answer the board confirmed is in the file after the crash.
    stored = set(_stored(board.db))
    assert {body["client_id"] for _, body in receipts} <= stored

    again = _board.start(board.db, port=board.port)
    try:
        # The same join codes still work, and the answers that were not confirmed can be sent
        # again; any the board had in fact stored are recognised, not counted twice.
        assert again.codes == board.codes
        for name, body in unsent:
            status, data = again.json("POST", "/api/submit", body, token=again.codes[name])
            assert status == 200, data
        ids = _stored(board.db)
        assert len(ids) == len(set(ids)) == len(receipts) + len(unsent)
        _, view = again.json("GET", "/api/board")
        assert {c["id"]: c["state"] for c in view["challenges"]}["02-security-share"] == "open"
    finally:
        again.stop()


@pytest.fixture
def learner_folder(tmp_path, monkeypatch):
    folder = tmp_path / "learner"
    monkeypatch.setenv(localqueue.ENV, str(folder))
    return folder


def test_answers_wait_on_the_learners_computer_until_the_board_is_back(tmp_path, learner_folder):
    port = _board.free_port()
    first = _board.start(tmp_path / "pk.sqlite", "Lotus,Peony", port=port)
    code = first.codes["Lotus"]
    assert first.instructor("challenge", challenge="02-three-mots", action="open")[0] == 200
    joined = ck.classroom.join(first.url, code, learner="Li Wei")
    assert joined.status == "received" and "Lotus" in str(joined)
    first.stop()

    # The board is down: the answer is kept, and the learner is told so in one line.
    receipt = ck.classroom.submit("02-three-mots", THREE)
    assert receipt.status == "waiting" and "\n" not in str(receipt)
    assert "cannot be reached" in receipt.message and "ck.classroom.resend()" in receipt.message
    second = ck.classroom.submit("02-three-mots", ["security", "ground_transport", "in_flight"])
    assert second.status == "waiting" and "(2 waiting)" in second.message
    assert len(ck.classroom.waiting()) == 2
    assert len(list((learner_folder / "queue").glob("*.json"))) == 2
    assert ck.classroom.resend().status == "waiting"

    back = _board.start(tmp_path / "pk.sqlite", port=port)
    try:
        done = ck.classroom.resend()
        assert done.status == "received" and "Sent 2 of 2" in done.message
        assert ck.classroom.waiting().empty
        assert ck.classroom.resend().message.startswith("Nothing is waiting")
        # Sent in the order written, so the later answer is the one that counts.
        _, own = back.json("GET", "/api/teams/Lotus/answers", token=code)
        assert own["answers"][-1]["answer"] == ["security", "ground_transport", "in_flight"]
        assert own["answers"][-1]["number"] == 2
        sent = [json.loads(line) for line in
                (learner_folder / "sent.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [s["receipt"]["number"] for s in sent] == [1, 2]

        # Sending the same queued answer twice (two kernels at once) counts once.
        path = localqueue.enqueue(localqueue.load_settings(), "/api/submit",
                                  {"challenge": "02-three-mots", "answer": THREE,
                                   "client_id": "fixed-id-0001", "learner": "Li Wei"}, "x")
        copy = path.with_name("0" + path.name)
        copy.write_bytes(path.read_bytes())
        assert ck.classroom.resend().status == "received"
        assert _stored(back.db).count("fixed-id-0001") == 1

        # A refusal is final, and the answer is still kept, with the board's reason.
        assert back.instructor("challenge", challenge="02-three-mots", action="lock")[0] == 200
        late = ck.classroom.submit("02-three-mots", THREE)
        assert late.status == "refused" and "locked" in late.message
        kept = list((learner_folder / "refused").glob("*.json"))
        assert len(kept) == 1
        assert json.loads(kept[0].read_text(encoding="utf-8"))["body"]["answer"] == THREE
    finally:
        back.stop()


def test_the_command_line_backs_up_a_running_board_and_never_overwrites(tmp_path):
    import subprocess
    import sys

    board = _board.start(tmp_path / "pk.sqlite", "Lotus,Peony")
    try:
        command = [sys.executable, "-m", "coursekit", "board", "--db", str(board.db),
                   "--backup-to", str(tmp_path / "copy.sqlite")]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "Wrote a copy" in done.stdout
        again = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert again.returncode == 1 and "already exists" in again.stderr
    finally:
        board.stop()
    with sqlite3.connect(tmp_path / "copy.sqlite") as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM teams ORDER BY id")] == \
            ["Lotus", "Peony"]


def test_a_clean_stop_leaves_one_file_to_copy(tmp_path):
    board = _board.start(tmp_path / "pk.sqlite", "Lotus")
    try:
        assert board.instructor("challenge", challenge="02-memo", action="open")[0] == 200
        body = {"challenge": "02-memo", "answer": "memo", "client_id": uuid.uuid4().hex}
        assert board.json("POST", "/api/submit", body, token=board.codes["Lotus"])[0] == 200
        assert (tmp_path / "pk.sqlite-wal").exists()
    finally:
        assert board.stop() == 0
    assert not (tmp_path / "pk.sqlite-wal").exists()  # folded back into the one file
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes((tmp_path / "pk.sqlite").read_bytes())
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT answer FROM submissions").fetchone()[0] == '"memo"'
