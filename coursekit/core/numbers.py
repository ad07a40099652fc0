"""What counts as a number in an analysis.

Means, sums, counts and correlations take plain, finite numbers of a sensible size. Pandas
converts a surprising amount to numbers without a word — dates become nanoseconds since 1970,
durations nanoseconds, ``True`` becomes 1 — and numpy carries ``inf`` or ``1e20`` on until a
count turns negative or an eigenvalue solver gives up. :func:`column_numbers` is the one place
that refuses all of these, naming the column, the offending values and their rows.
"""
from __future__ import annotations

import datetime as _dt

from .messages import raise_bad_values

#: Numbers at or beyond this size are refused. Above 2**53 (about 9e15) float64 cannot even
#: hold every whole number, so sums and counts go wrong; no rating, count, duration or weight
#: in a service survey comes near it.
MAX_MAGNITUDE = 1e15
ALLOWED_NUMBERS = "finite numbers smaller than 10^15 in size"

_DATE_KINDS = {"datetime64", "datetime", "date", "timedelta64", "timedelta", "time", "period",
               "interval"}


def _is_date_like(dtype) -> bool:
    import pandas as pd

    return (pd.api.types.is_datetime64_any_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype)
            or isinstance(dtype, (pd.PeriodDtype, pd.IntervalDtype)))


def too_large(values):
    """Mask of entries that are infinite or at least :data:`MAX_MAGNITUDE` in size (NaN is not)."""
    import numpy as np

    with np.errstate(invalid="ignore"):
        return np.abs(values) >= MAX_MAGNITUDE


def any_too_large(values) -> bool:
    """Whether :func:`too_large` holds anywhere, in two passes without a temporary array."""
    import numpy as np

    if len(values) == 0:
        return False
    if values.dtype.kind == "f":  # fmax/fmin skip NaN
        return bool(np.fmax.reduce(values) >= MAX_MAGNITUDE or np.fmin.reduce(values) <= -MAX_MAGNITUDE)
    return bool(values.max() >= MAX_MAGNITUDE or values.min() <= -MAX_MAGNITUDE)


def column_numbers(col, name, allowed: str = "numbers", out=None, check_size: bool = True):
    """Return the Series *col* as a float64 array (NaN where empty), or raise InputError.

    Refused, each with the column, up to five offending values by row label and what is
    allowed: dates, times and durations; yes/no (True/False) entries; text that is not a
    number; infinite numbers and numbers of 10^15 or more in size. Text holding a number
    (``"5"``) and categories that are numbers are read as those numbers. With *out* (a float64
    array of the column's length) the numbers are written there, saving a copy; with
    ``check_size=False`` the caller checks sizes itself (:func:`raise_too_large`), e.g. from
    the column minima and maxima it needs anyway.

    >>> import pandas as pd
    >>> column_numbers(pd.Series([5, None, 3]), "q01")
    array([ 5., nan,  3.])
    >>> column_numbers(pd.Series([5, float("inf"), 1e20]), "q01")
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'q01' has infinite or absurdly large numbers in 2 rows: row 1: inf, row 2: 1e+20. Allowed: finite numbers smaller than 10^15 in size.
    >>> column_numbers(pd.Series(pd.to_datetime(["2025-03-01"])), "q01")
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'q01' has dates, times or durations where numbers belong in 1 row: row 0: Timestamp('2025-03-01 00:00:00'). Allowed: numbers.
    """
    import numpy as np
    import pandas as pd

    dtype = col.dtype
    if _is_date_like(dtype):
        raise_bad_values(name, col, col.notna(), allowed,
                         problem="dates, times or durations where numbers belong")
    if pd.api.types.is_bool_dtype(dtype):
        raise_bad_values(name, col, col.notna(), allowed,
                         problem="yes/no (True/False) entries where numbers belong")
    if isinstance(dtype, pd.CategoricalDtype):
        col = col.astype(object)
        dtype = col.dtype
    if pd.api.types.is_complex_dtype(dtype):
        raise_bad_values(name, col, col.notna(), allowed, problem="complex numbers")
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf":
        raw = col.to_numpy()  # plain numpy numbers: checked as they are, copied once
        huge = check_size and any_too_large(raw)
        values = raw.astype(np.float64) if out is None else out
        if out is not None:
            out[:] = raw
    else:
        values = _converted(col, name, allowed)
        huge = check_size and any_too_large(values)
        if out is not None:
            out[:] = values
            values = out
    if huge:
        raise_too_large(name, values, col.index)
    return values


def raise_too_large(name, values, index) -> None:
    """Raise InputError for the infinite or absurdly large entries of the array *values*."""
    import pandas as pd

    mask = too_large(values)
    raise_bad_values(name, pd.Series(values, index=index), pd.Series(mask, index=index),
                     ALLOWED_NUMBERS, problem="infinite or absurdly large numbers")


def _converted(col, name, allowed):
    """Numbers from a column that is not a plain numpy number column (nullable, text, mixed)."""
    import numpy as np
    import pandas as pd

    present = col.notna()
    if pd.api.types.is_numeric_dtype(col.dtype):
        return col.to_numpy(dtype=np.float64, na_value=np.nan)
    kind = pd.api.types.infer_dtype(col, skipna=True)
    if kind in _DATE_KINDS:
        raise_bad_values(name, col, present, allowed,
                         problem="dates, times or durations where numbers belong")
    if kind == "boolean":
        raise_bad_values(name, col, present, allowed,
                         problem="yes/no (True/False) entries where numbers belong")
    if kind == "complex":
        raise_bad_values(name, col, present, allowed, problem="complex numbers")
    if kind.startswith("mixed") or kind == "unknown-array":
        dates = (_dt.date, _dt.time, _dt.timedelta, np.datetime64, np.timedelta64)
        odd = col.map(lambda v: isinstance(v, dates)).astype(bool)
        if odd.any():
            raise_bad_values(name, col, odd, allowed,
                             problem="dates, times or durations where numbers belong")
        odd = col.map(lambda v: isinstance(v, (bool, np.bool_))).astype(bool)
        if odd.any():
            raise_bad_values(name, col, odd, allowed,
                             problem="yes/no (True/False) entries where numbers belong")
        odd = col.map(lambda v: isinstance(v, (complex, np.complexfloating))).astype(bool)
        if odd.any():
            raise_bad_values(name, col, odd, allowed, problem="complex numbers")
    converted = pd.to_numeric(col, errors="coerce")
    bad = converted.isna() & present
    if bad.any():
        raise_bad_values(name, col, bad, allowed, problem="entries that are not numbers")
    return converted.to_numpy(dtype=np.float64, na_value=np.nan)
