"""Importance–performance analysis (Martilla & James 1977): the quadrant of each attribute."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import (InputError, column_numbers, parse_scale, raise_bad_values, raise_nothing_left,
                    rating_frame, require_choice, require_complete, require_frame,
                    require_same_labels, require_unique_labels, show_labels, warn_set_aside,
                    warn_small_sample)

#: Martilla & James's four quadrant labels, keyed by (high importance?, high performance?).
QUADRANTS = {
    (True, False): "Concentrate here",
    (True, True): "Keep up the good work",
    (False, False): "Low priority",
    (False, True): "Possible overkill",
}
_CROSSHAIRS = ("data", "scale")


def ipa(importance, performance, *, data=None, attribute=None, crosshairs="data",
        importance_scale=None, performance_scale=None, scale=None, na_values=None,
        n=None) -> pd.DataFrame:
    """Importance–performance analysis: put each attribute in one of four quadrants.

    An attribute is *high* on an axis when its value is at or above that axis's crosshair.
    Quadrants (Martilla & James 1977): high importance and low performance →
    "Concentrate here"; high and high → "Keep up the good work"; low and low →
    "Low priority"; low importance and high performance → "Possible overkill".

    Where the crosshairs go changes the answer, so it is a required decision:

    * ``crosshairs="data"`` (default) — at the mean importance and the mean performance of the
      attributes shown (a relative reading: "above our own average");
    * ``crosshairs="scale"`` — at the midpoints of the rating scales, which you must give as
      ``importance_scale=(low, high)`` and ``performance_scale=(low, high)``; midpoint =
      (low + high) / 2 (an absolute reading: "above the middle of the scale");
    * a pair of numbers ``(importance, performance)`` — crosshairs where you choose, e.g. targets.

    A point exactly on a crosshair (within rounding, 1e-9 relative) counts as **high** on that
    axis, so an attribute at the very centre lands in "Keep up the good work".

    Source: Martilla & James (1977), *Journal of Marketing* 41(1).

    Method: docs/methods.md §4.1, §4.4, §9.1. Used in: lesson 02.

    Parameters
    ----------
    importance, performance : Series, dict, or column name
        Two Series (or dicts) indexed by attribute name — stated importance or derived
        importance (e.g. the ``share`` of :func:`driver_importance`) and mean performance.
        With ``data=`` give column names instead.
    data : DataFrame, optional
        One row per attribute, holding the ``importance`` and ``performance`` columns.
    attribute : str, optional
        With ``data=``: the column of attribute names (default: the table's index).
    crosshairs : "data", "scale", or (float, float)
    importance_scale, performance_scale : (float, float), optional
        Lowest and highest possible values; required for ``crosshairs="scale"``. When given,
        values outside them are an error.
    scale : (float, float), optional
        One scale for both axes (stated importance and performance both rated 1–7, say); an
        axis's own ``importance_scale``/``performance_scale`` takes precedence.
    na_values : number, text or list, optional
        Codes meaning "no value" (e.g. ``[0, 99]``); an attribute holding one is set aside
        with a :class:`coursekit.MissingDataWarning`. Without a scale, values that look like
        such codes (99 among values from 1 to 7) raise a :class:`coursekit.SuspectCodeWarning`.
    n : int, Series, dict or column name, optional
        How many respondents each attribute's values rest on: one number for all, one per
        attribute, or (with ``data=``) a column. Reported as column ``n``; attributes resting
        on fewer than 30 respondents get a :class:`coursekit.SmallSampleWarning`.

    Returns
    -------
    pandas.DataFrame
        Columns ``attribute, importance, performance, quadrant`` (and ``n`` when given),
        attributes in the order given.
        ``attrs`` holds ``importance_crosshair``, ``performance_crosshair``, ``crosshairs``,
        ``importance_scale`` and ``performance_scale``.

    Raises
    ------
    coursekit.InputError
        Attributes missing from one of the two inputs, repeated attribute names, missing or
        non-numeric values (text, dates, infinite), values outside a given scale, an ``n``
        that is not a whole number of at least 1, ``crosshairs="scale"`` without the
        scales, fewer than two attributes for ``crosshairs="data"``.

    Examples
    --------
    Made-up ratings on 1–7 scales. "arrival" (importance 4.2, performance 4.5) is below the
    attributes' means (5.125 and 5.1) but above the scale midpoint 4, so it moves from
    "Low priority" to "Keep up the good work" when the crosshairs move:

    >>> import coursekit as ck
    >>> imp = {"check-in": 6.5, "security": 6.8, "lounge": 3.0, "arrival": 4.2}
    >>> perf = {"check-in": 5.9, "security": 3.9, "lounge": 6.1, "arrival": 4.5}
    >>> ck.mot.ipa(imp, perf)
      attribute  importance  performance               quadrant
    0  check-in         6.5          5.9  Keep up the good work
    1  security         6.8          3.9       Concentrate here
    2    lounge         3.0          6.1      Possible overkill
    3   arrival         4.2          4.5           Low priority
    >>> grid = ck.mot.ipa(imp, perf, crosshairs="scale", importance_scale=(1, 7),
    ...                   performance_scale=(1, 7))
    >>> grid["quadrant"].tolist()
    ['Keep up the good work', 'Concentrate here', 'Possible overkill', 'Keep up the good work']
    >>> ck.mot.ipa(imp, perf, crosshairs="scale")
    Traceback (most recent call last):
    ...
    coursekit.InputError: crosshairs="scale" puts the crosshairs at the scale midpoints, so it needs importance_scale=(low, high) and performance_scale=(low, high), e.g. importance_scale=(1, 7).
    """
    scale = parse_scale(scale, "scale")
    imp_scale = parse_scale(importance_scale, "importance_scale") or scale
    perf_scale = parse_scale(performance_scale, "performance_scale") or scale
    table = _ipa_inputs(importance, performance, data, attribute)
    counts = None if n is None else _respondents(n, data, table.index)
    names = {"importance": importance, "performance": performance} if data is not None else {}
    table = _ipa_numbers(table, imp_scale, perf_scale, na_values, names)
    if counts is not None:
        counts = counts.loc[table.index]
        small = counts < 30
        if small.any():
            warn_small_sample(int(counts.min()), "respondents",
                              where=f" for {show_labels(counts.index[small.to_numpy()])}")
        table["n"] = counts.to_numpy()
    table = table.reset_index()

    if isinstance(crosshairs, str):
        require_choice(crosshairs, "crosshairs", _CROSSHAIRS + ("(importance, performance)",))
        mode = crosshairs
        if mode == "scale":
            if imp_scale is None or perf_scale is None:
                raise InputError(
                    'crosshairs="scale" puts the crosshairs at the scale midpoints, so it needs '
                    "importance_scale=(low, high) and performance_scale=(low, high), "
                    "e.g. importance_scale=(1, 7)."
                )
            centre = (sum(imp_scale) / 2, sum(perf_scale) / 2)
        else:
            if len(table) < 2:
                raise InputError(
                    'crosshairs="data" puts the crosshairs at the mean of the attributes, which '
                    "needs at least two attributes. Give more attributes or use crosshairs=\"scale\"."
                )
            centre = (float(table["importance"].mean()), float(table["performance"].mean()))
    else:
        centre = parse_scale(crosshairs, "crosshairs", ordered=False)
        mode = "custom"

    high_imp = _at_or_above(table["importance"], centre[0])
    high_perf = _at_or_above(table["performance"], centre[1])
    table["quadrant"] = [QUADRANTS[(hi, hp)] for hi, hp in zip(high_imp, high_perf)]
    table.attrs.update(importance_crosshair=centre[0], performance_crosshair=centre[1],
                       crosshairs=mode, importance_scale=imp_scale, performance_scale=perf_scale)
    return table


def _at_or_above(values: pd.Series, centre: float) -> np.ndarray:
    # A value equal to the mean can miss it by one rounding step (0.1 + 0.2 + 0.3 ...).
    return (values.to_numpy() >= centre - 1e-9 * max(1.0, abs(centre)))


def _ipa_inputs(importance, performance, data, attribute) -> pd.DataFrame:
    if data is not None:
        data = require_frame(data, what="attribute table")
        for role, name in (("importance", importance), ("performance", performance)):
            if not isinstance(name, str) or name not in data.columns:
                raise InputError(
                    f"With data=..., {role}= should name a column of the table; {name!r} is not "
                    f"one. Columns found: {', '.join(repr(c) for c in data.columns)}."
                )
        labels = data.index if attribute is None else data[_column(data, attribute)]
        imp = pd.Series(data[importance].to_numpy(), index=pd.Index(labels), name=importance)
        perf = pd.Series(data[performance].to_numpy(), index=pd.Index(labels), name=performance)
    else:
        imp, perf = _as_series(importance, "importance"), _as_series(performance, "performance")
    for role, series in (("importance", imp), ("performance", perf)):
        require_unique_labels(series.index, f"the {role} values", noun="attribute names")
    require_same_labels(imp.index, perf.index, "the importance values", "the performance values",
                        noun="attributes (check the spelling of the names)")
    frame = pd.DataFrame({"importance": imp, "performance": perf.reindex(imp.index)})
    frame.index.name = "attribute"
    return frame


def _ipa_numbers(frame, imp_scale, perf_scale, na_values, names) -> pd.DataFrame:
    """The two columns as numbers: blanks refused, not-applicable codes set aside. *names*
    are the columns as the caller knows them (their own column names with ``data=``)."""
    roles = ("importance", "performance")
    shown = [names.get(r, r) for r in roles]
    if len(set(shown)) < 2:
        shown = list(roles)
    frame = frame.set_axis(shown, axis=1)
    scales = {c: s for c, s in zip(shown, (imp_scale, perf_scale)) if s}
    if isinstance(na_values, dict):  # keyed by role or by the caller's column name
        na_values = {names.get(k, k) if k in roles else k: v for k, v in na_values.items()}
    blank = frame.isna()
    numbers = rating_frame(frame, shown, scale=scales or None, na_values=na_values,
                           what="attribute table", stacklevel=5)
    for col, role in zip(shown, roles):
        require_complete(frame[col], col, what=f"an {role} value" if role == "importance"
                         else "a performance value")
    coded = (numbers.isna() & ~blank).any(axis=1).to_numpy()
    if coded.any():
        if coded.all():
            raise_nothing_left(len(frame), "attributes", "not-applicable codes (na_values=)")
        warn_set_aside(frame.index[coded], len(frame), "attributes",
                       "a not-applicable code (na_values=)", stacklevel=4)
        numbers = numbers.loc[~coded]
    numbers = numbers.set_axis(list(roles), axis=1)
    numbers.index.name = "attribute"
    return numbers


def _respondents(n, data, index) -> pd.Series:
    """How many respondents each attribute rests on, as whole numbers of at least 1."""
    if isinstance(n, str) and data is not None:
        values = pd.Series(data[_column(data, n)].to_numpy(), index=index, name=n)
    elif isinstance(n, (pd.Series, dict)):
        values = pd.Series(n) if isinstance(n, dict) else n
        absent = [a for a in index if a not in values.index]  # in the attributes' order
        if absent:
            raise InputError(f"n= has no count for the attributes {show_labels(absent)}. Allowed: "
                             "one number for all attributes, or one per attribute.")
        values = values.loc[index]
    elif np.ndim(n) == 0 and not isinstance(n, str):
        values = pd.Series([n] * len(index), index=index, dtype=object)
    else:
        raise InputError(f"n={n!r} is not a number of respondents. Allowed: one whole number, "
                         "a Series or dict with one per attribute, or with data= a column name.")
    numbers = pd.Series(column_numbers(values, "n"), index=index)
    bad = numbers.isna() | (numbers < 1) | (numbers != np.floor(numbers))
    if bad.any():
        raise_bad_values("n", values, bad, "whole numbers of at least 1 (respondents per "
                         "attribute)", problem="entries that are not numbers of respondents")
    return numbers.astype(np.int64)


def _column(data, name):
    if not isinstance(name, (str, int)) or name not in data.columns:
        raise InputError(f"The attribute table has no column {name!r} for attribute=.")
    return name


def _as_series(values, role) -> pd.Series:
    if isinstance(values, pd.DataFrame):
        if values.shape[1] != 1:
            raise InputError(
                f"{role}= should be one column of values indexed by attribute (a Series or a "
                f"dict), but got a table with {values.shape[1]} columns. Pick one column, or pass "
                "the table as data= and column names as importance= and performance=."
            )
        values = values.iloc[:, 0]
    if isinstance(values, dict):
        values = pd.Series(values)
    if not isinstance(values, pd.Series):
        raise InputError(
            f"{role}= should be a pandas Series or a dict mapping attribute names to values, "
            f"but got a {type(values).__name__}."
        )
    if len(values) == 0:
        raise InputError(f"The {role} values are empty: give at least one attribute.")
    return values
