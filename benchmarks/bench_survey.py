"""How fast does ``coursekit.survey.read`` load a large export, against ``pandas.read_csv``?

A made-up 问卷星 export of 100,000 respondents is written to a temporary folder: the six
respondent columns (序号, 提交答卷时间 "2025/3/1 9:05:12", 所用时间 "125秒", 来源, 来源详情,
来自IP), two single-choice questions, eight satisfaction labels of a grid question ("非常满意",
with some "(跳过)" and stray spaces), eight 1-7 ratings and twelve KANO answers in Chinese.
Both readers load the same file; the figure is the ratio of their median times, alternating
runs. ``survey.read`` does more (it types the respondent columns, cleans every answer and
keeps the question map), and must still take at most twice as long. A second line reports the
same export read with ``scale="satisfied5"`` (labels turned into numbers), for information.

    python benchmarks/bench_survey.py          # 100,000 respondents
    python benchmarks/bench_survey.py --quick  # 2,000 respondents, for the test-suite
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from harness import Bar, alternate, parse_args, verdict

from coursekit import survey

READ_CSV_BAR = 2.0
LABELS = ["非常不满意", "不满意", "一般", "满意", "非常满意"]
KANO = ["我喜欢", "它理应如此", "无所谓", "我能忍受", "我不喜欢"]


def make_export(path: Path, respondents: int, seed: int = 11) -> None:
    rng = np.random.default_rng(seed)
    n = respondents
    start = pd.Timestamp("2025-03-01 08:00:00")
    times = start + pd.to_timedelta(np.sort(rng.integers(0, 30 * 86400, n)), unit="s")
    columns = {
        "序号": np.arange(1, n + 1),
        "提交答卷时间": [f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}" for t in times],
        "所用时间": [f"{s}秒" for s in rng.integers(40, 900, n)],
        "来源": rng.choice(["手机提交", "微信", "链接"], n),
        "来源详情": rng.choice(["直接访问", "N/A", "朋友圈"], n),
        "来自IP": [f"10.{a}.{b}.{c}(广东-广州)" for a, b, c in rng.integers(0, 255, (n, 3))],
        "1、您的年龄段": rng.choice(["18-25岁", "26-35岁", "36-45岁", "46岁以上"], n),
        "2、入住目的": rng.choice(["商务", "休闲", "探亲"], n),
    }
    steps = ["预订", "值机", "入住", "客房", "早餐", "前台", "退房", "交通"]
    spelled = LABELS + ["满意。", " 非常满意", "(跳过)"]
    for step in steps:
        columns[f"3、请评价以下环节—{step}"] = rng.choice(spelled, n)
    for k, step in enumerate(steps):
        columns[f"{4 + k}、您给{step}打几分"] = rng.integers(1, 8, n)
    for k in range(6):
        columns[f"{12 + 2 * k}、如果提供服务{k + 1}，您的感受是"] = rng.choice(KANO, n)
        columns[f"{13 + 2 * k}、如果不提供服务{k + 1}，您的感受是"] = rng.choice(KANO, n)
    pd.DataFrame(columns).to_csv(path, index=False, encoding="utf-8-sig")


def main(argv=None) -> int:
    args = parse_args(__doc__, argv)
    respondents = 2_000 if args.quick else 100_000
    repeats = 3 if args.quick else 5
    folder = Path(tempfile.mkdtemp(prefix="bench_survey_"))
    try:
        path = folder / "wjx_export.csv"
        make_export(path, respondents)
        table = survey.read(path)
        assert len(table) == respondents and table.attrs["layout"] == "wenjuanxin"
        assert str(table["submitted"].dtype).startswith("datetime64")
        median = alternate(repeats, ours=lambda: survey.read(path),
                           pandas=lambda: pd.read_csv(path, encoding="utf-8-sig"))
        scaled = alternate(max(1, repeats // 2), scaled=lambda: survey.read(path, scale="satisfied5"))
        size = path.stat().st_size / 1e6
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"survey.read: {respondents:,} respondents x {len(table.columns)} columns "
          f"({size:.1f} MB) in {median['ours']:.3f} s; pandas.read_csv {median['pandas']:.3f} s")
    print(f"  (for information) with scale='satisfied5': {scaled['scaled']:.3f} s, "
          f"{scaled['scaled'] / median['pandas']:.2f}x pandas.read_csv")
    return verdict([
        Bar("survey.read / pandas.read_csv", median["ours"] / median["pandas"], "<=", READ_CSV_BAR),
    ], args.quick)


if __name__ == "__main__":
    sys.exit(main())
