"""How long remaking the case data takes, and what typing and checking cost when loading.

    python benchmarks/bench_generate.py          # 5 alternating runs, bar enforced
    python benchmarks/bench_generate.py --quick  # 1 run, bar not enforced

Bar (brief C): the whole generation well under 30 s. Baselines run in the same process:
writing the same eight frames with ``DataFrame.to_csv`` (what the generator adds is the
simulation, the schema check, the fixed formatting, the card blocks), and ``pandas.read_csv``
of the eight files (what ``load`` adds is typing and validating every column).
Figures are medians of alternating runs.
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from coursekit import datasets  # noqa: E402
from coursekit.datasets import generate  # noqa: E402

BAR_SECONDS = 30.0


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run, bar not enforced")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 5

    frames = {}
    for _, _, _, _, make in generate.MODELS:
        frames.update(make())

    def write_with_pandas():
        for frame in frames.values():
            frame.to_csv(io.StringIO(), index=False)

    def load_all():
        for name in datasets.TABLES:
            datasets.load(name)

    folder = datasets.data_dir()

    def read_all():
        for table in datasets.TABLES.values():
            pd.read_csv(folder / table.filename)

    gen, base, load, read = [], [], [], []
    for _ in range(runs):  # alternate, so drift in machine load hits both sides alike
        gen.append(_timed(generate.build))
        base.append(_timed(write_with_pandas))
        load.append(_timed(load_all))
        read.append(_timed(read_all))
    g, b = statistics.median(gen), statistics.median(base)
    lo, r = statistics.median(load), statistics.median(read)
    print(f"generate: 8 tables and 3 cards in {g:.2f} s (bar {BAR_SECONDS:.0f} s); "
          f"{g / b:.1f}x the time to_csv takes to write the same frames")
    print(f"load: 8 tables typed and validated in {lo:.2f} s; {lo / r:.1f}x pandas.read_csv "
          "of the same files")
    if not args.quick and g > BAR_SECONDS:
        print(f"FAILED: generation took {g:.1f} s, over the {BAR_SECONDS:.0f} s bar",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
