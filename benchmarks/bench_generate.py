"""How long remaking the case data takes, and what typing and checking cost when loading.

    python benchmarks/bench_generate.py          # 5 alternating runs, bar enforced
    python benchmarks/bench_generate.py --quick  # 1 run, bar not enforced

Bar (brief C): the whole generation well under 30 s. Baselines run in the same process:
writing the same frames with ``DataFrame.to_csv`` (what the generator adds is the simulation,
the schema check, the fixed formatting, the card blocks), and ``pandas.read_csv`` of the same
files (what ``load`` adds is typing and validating every column). Figures are medians of
alternating runs.
"""
from __future__ import annotations

import io
import sys

import pandas as pd

from harness import Bar, alternate, parse_args, verdict

from casegen import build
from coursekit import datasets


def main(argv=None) -> int:
    args = parse_args(__doc__, argv)
    frames = {}
    for *_, make in build.MODELS:
        frames.update(make())
    folder = datasets.data_dir()
    median = alternate(
        1 if args.quick else 5,
        generate=build.build,
        to_csv=lambda: [frame.to_csv(io.StringIO(), index=False) for frame in frames.values()],
        load=lambda: [datasets.load(name) for name in datasets.TABLES],
        read_csv=lambda: [pd.read_csv(folder / t.filename) for t in datasets.TABLES.values()],
    )
    tables = len(datasets.TABLES)
    print(f"generate: {tables} tables and their cards in {median['generate']:.2f} s; "
          f"{median['generate'] / median['to_csv']:.1f}x the time to_csv takes to write the same frames")
    print(f"load: {tables} tables typed and validated in {median['load']:.2f} s; "
          f"{median['load'] / median['read_csv']:.1f}x pandas.read_csv of the same files")
    return verdict([Bar("generation, seconds", median["generate"], "<=", 30.0, " s")], args.quick)


if __name__ == "__main__":
    sys.exit(main())
