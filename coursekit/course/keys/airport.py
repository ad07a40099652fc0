"""The airport survey and its touchpoints, loaded once for the keys that need them."""
from functools import lru_cache


@lru_cache(maxsize=1)
def journey():
    from ... import datasets

    return datasets.load("airport_journey")


def touchpoints() -> list:
    from ... import datasets

    return list(datasets.AIRPORT_TOUCHPOINTS.index)
