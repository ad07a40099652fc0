"""Hotel stays, service failures, complaints and recoveries: how they are simulated.

A stay either goes smoothly or has a failure (chance per hotel). A guest with a failure may
complain (chance per failure type); most who do not complain leave less satisfied. For a
complaint, the staff's response time and recovery actions (apology, explanation,
compensation, fixing the problem) set the three perceived-justice scores (Tax, Brown &
Chandrashekaran 1998): the outcome sets distributive justice, the speed procedural justice,
the treatment interactional justice. Satisfaction after recovery follows the three justice
scores; it ends above a smooth stay's only when all three are high — that is the planted,
small recovery paradox. Whether the guest returns within a year follows satisfaction, minus a
lasting memory of the failure, so the paradox does not carry over to returning (as in the
meta-analysis of de Matos, Henrique & Rossi 2007).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.tables import COMPENSATIONS, FAILURE_TYPES, SERVQUAL_PROPERTIES

from .model import Param, ids, lognormal_minutes, pick, sigmoid, stream, to_scale

SEED = 4101
YEAR_START = np.datetime64("2025-01-01")

PARAMS = {
    "stays": Param({"Downtown": 5500, "Lakeside": 4500}, "stays sampled per hotel in 2025"),
    "extra_nights_mean": Param(1.2, "nights = 1 + Poisson(this)"),
    "failure_chance": Param({"Downtown": 0.18, "Lakeside": 0.14},
                            "chance that something goes wrong during a stay"),
    "failure_mix": Param(dict(zip(FAILURE_TYPES, (0.22, 0.18, 0.16, 0.14, 0.10, 0.09, 0.07,
                                                  0.04))),
                         "share of each failure type (staff attitude counts double at "
                         "Downtown before normalising)"),
    "complain_chance": Param(dict(zip(FAILURE_TYPES, (0.40, 0.30, 0.45, 0.45, 0.25, 0.65,
                                                      0.60, 0.20))),
                             "chance that a guest with this failure complains (most never do)"),
    "smooth_satisfaction": Param((5.55, 1.0), "satisfaction latent after a smooth stay: "
                                              "(mean, sd)"),
    "silent_satisfaction": Param((4.1, 1.1), "satisfaction latent after a failure the guest "
                                             "did not complain about: (mean, sd)"),
    "channel_mix": Param({"front desk": 0.55, "phone": 0.20, "app": 0.15, "email": 0.10},
                         "how guests complain"),
    "response_median_min": Param({"Downtown": 40, "Lakeside": 14},
                                 "median minutes to first response (Downtown is slow to "
                                 "respond)"),
    "response_sigma": Param(0.9, "lognormal sigma of the response time"),
    "channel_factor": Param({"front desk": 0.6, "phone": 0.9, "app": 1.6, "email": 3.0},
                            "response time multiplier by channel"),
    "apology_chance": Param({"Downtown": 0.70, "Lakeside": 0.90}, "chance staff apologise"),
    "explanation_chance": Param(0.60, "chance staff explain what happened"),
    "compensation_mix": Param(dict(zip(COMPENSATIONS, (0.35, 0.22, 0.20, 0.13, 0.10))),
                              "compensation given"),
    "fix_chance": Param(dict(zip(FAILURE_TYPES, (0.90, 0.60, 0.75, 0.85, 0.50, 0.95, 0.80,
                                                 0.70))),
                        "chance the problem is fixed during the stay"),
    "distributive": Param({"base": 3.3, "fixed": 1.0, "none": 0.0, "amenity": 0.5,
                           "discount": 1.0, "upgrade": 1.4, "free night": 2.0},
                          "distributive latent = base + fixed + compensation effect + noise"),
    "procedural": Param({"base": 6.3, "per_log_response": -0.8, "fixed": 0.4},
                        "procedural latent = base + per_log_response x ln(1 + response_min/15) "
                        "+ fixed + noise"),
    "interactional": Param({"base": 3.6, "apology": 1.4, "explanation": 0.8,
                            "Downtown": -0.3},
                           "interactional latent = base + apology + explanation + hotel + "
                           "noise"),
    "justice_noise_sd": Param(0.8, "noise of each justice latent"),
    "recovery_satisfaction": Param({"intercept": 0.08, "distributive": 0.2,
                                    "procedural": 0.35, "interactional": 0.45, "noise": 0.7},
                                   "satisfaction latent after recovery = intercept + weights "
                                   "x justice latents + noise (interactional planted "
                                   "strongest, distributive weakest)"),
    "return_model": Param({"base_rate": 0.42, "per_point": 0.45, "failure_memory": -0.14},
                          "logit(return) = logit(base_rate) + per_point x (satisfaction "
                          "latent - 5.55) + failure_memory if there was a failure"),
}


def _v(name):
    return PARAMS[name].value


def generate() -> dict[str, pd.DataFrame]:
    rng = stream(SEED)
    counts = _v("stays")
    n = sum(counts.values())
    prop = np.repeat(np.asarray(SERVQUAL_PROPERTIES, dtype=object),
                     [counts[p] for p in SERVQUAL_PROPERTIES])
    arrival = YEAR_START + rng.integers(0, 365, n).astype("timedelta64[D]")
    # Stays are numbered by arrival date, as a property-management export would list them.
    by_date = np.lexsort((rng.random(n), arrival))
    prop, arrival = prop[by_date], arrival[by_date]
    downtown = prop == "Downtown"
    nights = 1 + rng.poisson(_v("extra_nights_mean"), n)
    failure = rng.random(n) < np.where(downtown, *(_v("failure_chance")[p]
                                                   for p in SERVQUAL_PROPERTIES))

    mix = np.array(list(_v("failure_mix").values()))
    kind = np.full(n, None, dtype=object)
    for is_dt in (True, False):
        where = failure & (downtown == is_dt)
        m = mix.copy()
        if is_dt:
            m[FAILURE_TYPES.index("staff attitude")] *= 2
        kind[where] = pick(rng, FAILURE_TYPES, m, where.sum())
    complain_p = np.array([_v("complain_chance").get(k, 0.0) for k in kind])
    complained = failure & (rng.random(n) < complain_p)

    mean, sd = _v("smooth_satisfaction")
    satisfaction = rng.normal(mean, sd, n)
    silent = failure & ~complained
    mean_s, sd_s = _v("silent_satisfaction")
    satisfaction[silent] = rng.normal(mean_s, sd_s, silent.sum())

    # Complaints, in the order they were received.
    c = np.flatnonzero(complained)
    m = len(c)
    channel = pick(rng, list(_v("channel_mix")), list(_v("channel_mix").values()), m)
    median = np.where(downtown[c], *(_v("response_median_min")[p] for p in SERVQUAL_PROPERTIES))
    factor = np.array([_v("channel_factor")[ch] for ch in channel])
    response = np.maximum(lognormal_minutes(rng, median * factor, _v("response_sigma"), m,
                                            cap=24 * 60), 1)
    apology = rng.random(m) < np.where(downtown[c], *(_v("apology_chance")[p]
                                                      for p in SERVQUAL_PROPERTIES))
    explanation = rng.random(m) < _v("explanation_chance")
    comp = pick(rng, COMPENSATIONS, list(_v("compensation_mix").values()), m)
    fixed = rng.random(m) < np.array([_v("fix_chance")[k] for k in kind[c]])

    sd_j = _v("justice_noise_sd")
    d, p, i = _v("distributive"), _v("procedural"), _v("interactional")
    dist = d["base"] + d["fixed"] * fixed + np.array([d[x] for x in comp]) + rng.normal(0, sd_j, m)
    proc = (p["base"] + p["per_log_response"] * np.log1p(response / 15) + p["fixed"] * fixed
            + rng.normal(0, sd_j, m))
    inter = (i["base"] + i["apology"] * apology + i["explanation"] * explanation
             + i["Downtown"] * downtown[c] + rng.normal(0, sd_j, m))
    r = _v("recovery_satisfaction")
    satisfaction[c] = (r["intercept"] + r["distributive"] * dist + r["procedural"] * proc
                       + r["interactional"] * inter + rng.normal(0, r["noise"], m))

    ret = _v("return_model")
    logit = (np.log(ret["base_rate"] / (1 - ret["base_rate"]))
             + ret["per_point"] * (satisfaction - mean) + ret["failure_memory"] * failure)
    returned = rng.random(n) < sigmoid(logit)
    score = to_scale(satisfaction, 1, 7)

    minutes = rng.integers(0, 24 * 60, m) + 1440 * np.floor(rng.random(m) * nights[c]).astype(int)
    received = arrival[c].astype("datetime64[m]") + minutes.astype("timedelta64[m]")
    order = np.argsort(received, kind="stable")
    c, received = c[order], received[order]
    complaint_ids = ids("C", m, 4)

    stay_ids = np.asarray(ids("S", n, 5), dtype=object)
    complaint_of = np.full(n, None, dtype=object)
    complaint_of[c] = complaint_ids
    fixed_of = np.zeros(n, dtype=bool)
    fixed_of[c] = fixed[order]

    stays = pd.DataFrame({"stay_id": stay_ids, "property": prop,
                          "arrival": arrival.astype("datetime64[s]"), "nights": nights,
                          "failure": failure, "complaint_id": complaint_of,
                          "recovered": fixed_of, "satisfaction": score,
                          "returned_1y": returned})
    complaints = pd.DataFrame({
        "complaint_id": complaint_ids, "stay_id": stay_ids[c], "property": prop[c],
        "received": received.astype("datetime64[s]"), "failure_type": kind[c],
        "channel": channel[order], "response_min": response[order],
        "apology": apology[order], "explanation": explanation[order],
        "compensation": comp[order], "fixed": fixed[order],
        "distributive": to_scale(dist[order], 1, 7), "procedural": to_scale(proc[order], 1, 7),
        "interactional": to_scale(inter[order], 1, 7),
        "satisfaction_after": score[c], "returned_1y": returned[c],
    })
    return {"hotel_complaints": complaints, "hotel_stays": stays}
