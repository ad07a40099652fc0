"""coursekit.recovery: ticket KPIs, the recovery paradox, Pareto analysis of failure causes."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from scipy import stats  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit import InputError, MissingDataWarning  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- KPIs ----------------------------------------------------------------------------------------

def ticket_log(dtype=object) -> pd.DataFrame:
    """Six made-up tickets; hours after creation are given in the comments."""
    return pd.DataFrame({
        "channel": ["chat", "chat", "phone", "chat", "phone", "chat"],
        "created": ["2025-03-01 09:00", "2025-03-01 10:00", "2025-03-01 11:00",
                    "2025-03-02 08:00", "2025-03-02 09:00", "2025-03-02 12:00"],
        # first response after 0.1, 0.5, 0.2, 1, 2, 0.25 hours
        "first_response": ["2025-03-01 09:06", "2025-03-01 10:30", "2025-03-01 11:12",
                           "2025-03-02 09:00", "2025-03-02 11:00", "2025-03-02 12:15"],
        # resolved after 1, 3, 24, 2 hours, (open), 6 hours
        "resolved": ["2025-03-01 10:00", "2025-03-01 13:00", "2025-03-02 11:00",
                     "2025-03-02 10:00", None, "2025-03-02 18:00"],
        "contacts": [1, 2, 3, 1, 1, 1],
        "csat": [5, 3, 2, 4, np.nan, np.nan],
    }).astype({"channel": dtype, "created": dtype, "first_response": dtype, "resolved": dtype})


def test_kpis_overall_hand_computed():
    row = ck.recovery.kpis(ticket_log()).iloc[0]
    assert row["tickets"] == 6
    # First response 0.1 0.2 0.25 0.5 1 2 (sorted): median (0.25 + 0.5) / 2 = 0.375;
    # 90th percentile, numpy's linear rule: position 0.9 × (6 − 1) = 4.5 -> 1 + 0.5 × (2 − 1) = 1.5
    assert row["first_response_median_hours"] == pytest.approx(0.375)
    assert row["first_response_p90_hours"] == pytest.approx(1.5)
    # Resolution 1 2 3 6 24 (one ticket open): median 3; position 0.9 × 4 = 3.6 -> 6 + 0.6 × 18 = 16.8
    assert row["resolution_median_hours"] == pytest.approx(3)
    assert row["resolution_p90_hours"] == pytest.approx(16.8)
    assert row["unresolved"] == 1
    # Resolved tickets' contacts 1 2 3 1 1: three of five at the first contact = 60 %
    assert row["fcr_pct"] == pytest.approx(60)
    # Satisfaction 5 3 2 4 answered: mean 3.5 over 4 answers
    assert row["satisfaction_mean"] == pytest.approx(3.5)
    assert row["satisfaction_n"] == 4


def test_kpis_by_channel_hand_computed():
    table = ck.recovery.kpis(ticket_log(), by="channel").set_index("channel")
    chat, phone = table.loc["chat"], table.loc["phone"]
    # chat: first response 0.1 0.25 0.5 1 -> median 0.375, p90 at 2.7 -> 0.5 + 0.7 × 0.5 = 0.85
    assert chat["first_response_median_hours"] == pytest.approx(0.375)
    assert chat["first_response_p90_hours"] == pytest.approx(0.85)
    # chat: resolution 1 2 3 6 -> median 2.5, p90 at 2.7 -> 3 + 0.7 × 3 = 5.1; FCR 3 of 4
    assert chat["resolution_median_hours"] == pytest.approx(2.5)
    assert chat["resolution_p90_hours"] == pytest.approx(5.1)
    assert chat["fcr_pct"] == pytest.approx(75)
    # phone: first response 0.2 and 2 -> median 1.1, p90 0.2 + 0.9 × 1.8 = 1.82; one open ticket
    assert phone["first_response_p90_hours"] == pytest.approx(1.82)
    assert (phone["unresolved"], phone["fcr_pct"], phone["satisfaction_n"]) == (1, 0, 1)
    assert list(table.index) == ["chat", "phone"]


def test_kpis_in_minutes_and_another_percentile():
    row = ck.recovery.kpis(ticket_log(), unit="minutes", percentile=50).iloc[0]
    assert row["first_response_median_minutes"] == pytest.approx(0.375 * 60)
    assert row["first_response_p50_minutes"] == pytest.approx(0.375 * 60)


@pytest.mark.parametrize("dtype", [object, "str"])
def test_kpis_text_and_datetime_columns_agree(dtype):
    as_text = ticket_log(dtype)
    as_dates = as_text.assign(**{c: pd.to_datetime(as_text[c]) for c in
                                 ("created", "first_response", "resolved")})
    pd.testing.assert_frame_equal(ck.recovery.kpis(as_text, by="channel"),
                                  ck.recovery.kpis(as_dates, by="channel"))


def test_kpis_times_with_utc_offsets_are_compared_in_utc():
    log = pd.DataFrame({"created": ["2025-03-01T09:00:00+08:00"],
                        "resolved": ["2025-03-01T03:00:00Z"]})       # = 11:00 in UTC+8
    row = ck.recovery.kpis(log, first_response=None, contacts=None, satisfaction=None).iloc[0]
    assert row["resolution_median_hours"] == pytest.approx(2)


def test_kpis_warn_about_tickets_without_a_created_time():
    log = ticket_log()
    log.loc[2, "created"] = None
    with pytest.warns(MissingDataWarning, match=r"1 of 6 tickets was set aside because of a missing "
                                                r"'created' time \(row 2\)"):
        row = ck.recovery.kpis(log).iloc[0]
    assert row["tickets"] == 5


def test_kpis_warn_about_tickets_without_a_first_response():
    log = ticket_log()
    log.loc[[0, 3], "first_response"] = None
    with pytest.warns(MissingDataWarning, match=r"2 of 6 tickets were left out of the first-response "
                                                r"figures because of a missing first-response time \(rows 0, 3\)"):
        row = ck.recovery.kpis(log).iloc[0]
    # remaining 0.2 0.25 0.5 2 -> median 0.375
    assert row["first_response_median_hours"] == pytest.approx(0.375)


def test_kpis_unparseable_timestamp_is_named():
    log = ticket_log()
    log.loc[4, "first_response"] = "yesterday"
    with pytest.raises(InputError, match=r"Column 'first_response' has entries that are not dates and "
                                         r"times in 1 row: row 4: 'yesterday'\. Allowed: dates and times in ISO 8601"):
        ck.recovery.kpis(log)


def test_kpis_resolution_before_creation_names_the_rows():
    log = ticket_log()
    log.loc[[1, 3], "resolved"] = ["2025-03-01 09:59", "2025-03-01 08:00"]
    with pytest.raises(InputError, match=r"Column 'resolved' has times before the ticket was created in 2 rows: "
                                         r"row 1: '2025-03-01 09:59', row 3: '2025-03-01 08:00'"):
        ck.recovery.kpis(log)


def test_kpis_first_response_before_creation_names_the_row():
    log = ticket_log()
    log.loc[5, "first_response"] = "2025-03-02 11:00"
    with pytest.raises(InputError, match=r"'first_response' has times before the ticket was created in 1 row: row 5"):
        ck.recovery.kpis(log)


@pytest.mark.parametrize("bad", [0, 1.5])
def test_kpis_contacts_must_be_whole_and_at_least_one(bad):
    log = ticket_log().astype({"contacts": float})
    log.loc[2, "contacts"] = bad
    with pytest.raises(InputError, match=rf"Column 'contacts' has entries .* in 1 row: row 2: {float(bad)}\. "
                                         r"Allowed: whole numbers from 1 up"):
        ck.recovery.kpis(log)


def test_kpis_missing_column_is_named():
    with pytest.raises(InputError, match=r"no column 'satisfaction'.*Columns found"):
        ck.recovery.kpis(ticket_log(), satisfaction="satisfaction")


def test_kpis_numbers_are_not_timestamps():
    with pytest.raises(InputError, match=r"Column 'created' should hold dates and times"):
        ck.recovery.kpis(ticket_log().assign(created=range(6)))


def test_kpis_unknown_unit():
    with pytest.raises(InputError, match=r"unit='weeks' is not an option"):
        ck.recovery.kpis(ticket_log(), unit="weeks")


def test_kpis_percentile_out_of_range():
    with pytest.raises(InputError, match="percentile=150 should be between 0 and 100"):
        ck.recovery.kpis(ticket_log(), percentile=150)


# --- recovery paradox ---------------------------------------------------------------------------

def stays() -> pd.DataFrame:
    return pd.DataFrame({
        "failure":   ["no", "no", "no", "no", "yes", "yes", "yes", "yes", "yes", "yes"],
        "recovered": [None, "yes", None, None, "yes", "yes", "yes", "no", "no", "no"],
        "satisfaction": [6, 5, 6, 7, 7, 6, 7, 2, 3, 1],
        "returned": [1, 0, 1, 1, 1, 1, 1, 0, 0, 1],
    })


def test_recovery_paradox_group_means_and_t_intervals():
    table = ck.recovery.recovery_paradox(stays(), "satisfaction")
    assert list(table["group"]) == list(ck.recovery.GROUPS)
    # no failure 6 5 6 7 -> 6; recovered 7 6 7 -> 20/3; not recovered 2 3 1 -> 2
    # (the "yes" in `recovered` of a no-failure guest is ignored)
    assert list(table["n"]) == [4, 3, 3]
    np.testing.assert_allclose(table["mean"], [6, 20 / 3, 2])
    for row, sample in zip(table.itertuples(), ([6, 5, 6, 7], [7, 6, 7], [2, 3, 1])):
        low, high = stats.t.interval(0.95, len(sample) - 1, loc=np.mean(sample), scale=stats.sem(sample))
        assert (row.ci_low, row.ci_high) == pytest.approx((low, high))
    assert table.attrs["kind"] == "mean"
    assert table.attrs["difference"] == pytest.approx(20 / 3 - 6)
    welch = stats.ttest_ind([7, 6, 7], [6, 5, 6, 7], equal_var=False)
    assert table.attrs["p_value"] == pytest.approx(welch.pvalue)


def test_recovery_paradox_yes_no_outcome_uses_wilson_intervals():
    table = ck.recovery.recovery_paradox(stays(), "returned")
    assert table.attrs["kind"] == "proportion"
    # no failure returned 1 0 1 1 -> 3 of 4; recovered 3 of 3; not recovered 1 of 3
    np.testing.assert_allclose(table["mean"], [0.75, 1.0, 1 / 3])
    for row, (k, n) in zip(table.itertuples(), ((3, 4), (3, 3), (1, 3))):
        wilson = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
        assert (row.ci_low, row.ci_high) == pytest.approx((wilson.low, wilson.high))
    fisher = stats.fisher_exact([[3, 0], [3, 1]])
    assert table.attrs["p_value"] == pytest.approx(fisher.pvalue)


def test_wilson_interval_by_hand():
    # 8 of 10, z = 1.959964, z² = 3.841459:
    # centre (0.8 + z²/20) / (1 + z²/10) = 0.992073 / 1.384146 = 0.716740;
    # half = z / 1.384146 × √(0.8 × 0.2 / 10 + z²/400) = 1.416008 × 0.160012 = 0.226578
    # -> 0.490162 to 0.943318
    data = pd.DataFrame({"failure": [0] * 10, "recovered": [0] * 10, "ok": [1] * 8 + [0] * 2})
    row = ck.recovery.recovery_paradox(data, "ok").iloc[0]
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((0.490162, 0.943318), abs=2e-6)


def test_recovery_paradox_flags_in_any_yes_no_form_agree():
    base = ck.recovery.recovery_paradox(stays(), "satisfaction")
    words = stays()
    as_bool = words.assign(failure=words["failure"] == "yes", recovered=words["recovered"].map({"yes": True, "no": False}))
    as_chinese = words.assign(failure=words["failure"].map({"yes": "是", "no": "否"}))
    for other in (as_bool, as_chinese, words.astype({"failure": "str"})):
        pd.testing.assert_frame_equal(ck.recovery.recovery_paradox(other, "satisfaction"), base)


def test_recovery_paradox_sets_aside_incomplete_rows():
    data = stays()
    data.loc[5, "recovered"] = None          # a failure without a recovered flag
    data.loc[0, "satisfaction"] = np.nan
    with pytest.warns(MissingDataWarning, match=r"2 of 10 customers were set aside.*rows 0, 5"):
        table = ck.recovery.recovery_paradox(data, "satisfaction")
    assert list(table["n"]) == [3, 2, 3]


def test_recovery_paradox_bad_flag_is_named():
    data = stays()
    data.loc[6, "failure"] = "maybe"
    with pytest.raises(InputError, match=r"Column 'failure' has entries that are not yes/no in 1 row: row 6: 'maybe'"):
        ck.recovery.recovery_paradox(data, "satisfaction")


def test_recovery_paradox_non_numeric_outcome():
    data = stays().astype({"satisfaction": object})
    data.loc[2, "satisfaction"] = "happy"
    with pytest.raises(InputError, match=r"Column 'satisfaction' has entries that are not numbers in 1 row: row 2: 'happy'"):
        ck.recovery.recovery_paradox(data, "satisfaction")


def test_recovery_paradox_missing_column():
    with pytest.raises(InputError, match=r"no column 'recovered'"):
        ck.recovery.recovery_paradox(stays().drop(columns="recovered"), "satisfaction")


def test_recovery_paradox_confidence_out_of_range():
    with pytest.raises(InputError, match="confidence=95 should be between 0 and 1"):
        ck.recovery.recovery_paradox(stays(), "satisfaction", confidence=95)


def test_plot_recovery_paradox():
    ax = ck.recovery.plot_recovery_paradox(ck.recovery.recovery_paradox(stays(), "returned"))
    assert [t.get_text() for t in ax.get_xticklabels()] == list(ck.recovery.GROUPS)
    assert "Wilson" in ax.get_ylabel() and ax.get_title()


# --- Pareto -------------------------------------------------------------------------------------

def test_pareto_hand_computed():
    causes = pd.Series(["late"] * 2 + ["slow reply"] * 5 + ["rude"] + ["wrong item"] * 3)
    table = ck.recovery.pareto(causes)
    assert list(table["cause"]) == ["slow reply", "wrong item", "late", "rude"]
    assert list(table["count"]) == [5, 3, 2, 1]
    # shares 5/11, 3/11, 2/11, 1/11; the causes above "late" cover 8/11 = 72.7 % < 80 % -> vital
    np.testing.assert_allclose(table["share"], np.array([5, 3, 2, 1]) / 11 * 100)
    np.testing.assert_allclose(table["cumulative_share"], np.array([5, 8, 10, 11]) / 11 * 100)
    assert list(table["vital_few"]) == [True, True, True, False]


def test_pareto_stops_once_eighty_percent_is_reached_exactly():
    # shares 50, 30, 20: the first two reach 80 % exactly, so the third is not needed.
    table = ck.recovery.pareto(pd.DataFrame({"cause": ["a", "b", "c"], "n": [5, 3, 2]}), count="n")
    assert list(table["vital_few"]) == [True, True, False]


def test_pareto_ties_with_the_last_vital_cause_are_vital_too():
    # shares 60, 20, 20: "b" is needed (60 < 80); "c" ties with it, so it is flagged as well.
    table = ck.recovery.pareto(pd.DataFrame({"cause": ["c", "a", "b"], "n": [2, 6, 2]}), count="n")
    assert list(table["cause"]) == ["a", "b", "c"]
    assert list(table["vital_few"]) == [True, True, True]


def test_pareto_counts_of_repeated_causes_are_added():
    table = ck.recovery.pareto(pd.DataFrame({"type": ["x", "y", "x"], "n": [1, 3, 4]}),
                               cause="type", count="n")
    assert dict(zip(table["cause"], table["count"])) == {"x": 5, "y": 3}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=10).filter(lambda c: sum(c) > 0),
       st.floats(1, 100, exclude_min=True))  # 1 itself is refused as ambiguous (1 % or 100 %)
def test_pareto_vital_few_reach_the_threshold_and_are_minimal(counts, threshold):
    data = pd.DataFrame({"cause": [f"c{i}" for i in range(len(counts))], "n": counts})
    table = ck.recovery.pareto(data, count="n", threshold=threshold)
    assert table["cumulative_share"].iloc[-1] == pytest.approx(100)
    vital = table[table["vital_few"]]
    assert vital["share"].sum() >= threshold - 1e-9
    smallest = vital["count"].min()
    without_last_tier = vital[vital["count"] > smallest]["share"].sum()
    assert without_last_tier < threshold


def test_pareto_missing_causes_are_set_aside():
    causes = pd.Series(["a", None, "b", "a"], dtype="str")
    with pytest.warns(MissingDataWarning, match=r"1 of 4 failures was set aside.*row 1"):
        table = ck.recovery.pareto(causes)
    assert table.attrs["total"] == 3


def test_pareto_negative_count_is_named():
    with pytest.raises(InputError, match=r"Column 'n' has entries .* in 1 row: row 1: -2.*whole numbers from 0 up"):
        ck.recovery.pareto(pd.DataFrame({"cause": ["a", "b"], "n": [3, -2]}), count="n")


def test_pareto_fractional_count_is_named():
    with pytest.raises(InputError, match=r"Column 'n' has entries .* in 1 row: row 0: 2.5"):
        ck.recovery.pareto(pd.DataFrame({"cause": ["a", "b"], "n": [2.5, 1]}), count="n")


def test_pareto_no_failures_at_all():
    with pytest.raises(InputError, match="no failures to analyse"):
        ck.recovery.pareto(pd.DataFrame({"cause": ["a", "b"], "n": [0, 0]}), count="n")


def test_pareto_needs_the_cause_column_named():
    with pytest.raises(InputError, match="Name the column of failure causes with cause="):
        ck.recovery.pareto(pd.DataFrame({"type": ["a"], "channel": ["chat"]}))


def test_pareto_threshold_out_of_range():
    with pytest.raises(InputError, match="threshold=0 should be a percentage above 0"):
        ck.recovery.pareto(pd.Series(["a"]), threshold=0)


def test_plot_pareto_has_bars_a_cumulative_line_and_two_labelled_axes():
    table = ck.recovery.pareto(pd.Series(["a"] * 5 + ["b"] * 3 + ["c"] * 2 + ["d"]))
    ax = ck.recovery.plot_pareto(table)
    twin = [a for a in ax.figure.axes if a is not ax][0]
    assert ax.get_ylabel() == "Number of failures"
    assert twin.get_ylabel() == "Cumulative share of failures (%)"
    assert sorted(p.get_height() for p in ax.patches) == [1, 2, 3, 5]
    hatched = [p.get_height() for p in ax.patches if p.get_hatch()]
    assert sorted(hatched) == [2, 3, 5]                # the vital few, not by colour alone
    np.testing.assert_allclose(twin.lines[0].get_ydata(), table["cumulative_share"])
