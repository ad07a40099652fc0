"""Start the course the way the README does (``python3 course.py lab``), on a copy of it.

JupyterLab autosaves whatever it opens, so the server never sees the repository itself: the
files a learner gets (``course.py``, ``pyproject.toml``, ``notebooks/``, ``exercises/``) are
copied into a temporary folder and that copy's ``course.py`` is run, with ``COURSEKIT_VENV``
pointing at the environment running the tests.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

COPIED = ["course.py", "pyproject.toml", "notebooks", "exercises"]
IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "autograder", "student")
WATCHED = ["notebooks", "exercises"]

# Server options on top of what course.py passes. Everything else stays as a learner has it.
LAB_OPTIONS = [
    "--no-browser",
    "--ServerApp.ip=127.0.0.1",
    "--ServerApp.port_retries=0",
    # The test reads notebook models through window.jupyterapp.
    "--LabApp.expose_app_in_browser=True",
    # Nothing may depend on the network: no news feed, no update check, no PyPI listing.
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
]
ROOT_HINT = (
    "JupyterLab serves the folder of the file it is asked to open (notebooks/), so a learner "
    "cannot reach exercises/ from it. course.py should start JupyterLab with "
    "--ServerApp.root_dir set to the course folder.")
# Messages course.py prints when it is about to (re)build the environment.
REBUILD_MESSAGES = ["creating an isolated environment", "installing the course's packages"]


class ServerError(AssertionError):
    """The course's JupyterLab did not start, or started in a way a learner's would not."""


# Files the notebooks write next to themselves when nbval runs them in place (otter's check
# log, the capstone's saved team plans). Both are git-ignored, and with the suite split over
# two workers nbval may write them while a browser session is open: they are not the session's.
WRITTEN_BY_NBVAL = (".OTTER_LOG", "capstone_plans")


def snapshot(root: Path, folders=WATCHED) -> dict[str, str]:
    """sha256 of every file under *folders* of *root*, by relative path (except the files nbval
    writes: ``WRITTEN_BY_NBVAL``)."""
    hashes = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if any(part in WRITTEN_BY_NBVAL for part in path.relative_to(root).parts):
                continue
            if path.is_file():
                hashes[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return ([f"changed: {p}" for p in sorted(before) if p in after and before[p] != after[p]]
            + [f"removed: {p}" for p in sorted(set(before) - set(after))]
            + [f"added: {p}" for p in sorted(set(after) - set(before))])


def copy_course(repo: Path, target: Path) -> None:
    for name in COPIED:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED)
        else:
            shutil.copy2(source, target / name)


def rebuild_reason(course_py: Path, venv: Path) -> str | None:
    """Why ``course.py`` would rebuild *venv* before starting (None if it would not).

    Asks the copied course.py itself (its venv_bin, venv_dir and wanted_stamp) rather than
    re-implementing its stamp, so that a change to course.py's rule is followed here.
    """
    spec = importlib.util.spec_from_file_location("_course_under_test", course_py)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with mock.patch.dict(os.environ, {"COURSEKIT_VENV": str(venv)}):
        python, stamp = module.venv_bin("python"), module.venv_dir() / ".coursekit-stamp"
        if not python.exists():
            return f"{python} does not exist"
        if not stamp.exists():
            return f"{stamp} does not exist"
        have, want = stamp.read_text().strip(), module.wanted_stamp()
    if have != want:
        return (f"{stamp} holds {have[:12]}…, but pyproject.toml and Python "
                f"{sys.version_info[0]}.{sys.version_info[1]} give {want[:12]}…, so "
                "pyproject.toml changed after the environment was built")
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


@dataclass
class LabServer:
    root: Path
    url: str
    token: str
    process: subprocess.Popen
    log: Path
    startup_seconds: float

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 10):
        request = urllib.request.Request(
            f"{self.url}{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read()
        return json.loads(data) if data else None

    def exists(self, path: str) -> bool:
        """Whether the server has *path* (relative to the folder it serves)."""
        try:
            self.api("GET", f"/api/contents/{urllib.parse.quote(path)}?content=0")
            return True
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return False
            raise

    def top_level(self) -> list[str]:
        """Names in the folder the server shows at the top of JupyterLab's file browser."""
        return sorted(item["name"] for item in self.api("GET", "/api/contents?content=1")["content"])

    def served_root(self) -> Path:
        """The folder the server shows, from the server-info file JupyterLab writes for itself."""
        infos = sorted((self.root.parent / "jupyter-runtime").glob("jpserver-*.json"))
        if not infos:
            raise ServerError("JupyterLab wrote no server-info file (jpserver-*.json)")
        return Path(json.loads(infos[-1].read_text(encoding="utf-8"))["root_dir"]).resolve()

    def served_path(self, repo_path: str) -> str:
        """*repo_path* (e.g. ``notebooks/01_x.ipynb``) as the server names it.

        course.py opens JupyterLab on a file; unless it sets the server's root folder, JupyterLab
        serves the folder of that file. Lessons are then still reachable (without the folder in
        their path), which lets their tests run; anything elsewhere is not, and that is reported.
        """
        target, root = (self.root / repo_path).resolve(), self.served_root()
        if not target.is_relative_to(root):
            raise ServerError(
                f"{repo_path} cannot be opened in the JupyterLab that `python3 course.py lab` "
                f"starts: it serves {root.relative_to(self.root.parent)}/ only. " + ROOT_HINT)
        return target.relative_to(root).as_posix()

    def shutdown_kernels(self) -> None:
        """End every session the last test opened, so each notebook starts on a fresh kernel."""
        for session in self.api("GET", "/api/sessions") or []:
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}", timeout=30)
            except urllib.error.URLError:
                pass

    def stop(self) -> None:
        """Shut down through the server's own API (kernels included), then make sure."""
        if self.process.poll() is None:
            try:
                self.api("POST", "/api/shutdown", timeout=10)
            except (urllib.error.URLError, OSError):
                pass
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                # course.py and JupyterLab share the session started for them; end just that.
                for sig in (signal.SIGTERM, signal.SIGKILL):
                    try:
                        os.killpg(self.process.pid, sig)
                    except ProcessLookupError:
                        break
                    try:
                        self.process.wait(timeout=10)
                        break
                    except subprocess.TimeoutExpired:
                        continue


def server_environment(work: Path, venv: Path) -> dict[str, str]:
    env = dict(os.environ)
    # The test suite sets MPLBACKEND=Agg for itself; a learner's kernel has no such setting,
    # and with it plt.show() would draw nothing in the notebook.
    env.pop("MPLBACKEND", None)
    env["COURSEKIT_VENV"] = str(venv)
    # Keep JupyterLab's and IPython's per-user state (settings, workspaces, runtime files) in
    # the temporary folder: the tests neither read nor change the user's own.
    for name, folder in [("JUPYTER_CONFIG_DIR", "jupyter-config"),
                         ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
                         ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
                         ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
                         ("IPYTHONDIR", "ipython")]:
        (work / folder).mkdir(exist_ok=True)
        env[name] = str(work / folder)
    # With the news feed off (LAB_OPTIONS) JupyterLab still asks whether to fetch it, in a
    # toast over the notebook; answer "no" in the settings so screenshots show the notebook.
    notification = work / "lab-settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
    return env


def start(repo: Path, work: Path, venv: Path, timeout: float = 120) -> LabServer:
    """Copy the course into *work* and start its ``course.py lab``; raise ServerError with the
    log's tail if it does not answer within *timeout* seconds."""
    course = work / "course"
    course.mkdir(parents=True)
    copy_course(repo, course)
    reason = rebuild_reason(course / "course.py", venv)
    if reason:
        raise ServerError(
            f"python3 course.py lab would rebuild the environment {venv} before starting "
            f"({reason}). The browser tests do not let it reinstall packages into the running "
            "test environment. Refresh it with `python3 course.py test` (it rebuilds .venv, then "
            "runs the suite), or set COURSEKIT_VENV to an environment built for this pyproject.toml.")
    env = server_environment(work, venv)
    token = secrets.token_urlsafe(24)
    last = ""
    for attempt in range(3):
        port = free_port()
        log = work / f"server-{attempt + 1}.log"
        options = [*LAB_OPTIONS, f"--port={port}", f"--IdentityProvider.token={token}"]
        # As root (CI containers), course.py itself adds --allow-root: that is part of the test.
        started = time.monotonic()
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [sys.executable, str(course / "course.py"), "lab", *options],
                cwd=course, env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True)
        server = LabServer(root=course, url=f"http://127.0.0.1:{port}", token=token,
                           process=process, log=log, startup_seconds=0.0)
        while time.monotonic() - started < timeout:
            if process.poll() is not None:
                break
            try:
                server.api("GET", "/api/status", timeout=2)
                server.startup_seconds = time.monotonic() - started
                text = log.read_text(encoding="utf-8", errors="replace")
                rebuilt = [m for m in REBUILD_MESSAGES if m in text]
                if rebuilt:
                    server.stop()
                    raise ServerError(f"course.py rebuilt the environment before starting ({rebuilt}); "
                                      f"log:\n{tail(log)}")
                return server
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        server.stop()
        last = tail(log)
        if "already in use" not in last:
            break
    raise ServerError(
        f"JupyterLab started by `python3 course.py lab` did not answer within {timeout:.0f} s "
        f"(exit code {process.poll()}). Last lines of its log ({log}):\n{last}")
