"""Start a real JupyterHub for a test: the training-room config of ``deploy/``, on 127.0.0.1.

Reusable by any test (and by ``benchmarks/bench_hub_memory.py``) that needs a hub::

    hub = start_hub(tmp_path, services=[{"name": "board", "url": ..., "command": [...]}],
                    roles=[{"name": "board", "services": ["board"], "scopes": [...]}])
    try:
        ...  # hub.url, hub.api("GET", "/users"), hub.homes / "learner1"
    finally:
        hub.stop()

What it does: writes a small config that loads ``deploy/training-room/jupyterhub_config.py``
(so the config instructors use is the one tested), with the test's own settings given the way
an instructor gives them, through ``COURSEKIT_HUB_*`` environment variables: free ports for the
proxy, the hub and the proxy's API; the ``simple`` spawner with one home folder per learner
under the test's temporary folder (learners are not system accounts here); first-use logins;
the proxy from the npm package. Every wait is bounded, and :meth:`Hub.stop` ends the hub, the
proxy, every learner's server and every kernel by process id.
"""
from __future__ import annotations

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
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser._server import tail

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_CONFIG = ROOT / "deploy" / "training-room" / "jupyterhub_config.py"
LOCAL_PROXY = ROOT / "tests" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
# The test's own admin token: a service the hub trusts with what the tests inspect.
TEST_SERVICE = "coursekit-test"
TEST_SCOPES = ["admin:users", "admin:servers", "list:users", "read:users", "access:servers",
               "read:servers"]
# Server flags the browser helpers of tests/browser/ rely on (they read window.jupyterapp).
TEST_SERVER_ARGS = ["--LabApp.expose_app_in_browser=True"]
# Files a learner gets from the course repository (what nbgitpuller pulls in the tests).
COURSE_FILES = ["README.md", "LICENSE", "notebooks", "exercises"]
IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "source")


class HubError(AssertionError):
    """The hub did not start or stop as it should; the message carries the end of its log."""


def proxy_executable() -> str:
    """configurable-http-proxy: COURSEKIT_PROXY, tests/node (what course.py installs), or PATH."""
    candidates = [os.environ.get("COURSEKIT_PROXY"), str(LOCAL_PROXY),
                  shutil.which("configurable-http-proxy")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise HubError(
        "configurable-http-proxy (JupyterHub's proxy, an npm package) was not found. "
        "`python3 course.py test` installs it with the other JavaScript tools "
        "(npm ci --prefix tests/node; it needs npm: sudo apt install npm), or set "
        "COURSEKIT_PROXY to the executable.")


def free_ports(count: int) -> list[int]:
    """*count* distinct free TCP ports on 127.0.0.1 (held open together so none repeats)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def git(cwd: Path, *args: str) -> str:
    # Fixed identity and no user or system config, so the test does not depend on the machine.
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Instructor", "GIT_AUTHOR_EMAIL": "instructor@example.invalid",
           "GIT_COMMITTER_NAME": "Instructor", "GIT_COMMITTER_EMAIL": "instructor@example.invalid"}
    run = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                         timeout=60)
    if run.returncode != 0:
        raise HubError(f"git {' '.join(args)} failed in {cwd}:\n{run.stdout}{run.stderr}")
    return run.stdout


def course_repository(target: Path, branch: str = "main") -> Path:
    """A git repository holding what learners get from the course (its notebooks and
    exercises), committed on *branch*: the upstream an nbgitpuller link pulls from."""
    target.mkdir(parents=True)
    for name in COURSE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED)
        else:
            shutil.copy2(source, target / name)
    git(target, "init", "--quiet", "--initial-branch", branch)
    git(target, "add", "--all")
    git(target, "commit", "--quiet", "--message", "The course as the instructor publishes it")
    return target


@dataclass
class Hub:
    """A running hub. ``url`` is what learners open; ``homes/<name>`` is a learner's home."""

    url: str
    process: subprocess.Popen
    workdir: Path
    homes: Path
    log: Path
    token: str
    startup_seconds: float
    stopped: bool = field(default=False)

    def _call(self, url: str, method: str, body: dict | None, timeout: float):
        request = urllib.request.Request(
            url, method=method, data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read()
        return json.loads(data) if data else None

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 15):
        """Call the hub's REST API (``/hub/api`` + *path*) with the test's admin token."""
        return self._call(f"{self.url}/hub/api{path}", method, body, timeout)

    def server_api(self, user: str, method: str, path: str, body: dict | None = None,
                   timeout: float = 30):
        """Call a learner's own Jupyter server (``/user/<name>/api`` + *path*)."""
        return self._call(f"{self.url}/user/{user}/api{path}", method, body, timeout)

    def start_server(self, user: str, timeout: float = 120) -> None:
        """Create *user* if needed and start their server through the API; wait until it runs."""
        try:
            self.api("POST", f"/users/{user}")
        except urllib.error.HTTPError as error:
            if error.code != 409:  # 409: the user exists already
                raise
        try:
            self.api("POST", f"/users/{user}/server")
        except urllib.error.HTTPError as error:
            if error.code != 400:  # 400: already running
                raise
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.api("GET", f"/users/{user}").get("servers", {}).get("", {})
            if server.get("ready"):
                return
            time.sleep(0.5)
        raise HubError(f"{user}'s server did not start within {timeout:.0f} s; hub log:\n{tail(self.log)}")

    def descendants(self) -> list[int]:
        """Process ids of everything the hub started: proxy, learners' servers, kernels."""
        import psutil

        try:
            return [child.pid for child in psutil.Process(self.process.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def stop_checked(self, log_copy: Path) -> None:
        """Stop the hub, keep its log at *log_copy*, and fail if anything it started (proxy,
        services, learners' servers, kernels) is still running: what a test's fixture does last."""
        import psutil

        started = self.descendants()
        self.stop()
        log_copy.write_bytes(self.log.read_bytes())
        alive = [pid for pid in started if psutil.pid_exists(pid)
                 and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
        assert self.process.poll() is not None and not alive, f"processes left running: {alive}"

    def stop(self, timeout: float = 30) -> None:
        """Stop the hub, which stops the proxy and the learners' servers; then end, by process id,
        whatever of them (and their kernels) is still running."""
        import psutil

        if self.stopped:
            return
        self.stopped = True
        started = self.descendants()
        if self.process.poll() is None:
            # The hub leads its own process group (the proxy is in it too).
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        left = []
        for pid in started:
            try:
                process = psutil.Process(pid)
                process.terminate()
                left.append(process)
            except psutil.NoSuchProcess:
                pass
        _, alive = psutil.wait_procs(left, timeout=10)
        for process in alive:
            process.kill()
        psutil.wait_procs(alive, timeout=10)


def start_hub(workdir: Path, *, services: list[dict] = (), roles: list[dict] = (),
              server_args: list[str] = (), env: dict | None = None,
              timeout: float = 60) -> Hub:
    """Start JupyterHub with the training-room config, in *workdir*, and wait until it answers.

    *services* and *roles* are added to the config's own (``c.JupyterHub.services`` and
    ``c.JupyterHub.load_roles``), which is how a test adds a service such as the team board;
    *server_args* are added to every learner server's command line; *env* overrides or adds
    ``COURSEKIT_HUB_*`` settings.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    homes, state = workdir / "homes", workdir / "state"
    homes.mkdir(exist_ok=True)
    port, hub_port, api_port, board_port = free_ports(4)
    token = secrets.token_hex(24)
    test_service = {"name": TEST_SERVICE, "api_token": token}
    test_role = {"name": TEST_SERVICE, "services": [TEST_SERVICE], "scopes": TEST_SCOPES}
    config = workdir / "jupyterhub_config.py"
    config.write_text(
        "# Written by tests/hub/_hub.py: the training-room config plus the test's additions.\n"
        "import json\n"
        "c = get_config()  # noqa: F821\n"
        f"load_subconfig({str(DEPLOY_CONFIG)!r})  # noqa: F821\n"
        f"c.JupyterHub.services = list(c.JupyterHub.services) + json.loads({json.dumps([test_service, *services])!r})\n"
        f"c.JupyterHub.load_roles = list(c.JupyterHub.load_roles) + json.loads({json.dumps([test_role, *roles])!r})\n"
        f"c.Spawner.args = list(c.Spawner.args) + json.loads({json.dumps([*TEST_SERVER_ARGS, *server_args])!r})\n"
        # Quick, visible failures in a test; a classroom keeps the config's patient values.
        "c.Spawner.start_timeout = 90\n"
        "c.JupyterHub.log_level = 'INFO'\n",
        encoding="utf-8")
    settings = {
        "COURSEKIT_HUB_STATE": str(state), "COURSEKIT_HUB_HOMES": str(homes),
        "COURSEKIT_HUB_IP": "127.0.0.1", "COURSEKIT_HUB_PORT": str(port),
        "COURSEKIT_HUB_HUB_PORT": str(hub_port), "COURSEKIT_HUB_PROXY_API_PORT": str(api_port),
        "COURSEKIT_HUB_SPAWNER": "simple", "COURSEKIT_HUB_AUTH": "first-use",
        "COURSEKIT_HUB_PROXY": proxy_executable(),
        # The config's own team board starts with every hub: on a free port too.
        "COURSEKIT_HUB_BOARD_PORT": str(board_port),
        **(env or {}),
    }
    # The single-user servers inherit this environment: no browser, nothing remembered from
    # the machine's own Jupyter or git settings.
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("JUPYTER", "COURSEKIT_HUB_"))}
    environment.update(settings)
    environment.update({"GIT_CONFIG_NOSYSTEM": "1", "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                        + os.environ.get("PATH", "")})
    log = workdir / "jupyterhub.log"
    started = time.monotonic()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=workdir, env=environment,
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    hub = Hub(url=f"http://127.0.0.1:{port}", process=process, workdir=workdir, homes=homes,
              log=log, token=token, startup_seconds=0.0)
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            break
        try:
            # Through the proxy, as a learner's browser reaches it: both are up when this answers.
            with urllib.request.urlopen(f"{hub.url}/hub/api/", timeout=2) as response:
                if response.status == 200:
                    hub.startup_seconds = time.monotonic() - started
                    return hub
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.25)
    hub.stop()
    raise HubError(f"JupyterHub did not answer at {hub.url} within {timeout:.0f} s (exit code "
                   f"{process.poll()}). Last lines of its log ({log}):\n{tail(log)}")


def nbgitpuller_link(hub_url: str, repo: str, branch: str, urlpath: str, folder: str) -> str:
    """The link a learner follows; made by the course's own ``class-links`` code."""
    from coursekit.course.classlinks import pull_link

    return pull_link(hub_url, repo, branch, urlpath, folder)
