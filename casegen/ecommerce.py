"""The online shop's customer service in 2025: daily orders, tickets, and the tickets' times.

Orders per day follow a weekly rhythm, slow growth, a holiday dip and sale-day peaks. The day's
tickets are a binomial draw from its orders at a constant contact rate, except on planted
special-cause days. Each ticket gets a channel, a category and a creation time; its first
response comes after a lognormal delay that depends on the channel and, for chat, on whether
the smart customer service had launched (the bot answers within seconds); resolution time
depends mostly on the category, so it moves much less at the launch. Contacts needed,
satisfaction (CSAT) and repurchase follow resolution time and contacts, not first response.
The daily table is the tickets summed by day (first response: chat and phone only), so the two
always agree.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.tables import TICKET_CATEGORIES, TICKET_CHANNELS

from .model import Param, ids, pick, sigmoid, stream, to_scale

SEED = 5101
YEAR_START = np.datetime64("2025-01-01")
DAYS = 365
ROLLOUT = "2025-07-01"

PARAMS = {
    "base_orders": Param(10500, "orders on an ordinary weekday at the start of the year"),
    "weekend_factor": Param(1.15, "orders multiplier on Saturdays and Sundays"),
    "growth": Param(0.10, "order growth over the year (linear)"),
    "order_noise_sd": Param(0.04, "day-to-day noise of orders (lognormal sigma)"),
    "order_events": Param({"2025-01-28 to 2025-02-04": 0.6, "2025-06-18": 2.5,
                           "2025-11-11": 4.0, "2025-11-12": 1.8, "2025-12-12": 2.0},
                          "order multipliers: Spring Festival week dip and sale days"),
    "contact_rate": Param(0.0047, "tickets per order on an ordinary day"),
    "rate_special_days": Param({"2025-03-18": ("courier network outage", 2.6, "delivery"),
                                "2025-05-06": ("holiday delivery backlog", 1.9, "delivery"),
                                "2025-08-26": ("payment system failure", 2.2, "payment")},
                               "planted special causes for the p-chart: contact-rate "
                               "multiplier; the extra tickets are of the given category"),
    "response_special_days": Param({"2025-04-15": ("ticketing system outage", 4.0),
                                    "2025-09-23": ("chat platform incident", 3.0),
                                    "2025-11-11": ("sale-day system overload", 3.0)},
                                   "planted special causes for the individuals chart: "
                                   "multiplier of every first response that day"),
    "rollout": Param(ROLLOUT, "smart customer service launched (chat answered by a bot "
                              "first)"),
    "channel_mix": Param({"before": (0.50, 0.30, 0.20), "after": (0.58, 0.25, 0.17)},
                         "shares of chat / phone / email before and after the launch"),
    "category_mix": Param(dict(zip(TICKET_CATEGORIES, (0.34, 0.26, 0.18, 0.12, 0.10))),
                          "share of each ticket category on an ordinary day"),
    "first_response": Param({"chat before": (150, 0.6), "chat after": (8, 0.5),
                             "phone": (90, 0.6), "email": (10800, 0.6)},
                            "seconds to first response: lognormal (median, sigma)"),
    "after_launch_factor": Param({"phone": 0.9, "email": 0.9},
                                 "first-response multiplier after the launch (less load on "
                                 "people)"),
    "resolution_hours": Param(dict(zip(TICKET_CATEGORIES, (6.0, 30.0, 0.5, 4.0, 2.0))),
                              "median hours from first response to resolution, by category "
                              "(lognormal, sigma 1.0)"),
    "resolution_channel_factor": Param({"chat": 0.8, "phone": 0.6, "email": 1.3},
                                       "resolution-time multiplier by channel"),
    "bot_resolution_factor": Param({"simple": 0.7, "complex": 1.15},
                                   "chat after the launch: resolution multiplier for simple "
                                   "(product question, account) and complex (delivery, "
                                   "return/refund, payment) tickets"),
    "extra_contacts": Param(dict(zip(TICKET_CATEGORIES, (0.35, 0.60, 0.15, 0.40, 0.30))),
                            "contacts = 1 + Poisson(this)"),
    "bot_contact_factor": Param({"simple": 0.7, "complex": 1.3},
                                "chat after the launch: multiplier of the extra contacts"),
    "csat_model": Param({"base": 4.75, "per_log_resolution": -0.35, "per_extra_contact": -0.35,
                         "per_log_first_response": -0.05, "bot_complex": -0.2, "noise": 0.8},
                        "CSAT latent = base + per_log_resolution x ln(1 + hours/4) + "
                        "per_extra_contact x (contacts - 1) + per_log_first_response x "
                        "ln(1 + minutes/10) + bot_complex (complex chat after launch) + noise"),
    "csat_answer_rate": Param(0.70, "share of customers who answer the CSAT survey"),
    "repurchase_model": Param({"intercept": -0.1, "per_csat_point": 0.5},
                              "logit(repurchase) = intercept + per_csat_point x (CSAT latent "
                              "- 3.8)"),
}

_SIMPLE = {"product question", "account"}


def _v(name):
    return PARAMS[name].value


def _day_index(date: str) -> int:
    return int((np.datetime64(date) - YEAR_START).astype(int))


def _orders(rng) -> np.ndarray:
    day = np.arange(DAYS)
    weekday = (YEAR_START + day.astype("timedelta64[D]")).astype("datetime64[D]").view("int64")
    weekend = ((weekday + 3) % 7) >= 5  # 1970-01-01 was a Thursday
    level = _v("base_orders") * (1 + _v("growth") * day / (DAYS - 1))
    level *= np.where(weekend, _v("weekend_factor"), 1.0)
    for when, factor in _v("order_events").items():
        if " to " in when:
            first, last = when.split(" to ")
            level[_day_index(first):_day_index(last) + 1] *= factor
        else:
            level[_day_index(when)] *= factor
    return np.rint(level * rng.lognormal(0, _v("order_noise_sd"), DAYS)).astype(np.int64)


def generate() -> dict[str, pd.DataFrame]:
    rng = stream(SEED)
    orders = _orders(rng)
    rate = np.full(DAYS, _v("contact_rate"))
    extra_cat = np.full(DAYS, None, dtype=object)
    for when, (_, factor, cat) in _v("rate_special_days").items():
        rate[_day_index(when)] *= factor
        extra_cat[_day_index(when)] = cat
    per_day = rng.binomial(orders, rate)
    n = int(per_day.sum())
    day = np.repeat(np.arange(DAYS), per_day)
    after = day >= _day_index(ROLLOUT)

    channel = np.empty(n, dtype=object)
    for is_after, key in ((False, "before"), (True, "after")):
        channel[after == is_after] = pick(rng, TICKET_CHANNELS, _v("channel_mix")[key],
                                          (after == is_after).sum())
    category = pick(rng, TICKET_CATEGORIES, list(_v("category_mix").values()), n)
    # On a special day the extra tickets (beyond the ordinary rate) are of the day's cause.
    for d in np.flatnonzero(extra_cat != None):  # noqa: E711 (object array)
        rows = np.flatnonzero(day == d)
        share = 1 - _v("contact_rate") / rate[d]
        category[rows[rng.random(len(rows)) < share]] = extra_cat[d]

    # Creation time: busier late morning and evening.
    hour_weight = np.array([1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2.0, 2.8, 3.2, 3.2, 2.6, 2.6,
                            2.8, 2.8, 2.6, 2.4, 2.4, 2.8, 3.4, 3.6, 3.0, 1.8])
    hour = rng.choice(24, size=n, p=hour_weight / hour_weight.sum())
    created_s = day * 86400 + hour * 3600 + rng.integers(0, 3600, n)

    fr = _v("first_response")
    median = np.empty(n)
    sigma = np.empty(n)
    for ch in TICKET_CHANNELS:
        for is_after in (False, True):
            where = (channel == ch) & (after == is_after)
            key = ch if ch != "chat" else ("chat after" if is_after else "chat before")
            factor = _v("after_launch_factor").get(ch, 1.0) if is_after else 1.0
            median[where] = fr[key][0] * factor
            sigma[where] = fr[key][1]
    slow = np.ones(DAYS)
    for when, (_, factor) in _v("response_special_days").items():
        slow[_day_index(when)] = factor
    first_s = np.maximum(np.rint(rng.lognormal(np.log(median), sigma) * slow[day]), 1)

    simple = np.isin(category, list(_SIMPLE))
    bot = after & (channel == "chat")
    res_h = np.array([_v("resolution_hours")[c] for c in category])
    res_h *= np.array([_v("resolution_channel_factor")[c] for c in channel])
    bf = _v("bot_resolution_factor")
    res_h *= np.where(bot, np.where(simple, bf["simple"], bf["complex"]), 1.0)
    resolve_s = np.maximum(np.rint(rng.lognormal(np.log(res_h * 3600), 1.0)), 30)

    lam = np.array([_v("extra_contacts")[c] for c in category])
    cf = _v("bot_contact_factor")
    lam *= np.where(bot, np.where(simple, cf["simple"], cf["complex"]), 1.0)
    contacts = 1 + rng.poisson(lam)

    cm = _v("csat_model")
    hours = resolve_s / 3600
    csat_latent = (cm["base"] + cm["per_log_resolution"] * np.log1p(hours / 4)
                   + cm["per_extra_contact"] * (contacts - 1)
                   + cm["per_log_first_response"] * np.log1p(first_s / 600)
                   + cm["bot_complex"] * (bot & ~simple) + rng.normal(0, cm["noise"], n))
    csat = to_scale(csat_latent, 1, 5).astype(float)
    csat[rng.random(n) >= _v("csat_answer_rate")] = np.nan
    rm = _v("repurchase_model")
    repurchase = rng.random(n) < sigmoid(rm["intercept"] + rm["per_csat_point"]
                                         * (csat_latent - 3.8))

    order = np.lexsort((np.arange(n), created_s))
    start = YEAR_START.astype("datetime64[s]")
    created = start + created_s.astype("timedelta64[s]")
    first = created + first_s.astype(np.int64).astype("timedelta64[s]")
    resolved = first + resolve_s.astype(np.int64).astype("timedelta64[s]")
    tickets = pd.DataFrame({
        "ticket_id": ids("T", n, 6), "channel": channel[order], "category": category[order],
        "created": created[order], "first_response": first[order], "resolved": resolved[order],
        "contacts": contacts[order], "csat": pd.array(csat[order], dtype="Float64").astype("Int64"),
        "repurchase_90d": repurchase[order],
    })
    # The daily table is the tickets summed by day, so the two can be checked against each other.
    # Email is answered in hours against its own standard, so the daily figure covers the live
    # channels (chat and phone), where a slow day shows at once.
    live = channel != "email"
    sums = np.bincount(day[live], weights=first_s[live], minlength=DAYS)
    counts = np.bincount(day[live], minlength=DAYS)
    daily = pd.DataFrame({
        "date": (YEAR_START + np.arange(DAYS).astype("timedelta64[D]")).astype("datetime64[s]"),
        "orders": orders, "complaints": per_day,
        "mean_first_response_min": np.round(sums / np.maximum(counts, 1) / 60, 2),
    })
    return {"ecommerce_tickets": tickets, "ecommerce_daily": daily}
