"""Input checks shared by every analysis function.

Each check either returns quietly or raises :class:`coursekit.InputError` with a message a
trainee can act on: which column, which rows (up to five, by their row label), which values,
and what would have been allowed. Keeping the wording here means every function in the package
explains a problem the same way.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .errors import InputError
from .labels import require_unique_columns, require_unique_labels
from .messages import raise_bad_values, raise_nothing_left, warn_set_aside
from .numbers import column_numbers, too_large


def require_frame(data, what: str = "table", *, unique_columns: bool = True):
    """Return *data* if it is a DataFrame with at least one row and (unless *unique_columns*
    is False, for a checker that lists every problem itself) no column name twice, else raise
    InputError.

    A Series or an array is refused, not guessed at: a Series of one respondent's answers and
    a column of many respondents' answers look the same, and reading one as the other gives a
    wrong answer without a word.

    >>> import pandas as pd
    >>> require_frame(pd.Series([5, 6], name="q01"), what="survey table")
    Traceback (most recent call last):
    ...
    coursekit.InputError: A table is needed: the survey table should be a pandas DataFrame (a table with named columns), but got a Series (a single column, 'q01'). Pass the whole table, or turn the column into a table with series.to_frame().
    """
    import pandas as pd

    if isinstance(data, pd.Series):
        name = "" if data.name is None else f", {data.name!r}"
        raise InputError(
            f"A table is needed: the {what} should be a pandas DataFrame (a table with named "
            f"columns), but got a Series (a single column{name}). Pass the whole table, or turn "
            "the column into a table with series.to_frame()."
        )
    if not isinstance(data, pd.DataFrame):
        shape = getattr(data, "shape", None)
        detail = f" of shape {shape}" if shape is not None else ""
        raise InputError(
            f"A table is needed: the {what} should be a pandas DataFrame (a table with named "
            f"columns), but got a {type(data).__name__}{detail}. Load your data with "
            "pandas.read_csv(...) first, or wrap an array as pandas.DataFrame(array, columns=[...])."
        )
    if len(data) == 0:
        raise InputError(f"The {what} is empty: it has no rows, so there is nothing to analyse.")
    if unique_columns:
        require_unique_columns(data.columns, f"the {what}")
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
    """Return the *columns* of *data* as one float64 table, or raise InputError naming the
    entries that are not plain numbers: text, dates and durations, yes/no flags, infinite or
    absurdly large numbers (see :func:`coursekit.core.numbers.column_numbers`).

    The result is built as a single float64 block, so it costs about as much memory as the
    numbers themselves (analysis functions are run on full survey exports).
    """
    import numpy as np
    import pandas as pd

    columns = list(columns)
    require_unique_labels(columns, f"the list of columns for the {what}", noun="column names")
    block = np.empty((len(data), len(columns)), dtype=np.float64)
    for position, name in enumerate(columns):
        block[:, position] = column_numbers(_one_column(data, name, what), name, "numbers")
    return pd.DataFrame(block, index=data.index, columns=columns, copy=False)


def numeric_frame(data, what: str = "table"):
    """*data* itself when every column already holds plain, finite numbers of a sensible size,
    else :func:`require_numeric` (which names the offending entries). Saves a copy on the
    common, clean path."""
    import pandas as pd

    plain = all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
                and not pd.api.types.is_complex_dtype(t) for t in data.dtypes)
    if plain and not any(too_large(data.iloc[:, j].to_numpy(dtype="float64", na_value=float("nan"))).any()
                         for j in range(data.shape[1])):
        return data
    return require_numeric(data, list(data.columns), what)


def _one_column(data, name, what):
    col = data[name]
    if getattr(col, "ndim", 1) != 1:  # a name the table holds twice
        require_unique_columns(data.columns, f"the {what}")
    return col


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


def _real(value, name: str, allowed: str) -> float:
    import numbers

    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != value:
        raise InputError(f"{name}={value!r} is not a number. Allowed: {allowed}.")
    return float(value)


def require_fraction(value, name: str, example: float = 0.95) -> float:
    """Return *value* as a float strictly between 0 and 1 (a confidence level, a share), or raise.

    A percentage is refused with a hint rather than read as one: ``confidence=95`` says what
    to write instead (0.95), so the same number never means two things.

    >>> require_fraction(0.9, "confidence")
    0.9
    >>> require_fraction(95, "confidence")
    Traceback (most recent call last):
    ...
    coursekit.InputError: confidence=95 should be between 0 and 1, e.g. 0.95. It looks like a percentage: for 95 % write confidence=0.95.
    """
    allowed = f"a number between 0 and 1, e.g. {example}"
    number = _real(value, name, allowed)
    if 0 < number < 1:
        return number
    hint = ""
    if 1 < number <= 100:
        hint = f" It looks like a percentage: for {number:g} % write {name}={number / 100:g}."
    raise InputError(f"{name}={value!r} should be between 0 and 1, e.g. {example}.{hint}")


def require_percent(value, name: str, example: float, *, above_zero: bool = False) -> float:
    """Return *value* as a percentage from 0 to 100 (above 0 with *above_zero*), or raise.

    A number between 0 and 1 is refused as a likely fraction: ``threshold=0.8`` means 80 % to
    most people who write it, and reading it as 0.8 % would be a silent wrong answer.

    >>> require_percent(90, "percentile", 90)
    90.0
    >>> require_percent(0.9, "percentile", 90)
    Traceback (most recent call last):
    ...
    coursekit.InputError: percentile=0.9 looks like a fraction, but percentile is a percentage from 0 to 100: for 90 % write percentile=90.
    """
    allowed = (f"a percentage above 1 and at most 100, e.g. {example}" if above_zero
               else f"a percentage from 0 to 100, e.g. {example}")
    number = _real(value, name, allowed)
    if above_zero and number == 1:
        raise InputError(f"{name}={value!r} is ambiguous: 1 % or, as a fraction, 100 %? For 100 % "
                         f"write {name}=100. Allowed: {allowed}.")
    if 0 < number < 1:
        words = "a percentage" if above_zero else "a percentage from 0 to 100"
        raise InputError(f"{name}={value!r} looks like a fraction, but {name} is {words}: for "
                         f"{number * 100:g} % write {name}={number * 100:g}.")
    low_ok = number > 0 if above_zero else number >= 0
    if not (low_ok and number <= 100):
        if above_zero:
            raise InputError(f"{name}={value!r} should be a percentage above 0 and at most 100, "
                             f"e.g. {example}.")
        raise InputError(f"{name}={value!r} should be between 0 and 100, e.g. {example}.")
    return number
