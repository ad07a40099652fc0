"""How much memory does one learner take on the class hub, and does a class of 30 fit in 10 GB?

Bar (issue 14): 30 learners plus the hub and its proxy in 10 GB or less. Measured, not
estimated: a real JupyterHub with the training-room config (tests/hub/_hub.py starts it on
127.0.0.1), one learner's single-user server, and a kernel that has run a lesson's code cells
in order, as JupyterLab would. Per learner: the resident set size (RSS) of the learner's server
plus kernel after the heaviest lesson, i.e. the lesson whose kernel ends largest (every lesson
is measured, each in a fresh kernel). The baseline, in the same run: the same server with a
fresh kernel that has run nothing.

RSS counts every shared page (Python, numpy, pandas, matplotlib and JupyterLab's libraries,
mapped from the same files by every learner) in full for every process, so 30 times it is an
upper bound, printed for information. The bar uses what 30 learners occupy on one machine: 30
times a learner's unique memory (USS: pages no other process maps) plus one copy of the shared
pages (RSS − USS), plus the hub and the proxy.

    python benchmarks/bench_hub_memory.py [--quick]   # --quick: lesson 00 only

Prints MB per learner, the ratio to the baseline, the class-of-30 figure against 10 GB, and the
CPU-seconds each lesson's kernel used to run every cell (for sizing cores).
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from harness import ROOT, Bar, parse_args, verdict

CLASS_SIZE = 30
GOAL_BYTES = 10 * 1024**3
LEARNER = "learner1"
MB = 1024**2


def rss(pids) -> int:
    return memory(pids)[0]


def memory(pids) -> tuple[int, int]:
    """(RSS, USS) summed over the processes *pids*."""
    import psutil

    total_rss = total_uss = 0
    for pid in pids:
        try:
            info = psutil.Process(pid).memory_full_info()
        except psutil.NoSuchProcess:
            continue
        total_rss, total_uss = total_rss + info.rss, total_uss + info.uss
    return total_rss, total_uss


def server_process(hub):
    import psutil

    for child in psutil.Process(hub.process.pid).children(recursive=True):
        try:
            if any("jupyterhub-singleuser" in part for part in child.cmdline()):
                return child
        except psutil.NoSuchProcess:
            continue
    raise RuntimeError("no single-user server process found under the hub")


def _execute(client, code: str, timeout: float, **options) -> dict:
    """Run *code* and return the kernel's reply, read on the shell channel only. (Waiting for
    the IOPub channel's "idle", as execute_interactive does, hung now and then when a fresh
    kernel's IOPub had not yet connected; the shell reply arrives when the code has run.)"""
    msg_id = client.execute(code, silent=False, store_history=False, **options)
    deadline = time.monotonic() + timeout
    while True:
        reply = client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def run_lesson(hub, home: Path, notebook: str, run_cells: bool, timeout: float = 300) -> int:
    """Start a kernel for *notebook* through the learner's server (so it is the server's child,
    started in the notebook's folder), run its code cells if *run_cells*; return the kernel's pid."""
    from jupyter_client import BlockingKernelClient

    session = hub.server_api(LEARNER, "POST", "/sessions", {
        "path": notebook, "type": "notebook", "name": Path(notebook).name,
        "kernel": {"name": "python3"}})
    kernel_id = session["kernel"]["id"]
    connection = home / ".local" / "share" / "jupyter" / "runtime" / f"kernel-{kernel_id}.json"
    deadline = time.monotonic() + 60
    while not connection.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    client = BlockingKernelClient(connection_file=str(connection))
    client.load_connection_file()
    # No heartbeat channel: on a busy machine a slow first beat reads as "kernel died".
    client.start_channels(hb=False)
    try:
        client.kernel_info()
        client.get_shell_msg(timeout=60)
        reply = _execute(client, "import os; __ck_pid = os.getpid()", timeout=60,
                         user_expressions={"pid": "__ck_pid"})
        pid = int(reply["content"]["user_expressions"]["pid"]["data"]["text/plain"])
        if run_cells:
            nb = json.loads((home / notebook).read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                if cell["cell_type"] == "code" and source.strip():
                    _execute(client, source, timeout=timeout)
    finally:
        client.stop_channels()
    return pid


def main(argv=None) -> int:
    import psutil

    args = parse_args(__doc__, argv)
    sys.path.insert(0, str(ROOT))
    from tests.hub._hub import COURSE_FILES, IGNORED, start_hub

    lessons = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if args.quick:
        lessons = lessons[:1]
    with tempfile.TemporaryDirectory(prefix="coursekit-bench-hub-") as tmp:
        hub = start_hub(Path(tmp) / "hub")
        try:
            hub.start_server(LEARNER)
            home = hub.homes / LEARNER
            for name in COURSE_FILES:  # what nbgitpuller would have put there
                source, target = ROOT / name, home / "coursekit" / name
                if source.is_dir():
                    shutil.copytree(source, target, ignore=IGNORED)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, target)
            server = server_process(hub)
            overhead = rss([hub.process.pid] + [p for p in hub.descendants()
                                                if p not in {server.pid, *[c.pid for c in server.children(recursive=True)]}])
            bare_kernel = run_lesson(hub, home, f"coursekit/notebooks/{lessons[0]}", run_cells=False)
            time.sleep(1)
            baseline = rss([server.pid, bare_kernel])
            hub.server_api(LEARNER, "DELETE", "/kernels/" + _kernel_of(hub, bare_kernel))
            per_lesson, unique, parts, cpu = {}, {}, {}, {}
            for lesson in lessons:
                kernel = run_lesson(hub, home, f"coursekit/notebooks/{lesson}", run_cells=True)
                time.sleep(1)
                per_lesson[lesson], unique[lesson] = memory([server.pid, kernel])
                cpu[lesson] = sum(psutil.Process(kernel).cpu_times()[:2])
                parts[lesson] = (rss([server.pid]), rss([kernel]))
                hub.server_api(LEARNER, "DELETE", "/kernels/" + _kernel_of(hub, kernel))
        finally:
            hub.stop()
    heaviest = max(per_lesson, key=per_lesson.get)
    learner, learner_unique = per_lesson[heaviest], unique[heaviest]
    upper_bound = CLASS_SIZE * learner + overhead
    class_total = CLASS_SIZE * learner_unique + (learner - learner_unique) + overhead
    for lesson, value in per_lesson.items():
        server_bytes, kernel_bytes = parts[lesson]
        print(f"server + kernel after {lesson:<36} {value / MB:7.0f} MB  (server "
              f"{server_bytes / MB:.0f}, kernel {kernel_bytes / MB:.0f}; the kernel used "
              f"{cpu[lesson]:.1f} CPU-seconds to run every cell)")
    print(f"server + fresh kernel (baseline)             {baseline / MB:7.0f} MB")
    print(f"hub + proxy                                  {overhead / MB:7.0f} MB")
    print(f"per learner (heaviest lesson, {heaviest[:2]}): {learner / MB:.0f} MB = "
          f"{learner / baseline:.2f}x the baseline")
    print(f"  of which unique to the learner (USS): {learner_unique / MB:.0f} MB; shared with other "
          f"learners: {(learner - learner_unique) / MB:.0f} MB")
    print(f"class of {CLASS_SIZE}: {class_total / 1024**3:.1f} GB against the 10 GB goal "
          f"({CLASS_SIZE} x USS + shared pages once + hub and proxy); upper bound "
          f"{CLASS_SIZE} x RSS + hub and proxy: {upper_bound / 1024**3:.1f} GB")
    print(f"CPU: {CLASS_SIZE} learners running {heaviest[:2]} top to bottom within the same minute "
          f"need about {CLASS_SIZE * cpu[heaviest] / 60:.1f} cores for that minute")
    return verdict([Bar(f"class of {CLASS_SIZE} / 10 GB goal", class_total / GOAL_BYTES, "<=", 1.0)],
                   args.quick)


def _kernel_of(hub, pid: int) -> str:
    """The id of the learner's kernel whose process is *pid*."""
    import psutil

    for kernel in hub.server_api(LEARNER, "GET", "/kernels"):
        connection = hub.homes / LEARNER / ".local/share/jupyter/runtime" / f"kernel-{kernel['id']}.json"
        try:
            if any(str(connection) in part for part in psutil.Process(pid).cmdline()):
                return urllib.parse.quote(kernel["id"])
        except psutil.NoSuchProcess:
            break
    raise RuntimeError(f"no kernel of {LEARNER} runs as process {pid}")


if __name__ == "__main__":
    sys.exit(main())
