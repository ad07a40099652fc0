"""Is a gap difference between two groups of respondents real? A bootstrap or a t interval."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, require_choice
from .items import SCALE
from .scores import dimension_gaps


def _two_groups(expectations, perceptions, by, groups, dimensions, scale, na_values=None):
    """Per-respondent dimension gaps of the two groups compared: {label: DataFrame}."""
    table = dimension_gaps(expectations, perceptions, per_respondent=True, by=by,
                           dimensions=dimensions, scale=scale, na_values=na_values)
    column = table.columns[0]
    found = list(pd.unique(table[column]))
    if groups is None:
        if len(found) != 2:
            shown = ", ".join(repr(str(g)) for g in found)
            raise InputError(f"The comparison needs exactly two groups, but the column {str(column)!r} "
                             f"has {len(found)}: {shown}. Pass groups=(first, second) to choose two.")
        groups = found
    groups = list(groups)
    if len(groups) != 2 or groups[0] == groups[1]:
        raise InputError(f"groups= should name two different groups, such as ('Downtown', "
                         f"'Lakeside'); got {groups!r}.")
    absent = [g for g in groups if g not in found]
    if absent:
        shown = ", ".join(repr(str(g)) for g in found)
        raise InputError(f"The column {str(column)!r} has no group {', '.join(repr(str(g)) for g in absent)}. "
                         f"Allowed: {shown}.")
    parts = {g: table.loc[table[column] == g].drop(columns=column) for g in groups}
    small = [g for g, part in parts.items() if len(part) < 2]
    if small:
        raise InputError(f"Each group needs at least two respondents with complete answers; "
                         f"{', '.join(repr(str(g)) for g in small)} has fewer.")
    return parts


def bootstrap_gaps(expectations, perceptions=None, *, by, groups=None, repetitions=5000, seed=None,
                   dimensions=None, scale=SCALE, na_values=None) -> pd.DataFrame:
    """Bootstrap the difference in each dimension's mean gap between two groups of respondents.

    One repetition: draw, with replacement, as many respondents from each group as it has,
    and compute each dimension's mean gap P - E in the two resamples; record first group minus
    second group. Repeated ``repetitions`` times, the spread of these differences shows how much
    the difference could change had other guests of the same hotels answered.

    Method: docs/methods.md §2.9. Used in: lesson 03.

    Parameters
    ----------
    expectations, perceptions : DataFrame
        As for :func:`coursekit.servqual.dimension_gaps` (or the survey table alone).
    by : str or Series
        The groups (a survey column such as ``"property"``, or labels per respondent).
    groups : (label, label), optional
        Which two groups, in which order (first minus second); default the two there are.
    repetitions : int
        How many resamples (default 5,000).
    seed : int, optional
        Seed of the random draws; give one to get the same result on every run.
    dimensions : mapping, optional
        ``{dimension: [item columns]}``; default the five RATER dimensions.
    scale : (low, high) or None
        The answer scale (default 1-7).
    na_values : list, optional
        Not-applicable codes (e.g. ``[0, 99]``), read as missing answers.

    Returns
    -------
    DataFrame
        One row per repetition, one column per dimension: the bootstrapped differences.
        ``attrs``: ``groups`` (the two labels, in order) and ``observed`` (the differences in
        the data themselves, a dict).

    Raises
    ------
    InputError
        For the table problems :func:`dimension_gaps` reports, a *by* with other than two
        groups (without *groups*), an unknown group, or fewer than 10 repetitions.

    Examples
    --------
    >>> from coursekit.servqual import ITEM_IDS
    >>> E = pd.DataFrame({q: [7, 6, 7, 6, 6, 7] for q in ITEM_IDS})
    >>> P = pd.DataFrame({q: [5, 6, 4, 6, 5, 7] for q in ITEM_IDS})
    >>> hotel = pd.Series(["A", "A", "A", "B", "B", "B"], name="hotel")
    >>> draws = bootstrap_gaps(E, P, by=hotel, repetitions=1000, seed=1)
    >>> draws.shape, draws.attrs["groups"], round(draws.attrs["observed"]["Tangibles"], 3)
    ((1000, 5), ['A', 'B'], -1.333)
    """
    if int(repetitions) != repetitions or repetitions < 10:
        raise InputError(f"repetitions={repetitions!r} is too few: use a whole number of at least 10 "
                         f"(thousands give a steadier interval).")
    parts = _two_groups(expectations, perceptions, by, groups, dimensions, scale, na_values)
    (first, a), (second, b) = parts.items()
    rng = np.random.default_rng(seed)
    values_a, values_b = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
    draws = np.empty((int(repetitions), values_a.shape[1]))
    for i in range(int(repetitions)):
        # Resample each hotel's own guests, keeping its size: the two samples stay separate.
        pick_a = rng.integers(0, len(values_a), len(values_a))
        pick_b = rng.integers(0, len(values_b), len(values_b))
        draws[i] = values_a[pick_a].mean(axis=0) - values_b[pick_b].mean(axis=0)
    out = pd.DataFrame(draws, columns=list(a.columns))
    out.index.name = "repetition"
    out.attrs.update(groups=[first, second], observed=(a.mean() - b.mean()).to_dict())
    return out


def compare_gaps(expectations, perceptions=None, *, by, groups=None, method="bootstrap",
                 confidence=0.95, repetitions=5000, seed=None, dimensions=None,
                 scale=SCALE, na_values=None) -> pd.DataFrame:
    """Compare two groups' dimension gaps, with an interval for each difference.

    The difference is first group's mean gap minus second group's (gap = P - E, averaged per
    respondent over the dimension's items, then over respondents). Its interval is

    * ``method="bootstrap"``: the middle ``confidence`` share of the bootstrapped differences
      (:func:`bootstrap_gaps`), from the ``(1 - confidence) / 2`` to the
      ``(1 + confidence) / 2`` quantile (a percentile interval);
    * ``method="t"``: Welch's t interval, difference ± t · √(s₁²/n₁ + s₂²/n₂), with t the
      ``(1 + confidence) / 2`` quantile of the t distribution on the Welch–Satterthwaite degrees
      of freedom.

    A difference whose interval leaves out 0 is one the data can tell apart from none at all.

    Method: docs/methods.md §2.9. Used in: lesson 03.

    Parameters
    ----------
    expectations, perceptions, by, groups, dimensions, scale, na_values
        As for :func:`bootstrap_gaps`.
    method : {"bootstrap", "t"}
    confidence : float
        Between 0 and 1 (default 0.95).
    repetitions, seed
        For the bootstrap (ignored by the t interval).

    Returns
    -------
    DataFrame
        One row per dimension: ``dimension``, the first and second group's mean gap (columns
        named after the groups), ``difference``, ``ci_low``, ``ci_high`` and ``zero_inside``
        (True when the interval includes 0). ``attrs``: ``method``, ``confidence``, ``groups``.

    Raises
    ------
    InputError
        As for :func:`bootstrap_gaps`, an unknown *method* or a *confidence* outside (0, 1).

    Examples
    --------
    >>> from coursekit.servqual import ITEM_IDS
    >>> E = pd.DataFrame({q: [7, 6, 7, 6, 6, 7] for q in ITEM_IDS})
    >>> P = pd.DataFrame({q: [5, 6, 4, 6, 5, 7] for q in ITEM_IDS})
    >>> hotel = pd.Series(["A", "A", "A", "B", "B", "B"], name="hotel")
    >>> compare_gaps(E, P, by=hotel, method="t").round(3).head(2)
         dimension      A      B  difference  ci_low  ci_high  zero_inside
    0    Tangibles -1.667 -0.333      -1.333  -4.648    1.981         True
    1  Reliability -1.667 -0.333      -1.333  -4.648    1.981         True
    >>> compare_gaps(E, P, by=hotel, method="z")
    Traceback (most recent call last):
    ...
    coursekit.InputError: method='z' is not an option. Allowed: 'bootstrap', 't'.
    """
    require_choice(method, "method", ("bootstrap", "t"))
    if not 0 < confidence < 1:
        raise InputError(f"confidence={confidence!r} is not a confidence level. Allowed: a number "
                         f"between 0 and 1, such as 0.95.")
    parts = _two_groups(expectations, perceptions, by, groups, dimensions, scale, na_values)
    (first, a), (second, b) = parts.items()
    difference = a.mean() - b.mean()
    if method == "bootstrap":
        draws = bootstrap_gaps(expectations, perceptions, by=by, groups=[first, second],
                               repetitions=repetitions, seed=seed, dimensions=dimensions, scale=scale,
                               na_values=na_values)
        low = draws.quantile((1 - confidence) / 2)
        high = draws.quantile((1 + confidence) / 2)
    else:
        from scipy.stats import t as t_dist

        va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
        se = np.sqrt(va + vb)
        with np.errstate(invalid="ignore", divide="ignore"):
            df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
        # No spread in either group: the difference is exact, the interval a single point.
        half = (t_dist.ppf((1 + confidence) / 2, df.where(se > 0, 1.0)) * se).where(se > 0, 0.0)
        low, high = difference - half, difference + half
    out = pd.DataFrame({"dimension": list(a.columns), str(first): a.mean().to_numpy(),
                        str(second): b.mean().to_numpy(), "difference": difference.to_numpy(),
                        "ci_low": np.asarray(low, dtype=float), "ci_high": np.asarray(high, dtype=float)})
    out["zero_inside"] = (out["ci_low"] <= 0) & (out["ci_high"] >= 0)
    out.attrs.update(method=method, confidence=confidence, groups=[first, second])
    return out
