"""How much does `import coursekit` cost next to `import pandas, matplotlib`?

Bar (issue 2): no more than 1.2x. Each measurement is a fresh interpreter timing only its
import statement; the two imports alternate so that disk caches and CPU frequency treat them
alike, and the median of the runs is compared. Also printed, for information: the cost of
`import coursekit` plus first use of every topic module, which is what a lesson pays.

    python benchmarks/bench_import.py [--runs N] [--quick]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

BAR = 1.2
TIMER = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
STATEMENTS = {
    "baseline": "import pandas, matplotlib",
    "coursekit": "import coursekit",
    "full": "import coursekit as ck; [getattr(ck, m) for m in "
            "('kano', 'servqual', 'mot', 'recovery', 'spc', 'datasets')]",
}


def measure(stmt: str) -> float:
    out = subprocess.run([sys.executable, "-c", TIMER.format(stmt=stmt)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="3 runs, bar not enforced")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    times = {name: [] for name in STATEMENTS}
    for _ in range(runs):
        for name, stmt in STATEMENTS.items():
            times[name].append(measure(stmt))
    median = {name: statistics.median(values) for name, values in times.items()}
    ratio = median["coursekit"] / median["baseline"]
    print(f"import pandas, matplotlib : {median['baseline'] * 1000:7.1f} ms (median of {runs})")
    print(f"import coursekit          : {median['coursekit'] * 1000:7.1f} ms")
    print(f"ratio                     : {ratio:7.3f}x (bar {BAR}x)")
    print(f"import coursekit + every topic module: {median['full'] * 1000:.1f} ms "
          f"({median['full'] / median['baseline']:.2f}x the baseline; information only)")
    if not args.quick and ratio > BAR:
        print("FAILED: import coursekit is too slow", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
