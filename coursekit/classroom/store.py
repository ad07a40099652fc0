"""The board's records: one SQLite file in WAL mode.

WAL (write-ahead logging) lets the board's pages read while answers are written, and several
processes may open the file at once (the board, an export, a backup): SQLite serialises the
writers and makes each wait up to ``BUSY_MS``. ``synchronous=FULL`` means a transaction is on
disk when its commit returns, so a receipt the board sends is never lost when the board stops,
crashes or the laptop's lid closes. Answers are stored as JSON text; nothing is ever pickled.

Back it up with :func:`backup` (or the instructor page's "Backup" link) while the board runs,
or copy the ``.sqlite`` file once the board has stopped: a clean stop folds the write-ahead
log back into the one file.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
import time
from contextlib import closing
from pathlib import Path

BUSY_MS = 10_000
SCHEMA_VERSION = "1"
#: Unambiguous characters for join codes: no 0/o, 1/l/i.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CHALLENGE_STATES = ("waiting", "open", "locked", "revealed")
TEST_PHASES = ("pre", "post")
TEST_STATES = ("closed", "open")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS teams (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS learners (
    id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES teams(id), name TEXT NOT NULL,
    UNIQUE (team_id, name));
CREATE TABLE IF NOT EXISTS challenge_state (
    challenge TEXT PRIMARY KEY, state TEXT NOT NULL, changed_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES teams(id),
    challenge TEXT NOT NULL, learner TEXT NOT NULL DEFAULT '', client_id TEXT NOT NULL,
    answer TEXT NOT NULL, received_at REAL NOT NULL, UNIQUE (team_id, client_id));
CREATE INDEX IF NOT EXISTS submissions_latest ON submissions (challenge, team_id, id);
CREATE TABLE IF NOT EXISTS rubric (
    team_id INTEGER NOT NULL REFERENCES teams(id), challenge TEXT NOT NULL,
    criterion TEXT NOT NULL, points INTEGER NOT NULL, awarded_at REAL NOT NULL,
    PRIMARY KEY (team_id, challenge, criterion));
CREATE TABLE IF NOT EXISTS test_state (
    lesson TEXT NOT NULL, phase TEXT NOT NULL, state TEXT NOT NULL, changed_at REAL NOT NULL,
    PRIMARY KEY (lesson, phase));
CREATE TABLE IF NOT EXISTS test_answers (
    id INTEGER PRIMARY KEY, learner_id INTEGER NOT NULL REFERENCES learners(id),
    lesson TEXT NOT NULL, phase TEXT NOT NULL, answers TEXT NOT NULL, client_id TEXT NOT NULL,
    received_at REAL NOT NULL, UNIQUE (learner_id, lesson, phase));
CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY, what TEXT NOT NULL, detail TEXT NOT NULL, at REAL NOT NULL);
"""


def new_code() -> str:
    """A join code: 25 random characters in five groups (about 124 bits), easy to read aloud.

    >>> code = new_code()
    >>> len(code), code.count("-")
    (29, 4)
    """
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(25))
    return "-".join(chars[i:i + 5] for i in range(0, 25, 5))


def normal_code(code: str) -> str:
    """A join code as typed (any case, spaces or dashes anywhere) in its stored form.

    >>> normal_code(" AB2CD-efgh3 ijk4m nPqr5-stuv6 wxyz7 ")
    'ab2cd-efgh3-ijk4m-npqr5-stuv6'
    """
    chars = "".join(c for c in str(code).lower() if c.isalnum())[:25]
    return "-".join(chars[i:i + 5] for i in range(0, len(chars), 5))


def connect(path, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the board's settings: WAL, FULL sync, foreign keys, a busy timeout.

    Autocommit mode (``isolation_level=None``): every write says ``BEGIN IMMEDIATE`` itself,
    so that a transaction takes the write lock at its start and never fails half-way.
    """
    if readonly:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, isolation_level=None,
                               timeout=BUSY_MS / 1000, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_MS / 1000,
                               check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def transaction(conn: sqlite3.Connection, work, *args):
    """Run ``work(conn, *args)`` in one write transaction and return its result."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = work(conn, *args)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return result


def open_store(path) -> sqlite3.Connection:
    """Open (creating if needed) the board's file and make sure its tables exist."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    # Every statement of the schema is "IF NOT EXISTS", so two processes opening a new file
    # at once both succeed.
    conn.executescript(SCHEMA)
    transaction(conn, _defaults)
    return conn


def _defaults(conn):
    defaults = {"schema": SCHEMA_VERSION, "cookie_secret": secrets.token_hex(32),
                "instructor_token": secrets.token_urlsafe(24), "anon_salt": secrets.token_hex(8),
                "created_at": repr(time.time())}
    for key, value in defaults.items():
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))


def meta(conn, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else ""


def log_action(conn, what: str, **detail) -> None:
    """Keep a record of every instructor action (who opened, locked or scored what, when)."""
    conn.execute("INSERT INTO actions (what, detail, at) VALUES (?, ?, ?)",
                 (what, json.dumps(detail, ensure_ascii=False, sort_keys=True), time.time()))


# --- teams and learners -------------------------------------------------------------------

def add_team(conn, name: str) -> dict:
    """Add a team with a new join code, or return the existing team of that name."""
    row = conn.execute("SELECT * FROM teams WHERE name = ?", (name,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO teams (name, code, created_at) VALUES (?, ?, ?)",
                     (name, new_code(), time.time()))
        row = conn.execute("SELECT * FROM teams WHERE name = ?", (name,)).fetchone()
    return dict(row)


def teams(conn) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT * FROM teams ORDER BY id")]


def team_by_code(conn, code: str) -> dict | None:
    row = conn.execute("SELECT * FROM teams WHERE code = ?", (normal_code(code),)).fetchone()
    return dict(row) if row else None


def learner_id(conn, team_id: int, name: str) -> int:
    conn.execute("INSERT OR IGNORE INTO learners (team_id, name) VALUES (?, ?)", (team_id, name))
    return conn.execute("SELECT id FROM learners WHERE team_id = ? AND name = ?",
                        (team_id, name)).fetchone()["id"]


# --- states -------------------------------------------------------------------------------

def challenge_states(conn) -> dict[str, dict]:
    return {r["challenge"]: dict(r) for r in conn.execute("SELECT * FROM challenge_state")}


def set_challenge_state(conn, challenge: str, state: str) -> None:
    if state not in CHALLENGE_STATES:
        raise ValueError(f"unknown challenge state {state!r}")
    conn.execute("INSERT INTO challenge_state (challenge, state, changed_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (challenge) DO UPDATE SET state = excluded.state, "
                 "changed_at = excluded.changed_at", (challenge, state, time.time()))


def test_states(conn) -> dict[tuple, dict]:
    return {(r["lesson"], r["phase"]): dict(r) for r in conn.execute("SELECT * FROM test_state")}


def set_test_state(conn, lesson: str, phase: str, state: str) -> None:
    if phase not in TEST_PHASES or state not in TEST_STATES:
        raise ValueError(f"unknown test phase or state {phase!r}, {state!r}")
    conn.execute("INSERT INTO test_state (lesson, phase, state, changed_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (lesson, phase) DO UPDATE SET state = excluded.state, "
                 "changed_at = excluded.changed_at", (lesson, phase, state, time.time()))


# --- submissions and scores ---------------------------------------------------------------

def add_submission(conn, team_id: int, challenge: str, answer, client_id: str,
                   learner: str = "") -> tuple[dict, bool]:
    """Store one answer; return (its row, whether it is new). Sending the same answer again
    (the same *client_id*, as a resend does) returns the stored row and adds nothing."""
    row = conn.execute("SELECT * FROM submissions WHERE team_id = ? AND client_id = ?",
                       (team_id, client_id)).fetchone()
    if row is not None:
        return dict(row), False
    conn.execute("INSERT INTO submissions (team_id, challenge, learner, client_id, answer, "
                 "received_at) VALUES (?, ?, ?, ?, ?, ?)",
                 (team_id, challenge, learner, client_id,
                  json.dumps(answer, ensure_ascii=False), time.time()))
    row = conn.execute("SELECT * FROM submissions WHERE team_id = ? AND client_id = ?",
                       (team_id, client_id)).fetchone()
    return dict(row), True


def answer_number(conn, submission: dict) -> int:
    """Which answer of its team to its challenge this is (1 for the first)."""
    return conn.execute("SELECT COUNT(*) AS n FROM submissions WHERE team_id = ? AND "
                        "challenge = ? AND id <= ?", (submission["team_id"],
                                                      submission["challenge"],
                                                      submission["id"])).fetchone()["n"]


def latest_submissions(conn) -> dict[tuple, dict]:
    """The answer that counts, by (team id, challenge): each team's latest to each challenge."""
    rows = conn.execute(
        "SELECT s.*, (SELECT COUNT(*) FROM submissions c WHERE c.team_id = s.team_id AND "
        "c.challenge = s.challenge) AS answers FROM submissions s WHERE s.id IN "
        "(SELECT MAX(id) FROM submissions GROUP BY team_id, challenge)")
    return {(r["team_id"], r["challenge"]): {**dict(r), "answer": json.loads(r["answer"])}
            for r in rows}


def all_submissions(conn) -> list[dict]:
    return [{**dict(r), "answer": json.loads(r["answer"])}
            for r in conn.execute("SELECT * FROM submissions ORDER BY id")]


def award(conn, team_id: int, challenge: str, criterion: str, points: int) -> None:
    conn.execute("INSERT INTO rubric (team_id, challenge, criterion, points, awarded_at) "
                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (team_id, challenge, criterion) DO UPDATE "
                 "SET points = excluded.points, awarded_at = excluded.awarded_at",
                 (team_id, challenge, criterion, points, time.time()))


def rubric_points(conn) -> dict[tuple, dict[str, int]]:
    out: dict[tuple, dict[str, int]] = {}
    for r in conn.execute("SELECT * FROM rubric"):
        out.setdefault((r["team_id"], r["challenge"]), {})[r["criterion"]] = r["points"]
    return out


# --- pre- and post-tests ------------------------------------------------------------------

def add_test_answers(conn, learner: int, lesson: str, phase: str, answers: dict,
                     client_id: str) -> tuple[dict, bool]:
    """Store a learner's answers to a test; the first sending counts (a second is refused by
    the caller). Returns (the stored row, whether it is new)."""
    row = conn.execute("SELECT * FROM test_answers WHERE learner_id = ? AND lesson = ? AND "
                       "phase = ?", (learner, lesson, phase)).fetchone()
    if row is not None:
        return dict(row), False
    conn.execute("INSERT INTO test_answers (learner_id, lesson, phase, answers, client_id, "
                 "received_at) VALUES (?, ?, ?, ?, ?, ?)",
                 (learner, lesson, phase, json.dumps(answers, ensure_ascii=False), client_id,
                  time.time()))
    return dict(conn.execute("SELECT * FROM test_answers WHERE learner_id = ? AND lesson = ? "
                             "AND phase = ?", (learner, lesson, phase)).fetchone()), True


def test_answers(conn) -> list[dict]:
    rows = conn.execute(
        "SELECT a.*, l.name AS learner, l.team_id, t.name AS team FROM test_answers a "
        "JOIN learners l ON l.id = a.learner_id JOIN teams t ON t.id = l.team_id ORDER BY a.id")
    return [{**dict(r), "answers": json.loads(r["answers"])} for r in rows]


def learners(conn) -> list[dict]:
    rows = conn.execute("SELECT l.*, t.name AS team FROM learners l JOIN teams t "
                        "ON t.id = l.team_id ORDER BY t.id, l.name")
    return [dict(r) for r in rows]


# --- backups ------------------------------------------------------------------------------

def backup(source, target) -> Path:
    """Copy the board's records, consistent to one moment, into the new file *target*, even
    while the board is writing (SQLite's online backup). Refuses to overwrite a file."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"{target} already exists; choose a new file name.")
    with closing(connect(source, readonly=True)) as src, \
            closing(sqlite3.connect(str(target))) as dst:
        src.backup(dst)
    return target


def checkpoint(conn) -> None:
    """Fold the write-ahead log into the main file (done at a clean stop)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
