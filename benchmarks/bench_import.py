"""How much does `import coursekit` cost next to `import pandas, matplotlib`?

Bar (issues 2 and 9): no more than 1.2x. Each measurement is a fresh interpreter timing only its
import statement; the two imports alternate so that disk caches and CPU frequency treat them
alike, and the median of the runs is compared. Also printed, for information: the cost of
`import coursekit` plus first use of every topic module, which is what a lesson pays.

    python benchmarks/bench_import.py [--runs N] [--quick]
"""
from __future__ import annotations

import statistics
import subprocess
import sys

from harness import Bar, parse_args, verdict

TIMER = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
STATEMENTS = {
    "baseline": "import pandas, matplotlib",
    "coursekit": "import coursekit",
    "full": "import coursekit as ck; [getattr(ck, m) for m in "
            "('kano', 'servqual', 'mot', 'recovery', 'spc', 'datasets', 'course')]",
}


def measure(stmt: str) -> float:
    out = subprocess.run([sys.executable, "-c", TIMER.format(stmt=stmt)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    args = parse_args(__doc__, argv, lambda p: p.add_argument("--runs", type=int, default=15))
    runs = 3 if args.quick else args.runs
    times = {name: [] for name in STATEMENTS}
    for _ in range(runs):  # alternate, so disk caches and CPU frequency treat each alike
        for name, stmt in STATEMENTS.items():
            times[name].append(measure(stmt))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"import pandas, matplotlib : {median['baseline'] * 1000:7.1f} ms (median of {runs})")
    print(f"import coursekit          : {median['coursekit'] * 1000:7.1f} ms")
    print(f"import coursekit + every subpackage: {median['full'] * 1000:.1f} ms "
          f"({median['full'] / median['baseline']:.2f}x the baseline; information only)")
    return verdict([Bar("import coursekit / baseline", median["coursekit"] / median["baseline"],
                        "<=", 1.2)], args.quick)


if __name__ == "__main__":
    sys.exit(main())
