"""Load on the team-competition board: 30 teams submit at once, 20 rounds each, on loopback,
while the projector's page follows the board.

Bars (issue 15): p95 latency of a submission at most 200 ms, and 0 answers lost. An answer is
lost if it is not in the board's file at the end, however many tries it took; a try that gets
no receipt (timeout, refused, rate-limited) is sent again, as ``ck.classroom`` does from its
queue, at most three times. The projector is a client that asks for the board's view again as
soon as it has the last one (the page asks once per change; this asks at least as often), so the
board redraws its view after every answer. Every loop is bounded in count and in time.

The baseline is the same load, from the same client code, on the smallest tornado server that
reads a JSON body and answers it, started the same way: the ratio (board p95 / baseline p95)
says how much of the latency is the board's own work (checks, the SQLite write with FULL sync,
the receipt) rather than HTTP on this machine. It is printed for information.

    python benchmarks/bench_board.py [--teams 30] [--rounds 20] [--quick]
"""
from __future__ import annotations

import http.client
import json
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from harness import Bar, parse_args, verdict

DEADLINE_SECONDS = 120
REQUEST_TIMEOUT = 10
TRIES = 3
BASELINE = r"""
import json, sys
import tornado.ioloop, tornado.web
from tornado.netutil import bind_sockets
from tornado.httpserver import HTTPServer

class Echo(tornado.web.RequestHandler):
    def post(self):
        data = json.loads(self.request.body)
        self.finish({"received": True, "client_id": data["client_id"]})

sockets = bind_sockets(0, "127.0.0.1")
HTTPServer(tornado.web.Application([(r"/api/submit", Echo)])).add_sockets(sockets)
print(f"Board running at http://127.0.0.1:{sockets[0].getsockname()[1]}/board", flush=True)
tornado.ioloop.IOLoop.current().start()
"""


def start(command: list[str], ready: str) -> tuple[subprocess.Popen, int, str]:
    """Start a server; once it has printed *ready*, return it, its port and what it printed."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: [lines.append(x) for x in process.stdout],
                              daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        text = "".join(lines)
        if ready in text:
            port = int(re.search(r"127\.0\.0\.1:(\d+)/board", text).group(1))
            return process, port, text
        time.sleep(0.05)
    process.kill()
    raise SystemExit(f"a server did not start within 60 s: {''.join(lines)}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def load(port: int, codes: list[str], rounds: int, projector: bool = True) -> dict:
    """Every team submits once per round, all at once, while a projector follows the board;
    returns latencies and outcomes."""
    teams = len(codes)
    latencies: list[float] = []
    sent: list[str] = []
    failures = {"tries without receipt": 0}
    lock = threading.Lock()
    barrier = threading.Barrier(teams, timeout=DEADLINE_SECONDS)
    deadline = time.monotonic() + DEADLINE_SECONDS

    def team(code: str) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        for round_ in range(rounds):
            barrier.wait()
            body = json.dumps({"challenge": "02-security-share", "answer": 30 + round_ / 10,
                               "client_id": uuid.uuid4().hex}).encode()
            for _ in range(TRIES):
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    connection.request("POST", "/api/submit", body=body, headers={
                        "Authorization": f"Bearer {code}", "Content-Type": "application/json"})
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port,
                                                            timeout=REQUEST_TIMEOUT)
                with lock:
                    latencies.append(time.perf_counter() - started)
                    if ok:
                        sent.append(json.loads(body)["client_id"])
                        break
                    failures["tries without receipt"] += 1
        connection.close()

    done = threading.Event()
    views = [0]

    def follow() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        while not done.is_set() and time.monotonic() < deadline:
            try:
                connection.request("GET", "/api/board")
                connection.getresponse().read()
                views[0] += 1
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port,
                                                        timeout=REQUEST_TIMEOUT)
        connection.close()

    threads = [threading.Thread(target=team, args=(code,)) for code in codes]
    watcher = threading.Thread(target=follow)
    started = time.perf_counter()
    if projector:
        watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=DEADLINE_SECONDS + 10)
    done.set()
    if projector:
        watcher.join(timeout=REQUEST_TIMEOUT + 5)
    return {"latencies": latencies, "sent": sent, "seconds": time.perf_counter() - started,
            "views": views[0], **failures}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(argv=None) -> int:
    def extra(p):
        p.add_argument("--teams", type=int, default=30)
        p.add_argument("--rounds", type=int, default=20)

    args = parse_args(__doc__, argv, extra)
    teams, rounds = (4, 3) if args.quick else (args.teams, args.rounds)
    folder = Path(tempfile.mkdtemp(prefix="bench-board-"))
    db = folder / "board.sqlite"

    baseline, port, _ = start([sys.executable, "-c", BASELINE], "Board running at")
    try:
        base = load(port, [uuid.uuid4().hex] * teams, rounds, projector=False)
    finally:
        stop(baseline)

    names = ",".join(f"Team {n:02d}" for n in range(1, teams + 1))
    board, port, banner = start([sys.executable, "-m", "coursekit", "board", "--port", "0",
                                 "--db", str(db), "--teams", names, "--lessons", "02"],
                               "Stop the board with Ctrl+C")
    try:
        key = re.search(r"instructor\?key=(\S+)", banner).group(1)
        codes = re.findall(r'ck\.classroom\.join\("[^"]+", "([a-z0-9-]+)"', banner)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        connection.request("POST", "/instructor/challenge", headers={
            "Authorization": f"Bearer {key}", "Content-Type": "application/json"},
            body=json.dumps({"challenge": "02-security-share", "action": "open"}))
        assert connection.getresponse().status == 200
        connection.close()
        result = load(port, codes, rounds)
    finally:
        stop(board)
    with sqlite3.connect(db) as conn:
        stored = [row[0] for row in conn.execute("SELECT client_id FROM submissions")]
    answers = teams * rounds
    lost = answers - len(set(stored) & set(result["sent"]))
    doubled = len(stored) - len(set(stored))

    p50, p95 = (percentile(result["latencies"], s) * 1000 for s in (0.5, 0.95))
    b50, b95 = (percentile(base["latencies"], s) * 1000 for s in (0.5, 0.95))
    print(f"{teams} teams x {rounds} rounds = {answers} answers in {result['seconds']:.1f} s "
          f"({answers / result['seconds']:.0f} answers/s), while the projector loaded the "
          f"board {result['views']} times")
    print(f"board    latency p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   "
          f"max {max(result['latencies']) * 1000:6.1f} ms")
    print(f"baseline latency p50 {b50:6.1f} ms   p95 {b95:6.1f} ms   (minimal tornado echo)")
    print(f"p95 board / baseline: {p95 / b95:.1f}x (information)")
    print(f"lost answers: {lost}; stored twice: {doubled}; tries without a receipt: "
          f"{result['tries without receipt']}; mean {statistics.mean(result['latencies']) * 1000:.1f} ms")
    return verdict([Bar("p95 latency of a submission", p95, "<=", 200, " ms"),
                    Bar("answers lost", lost, "<=", 0, ""),
                    Bar("answers stored twice", doubled, "<=", 0, "")], args.quick)


if __name__ == "__main__":
    sys.exit(main())
