"""How fast and how lean is ``coursekit.servqual.cronbach_alpha``, against ``pingouin``?

Both run in one process on the same 100,000 respondents x 22 items (7-point answers driven by
one common trait, so alpha is realistic), timed as medians of alternating runs. Peak memory of
one call is measured with ``tracemalloc`` against the input table's own size.
Bars: no slower than pingouin (ratio <= 1), peak memory <= 3x the input, the same alpha.

    python benchmarks/bench_alpha.py
    python benchmarks/bench_alpha.py --quick
"""
from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from harness import Bar, alternate, frame_bytes, parse_args, peak_memory, verdict

from coursekit.servqual import cronbach_alpha


def make_answers(respondents: int, items: int, seed: int = 2024) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    trait = rng.normal(size=(respondents, 1))
    values = np.clip(np.rint(4 + 1.2 * trait + rng.normal(size=(respondents, items))), 1, 7)
    return pd.DataFrame(values.astype(np.int64), columns=[f"q{j + 1:02d}" for j in range(items)])


def main(argv=None) -> int:
    args = parse_args(__doc__, argv)
    import pingouin  # a test extra, like this script

    respondents, items = (2_000, 22) if args.quick else (100_000, 22)
    data = make_answers(respondents, items)
    cronbach_alpha(data)  # warm-up: first calls pay for imports (scipy.stats), not arithmetic
    pingouin.cronbach_alpha(data=data)
    median = alternate(3 if args.quick else 9, ours=lambda: cronbach_alpha(data),
                       pingouin=lambda: pingouin.cronbach_alpha(data=data))
    size = frame_bytes(data)
    ours_memory = peak_memory(cronbach_alpha, data) / size
    theirs_memory = peak_memory(pingouin.cronbach_alpha, data=data) / size
    difference = abs(float(cronbach_alpha(data)) - pingouin.cronbach_alpha(data=data)[0])
    print(f"cronbach_alpha: {respondents:,} x {items} in {median['ours'] * 1000:.1f} ms; pingouin "
          f"{median['pingouin'] * 1000:.1f} ms; peak memory: ours {ours_memory:.2f}x the input, "
          f"pingouin {theirs_memory:.2f}x")
    return verdict([
        Bar("time / pingouin's time", median["ours"] / median["pingouin"], "<=", 1.0),
        Bar("peak memory / input", ours_memory, "<=", 3.0),
        Bar("|alpha - pingouin's alpha|", difference, "<=", 1e-9, ""),
    ], args.quick)


if __name__ == "__main__":
    sys.exit(main())
