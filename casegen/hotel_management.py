"""The hotel management survey (gap 1, the listening gap), run with the guests' SERVQUAL survey.

Every manager of the two hotels answers three things. (1) What guests expect on each of the
22 items: a latent score = the guests' planted expectation mean of the dimension (from the
SERVQUAL model) + management's planted bias for that dimension + the manager's general level +
the manager's lean on the dimension + noise. (2) How guests split 100 points over the five
dimensions: drawn around management's planted shares, like the guests' own points. (3) How
good the hotel itself is on each item (a self-rating): the guests' planted perceived level +
general optimism + pride in the tangibles + a blind spot on the hotel's own weakest dimension
+ the same kinds of personal terms and noise.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.tables import SERVQUAL_PROPERTIES
from coursekit.servqual import DIMENSION_ITEMS, DIMENSIONS

from . import hotel_servqual
from .hotel_zone import perceived_means
from .model import Param, ids, stream, to_scale

SEED = 2301

PARAMS = {
    "managers": Param({"Downtown": 22, "Lakeside": 18}, "managers surveyed per hotel (every "
                      "manager from supervisor up)"),
    "expectation_bias": Param({"Tangibles": 0.4, "Reliability": -0.9, "Responsiveness": -0.9,
                               "Assurance": -0.3, "Empathy": -0.3},
                              "managers' predicted guest expectation minus the guests' planted "
                              "expectation mean (latent)"),
    "weight_share": Param({"Tangibles": 0.24, "Reliability": 0.17, "Responsiveness": 0.16,
                           "Assurance": 0.22, "Empathy": 0.21},
                          "mean share of the 100 points managers think guests give (guests' "
                          "own planted shares: hotel_servqual's weight_share)"),
    "weight_concentration": Param(14.0, "Dirichlet concentration of the predicted points"),
    "round_to_five": Param(0.9, "share of managers whose points are all multiples of 5"),
    "self_rating": Param({"optimism": 0.3, "tangibles_pride": 1.0, "blind_spot": 0.8},
                         "self-rating latent = guests' planted perceived level + optimism (all "
                         "dimensions) + tangibles_pride (Tangibles) + blind_spot (the hotel's "
                         "weakest dimension as its guests see it)"),
    "person_sd": Param(0.35, "a manager's general level (each of the two blocks)"),
    "dimension_sd": Param(0.3, "a manager's lean on one dimension"),
    "noise_sd": Param(0.5, "noise of each answer"),
}

#: Role and department of each hotel's managers, in the order of the survey list; the
#: remaining places are supervisors spread over the operating departments.
_FIXED = (("general manager", "executive office"), ("department head", "front office"),
          ("department head", "housekeeping"), ("department head", "food and beverage"),
          ("department head", "engineering"), ("department head", "sales"),
          ("duty manager", "front office"), ("duty manager", "front office"),
          ("duty manager", "front office"))
_SUPERVISED = ("front office", "housekeeping", "food and beverage", "engineering")


def _v(name):
    return PARAMS[name].value


def weakest_dimension(prop: str) -> str:
    """The dimension with the lowest planted perceived level at the hotel (its blind spot)."""
    means = perceived_means()[prop]
    gap = hotel_servqual.PARAMS["planted_gap"].value[prop]
    return min(DIMENSIONS, key=lambda d: (gap[d], means[d]))


def generate() -> dict[str, pd.DataFrame]:
    rng = stream(SEED)
    counts = _v("managers")
    rows = []
    for prop in SERVQUAL_PROPERTIES:
        extra = counts[prop] - len(_FIXED)
        supervised = rng.choice(_SUPERVISED, size=extra, p=(0.4, 0.25, 0.25, 0.1))
        rows += [(prop, role, dept) for role, dept in _FIXED]
        rows += [(prop, "supervisor", dept) for dept in supervised]
    frame = pd.DataFrame(rows, columns=["property", "role", "department"])
    n = len(frame)
    prop = frame["property"].to_numpy()

    expect = hotel_servqual.PARAMS["expectation_mean"].value
    seen = perceived_means()
    own = _v("self_rating")
    weakest = {p: weakest_dimension(p) for p in SERVQUAL_PROPERTIES}
    sd_p, sd_d, sd_e = _v("person_sd"), _v("dimension_sd"), _v("noise_sd")
    e_person, s_person = rng.normal(0, sd_p, n), rng.normal(0, sd_p, n)
    predicted, rated = {}, {}
    for dim in DIMENSIONS:
        e_dim, s_dim = rng.normal(0, sd_d, n), rng.normal(0, sd_d, n)
        e_mean = expect[dim] + _v("expectation_bias")[dim]
        s_mean = np.array([seen[p][dim] + own["optimism"]
                           + own["tangibles_pride"] * (dim == "Tangibles")
                           + own["blind_spot"] * (dim == weakest[p]) for p in prop])
        for item in DIMENSION_ITEMS[dim]:
            predicted[item] = to_scale(e_mean + e_person + e_dim + rng.normal(0, sd_e, n), 1, 7)
            rated[item] = to_scale(s_mean + s_person + s_dim + rng.normal(0, sd_e, n), 1, 7)

    shares = rng.dirichlet(_v("weight_concentration")
                           * np.array([_v("weight_share")[d] for d in DIMENSIONS]), n)
    fives = rng.random(n) < _v("round_to_five")
    points = np.where(fives[:, None], hotel_servqual.split_points(shares, 5),
                      hotel_servqual.split_points(shares, 1))

    out = pd.DataFrame({"manager_id": ids("M", n, 3), **frame})
    items = [i for d in DIMENSIONS for i in DIMENSION_ITEMS[d]]
    for prefix, values in (("E_", predicted), ("P_", rated)):
        for item in items:
            out[f"{prefix}{item}"] = values[item]
    for j, dim in enumerate(DIMENSIONS):
        out[f"w_{dim.lower()}"] = points[:, j]
    return {"hotel_management": out}
