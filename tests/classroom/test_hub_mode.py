"""The board's hub mode without a hub: who the hub says a token belongs to decides instructor and
team (hub admin or group ``instructors``; group ``team-<name>``), every address lives under the
service's prefix, and a notebook on the hub finds the board by itself. The real hub runs it end
to end in tests/hub/test_board_on_hub.py."""
from __future__ import annotations

import asyncio
import json
import urllib.request

import pytest

pytest.importorskip("jupyterhub")

from jupyterhub.services.auth import check_scopes  # noqa: E402

from coursekit.classroom import client, localqueue  # noqa: E402
from coursekit.classroom.board import Board  # noqa: E402
from coursekit.classroom.catalogue import catalogue  # noqa: E402
from coursekit.classroom.hubauth import HubBoardAuth, hub_settings, team_groups  # noqa: E402
from coursekit.classroom.pages import make_app  # noqa: E402
from coursekit.classroom.wording import MESSAGES  # noqa: E402

PREFIX = "/services/board/"
ACCESS = {"access:services!service=board"}
USERS = {  # token -> what the hub's /api/user answers for it
    "alice": {"name": "alice", "groups": ["team-Lotus"], "admin": False},
    "bob": {"name": "bob", "groups": [], "admin": False},
    "carol": {"name": "carol", "groups": ["team-Lotus", "team-Peony"], "admin": False},
    "dave": {"name": "dave", "groups": ["instructors"], "admin": False},
    "eve": {"name": "eve", "groups": [], "admin": True},
    "gina": {"name": "gina", "groups": ["team-" + "x" * 70], "admin": False},
}


class FakeHub:
    """Stands in for HubOAuth: the hub's answer about the request's token."""

    access_scopes = ACCESS

    async def get_user(self, handler, sync=False):
        token = handler.request.headers.get("Authorization", "").partition(" ")[2]
        if token == "no-access":
            return {"name": "frank", "groups": ["team-Lotus"], "admin": False, "scopes": []}
        model = USERS.get(token)
        return {**model, "kind": "user", "scopes": sorted(ACCESS)} if model else None

    def check_scopes(self, required, model):
        return check_scopes(required, set(model["scopes"]))


class FakeHubAuth(HubBoardAuth):
    def __init__(self, board, prefix):
        self.board, self.prefix, self.oauth = board, prefix, FakeHub()

    def login_redirect(self, handler):
        handler.redirect("/hub/api/oauth2/authorize?state=test")

    def routes(self):
        return []


def test_hub_settings_come_from_the_hubs_environment():
    settings = hub_settings({"JUPYTERHUB_SERVICE_PREFIX": "/services/board",
                             "JUPYTERHUB_SERVICE_URL": "http://hub:8802",
                             "JUPYTERHUB_API_TOKEN": "x"})
    # a name others use to reach the hub's pod: listen on all of its interfaces
    assert (settings["prefix"], settings["host"], settings["port"]) == \
        ("/services/board/", "0.0.0.0", 8802)
    with pytest.raises(RuntimeError, match="JUPYTERHUB_SERVICE_URL.*leave out --hub"):
        hub_settings({"JUPYTERHUB_SERVICE_PREFIX": "/services/board/"})


def test_only_groups_named_team_dash_are_teams():
    assert team_groups(["team-Peony", "instructors", "team-", "teams", "team-Lotus"]) == \
        ["Lotus", "Peony"]


def _scenario(tmp_path, steps):
    """Serve the board in hub mode on a free port and run *steps(fetch)*."""
    from tornado.httpclient import AsyncHTTPClient
    from tornado.httpserver import HTTPServer
    from tornado.netutil import bind_sockets

    challenges = {cid: c for cid, c in catalogue().items() if c.lesson == "02"}
    board = Board(tmp_path / "hub.sqlite", challenges)

    async def run():
        app = make_app(board, FakeHubAuth(board, PREFIX), prefix=PREFIX)
        sockets = bind_sockets(0, "127.0.0.1")
        server = HTTPServer(app)
        server.add_sockets(sockets)
        base = f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
        http = AsyncHTTPClient()

        async def fetch(path, token=None, body=None):
            headers = {"Accept": "application/json", "Content-Type": "application/json"}
            if token:
                headers["Authorization"] = f"token {token}"
            response = await http.fetch(base + path, method="GET" if body is None else "POST",
                                        body=None if body is None else json.dumps(body),
                                        headers=headers, raise_error=False,
                                        follow_redirects=False, request_timeout=10)
            text = response.body.decode() if response.body else ""
            return response.code, response.headers, text

        try:
            await steps(fetch)
        finally:
            server.stop()
            await server.close_all_connections()

    try:
        asyncio.run(run())
    finally:
        board.close()
    return board


def test_hub_users_are_instructors_or_teams_by_their_groups(tmp_path):
    answer = {"challenge": "02-three-mots", "answer": ["security", "ground_transport",
                                                       "boarding_gate"]}

    async def steps(fetch):
        # the instructor's actions: a team member is refused, group and admin are let in
        status, _, text = await fetch(f"{PREFIX}instructor/challenge", "alice",
                                      {"challenge": "02-three-mots", "action": "open"})
        assert status == 403 and json.loads(text)["error"] == MESSAGES["instructor_only"]
        for who in ("dave", "eve"):
            status, _, text = await fetch(f"{PREFIX}instructor/challenge", who,
                                          {"challenge": "02-three-mots", "action": "open"})
            assert status == 200 and json.loads(text) == {"state": "open"}, text
        # a team member hands in; the board knows the team and the learner from the hub,
        # whatever name the notebook claims
        status, _, text = await fetch(f"{PREFIX}api/submit", "alice",
                                      {**answer, "client_id": "a" * 32, "learner": "mallory"})
        assert status == 200 and json.loads(text)["team"] == "Lotus", text
        status, _, text = await fetch(f"{PREFIX}api/whoami", "alice")  # what certificate() asks
        assert status == 200 and json.loads(text)["team"] == "Lotus"
        status, _, text = await fetch(f"{PREFIX}api/submit", "alice",
                                      {**answer, "client_id": "b" * 32, "team": "Peony"})
        assert status == 403 and "cannot hand in answers" in json.loads(text)["error"]
        # in no team, in two teams, without the access scope, without a token
        for token, status_wanted, words in (("bob", 403, "not in a team"),
                                            ("carol", 403, "Lotus, Peony"),
                                            ("no-access", 401, "join code"),
                                            ("gina", 400, "1 to 60 characters"),
                                            (None, 401, "join code")):
            status, _, text = await fetch(f"{PREFIX}api/submit", token,
                                          {**answer, "client_id": "c" * 32})
            assert status == status_wanted and words in json.loads(text)["error"], (token, text)
        # a browser without a login goes to the hub's login; the projector's page needs none
        status, headers, _ = await fetch(f"{PREFIX}instructor")
        assert status == 302 and headers["Location"].startswith("/hub/api/oauth2/authorize")
        status, _, page = await fetch(f"{PREFIX}board")
        assert status == 200 and f'src="{PREFIX}static/board.js' in page
        status, _, page = await fetch(f"{PREFIX}instructor", "dave")
        assert status == 200 and f'action="{PREFIX}instructor/challenge"' in page
        assert "team-Lotus" in page and "ck.classroom.join(" not in page
        status, _, _ = await fetch("/board")  # nothing outside the prefix
        assert status == 404

    board = _scenario(tmp_path, steps)
    from coursekit.classroom import store

    reader = store.connect(board.path)
    rows = [dict(r) for r in reader.execute("SELECT learner, team_id FROM submissions")]
    reader.close()
    assert [r["learner"] for r in rows] == ["alice"]


def test_a_notebook_on_the_hub_sends_with_its_servers_token(tmp_path, monkeypatch):
    monkeypatch.setenv(localqueue.ENV, str(tmp_path / "queue"))
    monkeypatch.delenv(client.BOARD_ENV, raising=False)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "server-token-1")
    assert client.hub_board() is None  # a hub without a board: join by hand as usual
    monkeypatch.setenv(client.BOARD_ENV, "http://127.0.0.1:9/services/board/")
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    sent = []

    class Answer:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self):
            return json.dumps({"received": True, "team": "Lotus", "challenge": "02-three-mots",
                               "number": 1, "time": "10:00:00", "format_note": ""}).encode()

    def urlopen(request, timeout):
        sent.append((request.full_url, request.headers["Authorization"]))
        return Answer()

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    receipt = client.submit("02-three-mots", ["security"])
    assert receipt.status == "received" and "team Lotus" in str(receipt)
    assert sent == [("http://127.0.0.1:9/services/board/api/submit", "Bearer server-token-1")]
    # the token changes when the server restarts: what waits on disk names none
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: (_ for _ in ()).throw(
        OSError("down")))
    assert client.submit("02-three-mots", ["arrival"]).status == "waiting"
    kept = [p.read_text() for p in (tmp_path / "queue").rglob("*") if p.is_file()]
    assert kept and not any("server-token-1" in text for text in kept)
