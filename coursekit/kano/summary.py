"""Per-feature KANO results from raw answers: counts, category, Better/Worse, strengths and
Fong's test (:func:`summarize`), and DuMouchel's continuous scores (:func:`continuous_scores`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, rating_frame, require_columns, require_complete, require_frame
from .answers import answer_codes
from .evaluation import D_SCORE, F_SCORE, PAIR_CATEGORY, SET_ASIDE, warn_pairs_set_aside
from .stats import CATEGORIES, summarize_counts

def _attribute_codes(column: pd.Series, name: str):
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes, labels = column.cat.codes.to_numpy(), column.cat.categories
    else:
        codes, labels = pd.factorize(column, use_na_sentinel=True)
    if codes.min() < 0:
        require_complete(column, name, what="a feature name")
    return codes, labels


def _prepare(data, attribute, functional, dysfunctional, extra=(), answers=None):
    data = require_frame(data, "KANO answers")
    require_columns(data, [attribute, functional, dysfunctional, *extra], "KANO answers")
    codes, labels = _attribute_codes(data[attribute], attribute)
    f_codes = answer_codes(data[functional], functional, answers)
    d_codes = answer_codes(data[dysfunctional], dysfunctional, answers)
    return data, codes, labels, f_codes, d_codes


def summarize(responses, attribute="attribute", functional="functional",
              dysfunctional="dysfunctional", *, answers=None):
    """Count the KANO categories of each feature and say how clear its category is.

    Each answer pair is classified with :data:`EVALUATION_TABLE`; per feature:

    - ``A, O, M, I, R, Q``: the counts, and ``n`` their total (answer pairs kept);
    - ``category``: the most frequent category. **Tie rule** (exact ties only): the category
      with the larger impact on the product wins, M > O > A > I, the common rule the course
      reference gives; R and Q come after those, R before Q, because a tie with a real category
      should not be decided by answers that reverse the question (R) or contradict themselves
      (Q). How *close* the lead is shows in ``category_strength`` and ``fong_significant``;
    - ``category_close_call``: the close-call rule. When Fong's test finds the top two
      categories not significantly apart, the one with the larger impact on the product wins
      (M > O > A > I, then R, Q); when the lead is significant it equals ``category``. Decide
      with this column; report ``category`` beside it;
    - ``better = (A + O) / (A + O + M + I)`` and ``worse = -(O + M) / (A + O + M + I)``
      (Berger et al. 1993, after Timko; R and Q left out; NaN when A + O + M + I = 0);
    - ``total_strength = (A + O + M) / n``; ``category_strength`` = share of the top category
      minus share of the second (0 on a tie);
    - ``fong_significant`` (Fong 1996): with a, b the two largest counts, the top category is
      ahead only if ``|a - b| >= 1.65 * sqrt((a + b) * (2n - a - b) / (2n))``.

    Method: docs/methods.md §3.3–§3.6 (the close-call rule: §3.4). Used in: lessons 05, 07, 08; notebook your_own_survey.

    Parameters
    ----------
    responses : DataFrame
        One row per answer pair (a respondent's two answers about one feature).
    attribute, functional, dysfunctional : str
        Column names. Features appear in the order of their first row (or, for a Categorical
        column, in category order; unused categories are left out). The result's first column
        takes the name given as *attribute*. A feature whose every pair was set aside keeps its
        row, with ``n = 0``, no category and NaN statistics.
    answers : mapping, optional
        Your own answer wording, ``{wording: answer}`` (answer: a code 1-5, a word such as
        "like", or None for "no answer"), for answers :data:`ANSWER_VARIANTS` does not list.
        Blanks and skip marks such as "(跳过)" are missing answers anyway.

    Returns
    -------
    DataFrame with columns ``attribute, A, O, M, I, R, Q, n, category, category_close_call,
    better, worse, total_strength, category_strength, fong_significant``.

    Raises
    ------
    InputError
        For a missing column, an empty table, an answer that is not a KANO answer, or a row
        without a feature name. Pairs with a missing answer are set aside with a
        :class:`coursekit.MissingDataWarning`.

    Examples
    --------
    >>> answers = pd.DataFrame({
    ...     "attribute": ["wifi"] * 4 + ["towels"] * 4,
    ...     "functional": ["like", "like", "like", "neutral", 2, 2, 3, 1],
    ...     "dysfunctional": ["neutral", "neutral", "dislike", "neutral", 5, 5, 5, 5]})
    >>> table = summarize(answers)
    >>> table[["attribute", "A", "O", "M", "I", "n", "category", "better", "worse"]]
      attribute  A  O  M  I  n category  better  worse
    0      wifi  2  1  0  1  4        A    0.75  -0.25
    1    towels  0  1  3  0  4        M    0.25  -1.00
    >>> table[["total_strength", "category_strength", "fong_significant"]]
       total_strength  category_strength  fong_significant
    0            0.75               0.25             False
    1            1.00               0.50             False
    """
    data, codes, labels, f_codes, d_codes = _prepare(responses, attribute, functional, dysfunctional,
                                                     answers=answers)
    pair = f_codes * 6  # int8 is enough: at most 5 * 6 + 5 = 35
    pair += d_codes
    category = PAIR_CATEGORY[pair]
    del pair
    # One bincount over attribute*7 + category counts everything; slot 6 holds set-aside pairs.
    key = codes.astype(np.intp)
    key *= len(CATEGORIES) + 1
    key += category
    counts = np.bincount(key, minlength=len(labels) * 7).reshape(len(labels), 7)
    del key
    if counts[:, SET_ASIDE].any():
        warn_pairs_set_aside(data.index, category == SET_ASIDE)
    used = counts.any(axis=1)
    table = pd.DataFrame(counts[used, :SET_ASIDE], columns=list(CATEGORIES))
    table.insert(0, attribute, np.asarray(labels)[used])
    return summarize_counts(table, attribute=attribute)


def continuous_scores(responses, attribute="attribute", functional="functional",
                      dysfunctional="dysfunctional", importance=None, *, scale=None,
                      na_values=None, answers=None):
    """Mean DuMouchel scores of each feature (Berger et al. 1993), for the continuous plane.

    Functional answers score like 4, must-be 2, neutral 0, live-with -1, dislike -2;
    dysfunctional answers score like -2, must-be -1, neutral 0, live-with 2, dislike 4
    (:data:`FUNCTIONAL_SCORES`, :data:`DYSFUNCTIONAL_SCORES`). Per feature::

        functional_score    = mean functional score     (y of the plane)
        dysfunctional_score = mean dysfunctional score  (x of the plane)

    Method: docs/methods.md §3.7, §9.1. Used in: lesson 05.

    Parameters
    ----------
    responses : DataFrame
        One row per answer pair, as for :func:`summarize`.
    attribute, functional, dysfunctional : str
        Column names.
    importance : str, optional
        A column of self-stated importance (numbers); its mean per feature is added as
        ``importance`` (it can size the points of :func:`plot_continuous`).
    scale : (low, high), optional
        The importance scale (e.g. ``(1, 7)``); importance off it raises InputError. Without
        it, importance answers that look like not-applicable codes (99 among 1-7) raise a
        :class:`coursekit.SuspectCodeWarning`.
    na_values : number, text or list, optional
        Importance codes meaning "no answer" (e.g. ``[0, 99]``): such a row is set aside like
        a row with no importance.
    answers : mapping, optional
        Your own answer wording, as for :func:`summarize`.

    Returns
    -------
    DataFrame with columns ``attribute, functional_score, dysfunctional_score, n`` (and
    ``importance`` if asked). A row missing an answer (or its importance, if asked) is set aside
    with a :class:`coursekit.MissingDataWarning`.

    Raises
    ------
    InputError
        As for :func:`summarize`, for an importance column holding anything but numbers (text,
        dates, yes/no, infinite) or off the declared scale, and for ``scale=`` or
        ``na_values=`` without ``importance=``.

    Examples
    --------
    >>> answers = pd.DataFrame({"attribute": ["wifi", "wifi", "towels"],
    ...                         "functional": [1, 3, 2], "dysfunctional": [3, 3, 5],
    ...                         "importance": [8, 6, 9]})
    >>> continuous_scores(answers, importance="importance")
      attribute  functional_score  dysfunctional_score  n  importance
    0      wifi               2.0                  0.0  2         7.0
    1    towels               2.0                  4.0  1         9.0
    """
    if importance is None and (scale is not None or na_values is not None):
        raise InputError("scale= and na_values= describe the importance answers: name their "
                         "column with importance=..., or leave scale= and na_values= out.")
    extra = [] if importance is None else [importance]
    data, codes, labels, f_codes, d_codes = _prepare(responses, attribute, functional,
                                                     dysfunctional, extra, answers)
    missing = (f_codes == 0) | (d_codes == 0)
    if importance is not None:
        weight = rating_frame(data, [importance], scale=scale, na_values=na_values,
                              what="KANO answers")[importance].to_numpy()
        missing |= np.isnan(weight)
    warn_pairs_set_aside(data.index, missing)
    keep = ~missing
    size = len(labels)
    n = np.bincount(codes[keep], minlength=size)
    f_sum = np.bincount(codes[keep], weights=F_SCORE[f_codes[keep]], minlength=size)
    d_sum = np.bincount(codes[keep], weights=D_SCORE[d_codes[keep]], minlength=size)
    appear = np.bincount(codes, minlength=size) > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({attribute: np.asarray(labels), "functional_score": f_sum / n,
                            "dysfunctional_score": d_sum / n, "n": n})
        if importance is not None:
            out["importance"] = np.bincount(codes[keep], weights=weight[keep], minlength=size) / n
    return out.loc[appear].reset_index(drop=True)
