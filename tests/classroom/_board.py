"""Start a real board the way an instructor does (``python -m coursekit board``), on 127.0.0.1
and a free port the board picks itself (``--port 0``), and stop it by its process id.

Every wait is bounded: the board must print its address within ``START_SECONDS``, and a stop
that takes longer than ``STOP_SECONDS`` ends in SIGKILL.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

START_SECONDS = 30
STOP_SECONDS = 15


@dataclass
class RunningBoard:
    process: subprocess.Popen
    url: str
    key: str
    codes: dict[str, str]
    db: Path
    log: Path
    out: list[str] = field(default_factory=list)

    @property
    def port(self) -> int:
        return urlsplit(self.url).port

    def request(self, method: str, path: str, body=None, *, token: str | None = None,
                headers: dict | None = None, raw: bytes | None = None, timeout: float = 10):
        """(status, headers, text) of one request; *body* is sent as JSON."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        sent = dict(headers or {})
        if token:
            sent["Authorization"] = f"Bearer {token}"
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            sent.setdefault("Content-Type", "application/json")
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), \
                response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def json(self, method: str, path: str, body=None, **kwargs):
        status, _, text = self.request(method, path, body, **kwargs)
        return status, json.loads(text) if text else None

    def instructor(self, what: str, **body):
        """An instructor action (challenge, award, team, test) sent with the instructor key."""
        return self.json("POST", f"/instructor/{what}", body, token=self.key)

    def stop(self, sig=signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_SECONDS)
        return self.process.returncode


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(db: Path, teams: str = "", *extra: str, env: dict | None = None,
          port: int = 0) -> RunningBoard:
    """Start a board on *db* with *teams*; return once it answers, or fail with its log.
    *port* 0 lets the board pick a free port; a restart passes the port it had."""
    log = db.with_name(db.name + f".{time.time_ns()}.log")
    command = [sys.executable, "-m", "coursekit", "board", "--port", str(port), "--db", str(db),
               *(["--teams", teams] if teams else []), *extra]
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    with open(log, "wb") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors,
                                   stdin=subprocess.DEVNULL, env=environment, text=True)
    lines: list[str] = []
    # A thread reads what the board prints, so this wait never blocks on the pipe.
    def read():
        for line in process.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        if any("Stop the board with Ctrl+C" in line for line in list(lines)):
            break
        time.sleep(0.05)
    buffer = "".join(lines)
    found = re.search(r"Board running at (http://[\d.]+:\d+)/board", buffer)
    key = re.search(r"instructor\?key=(\S+)", buffer)
    if not found or not key:
        process.kill()
        process.wait(timeout=STOP_SECONDS)
        raise AssertionError(f"the board did not start within {START_SECONDS} s:\n{buffer}\n"
                             f"{log.read_text(errors='replace')[-3000:]}")
    codes = dict(re.findall(r"^\s+(.+?)\s+ck\.classroom\.join\(\"[^\"]+\", \"([a-z0-9-]+)\"",
                            buffer, flags=re.M))
    board = RunningBoard(process, found.group(1), key.group(1), codes, db, log, lines)
    _wait_until_answers(board)
    return board


def _wait_until_answers(board: RunningBoard) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            status, _, _ = board.request("GET", "/api/board", timeout=2)
            if status == 200:
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the board printed its address but does not answer")


def plain_sentence(text: str) -> bool:
    """A message a learner can read: starts with a capital, ends with a full stop, and has no
    code, markup, status numbers or Python words in it."""
    banned = ("Traceback", "Exception", "Error:", "HTTP ", "<", ">", "None", "NoneType",
              "KeyError", "ValueError", "errno", "404", "403", "500")
    return bool(text) and text[0].isupper() and text.rstrip().endswith((".", "!")) \
        and not any(word in text for word in banned) and "\n" not in text
