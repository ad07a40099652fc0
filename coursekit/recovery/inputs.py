"""Reading the columns of a ticket or complaint table: timestamps, yes/no answers, whole counts.

Each reader returns clean values or raises :class:`coursekit.InputError` naming the column and
the offending rows, in the wording of :mod:`coursekit.core`.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..core import raise_bad_values, require_numeric
from ..core import InputError

_YES = {"yes", "y", "true", "t", "1", "1.0", "是"}
_NO = {"no", "n", "false", "f", "0", "0.0", "否"}
YES_NO_WORDS = "yes/no, true/false, 1/0 (or 是/否)"


# A time of day followed by a zone: "14:30+08:00", "14:30:00Z", "2:30 PM GMT+8" is not ISO
# and is refused by the reader anyway. A date alone ("2025-03-01") carries no zone.
_ZONE = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$",
                   re.IGNORECASE)
ZONE_ADVICE = ("all times with a time zone or all without: times without one are taken as "
               "written, so mixing the two shifts durations by the zone's offset (8 hours for "
               "Beijing time). Drop the zone with .dt.tz_localize(None) if the times are local, "
               "or add one with .dt.tz_localize('Asia/Shanghai')")


def _has_zone(value) -> bool:
    if isinstance(value, str):
        return bool(_ZONE.search(value.strip()))
    return getattr(value, "tzinfo", None) is not None


def timestamps(data: pd.DataFrame, column):
    """Return ``(times, zoned)``: *column* as naive datetime64 values (NaT where empty), and
    whether the times carried a time zone.

    datetime64 columns are used as they are; text is read as ISO 8601 ("2025-03-01 14:30").
    Times carrying a zone are converted to UTC; times without one are taken as written. A
    column mixing the two is refused (:class:`coursekit.InputError`), and so, by
    :func:`coursekit.recovery.kpis`, are columns of one table that differ in this.
    """
    col = data[column]
    if pd.api.types.is_datetime64_any_dtype(col):
        out = col
    elif pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
        raise InputError(
            f"Column {column!r} should hold dates and times such as '2025-03-01 14:30', but it "
            f"holds numbers ({col.dtype}). Read the file with parse_dates=[{column!r}] or pass "
            "text in ISO 8601 form."
        )
    else:
        blank = col.isna() | col.astype("string").str.strip().eq("").fillna(False).astype(bool)
        zoned = col.map(_has_zone).astype(bool) & ~blank
        plain = ~zoned & ~blank
        if zoned.any() and plain.any():
            fewer = zoned if zoned.sum() <= plain.sum() else plain
            raise_bad_values(column, col, fewer, ZONE_ADVICE,
                             problem="times with a time zone mixed with times without one")
        out = pd.to_datetime(col.where(~blank), errors="coerce", format="ISO8601", utc=True)
        bad = out.isna() & ~blank
        if bad.any():
            raise_bad_values(column, col, bad,
                             "dates and times in ISO 8601 form, such as '2025-03-01 14:30'",
                             problem="entries that are not dates and times")
        if not zoned.any():
            out = out.dt.tz_localize(None)  # read as UTC above: only to parse, not a zone
    zone = getattr(out.dt, "tz", None) is not None
    if zone:
        out = out.dt.tz_convert("UTC").dt.tz_localize(None)
    return out, zone


def yes_no(data: pd.DataFrame, column) -> pd.Series:
    """Return *column* as a nullable boolean Series (True, False or <NA>)."""
    col = data[column]
    if pd.api.types.is_bool_dtype(col):
        return col.astype("boolean")
    if pd.api.types.is_numeric_dtype(col):
        bad = col.notna() & ~col.isin([0, 1])
        if bad.any():
            raise_bad_values(column, col, bad, YES_NO_WORDS, problem="entries that are not yes/no")
        return col.map(lambda v: pd.NA if pd.isna(v) else bool(v)).astype("boolean")
    text = col.astype("string").str.strip().str.lower()
    yes, no = text.isin(_YES).fillna(False).astype(bool), text.isin(_NO).fillna(False).astype(bool)
    bad = col.notna() & ~yes & ~no & text.ne("").fillna(False).astype(bool)
    if bad.any():
        raise_bad_values(column, col, bad, YES_NO_WORDS, problem="entries that are not yes/no")
    out = pd.Series(pd.NA, index=col.index, dtype="boolean")
    out[yes] = True
    out[no] = False
    return out


def is_yes_no(col: pd.Series) -> bool:
    """True when a column looks binary: bool, numbers that are all 0/1, or yes/no words."""
    values = col.dropna()
    if pd.api.types.is_bool_dtype(col):
        return True
    if pd.api.types.is_numeric_dtype(col):
        return len(values) > 0 and bool(values.isin([0, 1]).all())
    if isinstance(col.dtype, pd.CategoricalDtype) and pd.api.types.is_numeric_dtype(col.cat.categories):
        return len(values) > 0 and bool(pd.Series(values.astype(float)).isin([0, 1]).all())
    words = values.astype("string").str.strip().str.lower()
    return len(words) > 0 and bool(words.isin(_YES | _NO).all())


def whole_counts(data: pd.DataFrame, column, minimum: int) -> pd.Series:
    """Return *column* as float counts (NaN kept), or raise if any is not a whole number >= minimum."""
    values = require_numeric(data, [column])[column]
    bad = values.notna() & ((values < minimum) | (values != np.floor(values)))
    if bad.any():
        raise_bad_values(column, data[column], bad, f"whole numbers from {minimum} up",
                         problem="entries that are not whole numbers of at least " + str(minimum))
    return values
