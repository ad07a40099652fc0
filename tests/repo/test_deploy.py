"""deploy/: the training-room config loads in each of its modes and refuses bad settings; the
installer, the systemd unit, the learners' image and the Kubernetes values agree with it, with
pyproject.toml and with the proxy the tests use. (tests/hub/ runs the config for real.)"""
from __future__ import annotations

import importlib
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
CONFIG = DEPLOY / "training-room" / "jupyterhub_config.py"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def load(monkeypatch, tmp_path, **settings) -> Config:
    """Read the config file the way JupyterHub does (a `c = get_config()` script)."""
    for key in [k for k in __import__("os").environ if k.startswith("COURSEKIT_HUB_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("COURSEKIT_HUB_STATE", str(tmp_path / "state"))
    for key, value in settings.items():
        monkeypatch.setenv(f"COURSEKIT_HUB_{key}", value)
    config = Config()
    exec(compile(CONFIG.read_text(), str(CONFIG), "exec"), {"get_config": lambda: config})
    return config


def _importable(dotted: str) -> bool:
    module, _, name = dotted.rpartition(".")
    return hasattr(importlib.import_module(module), name)


def test_classroom_defaults_first_use_logins_and_isolated_servers(monkeypatch, tmp_path):
    c = load(monkeypatch, tmp_path, ADMINS="li,ana")
    assert _importable(c.JupyterHub.authenticator_class) and "FirstUse" in c.JupyterHub.authenticator_class
    assert _importable(c.JupyterHub.spawner_class) and c.SystemdSpawner.dynamic_users is True
    assert c.SystemdSpawner.mem_limit == "700M" and c.SystemdSpawner.cpu_limit == 1.0
    assert c.Authenticator.admin_users == {"li", "ana"} and c.Authenticator.allow_all is True
    assert c.JupyterHub.hub_ip == "127.0.0.1" and "127.0.0.1" in c.ConfigurableHTTPProxy.api_url
    assert (tmp_path / "state").is_dir() and str(tmp_path / "state") in c.JupyterHub.db_url


def test_shared_password_and_simple_spawner(monkeypatch, tmp_path):
    learners = tmp_path / "learners.txt"
    learners.write_text("li\nana\n")
    c = load(monkeypatch, tmp_path, AUTH="shared", PASSWORD="queue-at-security",
             SPAWNER="simple", HOMES=str(tmp_path / "homes"), LEARNERS=str(learners))
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "queue-at-security"
    assert c.Authenticator.allowed_users == {"li", "ana"} and "allow_all" not in c.Authenticator
    assert c.SimpleLocalProcessSpawner.home_dir_template == str(tmp_path / "homes" / "{username}")


@pytest.mark.parametrize("settings, message", [
    ({"AUTH": "shared"}, "COURSEKIT_HUB_PASSWORD"),
    ({"AUTH": "ldap"}, "use first-use or shared"),
    ({"SPAWNER": "docker"}, "use systemd or simple"),
    ({"SPAWNER": "simple"}, "COURSEKIT_HUB_HOMES"),
])
def test_bad_settings_stop_the_hub_with_a_message(monkeypatch, tmp_path, settings, message):
    with pytest.raises(SystemExit, match=message):
        load(monkeypatch, tmp_path, **settings)


def test_the_image_and_the_kubernetes_values_match_the_training_room(monkeypatch, tmp_path):
    offline = list(load(monkeypatch, tmp_path).Spawner.args)
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    python = re.search(r"^FROM python:(3\.\d+)", dockerfile, re.M).group(1)
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python={python}" in env["dependencies"], "the image runs Binder's Python"
    extras = re.search(r'\[([\w,]+)\]"', dockerfile).group(1).split(",")
    assert extras == ["lab", "hub"] and set(extras) <= set(PYPROJECT["project"]["optional-dependencies"])
    cmd = re.search(r"^CMD (\[.*\])", dockerfile, re.M).group(1)
    assert yaml.safe_load(cmd) == ["jupyterhub-singleuser", *offline]
    values = yaml.safe_load((DEPLOY / "kubernetes" / "config.yaml").read_text())
    assert values["singleuser"]["cmd"] == ["jupyterhub-singleuser", *offline]
    assert values["singleuser"]["memory"]["limit"] == load(monkeypatch, tmp_path).SystemdSpawner.mem_limit
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] == "shared-password"


def test_installer_unit_and_ci_agree():
    script = DEPLOY / "training-room" / "install.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    text = script.read_text()
    unit = (DEPLOY / "training-room" / "coursekit-hub.service").read_text()
    proxy = re.search(r"configurable-http-proxy@([\d.]+)", text).group(1)
    tools = json.loads((ROOT / "tests" / "node" / "package.json").read_text())
    assert tools["devDependencies"]["configurable-http-proxy"] == proxy, "the tested proxy is installed"
    assert '"$course[lab,hub]"' in text
    for path in ("/opt/coursekit/venv/bin/jupyterhub", "/srv/coursekit-hub/jupyterhub_config.py",
                 "/srv/coursekit-hub/settings.env", "/opt/coursekit/node/node_modules/.bin/configurable-http-proxy"):
        assert path in unit
    assert 'prefix=/opt/coursekit' in text and 'state=/srv/coursekit-hub' in text


def test_the_hub_runs_the_team_board_with_the_least_it_needs(monkeypatch, tmp_path):
    teams = tmp_path / "teams.txt"
    teams.write_text("# team: members\nLotus: li, ana\nPeony: wei\n\n", encoding="utf-8")
    c = load(monkeypatch, tmp_path, ADMINS="teacher", TEAMS=str(teams), BOARD_PORT="8899",
             BOARD_ARGS="--lessons 02 --lang zh")
    [board] = [s for s in c.JupyterHub.services if s["name"] == "board"]
    assert board["url"] == "http://127.0.0.1:8899"
    assert board["command"][1:5] == ["-m", "coursekit", "board", "--hub"]
    assert board["command"][-4:] == ["--lessons", "02", "--lang", "zh"]
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert roles["board"]["scopes"] == [] and "self" in roles["user"]["scopes"]
    assert "access:services!service=board" in c.Spawner.server_token_scopes
    assert c.Spawner.environment["COURSEKIT_BOARD_URL"] == "http://127.0.0.1:8899/services/board"
    assert c.JupyterHub.load_groups == {"instructors": {"users": ["teacher"]},
                                        "team-Lotus": {"users": ["li", "ana"]},
                                        "team-Peony": {"users": ["wei"]}}
    # The Kubernetes values declare the same service, roles and scope.
    values = yaml.safe_load((DEPLOY / "kubernetes" / "config.yaml").read_text())
    k8s = values["hub"]["services"]["board"]
    assert k8s["command"][1:5] == board["command"][1:5] and k8s["oauth_no_confirm"]
    assert values["hub"]["loadRoles"]["board"]["scopes"] == []
    assert values["hub"]["loadRoles"]["user"]["scopes"] == roles["user"]["scopes"]
    assert values["hub"]["config"]["Spawner"]["server_token_scopes"] == c.Spawner.server_token_scopes
    port = int(k8s["url"].rsplit(":", 1)[1])
    assert values["singleuser"]["extraEnv"]["COURSEKIT_BOARD_URL"] == f"http://hub:{port}/services/board"
    assert values["hub"]["service"]["extraPorts"][0]["port"] == port
    # the network rules open that port to the proxy and the learners' pods
    assert values["hub"]["networkPolicy"]["ingress"][0]["ports"] == [{"port": port}]
    for side in (values["proxy"]["chp"], values["singleuser"]):
        assert side["networkPolicy"]["egress"][0]["ports"] == [{"port": port}]
