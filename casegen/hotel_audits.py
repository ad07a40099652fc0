"""The hotel standards audits (gap 3, the performance gap): every shift of both hotels checked
against seven written standards, 1 April to 30 September 2025.

Each check measures one thing (rings until the phone is answered, seconds until a guest is
greeted, minutes to acknowledge a complaint, ...) and passes when the value is within the
standard's limit (``coursekit.datasets.HOTEL_STANDARDS``). Times are lognormal around a planted
median; the median is multiplied by the hotel's slowness (Downtown's is higher until its
training and standards relaunch), by a night factor for the four response-time standards
(Downtown's night shift is thinly staffed, and training does not change that), and by a
special-cause factor on two planted days. A room is late by 14:00 with a planted chance; the
guest's name is used with a planted chance.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.gap_tables import HOTEL_STANDARDS, RESPONSE_TIME_STANDARDS, SHIFTS
from coursekit.datasets.tables import SERVQUAL_PROPERTIES

from .model import Param, stream

SEED = 2401
FIRST_DAY = np.datetime64("2025-04-01")
DAYS = 183
TRAINING = "2025-06-23"

PARAMS = {
    "period": Param("2025-04-01 to 2025-09-30", "days audited: every shift of both hotels"),
    "time_median": Param({"phone_rings": 2.0, "greet_seconds": 14.0, "check_in_minutes": 3.4,
                          "complaint_ack_minutes": 5.0, "room_service_minutes": 22.0},
                         "median of each measured time at a well-run shift, in the standard's "
                         "unit (lognormal; rounded to whole units)"),
    "time_sigma": Param({"phone_rings": 0.45, "greet_seconds": 0.6, "check_in_minutes": 0.35,
                         "complaint_ack_minutes": 0.6, "room_service_minutes": 0.3},
                        "lognormal sigma of each measured time"),
    "slowness": Param({"Lakeside": 1.0, "Downtown before training": 1.3,
                       "Downtown after training": 1.0},
                      "multiplier of every time median"),
    "training": Param(TRAINING, "Downtown's service-standards relaunch and staff training "
                                "take effect"),
    "night_factor": Param({"Downtown": 2.0, "Lakeside": 1.15},
                          "multiplier of the four response-time medians on the night shift "
                          "(Downtown: one receptionist and one runner for the whole hotel)"),
    "room_late_chance": Param({"Lakeside": 0.08, "Downtown before training": 0.22,
                               "Downtown after training": 0.10},
                              "chance that a room due for arrival is not ready by 14:00"),
    "room_late_median": Param(25.0, "median minutes late when a room is late (lognormal, "
                                    "sigma 0.7)"),
    "name_chance": Param({"Lakeside": 0.80, "Downtown before training": 0.45,
                          "Downtown after training": 0.85},
                         "chance that staff address the guest by name"),
    "special_days": Param({"2025-05-01": ("Downtown", "May Day holiday: full house with two "
                                          "front-desk staff off sick", 3.0),
                           "2025-08-16": ("Lakeside", "power cut: phones and key-card system "
                                          "down for most of the day", 3.0)},
                          "planted special causes for the p-chart: hotel, what happened, "
                          "multiplier of every time median and of the late-room chance"),
}


def _v(name):
    return PARAMS[name].value


def _state(prop: str, after: np.ndarray) -> np.ndarray:
    """The key into the per-state parameters: Lakeside, or Downtown before/after training."""
    if prop == "Lakeside":
        return np.full(len(after), "Lakeside", dtype=object)
    return np.where(after, "Downtown after training", "Downtown before training").astype(object)


def generate() -> dict[str, pd.DataFrame]:
    rng = stream(SEED)
    dates = FIRST_DAY + np.arange(DAYS).astype("timedelta64[D]")
    # One row per check, in audit order: day, hotel, shift, standard.
    grid = [(d, p, s, std) for d in range(DAYS) for p in SERVQUAL_PROPERTIES for s in SHIFTS
            for std, spec in HOTEL_STANDARDS.items() if s in spec[5]]
    day, prop, shift, standard = (np.array(c, dtype=object) for c in zip(*grid))
    day = day.astype(np.int64)
    n = len(day)
    after = dates[day] >= np.datetime64(TRAINING)
    state = np.empty(n, dtype=object)
    for p in SERVQUAL_PROPERTIES:
        here = prop == p
        state[here] = _state(p, after[here])
    special = np.ones(n)
    for when, (p, _, factor) in _v("special_days").items():
        special[(dates[day] == np.datetime64(when)) & (prop == p)] = factor

    slowness = np.array([_v("slowness")[s] for s in state])
    night = np.array([_v("night_factor")[p] for p in prop])
    is_night = (shift == "night") & np.isin(standard, RESPONSE_TIME_STANDARDS)
    factor = slowness * np.where(is_night, night, 1.0) * special
    measured = np.zeros(n)
    for std in _v("time_median"):
        rows = standard == std
        draw = rng.lognormal(np.log(_v("time_median")[std] * factor[rows]),
                             _v("time_sigma")[std])
        measured[rows] = np.maximum(np.rint(draw), 1)
    rows = standard == "room_ready_minutes"
    chance = np.array([_v("room_late_chance")[s] for s in state[rows]]) * special[rows]
    late = rng.random(rows.sum()) < chance
    minutes = np.maximum(np.rint(rng.lognormal(np.log(_v("room_late_median")), 0.7,
                                               rows.sum())), 1)
    measured[rows] = np.where(late, minutes, 0)
    rows = standard == "guest_name"
    named = rng.random(rows.sum()) < np.array([_v("name_chance")[s] for s in state[rows]])

    limit = np.array([HOTEL_STANDARDS[s][3] if HOTEL_STANDARDS[s][3] is not None else -1
                      for s in standard])
    passed = measured <= limit
    passed[rows] = named
    frame = pd.DataFrame({
        "property": prop, "date": dates[day].astype("datetime64[s]"), "shift": shift,
        "standard": standard,
        "measured": pd.array(np.where(rows, np.nan, measured), dtype="Float64").astype("Int64"),
        "passed": passed,
    })
    return {"hotel_audits": frame}
