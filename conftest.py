"""Test-suite wiring shared by unit tests, doctests and notebooks."""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import settings

# Hypothesis's per-example deadline turns a busy machine (CI's 2 cores, or a laptop doing other
# work) into false failures; the examples' count still bounds each property test.
settings.register_profile("coursekit", deadline=None)
settings.load_profile("coursekit")

# Figures in tests and doctests never need a screen. (Not through MPLBACKEND: kernels started
# by nbval would inherit it and stop drawing the lessons' figures.)
matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent
# Parts of the suite that must each collect something when the whole suite runs: a part that
# silently collects nothing (a moved folder, a broken plugin) would otherwise pass unnoticed.
REQUIRED_PARTS = {
    "unit tests": "tests",
    "doctests": "coursekit",
    "lesson notebooks": "notebooks",
    "exercise notebooks": "exercises",
}


@pytest.fixture(autouse=True)
def _doctest_display(doctest_namespace):
    """Doctests print tables the same way on every machine."""
    import pandas as pd

    with pd.option_context("display.width", 100, "display.max_columns", 20,
                           "display.precision", 4):
        yield


def pytest_collection_finish(session):
    if session.config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return  # the caller chose what to run
    # course.py runs the whole suite as two processes; the one that is not the browser tests'
    # holds every part below and is checked as the whole suite would be.
    whole_but_browser = (os.environ.get("COURSEKIT_SUITE_PART") == "all but browser"
                         and session.config.getoption("markexpr") == "not browser")
    if session.config.getoption("collectonly") or session.config.getoption("keyword") \
            or (session.config.getoption("markexpr") and not whole_but_browser):
        return
    counts = {part: 0 for part in REQUIRED_PARTS}
    for item in session.items:
        rel = Path(str(item.path)).resolve().relative_to(ROOT).parts[0]
        for part, folder in REQUIRED_PARTS.items():
            if rel == folder:
                counts[part] += 1
    empty = [f"{part} ({REQUIRED_PARTS[part]}/)" for part, n in counts.items() if n == 0]
    if empty:
        raise pytest.UsageError("the full suite collected nothing from: " + ", ".join(empty))
