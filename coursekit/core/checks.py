"""Input checks shared by every analysis function.

Each check either returns quietly or raises :class:`coursekit.InputError` with a message a
trainee can act on: which column, which rows (up to five, by their row label), which values,
and what would have been allowed. Keeping the wording here means every function in the package
explains a problem the same way.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .errors import InputError
from .messages import raise_bad_values, raise_nothing_left, warn_set_aside


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
    coursekit.InputError: The KANO answers have no column 'dysfunctional'. Columns found: 'functional'.
    """
    columns = list(columns)
    present = [str(c) for c in data.columns]
    missing = [c for c in columns if c not in data.columns]
    if not missing:
        return
    import difflib  # only on this error path, so `import coursekit` stays cheap

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


def numeric_frame(data, what: str = "table"):
    """*data* itself when every column already holds plain numbers, else :func:`require_numeric`
    (which names any text entry). Saves a copy on the common, clean path."""
    import pandas as pd

    plain = all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
                for t in data.dtypes)
    return data if plain else require_numeric(data, list(data.columns), what)


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
        raise_nothing_left(len(data), what, f"{reason} in {', '.join(repr(c) for c in columns)}")
    warn_set_aside(data.index[incomplete.to_numpy()], len(data), what, reason,
                   stacklevel=stacklevel + 1)
    return data.loc[~incomplete]


def require_choice(value, name: str, allowed: Sequence[str]) -> None:
    """Raise InputError if an option such as ``method=`` is not one of *allowed*."""
    if value not in allowed:
        raise InputError(
            f"{name}={value!r} is not an option. Allowed: {', '.join(repr(a) for a in allowed)}."
        )
