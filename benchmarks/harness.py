"""What every benchmark script shares: its command line, timing, memory, and the verdict.

A script measures a figure as a ratio against a baseline run in the same process, then hands
its bars to :func:`verdict`, which prints one line per bar and returns the exit status::

    args = parse_args(__doc__)
    ...
    return verdict([Bar("speed vs pingouin", ratio, "<=", 1.0, "x")], quick=args.quick)

With ``--quick`` (what the test suite runs) sizes are tiny and the bars are printed but not
enforced: fixed overheads dominate small inputs, so a ratio there says nothing about the bar.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run from anywhere: the course folder (coursekit, casegen) comes first on the path.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def parse_args(doc: str, argv=None, extra=None) -> argparse.Namespace:
    """``--quick`` plus whatever *extra(parser)* adds; the description is the doc's first line."""
    parser = argparse.ArgumentParser(description=doc.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes; bars not enforced")
    if extra is not None:
        extra(parser)
    return parser.parse_args(argv)


def timed(func, *args, **kwargs) -> float:
    """Seconds one call of ``func(*args, **kwargs)`` takes."""
    start = time.perf_counter()
    func(*args, **kwargs)
    return time.perf_counter() - start


def alternate(repeats: int, **calls) -> dict[str, float]:
    """Median seconds of each zero-argument call, the calls alternating so that drift in the
    machine's speed hits every side alike."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeats):
        for name, call in calls.items():
            times[name].append(timed(call))
    return {name: statistics.median(values) for name, values in times.items()}


def peak_memory(func, *args, **kwargs) -> int:
    """Peak bytes allocated during one call (numpy reports its buffers to tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        func(*args, **kwargs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def frame_bytes(frame) -> int:
    """Size of a DataFrame's data, the yardstick for memory ratios."""
    return int(frame.memory_usage(deep=True).sum())


@dataclass
class Bar:
    """One figure and its bar: ``value <op> limit`` must hold (op is "<=" or ">=")."""

    name: str
    value: float
    op: str
    limit: float
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.value <= self.limit if self.op == "<=" else self.value >= self.limit

    def line(self) -> str:
        mark = "ok" if self.met else "MISSED"
        return (f"  {self.name:<34} {self.value:>10.4g}{self.unit}  "
                f"[{mark}: bar {self.op} {self.limit:g}{self.unit}]")


def verdict(bars: list[Bar], quick: bool) -> int:
    """Print every bar; return 0, or 1 if a bar is missed outside quick mode."""
    for bar in bars:
        print(bar.line())
    if quick:
        print("quick mode: sizes too small for the bars to mean anything; not enforced")
        return 0
    missed = [bar.name for bar in bars if not bar.met]
    if missed:
        print(f"MISSED the bar(s): {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0
