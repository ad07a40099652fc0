"""One thread that writes the board's records, several answers per transaction.

With ``synchronous=FULL`` every commit waits for the disk (a few milliseconds on a laptop). When
thirty teams submit in the same second, committing each answer on its own would queue them
behind thirty disk flushes. The writer instead takes every write waiting at that moment, runs
each inside its own savepoint (so one refused answer does not undo the others) and commits them
together: one flush for the lot, and the board's web server never waits for the disk itself.
"""
from __future__ import annotations

import asyncio
import queue
import sqlite3
import threading
from concurrent.futures import Future

from . import store

MAX_BATCH = 200
_STOP = object()


class Writer:
    """Run write functions ``work(conn, *args)`` on one connection in a background thread."""

    def __init__(self, path):
        self.conn = store.open_store(path)
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="board-writer", daemon=True)
        self.batches = 0  # how many transactions were committed (read by the tests)
        self._thread.start()

    def submit(self, work, *args) -> Future:
        """Queue *work*; the returned future holds its result once it is committed."""
        future: Future = Future()
        self._queue.put((work, args, future))
        return future

    def run(self, work, *args):
        """Queue *work* and wait for its committed result (for scripts and tests)."""
        return self.submit(work, *args).result()

    async def call(self, work, *args):
        """Queue *work* and await its committed result (for the web server)."""
        return await asyncio.wrap_future(self.submit(work, *args))

    def _loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is _STOP:
                break
            batch = [first]
            while len(batch) < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is _STOP:
                    self._queue.put(_STOP)  # finish this batch, then stop
                    break
                batch.append(item)
            self._commit(batch)
        store.checkpoint(self.conn)
        self.conn.close()

    def _commit(self, batch) -> None:
        results = []
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for number, (work, args, _) in enumerate(batch):
                self.conn.execute(f"SAVEPOINT item{number}")
                try:
                    results.append((True, work(self.conn, *args)))
                    self.conn.execute(f"RELEASE item{number}")
                except Exception as exc:  # handed to the caller through its future
                    self.conn.execute(f"ROLLBACK TO item{number}")
                    self.conn.execute(f"RELEASE item{number}")
                    results.append((False, exc))
            self.conn.execute("COMMIT")
            self.batches += 1
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            results = [(False, exc)] * len(batch)
        for (_, _, future), (ok, value) in zip(batch, results):
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def close(self) -> None:
        """Write what is queued, fold the log into the file, and stop the thread."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout=30)
