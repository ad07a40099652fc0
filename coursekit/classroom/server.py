"""The board's web server (tornado): the JSON interface ``ck.classroom`` talks to, the live
event stream, and the shared rules of every request.

tornado is the web framework Jupyter itself runs on and the one JupyterHub services use; it
comes with JupyterLab, so the board adds no new package. Rules every handler follows:

* bodies over 64 KB are refused with 413 before they are read, malformed ones with 400, and
  every refusal is ``{"error": "<a plain sentence>"}`` (:mod:`~coursekit.classroom.wording`);
* nothing the board sends runs in a browser unless the board wrote it: pages allow scripts and
  styles from the board only (Content-Security-Policy), and names and answers are always text;
* instructor actions need the instructor's key or cookie, and cookie-borne forms an XSRF token.
"""
from __future__ import annotations

import asyncio
import functools
import json
import math

import tornado.web
from tornado import httputil
from tornado.iostream import StreamClosedError

from . import view
from .auth import Identity
from .board import Board
from .wording import Refusal, say

MAX_BODY = 64 * 1024
#: The most the server reads of any request; larger ones are refused as soon as their headers
#: arrive, so this only bounds requests that do not say their length.
SERVER_MAX_BODY = 8 * 1024 * 1024
EVENT_STREAM_SECONDS = 300
KEEPALIVE_SECONDS = 15
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def refusals(method):
    """Turn a :class:`Refusal` raised by a handler into its status and plain sentence."""
    @functools.wraps(method)
    async def wrapper(self, *args, **kwargs):
        try:
            result = method(self, *args, **kwargs)
            if hasattr(result, "__await__"):
                await result
        except Refusal as refusal:
            self.refuse(refusal.status, refusal.message)
    return wrapper


class BaseHandler(tornado.web.RequestHandler):
    """What every page and API address of the board shares."""

    def initialize(self, board: Board, auth):
        self.board = board
        self.auth = auth
        self._identity: Identity | None = None

    def set_default_headers(self):
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Cache-Control", "no-store")

    @property
    def api(self) -> bool:
        return self.request.path.startswith("/api/") or \
            "application/json" in self.request.headers.get("Accept", "") or \
            bool(self.request.headers.get("Authorization"))

    def refuse(self, status: int, message: str) -> None:
        if self._finished:
            return
        self.clear()
        self.set_status(status)
        if self.api:
            self.set_header("Content-Type", "application/json; charset=UTF-8")
            self.finish(json.dumps({"error": message}, ensure_ascii=False))
        else:
            self.set_header("Content-Type", "text/plain; charset=UTF-8")
            self.finish(message)

    def write_error(self, status_code, **kwargs):
        # Errors tornado raises itself (unknown address, wrong method, bad request line) and
        # anything unexpected: a plain sentence, never a traceback.
        key = {404: "not_found", 405: "wrong_method"}.get(status_code, "unexpected")
        if status_code == 400:
            self.refuse(400, say("malformed", why="it is not a well-formed request"))
        else:
            self.refuse(status_code, say(key))

    def check_xsrf_cookie(self):
        # Checked in ``require_instructor`` once the body is read (see the module docstring).
        pass

    async def prepare(self):
        # On a hub the sender is whoever the hub says the token or cookie belongs to; asking
        # takes a request to the hub (cached), so it happens here, before the handler runs.
        if hasattr(self.auth, "resolve") and not self._finished:
            try:
                self._identity = await self.auth.resolve(self)
            except Refusal as refusal:  # e.g. a team group whose name the board cannot take
                self.refuse(refusal.status, refusal.message)

    def identity(self) -> Identity:
        if self._identity is None:
            self._identity = self.auth.identify(self)
        return self._identity

    def require_team(self) -> dict:
        who = self.identity()
        if who.role == "hub user":
            raise Refusal(403, who.problem, user=who.learner, teams=who.teams)
        if who.role != "team":
            raise Refusal(401 if who.role == "anyone" else 403,
                          "no_code" if who.role == "anyone" else "team_only")
        return who.team

    def learner(self, data: dict) -> str:
        """Who sent it: the hub user on a hub (it cannot be claimed), else what the notebook
        says."""
        return self.identity().learner or data.get("learner") or ""

    def require_instructor(self) -> None:
        who = self.identity()
        if who.role != "instructor":
            raise Refusal(403, "instructor_only")
        if self.request.method == "POST" and not self.request.headers.get("Authorization"):
            if hasattr(self, "body"):
                self.body()  # the form's fields, where the token is
            try:  # a cookie came with the request: it must carry the page's XSRF token
                tornado.web.RequestHandler.check_xsrf_cookie(self)
            except tornado.web.HTTPError:
                raise Refusal(403, "instructor_only") from None

    def send_json(self, data, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(json.dumps(data, ensure_ascii=False))


@tornado.web.stream_request_body
class PostHandler(BaseHandler):
    """A handler whose POST body is read with a 64 KB limit and parsed as JSON or a form."""

    async def prepare(self):
        self._chunks, self._size, self._too_large = [], 0, False
        length = self.request.headers.get("Content-Length")
        if length is not None:
            if not length.isdigit():
                return self.refuse(400, say("malformed", why="its length is not a number"))
            if int(length) > SERVER_MAX_BODY:
                # Far too large to read: answer now (a client still sending may see the
                # connection close instead).
                return self.refuse(413, say("too_large"))
        await super().prepare()

    def data_received(self, chunk):
        # Bodies over 64 KB are read to their end but not kept, so that the client, which
        # is still sending, then gets the 413 and its plain message.
        self._size += len(chunk)
        if self._size > MAX_BODY:
            self._too_large = True
            self._chunks = []
        elif not self._too_large:
            self._chunks.append(chunk)

    def body(self) -> dict:
        """The request's body as a dict: JSON, or the fields of a form (read once)."""
        if getattr(self, "_body", None) is None:
            self._body = self._parse()
        return self._body

    def _parse(self) -> dict:
        if self._too_large:
            raise Refusal(413, "too_large")
        raw = b"".join(self._chunks)
        kind = self.request.headers.get("Content-Type", "")
        if kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            httputil.parse_body_arguments(kind, raw, self.request.body_arguments,
                                          self.request.files, self.request.headers)
            for name, values in self.request.body_arguments.items():
                self.request.arguments.setdefault(name, []).extend(values)
            return {k: self.get_body_argument(k) for k in self.request.body_arguments}
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
        except (UnicodeDecodeError, ValueError):
            raise Refusal(400, "malformed", why="its body is not JSON") from None
        if not isinstance(data, dict):
            raise Refusal(400, "malformed", why="its body is not a JSON object")
        return data


def _no_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")


def _valid_answer(answer, depth: int = 0) -> bool:
    """Text, numbers, true/false, nothing, or lists and mappings of those (four levels)."""
    if answer is None or isinstance(answer, (bool, int, str)):
        return True
    if isinstance(answer, float):
        return math.isfinite(answer)
    if depth >= 4:
        return False
    if isinstance(answer, list):
        return all(_valid_answer(x, depth + 1) for x in answer)
    if isinstance(answer, dict):
        return all(isinstance(k, str) and _valid_answer(v, depth + 1) for k, v in answer.items())
    return False


class SubmitHandler(PostHandler):
    """``POST /api/submit``: a team hands in an answer."""

    @refusals
    async def post(self):
        team = self.require_team()
        data = self.body()
        claimed = data.get("team")
        if claimed is not None and claimed != team["name"]:
            raise Refusal(403, "other_team", mine=team["name"], other=str(claimed)[:60])
        if "answer" not in data or not _valid_answer(data["answer"]):
            raise Refusal(400, "malformed", why="the answer is missing or not text, numbers "
                                                "or lists of them")
        receipt = await self.board.submit(team, data.get("challenge"), data["answer"],
                                          data.get("client_id"), self.learner(data))
        self.send_json(receipt)


class WhoAmIHandler(BaseHandler):
    """``GET /api/whoami``: which team a join code belongs to."""

    @refusals
    def get(self):
        team = self.require_team()
        self.send_json({"team": team["name"], "title": self.board.title})


class ChallengesHandler(BaseHandler):
    """``GET /api/challenges``: the challenges in play, without their answers."""

    @refusals
    def get(self):
        self.send_json({"challenges": view.room(self.board)["challenges"]})


class TeamAnswersHandler(BaseHandler):
    """``GET /api/teams/<name>/answers``: a team's own answers; another team's are refused."""

    @refusals
    def get(self, name):
        team = self.require_team()
        if name != team["name"]:
            raise Refusal(403, "other_team", mine=team["name"], other=name[:60])
        self.send_json({"team": team["name"], "answers": self.board.own_answers(team)})


class TestHandler(PostHandler):
    """``GET`` the questions of a pre/post test; ``POST`` a learner's answers to it."""

    @refusals
    def get(self, lesson, phase):
        self.require_team()
        from .prepost import public_questions

        number = self.board.test_lesson(lesson)
        self.send_json({"lesson": number, "phase": phase,
                        "state": self.board.test_state(number, phase),
                        "questions": public_questions(self.board.test_questions(number))})

    @refusals
    async def post(self, lesson, phase):
        team = self.require_team()
        data = self.body()
        answers = data.get("answers")
        if not isinstance(answers, dict) or not _valid_answer(answers):
            raise Refusal(400, "malformed", why="the answers must map question numbers to "
                                                "answers")
        receipt = await self.board.send_test(team, self.learner(data), lesson, phase,
                                             answers, data.get("client_id"))
        self.send_json(receipt)


class RoomHandler(BaseHandler):
    """``GET /api/board``: the room's view, as the board page draws it."""

    def get(self):
        cached = getattr(self.board, "_room", None)
        if cached is None or cached[0] != self.board.version:
            cached = (self.board.version, json.dumps(view.room(self.board), ensure_ascii=False))
            self.board._room = cached
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(cached[1])


class EventsHandler(BaseHandler):
    """``GET /api/events``: Server-Sent Events, one ``change`` event whenever the board changes.

    Each stream ends after five minutes (the browser reconnects by itself), so a page left
    open does not hold a connection for ever; a comment line every 15 seconds keeps proxies
    from closing it earlier.
    """

    async def get(self):
        self.set_header("Content-Type", "text/event-stream; charset=UTF-8")
        self.set_header("X-Accel-Buffering", "no")
        seen = -1
        loop = asyncio.get_running_loop()
        deadline = loop.time() + EVENT_STREAM_SECONDS
        try:
            self.write("retry: 2000\n\n")
            while loop.time() < deadline and not self.request.connection.stream.closed():
                version = await self.board.wait_for_change(seen, KEEPALIVE_SECONDS) \
                    if seen >= 0 else self.board.version
                if version != seen:
                    self.write(f"event: change\ndata: {version}\n\n")
                    seen = version
                else:
                    self.write(": still here\n\n")
                await self.flush()
        except StreamClosedError:
            return
        self.finish()
