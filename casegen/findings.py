"""Figures in the generated data, for the "what a careful analyst should find" part of each card.

Computed here with plain numpy and pandas, independently of the course's analysis functions
(the planted-truth tests check the same facts with those functions), and written into the
cards by the generator so the numbers quoted there always match the committed files.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.tables import TOUCHPOINTS
from coursekit.servqual import DIMENSION_ITEMS, DIMENSIONS

from . import findings_chain, findings_gaps
from .findings_gaps import md as _md
from .ecommerce import PARAMS as SHOP_PARAMS
from .ecommerce import ROLLOUT
from .kano import MIGRATIONS, SEGMENT_MIXES

TP = list(TOUCHPOINTS)
# KANO evaluation table (rows functional, columns dysfunctional; like ... dislike).
_EVAL = np.array([list("QAAAO"), list("RIIIM"), list("RIIIM"), list("RIIIM"), list("RRRRQ")])
_ANSWER = {"like": 0, "must-be": 1, "neutral": 2, "live-with": 3, "dislike": 4}


def relative_weights(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Johnson's (2000) relative weights: raw weights that sum to R²."""
    corr = np.corrcoef(np.column_stack([x, y]), rowvar=False)
    lam, vec = np.linalg.eigh(corr[:-1, :-1])
    root = vec @ np.diag(np.sqrt(lam)) @ vec.T
    beta = np.linalg.solve(root, corr[:-1, -1])
    return (root ** 2) @ (beta ** 2)


def r_squared(x: np.ndarray, y: np.ndarray) -> float:
    design = np.column_stack([np.ones(len(y)), x])
    resid = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
    return float(1 - resid.var() / y.var())


def airport(j: pd.DataFrame) -> str:
    ratings = j[TP].to_numpy(float)
    y = j["overall_satisfaction"].to_numpy(float)
    eps = relative_weights(ratings, y)
    imp = j[[f"imp_{t}" for t in TP]]
    drivers = pd.DataFrame({"touchpoint": TP, "relative weight share %": 100 * eps / eps.sum(),
                            "stated importance (mean)": imp.mean().to_numpy(),
                            "stated 6 or 7 %": 100 * (imp >= 6).mean().to_numpy()})
    drivers = drivers.sort_values("relative weight share %", ascending=False)
    worst_last = r_squared(np.column_stack([ratings.min(axis=1), ratings[:, -1]]), y)
    mean_only = r_squared(ratings.mean(axis=1), y)
    band = pd.cut(j["wait_security_min"], [0, 10, 20, 30, np.inf],
                  labels=["1-10", "11-20", "21-30", "over 30"])
    waits = (j.groupby(band, observed=True)["security"].agg(["size", "mean"]).reset_index()
             .set_axis(["security wait (min)", "passengers", "security rating (mean)"], axis=1))
    notice = np.select([j["delay_min"] == 0, ~j["delay_announced"], j["delay_notice_min"] >= 60],
                       ["on time", "not announced", "announced 60+ min ahead"],
                       "announced < 60 min ahead")
    delay = (j.groupby(notice)[["delay_min", "boarding_gate", "overall_satisfaction"]].mean()
             .reset_index().set_axis(["flights", "delay (mean min)",
                                      "boarding-gate rating", "overall satisfaction"], axis=1))
    seg = (j.groupby("segment", observed=True)
           .agg(passengers=("passenger_id", "size"), security_wait=("wait_security_min", "median"),
                security=("security", "mean"), overall=("overall_satisfaction", "mean"))
           .reset_index().set_axis(["segment", "passengers", "security wait (median min)",
                                    "security rating", "overall satisfaction"], axis=1))
    return (f"Johnson's relative weights of the eight ratings for overall satisfaction "
            f"(R² = {eps.sum():.3f}) against stated importance:\n\n{_md(drivers, 1)}\n"
            f"R² of overall satisfaction on the worst and the last rating: {worst_last:.3f}; on "
            f"the mean of all eight: {mean_only:.3f}.\n\n{_md(waits)}\n{_md(delay)}\n{_md(seg)}")


def _alpha(items: np.ndarray) -> float:
    k = items.shape[1]
    return k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / items.sum(axis=1).var(ddof=1))


def servqual(s: pd.DataFrame) -> str:
    rows = []
    for prop, g in s.groupby("property", observed=True):
        for dim in DIMENSIONS:
            e = g[[f"E_{i}" for i in DIMENSION_ITEMS[dim]]].to_numpy(float)
            p = g[[f"P_{i}" for i in DIMENSION_ITEMS[dim]]].to_numpy(float)
            gap = (p - e).mean(axis=1)
            weight = g[f"w_{dim.lower()}"].to_numpy(float) / 100
            rows.append((prop, dim, e.mean(), p.mean(), gap.mean(), (weight * gap).mean(),
                         _alpha(e), _alpha(p), _alpha(p - e)))
    table = pd.DataFrame(rows, columns=["hotel", "dimension", "E", "P", "gap P-E",
                                        "weighted gap", "alpha E", "alpha P", "alpha gap"])
    return ("Dimension means, gaps (mean of item gaps), weighted gaps (points/100 x gap, "
            "averaged over guests) and Cronbach's alpha:\n\n" + _md(table))


def _kano_counts(k: pd.DataFrame) -> pd.DataFrame:
    """Category counts per attribute, the top category, Fong's verdict, Better and Worse."""
    f = k["functional"].astype(str).map(_ANSWER).to_numpy()
    d = k["dysfunctional"].astype(str).map(_ANSWER).to_numpy()
    cat = pd.Series(_EVAL[f, d], index=k.index)
    attributes = [str(a) for a in k["attribute"].cat.categories]
    counts = pd.crosstab(k["attribute"].astype(str), cat).reindex(
        index=attributes, columns=list("AOMIRQ"), fill_value=0)
    top2 = np.sort(counts[list("AOMIR")].to_numpy(), axis=1)[:, ::-1][:, :2]
    n = counts.sum(axis=1).to_numpy()
    a, b = top2[:, 0], top2[:, 1]
    fong = np.abs(a - b) >= 1.65 * np.sqrt((a + b) * (2 * n - a - b) / (2 * n))
    table = pd.DataFrame({"attribute": attributes,
                          **{c: counts[c].to_numpy() for c in "AOMIRQ"}})
    table["top"] = counts[list("AOMIR")].idxmax(axis=1).to_numpy()
    table["ahead of second (Fong)"] = np.where(fong, "yes", "no")
    base = counts[list("AOMI")].sum(axis=1).to_numpy()
    table["better"] = (counts["A"] + counts["O"]).to_numpy() / base
    table["worse"] = -(counts["O"] + counts["M"]).to_numpy() / base
    return table


def kano(k: pd.DataFrame, name: str) -> str:
    table = _kano_counts(k).drop(columns=["better", "worse"])
    text = "Answer pairs by KANO category (Berger et al. 1993 evaluation table):\n\n" + _md(table)
    split = list(SEGMENT_MIXES[name])
    if split:
        parts = []
        for segment in k["segment"].cat.categories:
            part = _kano_counts(k[k["segment"] == segment])
            part = part[part["attribute"].isin(split)].drop(columns=["better", "worse"])
            parts.append(part.assign(segment=segment))
        table = pd.concat(parts).sort_values("attribute", kind="stable")
        table = table[["attribute", "segment", *"AOMIRQ", "top", "ahead of second (Fong)"]]
        sizes = k.groupby("segment", observed=True)["respondent_id"].nunique()
        text += ("\nThe features the segments disagree on, segment by segment ("
                 + ", ".join(f"{s}: {n} respondents" for s, n in sizes.items()) + "):\n\n"
                 + _md(table))
    return text


def migration(old: pd.DataFrame, new: pd.DataFrame) -> str:
    a, b = _kano_counts(old).set_index("attribute"), _kano_counts(new).set_index("attribute")
    rows = [(f, a.loc[f, "top"], a.loc[f, "ahead of second (Fong)"], b.loc[f, "top"],
             b.loc[f, "ahead of second (Fong)"], a.loc[f, "better"], b.loc[f, "better"],
             a.loc[f, "worse"], b.loc[f, "worse"], MIGRATIONS.get(f, "no change planted"))
            for f in a.index]
    table = pd.DataFrame(rows, columns=["attribute", "2023 top", "Fong", "2025 top", "Fong ",
                                        "better 2023", "better 2025", "worse 2023",
                                        "worse 2025", "planted"])
    return ("Answer pairs by KANO category in the 2023 wave:\n\n" + _md(_kano_counts(old).drop(
        columns=["better", "worse"])) + "\nThe two waves side by side (top category, whether "
        "Fong's test puts it ahead of the second, Better and Worse):\n\n" + _md(table))


def recovery(stays: pd.DataFrame, complaints: pd.DataFrame) -> str:
    j = stays.merge(complaints[["complaint_id", "response_min", "distributive", "procedural",
                                "interactional"]], on="complaint_id", how="left")
    fair = j[["distributive", "procedural", "interactional"]].min(axis=1) >= 5
    fast_fair = j["recovered"] & (j["response_min"] <= 30) & fair
    groups = {"no failure": ~j["failure"],
              "failure, recovered (all)": j["failure"] & j["recovered"],
              "recovered, fast and fair": fast_fair,
              "recovered, not fast and fair": j["recovered"] & ~fast_fair,
              "failure, not recovered": j["failure"] & ~j["recovered"]}
    rows = [(name, int(m.sum()), j.loc[m, "satisfaction"].mean(),
             100 * j.loc[m, "returned_1y"].mean()) for name, m in groups.items()]
    table = pd.DataFrame(rows, columns=["stays", "n", "satisfaction (mean)", "returned %"])
    share = complaints.shape[0] / stays["failure"].sum()
    justice = ["distributive", "procedural", "interactional"]
    eps = relative_weights(complaints[justice].to_numpy(float),
                           complaints["satisfaction_after"].to_numpy(float))
    weights = ", ".join(f"{j} {100 * e / eps.sum():.0f}%" for j, e in zip(justice, eps))
    return (f"{100 * share:.0f}% of the stays with a failure led to a complaint. Fast and fair = "
            "recovered, first response within 30 minutes, all three justice ratings 5 or "
            f"more.\n\n{_md(table)}\nJohnson's relative weights of the three justice ratings "
            f"for satisfaction after recovery (R² = {eps.sum():.3f}): {weights}.\n")


def ecommerce(t: pd.DataFrame, daily: pd.DataFrame) -> str:
    t = t.assign(period=np.where(t["created"] >= pd.Timestamp(ROLLOUT), "after", "before"),
                 first_min=(t["first_response"] - t["created"]).dt.total_seconds() / 60,
                 resolve_h=(t["resolved"] - t["created"]).dt.total_seconds() / 3600)
    table = (t.groupby(["channel", "period"], observed=True)
             .agg(tickets=("ticket_id", "size"), first_min=("first_min", "median"),
                  resolve_h=("resolve_h", "median"), fcr=("contacts", lambda c: 100 * (c == 1).mean()),
                  csat=("csat", "mean"), repurchase=("repurchase_90d", lambda r: 100 * r.mean()))
             .reset_index()
             .set_axis(["channel", "launch", "tickets", "first response (median min)",
                        "resolution (median h)", "first-contact resolution %", "CSAT (mean)",
                        "repurchase %"], axis=1))
    table = table.sort_values(["channel", "launch"], ascending=[True, False])
    causes = {d: c for d, (c, _, _) in SHOP_PARAMS["rate_special_days"].value.items()}
    slow = {d: c for d, (c, _) in SHOP_PARAMS["response_special_days"].value.items()}
    p = daily["complaints"] / daily["orders"]
    pbar = daily["complaints"].sum() / daily["orders"].sum()
    half = 3 * np.sqrt(pbar * (1 - pbar) / daily["orders"])
    flagged = daily.loc[(p > pbar + half) | (p < (pbar - half).clip(lower=0)), "date"]
    lines = [f"- {d:%Y-%m-%d}: {causes.get(f'{d:%Y-%m-%d}', 'no planted cause (false alarm)')}"
             for d in flagged]
    i_lines = []
    for after, g in daily.groupby(daily["date"] >= pd.Timestamp(ROLLOUT)):
        x = g["mean_first_response_min"]
        mr = x.diff().abs().mean()
        out = g.loc[(x > x.mean() + 2.66 * mr) | (x < x.mean() - 2.66 * mr), "date"]
        i_lines += [f"- {d:%Y-%m-%d}: {slow.get(f'{d:%Y-%m-%d}', 'no planted cause (false alarm)')}"
                    for d in out]
    return (f"Tickets by channel, before and after the launch on {ROLLOUT}:\n\n{_md(table)}\n"
            f"p-chart of the daily complaint rate (p̄ = {pbar:.5f}, limits from the whole year) "
            "flags:\n\n" + "\n".join(lines) + "\n\nIndividuals chart of the daily mean first "
            "response (chat and phone), limits computed separately before and after the "
            "launch, flags:\n\n" + "\n".join(i_lines) + "\n")


def findings(frames: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Card block key -> text, from the typed tables."""
    return {
        "findings airport_journey": airport(frames["airport_journey"]),
        "findings hotel_servqual": servqual(frames["hotel_servqual"]),
        "findings hotel_zone": findings_gaps.zone(frames["hotel_zone"]),
        "findings hotel_management-hotel_servqual": findings_gaps.management(
            frames["hotel_management"], frames["hotel_servqual"]),
        "findings hotel_audits": findings_gaps.audits(frames["hotel_audits"]),
        "findings hotel_kano": kano(frames["hotel_kano"], "hotel_kano"),
        "findings hotel_stays-hotel_complaints": recovery(frames["hotel_stays"],
                                                           frames["hotel_complaints"]),
        "findings ecommerce_tickets-ecommerce_daily": ecommerce(frames["ecommerce_tickets"],
                                                                frames["ecommerce_daily"]),
        "findings ecommerce_kano": kano(frames["ecommerce_kano"], "ecommerce_kano"),
        "findings ecommerce_kano_2023-ecommerce_kano": migration(frames["ecommerce_kano_2023"],
                                                                 frames["ecommerce_kano"]),
        "findings ecommerce_units-ecommerce_recommend": findings_chain.units(
            frames["ecommerce_units"], frames["ecommerce_recommend"]),
    }
