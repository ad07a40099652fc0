"""Figures for the hotel card's gap tables: zone of tolerance, management survey, audits.

Plain numpy and pandas, independent of the course's analysis functions (the planted-truth
tests check the same facts with those functions).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.gap_tables import RESPONSE_TIME_STANDARDS
from coursekit.servqual import DIMENSION_ITEMS, DIMENSIONS

from .hotel_audits import PARAMS as AUDIT_PARAMS
from .hotel_audits import TRAINING


def md(frame: pd.DataFrame, digits: int = 2) -> str:
    head = "| " + " | ".join(str(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = []
    for row in frame.itertuples(index=False):
        cells = [f"{v:.{digits}f}" if isinstance(v, (float, np.floating)) else str(v) for v in row]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *rows]) + "\n"


def _dimension_means(frame: pd.DataFrame, prefix: str) -> pd.Series:
    """Mean over respondents of each respondent's mean of a dimension's items."""
    return pd.Series({d: frame[[f"{prefix}{i}" for i in DIMENSION_ITEMS[d]]].mean(axis=1).mean()
                      for d in DIMENSIONS})


def zone(z: pd.DataFrame) -> str:
    rows, counts = [], []
    for prop, g in z.groupby("property", observed=True):
        a, d, p = (_dimension_means(g, x) for x in ("A_", "D_", "P_"))
        for dim in DIMENSIONS:
            msa, mss = p[dim] - a[dim], p[dim] - d[dim]
            where = "below" if msa < 0 else "above" if mss > 0 else "within"
            items = DIMENSION_ITEMS[dim]
            item_msa = np.array([(g[f"P_{i}"] - g[f"A_{i}"]).mean() for i in items])
            item_mss = np.array([(g[f"P_{i}"] - g[f"D_{i}"]).mean() for i in items])
            below = (g[[f"P_{i}" for i in items]].to_numpy()
                     < g[[f"A_{i}" for i in items]].to_numpy()).mean()
            rows.append((prop, dim, a[dim], d[dim], p[dim], msa, mss, d[dim] - a[dim], where))
            counts.append((prop, dim, int((item_msa < 0).sum()),
                           int(((item_msa >= 0) & (item_mss <= 0)).sum()),
                           int((item_mss > 0).sum()), 100 * below))
    table = pd.DataFrame(rows, columns=["hotel", "dimension", "adequate", "desired",
                                        "perceived", "MSA", "MSS", "zone width", "position"])
    items = pd.DataFrame(counts, columns=["hotel", "dimension", "items below",
                                          "items within", "items above",
                                          "answers below the guest's own adequate level %"])
    return ("Dimension means (each guest's mean of the dimension's items, averaged), MSA = "
            "perceived - adequate, MSS = perceived - desired, and where perceived service "
            "sits:\n\n" + md(table) + "\nItems of each dimension by position (item means), and "
            "the share of single answers below the guest's own adequate level:\n\n"
            + md(items, 1))


def management(m: pd.DataFrame, guests: pd.DataFrame) -> str:
    rows = []
    for prop in m["property"].cat.categories:
        mm, gg = m[m["property"] == prop], guests[guests["property"] == prop]
        e_m, e_g = _dimension_means(mm, "E_"), _dimension_means(gg, "E_")
        p_m, p_g = _dimension_means(mm, "P_"), _dimension_means(gg, "P_")
        for dim in DIMENSIONS:
            w = f"w_{dim.lower()}"
            rows.append((prop, dim, e_m[dim], e_g[dim], e_m[dim] - e_g[dim], mm[w].mean(),
                         gg[w].mean(), mm[w].mean() - gg[w].mean(), p_m[dim], p_g[dim],
                         p_m[dim] - p_g[dim]))
    table = pd.DataFrame(rows, columns=[
        "hotel", "dimension", "E managers predict", "E guests", "E gap", "points managers "
        "predict", "points guests give", "points gap", "managers' self-rating", "P guests",
        "self-rating gap"])
    n = m.groupby("property", observed=True).size()
    return (f"Managers ({', '.join(f'{p}: {k}' for p, k in n.items())}) against the guests of "
            "`hotel_servqual` (same hotel); gaps are managers minus guests:\n\n" + md(table))


def _p_flags(g: pd.DataFrame) -> list:
    """Days a 3-sigma p-chart of the daily failure share flags (limits from *g* alone)."""
    day = g.groupby("date").agg(fails=("passed", lambda s: int((~s).sum())),
                                n=("passed", "size"))
    pbar = day["fails"].sum() / day["n"].sum()
    half = 3 * np.sqrt(pbar * (1 - pbar) / day["n"])
    p = day["fails"] / day["n"]
    return list(day.index[(p > pbar + half) | (p < (pbar - half).clip(lower=0))]), pbar


def audits(a: pd.DataFrame) -> str:
    a = a.assign(period=np.where(a["date"] >= pd.Timestamp(TRAINING), "after", "before"))
    kind = np.where(a["standard"].isin(RESPONSE_TIME_STANDARDS), "response-time", "other")
    table = (a.assign(kind=kind)
             .groupby(["property", "period", "shift", "kind"], observed=True)["passed"]
             .mean().mul(100).unstack("kind").reset_index())
    table = table.sort_values(["property", "period", "shift"], ascending=[True, False, True],
                              key=lambda s: s.map({"morning": 0, "evening": 1, "night": 2})
                              if s.name == "shift" else s)
    table.columns = ["hotel", "training", "shift", "other standards passed %",
                     "response-time standards passed %"]
    per = (a.groupby(["standard", "property", "period"], observed=True)["passed"].mean()
           .mul(100).unstack(["property", "period"]))
    per = per[[("Downtown", "before"), ("Downtown", "after"), ("Lakeside", "before"),
               ("Lakeside", "after")]]
    per.columns = [f"{p} {t} %" for p, t in per.columns]
    per = per.reset_index()
    special = {pd.Timestamp(d): (h, what) for d, (h, what, _) in
               AUDIT_PARAMS["special_days"].value.items()}
    lines = []
    for label, g in (("Downtown, before the training", a[(a["property"] == "Downtown")
                                                         & (a["period"] == "before")]),
                     ("Downtown, after the training", a[(a["property"] == "Downtown")
                                                        & (a["period"] == "after")]),
                     ("Lakeside, whole period", a[a["property"] == "Lakeside"])):
        flags, pbar = _p_flags(g)
        said = [f"{d:%Y-%m-%d} ({special[d][1] if d in special else 'no planted cause: a false alarm'})"
                for d in flags]
        lines.append(f"- {label}: p̄ = {pbar:.3f} of checks failed; flagged: "
                     + ("; ".join(said) if said else "none"))
    return (f"Share of checks passed, before and after Downtown's training on {TRAINING} (the "
            "'before' and 'after' rows of Lakeside split the same calendar):\n\n" + md(table, 1)
            + "\nBy standard:\n\n" + md(per, 1) + "\np-chart of the daily share of failed "
            "checks (3-sigma limits, worked out within each stretch):\n\n" + "\n".join(lines)
            + "\n")
