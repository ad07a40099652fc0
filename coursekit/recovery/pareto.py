"""Pareto analysis of failure causes: the few causes behind most failures."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import (InputError, drop_incomplete, raise_bad_values, require_columns, require_frame,
                    require_percent)
from .inputs import whole_counts


def pareto(data, cause=None, count=None, *, threshold=80.0) -> pd.DataFrame:
    """Pareto analysis: which few failure causes account for most failures.

    Causes are sorted by count, largest first (ties in alphabetical order of the cause).
    ``share`` = count / total × 100 and ``cumulative_share`` adds the shares down the list.

    The vital few (the 80 % rule, ``threshold=80``): going down the sorted list, a cause is
    *vital* when the causes above it cover **less than** 80 % of all failures — so the list
    includes the cause that takes the running total to 80 % or beyond. Causes tied in count
    with the last vital cause are vital too, so the answer does not depend on how ties are
    ordered. Example: shares 50, 25, 15, 10 → the first three are vital (50 + 25 = 75 < 80).

    Missing causes are set aside with a :class:`coursekit.MissingDataWarning`.

    Method: docs/methods.md §5.7, §9.2. Used in: lessons 06, 08.

    Parameters
    ----------
    data : Series or DataFrame
        One failure per row (a Series of causes, or a table with a ``cause`` column), or a
        table of causes with a ``count`` column.
    cause : str, optional
        Column of causes (not needed for a Series or a one-column table).
    count : str, optional
        Column of counts when each row is a cause rather than a single failure.
    threshold : float
        Cumulative share in % the vital few must reach (80 for the 80 % rule; a fraction such
        as 0.8 is refused rather than read as 0.8 %).

    Returns
    -------
    pandas.DataFrame
        ``cause, count, share, cumulative_share, vital_few``; ``attrs``: ``threshold``, ``total``.

    Raises
    ------
    coursekit.InputError
        Missing columns, counts that are missing, negative, not whole numbers or absurdly
        large, no failures at all, a threshold outside 0–100 or written as a fraction.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> causes = pd.Series(["slow reply"] * 5 + ["wrong item"] * 3 + ["late delivery"] * 2
    ...                    + ["rude staff"])
    >>> ck.recovery.pareto(causes)
               cause  count    share  cumulative_share  vital_few
    0     slow reply      5  45.4545           45.4545       True
    1     wrong item      3  27.2727           72.7273       True
    2  late delivery      2  18.1818           90.9091       True
    3     rude staff      1   9.0909          100.0000      False
    """
    threshold = require_percent(threshold, "threshold", 80, above_zero=True)
    if isinstance(data, pd.Series):
        data = data.rename("cause" if data.name is None else data.name).to_frame()
    table = require_frame(data, what="failure table")
    if cause is None:
        others = [c for c in table.columns if c != count]
        if len(others) != 1:
            raise InputError("Name the column of failure causes with cause=..., e.g. "
                             "pareto(complaints, cause='failure_type').")
        cause = others[0]
    require_columns(table, [cause] + ([count] if count is not None else []), what="failure table")
    table = drop_incomplete(table, [cause], what="failures")
    if count is not None:
        weights = whole_counts(table, count, minimum=0)
        if weights.isna().any():  # a blank count is not "no failures": say so, never guess 0
            raise_bad_values(count, table[count], weights.isna(),
                             "a whole number of failures for every cause (0 if there were none)",
                             problem="missing counts")
    else:
        weights = pd.Series(1, index=table.index)
    totals = weights.groupby(table[cause], sort=False, observed=True).sum()
    if totals.sum() == 0:
        raise InputError("There are no failures to analyse: every count is 0.")
    order = sorted(totals.index, key=lambda c: (-totals[c], str(c)))
    counts = totals.reindex(order).to_numpy().astype(np.int64)
    share = 100 * counts / counts.sum()
    cumulative = np.cumsum(share)
    before = cumulative - share
    vital = before < threshold - 1e-9
    vital |= counts == counts[vital].min()  # ties with the last vital cause
    out = pd.DataFrame({"cause": order, "count": counts, "share": share,
                        "cumulative_share": cumulative, "vital_few": vital})
    out.attrs.update(threshold=float(threshold), total=int(counts.sum()))
    return out
