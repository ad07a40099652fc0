"""Cronbach's alpha: do the items of one dimension measure the same thing?

Public as ``coursekit.servqual.cronbach_alpha`` and ``coursekit.servqual.dimension_alpha``.
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..core import (InputError, MissingDataWarning, drop_incomplete, missing_reason, parse_scale,
                    rating_frame, require_choice, require_fraction, require_frame)
from .tables import dimension_map


class CronbachAlpha(float):
    """Cronbach's alpha: a float, with its confidence interval and sample size attached.

    ``float(result)`` or ``result.alpha`` is alpha itself; ``result.ci`` is the (low, high)
    confidence interval; ``result.n`` respondents and ``result.k`` items were used.
    """

    def __new__(cls, alpha: float, ci: tuple[float, float], n: int, k: int, confidence: float):
        self = super().__new__(cls, alpha)
        self.ci, self.n, self.k, self.confidence = ci, n, k, confidence
        return self

    @property
    def alpha(self) -> float:
        return float(self)

    def __repr__(self) -> str:
        level = f"{self.confidence * 100:g}%"
        return (f"CronbachAlpha(alpha={float(self):.4f}, {level} CI=[{self.ci[0]:.3f}, "
                f"{self.ci[1]:.3f}], n={self.n}, k={self.k})")

    def __reduce__(self):
        return (CronbachAlpha, (float(self), self.ci, self.n, self.k, self.confidence))


def cronbach_alpha(items, scale=None, *, ci=0.95, nan_policy="listwise", na_values=None):
    """Cronbach's alpha of a set of items (one column per item, one row per respondent).

    Formula, with k items::

        alpha = k / (k - 1) * (1 - sum of item variances / variance of the total score)

    Variances use n - 1. The confidence interval is Feldt's (Feldt, Woodruff & Salih 1987):
    ``1 - (1 - alpha) * F`` at the upper and lower ``(1 - ci) / 2`` points of the F distribution
    with n - 1 and (n - 1)(k - 1) degrees of freedom, n counting the respondents actually used.
    Agrees with ``pingouin.cronbach_alpha`` (and so with R's ``psych::alpha``); the course
    reference (section 2) gives the formula.

    Missing answers: by default a respondent with any missing item is left out entirely
    (listwise deletion) and a :class:`coursekit.MissingDataWarning` says how many were;
    ``nan_policy="pairwise"`` instead uses every available pair of answers for each covariance
    (like pingouin's default), with the same warning. Codes listed in ``na_values=`` (e.g.
    ``[0, 99]``) are missing answers too; without ``scale=``, answers that look like such codes
    raise a :class:`coursekit.SuspectCodeWarning` naming them.

    Method: docs/methods.md §2.3, §9.1. Used in: lesson 03.

    Parameters
    ----------
    items : DataFrame
        Numeric answers, at least two columns (items) and two respondents.
    scale : (low, high), optional
        The answer scale, e.g. ``(1, 7)``; answers outside it raise InputError.
    ci : float
        Confidence level of the interval (default 0.95).
    nan_policy : {"listwise", "pairwise"}
        How to treat missing answers (see above).
    na_values : number, text, list or {column: codes}, optional
        Codes meaning "no answer", read as missing answers.

    Returns
    -------
    CronbachAlpha
        A float (alpha) that also carries ``.ci``, ``.n``, ``.k`` and ``.alpha``.

    Raises
    ------
    InputError
        For fewer than two items, an empty table, repeated column names, answers that are not
        numbers (text, dates, yes/no, infinite), answers outside *scale*, fewer than two
        complete respondents, a total score that never varies, or a ``ci`` not between 0 and 1.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"q01": [5, 6, 3, 7, 4], "q02": [4, 6, 2, 6, 4],
    ...                         "q03": [5, 7, 3, 6, 3]})
    >>> alpha = cronbach_alpha(answers, scale=(1, 7))
    >>> round(float(alpha), 4), alpha.n, alpha.k
    (0.962, 5, 3)
    >>> alpha.ci
    (0.808..., 0.996...)
    >>> cronbach_alpha(answers[["q01"]])
    Traceback (most recent call last):
    ...
    coursekit.InputError: Cronbach's alpha compares items, so it needs at least two item columns; ...
    """
    require_choice(nan_policy, "nan_policy", ("listwise", "pairwise"))
    ci = require_fraction(ci, "ci")
    bounds = parse_scale(scale)
    data = require_frame(items, "item table")
    k = data.shape[1]
    if k < 2:
        found = ", ".join(repr(str(c)) for c in data.columns) or "none"
        raise InputError(f"Cronbach's alpha compares items, so it needs at least two item columns; "
                         f"the item table has {k} ({found}). Pass all the items of one dimension.")
    # Our own float copy (rating_frame never returns the caller's data): centred in place
    # below, so no second full-size array is needed.
    numbers, values = rating_frame(data, list(data.columns), scale=bounds, na_values=na_values,
                                   what="item table", with_array=True)
    missing = np.isnan(values).any(axis=1)
    pairwise = nan_policy == "pairwise" and missing.any()
    if pairwise:
        warnings.warn(f"{int(missing.sum())} of {len(missing)} respondents have missing answers; "
                      f"each covariance uses the respondents who answered both items (pairwise).",
                      MissingDataWarning, stacklevel=2)
    elif missing.any():
        drop_incomplete(numbers, list(numbers.columns), what="respondents",
                        reason=missing_reason(numbers))
        values = values[~missing]
    n = values.shape[0]
    if n < 2:
        raise InputError(f"Cronbach's alpha needs at least two respondents with complete answers; "
                         f"the item table has {n}.")
    if pairwise:
        cov = pd.DataFrame(values).cov().to_numpy()
        item_variance, total_variance = np.trace(cov), cov.sum()
    else:
        values -= values.mean(axis=0)
        # Sum of squares without a temporary the size of the table.
        item_variance = np.einsum("ij,ij->", values, values) / (n - 1)
        totals = values.sum(axis=1)
        total_variance = float(totals @ totals) / (n - 1)
    if not total_variance > 0:
        raise InputError("Cronbach's alpha is undefined here: every respondent has the same total "
                         "score, so there is no variation for the items to share.")
    alpha = k / (k - 1) * (1 - item_variance / total_variance)
    from scipy.stats import f as f_dist

    tail = (1 - ci) / 2
    df1, df2 = n - 1, (n - 1) * (k - 1)
    interval = (float(1 - (1 - alpha) * f_dist.isf(tail, df1, df2)),
                float(1 - (1 - alpha) * f_dist.isf(1 - tail, df1, df2)))
    return CronbachAlpha(float(alpha), interval, n, k, ci)


def dimension_alpha(answers, *, dimensions=None, scale=None, ci=0.95, na_values=None):
    """Cronbach's alpha of each dimension's items (see :func:`cronbach_alpha`).

    Method: docs/methods.md §2.3, §9.1. Used in: lesson 03.

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
    na_values : number, text, list or {item: codes}, optional
        Codes meaning "no answer" (e.g. ``[0, 99]``), read as missing answers.

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
        codes = ({c: v for c, v in na_values.items() if c in cols}
                 if isinstance(na_values, Mapping) else na_values)
        result = cronbach_alpha(data[cols], scale=scale, ci=ci, na_values=codes)
        rows.append({"dimension": name, "items": len(cols), "n": result.n, "alpha": float(result),
                     "ci_low": result.ci[0], "ci_high": result.ci[1]})
    return pd.DataFrame(rows)


def alpha_if_dropped(items, scale=None, *, na_values=None):
    """Cronbach's alpha of a set of items, and again with each item left out in turn.

    For each item i: ``alpha_without`` = alpha of the other k - 1 items (formula of
    :func:`cronbach_alpha`, on the same respondents), and ``change`` = alpha_without - alpha.
    A positive change means the set is more consistent without the item: it may measure
    something else (in the example, q04 runs against the other three). A negative change is
    the usual case for an item that belongs. Alpha can fall below 0 when items disagree.

    Missing answers: a respondent with any missing item is left out of every alpha (listwise,
    with a :class:`coursekit.MissingDataWarning`), so all the alphas use the same respondents.
    Codes listed in ``na_values=`` are missing answers too (as in :func:`cronbach_alpha`).

    Method: docs/methods.md §2.3, §9.1. Used in: lesson 03.

    Parameters
    ----------
    items : DataFrame
        Numeric answers, at least three columns (items), one row per respondent.
    scale : (low, high), optional
        The answer scale, e.g. ``(1, 7)``; answers outside it raise InputError.
    na_values : list, optional
        Not-applicable codes (e.g. ``[0, 99]``), read as missing answers.

    Returns
    -------
    DataFrame with columns ``item, alpha_without, change``, one row per item;
    ``attrs["alpha"]`` is the alpha of all the items.

    Raises
    ------
    InputError
        For fewer than three items (leaving one out must leave two), and as for
        :func:`cronbach_alpha`.

    Examples
    --------
    >>> answers = pd.DataFrame({"q01": [5, 6, 3, 7, 4], "q02": [4, 6, 2, 6, 4],
    ...                         "q03": [5, 7, 3, 6, 3], "q04": [2, 6, 7, 3, 5]})
    >>> table = alpha_if_dropped(answers, scale=(1, 7))
    >>> round(table.attrs["alpha"], 3)
    0.467
    >>> table.round(3)
      item  alpha_without  change
    0  q01          0.056  -0.411
    1  q02         -0.113  -0.580
    2  q03         -0.194  -0.661
    3  q04          0.962   0.495
    """
    data = require_frame(items, "item table")
    if data.shape[1] < 3:
        raise InputError(f"Leaving one item out must leave at least two, so alpha_if_dropped needs "
                         f"at least three item columns; the item table has {data.shape[1]}.")
    bounds = parse_scale(scale)
    numbers = rating_frame(data, list(data.columns), scale=bounds, na_values=na_values,
                           what="item table")
    complete = drop_incomplete(numbers, list(numbers.columns), what="respondents",
                               reason=missing_reason(numbers))
    full = float(cronbach_alpha(complete, scale=bounds))
    rows = [{"item": column,
             "alpha_without": float(cronbach_alpha(complete.drop(columns=column), scale=bounds))}
            for column in complete.columns]
    out = pd.DataFrame(rows)
    out["change"] = out["alpha_without"] - full
    out.attrs["alpha"] = full
    return out
