"""No silent wrong answer (issue 11, item 6): one explicit test per class of bad input that
once gave a wrong result or an unclear exception, each with the valid input beside it.

Every message is checked for the column, the offending value with its row label, and what is
allowed (the wording comes from coursekit.core); the sweep in ``test_sweep.py`` covers the
same classes across every public function.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import coursekit as ck
from coursekit import InputError


def survey(rows=40, seed=1):
    rng = np.random.default_rng(seed)
    halo = rng.normal(size=(rows, 1))
    values = np.clip(np.rint(4 + 1.3 * (0.7 * halo + rng.normal(size=(rows, 4)))), 1, 7)
    return pd.DataFrame(values.astype(int), columns=["a", "b", "c", "overall"])


def drivers(data, **kw):
    return ck.mot.driver_importance(data, "overall", ["a", "b", "c"], **kw)


COUNTS = pd.DataFrame({"A": [5, 1], "O": [3, 2], "M": [1, 6], "I": [1, 1], "R": [0, 0],
                       "Q": [0, 1]}, index=["late check-out", "towels"])


def tickets():
    return pd.DataFrame({
        "created": pd.to_datetime(["2025-03-01 09:00", "2025-03-01 10:00", "2025-03-02 08:00"]),
        "first_response": pd.to_datetime(["2025-03-01 09:30", "2025-03-01 10:15", "2025-03-02 09:00"]),
        "resolved": pd.to_datetime(["2025-03-01 11:00", "2025-03-01 12:00", "2025-03-02 12:00"]),
        "contacts": [1, 2, 1], "csat": [5, 3, 4]})


# --- inf and absurd magnitudes ------------------------------------------------------------------

@pytest.mark.parametrize("value", [np.inf, -np.inf, 1e20, 10**20])
def test_infinite_or_absurd_counts_are_refused_not_turned_into_negative_n(value):
    counts = COUNTS.astype(object)
    counts.loc["towels", "A"] = value
    with pytest.raises(InputError, match=r"Column 'A' has infinite or absurdly large numbers in 1 "
                                         r"row: row 'towels': .*Allowed: finite numbers smaller "
                                         r"than 10\^15 in size"):
        ck.kano.summarize_counts(counts)
    assert (ck.kano.summarize_counts(COUNTS)["n"] == [10, 11]).all()


def test_inf_in_correlation_input_is_named_not_an_eigenvalue_failure():
    data = survey().astype(float)
    data.loc[7, "b"] = np.inf  # numpy used to give LinAlgError: Eigenvalues did not converge
    with pytest.raises(InputError, match=r"Column 'b' has infinite or absurdly large numbers in 1 "
                                         r"row: row 7: inf"):
        drivers(data)
    assert len(drivers(survey())) == 3


def test_absurd_sizes_in_a_control_chart_are_refused():
    with pytest.raises(InputError, match=r"Column 'sizes' has infinite or absurdly large numbers"):
        ck.spc.p_chart([3, 2, 4], [100, 1e20, 100])


# --- dates and durations where ratings or counts belong -----------------------------------------

@pytest.mark.parametrize("column", [pd.date_range("2025-01-01", periods=40),
                                   pd.to_timedelta(np.arange(40), unit="h")])
def test_dates_and_durations_are_not_ratings(column):
    data = survey().assign(b=column)
    for call in (drivers, ck.mot.peak_end, ck.servqual.cronbach_alpha, ck.mot.emotion_curve):
        with pytest.raises(InputError, match=r"Column 'b' has dates, times or durations where "
                                             r"numbers belong in 40 rows: row 0: .*Allowed: numbers"):
            call(data)


def test_dates_are_not_counts():
    with pytest.raises(InputError, match=r"Column 'defects' has dates, times or durations"):
        ck.spc.p_chart(pd.Series(pd.date_range("2025-01-01", periods=3)), 100)
    with pytest.raises(InputError, match=r"Column 'n' has dates, times or durations"):
        ck.recovery.pareto(pd.DataFrame({"cause": ["a", "b"],
                                         "n": [pd.Timestamp("2025-01-01"), 3]}), count="n")


# --- booleans where counts belong ----------------------------------------------------------------

def test_yes_no_flags_are_not_counts():
    with pytest.raises(InputError, match=r"Column 'defects' has yes/no \(True/False\) entries "
                                         r"where numbers belong in 3 rows: row 1: True"):
        ck.spc.p_chart([True, False, True], 100)
    with pytest.raises(InputError, match=r"Column 'n' has yes/no"):
        ck.recovery.pareto(pd.DataFrame({"cause": ["a", "b"], "n": [True, False]}), count="n")
    with pytest.raises(InputError, match=r"Column 'contacts' has yes/no"):
        ck.recovery.kpis(tickets().assign(contacts=[True, False, True]))
    mixed = COUNTS.astype(object)
    mixed.loc["towels", "Q"] = True  # one True among numbers used to count as 1
    with pytest.raises(InputError, match=r"Column 'Q' has yes/no \(True/False\) entries where "
                                         r"numbers belong in 1 row: row 'towels': True"):
        ck.kano.summarize_counts(mixed)


# --- repeated column names ------------------------------------------------------------------------

def test_a_repeated_column_name_is_named_not_an_attribute_error():
    doubled = pd.concat([survey(), survey()[["b"]]], axis=1)
    for call in (drivers, ck.servqual.cronbach_alpha, ck.mot.peak_end):
        with pytest.raises(InputError, match=r"Column 'b' appears 2 times in the .*; keep one and "
                                             r"rename or drop the others"):
            call(doubled)
    with pytest.raises(InputError, match=r"Column 'A' appears 2 times in the KANO counts"):
        ck.kano.summarize_counts(pd.concat([COUNTS, COUNTS[["A"]]], axis=1))


# --- a Series or an array where a table is needed -------------------------------------------------

@pytest.mark.parametrize("bad", [survey()["a"], survey().to_numpy(), survey().to_numpy().tolist()])
def test_a_series_or_array_gets_a_table_is_needed(bad):
    for call in (drivers, ck.mot.peak_end, ck.servqual.cronbach_alpha, ck.recovery.kpis,
                 ck.kano.summarize, lambda t: ck.datasets.validate(t, "hotel_stays")):
        with pytest.raises(InputError, match=r"^A table is needed: the .* should be a pandas "
                                             r"DataFrame"):
            call(bad)


def test_one_respondents_journey_as_a_series_is_not_read_as_many_respondents():
    one = pd.Series({"check_in": 6, "security": 1, "gate": 5})  # used to give 3 "respondents"
    with pytest.raises(InputError, match=r"A table is needed.*to_frame\(\)"):
        ck.mot.peak_end(one)
    assert len(ck.mot.peak_end(one.to_frame().T, scale=(1, 7))) == 1


# --- time zones -------------------------------------------------------------------------------------

def test_a_zone_aware_created_against_naive_times_is_refused_not_shifted_8_hours():
    log = tickets()
    log["created"] = log["created"].dt.tz_localize("Asia/Shanghai")
    with pytest.raises(InputError, match=r"Column 'created' has times with a time zone \(unlike "
                                         r"'first_response', whose times have none\) in 3 rows: "
                                         r"row 0: .*Allowed: all times with a time zone or all "
                                         r"without.*8 hours"):
        ck.recovery.kpis(log)


def test_one_column_mixing_zoned_and_plain_times_is_refused():
    log = pd.DataFrame({"created": ["2025-03-01 09:00+08:00", "2025-03-01 10:00",
                                    "2025-03-01 11:00"],
                        "resolved": ["2025-03-01 12:00", "2025-03-01 12:00", "2025-03-01 12:00"]})
    with pytest.raises(InputError, match=r"Column 'created' has times with a time zone mixed with "
                                         r"times without one in 1 row: row 0: '2025-03-01 09:00\+08:00'"):
        ck.recovery.kpis(log, first_response=None, contacts=None, satisfaction=None)


def test_times_all_in_one_zone_give_the_same_durations_as_local_times():
    local = tickets()
    zoned = local.copy()
    for column in ("created", "first_response", "resolved"):
        zoned[column] = zoned[column].dt.tz_localize("Asia/Shanghai")
    pd.testing.assert_frame_equal(ck.recovery.kpis(zoned), ck.recovery.kpis(local))
    text = local.copy()
    for column in ("created", "first_response", "resolved"):
        text[column] = text[column].dt.strftime("%Y-%m-%d %H:%M+08:00")
    pd.testing.assert_frame_equal(ck.recovery.kpis(text), ck.recovery.kpis(local))


# --- negative durations, resolved before first response ------------------------------------------

def test_negative_durations_are_refused():
    log = tickets()
    log.loc[1, "first_response"] = pd.Timestamp("2025-03-01 09:59")
    with pytest.raises(InputError, match=r"Column 'first_response' has times before the ticket was "
                                         r"created in 1 row: row 1: .*Allowed: times at or after "
                                         r"'created'"):
        ck.recovery.kpis(log)


def test_resolved_before_the_first_response_is_refused():
    log = tickets()
    log.loc[2, "resolved"] = pd.Timestamp("2025-03-02 08:30")  # after created, before the reply
    with pytest.raises(InputError, match=r"Column 'resolved' has times before the first response "
                                         r"in 1 row: row 2: .*Allowed: times at or after "
                                         r"'first_response'"):
        ck.recovery.kpis(log)
    assert ck.recovery.kpis(log, first_response=None)["tickets"].item() == 3


# --- desired below adequate -----------------------------------------------------------------------

def test_desired_below_adequate_is_refused():
    adequate = pd.DataFrame({"q01": [4, 5, 3], "q05": [5, 6, 4]}, index=["ann", "bo", "cy"])
    desired = pd.DataFrame({"q01": [6, 4, 5], "q05": [7, 7, 6]}, index=["ann", "bo", "cy"])
    perceived = pd.DataFrame({"q01": [5, 5, 4], "q05": [4, 5, 6]}, index=["ann", "bo", "cy"])
    with pytest.raises(InputError, match=r"Column 'q01' has desired levels below the adequate level "
                                         r"in 1 row: row 'bo': 4.0\. Allowed: a desired level at or "
                                         r"above the adequate level .*row 'bo': 5.0"):
        ck.servqual.zone_of_tolerance(adequate, desired, perceived)
    fixed = desired.assign(q01=[6, 5, 5])  # equal is allowed: a zone of width 0
    assert ck.servqual.zone_of_tolerance(adequate, fixed, perceived)["zone_width"].min() >= 0


# --- fractions for percentages, percentages for fractions ----------------------------------------

def test_a_fraction_for_a_percentage_is_refused_with_what_to_write():
    causes = pd.Series(["slow"] * 5 + ["wrong item"] * 3 + ["late"] * 2)
    with pytest.raises(InputError, match=r"threshold=0.8 looks like a fraction, but threshold is a "
                                         r"percentage: for 80 % write threshold=80"):
        ck.recovery.pareto(causes, threshold=0.8)
    with pytest.raises(InputError, match=r"threshold=1 is ambiguous"):
        ck.recovery.pareto(causes, threshold=1)
    assert ck.recovery.pareto(causes, threshold=80)["vital_few"].tolist() == [True, True, False]
    with pytest.raises(InputError, match=r"percentile=0.9 looks like a fraction.*write percentile=90"):
        ck.recovery.kpis(tickets(), percentile=0.9)
    assert "resolution_p90_hours" in ck.recovery.kpis(tickets(), percentile=90)


def test_a_percentage_for_a_fraction_is_refused_with_what_to_write():
    for call in (lambda: ck.mot.emotion_curve(survey(), confidence=95),
                 lambda: ck.servqual.cronbach_alpha(survey(), ci=95),
                 lambda: drivers(survey(), ci=95)):
        with pytest.raises(InputError, match=r"=95 should be between 0 and 1, e.g. 0.95\. It looks "
                                             r"like a percentage: for 95 % write .*=0.95"):
            call()


def test_weights_given_as_fractions_get_a_hint():
    items = [f"q{i:02d}" for i in range(1, 23)]
    e = pd.DataFrame({q: [7, 6] for q in items})
    p = pd.DataFrame({q: [5, 6] for q in items})
    shares = {"Tangibles": 0.1, "Reliability": 0.3, "Responsiveness": 0.2, "Assurance": 0.2,
              "Empathy": 0.2}
    with pytest.raises(InputError, match=r"do not add up to 100 .* They add up to 1, as shares "
                                         r"written as fractions do: give points out of 100"):
        ck.servqual.score(e, p, weights=shares)


# --- unsorted time index for a control chart ------------------------------------------------------

def test_a_control_chart_refuses_periods_out_of_time_order():
    days = pd.to_datetime(["2025-01-01", "2025-01-03", "2025-01-02", "2025-01-04"])
    values = pd.Series([10.0, 12.0, 11.0, 30.0], index=days)
    with pytest.raises(InputError, match=r"Column 'values' has periods out of time order in 1 row: "
                                         r"row 2025-01-02 00:00:00: 'after 2025-01-03 00:00:00'\. "
                                         r"Allowed: periods in time order, each once"):
        ck.spc.individuals_chart(values)
    with pytest.raises(InputError, match=r"periods out of time order"):
        ck.spc.p_chart(pd.Series([1, 2, 3], index=[1, 2, 2]), 100)  # a period twice
    sorted_chart = ck.spc.individuals_chart(values.sort_index())
    assert list(sorted_chart.index) == sorted(days)
    named = pd.Series([10.0, 12.0, 11.0], index=["Mon", "Tue", "Wed"])  # no order to check
    assert len(ck.spc.individuals_chart(named)) == 3


# --- NaN counts --------------------------------------------------------------------------------------

def test_a_blank_count_is_refused_not_read_as_zero():
    table = pd.DataFrame({"cause": ["slow", "rude", "late"], "n": [5, np.nan, 2]})
    with pytest.raises(InputError, match=r"Column 'n' has missing counts in 1 row: row 1: missing "
                                         r"\(NaN\)\. Allowed: a whole number of failures for every "
                                         r"cause \(0 if there were none\)"):
        ck.recovery.pareto(table, count="n")
    assert ck.recovery.pareto(table.fillna({"n": 0}), count="n").attrs["total"] == 7
    with pytest.raises(InputError, match=r"Column 'defects' has missing entries"):
        ck.spc.p_chart([3, np.nan, 2], 100)


# --- a valid value is never blamed -----------------------------------------------------------------

def test_junk_in_a_column_the_analysis_does_not_read_changes_nothing():
    data = survey()
    junk = data.assign(comment=[np.inf, pd.Timestamp("2025-01-01"), True, "99"] * 10)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pd.testing.assert_frame_equal(drivers(junk), drivers(data))
