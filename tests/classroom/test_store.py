"""The board's file: SQLite in WAL mode with FULL sync, safe for writers in several processes,
written in batches, backed up consistently, and holding JSON text only."""
from __future__ import annotations

import ast
import json
import multiprocessing
import sqlite3
import threading
import uuid
from pathlib import Path

import pytest

from coursekit.classroom import store
from coursekit.classroom.wording import Refusal
from coursekit.classroom.writer import Writer

PACKAGE = Path(store.__file__).parent


def test_the_file_is_in_wal_mode_with_full_sync(tmp_path):
    conn = store.open_store(tmp_path / "b.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # The keys are made once and kept: a restart keeps every code and the instructor key.
    key = store.meta(conn, "instructor_token")
    assert len(key) >= 30 and store.meta(store.open_store(tmp_path / "b.sqlite"),
                                         "instructor_token") == key


def test_join_codes_are_long_random_and_read_back_however_they_are_typed(tmp_path):
    conn = store.open_store(tmp_path / "b.sqlite")
    teams = [store.transaction(conn, store.add_team, f"Team {n}") for n in range(50)]
    codes = {t["code"] for t in teams}
    assert len(codes) == 50
    sample = teams[7]["code"]
    assert store.team_by_code(conn, sample.upper().replace("-", " "))["name"] == "Team 7"
    other = "2" if sample[-1] != "2" else "3"
    assert store.team_by_code(conn, sample[:-1] + other) is None
    # Adding a team again keeps its code.
    assert store.transaction(conn, store.add_team, "Team 7")["code"] == sample


def _hammer(path, team_name, count):
    conn = store.open_store(path)
    team = store.transaction(conn, store.add_team, team_name)
    for n in range(count):
        store.transaction(conn, store.add_submission, team["id"], "02-x", {"n": n},
                          uuid.uuid4().hex)


def test_writers_in_several_processes_lose_nothing(tmp_path):
    path = tmp_path / "b.sqlite"
    store.open_store(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_hammer, args=(path, f"T{n}", 50)) for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    conn = store.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 150
    assert conn.execute("SELECT COUNT(DISTINCT team_id) FROM submissions").fetchone()[0] == 3


def test_the_writer_commits_answers_that_arrive_together_in_one_batch(tmp_path):
    writer = Writer(tmp_path / "b.sqlite")
    try:
        team = writer.run(store.add_team, "Lotus")
        start = threading.Event()
        futures = []

        def send():
            start.wait()
            futures.append(writer.submit(store.add_submission, team["id"], "02-x", [1, 2],
                                         uuid.uuid4().hex))

        threads = [threading.Thread(target=send) for _ in range(60)]
        for thread in threads:
            thread.start()
        before = writer.batches
        start.set()
        for thread in threads:
            thread.join()
        results = [f.result(timeout=30) for f in futures]
        assert all(new for _, new in results)
        assert writer.batches - before < 60  # fewer disk flushes than answers
    finally:
        writer.close()
    conn = store.connect(tmp_path / "b.sqlite")
    assert conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 60


def test_a_refused_write_does_not_undo_the_others_in_its_batch(tmp_path):
    writer = Writer(tmp_path / "b.sqlite")
    try:
        team = writer.run(store.add_team, "Lotus")

        def refuse(conn):
            store.add_submission(conn, team["id"], "02-x", "half", "half-written-1")
            raise Refusal(409, "not_open", challenge="02-x")

        futures = [writer.submit(store.add_submission, team["id"], "02-x", 1, "first-0001"),
                   writer.submit(refuse),
                   writer.submit(store.add_submission, team["id"], "02-x", 2, "third-0001")]
        assert futures[0].result(timeout=10)[1] and futures[2].result(timeout=10)[1]
        with pytest.raises(Refusal):
            futures[1].result(timeout=10)
    finally:
        writer.close()
    conn = store.connect(tmp_path / "b.sqlite")
    ids = [r[0] for r in conn.execute("SELECT client_id FROM submissions ORDER BY id")]
    assert ids == ["first-0001", "third-0001"]


def test_sending_the_same_answer_twice_keeps_it_once(tmp_path):
    conn = store.open_store(tmp_path / "b.sqlite")
    team = store.transaction(conn, store.add_team, "Lotus")
    first, new = store.transaction(conn, store.add_submission, team["id"], "02-x", "a", "same-1")
    again, new_again = store.transaction(conn, store.add_submission, team["id"], "02-x", "b",
                                         "same-1")
    assert new and not new_again and again["id"] == first["id"] and again["answer"] == '"a"'


def test_a_backup_taken_while_answers_arrive_is_complete_and_consistent(tmp_path):
    path = tmp_path / "b.sqlite"
    writer = Writer(path)
    try:
        team = writer.run(store.add_team, "Lotus")
        for n in range(200):
            writer.submit(store.add_submission, team["id"], "02-x", n, f"id-{n:06d}")
        copy = store.backup(path, tmp_path / "copy.sqlite")
        with pytest.raises(FileExistsError):
            store.backup(path, copy)  # a backup never overwrites a file
    finally:
        writer.close()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        numbers = [json.loads(r[0]) for r in conn.execute("SELECT answer FROM submissions "
                                                          "ORDER BY id")]
    assert numbers == list(range(len(numbers)))  # a prefix: nothing half-written


def test_nothing_is_pickled():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, (ast.Import, ast.ImportFrom))
                    for alias in getattr(node, "names", [])}
        modules = {node.module.split(".")[0] for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom) and node.module}
        assert not {"pickle", "shelve", "marshal", "dill"} & (imported | modules), path.name


def test_answers_are_stored_as_json_text(tmp_path):
    conn = store.open_store(tmp_path / "b.sqlite")
    team = store.transaction(conn, store.add_team, "Lotus")
    store.transaction(conn, store.add_submission, team["id"], "02-x", ["安检", 35.8], "text-0001")
    raw = conn.execute("SELECT answer, typeof(answer) FROM submissions").fetchone()
    assert raw[1] == "text" and json.loads(raw[0]) == ["安检", 35.8]
