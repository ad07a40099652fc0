"""Answer text as exports write it, made comparable: full-width characters, stray spaces and
end punctuation removed, skip marks turned into missing answers.

Every distinct answer is cleaned once (a column of 100,000 answers usually holds a handful of
different ones), so cleaning costs about one pass over the column.
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

#: Answers that mean "no answer here", after clean-up (compared ignoring case): 问卷星's
#: "(跳过)" (skipped by the survey's logic) and "(空)" (left empty), dashes, "N/A".
SKIP_MARKS = ("", "(跳过)", "跳过", "(空)", "空", "-", "--", "—", "n/a", "na", "#n/a",
              "(skipped)", "skipped", "(empty)", "不适用")

_SPACES = re.compile(r"\s+")
# A space between two CJK characters is a typing accident, not a word break.
_CJK = "\u2e80-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
# End punctuation a respondent or an export adds: ASCII and Chinese full stops, commas, etc.
# (after NFKC, full-width forms are ASCII already). Closing brackets are kept: "(跳过)".
_END = " .,;:!?。，、；：！？…"
_SKIP = {m.casefold() for m in SKIP_MARKS}


def clean_text(value):
    """One answer, cleaned: Unicode NFKC (full-width letters, digits and spaces become
    ordinary ones), spaces trimmed and collapsed (none left between two Chinese characters),
    end punctuation dropped. Anything that is not text is returned unchanged.

    >>> clean_text("　非常 满意。"), clean_text("７ - Strongly agree. "), clean_text(3)
    ('非常满意', '7 - Strongly agree', 3)
    """
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value)
    text = _SPACES.sub(" ", text).strip()
    text = _CJK_GAP.sub("", text)
    stripped = text.rstrip(_END)
    # A mark made only of punctuation ("-", "...") stays what it was, to be read as a skip mark.
    return stripped if stripped else text


def is_skip_mark(value) -> bool:
    """True for a cleaned answer that means "no answer" (see :data:`SKIP_MARKS`)."""
    return isinstance(value, str) and value.casefold() in _SKIP


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def _is_number(value) -> bool:
    if isinstance(value, str):
        return bool(_NUMBER.match(value))
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def clean_column(values: pd.Series, *, skip_marks: bool = True, extra_missing=(),
                 limit: int | None = None) -> pd.Series:
    """*values* with every text answer cleaned by :func:`clean_text`; skip marks (and the
    answers in *extra_missing*, compared after clean-up) become missing; a column whose cleaned
    answers are all numbers comes back as numbers. Columns without text, and columns with more
    than *limit* different answers (open comments), are returned as they are.

    The work is done once per distinct answer and the column rebuilt with one ``take``.
    """
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return values
    # Most columns of an export need no change: find that out from the distinct answers alone,
    # and only number the rows (factorize) when something has to be rewritten.
    if limit is not None and len(values) > 4 * limit:
        # An open column (times, IP addresses, comments) shows more than *limit* answers in its
        # first rows already; counting them over the whole column would be most of the work.
        if pd.unique(values.iloc[: 4 * limit].to_numpy(dtype=object, na_value=None)).size > limit + 1:
            return values
    uniques = pd.unique(values.to_numpy(dtype=object, na_value=None))
    uniques = [u for u in uniques if u is not None and u == u]
    if len(uniques) == 0 or (limit is not None and len(uniques) > limit):
        return values
    extra = {clean_text(str(v)).casefold() for v in extra_missing}
    if all(isinstance(u, str) and clean_text(u) == u and u.casefold() not in extra
           and not (skip_marks and u.casefold() in _SKIP) and not _NUMBER.match(u) for u in uniques):
        return values
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    remap = np.full(len(uniques) + 1, -1, dtype=np.intp)
    kept: dict = {}
    changed = False
    for j, value in enumerate(uniques):
        text = clean_text(value)
        if isinstance(text, str) and ((skip_marks and text.casefold() in _SKIP)
                                      or text.casefold() in extra):
            changed = True
            continue
        changed = changed or text != value
        remap[j] = kept.setdefault(text, len(kept))
    new = list(kept)
    if new and all(_is_number(t) for t in new):
        numbers = np.array([*map(float, new), np.nan])
        return pd.Series(numbers[remap[codes]], index=values.index, name=values.name)
    if not changed:
        return values
    dtype = values.dtype if not pd.api.types.is_object_dtype(values) else object
    array = pd.array(new, dtype=dtype) if dtype is not object else np.array(new, dtype=object)
    taken = pd.array(array).take(remap[codes], allow_fill=True)
    return pd.Series(taken, index=values.index, name=values.name)
