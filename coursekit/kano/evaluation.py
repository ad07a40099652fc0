"""The KANO evaluation table and the category of each answer pair.

Rows of :data:`EVALUATION_TABLE` are the functional answer, columns the dysfunctional answer
(Berger et al. 1993; docs/methods.md §3.3). :func:`classify` reads answer pairs off it and
:func:`to_codes` turns any accepted spelling of an answer into its code 1-5.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, warn_set_aside
from .answers import ALLOWED_TEXT, ANSWERS, answer_codes, code_of
from .stats import CATEGORIES

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

SET_ASIDE = len(CATEGORIES)  # category index of a pair with a missing answer


def _pair_lookup() -> np.ndarray:
    # Index f*6 + d with codes 0-5 (0 = missing); built from EVALUATION_TABLE so the two agree.
    lut = np.full(36, SET_ASIDE, dtype=np.int8)
    for f in range(1, 6):
        for d in range(1, 6):
            lut[f * 6 + d] = CATEGORIES.index(EVALUATION_TABLE.iat[f - 1, d - 1])
    return lut


PAIR_CATEGORY = _pair_lookup()
F_SCORE = np.array([np.nan, *FUNCTIONAL_SCORES.values()])
D_SCORE = np.array([np.nan, *DYSFUNCTIONAL_SCORES.values()])


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


def warn_pairs_set_aside(index, mask: np.ndarray, action: str = "set aside",
                         all_allowed: bool = False) -> None:
    """Say how many answer pairs lacked an answer; refuse when none is left (unless allowed)."""
    count = int(mask.sum())
    if count == len(mask) and count and not all_allowed:
        raise InputError(f"Every one of the {len(mask)} answer pairs has a missing functional or "
                         f"dysfunctional answer, so nothing is left to analyse.")
    warn_set_aside(index[np.flatnonzero(mask)], len(mask), "answer pairs",
                   "a missing functional or dysfunctional answer", action=action, stacklevel=4)


def to_codes(answers, mapping=None) -> pd.Series:
    """Return KANO answers as the codes 1-5 (a nullable ``Int8`` Series; missing stays missing).

    Codes, English words and the usual Chinese wording are understood; every accepted spelling is
    listed in :data:`ANSWER_VARIANTS`.

    Method: docs/methods.md §3.1. Used in: library only (lesson 05 names it).

    Parameters
    ----------
    answers : Series, list or array of answers.
    mapping : mapping, optional
        Your own wording, ``{wording: answer}`` (a code 1-5, a word such as "like", or None).
        Blanks and skip marks such as "(跳过)" or "N/A" are missing answers.

    Raises
    ------
    InputError
        If an answer is not a KANO answer (the message shows it with its row label).

    Examples
    --------
    >>> to_codes(["Must be", "LIVE WITH", "理所当然", "不喜欢", 1, None]).tolist()
    [2, 4, 2, 5, 1, <NA>]
    >>> to_codes(["它理应如此", "我能 忍受", "I can live with it that way", "(跳过)", "超喜欢"],
    ...          mapping={"超喜欢": "like"}).tolist()
    [2, 4, 4, <NA>, 1]
    >>> to_codes(["like", "maybe"])
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'answer' has answers that are not KANO answers in 1 row: row 1: 'maybe'. ...
    """
    series = _as_series(answers, "answer")
    codes = answer_codes(series, _name(series, "answer"), mapping)
    return pd.Series(pd.array(np.where(codes > 0, codes, 0), dtype="Int8"), index=series.index,
                     name=series.name).mask(codes == 0)


def classify(functional, dysfunctional):
    """Return the KANO category of each (functional, dysfunctional) answer pair.

    The category is the cell of :data:`EVALUATION_TABLE` (Berger et al. 1993) in the row of the
    functional answer and the column of the dysfunctional answer: A attractive, O one-dimensional,
    M must-be, I indifferent, R reverse, Q questionable.

    Method: docs/methods.md §3.2. Used in: lesson 05.

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
    coursekit.InputError: The dysfunctional answer 'sometimes' is not a KANO answer. ...
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
        return CATEGORIES[PAIR_CATEGORY[codes[0] * 6 + codes[1]]]

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
    category = PAIR_CATEGORY[f_codes * 6 + d_codes]
    index = f_series.index if isinstance(functional, pd.Series) else d_series.index
    warn_pairs_set_aside(index, category == SET_ASIDE, "left without a category", all_allowed=True)
    labels = np.array([*CATEGORIES, np.nan], dtype=object)[category]
    if return_series:
        return pd.Series(labels, index=index, name="category", dtype="str")
    return labels
