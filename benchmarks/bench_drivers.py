"""Speed and memory of coursekit.mot.driver_importance on a survey-sized table.

The bars (brief B): 130,000 respondents x 14 drivers in under one second for each method, and
peak extra memory at most three times the size of the input table. Issue 11: bootstrap
intervals for the shares (ci=0.95) with 1,000 resamples of the same table in 5 seconds or
less. The bootstrap is also set against a plain loop that copies the resampled rows and
reruns the analysis (timed on a few resamples and scaled up to 1,000), to show what the
sufficient-statistics route saves.

Time is the median of several runs, alternating with a baseline run in the same process on the
same data — plain ``numpy.corrcoef`` of the same matrix — so the ratio says how much the
analysis costs beyond the one correlation matrix any method needs, whatever the machine. Peak
memory is measured with tracemalloc during one call, against the input table's size.

    python benchmarks/bench_drivers.py           # full size; exit status 1 if a bar is missed
    python benchmarks/bench_drivers.py --quick   # tiny sizes, a few seconds: checks it still runs
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from harness import Bar, alternate, frame_bytes, parse_args, peak_memory, verdict

import coursekit as ck

METHODS = ("relative_weights", "correlation", "regression")


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


def naive_seconds_per_resample(frame, names, tries: int, seed: int = 1) -> float:
    """Seconds one resample takes the plain way: draw rows, copy them, rerun the analysis."""
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    for _ in range(tries):
        sample = frame.iloc[rng.integers(0, len(frame), len(frame))]
        ck.mot.driver_importance(sample, "overall", names)
    return (time.perf_counter() - start) / tries


def main(argv=None) -> int:
    args = parse_args(__doc__, argv)
    rows, drivers, repeats = (2_000, 5, 3) if args.quick else (130_000, 14, 7)
    resamples, boot_repeats, naive_tries = (200, 1, 3) if args.quick else (1000, 3, 5)
    frame, names = make_survey(rows, drivers)
    ck.mot.driver_importance(frame, "overall", names)  # warm-up: imports, first-call costs
    matrix = [*names, "overall"]
    calls = {"corrcoef": lambda: np.corrcoef(frame[matrix].to_numpy(dtype=np.float64), rowvar=False)}
    for method in METHODS:
        calls[method] = lambda m=method: ck.mot.driver_importance(frame, "overall", names, method=m)
    median = alternate(repeats, **calls)
    print(f"driver_importance on {rows:,} rows x {drivers} drivers; baseline numpy.corrcoef "
          f"{median['corrcoef'] * 1000:.1f} ms")
    bars = []
    for method in METHODS:
        print(f"  {method:<17} {median[method] * 1000:8.1f} ms = "
              f"{median[method] / median['corrcoef']:.2f}x the baseline")
        bars.append(Bar(f"{method}: seconds", median[method], "<=", 1.0, " s"))
        memory = peak_memory(ck.mot.driver_importance, frame, "overall", names, method=method)
        bars.append(Bar(f"{method}: peak memory / input", memory / frame_bytes(frame), "<=", 3.0))
    boot = alternate(boot_repeats, bootstrap=lambda: ck.mot.driver_importance(
        frame, "overall", names, ci=0.95, resamples=resamples, seed=1))["bootstrap"]
    naive = naive_seconds_per_resample(frame, names, naive_tries) * resamples
    print(f"bootstrap ci=0.95, {resamples:,} resamples: {boot:.2f} s = "
          f"{boot / median['relative_weights']:.1f}x one plain call; a plain loop would take "
          f"about {naive:.0f} s ({naive / boot:.0f}x as long)")
    bars.append(Bar(f"bootstrap {resamples} resamples: seconds", boot, "<=", 5.0, " s"))
    return verdict(bars, args.quick)


if __name__ == "__main__":
    sys.exit(main())
