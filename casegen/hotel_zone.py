"""The hotel zone-of-tolerance survey (autumn 2025): adequate, desired and perceived levels.

Each answer is a latent score rounded to the 1-7 scale. A guest's adequate level of an item =
the dimension's planted adequate mean + the guest's general level + the guest's lean on that
dimension + noise; the desired level = the adequate latent + the dimension's planted zone width
+ the guest's own width + noise, never below the adequate answer once rounded. Perceptions are
drawn as in the SERVQUAL model (``hotel_servqual.py``), around the same planted perceived
means — the hotel's expectation mean plus its planted gap — except where something changed
between the two surveys: Downtown refurbished its lobby and rooms in the summer of 2025, so its
tangibles are perceived higher.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.tables import SERVQUAL_PROPERTIES
from coursekit.servqual import DIMENSION_ITEMS, DIMENSIONS

from . import hotel_servqual
from .model import Param, ids, stream, to_scale

SEED = 2201


def perceived_means() -> dict[str, dict[str, float]]:
    """The planted perceived level of each hotel and dimension in the SERVQUAL survey."""
    expect = hotel_servqual.PARAMS["expectation_mean"].value
    gap = hotel_servqual.PARAMS["planted_gap"].value
    return {p: {d: round(expect[d] + gap[p][d], 6) for d in DIMENSIONS} for p in gap}


PARAMS = {
    "guests": Param({"Downtown": 260, "Lakeside": 240}, "respondents per hotel"),
    "adequate_mean": Param({"Tangibles": 3.8, "Reliability": 5.8, "Responsiveness": 5.2,
                            "Assurance": 5.0, "Empathy": 4.5},
                           "latent mean of the adequate (minimum acceptable) level"),
    "zone_width": Param({"Tangibles": 1.7, "Reliability": 0.7, "Responsiveness": 1.0,
                         "Assurance": 1.2, "Empathy": 1.4},
                        "latent desired minus adequate level: planted narrowest for "
                        "reliability, widest for tangibles"),
    "perceived_mean": Param(perceived_means(), "latent perceived level: the SERVQUAL model's "
                            "expectation mean plus the hotel's planted gap"),
    "refurbishment": Param({"Downtown": {"Tangibles": 0.7}},
                           "added to the perceived level after the summer 2025 refurbishment"),
    "adequate_person_sd": Param(0.45, "a guest's general adequate level"),
    "adequate_dimension_sd": Param(0.3, "a guest's own lean on one dimension (adequate)"),
    "adequate_noise_sd": Param(0.45, "noise of each adequate answer"),
    "width_person_sd": Param(0.3, "a guest's own zone width (some tolerate more)"),
    "width_noise_sd": Param(0.3, "noise of each item's width"),
    "item_offset_sd": Param(0.15, "fixed per-item shift of the perception mean"),
    "perception_person_sd": Param(0.55, "a guest's general impression of the hotel"),
    "perception_dimension_sd": Param(0.5, "a guest's impression of one dimension"),
    "perception_noise_sd": Param(0.7, "noise of each perception answer"),
}


def _v(name):
    return PARAMS[name].value


def generate() -> dict[str, pd.DataFrame]:
    rng = stream(SEED)
    guests = _v("guests")
    n = sum(guests.values())
    prop = np.repeat(np.asarray(SERVQUAL_PROPERTIES, dtype=object),
                     [guests[p] for p in SERVQUAL_PROPERTIES])
    a_person = rng.normal(0, _v("adequate_person_sd"), n)
    w_person = rng.normal(0, _v("width_person_sd"), n)
    p_person = rng.normal(0, _v("perception_person_sd"), n)
    offsets = rng.normal(0, _v("item_offset_sd"), 22)
    adequate, desired, perceived = {}, {}, {}
    k = 0
    for dim in DIMENSIONS:
        a_dim = rng.normal(0, _v("adequate_dimension_sd"), n)
        p_dim = rng.normal(0, _v("perception_dimension_sd"), n)
        mean_p = np.array([_v("perceived_mean")[p][dim]
                           + _v("refurbishment").get(p, {}).get(dim, 0.0) for p in prop])
        for item in DIMENSION_ITEMS[dim]:
            a_latent = (_v("adequate_mean")[dim] + a_person + a_dim
                        + rng.normal(0, _v("adequate_noise_sd"), n))
            width = np.maximum(_v("zone_width")[dim] + w_person
                               + rng.normal(0, _v("width_noise_sd"), n), 0)
            adequate[item] = to_scale(a_latent, 1, 7)
            desired[item] = np.maximum(to_scale(a_latent + width, 1, 7), adequate[item])
            perceived[item] = to_scale(mean_p + offsets[k] + p_person + p_dim
                                       + rng.normal(0, _v("perception_noise_sd"), n), 1, 7)
            k += 1

    frame = pd.DataFrame({"respondent_id": ids("Z", n, 4), "property": prop})
    items = [i for d in DIMENSIONS for i in DIMENSION_ITEMS[d]]
    for prefix, values in (("A_", adequate), ("D_", desired), ("P_", perceived)):
        for item in items:
            frame[f"{prefix}{item}"] = values[item]
    # Guests of the two hotels answered in mixed order, as a survey export would list them.
    frame = frame.iloc[rng.permutation(n)].reset_index(drop=True)
    frame["respondent_id"] = ids("Z", n, 4)
    return {"hotel_zone": frame}
