"""Figures for the e-commerce card's service-profit-chain panel and recommend survey.

Each link is estimated by ordinary least squares over the station-quarters, with standard
errors clustered by station (the 12 quarters of one station are not independent answers) and
t intervals on 47 degrees of freedom. Plain numpy and pandas, independent of the course's
analysis functions.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .findings_gaps import md
from .profit_chain import PARAMS


def with_lags(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel in station-quarter order with last quarter's ES, turnover and revenue growth."""
    p = panel.sort_values(["unit_id", "quarter"]).reset_index(drop=True)
    last = p.groupby("unit_id", observed=True)[["employee_satisfaction", "turnover_pct",
                                                "revenue_growth_pct"]].shift(1)
    return p.assign(es_last=last["employee_satisfaction"], turnover_last=last["turnover_pct"],
                    growth_last=last["revenue_growth_pct"])


def ols(frame: pd.DataFrame, y: str, xs: list[str], cluster: str = "unit_id"):
    """Coefficients and cluster-robust 95% intervals: DataFrame indexed by term."""
    d = frame.dropna(subset=[y, *xs])
    X = np.column_stack([np.ones(len(d)), d[xs].to_numpy(float)])
    Y = d[y].to_numpy(float)
    inv = np.linalg.inv(X.T @ X)
    beta = inv @ X.T @ Y
    resid = Y - X @ beta
    groups = pd.factorize(d[cluster])[0]
    g = groups.max() + 1
    score = np.zeros((g, X.shape[1]))
    np.add.at(score, groups, X * resid[:, None])
    n, k = X.shape
    cov = inv @ (score.T @ score) @ inv * g / (g - 1) * (n - 1) / (n - k)
    se = np.sqrt(np.diag(cov))
    t = stats.t.ppf(0.975, g - 1)
    return pd.DataFrame({"estimate": beta, "low": beta - t * se, "high": beta + t * se},
                        index=["intercept", *xs])


def nps_interval(answers: np.ndarray) -> tuple[float, float, float]:
    """NPS and its normal-approximation 95% interval (promoters and detractors from one
    sample: variance (p + d - (p - d)^2) / n)."""
    n = len(answers)
    p, d = (answers >= 9).mean(), (answers <= 6).mean()
    half = 1.96 * np.sqrt((p + d - (p - d) ** 2) / n)
    return 100 * (p - d), 100 * (p - d - half), 100 * (p - d + half)


#: (link, outcome, predictors, the predictor reported, planted value, what it says).
LINKS = (
    ("ISQ -> ES", "employee_satisfaction",
     ["internal_service_quality", "market_growth_pct", "bonus_per_staff"],
     "internal_service_quality", PARAMS["es"].value["isq"], "ES points per ISQ point"),
    ("ES -> turnover", "turnover_pct", ["employee_satisfaction"], "employee_satisfaction",
     PARAMS["turnover"].value["es"], "turnover points per ES point"),
    ("ES -> productivity", "productivity", ["employee_satisfaction", "turnover_pct"],
     "employee_satisfaction", PARAMS["productivity"].value["es"],
     "orders per staff-day per ES point (turnover held)"),
    ("ES last quarter -> CS", "customer_satisfaction",
     ["es_last", "employee_satisfaction", "turnover_last"], "es_last",
     PARAMS["cs"].value["es_last_quarter"], "CS points per ES point a quarter earlier"),
    ("ES same quarter -> CS", "customer_satisfaction",
     ["es_last", "employee_satisfaction", "turnover_last"], "employee_satisfaction", 0.0,
     "the same model: this quarter's ES adds nothing"),
    ("CS -> repurchase", "repurchase_pct", ["customer_satisfaction"], "customer_satisfaction",
     PARAMS["repurchase"].value["cs"], "repurchase points per CS point"),
    ("repurchase -> revenue growth", "revenue_growth_pct",
     ["repurchase_pct", "market_growth_pct"], "repurchase_pct",
     PARAMS["revenue_growth"].value["repurchase"], "growth points per repurchase point "
     "(market growth held)"),
    ("revenue growth last quarter -> ES", "employee_satisfaction",
     ["growth_last", "internal_service_quality", "market_growth_pct"], "growth_last",
     PARAMS["es"].value["bonus_per_1000"] * PARAMS["bonus"].value / 1000,
     "the reverse path through the bonus (about: the bonus is 0 after a fall)"),
)


def units(panel: pd.DataFrame, survey: pd.DataFrame) -> str:
    p = with_lags(panel)
    rows = []
    for link, y, xs, term, planted, what in LINKS:
        est = ols(p, y, xs).loc[term]
        rows.append((link, what, planted, est["estimate"], est["low"], est["high"]))
    links = pd.DataFrame(rows, columns=["link", "slope", "planted", "estimate", "95% low",
                                        "95% high"])
    raw = ols(p, "revenue_growth_pct", ["employee_satisfaction"]).loc["employee_satisfaction"]
    held = ols(p, "revenue_growth_pct", ["employee_satisfaction", "market_growth_pct"]).loc[
        "employee_satisfaction"]
    r_raw = p["employee_satisfaction"].corr(p["revenue_growth_pct"])
    res = {c: p[c] - np.polyval(np.polyfit(p["market_growth_pct"], p[c], 1),
                                p["market_growth_pct"])
           for c in ("employee_satisfaction", "revenue_growth_pct")}
    r_held = np.corrcoef(res["employee_satisfaction"], res["revenue_growth_pct"])[0, 1]
    tool = p.assign(pilot=p.groupby("unit_id", observed=True)["support_tool"].transform("any"),
                    after=p["quarter"] >= PARAMS["pilot"].value["from"])
    means = tool.groupby(["pilot", "after"], observed=True)[
        ["internal_service_quality", "employee_satisfaction"]].mean()
    did = (means.loc[(True, True)] - means.loc[(True, False)]
           - means.loc[(False, True)] + means.loc[(False, False)])
    stations = p.groupby("unit_id", observed=True)[["staff", "revenue_growth_pct",
                                                    "customer_satisfaction"]].mean()
    size = [(c, *stats.pearsonr(stations["staff"], stations[c]))
            for c in ("customer_satisfaction", "revenue_growth_pct")]
    chain = nps_interval(survey["recommend"].to_numpy())
    per = pd.DataFrame([nps_interval(g.to_numpy()) for _, g in
                        survey.groupby("unit_id", observed=True)["recommend"]],
                       columns=["nps", "low", "high"])
    kind = np.select([survey["recommend"] >= 9, survey["recommend"] <= 6],
                     ["promoters (9-10)", "detractors (0-6)"], "passives (7-8)")
    again = (survey.groupby(kind)["repurchased_90d"].mean().mul(100)
             .reindex(["promoters (9-10)", "passives (7-8)", "detractors (0-6)"]))
    return (
        "Each link, estimated over all station-quarters (OLS, intervals clustered by station), "
        "against the planted value:\n\n" + md(links, 3)
        + f"\nEmployee satisfaction and revenue growth in the same quarter: r = {r_raw:.2f}, "
        f"slope {raw['estimate']:.1f} growth points per ES point ({raw['low']:.1f} to "
        f"{raw['high']:.1f}); with local market growth held constant: partial r = "
        f"{r_held:.2f}, slope {held['estimate']:.1f} ({held['low']:.1f} to {held['high']:.1f})."
        "\n\nSupport-tool pilot (difference in differences of the means, pilot minus other "
        f"stations, from {PARAMS['pilot'].value['from']} on minus before): ISQ "
        f"{did['internal_service_quality']:+.2f}, ES {did['employee_satisfaction']:+.2f}.\n\n"
        "Station size (not planted to matter), over the 48 station means: "
        + "; ".join(f"r with {c} = {r:.2f} (p = {pv:.2f})" for c, r, pv in size) + ".\n\n"
        f"2025Q4 survey ({len(survey)} customers): NPS {chain[0]:.1f} (95% interval "
        f"{chain[1]:.1f} to {chain[2]:.1f}); per station ({len(per)} stations, "
        f"{len(survey) // len(per)} answers each) NPS ranges from {per['nps'].min():.1f} to "
        f"{per['nps'].max():.1f}, with intervals {(per['high'] - per['low']).min():.0f} to "
        f"{(per['high'] - per['low']).max():.0f} points wide. Ordered again within 90 days: "
        + ", ".join(f"{k} {v:.1f}%" for k, v in again.items()) + ".\n")
