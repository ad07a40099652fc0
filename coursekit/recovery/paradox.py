"""The recovery paradox: customers with no failure, a recovered failure and an unrecovered
failure compared, with confidence intervals."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..core import (CODED_REASON, InputError, drop_incomplete, rating_frame, recode_column,
                    require_columns, require_fraction, require_frame)
from .inputs import is_yes_no, yes_no

#: The three groups of :func:`recovery_paradox`, in the order they are reported.
GROUPS = ("No failure", "Failure, recovered", "Failure, not recovered")


def recovery_paradox(data, outcome, *, failure="failure", recovered="recovered",
                     binary=None, confidence=0.95, scale=None, na_values=None) -> pd.DataFrame:
    """Compare customers with no failure, a recovered failure and an unrecovered failure.

    The recovery paradox (Hart, Heskett & Sasser 1990; McCollough & Bharadwaj 1992): customers
    whose failure was recovered well can end more satisfied than customers who had no failure.
    The meta-analysis of de Matos, Henrique & Rossi (2007) finds it for satisfaction but not for
    repurchase, word of mouth or image — real but limited.

    For each group: ``n``, the ``mean`` outcome and a confidence interval:

    * numeric outcome (e.g. satisfaction 1–7): t interval, mean ± t(1−α/2; n−1) · s/√n;
    * yes/no outcome (e.g. "returned"): ``mean`` is the proportion of yes, with the Wilson score
      interval (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), which stays inside 0–1
      and behaves with small groups (Wilson 1927).

    A group with fewer than 2 customers (numeric) or none (yes/no) has NaN limits.
    ``attrs["difference"]`` is mean(recovered) − mean(no failure), ``attrs["p_value"]`` its
    two-sided test: Welch's t test for a numeric outcome, Fisher's exact test for yes/no.

    Missing answers: customers missing the outcome or the failure flag, or with a failure but
    no recovered flag, are set aside with a :class:`coursekit.MissingDataWarning`. The recovered
    flag of customers without a failure is ignored. Outcome codes listed in ``na_values=``
    (e.g. ``[0, 99]``) are missing answers too. A numeric outcome without ``scale=`` is
    searched for answers that look like such codes (a :class:`coursekit.SuspectCodeWarning`
    names them); with ``scale=(1, 7)`` every answer must lie on the scale.

    Method: docs/methods.md §5.2, §9.1. Used in: lesson 06.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer.
    outcome : str
        Column of the outcome: a number, or yes/no (bool, 1/0, "yes"/"no").
    failure, recovered : str
        Yes/no columns: did a failure happen, and was it recovered.
    binary : bool, optional
        Force the outcome to be read as yes/no (True) or as a number (False). By default it is
        yes/no when every answer is 0/1, True/False or a yes/no word, unless ``scale=`` is
        given (a rating scale means a numeric outcome).
    confidence : float
    scale : (low, high), optional
        The scale of a numeric outcome, e.g. ``(1, 7)``.
    na_values : number, text or list, optional
        Outcome codes meaning "no answer".

    Returns
    -------
    pandas.DataFrame
        Three rows in the order of :data:`GROUPS`: ``group, n, mean, ci_low, ci_high``.
        ``attrs``: ``kind`` ("mean" or "proportion"), ``confidence``, ``difference``,
        ``p_value``, ``test``.

    Raises
    ------
    coursekit.InputError
        Missing columns, flags that are not yes/no, an outcome that is not a number (text,
        dates, infinite) or is off the declared scale, ``scale=`` with a yes/no outcome, a
        confidence outside 0–1.

    Examples
    --------
    Made-up satisfaction (1–7) of seven guests:

    >>> import pandas as pd, coursekit as ck
    >>> stays = pd.DataFrame({"failure": ["no", "no", "no", "yes", "yes", "yes", "yes"],
    ...                       "recovered": [None, None, None, "yes", "yes", "no", "no"],
    ...                       "satisfaction": [6, 5, 6, 7, 6, 2, 3]})
    >>> ck.recovery.recovery_paradox(stays, "satisfaction")
                        group  n    mean  ci_low  ci_high
    0              No failure  3  5.6667  4.2324   7.1009
    1      Failure, recovered  2  6.5000  0.1469  12.8531
    2  Failure, not recovered  2  2.5000 -3.8531   8.8531
    """
    from scipy import stats

    confidence = require_fraction(confidence, "confidence")
    data = require_frame(data, what="customer table")
    require_columns(data, [outcome, failure, recovered], what="customer table")
    failed = yes_no(data, failure)
    fixed = yes_no(data, recovered).mask(failed.eq(False).fillna(False).astype(bool), False)
    if binary and scale is not None:
        raise InputError("scale= describes a numeric outcome, but binary=True reads the outcome "
                         "as yes/no, which has no scale. Leave one of them out.")
    answers, coded = recode_column(data[outcome], na_values, outcome)
    if binary is None:
        binary = scale is None and is_yes_no(answers)
    if binary:
        values = yes_no(answers.to_frame(), outcome).astype("Float64").astype(float)
    else:
        values = rating_frame(answers.to_frame(), [outcome], scale=scale,
                              what="customer table")[outcome]
    reason = CODED_REASON if coded else "missing answers"
    frame = pd.DataFrame({outcome: values, failure: failed.astype("Float64").astype(float),
                          recovered: fixed.astype("Float64").astype(float)}, index=data.index)
    frame = drop_incomplete(frame, [outcome, failure, recovered], what="customers", reason=reason)
    masks = (frame[failure] == 0, (frame[failure] == 1) & (frame[recovered] == 1),
             (frame[failure] == 1) & (frame[recovered] == 0))
    samples = [frame.loc[m, outcome].to_numpy() for m in masks]
    rows = [(g, len(s), *(_wilson(s, confidence) if binary else _t_interval(s, confidence)))
            for g, s in zip(GROUPS, samples)]
    table = pd.DataFrame(rows, columns=["group", "n", "mean", "ci_low", "ci_high"])
    no_fail, rec = samples[0], samples[1]
    if binary:
        test = "Fisher's exact test"
        p_value = (stats.fisher_exact([[rec.sum(), len(rec) - rec.sum()],
                                       [no_fail.sum(), len(no_fail) - no_fail.sum()]]).pvalue
                   if len(rec) and len(no_fail) else np.nan)
    else:
        test = "Welch's t test"
        with warnings.catch_warnings():
            # Groups with no spread at all (everyone answered 7) make scipy warn about
            # precision; the p-value it returns (or NaN) is still the honest answer.
            warnings.simplefilter("ignore", RuntimeWarning)
            p_value = (stats.ttest_ind(rec, no_fail, equal_var=False).pvalue
                       if len(rec) >= 2 and len(no_fail) >= 2 else np.nan)
    table.attrs.update(kind="proportion" if binary else "mean", confidence=confidence,
                       difference=float(table["mean"][1] - table["mean"][0]),
                       p_value=float(p_value), test=test, outcome=outcome)
    return table


def _t_interval(sample: np.ndarray, confidence: float):
    from scipy import stats

    n = len(sample)
    if n == 0:
        return np.nan, np.nan, np.nan
    mean = float(sample.mean())
    if n < 2:
        return mean, np.nan, np.nan
    half = stats.t.ppf((1 + confidence) / 2, n - 1) * sample.std(ddof=1) / np.sqrt(n)
    return mean, mean - half, mean + half


def _wilson(sample: np.ndarray, confidence: float):
    from scipy import stats

    n = len(sample)
    if n == 0:
        return np.nan, np.nan, np.nan
    p = float(sample.mean())
    z = stats.norm.ppf((1 + confidence) / 2)
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return p, centre - half, centre + half
