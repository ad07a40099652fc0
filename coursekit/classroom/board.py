"""The board's rules, apart from the web: what a team may hand in and when, what the
instructor may change, and what is kept.

Every change goes through the :class:`~coursekit.classroom.writer.Writer` as one small function
run inside a transaction, so a check ("is the challenge still open?") and the write it guards
happen together: an answer that arrives as the instructor locks is either in before the lock or
refused, never half of each. A refusal is a :class:`~coursekit.classroom.wording.Refusal` with a
plain sentence for the learner.
"""
from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

from . import prepost, store
from .auth import Limits, TokenBucket
from .catalogue import Challenge
from .wording import DONE_WORDS, STATE_WORDS, Refusal
from .writer import Writer

MAX_NAME = 60
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
ACTIONS = {"open": ("waiting", "locked", "open"), "lock": ("open", "locked"),
           "reveal": ("open", "locked", "revealed")}


def clock(at: float) -> str:
    """A time of day as the room reads it, in the board's local time: ``14:03:12``."""
    return time.strftime("%H:%M:%S", time.localtime(at))


def clean_name(value, what: str = "name") -> str:
    """A team or learner name: text, trimmed, 1 to 60 characters, no control characters."""
    if not isinstance(value, str):
        raise Refusal(400, "malformed", why=f"the {what} is not a text")
    value = " ".join(value.split())
    if not value or len(value) > MAX_NAME or any(ord(c) < 32 for c in value):
        raise Refusal(400, "malformed", why=f"the {what} must be 1 to {MAX_NAME} characters")
    return value


class Board:
    """One board: its records (a SQLite file), its challenges and its knowledge checks."""

    def __init__(self, path, challenges: dict[str, Challenge], *, quizzes: Path | None = None,
                 limits: Limits | None = None, title: str = "Team competition"):
        self.path = Path(path)
        self.writer = Writer(self.path)
        self.reader = store.connect(self.path)
        self.challenges = challenges
        self.quizzes = quizzes
        self.limits = limits or Limits()
        self.title = title
        self.rates = TokenBucket(self.limits.burst, self.limits.per_second)
        self.version = 0
        self._changed: asyncio.Event | None = None
        self.test_lessons = prepost.lessons_with_tests(quizzes)

    # --- change notices, for the live board ------------------------------------------------

    def changed(self) -> None:
        """Tell every open board page that something changed."""
        self.version += 1
        if self._changed is not None:
            self._changed.set()
            self._changed = None

    async def wait_for_change(self, since: int, timeout: float) -> int:
        """Wait until the version passes *since*, or *timeout* seconds; return the version."""
        if self.version > since:
            return self.version
        if self._changed is None:
            self._changed = asyncio.Event()
        try:
            await asyncio.wait_for(self._changed.wait(), timeout)
        except asyncio.TimeoutError:
            pass
        return self.version

    # --- teams -----------------------------------------------------------------------------

    def add_teams(self, names) -> list[dict]:
        """Add teams (those already there keep their codes); for the command line."""
        names = [clean_name(n, "team name") for n in names]
        added = self.writer.run(lambda conn: [store.add_team(conn, n) for n in names])
        self.changed()
        return added

    async def add_team(self, name) -> dict:
        name = clean_name(name, "team name")
        team = await self.writer.call(store.add_team, name)
        self.changed()
        return team

    def team(self, name: str) -> dict:
        for team in store.teams(self.reader):
            if team["name"] == name:
                return team
        raise Refusal(404, "unknown_team", team=name)

    def challenge(self, cid) -> Challenge:
        if not isinstance(cid, str) or cid not in self.challenges:
            raise Refusal(404, "unknown_challenge", challenge=str(cid)[:80])
        return self.challenges[cid]

    def state(self, cid: str) -> str:
        return store.challenge_states(self.reader).get(cid, {}).get("state", "waiting")

    # --- answers ---------------------------------------------------------------------------

    async def submit(self, team: dict, cid, answer, client_id, learner: str = "") -> dict:
        """Keep a team's answer to an open challenge and return the receipt."""
        challenge = self.challenge(cid)
        if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
            raise Refusal(400, "malformed", why="the answer has no valid id")
        learner = clean_name(learner, "learner's name") if learner else ""
        wait = self.rates.take(team["id"])
        if wait:
            raise Refusal(429, "rate", seconds=max(1, round(wait)))
        row, number, new = await self.writer.call(self._submit, team["id"], challenge.id,
                                                  answer, client_id, learner)
        if new:
            self.changed()
        return {"received": True, "team": team["name"], "challenge": challenge.id,
                "number": number, "at": row["received_at"], "time": clock(row["received_at"]),
                "again": not new, "format_note": challenge.format_note(answer)}

    @staticmethod
    def _submit(conn, team_id, cid, answer, client_id, learner):
        # A resend of an answer the board already has is confirmed again, even if the
        # challenge has been locked since: it was received in time.
        row = conn.execute("SELECT * FROM submissions WHERE team_id = ? AND client_id = ?",
                           (team_id, client_id)).fetchone()
        if row is None:
            state = store.challenge_states(conn).get(cid)
            if state is None or state["state"] == "waiting":
                raise Refusal(409, "not_open", challenge=cid)
            if state["state"] != "open":
                raise Refusal(409, "locked", challenge=cid, when=clock(state["changed_at"]))
        row, new = store.add_submission(conn, team_id, cid, answer, client_id, learner)
        return row, store.answer_number(conn, row), new

    def own_answers(self, team: dict) -> list[dict]:
        """A team's own latest answers (what ``ck.classroom`` shows the team)."""
        latest = store.latest_submissions(self.reader)
        return [{"challenge": cid, "answer": row["answer"], "number": row["answers"],
                 "time": clock(row["received_at"]), "learner": row["learner"]}
                for (team_id, cid), row in sorted(latest.items(), key=lambda kv: kv[1]["id"])
                if team_id == team["id"]]

    # --- the instructor's actions ------------------------------------------------------------

    async def act(self, cid, action) -> str:
        """Open, lock or reveal a challenge; return its new state."""
        challenge = self.challenge(cid)
        if action not in ACTIONS:
            raise Refusal(400, "malformed", why="the action must be open, lock or reveal")
        new = await self.writer.call(self._act, challenge.id, action)
        self.changed()
        return new

    @staticmethod
    def _act(conn, cid, action):
        current = store.challenge_states(conn).get(cid, {}).get("state", "waiting")
        *allowed, new = ACTIONS[action]
        if current not in allowed and current != new:
            raise Refusal(409, "bad_action", challenge=cid, state=STATE_WORDS[current],
                          done=DONE_WORDS[action])
        if current != new:
            store.set_challenge_state(conn, cid, new)
            store.log_action(conn, action, challenge=cid)
        return new

    async def award(self, team_name, cid, criterion, points) -> None:
        """Give a team rubric points on one criterion (a later award replaces an earlier one)."""
        challenge = self.challenge(cid)
        team = self.team(clean_name(team_name, "team name"))
        known = {c.name: c for c in challenge.criteria}
        if criterion not in known:
            raise Refusal(400, "malformed", why=f"{challenge.id} has no rubric line "
                                                f"{str(criterion)[:40]!r}")
        try:
            points = int(points)
        except (TypeError, ValueError):
            points = -1
        if not 0 <= points <= known[criterion].max:
            raise Refusal(400, "malformed", why=f"the points must be a whole number from 0 to "
                                                f"{known[criterion].max}")

        def work(conn):
            store.award(conn, team["id"], challenge.id, criterion, points)
            store.log_action(conn, "award", team=team["name"], challenge=challenge.id,
                             criterion=criterion, points=points)

        await self.writer.call(work)
        self.changed()

    # --- pre- and post-tests -----------------------------------------------------------------

    def test_lesson(self, lesson) -> str:
        number = str(lesson).strip()[:2]
        if number not in self.test_lessons:
            raise Refusal(404, "unknown_lesson", lesson=str(lesson)[:20])
        return number

    async def set_test(self, lesson, phase, state) -> None:
        lesson = self.test_lesson(lesson)
        if phase not in store.TEST_PHASES or state not in store.TEST_STATES:
            raise Refusal(400, "malformed", why="a test is pre or post, and open or closed")

        def work(conn):
            store.set_test_state(conn, lesson, phase, state)
            store.log_action(conn, f"test {state}", lesson=lesson, phase=phase)

        await self.writer.call(work)
        self.changed()

    def test_questions(self, lesson) -> list[dict]:
        return prepost.questions(self.test_lesson(lesson), self.quizzes)

    def test_state(self, lesson, phase) -> str:
        return store.test_states(self.reader).get((lesson, phase), {}).get("state", "closed")

    async def send_test(self, team: dict, learner, lesson, phase, answers, client_id) -> dict:
        """Keep a learner's answers to a pre- or post-test; the first sending counts."""
        lesson = self.test_lesson(lesson)
        if phase not in store.TEST_PHASES:
            raise Refusal(400, "malformed", why="a test is either pre or post")
        if not learner:
            raise Refusal(400, "need_learner")
        learner = clean_name(learner, "learner's name")
        count = len(self.test_questions(lesson))
        if not isinstance(answers, dict) or not set(answers) <= {str(n) for n in
                                                                 range(1, count + 1)}:
            raise Refusal(400, "malformed", why=f"the answers must be numbered 1 to {count}")
        if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
            raise Refusal(400, "malformed", why="the answers have no valid id")
        if self.rates.take(team["id"]):
            raise Refusal(429, "rate", seconds=2)

        def work(conn):
            state = store.test_states(conn).get((lesson, phase), {}).get("state", "closed")
            learner_id = store.learner_id(conn, team["id"], learner)
            sent = conn.execute("SELECT client_id FROM test_answers WHERE learner_id = ? AND "
                                "lesson = ? AND phase = ?", (learner_id, lesson, phase)).fetchone()
            if sent is not None and sent["client_id"] != client_id:
                raise Refusal(409, "test_done", phase=phase, lesson=lesson)
            if sent is None and state != "open":
                raise Refusal(409, "test_closed", phase=phase, lesson=lesson)
            return store.add_test_answers(conn, learner_id, lesson, phase, answers, client_id)

        row, new = await self.writer.call(work)
        if new:
            self.changed()
        return {"received": True, "team": team["name"], "learner": learner, "lesson": lesson,
                "phase": phase, "answered": sum(v not in (None, "") for v in answers.values()),
                "questions": count, "time": clock(row["received_at"]), "again": not new}

    def close(self) -> None:
        self.writer.close()
        self.reader.close()
