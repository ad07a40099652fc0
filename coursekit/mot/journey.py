"""How a journey is remembered: peak–end scores per respondent and the journey's emotion curve.

Public names are re-exported by :mod:`coursekit.mot`.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..core import (InputError, parse_scale, rating_frame, require_choice, require_fraction,
                    require_frame, warn_set_aside)

BANDS = ("iqr", "ci", "none")


def peak_end(ratings, scale=None, *, na_values=None) -> pd.DataFrame:
    """Summarise each respondent's journey the way memory does: by its peak and its end.

    Rows are respondents, columns are moments (touchpoints) **in journey order**; higher ratings
    are better. Per respondent:

    * ``mean``, ``worst`` (lowest), ``best`` (highest) of the rated moments;
    * ``peak`` — the rating of the most intense moment, the one farthest from the scale
      midpoint (good or bad), and ``peak_moment``, its column. A tie goes to the earlier moment;
    * ``end`` — the last rated moment, and ``end_moment``, its column;
    * ``peak_end`` = (peak + end) / 2, the peak–end score;
    * ``rated`` — how many moments the respondent rated.

    Scale: ``scale=(low, high)`` gives the midpoint (low + high) / 2. By default the lowest and
    highest rating found anywhere in the table are taken as the scale ends (right when someone
    used each end of the scale; pass the scale to be sure).

    Missing answers: a respondent's unrated moments are skipped (the mean is over rated moments,
    the end is the last rated one, ``rated`` shows how many); a respondent who rated nothing is
    set aside with a :class:`coursekit.MissingDataWarning`. Codes listed in ``na_values=``
    (e.g. ``[0, 99]`` for "not applicable") count as unrated. Without a scale, answers that look
    like such codes raise a :class:`coursekit.SuspectCodeWarning` naming them.

    Source: Kahneman, Fredrickson, Schreiber & Redelmeier (1993), the peak–end rule: remembered
    experience tracks the most intense and the final moment.

    Method: docs/methods.md §1.4, §9.1. Used in: lessons 01, 02.

    Parameters
    ----------
    ratings : pandas.DataFrame
        Numeric ratings only, one column per moment, in the order the customer met them.
    scale : (float, float), optional
        Lowest and highest possible rating, e.g. ``(1, 7)``.
    na_values : number, text, list or {column: codes}, optional
        Codes meaning "no rating", read as unrated moments.

    Returns
    -------
    pandas.DataFrame
        One row per respondent (same row labels), columns ``mean, worst, best, peak,
        peak_moment, end, end_moment, peak_end, rated``; ``attrs["scale"]`` and
        ``attrs["midpoint"]`` record the scale used.

    Raises
    ------
    coursekit.InputError
        Empty table or no columns, ratings that are not numbers (text, dates, yes/no, infinite),
        ratings outside ``scale``, a malformed ``scale``, nobody with any rating.

    Examples
    --------
    Two made-up passengers on a 1–7 scale (midpoint 4):

    >>> import pandas as pd, coursekit as ck
    >>> trips = pd.DataFrame({"check_in": [6, 5], "security": [1, 5], "boarding": [5, 6],
    ...                       "arrival": [6, None]}, index=["Ann", "Bo"])
    >>> ck.mot.peak_end(trips, scale=(1, 7))
           mean  worst  best  peak peak_moment  end end_moment  peak_end  rated
    Ann  4.5000    1.0   6.0   1.0    security  6.0    arrival       3.5      4
    Bo   5.3333    5.0   6.0   6.0    boarding  6.0   boarding       6.0      3
    >>> ck.mot.peak_end(trips, scale=(1, 5))
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'check_in' has answers outside the scale in 1 row: row 'Ann': 6.0. Allowed: numbers from 1 to 5 (the declared scale).
    """
    data = require_frame(ratings, what="ratings table")
    moments = _moments(list(data.columns))
    scale = parse_scale(scale, "scale")
    numbers = rating_frame(data, moments, scale=scale, na_values=na_values, what="ratings table")
    numbers = _drop_unrated(numbers, "respondents")
    lo, hi = _journey_scale(numbers, scale)
    x = numbers.to_numpy(dtype=np.float64)
    rated = ~np.isnan(x)
    rows = np.arange(len(x))
    midpoint = (lo + hi) / 2
    distance = np.where(rated, np.abs(x - midpoint), -np.inf)
    peak_at = np.argmax(distance, axis=1)  # argmax returns the first maximum: the earlier moment
    end_at = x.shape[1] - 1 - np.argmax(rated[:, ::-1], axis=1)
    names = np.array(moments, dtype=object)
    out = pd.DataFrame({
        "mean": np.nanmean(x, axis=1),
        "worst": np.nanmin(x, axis=1),
        "best": np.nanmax(x, axis=1),
        "peak": x[rows, peak_at],
        "peak_moment": names[peak_at],
        "end": x[rows, end_at],
        "end_moment": names[end_at],
    }, index=numbers.index)
    out["peak_end"] = (out["peak"] + out["end"]) / 2
    out["rated"] = rated.sum(axis=1)
    out.attrs.update(scale=(lo, hi), midpoint=midpoint)
    return out


def emotion_curve(ratings, by=None, band: str | None = "iqr", confidence: float = 0.95, *,
                  scale=None, na_values=None) -> pd.DataFrame:
    """The journey's emotion curve: the mean rating of each touchpoint, in journey order.

    Each touchpoint gets its mean rating and a band around it:

    * ``band="iqr"`` (default) — the interquartile range, 25th to 75th percentile of the ratings
      (numpy's default linear percentile): where the middle half of customers stand;
    * ``band="ci"`` — a t confidence interval for the mean, mean ± t(1−α/2; n−1) · s/√n
      (needs n ≥ 2; narrows as the sample grows);
    * ``band=None`` (or ``"none"``) — no band (``low``/``high`` are NaN).

    Missing answers: each touchpoint uses the respondents who rated it (``n`` says how many);
    codes listed in ``na_values=`` count as unrated. With ``by=``, respondents without a
    segment are set aside with a :class:`coursekit.MissingDataWarning`. Without ``scale=``,
    answers that look like not-applicable codes raise a :class:`coursekit.SuspectCodeWarning`.

    Method: docs/methods.md §1.5, §9.1. Used in: lesson 01.

    Parameters
    ----------
    ratings : pandas.DataFrame
        Rows are respondents, columns touchpoints in journey order (plus the ``by`` column
        if it is named there).
    by : str or Series, optional
        Segment of each respondent: a column of ``ratings`` or a Series aligned with its rows.
        Segments appear sorted (categorical segments in category order).
    band : {"iqr", "ci", None}
    confidence : float
        Confidence level for ``band="ci"``.
    scale : (low, high) or {column: (low, high)}, optional
        The rating scale; answers off it raise InputError.
    na_values : number, text, list or {column: codes}, optional
        Codes meaning "no rating" (e.g. ``[0, 99]``), read as unrated.

    Returns
    -------
    pandas.DataFrame
        Long format: ``[segment,] moment, position, n, mean, low, high``; ``position`` counts
        touchpoints from 1. ``attrs`` holds ``band`` and ``confidence``.

    Raises
    ------
    coursekit.InputError
        Empty table, ratings that are not numbers (text, dates, yes/no, infinite), ratings off
        the declared scale, unknown band, ``by`` not matching the rows, confidence not
        between 0 and 1.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> trips = pd.DataFrame({"check_in": [6, 5, 4, 6], "security": [2, 3, 5, 4],
    ...                       "arrival": [6, 5, 6, 7]})
    >>> ck.mot.emotion_curve(trips)
         moment  position  n  mean   low   high
    0  check_in         1  4  5.25  4.75  6.000
    1  security         2  4  3.50  2.75  4.250
    2   arrival         3  4  6.00  5.75  6.250
    """
    data = require_frame(ratings, what="ratings table")
    if band is None:
        band = "none"
    require_choice(band, "band", BANDS)
    confidence = require_fraction(confidence, "confidence")
    segments, moments = _segments(data, by)
    _moments(moments)
    numbers = rating_frame(data, moments, scale=scale, na_values=na_values, what="ratings table")
    if segments is None:
        return _curve(numbers, band, confidence)
    keep = segments.notna()
    if not keep.all():
        warn_set_aside(data.index[~keep], len(data), "respondents", "a missing segment")
        if not keep.any():
            raise InputError("No respondent has a segment in by=, so there is nothing to compare.")
    parts = []
    for label, group in numbers[keep].groupby(segments[keep], sort=True, observed=True):
        part = _curve(group, band, confidence)
        part.insert(0, "segment", label)
        parts.append(part)
    return _with_attrs(pd.concat(parts, ignore_index=True), band, confidence)


def _curve(numbers: pd.DataFrame, band: str, confidence: float) -> pd.DataFrame:
    x = numbers.to_numpy(dtype=np.float64)
    n = (~np.isnan(x)).sum(axis=0)
    with warnings.catch_warnings():
        # A touchpoint nobody rated has no mean; n = 0 already says so.
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(x, axis=0)
        if band == "iqr":
            low, high = np.nanpercentile(x, [25, 75], axis=0)
        elif band == "ci":
            from scipy import stats

            sd = np.nanstd(x, axis=0, ddof=1)
            half = stats.t.ppf((1 + confidence) / 2, n - 1) * sd / np.sqrt(n)
            half = np.where(n >= 2, half, np.nan)
            low, high = mean - half, mean + half
        else:
            low = high = np.full(x.shape[1], np.nan)
    out = pd.DataFrame({"moment": list(numbers.columns), "position": np.arange(1, x.shape[1] + 1),
                        "n": n, "mean": mean, "low": low, "high": high})
    return _with_attrs(out, band, confidence)


def _with_attrs(frame, band, confidence):
    frame.attrs.update(band=band, confidence=confidence)
    return frame


def _segments(data: pd.DataFrame, by):
    if by is None:
        return None, list(data.columns)
    if isinstance(by, (pd.Series, np.ndarray, list, tuple)):
        if isinstance(by, pd.Series):
            if not by.index.equals(data.index):
                raise InputError(
                    "by= should have one segment per respondent with the same row labels as the "
                    "ratings table; its row labels differ. Use a column of the ratings table, "
                    "or by=segments.reindex(ratings.index)."
                )
            segments = by
        else:
            if len(by) != len(data):
                raise InputError(
                    f"by= has {len(by)} entries but the ratings table has {len(data)} rows: "
                    "give one segment per respondent."
                )
            segments = pd.Series(list(by), index=data.index)
        return segments, list(data.columns)
    if by not in data.columns:
        raise InputError(
            f"by={by!r} is not a column of the ratings table. Columns found: "
            f"{', '.join(repr(c) for c in data.columns)}."
        )
    return data[by], [c for c in data.columns if c != by]


def _moments(moments: list) -> list:
    if not moments:
        raise InputError("The ratings table has no columns: give one column of ratings per "
                         "moment (touchpoint), in journey order.")
    return moments


def _drop_unrated(numbers: pd.DataFrame, what: str) -> pd.DataFrame:
    empty = numbers.isna().all(axis=1)
    if not empty.any():
        return numbers
    if empty.all():
        raise InputError(f"None of the {len(numbers)} {what} rated any moment, so nothing is left to analyse.")
    reason = "no rating at all" + (" (blank, or one of the na_values= codes)"
                                   if numbers.attrs.get("not_applicable") else "")
    warn_set_aside(numbers.index[empty.to_numpy()], len(numbers), what, reason, stacklevel=4)
    return numbers.loc[~empty]


def _journey_scale(numbers: pd.DataFrame, scale):
    """The scale given (answers were checked against it on reading), or the range found."""
    if scale is None:
        x = numbers.to_numpy(dtype=np.float64)
        return float(np.nanmin(x)), float(np.nanmax(x))
    return scale
