"""The "these labels must match" check: two inputs that describe the same respondents (or the
same attributes) must carry the same labels, and no label twice."""
from __future__ import annotations

from .errors import InputError
from .messages import MAX_SHOWN, fmt_label, show_labels


def require_unique_labels(labels, where: str, noun: str = "row labels") -> None:
    """Raise InputError if a label appears more than once in *labels*.

    >>> require_unique_labels(["Ann", "Bo", "Ann"], "the perceptions table")
    Traceback (most recent call last):
    ...
    coursekit.InputError: Repeated row labels in the perceptions table: 'Ann'. Allowed: each label once.
    """
    import pandas as pd

    index = pd.Index(labels)
    if index.has_duplicates:
        raise InputError(f"Repeated {noun} in {where}: "
                         f"{show_labels(index[index.duplicated()].unique())}. Allowed: each label once.")


def require_same_labels(left, right, left_name: str, right_name: str, *,
                        noun: str = "row labels", ordered: bool = False) -> None:
    """Raise InputError unless *left* and *right* hold the same labels (in the same order, if
    *ordered*), naming the labels that only one side has.

    >>> require_same_labels(["Ann", "Bo"], ["Ann", "Cy"], "the expectations table",
    ...                     "the perceptions table")
    Traceback (most recent call last):
    ...
    coursekit.InputError: The expectations table and the perceptions table must have the same row labels, but only in the expectations table: 'Bo'; only in the perceptions table: 'Cy'. Allowed: the same labels on both sides.
    """
    import pandas as pd

    left, right = pd.Index(left), pd.Index(right)
    if left.equals(right):
        return
    only_left = [x for x in left if x not in set(right)]
    only_right = [x for x in right if x not in set(left)]
    parts = []
    if only_left:
        parts.append(f"only in {left_name}: {show_labels(only_left)}")
    if only_right:
        parts.append(f"only in {right_name}: {show_labels(only_right)}")
    if not parts:
        if len(left) != len(right):
            parts.append(f"the counts differ ({len(left)} and {len(right)}), so some are repeated")
        elif not ordered:
            return
        else:
            parts.append("they are in a different order")
    first = f"{left_name[0].upper()}{left_name[1:]}"
    raise InputError(f"{first} and {right_name} must have the same {noun}, but "
                     f"{'; '.join(parts)}. Allowed: the same labels on both sides.")


def require_unique_columns(columns, where: str) -> None:
    """Raise InputError if a column name appears more than once in *columns*: the table
    cannot say which of the two columns an analysis should read.

    >>> require_unique_columns(["q01", "q02", "q01"], "the survey table")
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'q01' appears 2 times in the survey table; keep one and rename or drop the others. Allowed: each column name once.
    """
    import pandas as pd

    index = pd.Index(columns)
    if not index.has_duplicates:
        return
    counts = index.value_counts(sort=False)
    repeated = counts[counts > 1]
    parts = [f"Column {fmt_label(name)} appears "
             f"{int(times)} times" for name, times in repeated.iloc[:MAX_SHOWN].items()]
    more = f" (and {len(repeated) - MAX_SHOWN} more repeated names)" if len(repeated) > MAX_SHOWN else ""
    raise InputError(f"{'; '.join(parts)}{more} in {where}; keep one and rename or drop the "
                     "others. Allowed: each column name once.")
