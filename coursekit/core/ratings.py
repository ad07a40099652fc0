"""Reading ratings: the one route from a table's answer columns to numbers an analysis may
average, correlate or sum.

Every function that works on ratings (driver importance, IPA, peak–end, the emotion curve,
SERVQUAL gaps and alpha, KANO importance, the recovery paradox, satisfaction after recovery)
reads them through :func:`rating_frame`, so ``scale=`` and ``na_values=`` mean the same thing
everywhere:

* ``na_values=`` — codes that mean "no rating" (``[0, 8, 99]``, ``"N/A"``; or a mapping
  ``{column: codes}``) become missing answers, and the function's own missing-answer policy
  applies (set aside with a :class:`coursekit.MissingDataWarning`, or skipped and counted);
* ``scale=(low, high)`` — (or ``{column: (low, high)}``) every remaining answer must lie on the
  scale, otherwise :class:`coursekit.InputError` names it;
* with no scale declared, answers that look like not-applicable codes raise a
  :class:`coursekit.SuspectCodeWarning` naming column, values and rows
  (:func:`coursekit.core.codes.look_for_codes` gives the rules).
"""
from __future__ import annotations

from .checks import _one_column
from .codes import look_for_codes, parse_na_values, recode_numbers, recode_text
from .labels import require_unique_labels
from .messages import warn_codes
from .numbers import MAX_MAGNITUDE, column_numbers, raise_too_large
from .scales import parse_scales, require_scale

#: The reason the set-aside warning gives when ``na_values=`` was used.
CODED_REASON = "missing answers (blank, or one of the na_values= codes)"


def rating_frame(data, columns, *, scale=None, na_values=None, what: str = "survey table",
                 look_for_suspects: bool = True, stacklevel: int = 4, with_array: bool = False):
    """The *columns* of *data* as one float64 table of ratings (NaN where there is none).

    ``attrs["not_applicable"]`` counts the answers made missing by *na_values*; the caller's
    own table is never changed. With *with_array*, returns ``(frame, array)``: the array is the
    frame's own writable n × k block, for callers that work in place to save memory (pandas
    hands out read-only views of a frame's data).

    >>> import pandas as pd
    >>> survey = pd.DataFrame({"q1": [5, 99, 6], "q2": ["4", "N/A", 7]})
    >>> rating_frame(survey, ["q1", "q2"], na_values=[99, "n/a"], scale=(1, 7))
        q1   q2
    0  5.0  4.0
    1  NaN  NaN
    2  6.0  7.0
    >>> rating_frame(survey, ["q1"], scale=(1, 7))
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'q1' has answers outside the scale in 1 row: row 1: 99.0. Allowed: numbers from 1 to 7 (the declared scale).
    """
    import numpy as np
    import pandas as pd

    columns = list(columns)
    require_unique_labels(columns, f"the columns of the {what}", noun="column names")
    codes = parse_na_values(na_values, columns)
    scales = parse_scales(scale, columns)
    known = data.dtypes.to_dict() if data.columns.is_unique else {}
    dtypes = [known.get(c) for c in columns]
    if not codes and all(isinstance(t, np.dtype) and t.kind in "iuf" for t in dtypes):
        # Plain numpy numbers and no codes (the usual case): one cast copy of the whole block.
        sub = data if list(data.columns) == columns else data[columns]
        block = sub.to_numpy(dtype=np.float64, copy=True)
        recoded, ints = 0, [t.kind in "iu" for t in dtypes]
    else:
        block, recoded, ints = _column_by_column(data, columns, codes, what)
    # One pass for every column's lowest and highest answer (NaN skipped): they settle the
    # size check, the scale check and, nearly always, the search for codes.
    lows, highs = np.fmin.reduce(block, axis=0), np.fmax.reduce(block, axis=0)
    found = []
    for j, name in enumerate(columns):
        values = block[:, j]
        if lows[j] <= -MAX_MAGNITUDE or highs[j] >= MAX_MAGNITUDE:  # NaN (all blank): no
            raise_too_large(name, values, data.index)
        if name in scales:
            low, high = scales[name]
            if lows[j] < low or highs[j] > high:
                require_scale(pd.Series(values, index=data.index), name, low, high)
        elif look_for_suspects:
            suspect = look_for_codes(values, span=(lows[j], highs[j]), whole=ints[j] or None)
            if suspect is not None:
                series = pd.Series(values, index=data.index)
                found.append((name, series, series.isin(suspect[0]), suspect[1]))
    if found:
        warn_codes(found, stacklevel=stacklevel)
    frame = pd.DataFrame(block, index=data.index, columns=columns, copy=False)
    frame.attrs["not_applicable"] = recoded
    return (frame, block) if with_array else frame


def _column_by_column(data, columns, codes, what):
    """The ratings block, read one column at a time: text, nullable numbers, codes."""
    import numpy as np

    # Column-major, so each column is one contiguous stretch of memory for the checks.
    block = np.empty((len(data), len(columns)), dtype=np.float64, order="F")
    recoded, ints = 0, []
    for j, name in enumerate(columns):
        col = _one_column(data, name, what)
        nums, texts = codes.get(name, ((), ()))
        col, count = recode_text(col, texts)
        values = block[:, j]  # a view: recoding below never touches the caller's table
        column_numbers(col, name, "numbers (ratings)", out=values, check_size=False)
        count += recode_numbers(values, nums)
        recoded += count
        ints.append(col.dtype.kind in "iu" and not count)
    return block, recoded, ints


def missing_reason(frame, default: str = "missing answers") -> str:
    """The set-aside reason for a table from :func:`rating_frame`: it mentions the codes when
    some answers were made missing by ``na_values=``."""
    return CODED_REASON if frame.attrs.get("not_applicable") else default
