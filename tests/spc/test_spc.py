"""coursekit.spc: p-chart and individuals chart, against hand arithmetic and textbook examples."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit import InputError  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- p-chart ---------------------------------------------------------------------------------------

def test_p_chart_limits_by_hand():
    chart = ck.spc.p_chart([3, 5, 2, 14, 4], [100, 120, 90, 110, 100])
    # p̄ = (3 + 5 + 2 + 14 + 4) / (100 + 120 + 90 + 110 + 100) = 28 / 520 = 0.0538462
    # p̄(1 − p̄) = 0.0538462 × 0.9461538 = 0.0509467
    # n = 100: 3 × √(0.0509467 / 100) = 3 × 0.0225714 = 0.0677141 -> UCL 0.1215603, LCL < 0 -> 0
    # n = 110: 3 × √(0.0509467 / 110) = 3 × 0.0215210 = 0.0645630 -> UCL 0.1184092
    # day 4: p = 14 / 110 = 0.1272727 > 0.1184092 -> out of control
    assert chart["centre"].iloc[0] == pytest.approx(0.0538462, abs=1e-7)
    assert chart["ucl"].iloc[0] == pytest.approx(0.1215603, abs=1e-6)
    assert chart["ucl"].iloc[3] == pytest.approx(0.1184092, abs=1e-6)
    assert (chart["lcl"] == 0).all()
    assert list(chart["out_of_control"]) == [False, False, False, True, False]
    assert list(chart.index) == [1, 2, 3, 4, 5] and chart.index.name == "sample"


def test_p_chart_positive_lower_limit_by_hand():
    chart = ck.spc.p_chart([50, 40, 60], 1000)
    # p̄ = 150 / 3000 = 0.05; 3 × √(0.05 × 0.95 / 1000) = 3 × 0.00689202 = 0.0206761
    np.testing.assert_allclose(chart["lcl"], 0.05 - 0.0206761, atol=1e-7)
    np.testing.assert_allclose(chart["ucl"], 0.05 + 0.0206761, atol=1e-7)
    assert not chart["out_of_control"].any()


# Montgomery's orange-juice can example (30 samples of 50 cans; cans that could leak), as
# shipped with the R package qcc (data `orangejuice`, https://github.com/luca-scr/qcc,
# data/orangejuice.txt). `qcc(D[trial], sizes=size[trial], type="p")` reports
# centre 0.2313333, LCL 0.05242755, UCL 0.4102391 and samples 15 and 23 beyond the UCL
# (the same figures are asserted against R in gedeck/mistat,
# src/mistat/qcc/tests/test_comparison_with_R.py).
ORANGE_JUICE = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22,
                8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6]


def test_p_chart_reproduces_the_orange_juice_textbook_example():
    chart = ck.spc.p_chart(ORANGE_JUICE, 50)
    assert chart["centre"].iloc[0] == pytest.approx(0.2313333, abs=5e-8)    # 347 / 1500
    np.testing.assert_allclose(chart["lcl"], 0.05242755, atol=5e-9)
    np.testing.assert_allclose(chart["ucl"], 0.4102391, atol=5e-8)
    assert list(chart.index[chart["out_of_control"]]) == [15, 23]


# Samples 31-54 of the same data, taken after the machine was adjusted (qcc's `trial == FALSE`).
ORANGE_JUICE_AFTER = [9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5]


def test_p_chart_baseline_sets_the_limits_for_later_periods():
    chart = ck.spc.p_chart(ORANGE_JUICE + ORANGE_JUICE_AFTER, 50, baseline=slice(1, 30))
    np.testing.assert_allclose(chart["lcl"], 0.05242755, atol=5e-9)   # as from the 30 alone
    assert chart.attrs["baseline_periods"] == 30
    # After the adjustment only sample 41 (2 of 50 = 0.04) falls below the LCL of 0.0524.
    assert list(chart.index[chart["out_of_control"]]) == [15, 23, 41]


def test_individuals_chart_baseline_by_hand():
    days = pd.date_range("2025-06-01", periods=7, freq="D")
    values = pd.Series([10, 12, 11, 13, 30, 31, 29], index=days, dtype=float)
    chart = ck.spc.individuals_chart(values, baseline=slice("2025-06-01", "2025-06-04"))
    # baseline 10 12 11 13: x̄ = 11.5; moving ranges 2 1 2 -> MR̄ = 5/3; UCL = 11.5 + 2.66 × 5/3
    assert chart.attrs["centre"] == pytest.approx(11.5)
    assert chart.attrs["ucl"] == pytest.approx(11.5 + 2.66 * 5 / 3)
    assert chart["out_of_control"].tolist() == [False] * 4 + [True] * 3
    same = ck.spc.individuals_chart(values, baseline=[True] * 4 + [False] * 3)
    pd.testing.assert_frame_equal(chart, same)


def test_baseline_of_one_period():
    with pytest.raises(InputError, match=r"baseline covers 1 period\(s\); limits need at least 2"):
        ck.spc.p_chart([3, 4, 5], [10, 10, 10], baseline=slice(1, 1))


def test_baseline_flags_of_the_wrong_length():
    with pytest.raises(InputError, match="one True/False per period \\(3 in all\\)"):
        ck.spc.individuals_chart([3, 4, 5], baseline=[True, False])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 60)), min_size=2, max_size=30))
def test_p_chart_limits_stay_between_0_and_1(pairs):
    defects = [min(d, n) for d, n in pairs]
    sizes = [n for _, n in pairs]
    chart = ck.spc.p_chart(defects, sizes)
    assert (chart["lcl"] >= 0).all() and (chart["ucl"] <= 1).all()
    assert (chart["lcl"] <= chart["centre"]).all() and (chart["centre"] <= chart["ucl"]).all()
    assert chart["centre"].iloc[0] == pytest.approx(sum(defects) / sum(sizes))


def test_p_chart_keeps_a_series_index():
    days = pd.date_range("2025-05-01", periods=4, freq="D", name="date")
    chart = ck.spc.p_chart(pd.Series([3, 4, 2, 5], index=days), pd.Series([80, 90, 70, 100], index=days))
    assert chart.index.equals(days)


def test_p_chart_more_defects_than_size():
    with pytest.raises(InputError, match=r"Column 'defects' has counts larger than the size in 1 row: row 2: 12"):
        ck.spc.p_chart([3, 12, 4], [10, 10, 10])


def test_p_chart_negative_count():
    with pytest.raises(InputError, match=r"Column 'defects' has entries .* in 1 row: row 3: -1.*whole numbers of 0 or more"):
        ck.spc.p_chart([3, 4, -1], [10, 10, 10])


def test_p_chart_fractional_count():
    with pytest.raises(InputError, match=r"Column 'defects' has entries .* in 1 row: row 1: 2.5"):
        ck.spc.p_chart([2.5, 4], [10, 10])


def test_p_chart_size_of_zero():
    with pytest.raises(InputError, match=r"Column 'sizes' has sizes of 0 in 1 row: row 2: 0.*at least 1"):
        ck.spc.p_chart([0, 0, 1], [10, 0, 10])


def test_p_chart_missing_count():
    with pytest.raises(InputError, match=r"Column 'defects' has missing entries in 1 row: row 2"):
        ck.spc.p_chart([3, np.nan, 4], [10, 10, 10])


def test_p_chart_fewer_than_two_points():
    with pytest.raises(InputError, match="at least 2 periods, but 1 was given"):
        ck.spc.p_chart([3], [10])


def test_p_chart_lengths_differ():
    with pytest.raises(InputError, match="defects has 3 and sizes 2 entries"):
        ck.spc.p_chart([3, 4, 5], [10, 10])


@pytest.mark.parametrize("dtype", [object, "str"])
def test_p_chart_text_count(dtype):
    defects = pd.Series(["3", "four", "5"], dtype=dtype)
    with pytest.raises(InputError, match=r"Column 'defects' has entries that are not numbers in 1 row: row 1: 'four'"):
        ck.spc.p_chart(defects, pd.Series([10, 10, 10]))


# --- individuals chart ----------------------------------------------------------------------------

# Montgomery's viscosity example for individual measurements (as quoted in the R package qcc's
# examples: "viscosity data (Montgomery, pag. 242)"). qcc's xbar.one chart reports centre
# 33.52333 and σ = MR̄ / 1.128 = 0.4261651 with limits 3σ: 32.24484, 34.80183.
VISCOSITY = [33.75, 33.05, 34, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.20,
             33.62, 33.00, 33.54, 33.12, 33.84]


def test_individuals_chart_on_the_viscosity_example():
    chart = ck.spc.individuals_chart(VISCOSITY)
    # x̄ = 502.85 / 15 = 33.523333
    # moving ranges .70 .95 .19 .35 .56 .34 .41 .22 .29 .42 .62 .54 .42 .72, sum 6.73 -> MR̄ = 0.480714
    # limits 33.523333 ± 2.66 × 0.480714 = 33.523333 ± 1.278700 -> 32.244633, 34.802033
    assert chart.attrs["centre"] == pytest.approx(33.523333, abs=1e-6)
    assert chart.attrs["mr_bar"] == pytest.approx(6.73 / 14, abs=1e-9)
    assert chart.attrs["mr_bar"] / 1.128 == pytest.approx(0.4261651, abs=1e-7)     # qcc's σ
    assert chart.attrs["lcl"] == pytest.approx(32.244633, abs=1e-6)
    assert chart.attrs["ucl"] == pytest.approx(34.802033, abs=1e-6)
    # qcc uses 3 / 1.128 = 2.6596 instead of the rounded 2.66: its limits differ by 2e-4.
    assert chart.attrs["lcl"] == pytest.approx(32.24484, abs=3e-4)
    assert chart.attrs["ucl"] == pytest.approx(34.80183, abs=3e-4)
    assert not chart["out_of_control"].any()
    assert np.isnan(chart["moving_range"].iloc[0])
    assert chart["moving_range"].iloc[1] == pytest.approx(0.70)


def test_individuals_chart_flags_a_special_cause_day():
    days = pd.date_range("2025-06-01", periods=8, freq="D")
    times = pd.Series([30, 32, 31, 29, 30, 31, 60, 30], index=days, dtype=float)
    chart = ck.spc.individuals_chart(times)
    # x̄ = 273 / 8 = 34.125; moving ranges 2 1 2 1 1 29 30, MR̄ = 66 / 7 = 9.428571
    # UCL = 34.125 + 2.66 × 9.428571 = 59.205 < 60 -> the 7th day signals
    assert chart.attrs["ucl"] == pytest.approx(34.125 + 2.66 * 66 / 7)
    assert list(chart.index[chart["out_of_control"]]) == [days[6]]


def test_individuals_chart_missing_value():
    with pytest.raises(InputError, match=r"Column 'values' has missing entries in 1 row: row 2"):
        ck.spc.individuals_chart([30, np.nan, 31])


def test_individuals_chart_needs_two_points():
    with pytest.raises(InputError, match="at least 2 periods"):
        ck.spc.individuals_chart([30])


def test_individuals_chart_text_value():
    with pytest.raises(InputError, match=r"Column 'values' has entries that are not numbers in 1 row: row 3: 'late'"):
        ck.spc.individuals_chart(["30", "31", "late"])


def test_individuals_chart_rejects_a_table():
    with pytest.raises(InputError, match="should be one column"):
        ck.spc.individuals_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}))


# --- plots -------------------------------------------------------------------------------------------

def test_plot_p_chart_marks_out_of_control_points():
    chart = ck.spc.p_chart(ORANGE_JUICE, 50)
    ax = ck.spc.plot_p_chart(chart)
    assert ax.get_title() and ax.get_xlabel() == "sample"
    assert ax.get_ylabel() == "Proportion (defects / size)"
    flagged = [c for c in ax.collections if c.get_label().startswith("Out of control")]
    assert len(flagged) == 1 and len(flagged[0].get_offsets()) == 2
    assert flagged[0].get_label() == "Out of control (2)"


def test_plot_individuals_chart_on_given_axes():
    fig, ax = plt.subplots()
    assert ck.spc.plot_individuals_chart(ck.spc.individuals_chart(VISCOSITY), ax=ax) is ax
    labels = [line.get_label() for line in ax.lines]
    assert "Centre line" in labels and "Control limits" in labels
