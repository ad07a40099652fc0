"""The board's pages: the projector's board, the instructor's page and its actions, the
certificates, the CSV exports and the backup; and :func:`make_app`, which puts every address
of the board together.

Pages are tornado templates (``templates/``), which escape every value they show; the board
page draws itself with ``static/board.js``, which only ever sets text, never markup.
"""
from __future__ import annotations

import json
import tempfile
from importlib.resources import files
from pathlib import Path

import tornado.web

from . import store, view
from .board import Board, clock
from .i18n import LANGUAGES, words
from .server import (BaseHandler, ChallengesHandler, EventsHandler, PostHandler, RoomHandler,
                     SubmitHandler, TeamAnswersHandler, TestHandler, WhoAmIHandler, refusals)
from .wording import Refusal

HERE = Path(str(files("coursekit.classroom")))
LANG_COOKIE = "coursekit_board_lang"


class PageHandler(BaseHandler):
    """A page in the reader's language (``?lang=zh``, remembered in a cookie)."""

    def lang(self) -> str:
        chosen = self.get_query_argument("lang", None)
        if chosen in LANGUAGES:
            self.set_cookie(LANG_COOKIE, chosen, samesite="Strict", expires_days=30)
            return chosen
        remembered = self.get_cookie(LANG_COOKIE)
        return remembered if remembered in LANGUAGES else self.settings["lang"]

    def page(self, template: str, **values) -> None:
        lang = self.lang()
        self.render(template, lang=lang, t=words(lang), other="zh" if lang == "en" else "en",
                    title=self.board.title, prefix=self.settings["prefix"], **values)


class BoardPage(PageHandler):
    """``/board``: the scoreboard for the projector."""

    def get(self):
        lang = self.lang()
        # The words go into the page as JSON inside a non-executable script block; "</" is
        # escaped so no text can close the block.
        table = json.dumps(words(lang), ensure_ascii=False).replace("</", "<\\/")
        self.page("board.html", words_json=table)


class InstructorPage(PageHandler):
    """``/instructor``: the instructor's controls (``?key=...`` once, then a cookie; on a hub,
    the hub's login)."""

    @refusals
    def get(self):
        key = self.get_query_argument("key", "")
        if key:
            if self.auth.log_in(self, key):
                return self.redirect(self.settings["prefix"] + "instructor")
            raise Refusal(403, "instructor_only")
        role = self.identity().role
        if role == "anyone" and hasattr(self.auth, "login_redirect"):
            return self.auth.login_redirect(self)
        if role != "instructor":
            self.set_status(403)
            return self.page("login.html", hub=hasattr(self.auth, "login_redirect"))
        public = self.settings.get("public_url") or \
            f"{self.request.protocol}://{self.request.host}"
        self.page("instructor.html", v=view.instructor(self.board), public_url=public,
                  hub=hasattr(self.auth, "login_redirect"),
                  xsrf=self.xsrf_form_html(), show=view.show_answer, clock=clock,
                  version=self.board.version)


class InstructorAction(PostHandler):
    """``POST /instructor/<action>``: open/lock/reveal, rubric points, teams, tests.

    A form from the instructor's page is answered by going back to that page; a script that
    sends JSON with the instructor key gets JSON back.
    """

    @refusals
    async def post(self, action):
        self.require_instructor()
        data = self.body()
        if action == "challenge":
            result = {"state": await self.board.act(data.get("challenge"), data.get("action"))}
        elif action == "award":
            given = {k[len("points."):]: v for k, v in data.items() if k.startswith("points.")}
            if "criterion" in data:
                given[data["criterion"]] = data.get("points")
            for criterion, points in given.items():
                if str(points).strip() != "":
                    await self.board.award(data.get("team"), data.get("challenge"), criterion,
                                           points)
            result = {"awarded": len(given)}
        elif action == "team":
            team = await self.board.add_team(data.get("name"))
            result = {"team": team["name"], "code": team["code"]}
        elif action == "test":
            await self.board.set_test(data.get("lesson"), data.get("phase"), data.get("state"))
            result = {"lesson": data.get("lesson"), "phase": data.get("phase"),
                      "state": data.get("state")}
        else:
            raise Refusal(404, "not_found")
        if self.request.headers.get("Authorization"):
            return self.send_json(result)
        self.redirect(f"{self.settings['prefix']}instructor#{action}", status=303)


class ExportHandler(BaseHandler):
    """``/instructor/<name>.csv`` and ``/instructor/backup``: the instructor's downloads."""

    EXPORTS = {"results": view.results_csv, "answers": view.answers_csv,
               "tests": view.tests_csv}

    @refusals
    def get(self, name):
        self.require_instructor()
        if name == "backup":
            with tempfile.TemporaryDirectory() as folder:
                copy = store.backup(self.board.path, Path(folder) / "board.sqlite")
                data = copy.read_bytes()
            self.set_header("Content-Type", "application/vnd.sqlite3")
            self.set_header("Content-Disposition", "attachment; filename=board-backup.sqlite")
            return self.finish(data)
        if name not in self.EXPORTS:
            raise Refusal(404, "not_found")
        self.set_header("Content-Type", "text/csv; charset=UTF-8")
        self.set_header("Content-Disposition", f"attachment; filename={name}.csv")
        self.finish(self.EXPORTS[name](self.board).encode("utf-8"))


class CertificatePage(PageHandler):
    """``/certificate?team=...&learner=...``: one learner's certificate, for the learner's team
    (join code) or the instructor; ``/certificates``: all of them, for the instructor."""

    @refusals
    def get(self, every=None):
        who = self.identity()
        if every:
            if who.role != "instructor":
                raise Refusal(403, "instructor_only")
            records = []
            for learner in store.learners(self.board.reader):
                team = self.board.team(learner["team"])
                record = view.certificate(self.board, team, learner["name"])
                if record is not None:
                    records.append(record)
            return self.page("certificate.html", records=records)
        team = self.board.team(self.get_query_argument("team", ""))
        learner = self.get_query_argument("learner", "")
        if who.role == "team" and who.team["id"] != team["id"]:
            raise Refusal(403, "other_team", mine=who.team_name, other=team["name"])
        if who.role == "anyone":
            raise Refusal(401, "no_code")
        record = view.certificate(self.board, team, learner)
        if record is None:
            raise Refusal(404, "unknown_learner", learner=learner[:60], team=team["name"])
        self.page("certificate.html", records=[record])


class NotFound(BaseHandler):
    def prepare(self):
        raise tornado.web.HTTPError(404)


def make_app(board: Board, auth, lang: str = "en", public_url: str = "",
             prefix: str = "/") -> tornado.web.Application:
    """Every address of the board, wired to *board* and checked by *auth*, under *prefix*
    (``/services/board/`` when JupyterHub runs the board)."""
    common = {"board": board, "auth": auth}
    routes = [
        (r"/", tornado.web.RedirectHandler, {"url": "/board"}),
        (r"/board", BoardPage, common),
        (r"/api/board", RoomHandler, common),
        (r"/api/events", EventsHandler, common),
        (r"/api/whoami", WhoAmIHandler, common),
        (r"/api/challenges", ChallengesHandler, common),
        (r"/api/submit", SubmitHandler, common),
        (r"/api/teams/([^/]+)/answers", TeamAnswersHandler, common),
        (r"/api/tests/(\d\d)/(pre|post)", TestHandler, common),
        (r"/instructor", InstructorPage, common),
        (r"/instructor/(challenge|award|team|test)", InstructorAction, common),
        (r"/instructor/(results|answers|tests)\.csv", ExportHandler, common),
        (r"/instructor/(backup)", ExportHandler, common),
        (r"/certificate", CertificatePage, common),
        (r"/(certificates)", CertificatePage, common),
    ]
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    routes = [(prefix + path[1:], handler, {"url": prefix + args["url"][1:]}
               if handler is tornado.web.RedirectHandler else args)
              for path, handler, args in routes]
    if prefix != "/":  # the hub's proxy passes the prefix without its last slash too
        routes.insert(0, (prefix[:-1], tornado.web.RedirectHandler, {"url": prefix + "board"}))
    routes += getattr(auth, "routes", list)()
    secret = store.meta(board.reader, "cookie_secret")
    return tornado.web.Application(
        routes, template_path=str(HERE / "templates"), static_path=str(HERE / "static"),
        static_url_prefix=prefix + "static/", cookie_secret=secret,
        default_handler_class=NotFound, default_handler_args=common,
        # The cookie path keeps the board's form token apart from the hub's and the learners'
        # servers' (same host, same cookie name) when the board runs behind the hub's proxy.
        xsrf_cookie_kwargs={"samesite": "Strict", "httponly": True, "path": prefix},
        lang=lang, prefix=prefix, public_url=public_url, autoescape="xhtml_escape",
        compress_response=False)
