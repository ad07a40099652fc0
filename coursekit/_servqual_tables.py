"""Checks shared by the SERVQUAL functions: paired tables, dimensions, listwise deletion, weights."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._checks import drop_incomplete, require_columns, require_complete, require_frame, show_offenders
from ._errors import InputError
from ._reliability import _as_scale, _numeric_frame
from ._servqual_items import DIMENSION_ITEMS

WEIGHT_TOTAL = 100.0


def _names(labels, limit: int = 5) -> str:
    labels = list(labels)
    text = ", ".join(repr(x) if isinstance(x, str) else str(x) for x in labels[:limit])
    return text + (f" and {len(labels) - limit} more" if len(labels) > limit else "")


def split_columns(survey, prefix: str, items, what: str) -> pd.DataFrame:
    wanted = [f"{prefix}{item}" for item in items]
    missing = [c for c in wanted if c not in survey.columns]
    if missing:
        raise InputError(f"The survey table has no {what} columns {_names(missing)}. Allowed: one "
                         f"column per item named {prefix}q01 ... {prefix}q22 (or pass "
                         f"{what}_prefix= if your columns start differently; or pass expectations and "
                         f"perceptions as two tables with columns q01 ... q22).")
    part = survey[wanted].copy()
    part.columns = list(items)
    return part


def paired_tables(tables: dict[str, object], scale) -> dict[str, pd.DataFrame]:
    """Check that the tables cover the same items and respondents, with numbers on *scale*."""
    bounds = _as_scale(scale)
    frames = {what: require_frame(t, f"{what} table") for what, t in tables.items()}
    (first_name, first), *others = frames.items()
    for what, other in others:
        extra = [c for c in other.columns if c not in first.columns]
        lacking = [c for c in first.columns if c not in other.columns]
        if extra or lacking:
            parts = []
            if extra:
                parts.append(f"the {what} table has {_names(extra)}, which the {first_name} table lacks")
            if lacking:
                parts.append(f"the {what} table lacks {_names(lacking)}")
            raise InputError(f"The {first_name} and {what} tables do not have the same item columns: "
                             f"{'; '.join(parts)}. Allowed: the same item columns in both tables.")
        if len(other) != len(first):
            raise InputError(f"The {first_name} table has {len(first)} rows but the {what} table has "
                             f"{len(other)}: give both tables one row per respondent, the same "
                             f"respondents in each.")
        if not other.index.equals(first.index):
            only = [x for x in other.index if x not in first.index] or list(other.index[:5])
            raise InputError(f"The {what} table's row labels differ from the {first_name} table's "
                             f"(for example {_names(only)}). Allowed: the same respondents, with the "
                             f"same row labels, in both tables.")
    out = {}
    for what, frame in frames.items():
        frame = _numeric_frame(frame[list(first.columns)], f"{what} table").astype(np.float64)
        if bounds is not None:
            array = frame.to_numpy()
            with np.errstate(invalid="ignore"):
                outside = ((array < bounds[0]) | (array > bounds[1])).any(axis=0)
            for j in np.flatnonzero(outside):  # only on the error path: name the first bad column
                column, values = frame.columns[j], frame.iloc[:, j]
                bad = values.notna() & ((values < bounds[0]) | (values > bounds[1]))
                if bad.any():
                    raise InputError(
                        f"The {what} table's column {str(column)!r} has {int(bad.sum())} answers "
                        f"outside the scale: {show_offenders(values, bad)}. Allowed: numbers from "
                        f"{bounds[0]:g} to {bounds[1]:g} (the declared scale; pass scale= to change "
                        f"it, or scale=None to skip the check).")
        out[what] = frame
    return out


def complete_rows(frames: dict[str, pd.DataFrame], extra: pd.DataFrame | None = None):
    """Listwise deletion across every table: a respondent missing any answer is set aside."""
    tables = [*frames.values(), *([] if extra is None else [extra])]
    if not any(t.isna().to_numpy().any() for t in tables):
        return frames, extra
    parts = [f.add_prefix(f"{what}:") for what, f in frames.items()]
    if extra is not None:
        parts.append(extra.add_prefix("weight:"))
    joined = pd.concat(parts, axis=1)
    kept = drop_incomplete(joined, list(joined.columns), what="respondents").index
    if len(kept) == len(joined):
        return frames, extra
    return ({w: f.loc[kept] for w, f in frames.items()},
            None if extra is None else extra.loc[kept])


def dimension_map(dimensions, columns) -> dict[str, list]:
    """Return {dimension: item columns}, checking every item is in the tables."""
    mapping = DIMENSION_ITEMS if dimensions is None else dimensions
    if not isinstance(mapping, Mapping) or not mapping:
        raise InputError("dimensions= should map each dimension name to its item columns, such as "
                         "{'Tangibles': ['q01', 'q02', 'q03', 'q04'], ...}.")
    mapping = {str(d): list(cols) for d, cols in mapping.items()}
    absent = [c for cols in mapping.values() for c in cols if c not in columns]
    if absent:
        hint = (" The standard instrument has the 22 items q01 ... q22; for another instrument "
                "pass dimensions={name: [item columns]}." if dimensions is None else "")
        raise InputError(f"The tables have no item columns {_names(absent)}, which the dimensions "
                         f"need.{hint}")
    empty = [d for d, cols in mapping.items() if not cols]
    if empty:
        raise InputError(f"The dimensions {_names(empty)} have no items. Allowed: at least one item "
                         f"column per dimension.")
    return mapping


def per_dimension(frame: pd.DataFrame, mapping) -> pd.DataFrame:
    """Mean of each dimension's items, per respondent."""
    position = {c: j for j, c in enumerate(frame.columns)}
    values = frame.to_numpy(dtype=np.float64)
    return pd.DataFrame({d: values[:, [position[c] for c in cols]].mean(axis=1)
                         for d, cols in mapping.items()}, index=frame.index)


def group_labels(by, survey, index) -> pd.Series:
    """The group of each respondent, from a survey column or a Series of labels."""
    if isinstance(by, str):
        if survey is None:
            raise InputError(f"by={by!r} names a column of the survey table: pass the survey table "
                             f"alone as the first argument, or pass the groups themselves (a Series "
                             f"with the respondents' row labels).")
        require_columns(survey, [by], "survey table")
        groups = survey[by]
    elif isinstance(by, pd.Series):
        absent = index.difference(by.index)
        if len(absent):
            raise InputError(f"The groups given as by= have no label for the respondents "
                             f"{_names(absent)}. Allowed: a Series with the same row labels as "
                             f"the answers.")
        groups = by.loc[index]
    else:
        raise InputError(f"by= should be a column name or a Series of group labels, not a "
                         f"{type(by).__name__}.")
    name = groups.name if groups.name is not None else "group"
    require_complete(groups, str(name), what="a group label")
    return groups.rename(name)


def weight_frame(weights, survey, index, dims) -> pd.DataFrame:
    """Find each dimension's points in *weights* (by dimension name or w_<name>), one row each."""
    if weights is True:
        if survey is None:
            raise InputError("weights=True reads the w_ columns of a survey table: pass the survey "
                             "table alone as the first argument, or pass the weights themselves.")
        weights = survey
    if isinstance(weights, (Mapping, pd.Series)):
        weights = pd.DataFrame([dict(weights)] * len(index), index=index)
    if not isinstance(weights, pd.DataFrame):
        raise InputError(f"weights should be a table with one row per respondent (or one set of "
                         f"points for everyone), not a {type(weights).__name__}.")
    chosen, absent = {}, []
    for d in dims:
        for name in (d, f"w_{d.lower()}"):
            if name in weights.columns:
                chosen[d] = name
                break
        else:
            absent.append(f"w_{d.lower()}")
    if absent:
        raise InputError(f"The weights have no column {_names(absent)}. Allowed: one column per "
                         f"dimension, named like the dimension ({_names(dims)}) or w_<dimension>.")
    table = weights[list(chosen.values())].copy()
    table.columns = list(chosen)
    missing_rows = index.difference(table.index)
    if len(missing_rows):
        raise InputError(f"The weights have no row for the respondents {_names(missing_rows)}. "
                         f"Allowed: one row of points per respondent, with the same row labels.")
    return _numeric_frame(table.loc[index], "weights").astype(np.float64)


def check_weights(points: pd.DataFrame) -> None:
    negative = (points < 0).any(axis=1)
    if negative.any():
        lowest = points.min(axis=1)
        raise InputError(f"The weights ({', '.join(repr(c) for c in points.columns)}) have points below 0 for {int(negative.sum())} "
                         f"respondents (their lowest points): {show_offenders(lowest, negative)}. "
                         f"Allowed: 0 to 100 points per dimension, {WEIGHT_TOTAL:g} in all.")
    total = points.sum(axis=1)
    off = (total - WEIGHT_TOTAL).abs() > 1e-6
    if off.any():
        columns = ", ".join(repr(c) for c in points.columns)
        raise InputError(f"The weights ({columns}) do not add up to {WEIGHT_TOTAL:g} for "
                         f"{int(off.sum())} respondents (their totals): {show_offenders(total, off)}. "
                         f"Allowed: each respondent splits exactly {WEIGHT_TOTAL:g} points across "
                         f"the {len(points.columns)} dimensions.")

