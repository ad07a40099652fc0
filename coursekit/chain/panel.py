"""Panels of units over periods: last period's values (lags) and the difference in differences
of a pilot."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, raise_bad_values, require_columns, require_frame
from .links import link


def _positions(values: pd.Series, period: str) -> np.ndarray:
    """Each period as a whole number, consecutive periods one apart (so gaps stay gaps)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        if not values.cat.ordered:
            raise InputError(f"Column {period!r} is a category without an order, so 'last "
                             "period' is not defined. Make it ordered, or give periods as "
                             "whole numbers or pandas Periods.")
        codes = values.cat.codes.to_numpy().astype(float)
        codes[codes < 0] = np.nan
        return codes
    if isinstance(values.dtype, pd.PeriodDtype):
        return np.array([np.nan if pd.isna(v) else v.ordinal for v in values], dtype=float)
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        raise_bad_values(period, values, values.notna(), "whole numbers (1, 2, 3 ...), an "
                         "ordered category, pandas Periods or texts such as '2024Q3'",
                         problem="entries that are not periods")
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.to_numpy(dtype=float)
        bad = ~np.isnan(numbers) & ((numbers != np.round(numbers)) | np.isinf(numbers))
        if bad.any():
            raise_bad_values(period, values, pd.Series(bad, index=values.index),
                             "whole numbers (1, 2, 3 ...)", problem="periods that are not "
                             "whole numbers")
        return numbers
    try:
        parsed = [pd.NaT if pd.isna(v) else pd.Period(str(v)) for v in values]
    except (ValueError, TypeError):
        bad = values.map(lambda v: not pd.isna(v) and not _is_period(v))
        raise_bad_values(period, values, bad, "texts such as '2024Q3' or '2024-07', whole "
                         "numbers, an ordered category or pandas Periods",
                         problem="entries that are not periods")
    freqs = {p.freqstr for p in parsed if not pd.isna(p)}
    if len(freqs) > 1:
        raise InputError(f"Column {period!r} mixes periods of different lengths "
                         f"({', '.join(sorted(freqs))}); give every period the same kind.")
    return np.array([np.nan if pd.isna(p) else p.ordinal for p in parsed], dtype=float)


def _is_period(value) -> bool:
    try:
        pd.Period(str(value))
    except (ValueError, TypeError):
        return False
    return True


def add_lags(data, columns, *, unit="unit_id", period="quarter", lag=1) -> pd.DataFrame:
    """Add each unit's values from *lag* periods earlier ("last quarter's employee
    satisfaction") as new columns.

    For unit u in period t the new column holds u's value in period t − lag; it is empty when u
    has no row for that period (its first periods, or a gap). Effects in a service–profit chain
    take time — staff who were satisfied last quarter shape what customers meet this quarter —
    so a link is often estimated from last period's driver (docs/methods.md §6.5).

    The new columns are named ``<column>_last`` for ``lag=1`` and ``<column>_lag<k>``
    otherwise. The result is a copy sorted by unit and period; the input is not changed.

    Method: docs/methods.md §6.5. Used in: lesson 07.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per unit and period.
    columns : str or list of str
        The columns to look back on.
    unit, period : str
        Column names. Periods may be an ordered category (like the course's ``quarter``),
        whole numbers, pandas Periods, or texts pandas reads as periods ("2024Q3", "2024-07").
    lag : int
        How many periods back (1 or more).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    coursekit.InputError
        Missing columns, two rows for the same unit and period, periods that cannot be put in
        order, a lag that is not a whole number of at least 1.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> panel = pd.DataFrame({"unit_id": ["a", "a", "a", "b", "b"],
    ...                       "quarter": ["2024Q1", "2024Q2", "2024Q4", "2024Q1", "2024Q2"],
    ...                       "es": [4.1, 4.3, 4.6, 5.0, 5.2]})
    >>> ck.chain.add_lags(panel, "es")
      unit_id quarter   es  es_last
    0       a  2024Q1  4.1      NaN
    1       a  2024Q2  4.3      4.1
    2       a  2024Q4  4.6      NaN
    3       b  2024Q1  5.0      NaN
    4       b  2024Q2  5.2      5.0
    """
    data = require_frame(data, what="panel")
    columns = [columns] if isinstance(columns, str) else list(columns)
    if not columns:
        raise InputError("Name at least one column to look back on.")
    if isinstance(lag, bool) or not isinstance(lag, (int, np.integer)) or lag < 1:
        raise InputError(f"lag={lag!r} should be a whole number of periods, 1 or more.")
    require_columns(data, [unit, period, *columns], what="panel")
    if data[unit].isna().any():
        raise_bad_values(unit, data[unit], data[unit].isna(), "a unit label on every row",
                         problem="missing unit labels")
    position = pd.Series(_positions(data[period], period), index=data.index)
    if position.isna().any():
        raise_bad_values(period, data[period], position.isna(), "a period on every row",
                         problem="missing periods")
    key = pd.DataFrame({"unit": data[unit].to_numpy(), "position": position.to_numpy()},
                       index=data.index)
    twice = key.duplicated(keep=False)
    if twice.any():
        raise_bad_values(unit, data[unit], twice, "one row per unit and period",
                         problem="two or more rows for the same period")
    # Work by position: the learner's row labels may repeat or be text.
    key = key.reset_index(drop=True)
    order = key.sort_values(["unit", "position"], kind="stable").index.to_numpy()
    out = data.iloc[order].reset_index(drop=True)
    key = key.iloc[order].reset_index(drop=True)
    earlier = key.assign(position=key["position"] + lag)
    lookup = pd.MultiIndex.from_frame(earlier)
    here = pd.MultiIndex.from_frame(key)
    for column in columns:
        name = f"{column}_last" if lag == 1 else f"{column}_lag{lag}"
        if name in out.columns:
            raise InputError(f"The panel already has a column {name!r}; rename it first, so "
                             "that nothing is overwritten.")
        values = pd.Series(out[column].to_numpy(), index=lookup)
        out[name] = values.reindex(here).to_numpy()
    return out


def difference_in_differences(data, outcome, *, treated, after, cluster=None,
                              confidence=0.95) -> pd.DataFrame:
    """Compare a pilot with the units that did not have it, before and after it started.

    The difference in differences is (pilot after − pilot before) − (others after − others
    before), each a mean over rows. Subtracting the others' change removes what happened to
    every unit at the same time (a season, the market); subtracting the pilot's own "before"
    removes lasting differences between the groups. When the pilot was assigned at random it
    estimates the pilot's effect. The interval comes from the regression
    y = b₀ + b₁·treated + b₂·after + b₃·treated·after, whose b₃ is exactly this difference,
    with :func:`link`'s intervals (clustered by *cluster* when given).

    Method: docs/methods.md §6.5. Used in: lesson 07.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per unit and period.
    outcome : str
    treated, after : str
        Yes/no columns (True/False or 1/0): the row's unit is in the pilot group; the row is
        from a period after the pilot started.
    cluster : str, optional
        Unit column for clustered intervals (see :func:`link`).
    confidence : float

    Returns
    -------
    pandas.DataFrame
        Rows ``pilot``, ``others``, ``difference``; columns ``before``, ``after``, ``change``.
        The bottom-right cell is the difference in differences. ``attrs``: ``estimate``,
        ``ci_low``, ``ci_high``, ``p_value``, ``interval``, ``confidence``, ``n``.

    Raises
    ------
    coursekit.InputError
        Missing columns, flags that are not yes/no, a group-period cell with no rows, and every
        problem :func:`link` reports.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> rows = pd.DataFrame({"pilot": [1, 1, 1, 1, 0, 0, 0, 0],
    ...                      "after": [0, 0, 1, 1, 0, 0, 1, 1],
    ...                      "isq": [4.0, 4.2, 4.9, 5.1, 4.1, 4.3, 4.3, 4.5]})
    >>> ck.chain.difference_in_differences(rows, "isq", treated="pilot", after="after")
                before  after  change
    pilot          4.1    5.0     0.9
    others         4.2    4.4     0.2
    difference    -0.1    0.6     0.7
    """
    data = require_frame(data, what="panel")
    require_columns(data, [outcome, treated, after] + ([cluster] if cluster else []),
                    what="panel")
    frame = pd.DataFrame({outcome: data[outcome], "_treated": _flag(data, treated),
                          "_after": _flag(data, after)}, index=data.index)
    frame["_both"] = frame["_treated"] * frame["_after"]
    if cluster is not None:
        frame[cluster] = data[cluster]
    for t in (1.0, 0.0):
        for a in (0.0, 1.0):
            if not ((frame["_treated"] == t) & (frame["_after"] == a)).any():
                who = "pilot" if t else "other"
                when = "after" if a else "before"
                raise InputError(f"There are no rows of {who} units {when} the start, so the "
                                 "difference in differences cannot be computed. Check "
                                 f"{treated!r} and {after!r}.")
    fit = link(frame, outcome, ["_treated", "_after", "_both"], cluster=cluster,
               confidence=confidence)
    used = frame.dropna(subset=[outcome, "_treated", "_after"])
    means = used.groupby(["_treated", "_after"])[outcome].mean()
    table = pd.DataFrame({"before": [means[(1.0, 0.0)], means[(0.0, 0.0)]],
                          "after": [means[(1.0, 1.0)], means[(0.0, 1.0)]]},
                         index=["pilot", "others"])
    table["change"] = table["after"] - table["before"]
    table.loc["difference"] = table.loc["pilot"] - table.loc["others"]
    row = fit.set_index("driver").loc["_both"]
    table.attrs.update(estimate=float(row["estimate"]), ci_low=float(row["ci_low"]),
                       ci_high=float(row["ci_high"]), p_value=float(row["p_value"]),
                       interval=fit.attrs["interval"], confidence=confidence,
                       n=fit.attrs["n"])
    return table


def _flag(data, column) -> pd.Series:
    values = data[column]
    if pd.api.types.is_bool_dtype(values):
        return values.astype(float)
    numbers = pd.to_numeric(values, errors="coerce")
    bad = values.notna() & ~numbers.isin([0, 1])
    if bad.any():
        raise_bad_values(column, values, bad, "True/False or 1/0",
                         problem="entries that are not yes/no")
    return numbers.astype(float)


