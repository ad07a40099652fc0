"""How coursekit words a problem: one implementation of each phrase, so every function in the
package explains a problem the same way.

* :func:`show_offenders` — up to five offending values with their row labels, then
  "(and N more)";
* :func:`show_labels` — up to five labels (rows, columns, attributes), then "(and N more)";
* :func:`raise_bad_values` — "Column 'x' has <problem> in N rows: <offenders>. Allowed: <...>.";
* :func:`warn_set_aside` — "N of M <things> were set aside because of <reason> (rows ...).";
* :func:`warn_codes` — answers that look like not-applicable codes, by column, value and row;
* :func:`warn_small_sample` — the caution for results resting on few respondents.

``tests/core/test_messages.py`` pins these phrasings.
"""
from __future__ import annotations

import warnings

from .errors import InputError, MissingDataWarning

#: How many offending values or labels a message shows before "(and N more)".
MAX_SHOWN = 5
#: A result resting on fewer respondents than this gets a :class:`coursekit.SmallSampleWarning`,
#: as does a driver analysis with fewer than PER_DRIVER respondents per driver.
SMALL_SAMPLE = 30
PER_DRIVER = 10


def fmt_value(value) -> str:
    """One value as a message shows it: text quoted, missing values named, numpy scalars plain.

    >>> import numpy as np
    >>> fmt_value("b"), fmt_value(np.int64(3)), fmt_value(float("nan"))
    ("'b'", '3', 'missing (NaN)')
    """
    if isinstance(value, str):
        return repr(value)
    try:
        import pandas as pd

        if pd.isna(value):
            return "missing (NaN)"
    except (TypeError, ValueError):
        pass
    return repr(value.item()) if hasattr(value, "item") else repr(value)


def fmt_label(label) -> str:
    """A row or column label: text quoted, anything else as written (row 3, row 'Ann')."""
    if isinstance(label, str):
        return repr(label)
    return str(label.item()) if hasattr(label, "item") else str(label)


def _more(total: int, limit: int) -> str:
    return f" (and {total - limit} more)" if total > limit else ""


def show_labels(labels, limit: int = MAX_SHOWN) -> str:
    """Up to *limit* labels, then how many more there are.

    >>> show_labels(["q07", "q08"])
    "'q07', 'q08'"
    >>> show_labels(range(8))
    '0, 1, 2, 3, 4 (and 3 more)'
    """
    labels = list(labels)
    return ", ".join(fmt_label(x) for x in labels[:limit]) + _more(len(labels), limit)


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
    shown = [f"row {fmt_label(label)}: {fmt_value(value)}" for label, value in bad.iloc[:limit].items()]
    return ", ".join(shown) + _more(len(bad), limit)


def raise_bad_values(column, values, mask, allowed: str, problem: str = "values that are not allowed"):
    """Raise InputError for the entries of *values* where *mask* holds.

    >>> import pandas as pd
    >>> s = pd.Series([3, 9, 4])
    >>> raise_bad_values("rating", s, s > 7, "numbers from 1 to 7", problem="answers outside the scale")
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'rating' has answers outside the scale in 1 row: row 1: 9. Allowed: numbers from 1 to 7.
    """
    count = int(mask.sum())
    rows = "row" if count == 1 else "rows"
    raise InputError(
        f"Column {str(column)!r} has {problem} in {count} {rows}: {show_offenders(values, mask)}. "
        f"Allowed: {allowed}."
    )


def warn_set_aside(labels, total: int, what: str, reason: str, *, action: str = "set aside",
                   stacklevel: int = 3) -> None:
    """Warn that the rows *labels* (of *total* rows of *what*) were set aside, and why.

    Every function that leaves rows out of a calculation says so with this one sentence, as a
    :class:`coursekit.MissingDataWarning`. *reason* follows "because of"; *action* replaces
    "set aside" where the rows are only left out of one figure ("left out of the FCR rate").

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_set_aside([1, 2], 3, "respondents", "missing answers")
    >>> str(caught[0].message)
    '2 of 3 respondents were set aside because of missing answers (rows 1, 2).'
    """
    labels = list(labels)
    count = len(labels)
    if count == 0:
        return
    verb, rows = ("was", "row") if count == 1 else ("were", "rows")
    warnings.warn(f"{count} of {total} {what} {verb} {action} because of {reason} "
                  f"({rows} {show_labels(labels)}).", MissingDataWarning, stacklevel=stacklevel)


def refuse_unknown_columns(named, columns, option: str) -> None:
    """Raise InputError when a per-column option (``scale=``, ``na_values=`` given as a mapping)
    names columns that are not among *columns*, the columns analysed.

    >>> refuse_unknown_columns({"q3": (1, 5)}, ["q1", "q2"], "scale")
    Traceback (most recent call last):
    ...
    coursekit.InputError: scale= names 'q3', which is not one of the columns analysed. Allowed: 'q1', 'q2'.
    """
    unknown = [c for c in named if c not in columns]
    if unknown:
        raise InputError(f"{option}= names {show_labels(unknown)}, which "
                         f"{'is' if len(unknown) == 1 else 'are'} not one of the columns "
                         f"analysed. Allowed: {show_labels(columns, limit=20)}.")


def raise_nothing_left(total: int, what: str, reason: str) -> None:
    """Raise InputError when every row would be set aside.

    >>> raise_nothing_left(4, "respondents", "missing answers")
    Traceback (most recent call last):
    ...
    coursekit.InputError: Every one of the 4 respondents was set aside because of missing answers, so nothing is left to analyse.
    """
    raise InputError(f"Every one of the {total} {what} was set aside because of {reason}, so "
                     f"nothing is left to analyse.")


def warn_codes(found, *, stacklevel: int = 3) -> None:
    """Warn that answers look like not-applicable codes, naming each column, value and row.

    *found* lists ``(column, values, mask, (low, high))``: the column's values, where the
    suspect ones are, and the range the other answers fill. Issued as a
    :class:`coursekit.SuspectCodeWarning`.

    >>> import pandas as pd, warnings
    >>> s = pd.Series([4, 99, 6, 5])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_codes([("security", s, s == 99, (4.0, 6.0))])
    >>> print(caught[0].message)
    Answers that look like not-applicable codes, not ratings, would be averaged and correlated as ratings: column 'security' holds 99 in 1 row (row 1: 99), while its other answers lie from 4 to 6. If they are codes, pass na_values=[99] to read them as missing; if they are real answers, declare the scale, e.g. scale=(4, 99), which also turns this check off.
    """
    from .errors import SuspectCodeWarning

    parts, codes, lows, highs = [], set(), [], []
    for column, values, mask, (low, high) in found[:MAX_SHOWN]:
        suspect = sorted({float(v) for v in values[mask]})
        codes.update(suspect)
        count = int(mask.sum())
        parts.append(f"column {str(column)!r} holds {_numbers_text(suspect)} in {count} "
                     f"{'row' if count == 1 else 'rows'} ({show_offenders(values, mask)}), while "
                     f"its other answers lie from {low:g} to {high:g}")
        lows.append(min(low, *suspect))
        highs.append(max(high, *suspect))
    more = _more(len(found), MAX_SHOWN)
    code_list = ", ".join(f"{c:g}" for c in sorted(codes))
    warnings.warn(
        "Answers that look like not-applicable codes, not ratings, would be averaged and "
        f"correlated as ratings: {'; '.join(parts)}{more}. If they are codes, pass "
        f"na_values=[{code_list}] to read them as missing; if they are real answers, declare "
        f"the scale, e.g. scale=({min(lows):g}, {max(highs):g}), which also turns this check off.",
        SuspectCodeWarning, stacklevel=stacklevel)


def _numbers_text(values) -> str:
    words = [f"{v:g}" for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def warn_small_sample(n: int, what: str, *, drivers: int | None = None, where: str = "",
                      stacklevel: int = 3) -> None:
    """Caution that a result rests on few respondents: fewer than :data:`SMALL_SAMPLE` (30),
    or fewer than :data:`PER_DRIVER` (10) per driver. Issued as a
    :class:`coursekit.SmallSampleWarning`; nothing is said for a sample large enough.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_small_sample(40, "respondents", drivers=5)
    >>> print(caught[0].message)
    Only 40 respondents were used for 5 drivers, fewer than 10 per driver (50 in all): with so few answers the result can change a lot when a handful of them change. Read it as a first look, and collect more answers before deciding on it.
    """
    from .errors import SmallSampleWarning

    per = drivers is not None and n < PER_DRIVER * drivers
    few = n < SMALL_SAMPLE
    if not (few or per):
        return
    reasons = [f"fewer than {SMALL_SAMPLE}"] if few else []
    if per:
        reasons.append(f"fewer than {PER_DRIVER} per driver ({PER_DRIVER * drivers} in all)")
        where = f"{where} for {drivers} {'driver' if drivers == 1 else 'drivers'}"
    verb = "was" if n == 1 else "were"
    warnings.warn(
        f"Only {n} {what} {verb} used{where}, {' and '.join(reasons)}: with so few answers the "
        "result can change a lot when a handful of them change. Read it as a first look, and "
        "collect more answers before deciding on it.", SmallSampleWarning, stacklevel=stacklevel)
