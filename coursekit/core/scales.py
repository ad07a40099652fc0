"""Rating scales: the one parser of ``scale=(low, high)`` arguments, and the check that answers
lie on the scale."""
from __future__ import annotations

from .errors import InputError
from .messages import raise_bad_values, refuse_unknown_columns


def parse_scale(value, name: str = "scale", *, ordered: bool = True):
    """Return *value* as a ``(low, high)`` pair of floats; ``None`` passes through.

    With ``ordered=False`` any two numbers are accepted (a pair of crosshair positions, say);
    otherwise the lowest answer must come first.

    >>> parse_scale((1, 7))
    (1.0, 7.0)
    >>> parse_scale(None) is None
    True
    >>> parse_scale((7, 1))
    Traceback (most recent call last):
    ...
    coursekit.InputError: scale=(7, 1) is not a scale: the lowest answer must come first and be below the highest. Allowed: a pair (lowest, highest) such as scale=(1, 7), or None.
    >>> parse_scale("1-7")
    Traceback (most recent call last):
    ...
    coursekit.InputError: scale='1-7' is not a pair of numbers. Allowed: a pair (lowest, highest) such as scale=(1, 7), or None.
    """
    if value is None:
        return None
    allowed = f"Allowed: a pair (lowest, highest) such as {name}=(1, 7), or None."
    if isinstance(value, (str, bytes)):
        raise InputError(f"{name}={value!r} is not a pair of numbers. {allowed}")
    try:
        lo, hi = (float(v) for v in value)
    except (TypeError, ValueError):
        raise InputError(f"{name}={value!r} is not a pair of numbers. {allowed}") from None
    if lo != lo or hi != hi or abs(lo) == float("inf") or abs(hi) == float("inf"):
        raise InputError(f"{name}={value!r} holds a missing or infinite number. {allowed}")
    if ordered and not lo < hi:
        raise InputError(f"{name}={value!r} is not a scale: the lowest answer must come first and "
                         f"be below the highest. {allowed}")
    return (lo, hi)


def require_scale(values, column: str, lo: float, hi: float) -> None:
    """Raise InputError if any non-missing value of *values* lies outside [lo, hi].

    >>> import pandas as pd
    >>> require_scale(pd.Series([1, 8]), "q01", 1, 7)
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'q01' has answers outside the scale in 1 row: row 1: 8. Allowed: numbers from 1 to 7 (the declared scale).
    """
    mask = values.notna() & ((values < lo) | (values > hi))
    if mask.any():
        raise_bad_values(column, values, mask, f"numbers from {lo:g} to {hi:g} (the declared scale)",
                         problem="answers outside the scale")


def parse_scales(scale, columns, name: str = "scale") -> dict:
    """``{column: (low, high)}`` from ``scale=``: one pair for every column, or a mapping
    ``{column: (low, high)}`` for columns on different scales (ratings 1–7, recommend 0–10).

    >>> parse_scales((1, 7), ["q1", "q2"])
    {'q1': (1.0, 7.0), 'q2': (1.0, 7.0)}
    >>> parse_scales({"recommend": (0, 10)}, ["q1", "recommend"])
    {'recommend': (0.0, 10.0)}
    """
    from collections.abc import Mapping

    if scale is None:
        return {}
    columns = list(columns)
    if isinstance(scale, Mapping):
        refuse_unknown_columns(scale, columns, name)
        return {c: parse_scale(pair, f"{name}[{c!r}]") for c, pair in scale.items()
                if pair is not None}
    pair = parse_scale(scale, name)
    return {c: pair for c in columns}
