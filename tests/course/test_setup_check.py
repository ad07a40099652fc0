"""check_setup(): a readable table, honest about problems."""
from importlib import metadata

import pytest

import coursekit as ck
from coursekit.course import setup_check as _setup_check


def test_everything_is_ok_in_the_test_environment():
    report = ck.check_setup()
    assert list(report.columns) == ["check", "found", "needed", "status", "what_to_do"]
    assert report.status.eq("ok").all(), report[report.status != "ok"].to_string()
    checks = set(report.check)
    assert {"Python", "coursekit", "pandas", "matplotlib", "ipywidgets", "case data",
            "figure"} <= checks
    # Minimum versions come from pyproject.toml through the installed metadata.
    assert report.set_index("check").loc["pandas", "needed"] == ">=2.2"


def test_a_missing_package_is_reported_with_what_to_do(monkeypatch):
    real = metadata.version

    def fake(name):
        if name == "jupyterquiz":
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(_setup_check.metadata, "version", fake)
    row = ck.check_setup().set_index("check").loc["jupyterquiz"]
    assert row.status == "missing" and "course.py lab" in row.what_to_do


def test_an_old_package_is_reported(monkeypatch):
    real = metadata.version
    monkeypatch.setattr(_setup_check.metadata, "version",
                        lambda name: "1.0" if name == "pandas" else real(name))
    assert ck.check_setup().set_index("check").loc["pandas", "status"] == "too old"


def test_broken_case_data_is_reported_not_raised(monkeypatch):
    def broken():
        raise FileNotFoundError("datasets/airport/airport_journey.csv")

    monkeypatch.setattr(ck.datasets, "catalog", broken)
    row = ck.check_setup().set_index("check").loc["case data"]
    assert row.status == "failed" and "airport_journey.csv" in row.found
    assert "fresh copy" in row.what_to_do


@pytest.mark.parametrize("command", [["check-setup"]])
def test_command_line_prints_the_table(command):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "coursekit", *command], capture_output=True, text=True)
    assert run.returncode == 0 and "case data" in run.stdout and "figure" in run.stdout
