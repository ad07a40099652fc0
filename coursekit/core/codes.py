"""Not-applicable codes: reading ``na_values=`` and spotting answers that look like codes.

Survey exports often hold a number where there is no rating: 0 for "not applicable", 8 or 9
for "don't know" on a 1–7 scale, 99 or -1 for "no answer". Averaged or correlated as ratings
they move a result without a word (one 99 among 40 answers can move a driver's share from
half to almost nothing). :func:`parse_na_values` reads what the user declared;
:func:`look_for_codes` finds what looks like a code when nothing was declared.
"""
from __future__ import annotations

import numbers
from collections.abc import Mapping

from .errors import InputError
from .messages import refuse_unknown_columns

#: Rules of :func:`look_for_codes`, named so that the docstrings and tests can cite them.
FAR_GAP = 10           # a "far" value is more than this beyond the rest ...
FAR_FACTOR = 2         # ... and more than twice the rest's range beyond it
EDGE_TOP = (8.0, 9.0)  # "don't know" codes just above a scale of at most seven points
EDGE_SHARE = 0.25      # edge codes are a minority of the answers ...
TOP_USED = 0.02        # ... above a scale top that people really used (not a thin tail)
LOW_CODE_ABOVE = 5     # 0 counts as a code only below a scale reaching 5 (1-5, 1-6, 1-7)
MIN_ANSWERS_FAR, MIN_ANSWERS_EDGE = 5, 10


def parse_na_values(na_values, columns) -> dict:
    """``{column: (numbers, texts)}`` from ``na_values=``: one code, a list of codes for every
    column, or a mapping ``{column: codes}``. Numbers match numbers (and text spelling them);
    text codes match text after trimming spaces and ignoring case (``"N/A"``, ``"不适用"``).

    >>> parse_na_values([0, 99, "n/a"], ["q1", "q2"])["q2"]
    ((0.0, 99.0), ('n/a',))
    >>> parse_na_values({"q3": 9}, ["q1", "q2"])
    Traceback (most recent call last):
    ...
    coursekit.InputError: na_values= names 'q3', which is not one of the columns analysed. Allowed: 'q1', 'q2'.
    """
    if na_values is None:
        return {}
    columns = list(columns)
    if isinstance(na_values, Mapping):
        refuse_unknown_columns(na_values, columns, "na_values")
        return {c: _codes(v) for c, v in na_values.items()}
    codes = _codes(na_values)
    return {c: codes for c in columns}


def _codes(value):
    import numpy as np

    items = [value] if isinstance(value, (str, bytes)) or not np.iterable(value) else list(value)
    nums, texts = [], []
    for item in items:
        if isinstance(item, (bool, np.bool_)):
            raise InputError(f"na_values= holds {item!r}; codes are numbers such as 0, 8, 99 or "
                             f"text such as 'N/A'. Allowed: numbers or text.")
        if isinstance(item, numbers.Real):
            if item == item:  # NaN is missing already; nothing to recode
                nums.append(float(item))
        elif isinstance(item, str):
            texts.append(item.strip().casefold())
        elif item is not None:
            raise InputError(f"na_values= holds {item!r} ({type(item).__name__}); codes are "
                             f"numbers such as 0, 8, 99 or text such as 'N/A'.")
    return tuple(nums), tuple(texts)


def recode_text(col, texts):
    """*col* with the entries spelling one of *texts* (trimmed, any case) made missing."""
    if not texts or col.dtype.kind in "biufcmM":
        return col, 0
    spelled = col.map(lambda v: v.strip().casefold() in texts if isinstance(v, str) else False)
    spelled = spelled.astype(bool)
    count = int(spelled.sum())
    return (col.mask(spelled) if count else col), count


def recode_column(col, na_values, name):
    """*col* with the entries matching *na_values* made missing (text spelling a code, or a
    number equal to one, whatever the column's type), and how many were.

    >>> import pandas as pd
    >>> recode_column(pd.Series(["yes", "n/a", 99, "no"]), [99, "N/A"], "returned")
    (0    yes
    1    NaN
    2    NaN
    3     no
    dtype: object, 2)
    """
    import pandas as pd

    nums, texts = parse_na_values(na_values, [name]).get(name, ((), ()))
    col, count = recode_text(col, texts)
    if nums and not pd.api.types.is_bool_dtype(col):
        numbers = col if pd.api.types.is_numeric_dtype(col) else pd.to_numeric(col, errors="coerce")
        hit = numbers.isin(nums) & col.notna()
        if hit.any():
            col, count = col.mask(hit), count + int(hit.sum())
    return col, count


def recode_numbers(values, nums) -> int:
    """Set the entries of *values* equal to one of *nums* to NaN, in place; return how many."""
    import numpy as np

    if not nums:
        return 0
    hit = np.isin(values, nums)
    count = int(hit.sum())
    if count:
        values[hit] = np.nan
    return count


def look_for_codes(values, span=None, whole=None):
    """Values of one column of answers that look like not-applicable codes, or ``None``.

    Returns ``(codes, (low, high))``: the suspect values and the range the other answers
    fill. Two rules, applied only to whole numbers, never to a column with a declared scale:

    * **far** (5 answers or more): one to three values more than ``FAR_GAP`` (10) and more than
      twice the range of the other answers beyond them — 99 among answers from 1 to 7, 999
      among 0–100; together fewer than half the answers;
    * **edge** (10 answers or more): 0 or negative values below answers that otherwise run
      from 1 up to 5, 6 or 7, and 8 or 9 above answers of at most seven points starting at 1
      (at least three different answers, the top one given by at least 2 % of the answers,
      so a thin tail such as 7, 8, 9 nights is not taken for codes); together at most a
      quarter of the answers. Negative values below answers starting at 0 count too (-1
      below 0–10).

    Some real scales look exactly like a shorter one with codes — 0–5 to 0–9, 1–8, 1–9 — and
    are flagged; declaring the scale (``scale=(0, 5)``) settles it and turns the search off.

    *span* (the lowest and highest answer) and *whole* (True when the answers are known to be
    whole numbers) save passes over the data when the caller knows them.

    >>> import numpy as np
    >>> look_for_codes(np.array([1, 4, 5, 7, 6, 99, 3, 2.0]))
    (array([99.]), (1.0, 7.0))
    >>> look_for_codes(np.array([0, 10, 3, 7, 9, 8, 5, 6, 4, 2, 1, 9.0])) is None
    True
    """
    import numpy as np

    if span is None:
        with np.errstate(invalid="ignore"):
            span = (np.fmin.reduce(values), np.fmax.reduce(values)) if len(values) else (0, 0)
    low, high = float(span[0]), float(span[1])
    if low != low or not _could_hold_codes(low, high):
        return None  # nothing answered, or e.g. every answer from 1 to 7: no rule can apply
    if values.dtype.kind in "iu":
        finite = values
    else:
        empty = np.isnan(values)
        finite = values[~empty] if empty.any() else values
    if len(finite) < MIN_ANSWERS_FAR:
        return None
    if high - low <= 64:  # a rating scale: count each value directly
        shifted = finite - low
        ints = shifted.astype(np.int64)
        if not whole and not np.array_equal(ints, shifted):
            return None  # not whole numbers: not ratings with codes
        counts = np.bincount(ints)
        distinct = np.flatnonzero(counts)
        v, c = distinct + low, counts[distinct]
    else:
        if not whole and not np.array_equal(finite, np.floor(finite)):
            return None
        v, c = np.unique(finite, return_counts=True)
    v = v.astype(np.float64)
    flagged = np.zeros(len(v), dtype=bool)
    first, last = _far(v, c, flagged)
    _edge(v, c, flagged, first, last)
    if not flagged.any():
        return None
    kept = v[~flagged]
    return v[flagged], (float(kept.min()), float(kept.max()))


def _could_hold_codes(low: float, high: float) -> bool:
    """Whether any rule could flag a value in a column running from *low* to *high*."""
    if not high - low <= FAR_GAP:  # "far" needs more than FAR_GAP between values (NaN: look)
        return True
    if high <= max(EDGE_TOP) and high >= 1 and low < 1:  # 0 or below under a 1-based scale
        return True
    if high in EDGE_TOP:  # 8 or 9 above a scale of at most seven points
        return True
    return low < 0 <= high  # -1 below a scale starting at 0


def _far(v, c, flagged):
    """Mark values far beyond the rest; return the index range of the rest."""
    total = c.sum()
    first, last = 0, len(v) - 1
    moved = True
    while moved and last > first:
        moved = False
        for k in (1, 2, 3):  # a group of up to three codes (97, 98, 99) at the top ...
            j = last - k + 1
            if j - 1 < first:
                break
            if _far_enough(v[j] - v[j - 1], v[j - 1] - v[first]) and \
                    c[flagged].sum() + c[j:last + 1].sum() < total / 2:
                flagged[j:last + 1] = True
                last, moved = j - 1, True
                break
        for k in (1, 2, 3):  # ... and at the bottom (-99, -9)
            j = first + k - 1
            if j + 1 > last:
                break
            if _far_enough(v[j + 1] - v[j], v[last] - v[j + 1]) and \
                    c[flagged].sum() + c[first:j + 1].sum() < total / 2:
                flagged[first:j + 1] = True
                first, moved = j + 1, True
                break
    return first, last


def _far_enough(gap, rest_range) -> bool:
    return gap > max(FAR_FACTOR * rest_range, FAR_GAP)


def _edge(v, c, flagged, first, last):
    """Mark 0/negative values below, and 8/9 above, a scale of at most seven points."""
    import numpy as np

    rest_v, rest_c = v[first:last + 1], c[first:last + 1]
    total = rest_c.sum()
    if total < MIN_ANSWERS_EDGE:
        return
    if rest_v.max() <= max(EDGE_TOP) and (rest_v >= 1).any():
        # A scale starting at 1 (of at most seven points), perhaps with 8/9 above it.
        body = (rest_v >= 1) & (rest_v <= 7)
        above = rest_v > 7
        below = rest_v < 1
        if above.any() and body.any() and rest_c[body][-1] < TOP_USED * total:
            above[:] = False  # the top of the "scale" is a thin tail, not a scale end
        if below.any() and (not body.any() or rest_v[body].max() < LOW_CODE_ABOVE):
            below[:] = False  # 0-3 and 0-4 are real scales; 0 below 1-5 or 1-7 is a code
    elif (rest_v < 0).any() and (rest_v == 0).any():
        # A scale starting at 0 (0-10, say), perhaps with -1 below it.
        body, above, below = rest_v >= 0, np.zeros(len(rest_v), dtype=bool), rest_v < 0
    else:
        return
    suspect = below | above
    if (not suspect.any() or body.sum() < 3 or below.sum() > 2
            or rest_c[suspect].sum() > EDGE_SHARE * total):
        return
    flagged[first:last + 1] |= suspect
