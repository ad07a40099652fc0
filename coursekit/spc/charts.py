"""The two control charts of the course: the p-chart and the individuals (XmR) chart."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, fmt_label, raise_bad_values, require_complete, require_numeric

#: Individuals-chart constant: 3 / d2 with d2 = 1.128 for moving ranges of 2, rounded to 2.66.
E2 = 2.66


def p_chart(defects, sizes, baseline=None) -> pd.DataFrame:
    """p-chart: is a proportion (e.g. the daily complaint rate) stable over time?

    For each period i with Xᵢ defects (complaints) out of nᵢ (orders): pᵢ = Xᵢ / nᵢ;
    centre line p̄ = ΣXᵢ / Σnᵢ; limits p̄ ± 3·√(p̄(1 − p̄) / nᵢ), the lower floored at 0 and the
    upper capped at 1. With unequal nᵢ the limits differ from period to period.

    ``baseline`` (Montgomery's phase I): work out p̄ from a stable stretch only — e.g. the
    months before a change — and judge every period against those limits.

    Source: Montgomery, *Introduction to Statistical Quality Control* (the control chart for
    fraction nonconforming)

    Method: docs/methods.md §6.2, §9.2. Used in: lessons 04, 08.

    Parameters
    ----------
    defects : Series or array of whole numbers
        Count per period. A Series keeps its index (e.g. dates) in the result; an array gets
        periods numbered from 1.
    sizes : Series, array, or one whole number
        Number inspected per period (the same number for every period when a single number).
    baseline : slice, or booleans per period, optional
        The periods the centre line comes from, e.g. ``slice("2025-01-01", "2025-06-30")``
        for a date index or ``slice(1, 30)`` for numbered periods (both ends included, as with
        ``.loc``). Default: all periods.

    Returns
    -------
    pandas.DataFrame
        One row per period: ``defects, size, p, centre, lcl, ucl, out_of_control``;
        ``attrs``: ``chart`` ("p"), ``centre`` and ``baseline_periods`` (how many were used).

    Raises
    ------
    coursekit.InputError
        Missing or non-numeric counts, negative or fractional counts, a size of 0, more defects
        than the size, fewer than 2 periods, defects and sizes of different lengths or labels.

    Examples
    --------
    Made-up complaints out of orders over five days:

    >>> import coursekit as ck
    >>> ck.spc.p_chart([3, 5, 2, 14, 4], [100, 120, 90, 110, 100])
            defects  size       p  centre  lcl     ucl  out_of_control
    sample
    1             3   100  0.0300  0.0538  0.0  0.1216           False
    2             5   120  0.0417  0.0538  0.0  0.1157           False
    3             2    90  0.0222  0.0538  0.0  0.1252           False
    4            14   110  0.1273  0.0538  0.0  0.1184            True
    5             4   100  0.0400  0.0538  0.0  0.1216           False
    >>> ck.spc.p_chart([3, 5], [2, 10])
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'defects' has counts larger than the size in 1 row: row 1: 3.0. Allowed: at most the number inspected in 'sizes' (row 1: 2.0).
    """
    counts, index = _series(defects, "defects")
    if np.ndim(sizes) == 0 and not isinstance(sizes, pd.Series):
        sizes = pd.Series(sizes, index=index)
    n, n_index = _series(sizes, "sizes")
    if len(n) != len(counts) or not n_index.equals(index):
        raise InputError(
            f"defects and sizes must describe the same periods, but defects has {len(counts)} "
            f"and sizes {len(n)} entries" + ("" if len(n) != len(counts) else " with different labels")
            + ". Give one size per period (or a single number for all)."
        )
    frame = _numbers({"defects": counts, "sizes": n}, index)
    for name in ("defects", "sizes"):
        values = frame[name]
        bad = (values < 0) | (values != np.floor(values))
        if bad.any():
            raise_bad_values(name, values, bad, "whole numbers of 0 or more",
                             problem="entries that are not whole numbers of 0 or more")
    if (frame["sizes"] == 0).any():
        raise_bad_values("sizes", frame["sizes"], frame["sizes"] == 0,
                         "at least 1 (a period with nothing inspected has no rate; leave it out)",
                         problem="sizes of 0")
    over = frame["defects"] > frame["sizes"]
    if over.any():
        first = over.idxmax()
        raise_bad_values("defects", frame["defects"], over,
                         f"at most the number inspected in 'sizes' (row {first}: {frame['sizes'][first]})",
                         problem="counts larger than the size")
    _need_two(frame)
    use = _baseline(index, baseline)
    x, size = frame["defects"].to_numpy(), frame["sizes"].to_numpy()
    centre = x[use].sum() / size[use].sum()
    sigma = np.sqrt(centre * (1 - centre) / size)
    p = x / size
    out = pd.DataFrame({"defects": x.astype(np.int64), "size": size.astype(np.int64), "p": p,
                        "centre": centre, "lcl": np.maximum(centre - 3 * sigma, 0.0),
                        "ucl": np.minimum(centre + 3 * sigma, 1.0)}, index=index)
    out["out_of_control"] = (out["p"] > out["ucl"]) | (out["p"] < out["lcl"])
    out.attrs.update(chart="p", centre=float(centre), baseline_periods=int(use.sum()))
    return out


def individuals_chart(values, baseline=None) -> pd.DataFrame:
    """Individuals chart: is a measurement taken once per period (e.g. daily mean response time) stable?

    Moving range MRᵢ = |xᵢ − xᵢ₋₁|; MR̄ = mean of the n − 1 moving ranges; centre x̄ = mean of
    the values; limits x̄ ± 2.66 · MR̄, where 2.66 = 3 / d2 with d2 = 1.128 for ranges of two
    points (rounded as in the textbooks). The lower limit is not floored: for a measure that
    cannot be negative, a negative lower limit simply never signals.

    ``baseline`` (phase I): x̄ and MR̄ come from those periods only (moving ranges between two
    consecutive baseline periods), and every period is judged against the resulting limits.

    Source: Montgomery, *Introduction to Statistical Quality Control* (control charts for
    individual measurements)

    Method: docs/methods.md §6.2, §9.2. Used in: lessons 04, 07.

    Parameters
    ----------
    values : Series or array of numbers
        One value per period, in time order. A Series keeps its index (e.g. dates); an array
        gets periods numbered from 1.
    baseline : slice, or booleans per period, optional
        The periods the limits come from (see :func:`p_chart`). Default: all periods.

    Returns
    -------
    pandas.DataFrame
        One row per period: ``value, moving_range`` (NaN for the first), ``centre, lcl, ucl,
        out_of_control``; ``attrs``: ``chart`` ("individuals"), ``centre``, ``mr_bar``,
        ``lcl``, ``ucl``, ``baseline_periods``.

    Raises
    ------
    coursekit.InputError
        Missing or non-numeric values, fewer than 2 values.

    Examples
    --------
    Made-up daily mean first-response times (minutes); MR̄ = (1 + 1 + 2 + 8 + 8) / 5 = 4.0,
    x̄ = 75 / 6 = 12.5, limits 12.5 ± 2.66 × 4.0 = 1.86 and 23.14:

    >>> import coursekit as ck
    >>> chart = ck.spc.individuals_chart([10, 11, 10, 12, 20, 12])
    >>> chart.loc[5:6]
            value  moving_range  centre   lcl    ucl  out_of_control
    sample
    5        20.0           8.0    12.5  1.86  23.14           False
    6        12.0           8.0    12.5  1.86  23.14           False
    >>> ck.spc.individuals_chart([10])
    Traceback (most recent call last):
    ...
    coursekit.InputError: A control chart needs at least 2 periods, but 1 was given.
    """
    series, index = _series(values, "values")
    frame = _numbers({"values": series}, index)
    _need_two(frame)
    use = _baseline(index, baseline)
    x = frame["values"].to_numpy()
    moving = np.abs(np.diff(x))
    paired = use[1:] & use[:-1]
    if not paired.any():
        raise InputError("The baseline needs two consecutive periods to measure a moving range; "
                         "choose a stretch of periods in a row.")
    mr_bar, centre = float(moving[paired].mean()), float(x[use].mean())
    lcl, ucl = centre - E2 * mr_bar, centre + E2 * mr_bar
    out = pd.DataFrame({"value": x, "moving_range": np.r_[np.nan, moving], "centre": centre,
                        "lcl": lcl, "ucl": ucl}, index=index)
    out["out_of_control"] = (out["value"] > ucl) | (out["value"] < lcl)
    out.attrs.update(chart="individuals", centre=centre, mr_bar=mr_bar, lcl=lcl, ucl=ucl,
                     baseline_periods=int(use.sum()))
    return out


def _series(values, name):
    if isinstance(values, pd.DataFrame):
        raise InputError(f"{name}= should be one column (a Series) or a list of numbers, not a "
                         f"table with {values.shape[1]} columns. Pick the column, e.g. table['{name}'].")
    if isinstance(values, pd.Series):
        _require_time_order(values.index, name)
        return values, values.index
    try:
        array = np.asarray(values, dtype=object).reshape(-1) if np.ndim(values) else None
    except ValueError:
        array = None
    if array is None:
        raise InputError(f"{name}= should be a Series or a list of numbers, not {values!r}.")
    index = pd.RangeIndex(1, len(array) + 1, name="sample")
    return pd.Series(array, index=index), index


def _require_time_order(index: pd.Index, name) -> None:
    """Periods labelled by dates, times or numbers must come in order, each once: a control
    chart's moving ranges and runs read the points in the order given."""
    ordered = (pd.api.types.is_datetime64_any_dtype(index) or isinstance(index, pd.PeriodIndex)
               or pd.api.types.is_timedelta64_dtype(index)
               or (pd.api.types.is_numeric_dtype(index) and not pd.api.types.is_bool_dtype(index)))
    if not ordered or index.is_monotonic_increasing and index.is_unique:
        return
    labels = list(index)
    missing = np.asarray(index.isna())
    early = np.r_[False, np.asarray(index[1:] <= index[:-1])] | missing
    shown = pd.Series(["no label" if gap else f"after {fmt_label(before)}"
                       for gap, before in zip(missing, [None, *labels[:-1]])], index=index)
    raise_bad_values(name, shown, early,
                     "periods in time order, each once (sort the Series with .sort_index() and "
                     "add up repeated periods first)", problem="periods out of time order")


def _numbers(columns: dict, index) -> pd.DataFrame:
    frame = pd.DataFrame({k: v.to_numpy() for k, v in columns.items()}, index=index)
    frame = require_numeric(frame, list(columns))
    for name in columns:
        require_complete(frame[name], name, what="a number")
    return frame


def _baseline(index: pd.Index, baseline) -> np.ndarray:
    """The periods that set the centre line and limits, as a boolean array."""
    use = np.zeros(len(index), dtype=bool)
    if baseline is None:
        use[:] = True
    elif isinstance(baseline, slice):
        try:
            use[index.slice_indexer(baseline.start, baseline.stop, baseline.step)] = True
        except (KeyError, TypeError, ValueError):
            raise InputError(f"baseline={baseline!r} does not match the periods' labels "
                             f"({index[0]!r} … {index[-1]!r}).") from None
    else:
        flags = baseline.reindex(index) if isinstance(baseline, pd.Series) else pd.Series(list(baseline))
        if len(flags) != len(index) or not pd.api.types.is_bool_dtype(flags):
            raise InputError("baseline= should be a slice of period labels, e.g. slice(1, 20), or "
                             f"one True/False per period ({len(index)} in all).")
        use[:] = flags.to_numpy(dtype=bool)
    if use.sum() < 2:
        raise InputError(f"The baseline covers {int(use.sum())} period(s); limits need at least 2.")
    return use


def _need_two(frame) -> None:
    if len(frame) < 2:
        raise InputError(f"A control chart needs at least 2 periods, but {len(frame)} "
                         f"{'was' if len(frame) == 1 else 'were'} given.")
