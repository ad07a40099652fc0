"""SERVQUAL scoring: item gaps, dimension gaps and the (weighted) SERVQUAL score."""
from __future__ import annotations

import pandas as pd

from .items import ITEM_IDS, SCALE
from .tables import (check_weights, complete_pair, dimension_map, group_labels, pair_tables,
                     per_dimension, weight_frame)


def gaps(expectations, perceptions=None, *, scale=SCALE, na_values=None):
    """Item gaps G = P - E, one row per respondent (Parasuraman, Zeithaml & Berry 1988).

    A negative gap is a shortfall: the service was perceived below what was expected.

    Method: docs/methods.md §2.2, §9.1. Used in: lesson 03.

    Parameters
    ----------
    expectations, perceptions : DataFrame
        The same item columns and row labels in both. Or the survey table alone (see the module
        text).
    scale : (low, high) or None
        The answer scale (default 1-7); answers outside it raise InputError. With
        ``scale=None`` answers that look like not-applicable codes (99 among 1-7) raise a
        :class:`coursekit.SuspectCodeWarning` instead.
    na_values : number, text, list or {item: codes}, optional
        Codes meaning "no answer" (e.g. ``[0, 99]``), read as missing answers.

    Returns
    -------
    DataFrame of P - E with the items as columns; missing where either answer is missing.

    Raises
    ------
    InputError
        For tables of different shape, columns or row labels, repeated column names, answers
        that are not numbers (text, dates, yes/no, infinite), or answers outside the scale.

    Examples
    --------
    >>> E = pd.DataFrame({"q01": [7, 5], "q02": [6, 6]}, index=["ann", "bo"])
    >>> P = pd.DataFrame({"q01": [5, 6], "q02": [6, 3]}, index=["ann", "bo"])
    >>> gaps(E, P)
         q01  q02
    ann -2.0  0.0
    bo   1.0 -3.0
    >>> gaps(E, P.rename(columns={"q02": "q2"}))
    Traceback (most recent call last):
    ...
    coursekit.InputError: The expectations table and the perceptions table must have the same item columns, but ...
    """
    e, p, _ = pair_tables(expectations, perceptions, scale, na_values)
    return p - e


def dimension_gaps(expectations, perceptions=None, *, per_respondent=False, by=None,
                   dimensions=None, scale=SCALE, na_values=None):
    """Gap of each SERVQUAL dimension: the mean of its item gaps P - E.

    Formula, per respondent: ``gap_d = mean over the items i of d of (P_i - E_i)``; the averaged
    table takes the mean over respondents (Parasuraman, Zeithaml & Berry 1988).

    Method: docs/methods.md §2.2, §9.1. Used in: lessons 03, 04, 08.

    Parameters
    ----------
    expectations, perceptions : DataFrame
        Item columns ``q01`` ... ``q22`` (or those named in *dimensions*), or the survey table
        alone.
    per_respondent : bool
        False (default): one row per dimension, averaged over respondents. True: one row per
        respondent, one column per dimension (what the weighted score uses).
    by : str or Series, optional
        Compare groups of respondents (hotels, branches, customer types): a column of the survey
        table, or a Series of group labels with the respondents' row labels. The averaged table
        then has one row per group and dimension, the group column first.
    dimensions : mapping, optional
        ``{dimension: [item columns]}`` for another instrument; default :data:`DIMENSION_ITEMS`.
    scale : (low, high) or None
        The answer scale (default 1-7).
    na_values : number, text, list or {item: codes}, optional
        Codes meaning "no answer" (e.g. ``[0, 99]``), read as missing answers.

    Returns
    -------
    DataFrame
        Averaged: columns ``dimension, items, n, expectation, perception, gap`` (means over the
        ``n`` respondents kept; ``gap = perception - expectation``). Per respondent: the
        dimension gaps (and the group, with *by*).

    Raises
    ------
    InputError
        For the table problems listed under :func:`gaps`, item columns the dimensions need but
        the tables lack, or a *by* column that is not there or has missing labels.

    Examples
    --------
    >>> E = pd.DataFrame({q: [7, 6] for q in ITEM_IDS})
    >>> P = pd.DataFrame({q: [5, 6] for q in ITEM_IDS}).assign(q05=[7, 7])
    >>> dimension_gaps(E, P)
            dimension  items  n  expectation  perception  gap
    0       Tangibles      4  2          6.5        5.50 -1.0
    1     Reliability      5  2          6.5        5.80 -0.7
    2  Responsiveness      4  2          6.5        5.50 -1.0
    3       Assurance      4  2          6.5        5.50 -1.0
    4         Empathy      5  2          6.5        5.50 -1.0
    >>> hotel = pd.Series(["Downtown", "Lakeside"], name="hotel")
    >>> dimension_gaps(E, P, by=hotel).head(3)
          hotel    dimension  items  n  expectation  perception  gap
    0  Downtown    Tangibles      4  1          7.0         5.0 -2.0
    1  Downtown  Reliability      5  1          7.0         5.4 -1.6
    2  Downtown  Responsiveness   4  1          7.0         5.0 -2.0
    """
    e, p, survey = pair_tables(expectations, perceptions, scale, na_values)
    mapping = dimension_map(dimensions, e.columns)
    groups = None if by is None else group_labels(by, survey, e.index)
    (e, p), _ = complete_pair(e, p)
    e_dim, p_dim = per_dimension(e, mapping), per_dimension(p, mapping)
    if per_respondent:
        out = p_dim - e_dim
        if groups is not None:
            out.insert(0, groups.name, groups.loc[out.index])
        return out
    if groups is None:
        return _averaged(e_dim, p_dim, mapping)
    groups = groups.loc[e.index]
    parts = []
    for label in pd.unique(groups):
        rows = (groups == label).to_numpy()
        part = _averaged(e_dim.loc[rows], p_dim.loc[rows], mapping)
        part.insert(0, groups.name, label)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def _averaged(e_dim, p_dim, mapping):
    return pd.DataFrame({
        "dimension": list(mapping),
        "items": [len(cols) for cols in mapping.values()],
        "n": len(e_dim),
        "expectation": e_dim.mean().to_numpy(),
        "perception": p_dim.mean().to_numpy(),
        "gap": (p_dim - e_dim).mean().to_numpy(),
    })


def score(expectations, perceptions=None, weights=None, *, per_respondent=False, dimensions=None,
          scale=SCALE, na_values=None):
    """The SERVQUAL score: unweighted, or weighted by the importance points of each respondent.

    Unweighted: the mean of the five dimension gaps. Weighted: each respondent splits 100 points
    across the dimensions; their score is sum over d of (points_d / 100) * gap_d. Either is
    computed per respondent, then averaged (Parasuraman, Zeithaml & Berry 1988).

    Method: docs/methods.md §2.2, §9.1. Used in: lesson 03.

    Parameters
    ----------
    expectations, perceptions : DataFrame
        As for :func:`dimension_gaps` (or the survey table alone).
    weights : None, True, DataFrame or mapping
        None: unweighted. True: the ``w_`` columns of the survey table. A DataFrame: one row per
        respondent (same row labels), a column per dimension named like it (``Tangibles``) or
        ``w_tangibles``. A mapping ``{dimension: points}``: the same points for everyone.
    per_respondent : bool
        Return each respondent's score (a Series) instead of the average.
    dimensions : mapping, optional
        ``{dimension: [item columns]}``; default the five RATER dimensions.
    scale : (low, high) or None
        The answer scale (default 1-7).
    na_values : number, text, list or {item: codes}, optional
        Codes meaning "no answer" (e.g. ``[0, 99]``), read as missing answers.

    Returns
    -------
    float, or a Series named ``servqual_score`` with ``per_respondent=True``.

    Raises
    ------
    InputError
        Besides the table checks of :func:`gaps`: weights missing a dimension, below 0, or not
        adding up to 100 for some respondent (the message lists those rows and their totals).

    Examples
    --------
    >>> E = pd.DataFrame({q: [7, 6] for q in ITEM_IDS})
    >>> P = pd.DataFrame({q: [5, 6] for q in ITEM_IDS}).assign(q05=[7, 7])
    >>> round(score(E, P), 4)
    -0.94
    >>> points = {"Tangibles": 10, "Reliability": 30, "Responsiveness": 20, "Assurance": 20,
    ...           "Empathy": 20}
    >>> round(score(E, P, weights=points), 4)
    -0.91
    >>> score(E, P, weights={**points, "Empathy": 15})
    Traceback (most recent call last):
    ...
    coursekit.InputError: The weights (...) do not add up to 100 for 2 respondents (their totals): row 0: 95.0, row 1: 95.0. ...
    """
    e, p, survey = pair_tables(expectations, perceptions, scale, na_values)
    mapping = dimension_map(dimensions, e.columns)
    points = None if weights is None else weight_frame(weights, survey, e.index, list(mapping))
    (e, p), points = complete_pair(e, p, points)
    dim_gaps = per_dimension(p, mapping) - per_dimension(e, mapping)
    if points is None:
        result = dim_gaps.mean(axis=1)
    else:
        check_weights(points)
        result = (dim_gaps * points.to_numpy() / 100.0).sum(axis=1)
    if per_respondent:
        return result.rename("servqual_score")
    return float(result.mean())


