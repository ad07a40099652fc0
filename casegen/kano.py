"""The KANO surveys: answers drawn from each feature's planted mix of categories.

Each respondent belongs to a segment (hotel: business or leisure guests; shop: new or loyal
customers), dealt out in fixed shares. For every respondent and feature, a category is drawn
from the feature's planted mix (A, O, M, I, R) — for the few features the segments disagree
on, from the segment's own mix, chosen so that the two segments together give the feature's
planted overall mix. The pair of answers is then drawn from the pairs that mean that category
(for example must-be: functional must-be/neutral/live-with, dysfunctional dislike). A careless
share of pairs is drawn at random from all 25, which is where most questionable (Q) pairs come
from. Stated importance follows the respondent's category: high for must-be and
one-dimensional, middling for attractive, low for indifferent and reverse.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from coursekit.datasets.tables import HOTEL_FEATURES as HOTEL_NAMES
from coursekit.datasets.tables import KANO_SEGMENTS
from coursekit.datasets.tables import SHOP_FEATURES as SHOP_NAMES
from coursekit.kano import ANSWERS

from .model import Param, ids, stream, to_scale

CATS = ("A", "O", "M", "I", "R")

#: feature -> (planted mix of A, O, M, I, R; what the card says about it).
HOTEL_FEATURES = {
    "free Wi-Fi": ((0.05, 0.20, 0.60, 0.13, 0.02), "clear must-be"),
    "spotless bathroom": ((0.04, 0.26, 0.58, 0.10, 0.02), "clear must-be"),
    "fast check-in": ((0.12, 0.55, 0.18, 0.13, 0.02), "clear one-dimensional"),
    "quiet room": ((0.15, 0.50, 0.22, 0.11, 0.02), "clear one-dimensional"),
    "breakfast included": ((0.34, 0.36, 0.10, 0.18, 0.02), "contested: one-dimensional or "
                                                           "attractive"),
    "late check-out": ((0.58, 0.15, 0.05, 0.20, 0.02), "clear attractive"),
    "welcome drink": ((0.55, 0.07, 0.03, 0.33, 0.02), "clear attractive"),
    "phone-to-TV casting": ((0.42, 0.05, 0.03, 0.42, 0.08), "contested: attractive or "
                                                             "indifferent"),
    "pillow menu": ((0.41, 0.05, 0.03, 0.41, 0.10), "contested: attractive or indifferent"),
    "gym": ((0.12, 0.08, 0.05, 0.72, 0.03), "clear indifferent"),
    "turndown service": ((0.15, 0.05, 0.04, 0.70, 0.06), "clear indifferent"),
    "room-service robot": ((0.18, 0.03, 0.02, 0.52, 0.25), "indifferent, with many reverse "
                                                           "answers"),
}
SHOP_FEATURES = {
    "real-time order tracking": ((0.06, 0.24, 0.58, 0.10, 0.02), "clear must-be"),
    "secure payment": ((0.03, 0.20, 0.67, 0.08, 0.02), "clear must-be"),
    "free returns": ((0.18, 0.56, 0.14, 0.10, 0.02), "clear one-dimensional"),
    "human agent on request": ((0.15, 0.52, 0.20, 0.11, 0.02), "clear one-dimensional"),
    "delivery within 24 hours": ((0.38, 0.38, 0.08, 0.14, 0.02), "contested: attractive or "
                                                                 "one-dimensional"),
    "price-protection refund": ((0.57, 0.15, 0.04, 0.22, 0.02), "clear attractive"),
    "one-click reorder": ((0.55, 0.10, 0.03, 0.30, 0.02), "clear attractive"),
    "AR try-on": ((0.42, 0.04, 0.02, 0.42, 0.10), "contested: attractive or indifferent"),
    "live-stream shopping": ((0.12, 0.03, 0.02, 0.68, 0.15), "clear indifferent"),
    "personalised recommendations": ((0.20, 0.06, 0.02, 0.58, 0.14), "clear indifferent"),
    "chatbot as first contact": ((0.10, 0.05, 0.03, 0.41, 0.41), "contested: indifferent or "
                                                                 "reverse"),
    "marketing push notifications": ((0.04, 0.02, 0.02, 0.30, 0.62), "clear reverse"),
}

#: The same features two years earlier (2023): the planted migrations of Kano (2001)'s life
#: cycle (indifferent -> attractive -> one-dimensional -> must-be) lead to the 2025 mixes above.
SHOP_FEATURES_2023 = {
    "real-time order tracking": ((0.18, 0.50, 0.20, 0.10, 0.02), "clear one-dimensional"),
    "secure payment": ((0.04, 0.24, 0.62, 0.08, 0.02), "clear must-be"),
    "free returns": ((0.52, 0.28, 0.06, 0.12, 0.02), "clear attractive"),
    "human agent on request": ((0.14, 0.52, 0.21, 0.11, 0.02), "clear one-dimensional"),
    "delivery within 24 hours": ((0.58, 0.16, 0.04, 0.20, 0.02), "clear attractive"),
    "price-protection refund": ((0.30, 0.08, 0.02, 0.58, 0.02), "clear indifferent"),
    "one-click reorder": ((0.53, 0.10, 0.03, 0.32, 0.02), "clear attractive"),
    "AR try-on": ((0.20, 0.03, 0.02, 0.65, 0.10), "clear indifferent"),
    "live-stream shopping": ((0.12, 0.03, 0.02, 0.70, 0.13), "clear indifferent"),
    "personalised recommendations": ((0.22, 0.06, 0.02, 0.58, 0.12), "clear indifferent"),
    "chatbot as first contact": ((0.12, 0.05, 0.03, 0.58, 0.22), "clear indifferent"),
    "marketing push notifications": ((0.05, 0.02, 0.02, 0.33, 0.58), "clear reverse"),
}
#: What moved between the waves (feature -> the card's words); every other feature kept its
#: category.
MIGRATIONS = {
    "real-time order tracking": "one-dimensional in 2023, must-be in 2025",
    "free returns": "attractive in 2023, one-dimensional in 2025",
    "delivery within 24 hours": "attractive in 2023; in 2025 contested: still attractive for "
                                "new customers, one-dimensional for loyal ones",
    "price-protection refund": "indifferent in 2023, attractive in 2025",
    "AR try-on": "indifferent in 2023; in 2025 contested: attractive for new customers",
    "chatbot as first contact": "indifferent in 2023; in 2025, after the smart customer-service "
                                "launch, contested: loyal customers now answer reverse",
}

# The models must cover exactly the features the table layouts promise, in the same order.
assert tuple(HOTEL_FEATURES) == HOTEL_NAMES and tuple(SHOP_FEATURES) == SHOP_NAMES
assert tuple(SHOP_FEATURES_2023) == SHOP_NAMES

#: Features the segments disagree on: feature -> (segment, that segment's planted mix). The
#: other segment gets the mix that makes the two together the feature's planted overall mix.
SEGMENT_MIXES = {
    "hotel_kano": {"breakfast included": ("business", (0.19, 0.48, 0.15, 0.16, 0.02)),
                   "phone-to-TV casting": ("business", (0.60, 0.06, 0.03, 0.23, 0.08))},
    "ecommerce_kano": {"delivery within 24 hours": ("new", (0.55, 0.22, 0.05, 0.16, 0.02)),
                       "AR try-on": ("new", (0.62, 0.05, 0.02, 0.21, 0.10)),
                       "chatbot as first contact": ("new", (0.10, 0.05, 0.03, 0.57, 0.25))},
    "ecommerce_kano_2023": {},
}

PARAMS = {
    "respondents": Param({"hotel_kano": 400, "ecommerce_kano": 420, "ecommerce_kano_2023": 400},
                         "people surveyed"),
    "segment_share": Param({"business": 0.45, "leisure": 0.55, "new": 0.40, "loyal": 0.60},
                           "share of respondents in each segment (hotel: business / leisure "
                           "guests; shop: new / loyal customers, in both waves)"),
    "careless_share": Param(0.05, "share of answer pairs drawn at random from all 25 pairs"),
    "contradictory_share": Param(0.015, "share of pairs answered like/like or dislike/dislike "
                                        "(questionable)"),
    "importance_mean": Param({"A": 4.8, "O": 6.0, "M": 6.2, "I": 3.6, "R": 2.8},
                             "latent mean of stated importance, by the respondent's category"),
    "importance_noise_sd": Param(1.0, "noise of stated importance"),
}
SEEDS = {"hotel_kano": 3101, "ecommerce_kano": 3201, "ecommerce_kano_2023": 3301}
_CASE = {"hotel_kano": "hotel", "ecommerce_kano": "ecommerce", "ecommerce_kano_2023": "ecommerce"}
_PREFIX = {"hotel_kano": "K", "ecommerce_kano": "S", "ecommerce_kano_2023": "S23-"}

# Answer codes (0-based: like, must-be, neutral, live-with, dislike) that express each category.
_MIDDLE = ((1, 0.30), (2, 0.50), (3, 0.20))
_PAIRS = {
    "A": [((0, d), p) for d, p in _MIDDLE],
    "O": [((0, 4), 1.0)],
    "M": [((f, 4), p) for f, p in _MIDDLE],
    "I": [((f, d), pf * pd_) for f, pf in _MIDDLE for d, pd_ in _MIDDLE],
    "R": [((4, d), p * 0.7) for d, p in ((0, 0.4), (1, 0.1), (2, 0.3), (3, 0.2))]
         + [((f, 0), p * 0.3) for f, p in _MIDDLE],
}


def _v(name):
    return PARAMS[name].value


def _deal(rng, mix, n) -> np.ndarray:
    """*n* category codes in the proportions *mix* (largest remainder), in random order."""
    mix = np.asarray(mix) / sum(mix)
    counts = np.floor(mix * n).astype(np.int64)
    short = n - counts.sum()
    counts[np.argsort(-(mix * n - counts), kind="stable")[:short]] += 1
    return rng.permutation(np.repeat(np.arange(len(mix)), counts))


def segment_mixes(name: str, features: dict) -> dict[str, dict[str, tuple]]:
    """feature -> {segment: planted mix} for the features the segments disagree on."""
    segments = KANO_SEGMENTS[_CASE[name]]
    share = _v("segment_share")
    out = {}
    for feature, (segment, mix) in SEGMENT_MIXES[name].items():
        (other,) = [s for s in segments if s != segment]
        overall = np.asarray(features[feature][0])
        rest = (overall - share[segment] * np.asarray(mix)) / share[other]
        if rest.min() < -1e-9 or abs(sum(mix) - 1) > 1e-9:
            raise ValueError(f"{feature}: the segment mixes cannot make the overall mix")
        out[feature] = {segment: tuple(mix), other: tuple(np.round(np.clip(rest, 0, 1), 6))}
    return out


def _survey(name: str, features: dict) -> pd.DataFrame:
    rng = stream(SEEDS[name])
    n = _v("respondents")[name]
    names = list(features)
    k = len(names)
    segments = KANO_SEGMENTS[_CASE[name]]
    segment = _deal(rng, [_v("segment_share")[s] for s in segments], n)
    split = segment_mixes(name, features)
    # Each feature's categories are dealt out in the planted proportions within each segment
    # (largest remainder), then shuffled across the segment's respondents, so the mix is exact
    # before the careless answers.
    cat = np.empty((n, k), dtype=np.int64)
    for j, f in enumerate(names):
        for s, label in enumerate(segments):
            where = segment == s
            mix = split[f][label] if f in split else features[f][0]
            cat[where, j] = _deal(rng, mix, int(where.sum()))
    func = np.empty((n, k), dtype=np.int64)
    dysf = np.empty((n, k), dtype=np.int64)
    for c, label in enumerate(CATS):
        where = cat == c
        pairs, probs = zip(*_PAIRS[label])
        probs = np.asarray(probs) / sum(probs)
        chosen = rng.choice(len(pairs), size=where.sum(), p=probs)
        func[where] = [pairs[j][0] for j in chosen]
        dysf[where] = [pairs[j][1] for j in chosen]
    contradictory = rng.random((n, k)) < _v("contradictory_share")
    both = rng.choice([0, 4], size=contradictory.sum())
    func[contradictory] = both
    dysf[contradictory] = both
    careless = rng.random((n, k)) < _v("careless_share")
    func[careless] = rng.integers(0, 5, careless.sum())
    dysf[careless] = rng.integers(0, 5, careless.sum())
    means = np.array([_v("importance_mean")[c] for c in CATS])
    importance = to_scale(means[cat] + rng.normal(0, _v("importance_noise_sd"), (n, k)), 1, 7)

    words = np.asarray(ANSWERS, dtype=object)
    respondent = np.repeat(ids(_PREFIX[name], n, 4), k)
    # Each respondent saw the features in a shuffled order; the file lists them as asked.
    order = np.argsort(rng.random((n, k)), axis=1)
    rows = np.arange(n)[:, None]
    return pd.DataFrame({
        "respondent_id": respondent,
        "segment": np.asarray(segments, dtype=object)[np.repeat(segment, k)],
        "attribute": np.asarray(names, dtype=object)[order].ravel(),
        "functional": words[func[rows, order]].ravel(),
        "dysfunctional": words[dysf[rows, order]].ravel(),
        "importance": importance[rows, order].ravel(),
    })


def generate_hotel() -> dict[str, pd.DataFrame]:
    return {"hotel_kano": _survey("hotel_kano", HOTEL_FEATURES)}


def generate_shop() -> dict[str, pd.DataFrame]:
    return {"ecommerce_kano": _survey("ecommerce_kano", SHOP_FEATURES)}


def generate_shop_2023() -> dict[str, pd.DataFrame]:
    return {"ecommerce_kano_2023": _survey("ecommerce_kano_2023", SHOP_FEATURES_2023)}
