"""Fixtures for the hub tests: one headless Chromium (as the browser tests start it), a place
for screenshots and the hub's log, and a timing summary at the end of the run."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.browser.conftest import chromium_executable, launch_chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "hub"
TIMINGS = pytest.StashKey[dict]()


@pytest.fixture(scope="package")
def hub_timings(request) -> dict:
    return request.config.stash.setdefault(TIMINGS, {})


@pytest.fixture(scope="package")
def hub_artifacts() -> Path:
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="package")
def hub_browser(hub_timings):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = time.monotonic()
        browser = launch_chromium(playwright, chromium_executable())
        hub_timings["browser start"] = time.monotonic() - started
        try:
            yield browser
        finally:
            browser.close()


def pytest_terminal_summary(terminalreporter, config):
    data = config.stash.get(TIMINGS, None)
    if not data:
        return
    lines = [f"{name:<48} {seconds:7.1f} s" for name, seconds in data.items()
             if isinstance(seconds, float)]
    terminalreporter.write_sep("-", "hub tests: timings")
    for line in lines:
        terminalreporter.write_line(line)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "durations.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
