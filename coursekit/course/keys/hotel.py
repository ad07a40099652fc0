"""The hotel chain's and the online shop's tables, loaded once for the keys that need them, and
the plain numpy arithmetic the keys compute their expected values with (an independent route
from the coursekit.servqual functions the lessons call)."""
from functools import lru_cache

import numpy as np

# The course's item-to-dimension split (docs/methods.md §2.1), written out again on purpose.
SPANS = {"Tangibles": (1, 4), "Reliability": (5, 9), "Responsiveness": (10, 13),
         "Assurance": (14, 17), "Empathy": (18, 22)}
ITEMS = [f"q{i:02d}" for i in range(1, 23)]


def items_of(dimension) -> list:
    low, high = SPANS[dimension]
    return [f"q{i:02d}" for i in range(low, high + 1)]


@lru_cache(maxsize=None)
def table(name):
    from ... import datasets

    return datasets.load(name)


def answers(name, hotel, prefix, dimension=None):
    """A hotel's answers as a float array: rows = respondents, columns = the items."""
    data = table(name)
    data = data[data["property"] == hotel]
    columns = ITEMS if dimension is None else items_of(dimension)
    return data[[f"{prefix}{q}" for q in columns]].to_numpy(dtype=float)


def dimension_gap(hotel, dimension):
    """Per guest: mean of the dimension's perceptions minus mean of its expectations."""
    return (answers("hotel_servqual", hotel, "P_", dimension).mean(axis=1)
            - answers("hotel_servqual", hotel, "E_", dimension).mean(axis=1))


def alpha(values) -> float:
    k = values.shape[1]
    return k / (k - 1) * (1 - values.var(axis=0, ddof=1).sum() / values.sum(axis=1).var(ddof=1))
