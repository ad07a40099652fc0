"""The service-profit chain (lesson 07): each planted link of ecommerce_units is recovered with
its planted size, the lag, the confounder and the reverse path behave as the data card says,
and the recommend survey supports an NPS with an honest interval. See casegen/profit_chain.py.

The links are estimated here with plain numpy least squares (its own code, not the
generator's findings, and not the course's ck.chain.link, which tests/chain/test_chain.py
checks against the data card's figures): three independent routes to the same planted sizes. Bounds are set from the planted
parameters: each estimate must land within about a fifth of its planted value, which 576
station-quarters give easily when the link is there and never when it is not.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import coursekit as ck
from casegen import profit_chain as _chain

P = {name: param.value for name, param in _chain.PARAMS.items()}


@pytest.fixture(scope="module")
def panel():
    p = ck.datasets.load("ecommerce_units").sort_values(["unit_id", "quarter"])
    last = p.groupby("unit_id")[["employee_satisfaction", "turnover_pct",
                                 "revenue_growth_pct"]].shift(1)
    return p.assign(es_last=last["employee_satisfaction"], turnover_last=last["turnover_pct"],
                    growth_last=last["revenue_growth_pct"])


def _fit(frame, y, xs):
    """Least-squares slopes (intercept dropped) as a Series."""
    d = frame.dropna(subset=[y, *xs])
    X = np.column_stack([np.ones(len(d)), d[xs].to_numpy(float)])
    beta = np.linalg.lstsq(X, d[y].to_numpy(float), rcond=None)[0]
    return pd.Series(beta[1:], index=xs)


def test_internal_service_quality_drives_employee_satisfaction(panel):
    b = _fit(panel, "employee_satisfaction",
             ["internal_service_quality", "market_growth_pct", "bonus_per_staff"])
    assert b["internal_service_quality"] == pytest.approx(P["es"]["isq"], rel=0.15)


def test_satisfied_staff_stay_and_serve_more_orders(panel):
    b = _fit(panel, "turnover_pct", ["employee_satisfaction"])
    assert b["employee_satisfaction"] == pytest.approx(P["turnover"]["es"], rel=0.15)
    b = _fit(panel, "productivity", ["employee_satisfaction", "turnover_pct"])
    assert b["employee_satisfaction"] == pytest.approx(P["productivity"]["es"], rel=0.2)


def test_employee_satisfaction_leads_customer_satisfaction_by_a_quarter(panel):
    b = _fit(panel, "customer_satisfaction", ["es_last", "employee_satisfaction",
                                              "turnover_last"])
    assert b["es_last"] == pytest.approx(P["cs"]["es_last_quarter"], rel=0.15)
    assert abs(b["employee_satisfaction"]) < 0.05  # none planted in the same quarter
    d = panel.dropna(subset=["es_last"])
    assert (d["customer_satisfaction"].corr(d["es_last"])
            > d["customer_satisfaction"].corr(d["employee_satisfaction"]))


def test_loyalty_follows_customer_satisfaction_and_revenue_follows_loyalty(panel):
    b = _fit(panel, "repurchase_pct", ["customer_satisfaction"])
    assert b["customer_satisfaction"] == pytest.approx(P["repurchase"]["cs"], rel=0.1)
    b = _fit(panel, "revenue_growth_pct", ["repurchase_pct", "market_growth_pct"])
    assert b["repurchase_pct"] == pytest.approx(P["revenue_growth"]["repurchase"], rel=0.2)
    assert b["market_growth_pct"] == pytest.approx(P["revenue_growth"]["market_growth"], rel=0.1)
    assert panel["customer_satisfaction"].corr(panel["nps"]) > 0.7


def test_market_growth_confounds_the_staff_to_revenue_correlation(panel):
    r = panel["employee_satisfaction"].corr(panel["revenue_growth_pct"])
    raw = _fit(panel, "revenue_growth_pct", ["employee_satisfaction"])["employee_satisfaction"]
    held = _fit(panel, "revenue_growth_pct", ["employee_satisfaction", "market_growth_pct"])
    assert r > 0.5
    assert held["employee_satisfaction"] < raw / 2  # most of the raw slope is the market
    assert held["employee_satisfaction"] > 0  # ... but not all: the chain is there too
    # market growth moves staff morale and revenue, not internal service quality
    assert abs(panel["market_growth_pct"].corr(panel["internal_service_quality"])) < 0.15


def test_the_bonus_carries_last_quarters_growth_back_into_staff_satisfaction(panel):
    d = panel.dropna(subset=["growth_last"])
    expected = 10 * np.rint(P["bonus"] * d["growth_last"].clip(lower=0) / 10)
    # the panel rounds growth to 0.1 points, so allow one 10-yuan step either way
    assert (abs(d["bonus_per_staff"] - expected) <= 10).all()
    b = _fit(panel, "employee_satisfaction", ["growth_last", "internal_service_quality",
                                              "market_growth_pct"])
    planted = P["es"]["bonus_per_1000"] * P["bonus"] / 1000
    assert b["growth_last"] == pytest.approx(planted, rel=0.3)


def test_the_support_tool_pilot_raises_internal_quality_and_then_staff_satisfaction(panel):
    pilot = panel.groupby("unit_id")["support_tool"].transform("any")
    assert pilot.groupby(panel["unit_id"]).first().sum() == P["pilot"]["stations"]
    assert not panel.loc[panel["quarter"] < P["pilot"]["from"], "support_tool"].any()
    assert panel.loc[pilot & (panel["quarter"] >= P["pilot"]["from"]), "support_tool"].all()
    after = panel["quarter"] >= P["pilot"]["from"]
    means = panel.groupby([pilot, after])[["internal_service_quality",
                                           "employee_satisfaction"]].mean()
    did = means.loc[(True, True)] - means.loc[(True, False)] - means.loc[(False, True)] \
        + means.loc[(False, False)]
    assert did["internal_service_quality"] == pytest.approx(P["isq"]["tool"], abs=0.15)
    assert did["employee_satisfaction"] == pytest.approx(P["isq"]["tool"] * P["es"]["isq"],
                                                         abs=0.12)


def test_station_size_was_not_planted_so_it_predicts_nothing(panel):
    stations = panel.groupby("unit_id")[["staff", "revenue_growth_pct",
                                         "customer_satisfaction"]].mean()
    for outcome in ("revenue_growth_pct", "customer_satisfaction"):
        r, p = stats.pearsonr(stations["staff"], stations[outcome])
        assert p > 0.05, outcome


@pytest.fixture(scope="module")
def survey():
    return ck.datasets.load("ecommerce_recommend")


def _nps(answers):
    return 100 * ((answers >= 9).mean() - (answers <= 6).mean())


def test_panel_nps_of_the_last_quarter_is_the_surveys(panel, survey):
    last = panel[panel["quarter"] == panel["quarter"].max()].set_index("unit_id")["nps"]
    mine = survey.groupby("unit_id")["recommend"].apply(lambda a: round(_nps(a), 1))
    pd.testing.assert_series_equal(mine.sort_index(), last.sort_index(), check_names=False)
    assert survey.groupby("unit_id").size().eq(P["recommend"]["respondents"]).all()


def _nps_halfwidth(answers):
    p, d = (answers >= 9).mean(), (answers <= 6).mean()
    return 100 * 1.96 * np.sqrt((p + d - (p - d) ** 2) / len(answers))


def test_nps_is_precise_for_the_chain_and_vague_for_one_station(survey):
    assert _nps_halfwidth(survey["recommend"]) < 4
    per = survey.groupby("unit_id")["recommend"].agg([_nps, _nps_halfwidth])
    assert (per["_nps_halfwidth"] > 10).all()  # 80 answers: do not rank stations on NPS
    # a bootstrap of the chain's NPS agrees with the normal approximation
    rng = np.random.default_rng(0)
    answers = survey["recommend"].to_numpy()
    boot = [_nps(rng.choice(answers, len(answers))) for _ in range(400)]
    assert np.std(boot) * 1.96 == pytest.approx(_nps_halfwidth(answers), rel=0.25)


def test_promoters_order_again_more_often_than_detractors(survey):
    promoter = survey["recommend"] >= 9
    detractor = survey["recommend"] <= 6
    again = survey["repurchased_90d"]
    assert again[promoter].mean() > again[detractor].mean() + 0.15
    table = [[again[promoter].sum(), (~again[promoter]).sum()],
             [again[detractor].sum(), (~again[detractor]).sum()]]
    assert stats.fisher_exact(table).pvalue < 0.001
    assert again[detractor].mean() > 0.2  # a detractor is not a lost customer
