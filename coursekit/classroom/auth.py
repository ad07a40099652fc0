"""Who is asking the board, and how often.

Standalone (``python -m coursekit board``) there are two kinds of key, both long random texts
made when the board's file is created and kept in it:

* a team's **join code**, sent by ``ck.classroom`` as ``Authorization: Bearer <code>``: it
  identifies the team, so a team can only ever hand in answers as itself;
* the **instructor key**, in the instructor's link (``/instructor?key=...``), which sets a signed
  cookie; the same key as a Bearer token opens the instructor's actions to scripts.

The board page itself (``/board``) needs no key: it shows what the room may see. Limits are
token buckets: a team may send ``burst`` answers at once and ``per_second`` more each second
after that; wrong join codes are limited the same way per address, so codes cannot be guessed
in bulk (they hold about 124 random bits anyway).
"""
from __future__ import annotations

import hmac
import time
from dataclasses import dataclass, field

from . import store
from .wording import Refusal

COOKIE = "coursekit_board_instructor"


@dataclass(frozen=True)
class Identity:
    """A request's sender: ``role`` is "team", "instructor", "anyone", or (on a hub) "hub user",
    a logged-in user in no team or in two (``problem`` says which, ``teams`` names them)."""

    role: str
    team: dict | None = None
    learner: str = ""
    problem: str = ""
    teams: str = ""

    @property
    def team_name(self) -> str:
        return self.team["name"] if self.team else ""


@dataclass
class Limits:
    """How many requests a team (or an address with wrong codes) may send."""

    burst: int = 30
    per_second: float = 1.0
    failures_burst: int = 20
    failures_per_second: float = 0.2


@dataclass
class TokenBucket:
    """``take(key)`` returns 0 when *key* may go ahead, else the seconds to wait."""

    capacity: float
    per_second: float
    clock: object = time.monotonic
    _buckets: dict = field(default_factory=dict)

    def take(self, key) -> float:
        now = self.clock()
        tokens, last = self._buckets.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.per_second)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1 - tokens) / self.per_second


def bearer(headers) -> str:
    """The token of an ``Authorization: Bearer ...`` (or ``token ...``) header, else ""."""
    value = headers.get("Authorization", "")
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() in ("bearer", "token") else ""


class StandaloneAuth:
    """Team join codes and the instructor key, checked against the board's file."""

    def __init__(self, reader, limits: Limits | None = None):
        self.reader = reader
        self.limits = limits or Limits()
        self.instructor_key = store.meta(reader, "instructor_token")
        self.failures = TokenBucket(self.limits.failures_burst, self.limits.failures_per_second)

    def identify(self, handler) -> Identity:
        """The sender of *handler*'s request; raise Refusal for a wrong code."""
        token = bearer(handler.request.headers)
        if token:
            if hmac.compare_digest(token, self.instructor_key):
                return Identity("instructor")
            team = store.team_by_code(self.reader, token)
            if team is None:
                wait = self.failures.take(handler.request.remote_ip)
                if wait:
                    raise Refusal(429, "too_many_failures")
                raise Refusal(401, "bad_code")
            return Identity("team", team)
        if handler.get_signed_cookie(COOKIE, max_age_days=2) == b"yes":
            return Identity("instructor")
        return Identity("anyone")

    def log_in(self, handler, key: str) -> bool:
        """Set the instructor cookie when *key* is the instructor key."""
        if key and hmac.compare_digest(key, self.instructor_key):
            handler.set_signed_cookie(COOKIE, "yes", expires_days=2, httponly=True,
                                      samesite="Strict")
            return True
        return False
