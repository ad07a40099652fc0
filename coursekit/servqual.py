"""SERVQUAL: how far perceived service falls short of (or beats) what customers expect.

Survey-table convention (the course's case data use it): one row per respondent, expectation
columns ``E_q01`` ... ``E_q22``, perception columns ``P_q01`` ... ``P_q22`` and the 100 points
each respondent splits across the dimensions in ``w_tangibles, w_reliability,
w_responsiveness, w_assurance, w_empathy``. Every function below takes either the two tables
``(expectations, perceptions)`` with columns ``q01`` ... ``q22``, or the survey table alone::

    E, P = split_survey(survey)
    dimension_gaps(E, P)           # the same as dimension_gaps(survey)
    score(survey, weights=True)    # weighted score, points read from the w_ columns

Scoring (Parasuraman, Zeithaml & Berry 1988, *Journal of Retailing* 64(1)): item gap
G = P - E; dimension gap = mean of its item gaps; SERVQUAL score = mean of the five dimension
gaps, or, weighted, sum of (points_d / 100) * gap_d per respondent, averaged. Answers are on a
7-point scale (1 strongly disagree ... 7 strongly agree) unless ``scale=`` says otherwise.

Missing answers: :func:`gaps` leaves a gap missing where an answer is; every other function
sets aside a respondent with any missing answer (listwise deletion) and says how many with a
:class:`coursekit.MissingDataWarning`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ._checks import require_choice, require_frame
from ._reliability import CronbachAlpha, cronbach_alpha
from ._servqual_items import (DIMENSION_ITEMS, DIMENSION_NAMES_ZH, DIMENSIONS, DIMENSIONS_ZH,
                              ITEM_IDS, ITEMS, WEIGHT_COLUMNS)
from ._servqual_plots import plot_gaps, plot_profile, plot_zone
from ._servqual_tables import (check_weights, complete_rows, dimension_map, group_labels,
                               paired_tables, per_dimension, split_columns, weight_frame)

__all__ = [
    "ITEMS", "ITEM_IDS", "DIMENSIONS", "DIMENSIONS_ZH", "DIMENSION_NAMES_ZH", "DIMENSION_ITEMS",
    "WEIGHT_COLUMNS", "SCALE", "split_survey", "gaps", "dimension_gaps", "score",
    "zone_of_tolerance", "cronbach_alpha", "dimension_alpha", "CronbachAlpha",
    "plot_gaps", "plot_profile", "plot_zone",
]

#: The answer scale of the 1988 instrument: 1 strongly disagree ... 7 strongly agree.
SCALE = (1, 7)


def split_survey(survey, expectation_prefix="E_", perception_prefix="P_"):
    """Split a survey table into its expectations and perceptions, columns ``q01`` ... ``q22``.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent with columns ``E_q01`` ... ``E_q22`` and ``P_q01`` ... ``P_q22``
        (other columns are ignored).
    expectation_prefix, perception_prefix : str
        How the two sets of columns start.

    Returns
    -------
    (DataFrame, DataFrame)
        Expectations and perceptions, both with the survey's row labels.

    Raises
    ------
    InputError
        If the table is empty or lacks any of the 44 columns (the message lists them).

    Examples
    --------
    >>> survey = pd.DataFrame({**{f"E_{q}": [7, 6] for q in ITEM_IDS},
    ...                        **{f"P_{q}": [5, 6] for q in ITEM_IDS}})
    >>> E, P = split_survey(survey)
    >>> E.shape, list(P.columns[:3])
    ((2, 22), ['q01', 'q02', 'q03'])
    >>> split_survey(survey.drop(columns=["P_q07"]))
    Traceback (most recent call last):
    ...
    coursekit._errors.InputError: The survey table has no perception columns 'P_q07'. ...
    """
    data = require_frame(survey, "survey table")
    return (split_columns(data, expectation_prefix, ITEM_IDS, "expectation"),
            split_columns(data, perception_prefix, ITEM_IDS, "perception"))


def _pair(expectations, perceptions, scale):
    survey = None
    if perceptions is None:
        survey = require_frame(expectations, "survey table")
        expectations, perceptions = split_survey(survey)
    tables = paired_tables({"expectations": expectations, "perceptions": perceptions}, scale)
    return tables["expectations"], tables["perceptions"], survey


def gaps(expectations, perceptions=None, *, scale=SCALE):
    """Item gaps G = P - E, one row per respondent (Parasuraman, Zeithaml & Berry 1988).

    A negative gap is a shortfall: the service was perceived below what was expected.

    Parameters
    ----------
    expectations, perceptions : DataFrame
        The same item columns and row labels in both. Or the survey table alone (see the module
        text).
    scale : (low, high) or None
        The answer scale (default 1-7); answers outside it raise InputError.

    Returns
    -------
    DataFrame of P - E with the items as columns; missing where either answer is missing.

    Raises
    ------
    InputError
        For tables of different shape, columns or row labels, text answers, or answers outside
        the scale.

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
    coursekit._errors.InputError: The expectations and perceptions tables do not have the same item columns: ...
    """
    e, p, _ = _pair(expectations, perceptions, scale)
    return p - e


def dimension_gaps(expectations, perceptions=None, *, per_respondent=False, by=None,
                   dimensions=None, scale=SCALE):
    """Gap of each SERVQUAL dimension: the mean of its item gaps P - E.

    Formula, per respondent: ``gap_d = mean over the items i of d of (P_i - E_i)``; the averaged
    table takes the mean over respondents (Parasuraman, Zeithaml & Berry 1988).

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
    e, p, survey = _pair(expectations, perceptions, scale)
    mapping = dimension_map(dimensions, e.columns)
    groups = None if by is None else group_labels(by, survey, e.index)
    (e, p), _ = _complete_pair(e, p)
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


def _complete_pair(e, p, extra=None):
    frames, extra = complete_rows({"expectations": e, "perceptions": p}, extra)
    return (frames["expectations"], frames["perceptions"]), extra


def score(expectations, perceptions=None, weights=None, *, per_respondent=False, dimensions=None,
          scale=SCALE):
    """The SERVQUAL score: unweighted, or weighted by the importance points of each respondent.

    Unweighted: the mean of the five dimension gaps. Weighted: each respondent splits 100 points
    across the dimensions; their score is sum over d of (points_d / 100) * gap_d. Either is
    computed per respondent, then averaged (Parasuraman, Zeithaml & Berry 1988).

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
    coursekit._errors.InputError: The weights (...) do not add up to 100 for 2 respondents (their totals): row 0: 95.0, row 1: 95.0. ...
    """
    e, p, survey = _pair(expectations, perceptions, scale)
    mapping = dimension_map(dimensions, e.columns)
    points = None if weights is None else weight_frame(weights, survey, e.index, list(mapping))
    (e, p), points = _complete_pair(e, p, points)
    dim_gaps = per_dimension(p, mapping) - per_dimension(e, mapping)
    if points is None:
        result = dim_gaps.mean(axis=1)
    else:
        check_weights(points)
        result = (dim_gaps * points.to_numpy() / 100.0).sum(axis=1)
    if per_respondent:
        return result.rename("servqual_score")
    return float(result.mean())


def zone_of_tolerance(adequate, desired, perceived, *, by="item", dimensions=None, scale=None):
    """Where perceived service sits against the zone of tolerance (PZB 1994).

    Per item (or dimension), averaged over respondents::

        msa        = perceived - adequate   (measure of service adequacy; < 0: below the zone)
        mss        = perceived - desired    (measure of service superiority; > 0: above it)
        zone_width = desired - adequate

    Source: Parasuraman, Zeithaml & Berry (1994), *Journal of Retailing* 70(3).

    Parameters
    ----------
    adequate, desired, perceived : DataFrame
        One row per respondent, the same item columns and row labels in all three.
    by : {"item", "dimension"}
        One row per item, or per dimension (items averaged per respondent first).
    dimensions : mapping, optional
        ``{dimension: [item columns]}``; default the five RATER dimensions (items outside it
        get no dimension when ``by="item"``).
    scale : (low, high), optional
        The answer scale, if you want answers checked against it.

    Returns
    -------
    DataFrame with columns ``item`` (or ``dimension``), [``dimension``,] ``adequate, desired,
    perceived, msa, mss, zone_width, position`` (``"below the zone"``, ``"within the zone"``
    or ``"above the zone"``).

    Raises
    ------
    InputError
        For tables that differ in items or respondents, text answers, answers outside *scale*,
        or an unknown *by*.

    Examples
    --------
    >>> A = pd.DataFrame({"q01": [4, 5], "q05": [5, 6]})
    >>> D = pd.DataFrame({"q01": [6, 7], "q05": [7, 7]})
    >>> P = pd.DataFrame({"q01": [5, 5], "q05": [4, 5]})
    >>> zone_of_tolerance(A, D, P)[["item", "dimension", "msa", "mss", "zone_width", "position"]]
      item    dimension  msa  mss  zone_width        position
    0  q01    Tangibles  0.5 -1.5         2.0 within the zone
    1  q05  Reliability -1.0 -2.5         1.5  below the zone
    """
    require_choice(by, "by", ("item", "dimension"))
    tables = paired_tables({"adequate": adequate, "desired": desired, "perceived": perceived}, scale)
    tables, _ = complete_rows(tables)
    if by == "dimension":
        mapping = dimension_map(dimensions, tables["adequate"].columns)
        means = {w: per_dimension(t, mapping).mean() for w, t in tables.items()}
        out = pd.DataFrame({"dimension": list(mapping)})
    else:
        mapping = DIMENSION_ITEMS if dimensions is None else dimensions
        owner = {item: d for d, cols in mapping.items() for item in cols}
        means = {w: t.mean() for w, t in tables.items()}
        columns = list(tables["adequate"].columns)
        out = pd.DataFrame({"item": columns,
                            "dimension": pd.array([owner.get(c) for c in columns], dtype="str")})
    for what, mean in means.items():
        out[what] = mean.to_numpy()
    out["msa"] = out["perceived"] - out["adequate"]
    out["mss"] = out["perceived"] - out["desired"]
    out["zone_width"] = out["desired"] - out["adequate"]
    out["position"] = np.select([out["msa"] < 0, out["mss"] > 0], ["below the zone", "above the zone"],
                                "within the zone")
    return out


def dimension_alpha(answers, *, dimensions=None, scale=None, ci=0.95):
    """Cronbach's alpha of each dimension's items (see :func:`cronbach_alpha`).

    Parameters
    ----------
    answers : DataFrame
        One row per respondent, item columns ``q01`` ... ``q22`` (expectations or perceptions;
        pass one of the two tables from :func:`split_survey`).
    dimensions : mapping, optional
        ``{dimension: [item columns]}``; default the five RATER dimensions.
    scale : (low, high), optional
        The answer scale to check answers against.
    ci : float
        Confidence level of the interval.

    Returns
    -------
    DataFrame with columns ``dimension, items, n, alpha, ci_low, ci_high``. Missing answers are
    handled per dimension, listwise, with a :class:`coursekit.MissingDataWarning`.

    Raises
    ------
    InputError
        As for :func:`cronbach_alpha`, for any dimension (a one-item dimension included).

    Examples
    --------
    >>> P = pd.DataFrame({"q01": [5, 6, 3, 7, 4], "q02": [4, 6, 2, 6, 4], "q03": [5, 7, 3, 6, 3],
    ...                   "q05": [6, 5, 6, 7, 4], "q06": [7, 5, 6, 7, 5]})
    >>> dimension_alpha(P, dimensions={"Tangibles": ["q01", "q02", "q03"],
    ...                                "Reliability": ["q05", "q06"]})
         dimension  items  n   alpha  ci_low  ci_high
    0    Tangibles      3  5  0.9620  0.8081   0.9958
    1  Reliability      2  5  0.9302  0.3299   0.9927
    """
    data = require_frame(answers, "answers table")
    mapping = dimension_map(dimensions, data.columns)
    rows = []
    for name, cols in mapping.items():
        result = cronbach_alpha(data[cols], scale=scale, ci=ci)
        rows.append({"dimension": name, "items": len(cols), "n": result.n, "alpha": float(result),
                     "ci_low": result.ci[0], "ci_high": result.ci[1]})
    return pd.DataFrame(rows)
