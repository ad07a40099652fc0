"""The hotel's stays and complaints and the shop's tickets, loaded once for the keys of lesson 06
and exercise 06, with the few derived columns both use."""
from functools import lru_cache

JUSTICE = ("distributive", "procedural", "interactional")
LAUNCH = "2025-07-01"   # the smart customer-service launch (datasets/ecommerce/README.md)


@lru_cache(maxsize=1)
def stays():
    from ... import datasets

    return datasets.load("hotel_stays")


@lru_cache(maxsize=1)
def complaints():
    from ... import datasets

    return datasets.load("hotel_complaints")


@lru_cache(maxsize=1)
def tickets():
    import numpy as np
    import pandas as pd

    from ... import datasets

    data = datasets.load("ecommerce_tickets")
    after = data["created"] >= pd.Timestamp(LAUNCH)
    return data.assign(launch=np.where(after, "after", "before"))


def fast_and_fair_stays(within_min=30, fair_at=5) -> set:
    """Stay ids whose failure was fixed, answered within *within_min* minutes and rated at
    least *fair_at* on all three justice ratings."""
    c = complaints()
    good = c["fixed"] & (c["response_min"] <= within_min) & (c[list(JUSTICE)].min(axis=1) >= fair_at)
    return set(c.loc[good, "stay_id"])


def paradox_difference(within_min=30, fair_at=5, outcome="satisfaction") -> float:
    """Mean outcome of fast-and-fair recovered stays minus that of stays without a failure,
    computed with plain pandas (not through coursekit.recovery)."""
    s = stays()
    good = s["stay_id"].isin(fast_and_fair_stays(within_min, fair_at))
    return float(s.loc[good, outcome].astype(float).mean()
                 - s.loc[~s["failure"], outcome].astype(float).mean())


def fcr_pct(channel, launch) -> float:
    """First-contact resolution in % of one channel before or after the launch."""
    t = tickets()
    part = t[(t["channel"] == channel) & (t["launch"] == launch) & t["resolved"].notna()]
    return float(100 * (part["contacts"] == 1).mean())
