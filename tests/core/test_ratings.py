"""Scales and not-applicable codes (issue 11, item 4): ``scale=``, ``na_values=`` and the
warning for answers that look like codes, in the core and in every function that takes them."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import InputError, SuspectCodeWarning
from coursekit.core import look_for_codes, parse_na_values, rating_frame


def quiet(func, *args, **kwargs):
    """Call without letting any warning through (and return what was said)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func(*args, **kwargs)
    return result, caught


def survey(rows=40, columns=("a", "b", "c", "overall"), seed=1, scale=(1, 7)):
    rng = np.random.default_rng(seed)
    halo = rng.normal(size=(rows, 1))
    values = np.rint(4 + 1.3 * (0.7 * halo + rng.normal(size=(rows, len(columns)))))
    return pd.DataFrame(np.clip(values, *scale).astype(int), columns=list(columns),
                        index=[f"r{i}" for i in range(rows)])


# --- the rules for answers that look like codes ----------------------------------------------

@pytest.mark.parametrize("codes", [[99], [98, 99], [999], [-99], [0], [8], [9], [0, 9], [-1]])
def test_codes_beside_a_seven_point_scale_are_found(codes):
    values = survey()["a"].to_numpy().astype(float)
    values[:len(codes)] = codes
    found = look_for_codes(values)
    assert found is not None
    assert sorted(found[0]) == sorted(float(c) for c in codes)
    assert found[1][0] >= 1 and found[1][1] <= 7


@pytest.mark.parametrize("name, values", [
    ("a full 1-7 scale", np.tile(np.arange(1, 8), 6)),
    ("a 1-7 scale nobody rated 1", np.tile(np.arange(2, 8), 6)),
    ("0-10, both ends used (recommend)", np.tile(np.arange(0, 11), 4)),
    ("1-10 with 8, 9 and 10", np.tile(np.arange(1, 11), 4)),
    ("a bipolar -3..3 scale", np.tile(np.arange(-3, 4), 6)),
    ("a thin tail of nights: 7, 8, 9 once each", np.r_[np.repeat([1, 2, 3, 4, 5, 6], 30), 7, 8, 9]),
    ("continuous measurements", np.random.default_rng(3).normal(50, 10, 200)),
    ("counts with a long, unbroken tail", np.r_[np.arange(0, 60), np.arange(60, 300, 4)]),
    ("ten answers of 0/1", np.array([0, 1] * 5)),
])
def test_ordinary_answers_are_not_taken_for_codes(name, values):
    assert look_for_codes(values.astype(float)) is None, name


def test_no_case_table_has_anything_that_looks_like_a_code():
    # The course's own data must never set off the warning: any flag here is a false alarm.
    for name in ck.datasets.catalog()["name"]:
        table = ck.datasets.load(name)
        for column in table.columns:
            values = table[column]
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                assert look_for_codes(values.to_numpy(dtype=float)) is None, (name, column)


# Scales that cannot be mistaken for a shorter one with codes (0-5 ... 0-9, 1-8 and 1-9 can:
# see look_for_codes).
UNAMBIGUOUS = [(1, n) for n in (3, 4, 5, 6, 7, 10)] + [(0, n) for n in (3, 4, 5, 11)]


@settings(max_examples=60, deadline=None)
@given(scale=st.sampled_from(UNAMBIGUOUS), rows=st.integers(30, 300), seed=st.integers(0, 10**6))
def test_a_scale_used_end_to_end_is_never_flagged_and_one_99_always_is(scale, rows, seed):
    start, points = scale
    rng = np.random.default_rng(seed)
    values = np.r_[np.arange(start, start + points), rng.integers(start, start + points, rows)]
    assert look_for_codes(values.astype(float)) is None
    values[rng.integers(len(values))] = 99
    found = look_for_codes(values.astype(float))
    assert found is not None and list(found[0]) == [99.0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.integers(-120, 120), st.sampled_from([0, 8, 9, 99, -1, np.nan])),
                min_size=0, max_size=60))
def test_the_search_never_fails_and_flags_only_values_outside_what_it_reports(values):
    values = np.array(values, dtype=float)
    found = look_for_codes(values)
    if found is not None:
        codes, (low, high) = found
        assert len(codes) and all(c < low or c > high for c in codes)
        kept = values[~np.isnan(values) & ~np.isin(values, codes)]
        assert kept.min() == low and kept.max() == high


def test_the_warning_names_column_values_rows_and_the_way_out():
    data = survey()
    data.loc["r3", "b"] = 99
    data.loc[["r5", "r7"], "c"] = 0
    with pytest.warns(SuspectCodeWarning) as caught:
        rating_frame(data, ["a", "b", "c"])
    text = str(caught[0].message)
    assert "column 'b' holds 99 in 1 row (row 'r3': 99.0)" in text
    assert "column 'c' holds 0 in 2 rows (row 'r5': 0.0, row 'r7': 0.0)" in text
    assert "na_values=[0, 99]" in text and "scale=(0, 99)" in text


def test_a_declared_scale_turns_the_search_off_and_refuses_the_codes_instead():
    data = survey()
    data.loc["r3", "b"] = 99
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InputError, match=r"Column 'b' has answers outside the scale in 1 row: "
                                             r"row 'r3': 99.0\. Allowed: numbers from 1 to 7"):
            rating_frame(data, ["a", "b"], scale=(1, 7))


# --- reading na_values= and scale= -------------------------------------------------------------

def test_na_values_become_missing_and_the_callers_table_is_untouched():
    data = pd.DataFrame({"q1": [5, 99, 6, 0], "q2": ["4", "N/A", " n/a ", 7]})
    before = data.copy()
    numbers = rating_frame(data, ["q1", "q2"], na_values=[0, 99, "n/a"])
    assert numbers["q1"].isna().tolist() == [False, True, False, True]
    assert numbers["q2"].tolist()[0] == 4 and numbers["q2"].isna().tolist() == [False, True, True, False]
    assert numbers.attrs["not_applicable"] == 4
    pd.testing.assert_frame_equal(data, before)


def test_na_values_per_column_and_scales_per_column():
    data = pd.DataFrame({"q1": [5, 9, 6], "recommend": [9, 10, 0]})
    numbers = rating_frame(data, ["q1", "recommend"], na_values={"q1": [9]},
                           scale={"q1": (1, 7), "recommend": (0, 10)})
    assert numbers["q1"].isna().tolist() == [False, True, False]
    assert numbers["recommend"].tolist() == [9, 10, 0]  # 9 is a real answer there


@pytest.mark.parametrize("na_values, message", [
    ({"q9": [0]}, r"na_values= names 'q9', which is not one of the columns analysed"),
    ([True], r"na_values= holds True"),
    ([[0]], r"na_values= holds \[0\]"),
])
def test_bad_na_values_are_refused(na_values, message):
    with pytest.raises(InputError, match=message):
        parse_na_values(na_values, ["q1", "q2"])


def test_a_scale_for_an_unknown_column_is_refused():
    with pytest.raises(InputError, match=r"scale= names 'q9'"):
        rating_frame(pd.DataFrame({"q1": [1, 2]}), ["q1"], scale={"q9": (1, 7)})


# --- the motivating case: one 99 among 40 answers ----------------------------------------------

def motivating_survey():
    """Made up for this test: 'staff' drives overall satisfaction; 40 respondents."""
    rng = np.random.default_rng(2025)
    staff = rng.integers(1, 8, 40)
    wait = rng.integers(1, 8, 40)
    signage = rng.integers(1, 8, 40)
    overall = np.clip(np.rint(0.8 * staff + 0.3 * wait + rng.normal(0, 0.8, 40)), 1, 7)
    return pd.DataFrame({"staff": staff, "wait": wait, "signage": signage, "overall": overall})


def test_one_99_no_longer_moves_a_share_silently():
    data = motivating_survey()
    clean = ck.mot.driver_importance(data, "overall", ["staff", "wait", "signage"])
    share = clean.set_index("driver")["share"]
    assert share["staff"] > 50
    coded = data.copy()
    coded.loc[10, "staff"] = 99  # respondent 10 rated overall 3 (a "not applicable" for staff)
    with pytest.warns(SuspectCodeWarning, match=r"column 'staff' holds 99 in 1 row \(row 10: 99"):
        moved = ck.mot.driver_importance(coded, "overall", ["staff", "wait", "signage"])
    assert moved.set_index("driver")["share"]["staff"] < 5  # what used to happen silently
    kept, said = quiet(ck.mot.driver_importance, coded, "overall", ["staff", "wait", "signage"],
                       na_values=[99])
    expected, _ = quiet(ck.mot.driver_importance, data.drop(index=10), "overall",
                        ["staff", "wait", "signage"])
    pd.testing.assert_frame_equal(kept, expected)
    assert any("one of the na_values= codes" in str(w.message) for w in said)
    with pytest.raises(InputError, match=r"Column 'staff' has answers outside the scale"):
        ck.mot.driver_importance(coded, "overall", ["staff", "wait", "signage"], scale=(1, 7))


# --- every function that averages, correlates or sums ratings ----------------------------------

ITEMS = ["q01", "q02", "q03", "q04"]
DIMS = {"Tangibles": ["q01", "q02"], "Reliability": ["q03", "q04"]}


def _servqual():
    return survey(30, ITEMS, seed=3), survey(30, ITEMS, seed=4)


def _zone():
    a = survey(30, ITEMS, seed=5).clip(upper=5)
    return a, (a + 2).clip(upper=7), survey(30, ITEMS, seed=6)


def _kano():
    rng = np.random.default_rng(2)
    return pd.DataFrame({"attribute": np.repeat(["wifi", "bar"], 20),
                         "functional": rng.integers(1, 6, 40), "dysfunctional": rng.integers(1, 6, 40),
                         "importance": rng.integers(1, 8, 40)})


def _customers():
    rng = np.random.default_rng(8)
    failure = rng.integers(0, 2, 60)
    return pd.DataFrame({"failure": failure, "recovered": np.where(failure, rng.integers(0, 2, 60), 0),
                         "s": rng.integers(1, 8, 60)})


def _tickets():
    created = pd.date_range("2025-03-01", periods=40, freq="h")
    return pd.DataFrame({"created": created, "resolved": created + pd.Timedelta("2h"),
                         "csat": np.random.default_rng(1).integers(1, 6, 40)})


# name -> (table, where the code goes (row, column), call taking the table and keyword arguments)
CASES = {
    "driver_importance": (survey(), ("r4", "b"),
                          lambda t, **k: ck.mot.driver_importance(t, "overall", ["a", "b", "c"], **k)),
    "peak_end": (survey(), ("r4", "b"), ck.mot.peak_end),
    "emotion_curve": (survey(), ("r4", "b"), ck.mot.emotion_curve),
    "cronbach_alpha": (survey(), ("r4", "b"), ck.servqual.cronbach_alpha),
    "dimension_alpha": (_servqual()[0], ("r4", "q02"),
                        lambda t, **k: ck.servqual.dimension_alpha(t, dimensions=DIMS, **k)),
    "gaps": (_servqual()[0], ("r4", "q02"), lambda t, **k: ck.servqual.gaps(t, _servqual()[1], **k)),
    "dimension_gaps": (_servqual()[0], ("r4", "q02"), lambda t, **k: ck.servqual.dimension_gaps(
        t, _servqual()[1], dimensions=DIMS, **k)),
    "score": (_servqual()[0], ("r4", "q02"), lambda t, **k: ck.servqual.score(
        t, _servqual()[1], dimensions=DIMS, **k)),
    "zone_of_tolerance": (_zone()[2], ("r4", "q02"), lambda t, **k: ck.servqual.zone_of_tolerance(
        _zone()[0], _zone()[1], t, dimensions=DIMS, **k)),
    "continuous_scores": (_kano(), (4, "importance"),
                          lambda t, **k: ck.kano.continuous_scores(t, importance="importance", **k)),
    "recovery_paradox": (_customers(), (4, "s"),
                         lambda t, **k: ck.recovery.recovery_paradox(t, "s", **k)),
    "kpis": (_tickets(), (4, "csat"), lambda t, **k: ck.recovery.kpis(
        t, first_response=None, contacts=None, **k)),
    "ipa": (pd.DataFrame({"imp": [6, 6, 3, 4, 5, 6.0], "perf": [5, 3, 6, 4, 4, 5.0]},
                         index=list("abcdef")), ("c", "imp"),
            lambda t, **k: ck.mot.ipa("imp", "perf", data=t, **k)),
}
SERVQUAL_DEFAULT_SCALE = {"gaps", "dimension_gaps", "score"}


def _same(left, right):
    if isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(left, right)
    else:
        assert float(left) == pytest.approx(float(right), nan_ok=True)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_code_warns_or_is_refused_and_na_values_reads_it_as_a_blank(name):
    table, (row, column), call = CASES[name]
    coded = table.copy()
    coded[column] = coded[column].astype(float)
    coded.loc[row, column] = 99
    blank = coded.copy()
    blank.loc[row, column] = np.nan
    if name in SERVQUAL_DEFAULT_SCALE:  # SERVQUAL's 1-7 scale is declared by default
        with pytest.raises(InputError, match=rf"column '{column}' has 1 answers outside the scale.*na_values="):
            call(coded)
    else:
        with pytest.warns(SuspectCodeWarning, match=rf"column '{column}' holds 99"):
            call(coded)
    # IPA refuses a blank value, but sets aside an attribute with a code; the rest treat a
    # code exactly as a blank answer.
    expected, _ = quiet(call, coded.drop(index=row) if name == "ipa" else blank)
    got, _ = quiet(call, coded, na_values=[99])
    _same(got, expected)
    with pytest.raises(InputError, match=rf"'{column}'.*outside the scale"):
        call(coded, scale=(1, 7))
