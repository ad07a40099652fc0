"""How fast and how lean is ``coursekit.servqual.cronbach_alpha``, against ``pingouin``?

Both run in one process on the same 100,000 respondents x 22 items (7-point answers driven by
one common trait, so alpha is realistic), timed as medians of alternating runs. Peak memory of
one call is measured with ``tracemalloc`` against the input table's own size.
Bars: no slower than pingouin (ratio <= 1), peak memory <= 3x the input. Exit status 1 if a bar
is missed (not enforced with ``--quick``).

    python benchmarks/bench_alpha.py
    python benchmarks/bench_alpha.py --quick
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from coursekit.servqual import cronbach_alpha  # noqa: E402

SPEED_BAR, MEMORY_BAR = 1.0, 3.0


def make_answers(respondents: int, items: int, seed: int = 2024) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    trait = rng.normal(size=(respondents, 1))
    values = np.clip(np.rint(4 + 1.2 * trait + rng.normal(size=(respondents, items))), 1, 7)
    return pd.DataFrame(values.astype(np.int64), columns=[f"q{j + 1:02d}" for j in range(items)])


def timed(func, *args, **kwargs) -> float:
    start = time.perf_counter()
    func(*args, **kwargs)
    return time.perf_counter() - start


def peak_ratio(func, data: pd.DataFrame) -> float:
    gc.collect()
    tracemalloc.start()
    func(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / int(data.memory_usage(deep=True).sum())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes; bars not enforced")
    args = parser.parse_args(argv)
    try:
        import pingouin
    except ImportError:  # pingouin is a test extra; without it only our own figures are shown
        pingouin = None
    respondents, items = (2_000, 22) if args.quick else (100_000, 22)
    repeats = 3 if args.quick else 9
    data = make_answers(respondents, items)

    cronbach_alpha(data)  # warm-up: first calls pay for imports (scipy.stats), not arithmetic
    if pingouin is not None:
        pingouin.cronbach_alpha(data=data)
    ours_times, theirs_times = [], []
    for _ in range(repeats):  # alternate, so drift in machine speed hits both alike
        ours_times.append(timed(cronbach_alpha, data))
        if pingouin is not None:
            theirs_times.append(timed(pingouin.cronbach_alpha, data=data))
    t_ours = statistics.median(ours_times)
    memory = peak_ratio(cronbach_alpha, data)
    line = f"cronbach_alpha: {respondents:,} x {items} in {t_ours * 1000:.1f} ms"
    ok = memory <= MEMORY_BAR
    if pingouin is not None:
        t_theirs = statistics.median(theirs_times)
        ratio = t_ours / t_theirs
        ok = ok and ratio <= SPEED_BAR
        same = abs(float(cronbach_alpha(data)) - pingouin.cronbach_alpha(data=data)[0]) < 1e-9
        line += (f"; {ratio:.2f}x pingouin's {t_theirs * 1000:.1f} ms (bar {SPEED_BAR:g}x, "
                 f"same alpha: {same}); peak memory {memory:.2f}x input (bar {MEMORY_BAR:g}x), "
                 f"pingouin {peak_ratio(lambda d: pingouin.cronbach_alpha(data=d), data):.2f}x")
        ok = ok and same
    else:
        line += f"; pingouin not installed, no speed ratio; peak memory {memory:.2f}x input"
    print(line)
    if args.quick:
        print("quick mode: sizes too small for the bars to mean anything; not enforced")
        return 0
    if not ok:
        print("MISSED a bar (see the line above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
