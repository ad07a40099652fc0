"""What a learner's computer keeps for the board: the join settings and every answer until the
board has confirmed it.

An answer is written to ``queue/`` *before* it is sent, one file per answer (written to a
temporary name, then renamed, so a file is never half-written), and leaves the queue only when
the board has confirmed it (into ``sent.jsonl``) or refused it for good (into ``refused/``,
with the board's reason). So an answer is never lost: not when the board cannot be reached,
not when the kernel dies mid-send, and not when the board refuses it — the learner can still
show it to the instructor. Each answer carries an id the board uses to recognise a resend, so
sending twice never counts twice.

The folder is ``~/.coursekit/classroom`` or ``$COURSEKIT_CLASSROOM_DIR``.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

ENV = "COURSEKIT_CLASSROOM_DIR"


def folder() -> Path:
    """The folder holding this learner's settings and queue."""
    return Path(os.environ.get(ENV) or Path.home() / ".coursekit" / "classroom")


def _write(path: Path, data: dict, private: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.flush()
        os.fsync(out.fileno())
    if private:
        os.chmod(temporary, 0o600)  # it holds the team's join code
    os.replace(temporary, path)


@dataclass
class Settings:
    """Where the board is and who this learner is on it."""

    board: str
    code: str
    learner: str = ""
    team: str = ""


def save_settings(settings: Settings) -> Path:
    path = folder() / "board.json"
    _write(path, asdict(settings), private=True)
    return path


def load_settings() -> Settings | None:
    path = folder() / "board.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Settings(**{k: data.get(k, "") for k in ("board", "code", "learner", "team")})
    except (OSError, ValueError, TypeError):
        return None


def new_id() -> str:
    return uuid.uuid4().hex


def enqueue(settings: Settings, route: str, body: dict, what: str) -> Path:
    """Keep one request to the board in the queue; return its file."""
    item = {"board": settings.board, "code": settings.code, "route": route, "body": body,
            "what": what, "written": time.strftime("%Y-%m-%d %H:%M:%S")}
    path = folder() / "queue" / f"{time.time_ns():020d}-{body['client_id']}.json"
    _write(path, item)
    return path


def pending() -> list[tuple[Path, dict]]:
    """Every request still waiting, oldest first."""
    out = []
    for path in sorted((folder() / "queue").glob("*.json")):
        try:
            out.append((path, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue  # another kernel has just sent it
    return out


def mark_sent(path: Path, item: dict, receipt: dict) -> None:
    """The board confirmed it: note it in ``sent.jsonl`` and take it off the queue."""
    line = json.dumps({"what": item["what"], "body": item["body"], "receipt": receipt,
                       "written": item["written"]}, ensure_ascii=False)
    log = folder() / "sent.jsonl"
    with open(log, "a", encoding="utf-8") as out:
        out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())
    path.unlink(missing_ok=True)


def mark_refused(path: Path, item: dict, reason: str) -> Path:
    """The board will not take it: keep it in ``refused/`` with the reason."""
    kept = folder() / "refused" / path.name
    _write(kept, {**item, "reason": reason})
    path.unlink(missing_ok=True)
    return kept
