"""KANO model: sort each feature of a service into attractive, one-dimensional, must-be, ...

Every respondent answers two questions per feature — functional ("if the service has it") and
dysfunctional ("if it does not") — with the same five answers, given as codes, English or
Chinese words (:data:`ANSWER_VARIANTS` lists every spelling understood)::

    code  English     Chinese
    1     like        喜欢
    2     must-be     理应如此
    3     neutral     无所谓
    4     live-with   能忍受
    5     dislike     不喜欢

:func:`classify` reads one answer pair off :data:`EVALUATION_TABLE`; :func:`summarize` counts
the categories per feature and adds Better/Worse, the two strengths and Fong's test;
:func:`continuous_scores` gives DuMouchel's scores; :func:`plot_better_worse` and
:func:`plot_continuous` draw them.

Missing answers: an answer pair with a missing functional or dysfunctional answer is set aside
(never counted as a category) and a :class:`coursekit.MissingDataWarning` says how many.

Sources: Kano, Seraku, Takahashi & Tsuji (1984); Berger et al. (1993), *Center for Quality
Management Journal* 2(4); Fong (1996), *CQM Journal* 5.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ._checks import MAX_SHOWN, _fmt, require_columns, require_complete, require_frame, require_numeric
from ._errors import InputError, MissingDataWarning
from ._kano_answers import (ALLOWED_TEXT, ANSWER_VARIANTS, ANSWERS, answer_codes, code_of,
                            stack_answers)
from ._kano_plots import plot_better_worse, plot_continuous
from ._kano_stats import CATEGORIES, TIE_ORDER, summarize_counts

__all__ = [
    "ANSWERS", "ANSWER_VARIANTS", "CATEGORIES", "CATEGORY_NAMES", "CATEGORY_NAMES_ZH",
    "EVALUATION_TABLE", "FUNCTIONAL_SCORES", "DYSFUNCTIONAL_SCORES", "TIE_ORDER",
    "classify", "summarize", "summarize_counts", "continuous_scores", "to_codes",
    "stack_answers", "plot_better_worse", "plot_continuous",
]

CATEGORY_NAMES = {"A": "attractive", "O": "one-dimensional", "M": "must-be",
                  "I": "indifferent", "R": "reverse", "Q": "questionable"}
#: Chinese names as in the course reference (O is also called 期望, M also 基本).
CATEGORY_NAMES_ZH = {"A": "魅力", "O": "一元", "M": "必备", "I": "无差异", "R": "反向", "Q": "可疑"}

#: Berger et al. (1993): rows = functional answer, columns = dysfunctional answer.
EVALUATION_TABLE = pd.DataFrame(
    [list("QAAAO"), list("RIIIM"), list("RIIIM"), list("RIIIM"), list("RRRRQ")],
    index=pd.Index(ANSWERS, name="functional"),
    columns=pd.Index(ANSWERS, name="dysfunctional"),
)

#: DuMouchel's scores (Berger et al. 1993), by answer code 1-5.
FUNCTIONAL_SCORES = {1: 4.0, 2: 2.0, 3: 0.0, 4: -1.0, 5: -2.0}
DYSFUNCTIONAL_SCORES = {1: -2.0, 2: -1.0, 3: 0.0, 4: 2.0, 5: 4.0}

_SET_ASIDE = len(CATEGORIES)  # category index of a pair with a missing answer


def _pair_lookup() -> np.ndarray:
    # Index f*6 + d with codes 0-5 (0 = missing); built from EVALUATION_TABLE so the two agree.
    lut = np.full(36, _SET_ASIDE, dtype=np.int8)
    for f in range(1, 6):
        for d in range(1, 6):
            lut[f * 6 + d] = CATEGORIES.index(EVALUATION_TABLE.iat[f - 1, d - 1])
    return lut


_PAIR_CATEGORY = _pair_lookup()
_F_SCORE = np.array([np.nan, *FUNCTIONAL_SCORES.values()])
_D_SCORE = np.array([np.nan, *DYSFUNCTIONAL_SCORES.values()])


def _name(values, default: str) -> str:
    name = getattr(values, "name", None)
    return str(name) if name is not None else default


def _as_series(values, default: str) -> pd.Series:
    if isinstance(values, pd.Series):
        return values
    if isinstance(values, pd.DataFrame) or np.ndim(values) != 1:
        raise InputError(f"The {default} answers should be one column (a Series, list or array), "
                         f"not a {type(values).__name__} with {np.ndim(values)} dimensions.")
    return pd.Series(np.asarray(values, dtype=object), name=default)


def _warn_set_aside(index, mask: np.ndarray, what: str, stacklevel: int = 3,
                    all_allowed: bool = False) -> None:
    count = int(mask.sum())
    if count == 0:
        return
    if count == len(mask) and not all_allowed:
        raise InputError(f"Every one of the {len(mask)} answer pairs has a missing functional or "
                         f"dysfunctional answer, so nothing is left to analyse.")
    labels = ", ".join(_fmt(x) if isinstance(x, str) else str(x)
                       for x in index[np.flatnonzero(mask)[:MAX_SHOWN]])
    more = f" and {count - MAX_SHOWN} more" if count > MAX_SHOWN else ""
    verb, rows = ("was", "row") if count == 1 else ("were", "rows")
    warnings.warn(f"{count} of {len(mask)} answer pairs {verb} {what} because the functional or "
                  f"dysfunctional answer is missing ({rows} {labels}{more}).",
                  MissingDataWarning, stacklevel=stacklevel)


def to_codes(answers) -> pd.Series:
    """Return KANO answers as the codes 1-5 (a nullable ``Int8`` Series; missing stays missing).

    Codes, English words and the usual Chinese wording are understood; every accepted spelling is
    listed in :data:`ANSWER_VARIANTS`.

    Parameters
    ----------
    answers : Series, list or array of answers.

    Raises
    ------
    InputError
        If an answer is not a KANO answer (the message shows it with its row label).

    Examples
    --------
    >>> to_codes(["Must be", "LIVE WITH", "理所当然", "不喜欢", 1, None]).tolist()
    [2, 4, 2, 5, 1, <NA>]
    >>> to_codes(["like", "maybe"])
    Traceback (most recent call last):
    ...
    coursekit._errors.InputError: Column 'answer' has answers that are not KANO answers in 1 row: row 1: 'maybe'. ...
    """
    series = _as_series(answers, "answer")
    codes = answer_codes(series, _name(series, "answer"))
    return pd.Series(pd.array(np.where(codes > 0, codes, 0), dtype="Int8"), index=series.index,
                     name=series.name).mask(codes == 0)


def classify(functional, dysfunctional):
    """Return the KANO category of each (functional, dysfunctional) answer pair.

    The category is the cell of :data:`EVALUATION_TABLE` (Berger et al. 1993) in the row of the
    functional answer and the column of the dysfunctional answer: A attractive, O one-dimensional,
    M must-be, I indifferent, R reverse, Q questionable.

    Parameters
    ----------
    functional, dysfunctional : answer, or Series / list / array of answers
        Codes 1-5, English or Chinese words (see :data:`ANSWER_VARIANTS`).

    Returns
    -------
    str for two single answers; a Series (same row labels) if either input is a Series;
    otherwise a numpy object array. A pair with a missing answer gets a missing category, and a
    :class:`coursekit.MissingDataWarning` says how many.

    Raises
    ------
    InputError
        For an answer that is not a KANO answer, a missing single answer, or inputs of different
        lengths or row labels.

    Examples
    --------
    >>> classify("like", "dislike"), classify(2, 5), classify("喜欢", "无所谓")
    ('O', 'M', 'A')
    >>> classify(pd.Series([1, 3, 5]), pd.Series([5, 3, 1])).tolist()
    ['O', 'I', 'R']
    >>> classify("like", "sometimes")
    Traceback (most recent call last):
    ...
    coursekit._errors.InputError: The dysfunctional answer 'sometimes' is not a KANO answer. ...
    """
    if np.ndim(functional) == 0 and np.ndim(dysfunctional) == 0:
        codes = []
        for value, side in ((functional, "functional"), (dysfunctional, "dysfunctional")):
            code = code_of(value)
            if code == 0:
                raise InputError(f"The {side} answer is missing: a KANO category needs both answers.")
            if code < 0:
                raise InputError(f"The {side} answer {value!r} is not a KANO answer. "
                                 f"Allowed: {ALLOWED_TEXT}.")
            codes.append(code)
        return CATEGORIES[_PAIR_CATEGORY[codes[0] * 6 + codes[1]]]

    return_series = isinstance(functional, pd.Series) or isinstance(dysfunctional, pd.Series)
    f_series = _as_series(functional, "functional")
    d_series = _as_series(dysfunctional, "dysfunctional")
    if len(f_series) != len(d_series):
        raise InputError(f"There are {len(f_series)} functional answers but {len(d_series)} "
                         f"dysfunctional answers: give one of each per answer pair.")
    both_series = isinstance(functional, pd.Series) and isinstance(dysfunctional, pd.Series)
    if both_series and not f_series.index.equals(d_series.index):
        raise InputError("The functional and dysfunctional answers have different row labels; "
                         "pair them up first (for example, take both columns from one table).")
    f_codes = answer_codes(f_series, _name(f_series, "functional"))
    d_codes = answer_codes(d_series, _name(d_series, "dysfunctional"))
    category = _PAIR_CATEGORY[f_codes * 6 + d_codes]
    index = f_series.index if isinstance(functional, pd.Series) else d_series.index
    _warn_set_aside(index, category == _SET_ASIDE, "left without a category", all_allowed=True)
    labels = np.array([*CATEGORIES, np.nan], dtype=object)[category]
    if return_series:
        return pd.Series(labels, index=index, name="category", dtype="str")
    return labels


def _attribute_codes(column: pd.Series, name: str):
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes, labels = column.cat.codes.to_numpy(), column.cat.categories
    else:
        codes, labels = pd.factorize(column, use_na_sentinel=True)
    if codes.min() < 0:
        require_complete(column, name, what="a feature name")
    return codes, labels


def _prepare(data, attribute, functional, dysfunctional, extra=()):
    data = require_frame(data, "KANO answers")
    require_columns(data, [attribute, functional, dysfunctional, *extra], "KANO answers")
    codes, labels = _attribute_codes(data[attribute], attribute)
    f_codes = answer_codes(data[functional], functional)
    d_codes = answer_codes(data[dysfunctional], dysfunctional)
    return data, codes, labels, f_codes, d_codes


def summarize(responses, attribute="attribute", functional="functional",
              dysfunctional="dysfunctional"):
    """Count the KANO categories of each feature and say how clear its category is.

    Each answer pair is classified with :data:`EVALUATION_TABLE`; per feature:

    - ``A, O, M, I, R, Q``: the counts, and ``n`` their total (answer pairs kept);
    - ``category``: the most frequent category. **Tie rule** (exact ties only): the category
      with the larger impact on the product wins, M > O > A > I, the common rule the course
      reference gives; R and Q come after those, R before Q, because a tie with a real category
      should not be decided by answers that reverse the question (R) or contradict themselves
      (Q). How *close* the lead is shows in ``category_strength`` and ``fong_significant``;
    - ``better = (A + O) / (A + O + M + I)`` and ``worse = -(O + M) / (A + O + M + I)``
      (Berger et al. 1993, after Timko; R and Q left out; NaN when A + O + M + I = 0);
    - ``total_strength = (A + O + M) / n``; ``category_strength`` = share of the top category
      minus share of the second (0 on a tie);
    - ``fong_significant`` (Fong 1996): with a, b the two largest counts, the top category is
      ahead only if ``|a - b| >= 1.65 * sqrt((a + b) * (2n - a - b) / (2n))``.

    Parameters
    ----------
    responses : DataFrame
        One row per answer pair (a respondent's two answers about one feature).
    attribute, functional, dysfunctional : str
        Column names. Features appear in the order of their first row (or, for a Categorical
        column, in category order; unused categories are left out). The result's first column
        takes the name given as *attribute*. A feature whose every pair was set aside keeps its
        row, with ``n = 0``, no category and NaN statistics.

    Returns
    -------
    DataFrame with columns ``attribute, A, O, M, I, R, Q, n, category, better, worse,
    total_strength, category_strength, fong_significant``.

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
    data, codes, labels, f_codes, d_codes = _prepare(responses, attribute, functional, dysfunctional)
    pair = f_codes * 6  # int8 is enough: at most 5 * 6 + 5 = 35
    pair += d_codes
    category = _PAIR_CATEGORY[pair]
    del pair
    # One bincount over attribute*7 + category counts everything; slot 6 holds set-aside pairs.
    key = codes.astype(np.intp)
    key *= len(CATEGORIES) + 1
    key += category
    counts = np.bincount(key, minlength=len(labels) * 7).reshape(len(labels), 7)
    del key
    if counts[:, _SET_ASIDE].any():
        _warn_set_aside(data.index, category == _SET_ASIDE, "set aside")
    used = counts.any(axis=1)
    table = pd.DataFrame(counts[used, :_SET_ASIDE], columns=list(CATEGORIES))
    table.insert(0, attribute, np.asarray(labels)[used])
    return summarize_counts(table, attribute=attribute)


def continuous_scores(responses, attribute="attribute", functional="functional",
                      dysfunctional="dysfunctional", importance=None):
    """Mean DuMouchel scores of each feature (Berger et al. 1993), for the continuous plane.

    Functional answers score like 4, must-be 2, neutral 0, live-with -1, dislike -2;
    dysfunctional answers score like -2, must-be -1, neutral 0, live-with 2, dislike 4
    (:data:`FUNCTIONAL_SCORES`, :data:`DYSFUNCTIONAL_SCORES`). Per feature::

        functional_score    = mean functional score     (y of the plane)
        dysfunctional_score = mean dysfunctional score  (x of the plane)

    Parameters
    ----------
    responses : DataFrame
        One row per answer pair, as for :func:`summarize`.
    attribute, functional, dysfunctional : str
        Column names.
    importance : str, optional
        A column of self-stated importance (numbers); its mean per feature is added as
        ``importance`` (it can size the points of :func:`plot_continuous`).

    Returns
    -------
    DataFrame with columns ``attribute, functional_score, dysfunctional_score, n`` (and
    ``importance`` if asked). A row missing an answer (or its importance, if asked) is set aside
    with a :class:`coursekit.MissingDataWarning`.

    Raises
    ------
    InputError
        As for :func:`summarize`, and for an importance column holding text.

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
    extra = [] if importance is None else [importance]
    data, codes, labels, f_codes, d_codes = _prepare(responses, attribute, functional,
                                                     dysfunctional, extra)
    missing = (f_codes == 0) | (d_codes == 0)
    if importance is not None:
        weight = require_numeric(data, [importance], "KANO answers")[importance].to_numpy()
        missing |= np.isnan(weight)
    _warn_set_aside(data.index, missing, "set aside")
    keep = ~missing
    size = len(labels)
    n = np.bincount(codes[keep], minlength=size)
    f_sum = np.bincount(codes[keep], weights=_F_SCORE[f_codes[keep]], minlength=size)
    d_sum = np.bincount(codes[keep], weights=_D_SCORE[d_codes[keep]], minlength=size)
    appear = np.bincount(codes, minlength=size) > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({attribute: np.asarray(labels), "functional_score": f_sum / n,
                            "dysfunctional_score": d_sum / n, "n": n})
        if importance is not None:
            out["importance"] = np.bincount(codes[keep], weights=weight[keep], minlength=size) / n
    return out.loc[appear].reset_index(drop=True)
