"""The airport journey survey: how each passenger's answers are simulated.

What drives what (the data card repeats this with every parameter):

* a passenger's *trip mood* (one standard-normal number) lifts or lowers all eight touchpoint
  ratings together — the halo that makes the ratings correlate;
* waits are lognormal (heavy-tailed) and shorter for business and VIP passengers (fast lanes);
  the security rating falls gently with the wait and sharply past a threshold;
* a delay lowers the boarding-gate rating (and a little the in-flight and ground-transport
  ones, and overall satisfaction directly); announcing it early softens all of that;
* overall satisfaction follows the worst moment and the last one (peak–end), the security
  moment directly, and only a little the average of all eight;
* stated importance is drawn separately: everyone rates most touchpoints 6 or 7, in-flight
  highest — it does not reflect what actually moves satisfaction.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .model import Param, ids, lognormal_minutes, pick, stream, to_scale
from coursekit.datasets.tables import SEGMENTS, TOUCHPOINTS

SEED = 1101
TP = list(TOUCHPOINTS)

PARAMS = {
    "n_passengers": Param(3000, "passengers in the survey"),
    "segment_share": Param({"economy": 0.78, "business": 0.15, "VIP": 0.07},
                           "share of each travel class"),
    "purpose_share": Param({"economy": (0.25, 0.50, 0.25), "business": (0.60, 0.30, 0.10),
                            "VIP": (0.70, 0.25, 0.05)},
                           "shares of business / leisure / family visit, by class"),
    "halo_loading": Param(0.75, "how much the trip mood (standard normal) moves every rating"),
    "rating_base": Param({"booking": 5.6, "check_in": 5.5, "security": 5.3,
                          "boarding_gate": 5.3, "in_flight": 5.4, "arrival": 5.6,
                          "baggage_claim": 5.0, "ground_transport": 4.8},
                         "latent mean of each rating before waits, delay and class effects"),
    "rating_noise_sd": Param(0.8, "standard deviation of each rating's own noise"),
    "class_bonus": Param({"check_in": 0.6, "boarding_gate": 0.5, "in_flight": 0.4,
                          "baggage_claim": 0.5},
                         "rating lift for VIP passengers (business class gets half)"),
    "online_no_bag": Param({"economy": 0.25, "business": 0.35, "VIP": 0.45},
                           "chance of checking in online with no bag (check-in wait 0)"),
    "check_in_wait": Param({"economy": (9, 0.6), "business": (4, 0.5), "VIP": (2, 0.4)},
                           "check-in wait: lognormal (median minutes, sigma)"),
    "check_in_slope": Param(-0.05, "check-in rating change per minute waited"),
    "security_wait": Param({"economy": (11, 0.65), "business": (5, 0.5), "VIP": (3, 0.45)},
                           "security wait: lognormal (median minutes, sigma); fast lanes for "
                           "business and VIP"),
    "security_slope": Param(-0.03, "security rating change per minute waited"),
    "security_threshold_min": Param(20, "waiting time past which the security rating falls "
                                        "sharply"),
    "security_slope_past_threshold": Param(-0.12, "extra change per minute beyond the "
                                                  "threshold"),
    "wait_cap_min": Param(120, "longest recorded wait"),
    "delay_chance": Param(0.30, "chance that a flight leaves late"),
    "delay_size": Param((40, 0.8), "delay when late: lognormal (median minutes, sigma), at "
                                   "least 5"),
    "delay_cap_min": Param(300, "longest recorded delay"),
    "announce_chance": Param(0.70, "chance that a delay is announced before departure time"),
    "notice_size": Param((45, 0.9), "how early it is announced: lognormal (median minutes "
                                    "before departure, sigma), from 5 to 240"),
    "delay_penalty": Param(1.1, "delay penalty = this x ln(1 + delay/30), taken off the "
                                "boarding-gate rating"),
    "notice_softening": Param(0.6, "share of the penalty removed by a notice of 120 minutes or "
                                   "more (proportionally less for shorter notice)"),
    "delay_spillover": Param({"in_flight": 0.3, "ground_transport": 0.3},
                             "share of the delay penalty also taken off these ratings"),
    "overall_weights": Param({"worst": 0.35, "last": 0.30, "security": 0.30, "mean": 0.10},
                             "overall satisfaction latent = weights x (worst rating, "
                             "ground-transport rating, security rating, mean of all eight)"),
    "delay_on_overall": Param(0.35, "share of the (softened) delay penalty also taken off "
                                    "overall satisfaction directly"),
    "overall_intercept": Param(0.3, "constant added to the overall latent"),
    "overall_noise_sd": Param(0.55, "noise of the overall latent"),
    "recommend_slope": Param(1.6, "recommend latent = 6.5 + slope x (overall latent - 4.5) + "
                                  "noise"),
    "recommend_noise_sd": Param(1.0, "noise of the recommend latent"),
    "importance_mean": Param({"booking": 5.7, "check_in": 6.0, "security": 5.9,
                              "boarding_gate": 6.0, "in_flight": 6.6, "arrival": 5.3,
                              "baggage_claim": 5.9, "ground_transport": 5.0},
                             "latent mean of stated importance"),
    "importance_person_sd": Param(0.5, "a passenger's general tendency to rate everything "
                                       "important"),
    "importance_noise_sd": Param(0.7, "noise of each stated importance"),
    "comment_chance": Param(0.55, "chance a passenger writes a comment"),
}


def _v(name):
    return PARAMS[name].value


def _by_segment(segment, name, index=None):
    table = _v(name)
    out = np.empty(len(segment))
    for seg in SEGMENTS:
        value = table[seg] if index is None else table[seg][index]
        out[segment == seg] = value
    return out


def generate() -> dict[str, pd.DataFrame]:
    rng = stream(SEED)
    n = _v("n_passengers")
    segment = pick(rng, SEGMENTS, list(_v("segment_share").values()), n)
    purpose = np.empty(n, dtype=object)
    for seg in SEGMENTS:
        mask = segment == seg
        purpose[mask] = pick(rng, ("business", "leisure", "family visit"),
                             _v("purpose_share")[seg], mask.sum())
    mood = rng.standard_normal(n)
    vip = np.where(segment == "VIP", 1.0, np.where(segment == "business", 0.5, 0.0))

    # Waits: lognormal per class, then the check-in zeros for online check-in without bags.
    cap = _v("wait_cap_min")
    wait_ci = np.rint(np.minimum(rng.lognormal(np.log(_by_segment(segment, "check_in_wait", 0)),
                                               _by_segment(segment, "check_in_wait", 1)), cap))
    wait_ci[rng.random(n) < _by_segment(segment, "online_no_bag")] = 0
    wait_sec = np.rint(np.minimum(rng.lognormal(np.log(_by_segment(segment, "security_wait", 0)),
                                                _by_segment(segment, "security_wait", 1)), cap))
    wait_sec = np.maximum(wait_sec, 1)

    late = rng.random(n) < _v("delay_chance")
    med, sig = _v("delay_size")
    delay = np.where(late, np.clip(lognormal_minutes(rng, med, sig, n, _v("delay_cap_min")), 5,
                                   None), 0)
    announced = late & (rng.random(n) < _v("announce_chance"))
    med, sig = _v("notice_size")
    notice = np.where(announced, np.maximum(lognormal_minutes(rng, med, sig, n, 240), 5), -1)
    softening = np.where(announced, _v("notice_softening") * np.minimum(notice, 120) / 120, 0.0)
    penalty = _v("delay_penalty") * np.log1p(delay / 30) * (1 - softening)

    latent = {}
    base = _v("rating_base")
    noise = _v("rating_noise_sd")
    for tp in TP:
        latent[tp] = (base[tp] + _v("halo_loading") * mood
                      + vip * _v("class_bonus").get(tp, 0.0)
                      + rng.normal(0, noise, n))
    latent["check_in"] += _v("check_in_slope") * wait_ci
    threshold = _v("security_threshold_min")
    latent["security"] += (_v("security_slope") * wait_sec
                           + _v("security_slope_past_threshold") * np.maximum(wait_sec - threshold, 0))
    latent["boarding_gate"] -= penalty
    for tp, share in _v("delay_spillover").items():
        latent[tp] -= share * penalty
    ratings = {tp: to_scale(latent[tp], 1, 7) for tp in TP}

    grid = np.column_stack([ratings[tp] for tp in TP])
    w = _v("overall_weights")
    overall_latent = (_v("overall_intercept") + w["worst"] * grid.min(axis=1)
                      + w["last"] * ratings["ground_transport"]
                      + w["security"] * ratings["security"] + w["mean"] * grid.mean(axis=1)
                      - _v("delay_on_overall") * penalty
                      + rng.normal(0, _v("overall_noise_sd"), n))
    overall = to_scale(overall_latent, 1, 7)
    recommend = to_scale(6.5 + _v("recommend_slope") * (overall_latent - 4.5)
                         + rng.normal(0, _v("recommend_noise_sd"), n), 0, 10)

    person = rng.normal(0, _v("importance_person_sd"), n)
    importance = {tp: to_scale(_v("importance_mean")[tp] + person
                               + rng.normal(0, _v("importance_noise_sd"), n), 1, 7) for tp in TP}

    from .comments import airport_comments

    comments = airport_comments(rng, grid, latent, wait_ci, wait_sec, delay, announced, notice,
                                _v("comment_chance"))

    frame = pd.DataFrame({"passenger_id": ids("PAX", n, 5), "segment": segment,
                          "purpose": purpose})
    for tp in TP:
        frame[tp] = ratings[tp]
    frame["wait_check_in_min"] = wait_ci.astype(np.int64)
    frame["wait_security_min"] = wait_sec.astype(np.int64)
    frame["delay_min"] = delay.astype(np.int64)
    frame["delay_announced"] = announced
    frame["delay_notice_min"] = pd.array(np.where(announced, notice, 0), dtype="Int64")
    frame.loc[~announced, "delay_notice_min"] = pd.NA
    for tp in TP:
        frame[f"imp_{tp}"] = importance[tp]
    frame["overall_satisfaction"] = overall
    frame["recommend"] = recommend
    frame["comment"] = comments
    return {"airport_journey": frame}
