#!/usr/bin/env python3
"""Set up the course and open it, or run its tests — with nothing but Python >= 3.10.

    python3 course.py lab     # create .venv if needed, then open JupyterLab on lesson 00
    python3 course.py test    # create .venv if needed, then run the whole test suite

Both commands build the same isolated environment in ``.venv`` next to this file (set
COURSEKIT_VENV to put it elsewhere) and reinstall it only when ``pyproject.toml`` changes.
Anything after the command is passed on: ``python3 course.py lab --no-browser`` or
``python3 course.py test -k kano``.

This file uses the standard library only, because it runs before anything is installed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent
MIN_PYTHON = (3, 10)
START_NOTEBOOK = "notebooks/00_start_here.ipynb"
# lab: JupyterLab and the notebook tools; test: the test suite; site: the website builder;
# hub: JupyterHub and nbgitpuller, because the suite starts a real local hub (tests/hub/).
EXTRAS = "lab,test,site,hub"


def venv_dir() -> Path:
    return Path(os.environ.get("COURSEKIT_VENV", ROOT / ".venv")).resolve()


def venv_bin(name: str) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return venv_dir() / scripts / f"{name}{suffix}"


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def fail(message: str) -> NoReturn:
    print(f"[course] ERROR: {message}", file=sys.stderr, flush=True)
    raise SystemExit(2)


def dependency_text() -> str:
    """The parts of pyproject.toml that decide what gets installed (tomllib is 3.11+, so the
    tables are picked out by their headers)."""
    keep, picked = False, []
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            keep = line.strip() in {"[build-system]", "[project]", "[project.optional-dependencies]"}
        if keep:
            picked.append(line)
    return "\n".join(picked)


def wanted_stamp() -> str:
    # The environment is rebuilt when what it installs changes, and not for test settings.
    digest = hashlib.sha256(dependency_text().encode())
    digest.update(f"{EXTRAS}|{sys.version_info[:2]}".encode())
    return digest.hexdigest()


def ensure_environment() -> Path:
    """Create or refresh .venv and return its Python."""
    if sys.version_info < MIN_PYTHON:
        fail(
            f"this course needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; "
            f"this is {sys.version.split()[0]}. Install a newer Python and run this file with it."
        )
    python = venv_bin("python")
    stamp = venv_dir() / ".coursekit-stamp"
    if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted_stamp():
        return python

    if not python.exists():
        say(f"creating an isolated environment in {venv_dir()} (first run only) ...")
        result = subprocess.run([sys.executable, "-m", "venv", str(venv_dir())])
        if result.returncode != 0 or not python.exists():
            fail(
                "could not create a virtual environment. On Debian or Ubuntu install the "
                "venv module first:  sudo apt install python3-venv   then run this command again."
            )
    say("installing the course's packages (a few minutes the first time) ...")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    # Old pips cannot do editable installs from pyproject.toml alone.
    subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip>=23.1"], check=False)
    result = subprocess.run([*pip, "install", "--quiet", "--editable", f"{ROOT}[{EXTRAS}]"])
    if result.returncode != 0:
        fail(
            "installing the packages failed (see pip's message above). Check your internet "
            f"connection, then run the same command again; to start clean, delete {venv_dir()}."
        )
    stamp.write_text(wanted_stamp() + "\n")
    return python


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(python: Path, args: list[str]) -> list[str]:
    """The JupyterLab command line: served from the course folder (so exercises/ and datasets/
    are reachable too), opening lesson 00, and allowed to run as root."""
    command = [str(python), "-m", "jupyterlab", f"--ServerApp.root_dir={ROOT}", START_NOTEBOOK]
    if is_root() and "--allow-root" not in args:
        # Containers and some cloud desktops log in as root; Jupyter refuses to start for root
        # unless told that this is meant.
        say("running as root (a container or cloud desktop?): starting JupyterLab with --allow-root")
        command.append("--allow-root")
    return command + list(args)


def run_lab(args: list[str]) -> int:
    python = ensure_environment()
    say(f"opening JupyterLab on {START_NOTEBOOK} (stop it with Ctrl+C) ...")
    command = lab_command(python, args)
    try:
        return subprocess.run(command, cwd=ROOT).returncode
    except KeyboardInterrupt:
        return 0


NODE_TOOLS = ROOT / "tests" / "node"


def ensure_node_tools() -> None:
    """Install the JavaScript tools the tests use (tests/node/package.json) with npm, when their
    lock file changed since the last install. Without npm, say which tests will fail."""
    lock = NODE_TOOLS / "package-lock.json"
    if not lock.exists():
        return
    stamp = NODE_TOOLS / "node_modules" / ".coursekit-stamp"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        say("npm was not found: the tests that need JavaScript tools (tests/node) will fail. "
            "Install Node.js with npm (Debian/Ubuntu: sudo apt install npm) and run this again.")
        return
    say("installing the test suite's JavaScript tools (tests/node, first run only) ...")
    result = subprocess.run([npm, "ci", "--prefix", str(NODE_TOOLS), "--no-audit", "--no-fund"])
    if result.returncode == 0:
        stamp.write_text(wanted + "\n")


def split_suite(args: list[str]) -> bool:
    """Whether to run the whole suite as two pytest processes side by side: the browser and hub
    tests (marked ``browser``) in one, everything else in the other. They wait on different
    things (a browser and a kernel against the CPU), so on CI's two cores the run takes about a
    third less. Only when the caller names no paths, markers or keywords;
    COURSEKIT_TEST_SPLIT=0 runs one process."""
    if os.environ.get("COURSEKIT_TEST_SPLIT", "1") == "0":
        return False
    chose = any(a in ("-m", "-k") or a.startswith(("-m", "-k", "--lf", "--ff", "--pdb")) for a in args)
    chose = chose or any(not a.startswith("-") and (ROOT / a.split("::")[0]).exists() for a in args)
    return not chose


def run_tests(args: list[str]) -> int:
    python = ensure_environment()
    ensure_node_tools()
    say("running the test suite: unit tests, doctests, every notebook, browser tests ...")
    pytest = [str(python), "-m", "pytest"]
    if not split_suite(args):
        code = subprocess.run([*pytest, *args], cwd=ROOT).returncode
    else:
        # The browser half writes to a log that is printed when it ends, so the two halves'
        # lines do not interleave; the other half prints as it goes.
        log_dir = ROOT / "test-artifacts"
        log_dir.mkdir(exist_ok=True)
        log_path = log_dir / "browser-half.log"
        say(f"browser and hub tests run beside the rest; their output follows at the end ({log_path})")
        with open(log_path, "w", encoding="utf-8") as log:
            browser = subprocess.Popen([*pytest, "-m", "browser", *args], cwd=ROOT,
                                       stdout=log, stderr=subprocess.STDOUT)
            env = dict(os.environ, COURSEKIT_SUITE_PART="all but browser")
            rest = subprocess.run([*pytest, "-m", "not browser", *args], cwd=ROOT, env=env).returncode
            browser_code = browser.wait()
        say("browser and hub tests:")
        print(log_path.read_text(encoding="utf-8"), flush=True)
        if 5 in (rest, browser_code):
            say("one half of the suite collected no tests: treating that as a failure.")
        code = next((c for c in (rest, browser_code) if c != 0), 0)
    if code == 5:
        # pytest's "no tests were collected": a suite that checks nothing is a failure.
        say("pytest collected no tests: treating that as a failure.")
    return code


COMMANDS = {"lab": run_lab, "test": run_tests}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"} or argv[0] not in COMMANDS:
        print(__doc__.strip())
        return 0 if argv and argv[0] in {"-h", "--help", "help"} else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
