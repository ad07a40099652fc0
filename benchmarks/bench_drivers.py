"""Speed and memory of coursekit.mot.driver_importance on a survey-sized table.

The bar (brief B): 130,000 respondents x 14 drivers in under one second for each method, and
peak extra memory at most three times the size of the input table.

Time is reported as the median of several runs, alternating with a baseline run in the same
process on the same data — plain ``numpy.corrcoef`` of the same matrix — so the ratio says how
much the analysis costs beyond the one correlation matrix any method needs, whatever the
machine. Peak memory is measured with tracemalloc (numpy reports its buffers to it) during one
call, against ``DataFrame.memory_usage(deep=True)`` of the input.

    python benchmarks/bench_drivers.py           # full size; exit status 1 if a bar is missed
    python benchmarks/bench_drivers.py --quick   # tiny sizes, a few seconds: checks it still runs

With --quick the bars are printed but not enforced: on a 2,000-row table fixed overheads (the
result table, index objects) dominate the memory ratio, so it says nothing about the bar.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import coursekit as ck  # noqa: E402

METHODS = ("relative_weights", "correlation", "regression")
TIME_LIMIT_S = 1.0
MEMORY_LIMIT = 3.0


def make_survey(rows: int, drivers: int, seed: int = 20250301) -> tuple[pd.DataFrame, list[str]]:
    """Ratings 1-7 (int64, as read_csv gives them) sharing a halo factor, plus an overall rating."""
    rng = np.random.default_rng(seed)
    halo = rng.normal(size=(rows, 1))
    latent = 0.6 * halo + 0.8 * rng.normal(size=(rows, drivers))
    ratings = np.clip(np.rint(4 + 1.2 * latent), 1, 7).astype(np.int64)
    weights = np.linspace(1.0, 0.1, drivers)
    overall = np.clip(np.rint(ratings @ weights / weights.sum() + rng.normal(0, 0.7, rows)), 1, 7)
    names = [f"touchpoint_{j + 1:02d}" for j in range(drivers)]
    frame = pd.DataFrame(ratings, columns=names)
    frame["overall"] = overall.astype(np.int64)
    return frame, names


def median_times(frame, names, repeats: int) -> tuple[float, dict[str, float]]:
    matrix_cols = [*names, "overall"]
    base, runs = [], {m: [] for m in METHODS}
    for _ in range(repeats):
        for method in METHODS:
            start = time.perf_counter()
            np.corrcoef(frame[matrix_cols].to_numpy(dtype=np.float64), rowvar=False)
            base.append(time.perf_counter() - start)
            start = time.perf_counter()
            ck.mot.driver_importance(frame, "overall", names, method=method)
            runs[method].append(time.perf_counter() - start)
    return statistics.median(base), {m: statistics.median(t) for m, t in runs.items()}


def peak_memory(frame, names, method: str) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    ck.mot.driver_importance(frame, "overall", names, method=method)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for the test suite")
    args = parser.parse_args(argv)
    rows, drivers, repeats = (2_000, 5, 3) if args.quick else (130_000, 14, 7)
    frame, names = make_survey(rows, drivers)
    input_bytes = int(frame.memory_usage(deep=True).sum())
    ck.mot.driver_importance(frame, "overall", names)  # warm-up: imports, first-call costs

    base, times = median_times(frame, names, repeats)
    print(f"driver_importance on {rows:,} rows x {drivers} drivers "
          f"(median of {repeats} runs, alternating with the baseline)")
    print(f"  baseline numpy.corrcoef: {base * 1000:8.1f} ms")
    ok = True
    for method, seconds in times.items():
        flag = "ok" if seconds < TIME_LIMIT_S else "TOO SLOW"
        ok &= seconds < TIME_LIMIT_S
        print(f"  {method:<17}        {seconds * 1000:8.1f} ms  = {seconds / base:5.2f} x baseline  "
              f"[{flag}: limit {TIME_LIMIT_S:g} s]")
    print(f"peak extra memory (tracemalloc), input table = {input_bytes / 1e6:.1f} MB")
    for method in METHODS:
        ratio = peak_memory(frame, names, method) / input_bytes
        flag = "ok" if ratio <= MEMORY_LIMIT else "TOO MUCH"
        ok &= ratio <= MEMORY_LIMIT
        print(f"  {method:<17}  {ratio:5.2f} x input  [{flag}: limit {MEMORY_LIMIT:g} x]")
    if args.quick:
        print("(--quick: bars not enforced)")
        return 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
