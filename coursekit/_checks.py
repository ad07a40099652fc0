"""Input checks shared by every analysis function.

Each check either returns quietly or raises :class:`coursekit.InputError` with a message a
trainee can act on: which column, which rows (up to five, by their row label), which values,
and what would have been allowed. Keeping the wording here means every function in the package
explains a problem the same way.
"""
from __future__ import annotations

import difflib
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

from ._errors import InputError, MissingDataWarning

MAX_SHOWN = 5


def _fmt(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    try:
        import pandas as pd

        if pd.isna(value):
            return "missing (NaN)"
    except (TypeError, ValueError):
        pass
    return repr(value.item()) if hasattr(value, "item") else repr(value)


def show_offenders(values, mask, limit: int = MAX_SHOWN) -> str:
    """Describe the first *limit* entries of a Series where *mask* is true, by row label.

    >>> import pandas as pd
    >>> s = pd.Series([1, 9, 2, 0], index=["r1", "r2", "r3", "r4"])
    >>> show_offenders(s, s > 5)
    "row 'r2': 9"
    >>> show_offenders(pd.Series(range(8)), pd.Series(range(8)) >= 0, limit=2)
    'row 0: 0, row 1: 1 (and 6 more)'
    """
    bad = values[mask]
    shown = [f"row {_fmt(label)}: {_fmt(value)}" for label, value in bad.iloc[:limit].items()]
    text = ", ".join(shown)
    if len(bad) > limit:
        text += f" (and {len(bad) - limit} more)"
    return text


def require_frame(data, what: str = "table"):
    """Return *data* as a DataFrame with at least one row, or raise InputError."""
    import pandas as pd

    if isinstance(data, pd.Series):
        data = data.to_frame()
    if not isinstance(data, pd.DataFrame):
        raise InputError(
            f"The {what} should be a pandas DataFrame (a table), but got a "
            f"{type(data).__name__}. Load your data with pandas.read_csv(...) first."
        )
    if len(data) == 0:
        raise InputError(f"The {what} is empty: it has no rows, so there is nothing to analyse.")
    return data


def require_columns(data, columns: Iterable[str], what: str = "table") -> None:
    """Raise InputError naming every column of *columns* that *data* lacks.

    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"functional": [1]}), ["functional", "dysfunctional"],
    ...                 what="KANO answers")
    Traceback (most recent call last):
    ...
    coursekit._errors.InputError: The KANO answers have no column 'dysfunctional'. Columns found: 'functional'.
    """
    columns = list(columns)
    present = [str(c) for c in data.columns]
    missing = [c for c in columns if c not in data.columns]
    if not missing:
        return
    # Only suggest columns that are not already spoken for ('functional' is no typo of
    # 'dysfunctional' when both are asked for).
    spare = [c for c in present if c not in columns]
    parts = []
    for name in missing:
        close = difflib.get_close_matches(str(name), spare, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        parts.append(f"{name!r}{hint}")
    found = ", ".join(repr(c) for c in present[:20]) or "none"
    if len(present) > 20:
        found += f" and {len(present) - 20} more"
    noun = "column" if len(missing) == 1 else "columns"
    verb = "has" if what == "table" else "have" if what.endswith("s") else "has"
    raise InputError(f"The {what} {verb} no {noun} {', '.join(parts)}. Columns found: {found}.")


def raise_bad_values(column: str, values, mask, allowed: str, problem: str = "values that are not allowed"):
    """Raise InputError for the entries of *values* where *mask* holds.

    >>> import pandas as pd
    >>> s = pd.Series([3, 9, 4])
    >>> raise_bad_values("rating", s, s > 7, "numbers from 1 to 7", problem="answers outside the scale")
    Traceback (most recent call last):
    ...
    coursekit._errors.InputError: Column 'rating' has answers outside the scale in 1 row: row 1: 9. Allowed: numbers from 1 to 7.
    """
    count = int(mask.sum())
    rows = "row" if count == 1 else "rows"
    raise InputError(
        f"Column {column!r} has {problem} in {count} {rows}: {show_offenders(values, mask)}. "
        f"Allowed: {allowed}."
    )


def require_numeric(data, columns: Sequence[str], what: str = "table"):
    """Return the *columns* of *data* as one float64 table, or raise InputError naming text entries.

    The result is built as a single float64 block, so it costs about as much memory as the
    numbers themselves (analysis functions are run on full survey exports).
    """
    import numpy as np
    import pandas as pd

    columns = list(columns)
    block = np.empty((len(data), len(columns)), dtype=np.float64)
    for position, name in enumerate(columns):
        col = data[name]
        if pd.api.types.is_bool_dtype(col) or not pd.api.types.is_numeric_dtype(col):
            converted = pd.to_numeric(col, errors="coerce")
            bad = converted.isna() & col.notna()
            if bad.any() or pd.api.types.is_bool_dtype(col):
                raise_bad_values(name, col, bad if bad.any() else col.notna(), "numbers",
                                 problem="entries that are not numbers")
            col = converted
        block[:, position] = col.to_numpy(dtype=np.float64, na_value=np.nan)
    return pd.DataFrame(block, index=data.index, columns=columns, copy=False)


def require_scale(values, column: str, lo: float, hi: float) -> None:
    """Raise InputError if any non-missing value of *values* lies outside [lo, hi]."""
    mask = values.notna() & ((values < lo) | (values > hi))
    if mask.any():
        raise_bad_values(column, values, mask, f"numbers from {lo:g} to {hi:g} (the declared scale)",
                         problem="answers outside the scale")


def require_complete(values, column: str, what: str = "answers") -> None:
    """Raise InputError if *values* has missing entries (for columns where a gap cannot be skipped)."""
    mask = values.isna()
    if mask.any():
        raise_bad_values(column, values, mask, f"every row needs {what}; fill or drop the empty rows first",
                         problem="missing entries")


def drop_incomplete(data, columns: Sequence[str], what: str = "rows",
                    reason: str = "missing answers", stacklevel: int = 3):
    """Drop rows with a missing value in *columns*, warning how many were set aside.

    The policy is listwise deletion: a row missing any of *columns* is left out of the whole
    calculation, never counted as zero.

    >>> import pandas as pd, warnings
    >>> df = pd.DataFrame({"a": [1, None, 3], "b": [4, 5, None]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     kept = drop_incomplete(df, ["a", "b"], what="respondents")
    >>> len(kept), str(caught[0].message)
    (1, '2 of 3 respondents were set aside because of missing answers (rows 1, 2).')
    """
    incomplete = data[list(columns)].isna().any(axis=1)
    count = int(incomplete.sum())
    if count == 0:
        return data
    if count == len(data):
        raise InputError(
            f"Every one of the {len(data)} {what} has {reason} in "
            f"{', '.join(repr(c) for c in columns)}, so nothing is left to analyse."
        )
    labels = [_fmt(x) if isinstance(x, str) else str(x) for x in data.index[incomplete][:MAX_SHOWN]]
    more = f" and {count - MAX_SHOWN} more" if count > MAX_SHOWN else ""
    warnings.warn(
        f"{count} of {len(data)} {what} {'was' if count == 1 else 'were'} set aside because of "
        f"{reason} ({'row' if count == 1 else 'rows'} {', '.join(labels)}{more}).",
        MissingDataWarning,
        stacklevel=stacklevel,
    )
    return data.loc[~incomplete]


def require_choice(value, name: str, allowed: Sequence[str]) -> None:
    """Raise InputError if an option such as ``method=`` is not one of *allowed*."""
    if value not in allowed:
        raise InputError(
            f"{name}={value!r} is not an option. Allowed: {', '.join(repr(a) for a in allowed)}."
        )
