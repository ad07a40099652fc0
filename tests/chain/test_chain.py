"""The service–profit chain functions: reference values (scipy, an independent least squares,
the data card's figures), invariants, coverage of the intervals on simulated chains, and one
test per kind of bad input."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import coursekit as ck
from casegen import findings_chain

CARD_CHAIN = [
    ("internal_service_quality", "employee_satisfaction", ["market_growth_pct", "bonus_per_staff"]),
    ("employee_satisfaction", "turnover_pct"),
    ("employee_satisfaction", "productivity", ["turnover_pct"]),
    ("employee_satisfaction_last", "customer_satisfaction",
     ["employee_satisfaction", "turnover_pct_last"]),
    ("customer_satisfaction", "repurchase_pct"),
    ("repurchase_pct", "revenue_growth_pct", ["market_growth_pct"]),
    ("revenue_growth_pct_last", "employee_satisfaction",
     ["internal_service_quality", "market_growth_pct"]),
]


@pytest.fixture(scope="module")
def panel():
    return ck.datasets.load("ecommerce_units")


@pytest.fixture(scope="module")
def lagged(panel):
    return ck.chain.add_lags(panel, ["employee_satisfaction", "turnover_pct",
                                     "revenue_growth_pct"])


def quiet(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.MissingDataWarning)
        return function(*args, **kwargs)


# --- link: reference values ------------------------------------------------------------------

def test_one_driver_classic_interval_is_scipys_linregress():
    rng = np.random.default_rng(1)
    x = rng.normal(size=40)
    y = 2 + 0.7 * x + rng.normal(size=40)
    fit = ck.chain.link(pd.DataFrame({"x": x, "y": y}), "y", "x")
    ref = stats.linregress(x, y)
    row = fit.iloc[0]
    assert row["estimate"] == pytest.approx(ref.slope)
    assert row["std_error"] == pytest.approx(ref.stderr)
    assert row["p_value"] == pytest.approx(ref.pvalue)
    half = stats.t.ppf(0.975, 38) * ref.stderr
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((ref.slope - half, ref.slope + half))
    assert fit.attrs["intercept"] == pytest.approx(ref.intercept)
    assert fit.attrs["r_squared"] == pytest.approx(ref.rvalue ** 2)


def test_the_data_cards_links_and_intervals_are_reproduced(panel):
    """The card's table comes from casegen's own least squares (findings_chain.ols); the course
    function, run link by link on each link's complete rows, gives the same numbers."""
    p = findings_chain.with_lags(panel)
    for (name, y, xs, term, _planted, _what), spec in zip(findings_chain.LINKS[:4],
                                                          CARD_CHAIN[:4]):
        ref = findings_chain.ols(p, y, xs).loc[term]
        if term != "es_last":
            ours = quiet(ck.chain.link, panel.assign(**_lag_columns(panel)), y,
                         [_ours(x) for x in xs], cluster="unit_id").set_index("driver")
            got = ours.loc[_ours(term)]
            assert (got["estimate"], got["ci_low"], got["ci_high"]) == pytest.approx(
                (ref["estimate"], ref["low"], ref["high"]), rel=1e-9), name


def _ours(name):
    return {"es_last": "employee_satisfaction_last", "turnover_last": "turnover_pct_last",
            "growth_last": "revenue_growth_pct_last"}.get(name, name)


def _lag_columns(panel):
    p = panel.sort_values(["unit_id", "quarter"])
    last = p.groupby("unit_id", observed=True)[["employee_satisfaction", "turnover_pct",
                                                "revenue_growth_pct"]].shift(1)
    return {f"{c}_last": last[c].reindex(panel.index) for c in last}


def test_every_card_link_with_the_course_functions(lagged, panel):
    table = quiet(ck.chain.links, lagged, CARD_CHAIN, cluster="unit_id")
    p = findings_chain.with_lags(panel)
    for row, (name, y, xs, term, planted, _) in zip(table.itertuples(), findings_chain.LINKS[:4]
                                                    + findings_chain.LINKS[5:]):
        ref = findings_chain.ols(p, y, xs).loc[term]
        assert row.estimate == pytest.approx(ref["estimate"], rel=1e-9), name
        assert row.ci_low == pytest.approx(ref["low"], rel=1e-9), name
        assert row.ci_low <= planted <= row.ci_high, name  # the seed was chosen for this


def test_clustered_interval_is_honest_for_a_station_level_trait(panel):
    """Station size is a trait of 48 stations, not of 576 rows: the clustered interval is about
    three times wider than the classic one, and only it says 'no evidence'."""
    classic = ck.chain.link(panel, "revenue_growth_pct", "staff", interval="classic").iloc[0]
    clustered = ck.chain.link(panel, "revenue_growth_pct", "staff", cluster="unit_id").iloc[0]
    assert clustered["estimate"] == classic["estimate"]
    assert clustered["std_error"] > 2.5 * classic["std_error"]
    assert clustered["p_value"] > 0.3


def _simulated_chain(rng, stations=30, quarters=8, slope=0.5):
    station = np.repeat(np.arange(stations), quarters)
    driver_level = rng.normal(size=stations)[station]       # a driver that varies by station
    outcome_level = rng.normal(size=stations)[station]      # and an outcome shock per station
    x = driver_level + 0.3 * rng.normal(size=len(station))
    y = slope * x + outcome_level + 0.5 * rng.normal(size=len(station))
    return pd.DataFrame({"station": station, "x": x, "y": y})


def test_clustered_intervals_cover_the_true_slope_about_95_times_in_100():
    rng = np.random.default_rng(7)
    hits = {"cluster": 0, "classic": 0}
    for _ in range(300):
        data = _simulated_chain(rng)
        for kind in hits:
            row = ck.chain.link(data, "y", "x", cluster="station" if kind == "cluster" else None,
                                interval=kind).iloc[0]
            hits[kind] += row["ci_low"] <= 0.5 <= row["ci_high"]
    assert 0.90 <= hits["cluster"] / 300 <= 0.99
    assert hits["classic"] / 300 < 0.85  # treating 240 rows as independent is overconfident


def test_cluster_bootstrap_is_reproducible_and_close_to_the_clustered_interval(lagged):
    data = lagged.dropna(subset=["employee_satisfaction_last"])
    one = ck.chain.link(data, "customer_satisfaction", "employee_satisfaction_last",
                        cluster="unit_id", interval="bootstrap", n_boot=400, seed=3)
    two = ck.chain.link(data, "customer_satisfaction", "employee_satisfaction_last",
                        cluster="unit_id", interval="bootstrap", n_boot=400, seed=3)
    pd.testing.assert_frame_equal(one, two)
    robust = ck.chain.link(data, "customer_satisfaction", "employee_satisfaction_last",
                           cluster="unit_id").iloc[0]
    assert one.iloc[0]["std_error"] == pytest.approx(robust["std_error"], rel=0.3)
    assert one.iloc[0]["ci_low"] < one.iloc[0]["estimate"] < one.iloc[0]["ci_high"]


@settings(max_examples=40)
@given(shift=st.floats(-50, 50), scale=st.floats(0.1, 20), seed=st.integers(0, 10_000))
def test_slopes_follow_the_units_of_the_data(shift, scale, seed):
    """Moving the outcome by a constant leaves the slope alone; measuring the driver in units
    `scale` times larger divides the slope and its interval by `scale`."""
    data = _simulated_chain(np.random.default_rng(seed), stations=6, quarters=4)
    base = ck.chain.link(data, "y", "x", cluster="station").iloc[0]
    moved = ck.chain.link(data.assign(y=data["y"] + shift), "y", "x", cluster="station").iloc[0]
    scaled = ck.chain.link(data.assign(x=data["x"] * scale), "y", "x", cluster="station").iloc[0]
    assert moved["estimate"] == pytest.approx(base["estimate"], abs=1e-7)
    assert moved["ci_high"] - moved["ci_low"] == pytest.approx(base["ci_high"] - base["ci_low"],
                                                                abs=1e-6)
    assert scaled["estimate"] * scale == pytest.approx(base["estimate"], rel=1e-6)
    assert scaled["std_error"] * scale == pytest.approx(base["std_error"], rel=1e-6)


def test_holding_the_confounder_shrinks_the_staff_to_revenue_slope(panel):
    raw = ck.chain.link(panel, "revenue_growth_pct", "employee_satisfaction",
                        cluster="unit_id").iloc[0]
    held = ck.chain.link(panel, "revenue_growth_pct", ["employee_satisfaction",
                                                       "market_growth_pct"],
                         cluster="unit_id").iloc[0]
    assert held["estimate"] < raw["estimate"] / 2 and held["ci_low"] > 0


def test_missing_values_are_set_aside_with_a_warning():
    data = pd.DataFrame({"x": [1.0, 2, 3, 4, np.nan, 6], "y": [2.0, 4, 5, 8, 9, np.nan]})
    with pytest.warns(ck.MissingDataWarning, match="2 of 6 rows were set aside because of "
                                                   "missing values"):
        fit = ck.chain.link(data, "y", "x")
    assert fit.attrs["n"] == 4


@pytest.mark.parametrize("call, message", [
    (lambda d: ck.chain.link(d, "y", "z"), "no column 'z'"),
    (lambda d: ck.chain.link(d.assign(x=["a"] + [1.0] * 7), "y", "x"), "Column 'x' has entries that are not numbers"),
    (lambda d: ck.chain.link(d.assign(x=[np.inf] + [1.0] * 7), "y", "x"), "Column 'x' has infinite or absurdly large numbers in 1 row: row 0"),
    (lambda d: ck.chain.link(d.assign(x=1.0), "y", "x"), "takes a single value"),
    (lambda d: ck.chain.link(d.assign(w=d["x"] * 2), "y", ["x", "w"]), "perfectly collinear"),
    (lambda d: ck.chain.link(d.head(2), "y", "x"), "too few to estimate 2 coefficients"),
    (lambda d: ck.chain.link(d.assign(g="a"), "y", "x", cluster="g"), "a single unit"),
    (lambda d: ck.chain.link(d, "y", "x", interval="robust"), "interval='robust' is not an option"),
    (lambda d: ck.chain.link(d, "y", "x", interval="cluster"), "needs cluster="),
    (lambda d: ck.chain.link(d, "y", "x", confidence=95), "confidence=95 should be between 0 and 1"),
    (lambda d: ck.chain.link(d, "y", "x", interval="bootstrap", n_boot=10), "n_boot=10"),
    (lambda d: ck.chain.link(d, "y", "y"), "also named as a driver"),
    (lambda d: ck.chain.link(d, "y", ["x", "x"]), "named more than once"),
    (lambda d: ck.chain.link(d, "y", []), "at least one driver"),
    (lambda d: ck.chain.link(d.iloc[:0], "y", "x"), "is empty"),
    (lambda d: ck.chain.link(d["x"].to_numpy(), "y", "x"), "should be a pandas DataFrame"),
    (lambda d: ck.chain.links(d, "x"), "should be a list of links"),
    (lambda d: ck.chain.links(d, [("x",)]), "Link 1: give \\(driver, outcome\\)"),
    (lambda d: ck.chain.links(d, [{"driver": "x"}]), "Link 1: a dict needs 'driver' and 'outcome'"),
])
def test_bad_input_gets_a_clear_error(call, message):
    data = pd.DataFrame({"x": [1.0, 2, 3, 4, 5, 6, 7, 8], "y": [2.0, 4, 5, 8, 9, 13, 13, 15],
                         "g": list("aabbccdd")})
    with pytest.raises(ck.InputError, match=message):
        call(data)


def test_too_few_units_for_a_bootstrap_say_so():
    data = pd.DataFrame({"x": [1.0, 1, 2, 2], "y": [1.0, 2, 3, 4], "g": ["a", "a", "b", "b"]})
    with pytest.raises(ck.InputError, match="too few units for a bootstrap interval"):
        ck.chain.link(data, "y", "x", cluster="g", interval="bootstrap", n_boot=200)


# --- lags -----------------------------------------------------------------------------------

def test_lags_take_last_quarters_value_of_the_same_station(panel):
    lagged = ck.chain.add_lags(panel, "employee_satisfaction")
    assert list(panel.columns) == list(ck.datasets.load("ecommerce_units").columns)  # unchanged
    by_hand = (panel.sort_values(["unit_id", "quarter"])
               .groupby("unit_id", observed=True)["employee_satisfaction"].shift(1))
    np.testing.assert_array_equal(lagged["employee_satisfaction_last"].to_numpy(),
                                  by_hand.to_numpy())
    assert lagged["employee_satisfaction_last"].isna().sum() == 48


def test_a_gap_in_the_quarters_is_not_bridged_and_two_lags_compose():
    panel = pd.DataFrame({"unit_id": ["a"] * 4 + ["b"] * 3,
                          "quarter": [1, 2, 4, 5, 1, 2, 3], "v": [1.0, 2, 4, 5, 10, 20, 30]})
    once = ck.chain.add_lags(panel, "v")
    assert once["v_last"].tolist()[:4] == pytest.approx([np.nan, 1, np.nan, 4], nan_ok=True)
    direct = ck.chain.add_lags(panel, "v", lag=2)
    assert direct["v_lag2"].tolist() == pytest.approx([np.nan, np.nan, 2, np.nan, np.nan,
                                                       np.nan, 10], nan_ok=True)
    # Without gaps, last period's last period is the period two back.
    full = panel[panel["unit_id"] == "b"]
    twice = ck.chain.add_lags(ck.chain.add_lags(full, "v").rename(columns={"v_last": "w"}), "w")
    np.testing.assert_array_equal(twice["w_last"].to_numpy(),
                                  ck.chain.add_lags(full, "v", lag=2)["v_lag2"].to_numpy())


def test_periods_as_text_and_as_pandas_periods_agree():
    text = pd.DataFrame({"u": ["a"] * 3, "q": ["2024Q4", "2024Q3", "2025Q1"], "v": [2, 1, 3]})
    periods = text.assign(q=pd.PeriodIndex(text["q"], freq="Q"))
    a = ck.chain.add_lags(text, "v", unit="u", period="q")
    b = ck.chain.add_lags(periods, "v", unit="u", period="q")
    assert a["v_last"].tolist() == pytest.approx(b["v_last"].tolist(), nan_ok=True)
    assert a["q"].tolist() == ["2024Q3", "2024Q4", "2025Q1"]


@pytest.mark.parametrize("panel, kwargs, message", [
    (pd.DataFrame({"u": ["a", "a"], "q": [1, 1], "v": [1, 2]}), {}, "two or more rows for the same period"),
    (pd.DataFrame({"u": ["a", "a"], "q": pd.Categorical(["x", "y"]), "v": [1, 2]}), {}, "without an order"),
    (pd.DataFrame({"u": ["a", "a"], "q": [1.5, 2], "v": [1, 2]}), {}, "periods that are not whole numbers"),
    (pd.DataFrame({"u": ["a", "a"], "q": ["soon", "later"], "v": [1, 2]}), {}, "entries that are not periods"),
    (pd.DataFrame({"u": ["a", "a"], "q": [1, None], "v": [1, 2]}), {}, "missing periods"),
    (pd.DataFrame({"u": ["a", None], "q": [1, 2], "v": [1, 2]}), {}, "missing unit labels"),
    (pd.DataFrame({"u": ["a", "a"], "q": [1, 2], "v": [1, 2], "v_last": [0, 0]}), {}, "already has a column 'v_last'"),
    (pd.DataFrame({"u": ["a", "a"], "q": [1, 2], "v": [1, 2]}), {"lag": 0}, "lag=0"),
    (pd.DataFrame({"u": ["a", "a"], "q": ["2024Q1", "2024-05"], "v": [1, 2]}), {}, "mixes periods"),
])
def test_bad_panels_get_a_clear_error(panel, kwargs, message):
    with pytest.raises(ck.InputError, match=message):
        ck.chain.add_lags(panel, "v", unit="u", period="q", **kwargs)


# --- difference in differences --------------------------------------------------------------

def _pilot(panel):
    return panel.assign(pilot=panel.groupby("unit_id", observed=True)["support_tool"]
                        .transform("any"), after=panel["quarter"] >= "2024Q3")


def test_difference_in_differences_is_the_difference_of_the_four_means(panel):
    p = _pilot(panel)
    table = ck.chain.difference_in_differences(p, "internal_service_quality", treated="pilot",
                                               after="after", cluster="unit_id")
    m = p.groupby(["pilot", "after"])["internal_service_quality"].mean()
    by_hand = (m[True, True] - m[True, False]) - (m[False, True] - m[False, False])
    assert table.loc["difference", "change"] == pytest.approx(by_hand)
    assert table.attrs["estimate"] == pytest.approx(by_hand)
    # the data card's figure, and the planted effect of the tool (0.6) inside the interval
    assert f"ISQ {by_hand:+.2f}" in open("datasets/ecommerce/README.md", encoding="utf-8").read()
    assert table.attrs["ci_low"] < 0.6 < table.attrs["ci_high"]


@settings(max_examples=40)
@given(group_shift=st.floats(-5, 5), period_shift=st.floats(-5, 5), seed=st.integers(0, 999))
def test_difference_in_differences_ignores_group_and_period_levels(group_shift, period_shift,
                                                                    seed):
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({"t": np.repeat([1, 0], 20), "a": np.tile(np.repeat([0, 1], 10), 2),
                         "y": rng.normal(size=40)})
    base = ck.chain.difference_in_differences(data, "y", treated="t", after="a")
    moved = data.assign(y=data["y"] + group_shift * data["t"] + period_shift * data["a"])
    again = ck.chain.difference_in_differences(moved, "y", treated="t", after="a")
    assert again.attrs["estimate"] == pytest.approx(base.attrs["estimate"], abs=1e-9)


@pytest.mark.parametrize("change, message", [
    ({"t": ["yes"] * 8}, "Column 't' has entries that are not yes/no"),
    ({"t": [1] * 8}, "no rows of other units before the start"),
    ({"a": [2] * 8}, "entries that are not yes/no"),
])
def test_bad_pilot_flags_get_a_clear_error(change, message):
    data = pd.DataFrame({"t": [1, 1, 1, 1, 0, 0, 0, 0], "a": [0, 1] * 4,
                         "y": np.arange(8.0)}).assign(**change)
    with pytest.raises(ck.InputError, match=message):
        ck.chain.difference_in_differences(data, "y", treated="t", after="a")


# --- NPS ------------------------------------------------------------------------------------

def test_nps_of_the_survey_is_the_data_cards(panel):
    survey = ck.datasets.load("ecommerce_recommend")
    table = ck.chain.nps(survey)
    ref = findings_chain.nps_interval(survey["recommend"].to_numpy())
    # casegen rounds z to 1.96; the library uses the exact normal quantile
    assert tuple(table.loc[0, ["nps", "ci_low", "ci_high"]]) == pytest.approx(ref, rel=1e-5)
    per = ck.chain.nps(survey, by="unit_id").set_index("unit_id")
    last = panel[panel["quarter"] == "2025Q4"].set_index("unit_id")["nps"]
    np.testing.assert_allclose(per["nps"], last.loc[per.index], atol=0.0501)  # kept to 1 decimal


@settings(max_examples=100)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_is_promoters_minus_detractors_and_its_interval_holds_it(answers):
    row = ck.chain.nps(pd.DataFrame({"recommend": answers})).iloc[0]
    a = np.array(answers)
    assert row["nps"] == pytest.approx(100 * ((a >= 9).mean() - (a <= 6).mean()))
    assert row["promoters_pct"] + row["passives_pct"] + row["detractors_pct"] == pytest.approx(100)
    assert -100 <= row["nps"] <= 100 and row["ci_low"] <= row["nps"] <= row["ci_high"]


def test_four_times_the_answers_halve_the_interval():
    answers = pd.DataFrame({"recommend": [10, 9, 8, 7, 6, 3, 9, 10, 0, 8]})
    one = ck.chain.nps(answers).iloc[0]
    four = ck.chain.nps(pd.concat([answers] * 4)).iloc[0]
    assert four["nps"] == one["nps"]
    assert (four["ci_high"] - four["ci_low"]) * 2 == pytest.approx(one["ci_high"] - one["ci_low"])


def test_nps_by_group_equals_nps_of_each_group():
    data = pd.DataFrame({"g": ["b", "a", "b", "a", "b"], "recommend": [10, 2, 9, 8, 6]})
    table = ck.chain.nps(data, by="g").set_index("g")
    assert list(table.index) == ["a", "b"]
    assert table.loc["b", "nps"] == ck.chain.nps(data[data["g"] == "b"]).loc[0, "nps"]
    series = ck.chain.nps(data["recommend"])
    assert series.loc[0, "n"] == 5


@pytest.mark.parametrize("values, message", [
    ([11, 9], "answers outside the 0-10 scale in 1 row: row 0: 11"),
    ([-1, 9], "answers outside the 0-10 scale"),
    ([7.5, 9], "answers outside the 0-10 scale"),
    (["nine", 9], "entries that are not numbers"),
])
def test_bad_recommend_answers_get_a_clear_error(values, message):
    with pytest.raises(ck.InputError, match=message):
        ck.chain.nps(pd.DataFrame({"recommend": values}))


def test_missing_recommend_answers_are_set_aside():
    with pytest.warns(ck.MissingDataWarning, match="1 of 3 answers was set aside"):
        assert ck.chain.nps(pd.DataFrame({"recommend": [9, None, 3]})).loc[0, "n"] == 2


# --- figures --------------------------------------------------------------------------------

def test_chain_figure_draws_every_link_and_marks_backward_and_unsure_ones():
    import matplotlib.pyplot as plt

    table = pd.DataFrame({"driver": ["isq", "es", "cs", "growth"],
                          "outcome": ["es", "cs", "growth", "es"],
                          "estimate": [0.5, 0.3, 0.6, 0.02], "ci_low": [0.4, -0.1, 0.5, 0.01],
                          "ci_high": [0.6, 0.7, 0.7, 0.03]})
    ax = ck.chain.plot_chain(table)
    arrows = [a for a in ax.texts if a.arrow_patch is not None] if hasattr(ax.texts[0], "arrow_patch") else []
    patches = [t.arrow_patch for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(patches) == 4
    styles = [p.get_linestyle() for p in patches]
    assert styles.count("--") == 1 and styles[-1] == "--"   # growth -> es runs backwards
    assert patches[1].get_edgecolor()[:3] == pytest.approx(
        tuple(int(ck.style.NEUTRAL[i:i + 2], 16) / 255 for i in (1, 3, 5)))  # CI includes 0
    assert ax.get_title().startswith("The service–profit chain")
    plt.close("all")
    del arrows


def test_nps_figure_sorts_the_groups_and_draws_the_overall_line():
    import matplotlib.pyplot as plt

    data = pd.DataFrame({"g": list("aaabbbccc"), "recommend": [10, 10, 9, 0, 3, 6, 8, 9, 7]})
    ax = ck.chain.plot_nps(ck.chain.nps(data, by="g"), by="g", overall=20)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b", "c", "a"]
    assert ax.get_legend() is not None and ax.get_ylabel() == "G"
    plt.close("all")


def test_life_cycle_figure_has_every_stage_and_the_improvement_band():
    import matplotlib.pyplot as plt

    ax = ck.chain.plot_life_cycle()
    texts = [t.get_text().replace("\n", " ") for t in ax.texts if t.get_text()]
    assert texts[:5] == list(ck.chain.STAGES)
    assert "Continual service improvement" in texts[-1]
    with pytest.raises(ck.InputError, match="at least two stages"):
        ck.chain.plot_life_cycle(["only one"])
    plt.close("all")
