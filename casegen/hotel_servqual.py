"""The hotel SERVQUAL survey: how expectations, perceptions and weights are simulated.

Each answer is a latent score rounded to the 1–7 scale. A guest's expectation of an item =
the item's dimension mean + the guest's general expectation level + the guest's own lean on
that dimension + noise. A perception = the expectation mean of the dimension + the hotel's
planted gap for that dimension + the guest's general impression + the guest's impression of
that dimension + noise. The two shared terms per guest and dimension are what make the items
of one dimension hang together (Cronbach's alpha). Weights: each guest splits 100 points,
drawn around planted mean shares; most guests use multiples of five.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.tables import SERVQUAL_PROPERTIES
from coursekit.servqual import DIMENSION_ITEMS, DIMENSIONS

from .model import Param, ids, stream, to_scale

SEED = 2101

PARAMS = {
    "guests": Param({"Downtown": 320, "Lakeside": 280}, "respondents per hotel"),
    "expectation_mean": Param({"Tangibles": 5.6, "Reliability": 6.3, "Responsiveness": 6.0,
                               "Assurance": 6.0, "Empathy": 5.7},
                              "latent mean of the expectation items of each dimension"),
    "planted_gap": Param({"Downtown": {"Tangibles": -0.3, "Reliability": -0.7,
                                       "Responsiveness": -1.6, "Assurance": -0.6,
                                       "Empathy": -1.0},
                          "Lakeside": {"Tangibles": -1.5, "Reliability": -1.0,
                                       "Responsiveness": -0.5, "Assurance": -0.4,
                                       "Empathy": -0.5}},
                         "latent perception mean minus expectation mean, per hotel and "
                         "dimension (before rounding to the scale)"),
    "item_offset_sd": Param(0.15, "fixed per-item shift of the perception mean (items of a "
                                  "dimension are not identical)"),
    "expectation_person_sd": Param(0.45, "a guest's general expectation level"),
    "expectation_dimension_sd": Param(0.35, "a guest's own lean on one dimension "
                                            "(expectations)"),
    "expectation_noise_sd": Param(0.55, "noise of each expectation answer"),
    "perception_person_sd": Param(0.55, "a guest's general impression of the hotel"),
    "perception_dimension_sd": Param(0.6, "a guest's impression of one dimension"),
    "perception_noise_sd": Param(0.75, "noise of each perception answer"),
    "weight_share": Param({"Tangibles": 0.13, "Reliability": 0.28, "Responsiveness": 0.24,
                           "Assurance": 0.18, "Empathy": 0.17},
                          "mean share of the 100 points per dimension (planted, not a "
                          "published figure)"),
    "weight_concentration": Param(14.0, "Dirichlet concentration of the points (higher = "
                                        "guests agree more)"),
    "round_to_five": Param(0.8, "share of guests whose points are all multiples of 5"),
}


def _v(name):
    return PARAMS[name].value


def split_points(shares: np.ndarray, unit: int) -> np.ndarray:
    """Integer points in steps of *unit* summing to exactly 100 (largest remainder method)."""
    slots = shares * (100 // unit)
    base = np.floor(slots).astype(np.int64)
    short = (100 // unit) - base.sum(axis=1)
    # The slots with the largest remainders get the missing units; ties go to the first.
    order = np.argsort(-(slots - base), axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    base += ranks < short[:, None]
    return base * unit


def generate() -> dict[str, pd.DataFrame]:
    rng = stream(SEED)
    guests = _v("guests")
    n = sum(guests.values())
    prop = np.repeat(np.asarray(SERVQUAL_PROPERTIES, dtype=object),
                     [guests[p] for p in SERVQUAL_PROPERTIES])
    e_person = rng.normal(0, _v("expectation_person_sd"), n)
    p_person = rng.normal(0, _v("perception_person_sd"), n)
    offsets = rng.normal(0, _v("item_offset_sd"), 22)
    expect, perceive = {}, {}
    k = 0
    for dim in DIMENSIONS:
        e_dim = rng.normal(0, _v("expectation_dimension_sd"), n)
        p_dim = rng.normal(0, _v("perception_dimension_sd"), n)
        mean_e = _v("expectation_mean")[dim]
        gap = np.array([_v("planted_gap")[p][dim] for p in prop])
        for item in DIMENSION_ITEMS[dim]:
            expect[item] = to_scale(mean_e + e_person + e_dim
                                    + rng.normal(0, _v("expectation_noise_sd"), n), 1, 7)
            perceive[item] = to_scale(mean_e + gap + offsets[k] + p_person + p_dim
                                      + rng.normal(0, _v("perception_noise_sd"), n), 1, 7)
            k += 1

    shares = rng.dirichlet(_v("weight_concentration")
                           * np.array([_v("weight_share")[d] for d in DIMENSIONS]), n)
    fives = rng.random(n) < _v("round_to_five")
    points = np.where(fives[:, None], split_points(shares, 5), split_points(shares, 1))

    frame = pd.DataFrame({"respondent_id": ids("G", n, 4), "property": prop})
    items = [i for d in DIMENSIONS for i in DIMENSION_ITEMS[d]]
    for item in items:
        frame[f"E_{item}"] = expect[item]
    for item in items:
        frame[f"P_{item}"] = perceive[item]
    for j, dim in enumerate(DIMENSIONS):
        frame[f"w_{dim.lower()}"] = points[:, j]
    # Guests of the two hotels answered in mixed order, as a survey export would list them.
    frame = frame.iloc[rng.permutation(n)].reset_index(drop=True)
    frame["respondent_id"] = ids("G", n, 4)
    return {"hotel_servqual": frame}
