"""The board's safety promises, each tested on a real board (``python -m coursekit board``):

* a team cannot submit as another team, read another team's answers before the reveal, or
  reach instructor actions (403);
* team names and answers are escaped everywhere (the browser test sees it on the page);
* posts over 64 KB or malformed get a 4xx with a plain message;
* per-team rate limits;
* every error the learner sees is a plain sentence.

A restart mid-session is tested in ``test_board_restart.py``.
"""
from __future__ import annotations

import csv
import io
import json
import socket
import sqlite3
import time
import uuid

import pytest

from coursekit.classroom.wording import MESSAGES, say

from . import _board

EVIL = "<script>alert('pk')</script>"
TEAMS = f"Lotus,Peony,Bamboo,{EVIL}"
THREE = ["security", "ground_transport", "boarding_gate"]


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    running = _board.start(tmp_path_factory.mktemp("board") / "pk.sqlite", TEAMS,
                           "--lessons", "02")
    for cid in ("02-three-mots", "02-security-share", "02-memo"):
        assert running.instructor("challenge", challenge=cid, action="open")[0] == 200
    try:
        yield running
    finally:
        running.stop()


def answer(board, sender, cid="02-three-mots", value=THREE, **extra):
    """Team *sender* hands in *value* (with *extra* fields in the body, such as team=...)."""
    body = {"challenge": cid, "answer": value, "client_id": uuid.uuid4().hex, **extra}
    return board.json("POST", "/api/submit", body, token=board.codes[sender])


ERRORS_SEEN: list[str] = []


def refused(status_and_data, status):
    got, data = status_and_data
    assert got == status, data
    ERRORS_SEEN.append(data["error"])
    assert _board.plain_sentence(data["error"]), data["error"]
    return data["error"]


def test_the_board_printed_a_long_join_code_per_team(board):
    assert set(board.codes) == set(TEAMS.split(","))
    codes = list(board.codes.values())
    assert len(set(codes)) == len(codes)
    assert all(len(code.replace("-", "")) == 25 for code in codes)


def test_a_team_cannot_submit_as_another_team(board):
    message = refused(answer(board, "Lotus", team="Peony"), 403)
    assert "Lotus" in message and "Peony" in message
    rows = sqlite3.connect(board.db).execute(
        "SELECT COUNT(*) FROM submissions s JOIN teams t ON t.id = s.team_id WHERE t.name = "
        "'Peony'").fetchone()[0]
    assert rows == 0


def test_the_instructor_key_cannot_hand_in_for_a_team(board):
    message = refused(board.json("POST", "/api/submit", {"challenge": "02-three-mots",
                                                         "answer": THREE,
                                                         "client_id": uuid.uuid4().hex},
                                 token=board.key), 403)
    assert message == say("team_only")


def test_a_wrong_or_missing_code_cannot_submit(board):
    body = {"challenge": "02-three-mots", "answer": THREE, "client_id": uuid.uuid4().hex}
    refused(board.json("POST", "/api/submit", body), 401)
    refused(board.json("POST", "/api/submit", body, token="not-a-code-at-all-xxxxxxxx"), 401)


def test_a_team_cannot_read_another_teams_answers(board):
    assert answer(board, "Peony", value=["security", "in_flight", "arrival"])[0] == 200
    refused(board.json("GET", "/api/teams/Peony/answers", token=board.codes["Lotus"]), 403)
    status, own = board.json("GET", "/api/teams/Peony/answers", token=board.codes["Peony"])
    assert status == 200 and own["answers"][-1]["answer"] == ["security", "in_flight", "arrival"]


def test_nothing_public_shows_answers_or_keys_before_the_reveal(board):
    assert answer(board, "Lotus")[0] == 200
    for path in ("/api/board", "/api/challenges"):
        status, _, text = board.request("GET", path)
        assert status == 200
        data = json.loads(text)
        challenges = {c["id"]: c for c in data["challenges"]}
        assert "answer" not in challenges["02-three-mots"]
        assert "explain" not in challenges["02-three-mots"]
        assert "ground_transport\", \"boarding_gate" not in text  # no team's answer either
    cells = {t["name"]: t["cells"] for t in board.json("GET", "/api/board")[1]["teams"]}
    assert cells["Lotus"]["02-three-mots"]["submitted"] is True
    assert "answer" not in cells["Lotus"]["02-three-mots"]
    assert cells["Lotus"]["02-three-mots"]["points"] is None


@pytest.mark.parametrize("method, path, body", [
    ("POST", "/instructor/challenge", {"challenge": "02-three-mots", "action": "reveal"}),
    ("POST", "/instructor/award", {"team": "Lotus", "challenge": "02-memo",
                                   "criterion": "evidence", "points": 20}),
    ("POST", "/instructor/team", {"name": "Intruders"}),
    ("POST", "/instructor/test", {"lesson": "02", "phase": "pre", "state": "open"}),
    ("GET", "/instructor/results.csv", None),
    ("GET", "/instructor/answers.csv", None),
    ("GET", "/instructor/backup", None),
    ("GET", "/certificates", None),
])
def test_a_team_cannot_reach_instructor_actions(board, method, path, body):
    for token in (board.codes["Lotus"], None):
        status, _, text = board.request(method, path, body, token=token,
                                        headers={"Accept": "application/json"})
        assert status in (401, 403), (path, status)
        assert status == 403 or token is None
        ERRORS_SEEN.append(json.loads(text)["error"])
    status, data = board.json("GET", "/api/board")
    assert {c["id"]: c["state"] for c in data["challenges"]}["02-three-mots"] == "open"
    assert "Intruders" not in {t["name"] for t in data["teams"]}


def test_a_cookie_form_without_its_xsrf_token_is_refused(board):
    status, headers, _ = board.request("GET", f"/instructor?key={board.key}")
    assert status == 302
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, text = board.request(
        "POST", "/instructor/challenge", raw=b"challenge=02-three-mots&action=lock",
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and text == say("instructor_only")
    # The page's own form carries the token and works.
    status, headers, page = board.request("GET", "/instructor", headers={"Cookie": cookie})
    assert status == 200
    xsrf_cookie = headers["Set-Cookie"].split(";")[0]
    token = page.split('name="_xsrf" value="')[1].split('"')[0]
    status, headers, _ = board.request(
        "POST", "/instructor/team", raw=f"_xsrf={token}&name=Plum".encode(),
        headers={"Cookie": f"{cookie}; {xsrf_cookie}",
                 "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 303 and headers["Location"] == "/instructor#team"


def test_names_and_answers_are_escaped_in_every_page_and_export(board):
    evil_answer = "<img src=x onerror=alert(1)> =HYPERLINK(\"http://example.invalid\")"
    assert answer(board, EVIL, "02-memo", evil_answer)[0] == 200
    status, headers, _ = board.request("GET", f"/instructor?key={board.key}")
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, page = board.request("GET", "/instructor", headers={"Cookie": cookie})
    assert status == 200
    assert EVIL not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    status, _, csv_text = board.request("GET", "/instructor/answers.csv", token=board.key)
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
    memo = [r for r in rows if r["challenge"] == "02-memo" and r["team"] == EVIL]
    # The answer is stored and exported as JSON text: a spreadsheet shows it, never runs it.
    assert memo and memo[-1]["answer"] == json.dumps(evil_answer)
    status, _, results = board.request("GET", "/instructor/results.csv", token=board.key)
    assert results.startswith("\ufeff") and EVIL in results  # text in a CSV is data, not markup
    status, _, room = board.request("GET", "/board")
    assert EVIL not in room  # the board page draws names with textContent, from JSON
    assert "Content-Security-Policy" in board.request("GET", "/board")[1]


def test_a_formula_in_a_team_name_stays_text_in_the_csv(board):
    status, data = board.instructor("team", name="=1+2")
    assert status == 200
    _, _, results = board.request("GET", "/instructor/results.csv", token=board.key)
    assert "\r\n'=1+2," in results


@pytest.mark.parametrize("size", [64 * 1024 + 1, 5 * 1024 * 1024])
def test_a_post_over_64_kb_gets_413_and_a_plain_message(board, size):
    body = json.dumps({"challenge": "02-memo", "answer": "x" * size,
                       "client_id": uuid.uuid4().hex}).encode()
    status, _, text = board.request("POST", "/api/submit", raw=body, token=board.codes["Lotus"],
                                    headers={"Content-Type": "application/json"})
    assert status == 413
    assert json.loads(text)["error"] == say("too_large")


def test_a_chunked_post_over_64_kb_is_refused_too(board):
    with socket.create_connection(("127.0.0.1", board.port), timeout=10) as sock:
        head = (f"POST /api/submit HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                f"{board.codes['Lotus']}\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n\r\n").encode()
        sock.sendall(head)
        chunk = b"x" * 16384
        try:
            for _ in range(6):
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the board may close the connection once it has answered
        reply = b""
        while b"\r\n\r\n" not in reply or b"}" not in reply:
            part = sock.recv(65536)
            if not part:
                break
            reply += part
    assert reply.startswith(b"HTTP/1.1 413")
    assert say("too_large").encode() in reply


@pytest.mark.parametrize("raw, why", [
    (b"{not json", "its body is not JSON"),
    (b"[1, 2, 3]", "its body is not a JSON object"),
    (b'{"challenge": "02-three-mots", "client_id": "abcdefghij"}', "the answer is missing"),
    (b'{"challenge": "02-three-mots", "answer": NaN, "client_id": "abcdefghij"}',
     "its body is not JSON"),
    (b'{"challenge": "02-three-mots", "answer": ["a"], "client_id": "x"}', "no valid id"),
    (b"\xff\xfe", "its body is not JSON"),
])
def test_a_malformed_post_gets_400_and_a_plain_message(board, raw, why):
    status, _, text = board.request("POST", "/api/submit", raw=raw, token=board.codes["Bamboo"],
                                    headers={"Content-Type": "application/json"})
    assert status == 400
    message = json.loads(text)["error"]
    assert why in message and _board.plain_sentence(message)


def test_an_unknown_challenge_or_address_gets_a_plain_message(board):
    refused(answer(board, "Bamboo", cid="99-nothing"), 404)
    refused(board.json("GET", "/api/no/such/thing"), 404)
    refused(board.json("DELETE", "/api/submit", token=board.codes["Bamboo"]), 405)
    status, _, text = board.request("GET", "/no/such/page")
    assert status == 404 and _board.plain_sentence(text)


def test_a_locked_challenge_takes_no_more_answers(board):
    assert board.instructor("challenge", challenge="02-security-share", action="open")[0] == 200
    assert answer(board, "Bamboo", "02-security-share", 35.8)[0] == 200
    assert board.instructor("challenge", challenge="02-security-share", action="lock")[0] == 200
    message = refused(answer(board, "Bamboo", "02-security-share", 40), 409)
    assert "locked" in message
    _, own = board.json("GET", "/api/teams/Bamboo/answers", token=board.codes["Bamboo"])
    assert {a["challenge"]: a["answer"] for a in own["answers"]}["02-security-share"] == 35.8


def test_a_team_is_rate_limited_and_told_how_long_to_wait(board):
    team = board.codes[EVIL]
    outcomes = []
    for _ in range(40):
        body = {"challenge": "02-three-mots", "answer": THREE, "client_id": uuid.uuid4().hex}
        outcomes.append(board.json("POST", "/api/submit", body, token=team))
    statuses = [status for status, _ in outcomes]
    assert statuses.count(200) >= 25 and 429 in statuses
    message = refused(next(o for o in outcomes if o[0] == 429), 429)
    assert "Wait" in message
    # Other teams are not held back by one team's burst.
    assert answer(board, "Peony")[0] == 200
    time.sleep(1.2)
    assert answer(board, EVIL)[0] == 200


def test_every_message_the_board_can_send_is_a_plain_sentence():
    blanks = {"mine": "Lotus", "other": "Peony", "why": "its body is not JSON",
              "challenge": "02-three-mots", "when": "14:03:12", "seconds": 3, "team": "Lotus",
              "lesson": "02", "phase": "pre", "learner": "Li Wei", "state": "locked",
              "done": "opened", "user": "li", "teams": "Lotus, Peony"}
    for key in MESSAGES:
        assert _board.plain_sentence(say(key, **blanks)), key


def test_every_error_met_in_these_tests_was_a_plain_sentence():
    assert len(ERRORS_SEEN) >= 10
    assert all(_board.plain_sentence(m) for m in ERRORS_SEEN), ERRORS_SEEN
