"""JupyterHub for a training room: one server, one class, the course in every learner's home.

Run with ``jupyterhub -f deploy/training-room/jupyterhub_config.py`` from the environment that
holds the course (``pip install ".[lab,hub]"``; deploy/README.md walks through it). Settings
come from environment variables, so the same file serves a classroom server (systemd unit
``coursekit-hub.service`` next to this file) and the test suite's local hub (tests/hub/):

==============================  ==================================================================
``COURSEKIT_HUB_STATE``         folder for the hub's database, cookie secret and first-use passwords
                                (default ``/srv/coursekit-hub``; keep it private: mode 700)
``COURSEKIT_HUB_IP``,           where learners connect (default all interfaces, port 8000); put a
``COURSEKIT_HUB_PORT``          TLS proxy in front, or set ``COURSEKIT_HUB_SSL_CERT``/``_KEY``
``COURSEKIT_HUB_AUTH``          ``first-use`` (default): each learner picks a password at the first
                                login and nobody else can open that account afterwards;
                                ``shared``: one class password (``COURSEKIT_HUB_PASSWORD``, 8+
                                characters) that opens any learner account — quick, for a one-off
                                demonstration only
``COURSEKIT_HUB_LEARNERS``      optional file with the allowed user names, one a line; without it
                                anybody who reaches the hub can make an account
``COURSEKIT_HUB_ADMINS``        comma-separated instructor names (admin page, can open learners'
                                servers to help); with ``shared`` they log in with
                                ``COURSEKIT_HUB_ADMIN_PASSWORD`` (32+ characters)
``COURSEKIT_HUB_SPAWNER``       ``systemd`` (default): each learner's server runs as its own
                                throw-away system user with a memory and CPU cap, homes in
                                ``/var/lib/private/<name>``; ``simple``: every server runs as the
                                hub's own user, homes under ``COURSEKIT_HUB_HOMES`` — for one
                                laptop and for the tests, never for a class (no isolation)
``COURSEKIT_HUB_MEM_LIMIT``,    per-learner caps for ``systemd`` (default ``700M`` and ``1``): see
``COURSEKIT_HUB_CPU_LIMIT``     deploy/README.md "Sizing" for the measurement behind them
``COURSEKIT_HUB_PROXY``         the configurable-http-proxy executable (default: from PATH)
``COURSEKIT_HUB_HUB_PORT``,     ports the hub and the proxy's API listen on, on 127.0.0.1 only
``COURSEKIT_HUB_PROXY_API_PORT``  (defaults 8081 and 8001)
``COURSEKIT_HUB_BOARD_PORT``    the team-competition board's port on 127.0.0.1 (default 8802);
                                learners open it through the proxy at ``/services/board/``
``COURSEKIT_HUB_BOARD_DB``      the board's records (default ``pk-board.sqlite`` in the state folder)
``COURSEKIT_HUB_BOARD_ARGS``    more ``python -m coursekit board`` options, e.g. ``--lessons 02 --lang zh``
``COURSEKIT_HUB_TEAMS``         optional file of teams, one a line: ``Lotus: li ana wei``
==============================  ==================================================================

Services such as the team-competition board are declared in ``SERVICES`` below (see
CONTRIBUTING.md, "Adding a hub service").
"""
import os
import shlex
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it reads this file


def setting(name, default=None):
    return os.environ.get(f"COURSEKIT_HUB_{name}", default)


def required(name, why):
    value = setting(name)
    if not value:
        raise SystemExit(f"coursekit hub: set COURSEKIT_HUB_{name} ({why}).")
    return value


STATE = Path(setting("STATE", "/srv/coursekit-hub"))
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
BIN = Path(sys.executable).parent  # the environment holding jupyterhub, JupyterLab and coursekit

# --- network: learners reach the proxy; the hub and the proxy's API stay on loopback ---------
c.JupyterHub.ip = setting("IP", "")
c.JupyterHub.port = int(setting("PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(setting("HUB_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(setting('PROXY_API_PORT', '8001'))}"
c.ConfigurableHTTPProxy.command = [setting("PROXY") or shutil.which("configurable-http-proxy")
                                   or "configurable-http-proxy"]
if setting("SSL_CERT"):
    c.JupyterHub.ssl_cert = setting("SSL_CERT")
    c.JupyterHub.ssl_key = required("SSL_KEY", "the private key of COURSEKIT_HUB_SSL_CERT")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
# A class logs in within the same few minutes: queue the spawns instead of starting 30 at once.
c.JupyterHub.concurrent_spawn_limit = 10

# --- who may log in --------------------------------------------------------------------------
ADMINS = {name.strip() for name in setting("ADMINS", "").split(",") if name.strip()}
AUTH = setting("AUTH", "first-use")
if AUTH == "first-use":
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.FirstUseAuthenticator.dbm_path = str(STATE / "passwords.dbm")
    c.FirstUseAuthenticator.create_users = True
    c.FirstUseAuthenticator.min_password_length = 8
elif AUTH == "shared":
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = required("PASSWORD", "the class password")
    if ADMINS:
        c.SharedPasswordAuthenticator.admin_password = required(
            "ADMIN_PASSWORD", "the instructors' password, 32 characters or more")
else:
    raise SystemExit(f"coursekit hub: COURSEKIT_HUB_AUTH is {AUTH!r}; use first-use or shared.")
c.Authenticator.admin_users = ADMINS
LEARNERS = setting("LEARNERS")
if LEARNERS:
    names = Path(LEARNERS).read_text(encoding="utf-8").split()
    c.Authenticator.allowed_users = set(names)
else:
    c.Authenticator.allow_all = True
# Short lower-case names work as system user names and in every URL.
c.Authenticator.username_pattern = r"^[a-z][a-z0-9_-]{0,30}$"
# Admins (the instructors) can open a learner's server from the admin page to help.
c.JupyterHub.admin_access = True

# --- each learner's server: JupyterLab from this environment, nothing fetched from outside ----
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.args = [
    # Offline first: no news feed, no update check, no extension listing from PyPI.
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
SPAWNER = setting("SPAWNER", "systemd")
if SPAWNER == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = True
    c.SystemdSpawner.mem_limit = setting("MEM_LIMIT", "700M")
    c.SystemdSpawner.cpu_limit = float(setting("CPU_LIMIT", "1"))
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.unit_name_template = "coursekit-{USERNAME}"
elif SPAWNER == "simple":
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = str(
        Path(required("HOMES", "the folder that holds one home folder per learner")) / "{username}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Every server runs as the hub's own user; Jupyter refuses root unless told it is meant
        # (containers and CI run as root).
        c.Spawner.args = [*c.Spawner.args, "--allow-root"]
else:
    raise SystemExit(f"coursekit hub: COURSEKIT_HUB_SPAWNER is {SPAWNER!r}; use systemd or simple.")

# --- services: programs that run beside the hub (see CONTRIBUTING.md) --------------------------
# The team-competition board (分组PK), started and stopped by the hub, behind the proxy at
# /services/board/. Hub users log in once; admins and the group "instructors" are its
# instructors; the groups "team-<name>" are its teams (deploy/README.md, "Team competitions").
BOARD_PORT = int(setting("BOARD_PORT", "8802"))
BOARD_URL = f"http://127.0.0.1:{BOARD_PORT}"
SERVICES = [{
    "name": "board",
    "url": BOARD_URL,
    "command": [sys.executable, "-m", "coursekit", "board", "--hub",
                "--db", setting("BOARD_DB", str(STATE / "pk-board.sqlite")),
                *shlex.split(setting("BOARD_ARGS", ""))],
    "display": True,  # listed in the hub's Services menu
    "oauth_no_confirm": True,  # the hub's own tool: no "authorize this service?" page
}]
c.JupyterHub.services = SERVICES
c.JupyterHub.load_roles = [
    # Every user may open the board (the hub's default user role, plus the board).
    {"name": "user", "scopes": ["self", "access:services!service=board"]},
    # The board needs no scopes of its own: the hub's answer about a token already names the
    # user, the admin flag and the groups (the board's instructors and teams).
    {"name": "board", "services": ["board"], "scopes": []},
]
# A learner's server may hand in answers from a notebook with its own token, and its kernels
# learn where the board is (ck.classroom.submit finds it there). The first two scopes are the
# hub's default for a server's token.
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                 "access:services!service=board"]
c.Spawner.environment = {"COURSEKIT_BOARD_URL": f"{BOARD_URL}/services/board"}
# Instructors: the admins, and whoever else the admins add to the group on the admin page.
GROUPS = {"instructors": {"users": sorted(ADMINS)}}
# Teams: optional file, one team a line ("Lotus: li ana wei"), made into groups "team-Lotus";
# the admin page's Groups tab changes them during the class.
if setting("TEAMS"):
    for line in Path(setting("TEAMS")).read_text(encoding="utf-8").splitlines():
        team, colon, members = line.partition(":")
        if colon and team.strip() and not line.lstrip().startswith("#"):
            GROUPS[f"team-{team.strip()}"] = {"users": members.replace(",", " ").split()}
c.JupyterHub.load_groups = GROUPS
