"""coursekit.servqual's additions for lessons 03 and 04: gap differences with bootstrap and t
intervals, alpha with an item left out, gap 1 (listening_gap), gap 3 (compliance), the figure of
the gaps model and the priority explorer. Reference values come from scipy, pingouin and
computations by hand, not from the functions under test."""
from __future__ import annotations

import base64
import math
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import coursekit as ck
from coursekit import InputError, MissingDataWarning, servqual

matplotlib.use("Agg")

Q = list(servqual.ITEM_IDS)
DIMS = list(servqual.DIMENSIONS)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _survey(n_a=40, n_b=30, shift=-0.5, seed=0):
    """Two made-up groups of respondents; group B's perceptions sit *shift* lower."""
    rng = np.random.default_rng(seed)
    rows = []
    for label, n, delta in [("A", n_a, 0.0), ("B", n_b, shift)]:
        person = rng.normal(0, 0.6, n)
        e = np.clip(np.rint(6 + rng.normal(0, 0.6, (n, 22))), 1, 7)
        p = np.clip(np.rint(5 + delta + person[:, None] + rng.normal(0, 0.8, (n, 22))), 1, 7)
        for i in range(n):
            rows.append({"hotel": label, **{f"E_{q}": e[i, j] for j, q in enumerate(Q)},
                         **{f"P_{q}": p[i, j] for j, q in enumerate(Q)},
                         **dict(zip(servqual.WEIGHT_COLUMNS.values(), [20, 20, 20, 20, 20]))})
    return pd.DataFrame(rows)


def _respondent_gaps(survey, label):
    part = survey[survey["hotel"] == label]
    return pd.DataFrame({d: (part[[f"P_{q}" for q in items]].to_numpy()
                             - part[[f"E_{q}" for q in items]].to_numpy()).mean(axis=1)
                         for d, items in servqual.DIMENSION_ITEMS.items()})


# --- compare_gaps / bootstrap_gaps ----------------------------------------------------------

def test_t_interval_is_welchs_as_scipy_computes_it():
    survey = _survey()
    table = servqual.compare_gaps(survey, by="hotel", method="t").set_index("dimension")
    a, b = _respondent_gaps(survey, "A"), _respondent_gaps(survey, "B")
    for d in DIMS:
        result = stats.ttest_ind(a[d], b[d], equal_var=False)
        ci = result.confidence_interval(0.95)
        assert table.loc[d, "difference"] == pytest.approx(a[d].mean() - b[d].mean())
        assert (table.loc[d, "ci_low"], table.loc[d, "ci_high"]) == pytest.approx((ci.low, ci.high))
        assert table.loc[d, "zero_inside"] == (ci.low <= 0 <= ci.high)
    assert list(table.columns[:2]) == ["A", "B"] and table.attrs["method"] == "t"


def test_bootstrap_is_reproducible_and_close_to_the_t_interval_for_fair_samples():
    survey = _survey(n_a=200, n_b=180, seed=3)
    first = servqual.compare_gaps(survey, by="hotel", seed=11, repetitions=4000)
    again = servqual.compare_gaps(survey, by="hotel", seed=11, repetitions=4000)
    pd.testing.assert_frame_equal(first, again)
    welch = servqual.compare_gaps(survey, by="hotel", method="t")
    width = (welch["ci_high"] - welch["ci_low"]).to_numpy()
    # Percentile and t intervals agree to a small share of their width on large samples.
    assert np.abs(first["ci_low"] - welch["ci_low"]).max() < 0.1 * width.min()
    assert np.abs(first["ci_high"] - welch["ci_high"]).max() < 0.1 * width.min()


def test_bootstrap_draws_resample_each_group_on_its_own():
    survey = _survey(n_a=5, n_b=4)
    draws = servqual.bootstrap_gaps(survey, by="hotel", groups=("B", "A"), repetitions=500, seed=2)
    assert draws.shape == (500, 5) and draws.attrs["groups"] == ["B", "A"]
    a, b = _respondent_gaps(survey, "A"), _respondent_gaps(survey, "B")
    # Every draw is a mean of B's own gaps minus a mean of A's: it lies within their ranges.
    low = b.min() - a.max()
    high = b.max() - a.min()
    assert ((draws >= low - 1e-12) & (draws <= high + 1e-12)).all().all()
    assert draws.attrs["observed"] == pytest.approx((b.mean() - a.mean()).to_dict())


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.5, 0.99))
def test_an_interval_always_holds_the_observed_difference_of_a_symmetric_t(seed, confidence):
    survey = _survey(n_a=12, n_b=9, seed=seed)
    table = servqual.compare_gaps(survey, by="hotel", method="t", confidence=confidence)
    assert (table["ci_low"] <= table["difference"]).all()
    assert (table["difference"] <= table["ci_high"]).all()
    centre = (table["ci_low"] + table["ci_high"]) / 2
    assert np.allclose(centre, table["difference"])


def test_the_two_hotels_differ_where_the_card_says_and_not_on_reliability():
    survey = ck.datasets.load("hotel_servqual")
    table = servqual.compare_gaps(survey, by="property", groups=("Downtown", "Lakeside"),
                                  seed=3).set_index("dimension")
    # planted gaps: Downtown -0.3/-1.6 against Lakeside -1.5/-0.5 (tangibles/responsiveness)
    assert table.loc["Tangibles", "ci_low"] > 0.8 and table.loc["Responsiveness", "ci_high"] < -0.8
    assert table.loc["Reliability", "zero_inside"]  # planted -0.7 against -1.0: close


@pytest.mark.parametrize("kwargs, message", [
    ({"by": "hotel", "method": "z"}, "method='z' is not an option"),
    ({"by": "hotel", "confidence": 95}, "confidence=95 is not a confidence level"),
    ({"by": "hotel", "groups": ("A", "C")}, "has no group 'C'. Allowed: 'A', 'B'"),
    ({"by": "hotel", "groups": ("A", "A")}, "two different groups"),
    ({"by": "wing"}, "wing"),
])
def test_compare_gaps_rejects_bad_requests(kwargs, message):
    with pytest.raises(InputError, match=message):
        servqual.compare_gaps(_survey(), **kwargs)


def test_more_than_two_groups_need_groups_and_too_few_repetitions_are_refused():
    survey = _survey()
    survey.loc[:4, "hotel"] = "C"
    with pytest.raises(InputError, match="exactly two groups.*'A', 'B', 'C'|exactly two groups.*'C'"):
        servqual.compare_gaps(survey, by="hotel")
    assert len(servqual.compare_gaps(survey, by="hotel", groups=("A", "B"), method="t")) == 5
    with pytest.raises(InputError, match="repetitions=5 is too few"):
        servqual.bootstrap_gaps(survey, by="hotel", groups=("A", "B"), repetitions=5)


# --- alpha_if_dropped ----------------------------------------------------------------------------

def test_alpha_if_dropped_agrees_with_pingouin_item_by_item():
    rng = np.random.default_rng(5)
    base = rng.normal(0, 1, 120)
    items = pd.DataFrame({f"i{k}": np.clip(np.rint(4 + base + rng.normal(0, 1, 120)), 1, 7)
                          for k in range(4)})
    items["odd"] = rng.integers(1, 8, 120)  # an item that measures nothing the others do
    table = servqual.alpha_if_dropped(items, scale=(1, 7)).set_index("item")
    assert table.attrs["alpha"] == pytest.approx(pingouin.cronbach_alpha(items)[0])
    for column in items.columns:
        without = pingouin.cronbach_alpha(items.drop(columns=column))[0]
        assert table.loc[column, "alpha_without"] == pytest.approx(without)
    assert table["change"].idxmax() == "odd" and table.loc["odd", "change"] > 0
    assert (table.drop(index="odd")["change"] < 0).all()


def test_alpha_if_dropped_uses_the_same_respondents_for_every_alpha():
    items = pd.DataFrame({"a": [1, 2, 3, 4, 5, None], "b": [2, 2, 4, 4, 6, 6],
                          "c": [1, 3, 3, 5, 5, 1]})
    with pytest.warns(MissingDataWarning, match="1 of 6 respondents"):
        table = servqual.alpha_if_dropped(items)
    complete = items.dropna()
    assert table.attrs["alpha"] == pytest.approx(pingouin.cronbach_alpha(complete)[0])
    assert table.set_index("item").loc["a", "alpha_without"] == pytest.approx(
        pingouin.cronbach_alpha(complete[["b", "c"]])[0])
    with pytest.raises(InputError, match="at least three item columns; the item table has 2"):
        servqual.alpha_if_dropped(items[["a", "b"]])


# --- listening_gap (gap 1) -----------------------------------------------------------------------

def _layout(e, p, points, **extra):
    return {**extra, **{f"E_{q}": e for q in Q}, **{f"P_{q}": p for q in Q},
            **dict(zip(servqual.WEIGHT_COLUMNS.values(), points))}


def test_listening_gap_is_managers_minus_guests_per_hotel_by_hand():
    managers = pd.DataFrame([_layout(5, 7, [40, 10, 10, 20, 20], hotel="X"),
                             _layout(6, 6, [30, 20, 10, 20, 20], hotel="X"),
                             _layout(4, 4, [20, 20, 20, 20, 20], hotel="Y")])
    guests = pd.DataFrame([_layout(7, 5, [10, 40, 30, 10, 10], hotel="X"),
                           _layout(6, 3, [10, 30, 30, 15, 15], hotel="Y"),
                           _layout(4, 5, [20, 20, 20, 20, 20], hotel="Y")])
    table = servqual.listening_gap(managers, guests, by="hotel").set_index(["hotel", "dimension"])
    x = table.loc[("X", "Tangibles")]
    assert (x["managers"], x["guests"]) == (2, 1)
    assert x["expectation_gap"] == pytest.approx(5.5 - 7)
    assert x["points_gap"] == pytest.approx(35 - 10)
    assert x["self_rating_gap"] == pytest.approx(6.5 - 5)
    y = table.loc[("Y", "Reliability")]
    assert y["expectation_gap"] == pytest.approx(4 - 5) and y["points_gap"] == pytest.approx(20 - 25)
    assert y["self_rating_gap"] == pytest.approx(4 - 4)


def test_listening_gap_recovers_the_planted_management_bias():
    table = servqual.listening_gap(ck.datasets.load("hotel_management"),
                                   ck.datasets.load("hotel_servqual"))
    for hotel, part in table.groupby("property"):
        part = part.set_index("dimension")
        assert set(part["expectation_gap"].nsmallest(2).index) == {"Reliability", "Responsiveness"}
        assert part["points_gap"].idxmax() == "Tangibles" and part["points_gap"].idxmin() == "Reliability"
        assert (part["self_rating_gap"] > 0).all()


def test_listening_gap_reports_missing_answers_and_missing_columns():
    managers = pd.DataFrame([_layout(5, 6, [20] * 5, hotel="X"), _layout(6, 6, [20] * 5, hotel="X")])
    managers.loc[1, "E_q03"] = None
    guests = pd.DataFrame([_layout(6, 5, [20] * 5, hotel="X")])
    with pytest.warns(MissingDataWarning, match="1 of 2 managers"):
        table = servqual.listening_gap(managers, guests, by="hotel")
    assert (table["managers"] == 1).all()
    managers = managers.iloc[:1]
    with pytest.raises(InputError, match="no perception columns 'P_q01'"):
        servqual.listening_gap(managers, guests.drop(columns=["P_q01"]), by="hotel")
    with pytest.raises(InputError, match="no 'hotel' 'Z'"):
        servqual.listening_gap(managers.assign(hotel="Z"), guests, by="hotel")
    with pytest.raises(InputError, match="w_empathy"):
        servqual.listening_gap(managers, guests.drop(columns=["w_empathy"]), by="hotel")


def test_listening_gap_reads_answers_as_ratings_and_points_out_of_100():
    managers = pd.DataFrame([_layout(5, 6, [20] * 5, hotel="X"), _layout(6, 6, [20] * 5, hotel="X")])
    guests = pd.DataFrame([_layout(6, 5, [20] * 5, hotel="X")])
    coded = managers.astype({"E_q05": float})
    coded.loc[1, "E_q05"] = 99
    # The SERVQUAL scale is declared: an off-scale answer is named, with the way out ...
    with pytest.raises(InputError, match=r"'E_q05'.*outside the scale.*row 1: 99"):
        servqual.listening_gap(coded, guests, by="hotel")
    # ... and na_values= reads the code as a missing answer, exactly as a blank.
    with pytest.warns(MissingDataWarning):
        read = servqual.listening_gap(coded, guests, by="hotel", na_values=[99])
    with pytest.warns(MissingDataWarning):
        blank = servqual.listening_gap(coded.replace({"E_q05": {99: np.nan}}), guests, by="hotel")
    pd.testing.assert_frame_equal(read, blank)
    assert (read["managers"] == 1).all()
    with pytest.raises(InputError, match=r"'P_q10'"):
        servqual.listening_gap(managers.assign(P_q10="good"), guests, by="hotel")
    with pytest.raises(InputError, match="do not add up to 100"):
        servqual.listening_gap(managers.assign(w_empathy=30), guests, by="hotel")


# --- compliance (gap 3) --------------------------------------------------------------------------

def test_compliance_counts_checks_by_group():
    audits = pd.DataFrame({"shift": pd.Categorical(["night", "day", "night", "day", "night"],
                                                   categories=["day", "night"]),
                           "standard": ["a", "a", "b", "b", "a"],
                           "passed": [False, True, True, True, False]})
    table = servqual.compliance(audits, by="shift")
    assert table["shift"].tolist() == ["day", "night"]
    assert table[["checks", "passed", "failed"]].to_numpy().tolist() == [[2, 2, 0], [3, 1, 2]]
    assert table["compliance_pct"].tolist() == pytest.approx([100, 100 / 3])
    two = servqual.compliance(audits, by=["shift", "standard"])
    assert len(two) == 4 and two["checks"].sum() == 5


def test_compliance_recovers_the_night_shift_and_feeds_a_p_chart():
    audits = ck.datasets.load("hotel_audits")
    response = list(ck.datasets.HOTEL_STANDARDS.query("response_time").index)
    table = servqual.compliance(audits[audits["standard"].isin(response)], by=["property", "shift"])
    rate = table.set_index(["property", "shift"])["compliance_pct"]
    assert rate[("Downtown", "night")] < rate[("Downtown", "morning")] - 30
    daily = servqual.compliance(audits[audits["property"] == "Lakeside"], by="date")
    chart = ck.spc.p_chart(daily.set_index("date")["failed"], daily.set_index("date")["checks"])
    assert pd.Timestamp("2025-08-16") in set(chart.index[chart["out_of_control"]])


def test_compliance_sets_aside_checks_without_a_result_and_rejects_text():
    audits = pd.DataFrame({"shift": ["day", "day", "night"], "passed": [True, None, False]})
    with pytest.warns(MissingDataWarning, match="1 of 3 checks"):
        table = servqual.compliance(audits, by="shift")
    assert table["checks"].tolist() == [1, 1]
    with pytest.raises(InputError, match="Column 'passed' has entries that are not True or False"):
        servqual.compliance(audits.assign(passed=["yes", "no", "yes"]), by="shift")
    with pytest.raises(InputError, match="'team'"):
        servqual.compliance(audits, by="team")


# --- the figure of the gaps model ------------------------------------------------------------------

def test_the_gaps_model_names_all_five_gaps_and_which_are_measured():
    ax = servqual.plot_gaps_model({1: "managers", 3: "audits"})
    texts = [t.get_text() for t in ax.texts]
    for number, (label, _) in servqual.GAPS.items():
        [text] = [t for t in texts if t.startswith(f"Gap {number}: {label}")]
        assert ("measured:" in text) == (number in (1, 3))
        assert ("not measured here" in text) == (number not in (1, 3))
    assert ax.get_title().startswith("The gaps model")
    for box in ["Expected service", "Perceived service", "Service standards"]:
        assert any(t.startswith(box) for t in texts)
    with pytest.raises(InputError, match="should map gap numbers"):
        servqual.plot_gaps_model(["gap 1"])


# --- the priority explorer -------------------------------------------------------------------------

def _controls(widget, kind):
    found = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        found += _controls(child, kind)
    return found


def _gap_table():
    return pd.DataFrame({"hotel": ["A"] * 5 + ["B"] * 5, "dimension": DIMS * 2,
                         "gap": [-1.6, -0.9, -0.5, -0.5, -0.4, -0.3, -0.8, -1.7, -0.6, -1.0]})


def test_priority_explorer_ranks_points_times_gap_and_follows_its_controls():
    import ipywidgets as widgets

    zone = pd.DataFrame({"hotel": ["A"] * 5 + ["B"] * 5, "dimension": DIMS * 2,
                         "msa": [0.2, -0.6, 0.1, 0.5, 0.6, 2.2, -0.1, -0.7, 0.4, 0.3]})
    box = servqual.priority_explorer(_gap_table(), {d: 20 for d in DIMS}, zone_table=zone)
    assert box.result_text.startswith("A, gap P - E, points add up to 100 · first priority: Tangibles")
    first_png = box.png
    assert first_png.startswith(PNG_SIGNATURE)
    sliders = _controls(box, widgets.IntSlider)
    sliders[0].value = 0          # no points for tangibles
    sliders[1].value = 40         # reliability: 40 / 100 of -0.9 beats the rest
    assert "points add up to 100 · first priority: Reliability (-0.36)" in box.result_text
    sliders[2].value = 25         # the points now add up to 105 and are scaled
    assert "points add up to 105, scaled to 100" in box.result_text
    assert box.order.iloc[0] == pytest.approx(40 / 105 * -0.9)
    _controls(box, widgets.Dropdown)[0].value = "B"
    assert box.result_text.startswith("B, gap P - E") and box.order.index[0] == "Responsiveness"
    _controls(box, widgets.ToggleButtons)[0].value = "zone: MSA (P - adequate)"
    assert "first priority: Responsiveness" in box.result_text
    assert box.png != first_png
    bundle = box._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]) == box.png and "Run the cell" in bundle["text/plain"]


@pytest.mark.parametrize("table, points, message", [
    (_gap_table().drop(columns="gap"), None, "'gap'"),
    (_gap_table().iloc[:4], None, "no row for 'Empathy'"),
    (_gap_table(), {"Tangibles": 20}, "it has none for Reliability"),
    (_gap_table(), [20] * 5, "points= should give the starting points"),
])
def test_priority_explorer_rejects_bad_tables_and_points(table, points, message):
    with pytest.raises(InputError, match=message):
        servqual.priority_explorer(table, points)
