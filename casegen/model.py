"""Small pieces every case model shares: named parameters, random streams, scale rounding."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Param:
    """One model parameter, as the data card lists it."""

    value: object
    meaning: str


def stream(seed: int) -> np.random.Generator:
    """The random stream of one case model. Each model has its own fixed seed, so changing
    one model never shifts the numbers of another."""
    return np.random.default_rng(seed)


def to_scale(latent, lo: int, hi: int) -> np.ndarray:
    """Round a continuous latent score to the answer scale lo..hi (round half to even, then clip)."""
    return np.clip(np.rint(latent), lo, hi).astype(np.int64)


def lognormal_minutes(rng, median, sigma, size, cap=None) -> np.ndarray:
    """Heavy-tailed waiting times: lognormal with the given median, in whole minutes."""
    draws = rng.lognormal(np.log(median), sigma, size)
    if cap is not None:
        draws = np.minimum(draws, cap)
    return np.rint(draws).astype(np.int64)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def pick(rng, levels, probs, size) -> np.ndarray:
    """Draw labels with the given probabilities (as an object array of the labels)."""
    probs = np.asarray(probs, dtype=float)
    idx = rng.choice(len(levels), size=size, p=probs / probs.sum())
    return np.asarray(levels, dtype=object)[idx]


def ids(prefix: str, n: int, width: int) -> list[str]:
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def card_rows(params: dict[str, Param]) -> list[tuple[str, str, str]]:
    """Rows (name, value, meaning) for a card's parameter table."""
    rows = []
    for name, p in params.items():
        value = p.value
        if isinstance(value, dict):
            text = ", ".join(f"{k}: {_fmt(v)}" for k, v in value.items())
        elif isinstance(value, (tuple, list)):
            text = ", ".join(_fmt(v) for v in value)
        else:
            text = _fmt(value)
        rows.append((name, text, p.meaning))
    return rows


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_fmt(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_fmt(v) for v in value) + ")"
    return str(value)
