"""Handing in a team's answers from a notebook: ``ck.classroom.join`` and ``ck.classroom.submit``.

Only the standard library talks to the board, so a learner's kernel needs nothing beyond
coursekit. Every outcome is one line (a :class:`Receipt`): received, waiting on this computer
because the board cannot be reached, or not accepted and why. See
:mod:`coursekit.classroom.localqueue` for how nothing is lost.
"""
from __future__ import annotations

import html
import json
import math
import os
import urllib.error
import urllib.request
from dataclasses import dataclass

from ..core import InputError
from ..style import OKABE_ITO
from . import localqueue
from .localqueue import Settings

TIMEOUT = 5.0
MAX_BYTES = 64 * 1024
#: Where the hub's board is, set by the hub config for every learner's server.
BOARD_ENV = "COURSEKIT_BOARD_URL"
#: Stands for the server's own hub token in settings and queued answers: the token itself is
#: read from the environment when an answer is sent (it changes when the server restarts, and
#: it never goes to disk).
HUB_CODE = "hub"
_LOOK = {"received": ("✓", OKABE_ITO["bluish green"]), "waiting": ("…", OKABE_ITO["orange"]),
         "refused": ("✗", OKABE_ITO["vermillion"]), "format": ("!", OKABE_ITO["sky blue"])}


@dataclass
class Receipt:
    """What happened to an answer, in one line: ``received``, ``waiting`` (kept on this
    computer), ``refused`` (the board will not take it) or ``format`` (received, but written in
    a form the board cannot score)."""

    status: str
    message: str
    details: dict | None = None

    @property
    def received(self) -> bool:
        return self.status in ("received", "format")

    def __str__(self) -> str:
        return f"{_LOOK[self.status][0]} {self.message}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        mark, colour = _LOOK[self.status]
        return (f'<div class="ck-receipt ck-{self.status}" role="status" style="border-left:6px '
                f'solid {colour};padding:0.3em 0.8em;margin:0.2em 0;font-family:system-ui,sans-'
                f'serif">{html.escape(mark)} {html.escape(self.message)}</div>')


class _Unreachable(Exception):
    pass


def _plain(value, where: str = "The answer"):
    """The answer as JSON-ready Python: numpy and pandas values become plain numbers and lists."""
    if value is ...:
        raise InputError(f"{where} is still ... : replace the ... with your answer first.")
    if value is None or isinstance(value, (bool, str)):
        return value
    if hasattr(value, "tolist") and not isinstance(value, (int, float)):
        value = value.tolist()  # numpy arrays and scalars, pandas Series and Index
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{where} is missing (NaN) or infinite: check the calculation.")
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v, where) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v, where) for v in value), key=str)
    if isinstance(value, dict):
        return {str(k): _plain(v, where) for k, v in value.items()}
    raise InputError(f"{where} is a {type(value).__name__}, which cannot be handed in. Allowed: "
                     "a number, a text, True or False, or a list of those.")


def hub_board() -> Settings | None:
    """The hub's board, when this kernel runs in a learner's server on a JupyterHub whose
    config declares the board (``$COURSEKIT_BOARD_URL`` and the server's
    ``$JUPYTERHUB_API_TOKEN``); ``None`` elsewhere."""
    board, token = os.environ.get(BOARD_ENV, ""), os.environ.get("JUPYTERHUB_API_TOKEN", "")
    if not (board.startswith(("http://", "https://")) and token):
        return None
    return Settings(board.rstrip("/"), HUB_CODE, os.environ.get("JUPYTERHUB_USER", ""))


def authorization(code: str) -> str:
    """The Authorization header for a join code, or on a hub for the server's own token."""
    if code == HUB_CODE:
        code = os.environ.get("JUPYTERHUB_API_TOKEN", "")
    return f"Bearer {code}"


def _settings() -> Settings:
    # A board the learner joined by hand wins; otherwise, on a hub, the hub's own board.
    settings = localqueue.load_settings() or hub_board()
    if settings is None:
        raise InputError("This notebook has not joined a board yet. Run ck.classroom.join("
                         "board, code, learner=\"Your name\") with the address and your team's "
                         "code from the instructor's screen first.")
    return settings


def _request(board: str, code: str, method: str, route: str, body: dict | None = None):
    """(status, data) from the board; raise _Unreachable when it cannot be reached."""
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        board.rstrip("/") + route, data=data, method=method,
        headers={"Authorization": authorization(code), "Accept": "application/json",
                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, json.loads(response.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as error:
        try:
            message = json.loads(error.read().decode("utf-8")).get("error", "")
        except (ValueError, UnicodeDecodeError, AttributeError):
            message = ""
        if error.code >= 500 or not message:
            raise _Unreachable(f"the board had a problem ({message or 'no answer'})") from None
        return error.code, {"error": message}
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise _Unreachable(f"the board at {board} cannot be reached") from error


def join(board: str, code: str, learner: str | None = None) -> Receipt:
    """Join a team on the class's board: its address and the team's join code, both from the
    instructor's screen. Your answers are then handed in as that team.

    Used in: library only (the team exercises' "Run it as a PK" in instructors/).

    Parameters
    ----------
    board : str
        The board's address, such as ``"http://192.168.1.20:8800"``.
    code : str
        Your team's join code (case, spaces and dashes do not matter).
    learner : str, optional
        Your name, for the pre/post tests and your certificate.

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.classroom.join("192.168.1.20:8800", "k7m2p-xq4rt-9hd3w-ab5ne-uu8fz")
    Traceback (most recent call last):
    ...
    coursekit.InputError: The board's address should start with http:// , like "http://192.168.1.20:8800"; got '192.168.1.20:8800'.
    """
    if not isinstance(board, str) or not board.startswith(("http://", "https://")):
        raise InputError(f"The board's address should start with http:// , like "
                         f"\"http://192.168.1.20:8800\"; got {board!r}.")
    if not isinstance(code, str) or len("".join(c for c in code if c.isalnum())) < 20:
        raise InputError("The join code is the long code the instructor gave your team, such as "
                         "\"k7m2p-xq4rt-9hd3w-ab5ne-uu8fz\".")
    if learner is not None and (not isinstance(learner, str) or not learner.strip()):
        raise InputError("learner= should be your name, as text in quotes.")
    settings = Settings(board.rstrip("/"), code.strip(), (learner or "").strip())
    try:
        status, data = _request(settings.board, settings.code, "GET", "/api/whoami")
    except _Unreachable as problem:
        localqueue.save_settings(settings)
        return Receipt("waiting", f"Saved, but {problem} right now: answers you hand in will "
                                  "wait on this computer until it can.")
    if status != 200:
        return Receipt("refused", data["error"])
    settings.team = data["team"]
    localqueue.save_settings(settings)
    who = f" as {settings.learner}" if settings.learner else ""
    return Receipt("received", f"Joined team {settings.team}{who} on the board at "
                               f"{settings.board}.")


def _send(path, item) -> tuple[str, str, dict]:
    """Send one queued request: (outcome, message, board's data)."""
    try:
        status, data = _request(item["board"], item["code"], "POST", item["route"],
                                item["body"])
    except _Unreachable as problem:
        return "waiting", str(problem), {}
    if status == 429:
        return "waiting", data["error"], {}
    if status != 200:
        kept = localqueue.mark_refused(path, item, data["error"])
        return "refused", f"{data['error']} (Kept on this computer: {kept}.)", {}
    localqueue.mark_sent(path, item, data)
    return "received", "", data


def _flush(stop_at=None) -> tuple[list, dict]:
    """Send every waiting request, oldest first, until one cannot be sent; return the
    outcomes and the outcome of the request in *stop_at*."""
    outcomes, mine = [], {}
    for path, item in localqueue.pending():
        outcome = _send(path, item)
        outcomes.append(outcome)
        if path == stop_at:
            mine = {"outcome": outcome}
        if outcome[0] == "waiting":
            break
    return outcomes, mine


def _earlier(outcomes) -> str:
    sent = sum(o[0] == "received" for o in outcomes)
    return f" ({sent} earlier answer{'s' if sent != 1 else ''} that waited went too.)" \
        if sent else ""


def _waiting(reason: str) -> Receipt:
    """The receipt of an answer kept on this computer, with the board's reason."""
    reason = reason or "the board could not take it just now"
    first = f"Not sent yet. {reason}" if reason.endswith(".") else f"Not sent yet: {reason}."
    count = len(localqueue.pending())
    return Receipt("waiting", f"{first} Your answer is saved on this computer ({count} "
                              "waiting); run ck.classroom.resend() when the board is back.")


def submit(challenge: str, answer) -> Receipt:
    """Hand in your team's answer to a challenge of the board.

    The latest answer counts until the instructor locks the challenge, so you may send again.
    If the board cannot be reached, the answer waits on this computer and goes with your next
    answer, or with :func:`resend`.

    Used in: library only (the team exercises' "Run it as a PK" in instructors/).

    Parameters
    ----------
    challenge : str
        The challenge's name from the instructor's slide or the board, such as
        ``"02-three-mots"``.
    answer
        A number, a text, or a list of texts, as the challenge asks.

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.classroom.submit("02-three-mots", ...)
    Traceback (most recent call last):
    ...
    coursekit.InputError: The answer is still ... : replace the ... with your answer first.
    """
    answer = _plain(answer)
    if not isinstance(challenge, str) or not challenge.strip():
        raise InputError("The challenge's name is a text in quotes, such as \"02-three-mots\".")
    settings = _settings()
    body = {"challenge": challenge.strip(), "answer": answer, "client_id": localqueue.new_id(),
            "learner": settings.learner, "team": settings.team or None}
    if len(json.dumps(body, ensure_ascii=False).encode("utf-8")) > MAX_BYTES:
        raise InputError("This answer is too large for the board: it takes at most 64 KB. "
                         "Shorten the text, or hand in a summary.")
    path = localqueue.enqueue(settings, "/api/submit", body, f"answer to {challenge}")
    outcomes, mine = _flush(stop_at=path)
    earlier = _earlier([o for o in outcomes if o is not mine.get("outcome")])
    if not mine or mine["outcome"][0] == "waiting":
        reason = (mine or {"outcome": outcomes[-1] if outcomes else ("", "", {})})["outcome"][1]
        return _waiting(reason)
    status, message, data = mine["outcome"]
    if status == "refused":
        return Receipt("refused", f"Not accepted: {message}{earlier}")
    line = (f"Received by the board at {data['time']}: team {data['team']}, {data['challenge']}, "
            f"your team's answer no. {data['number']}.")
    if data.get("format_note"):
        return Receipt("format", f"{line} But check its form: {data['format_note']} Send it "
                                 f"again in that form; the latest answer counts.{earlier}", data)
    return Receipt("received", f"{line} The latest answer counts until the challenge is "
                               f"locked.{earlier}", data)


def resend() -> Receipt:
    """Send every answer still waiting on this computer, oldest first.

    Used in: library only.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> import coursekit as ck
    >>> with mock.patch.dict(os.environ, {"COURSEKIT_CLASSROOM_DIR": tempfile.mkdtemp()}):
    ...     ck.classroom.resend()
    ✓ Nothing is waiting: every answer has reached the board.
    """
    before = len(localqueue.pending())
    if not before:
        return Receipt("received", "Nothing is waiting: every answer has reached the board.")
    outcomes, _ = _flush()
    sent = sum(o[0] == "received" for o in outcomes)
    refused = [o[1] for o in outcomes if o[0] == "refused"]
    left = len(localqueue.pending())
    text = f"Sent {sent} of {before} waiting answer{'s' if before != 1 else ''}"
    if refused:
        text += f"; {len(refused)} not accepted: {refused[0]}"
    if left:
        reason = next((o[1] for o in outcomes if o[0] == "waiting"), "")
        return Receipt("waiting", f"{text}; {left} still waiting ({reason}). Try again later.")
    return Receipt("refused" if refused else "received", text + ".")


def waiting():
    """The answers still waiting on this computer (a DataFrame).

    Used in: library only.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> import coursekit as ck
    >>> with mock.patch.dict(os.environ, {"COURSEKIT_CLASSROOM_DIR": tempfile.mkdtemp()}):
    ...     list(ck.classroom.waiting().columns)
    ['written', 'what', 'board', 'answer']
    """
    import pandas as pd

    rows = [{"written": item["written"], "what": item["what"], "board": item["board"],
             "answer": json.dumps(item["body"].get("answer", item["body"].get("answers")),
                                  ensure_ascii=False)}
            for _, item in localqueue.pending()]
    return pd.DataFrame(rows, columns=["written", "what", "board", "answer"])


def challenges():
    """The board's challenges in play, with what to hand in for each (a DataFrame).

    Used in: library only.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> import coursekit as ck
    >>> with mock.patch.dict(os.environ, {"COURSEKIT_CLASSROOM_DIR": tempfile.mkdtemp()}):
    ...     ck.classroom.challenges()
    Traceback (most recent call last):
    ...
    coursekit.InputError: This notebook has not joined a board yet. Run ck.classroom.join(board, code, learner="Your name") with the address and your team's code from the instructor's screen first.
    """
    import pandas as pd

    settings = _settings()
    try:
        status, data = _request(settings.board, settings.code, "GET", "/api/challenges")
    except _Unreachable as problem:
        raise InputError(f"The list of challenges needs the board, and {problem}. Copy the "
                         "challenge's name from the instructor's slide instead.") from None
    if status != 200:
        raise InputError(data["error"])
    return pd.DataFrame([{"challenge": c["id"], "title": c["title"], "state": c["state"],
                          "points": c["points"], "hand in": c["how"]}
                         for c in data["challenges"]],
                        columns=["challenge", "title", "state", "points", "hand in"])
