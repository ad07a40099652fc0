"""How fast and how lean is ``coursekit.kano.summarize``?

Measured in one process against two baselines, as medians of alternating runs:

* a row-wise ``DataFrame.apply`` lookup in the evaluation table followed by a cross-tabulation
  (what a learner would write first), timed on a subsample and compared per answer pair;
* a bare-numpy floor: table lookup plus ``np.bincount`` on the raw arrays, no validation.

Peak memory of one ``summarize`` call is measured with ``tracemalloc`` against the input
table's own size. Bars: >= 20x faster per pair than apply, within 5x of the floor, peak memory
<= 3x the input. Exit status 1 if a bar is missed (bars are not enforced with ``--quick``).

    python benchmarks/bench_kano.py          # 200,000 respondents x 20 features = 4,000,000 pairs
    python benchmarks/bench_kano.py --quick  # a few seconds, for the test-suite
"""
from __future__ import annotations

import statistics
import sys

import numpy as np
import pandas as pd

from harness import Bar, alternate, frame_bytes, parse_args, peak_memory, timed, verdict

from coursekit import kano

APPLY_BAR, FLOOR_BAR, MEMORY_BAR = 20.0, 5.0, 3.0


def make_answers(respondents: int, features: int, seed: int = 2024) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    size = respondents * features
    names = [f"feature {j + 1:02d}" for j in range(features)]
    return pd.DataFrame({
        "attribute": pd.Categorical.from_codes(np.tile(np.arange(features), respondents), names),
        "functional": rng.integers(1, 6, size=size),
        "dysfunctional": rng.integers(1, 6, size=size),
    })


_TABLE = np.array([[kano.CATEGORIES.index(c) for c in row] for row in kano.EVALUATION_TABLE.to_numpy()],
                  dtype=np.int8)


def numpy_floor(f: np.ndarray, d: np.ndarray, a: np.ndarray, features: int) -> np.ndarray:
    category = _TABLE[f - 1, d - 1]
    return np.bincount(a * 6 + category, minlength=features * 6)


def apply_baseline(sub: pd.DataFrame) -> pd.DataFrame:
    table = kano.EVALUATION_TABLE
    category = sub.apply(lambda row: table.iat[row["functional"] - 1, row["dysfunctional"] - 1], axis=1)
    return pd.crosstab(sub["attribute"], category)


def main(argv=None) -> int:
    args = parse_args(__doc__, argv)
    respondents, features = (2_000, 20) if args.quick else (200_000, 20)
    sample_rows = 2_000 if args.quick else 20_000
    repeats = 3 if args.quick else 7

    data = make_answers(respondents, features)
    pairs = len(data)
    f = data["functional"].to_numpy()
    d = data["dysfunctional"].to_numpy()
    a = data["attribute"].cat.codes.to_numpy().astype(np.intp)

    # The floor must count what summarize counts, or the comparison means nothing.
    ours = kano.summarize(data)
    floor_counts = numpy_floor(f, d, a, features).reshape(features, 6)
    assert (ours[list(kano.CATEGORIES)].to_numpy() == floor_counts).all()

    median = alternate(repeats, ours=lambda: kano.summarize(data),
                       floor=lambda: numpy_floor(f, d, a, features))
    sub = data.sample(n=sample_rows, random_state=7)
    per_pair_apply = statistics.median(timed(apply_baseline, sub) for _ in range(3)) / sample_rows
    per_pair_ours = median["ours"] / pairs
    input_bytes = frame_bytes(data)
    memory_ratio = peak_memory(kano.summarize, data) / input_bytes
    print(f"kano.summarize: {pairs:,} pairs in {median['ours']:.3f} s; numpy floor "
          f"{median['floor']:.3f} s; input {input_bytes / 1e6:.1f} MB")
    return verdict([
        Bar("speed-up per pair over apply", per_pair_apply / per_pair_ours, ">=", APPLY_BAR),
        Bar("time / numpy floor", median["ours"] / median["floor"], "<=", FLOOR_BAR),
        Bar("peak memory / input", memory_ratio, "<=", MEMORY_BAR),
    ], args.quick)


if __name__ == "__main__":
    sys.exit(main())
