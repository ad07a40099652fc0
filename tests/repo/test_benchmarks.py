"""The benchmark scripts still run (their bars are enforced when run in full, not here)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "benchmarks").glob("bench_*.py"))


def test_there_are_benchmarks():
    assert {p.name for p in SCRIPTS} >= {"bench_import.py", "bench_kano.py"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_benchmark_runs_in_quick_mode(script):
    run = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "x" in run.stdout, "a benchmark prints its ratio"
