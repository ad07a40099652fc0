"""Fixtures for the browser tests: one JupyterLab (started by course.py) and one Chromium for
all of them, a fresh page and kernel per notebook, screenshots and a timing summary.

The server and the browser are shared by every test in this package and stopped when the
package is done (package scope, i.e. once per test session), so the rest of the suite does not
run beside an idle browser and server.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from . import _server
from ._lab import LabPage

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Flags that work as root, without a sandbox or a GPU, on a closed network.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
TIMINGS = pytest.StashKey[dict]()


def chromium_executable() -> str:
    return os.environ.get("COURSEKIT_CHROMIUM") or DEFAULT_CHROMIUM


def browser_problem(executable: str, what: str) -> str:
    return (
        f"The browser tests could not use Chromium at {executable}: {what}.\n"
        "Install it (Debian/Ubuntu: `sudo apt install chromium`) or set COURSEKIT_CHROMIUM to "
        "a Chromium or Chrome executable, e.g. COURSEKIT_CHROMIUM=/usr/bin/google-chrome. "
        "Playwright drives that browser; it does not download one. To run everything else: "
        "python3 course.py test -m 'not browser'.")


def launch_chromium(playwright, executable: str):
    """Start Chromium or fail the test with a message that says what to do."""
    path = shutil.which(executable) or executable
    if not Path(path).is_file():
        pytest.fail(browser_problem(executable, "no such file"), pytrace=False)
    if not os.access(path, os.X_OK):
        pytest.fail(browser_problem(executable, "the file is not executable"), pytrace=False)
    try:
        return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS,
                                          headless=True, timeout=60_000)
    except Exception as error:  # Playwright raises its own Error with the browser's output
        first_lines = "\n".join(str(error).splitlines()[:15])
    pytest.fail(browser_problem(executable, f"it did not start:\n{first_lines}"), pytrace=False)


@pytest.fixture(scope="package")
def timings(request) -> dict:
    return request.config.stash.setdefault(TIMINGS, {})


@pytest.fixture(scope="package")
def artifacts() -> Path:
    # Only this suite writes here (the folder is git-ignored); start each run clean.
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="package")
def lab_server(tmp_path_factory, artifacts, timings):
    """``python3 course.py lab`` on a temporary copy of the course; afterwards, proof that the
    repository's notebooks and exercises are byte for byte as they were."""
    before = _server.snapshot(ROOT)
    work = tmp_path_factory.mktemp("lab")
    try:
        server = _server.start(ROOT, work, Path(sys.prefix))
    except _server.ServerError as error:
        problem = str(error)
    else:
        problem = None
    if problem:  # failed outside the except block, so the report shows the message once
        pytest.fail(problem, pytrace=False)
    timings["server start"] = server.startup_seconds
    try:
        yield server
    finally:
        server.stop()
        shutil.copy(server.log, artifacts / "server.log")
        changed = _server.changes(before, _server.snapshot(ROOT))
        if changed:
            pytest.fail("the browser session changed the repository's notebooks (it must only "
                        "touch its temporary copy):\n" + "\n".join(changed), pytrace=False)


@pytest.fixture(scope="package")
def playwright_session():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="package")
def browser(playwright_session, timings):
    started = time.monotonic()
    browser = launch_chromium(playwright_session, chromium_executable())
    timings["browser start"] = time.monotonic() - started
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="package")
def browser_context(browser, lab_server, timings):
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(30_000)
    blocked = timings.setdefault("blocked", [])

    def block(route):
        # The course must work offline; anything fetched from elsewhere is refused (and listed).
        blocked.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), block)
    page = context.new_page()
    # The token in the first URL logs the browser in; the cookie serves the later pages.
    page.goto(f"{lab_server.url}/lab?token={lab_server.token}&reset", wait_until="domcontentloaded")
    page.close()
    yield context
    context.close()


@pytest.fixture
def lab(request, browser_context, lab_server, artifacts, timings):
    """A fresh page for one notebook; its kernel is shut down afterwards. The test fails if the
    page asked for anything from off the machine or raised an uncaught JavaScript error."""
    page = browser_context.new_page()
    page_errors: list[str] = []
    blocked = timings.setdefault("blocked", [])
    blocked_before = len(blocked)
    page.on("pageerror", lambda error: page_errors.append(
        " ".join(f"{error.message} | {(error.stack or '').splitlines()[1:2]}".split())[:300]))
    lab_page = LabPage(page=page, base_url=lab_server.url, artifacts=artifacts)
    started = time.monotonic()
    yield lab_page
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    report = getattr(request.node, "_call_report", None)
    failed = report is not None and report.failed
    if failed:
        try:
            page.screenshot(path=str(artifacts / f"FAILED-{name}.png"))
        except Exception:  # the page may be the thing that broke
            pass
    kind = "exercise" if "exercise" in request.node.name else "lesson"
    key = f"{kind} {request.node.callspec.id}" if hasattr(request.node, "callspec") else request.node.name
    timings.setdefault("notebooks", {})[key] = {
        "total": time.monotonic() - started, **lab_page.timings,
        "outcome": "failed" if failed else "passed", "page errors": page_errors,
        "checked": lab_page.checked}
    page.close()
    lab_server.shutdown_kernels()
    problems = [f"requested from off the machine: {url}" for url in blocked[blocked_before:]]
    problems += [f"JavaScript error: {message}" for message in dict.fromkeys(page_errors)]
    if problems:
        pytest.fail(f"{key}: the course must work offline and without errors:\n  "
                    + "\n  ".join(problems), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item._call_report = report
    return report


def pytest_terminal_summary(terminalreporter, config):
    data = config.stash.get(TIMINGS, None)
    if not data:
        return
    lines = []
    for key in ("server start", "browser start"):
        if key in data:
            lines.append(f"{key:<40} {data[key]:7.1f} s")
    notebooks = data.get("notebooks", {})
    for name, parts in notebooks.items():
        detail = ", ".join(f"{k} {v:.1f} s" for k, v in parts.items() if isinstance(v, float) and k != "total")
        lines.append(f"{name:<40} {parts['total']:7.1f} s  {parts['outcome']:<6}  ({detail})")
        lines += [f"{'':<6}{line}" for line in parts.get("checked", [])]
    if notebooks:
        lines.append(f"{'all notebooks':<40} {sum(p['total'] for p in notebooks.values()):7.1f} s")
    notes = []
    for name, parts in notebooks.items():
        for message in dict.fromkeys(parts.get("page errors", [])):
            notes.append(f"JavaScript error in {name}: {message}")
    for url in sorted(set(data.get("blocked", []))):
        notes.append(f"refused (the tests run offline): {url}")
    terminalreporter.write_sep("-", "browser tests: time per notebook")
    for line in lines + notes:
        terminalreporter.write_line(line)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "durations.txt").write_text("\n".join(lines + notes) + "\n", encoding="utf-8")
