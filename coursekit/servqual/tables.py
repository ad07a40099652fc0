"""Checks shared by the SERVQUAL functions: paired tables, dimensions, listwise deletion, weights."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..core import (CODED_REASON, InputError, drop_incomplete, numeric_frame, parse_scale,
                    rating_frame, require_columns, require_complete, require_frame,
                    require_same_labels, require_unique_labels, show_labels, show_offenders)
from .items import DIMENSION_ITEMS, ITEM_IDS

WEIGHT_TOTAL = 100.0


def split_columns(survey, prefix: str, items, what: str) -> pd.DataFrame:
    wanted = [f"{prefix}{item}" for item in items]
    missing = [c for c in wanted if c not in survey.columns]
    if missing:
        raise InputError(f"The survey table has no {what} columns {show_labels(missing)}. Allowed: one "
                         f"column per item named {prefix}q01 ... {prefix}q22 (or pass "
                         f"{what}_prefix= if your columns start differently; or pass expectations and "
                         f"perceptions as two tables with columns q01 ... q22).")
    part = survey[wanted].copy()
    part.columns = list(items)
    return part


def paired_tables(tables: dict[str, object], scale, na_values=None) -> dict[str, pd.DataFrame]:
    """Check that the tables cover the same items and respondents, with numbers on *scale*;
    codes in *na_values* become missing answers (``attrs["not_applicable"]`` counts them)."""
    bounds = parse_scale(scale)
    frames = {what: require_frame(t, f"{what} table") for what, t in tables.items()}
    (first_name, first), *others = frames.items()
    for what, frame in frames.items():
        require_unique_labels(frame.index, f"the {what} table")
    for what, other in others:
        require_same_labels(first.columns, other.columns, f"the {first_name} table",
                            f"the {what} table", noun="item columns")
        require_same_labels(first.index, other.index, f"the {first_name} table",
                            f"the {what} table", noun="respondents (row labels)", ordered=True)
    out = {}
    for what, frame in frames.items():
        frame = rating_frame(frame, list(first.columns), na_values=na_values,
                             what=f"{what} table", look_for_suspects=bounds is None, stacklevel=6)
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
                        f"it, or scale=None to skip the check; codes such as 0 or 99 for 'not "
                        f"applicable' can be passed as na_values=[0, 99]).")
        out[what] = frame
    return out


def complete_rows(frames: dict[str, pd.DataFrame], extra: pd.DataFrame | None = None):
    """Listwise deletion across every table: a respondent missing any answer is set aside."""
    tables = [*frames.values(), *([] if extra is None else [extra])]
    if not any(t.isna().to_numpy().any() for t in tables):
        return frames, extra
    coded = any(f.attrs.get("not_applicable") for f in frames.values())
    parts = [f.add_prefix(f"{what}:") for what, f in frames.items()]
    if extra is not None:
        parts.append(extra.add_prefix("weight:"))
    joined = pd.concat(parts, axis=1)
    kept = drop_incomplete(joined, list(joined.columns), what="respondents",
                           reason=CODED_REASON if coded else "missing answers").index
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
        raise InputError(f"The tables have no item columns {show_labels(absent)}, which the dimensions "
                         f"need.{hint}")
    empty = [d for d, cols in mapping.items() if not cols]
    if empty:
        raise InputError(f"The dimensions {show_labels(empty)} have no items. Allowed: at least one item "
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
                             f"{show_labels(absent)}. Allowed: a Series with the same row labels as "
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
        raise InputError(f"The weights have no column {show_labels(absent)}. Allowed: one column per "
                         f"dimension, named like the dimension ({show_labels(dims)}) or w_<dimension>.")
    table = weights[list(chosen.values())].copy()
    table.columns = list(chosen)
    missing_rows = index.difference(table.index)
    if len(missing_rows):
        raise InputError(f"The weights have no row for the respondents {show_labels(missing_rows)}. "
                         f"Allowed: one row of points per respondent, with the same row labels.")
    return numeric_frame(table.loc[index], "weights").astype(np.float64)


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
        fractions = bool(((total[off] - 1).abs() <= 1e-6).all())
        hint = (" They add up to 1, as shares written as fractions do: give points out of 100 "
                "(multiply the weights by 100)." if fractions else "")
        raise InputError(f"The weights ({columns}) do not add up to {WEIGHT_TOTAL:g} for "
                         f"{int(off.sum())} respondents (their totals): {show_offenders(total, off)}. "
                         f"Allowed: each respondent splits exactly {WEIGHT_TOTAL:g} points across "
                         f"the {len(points.columns)} dimensions.{hint}")


def split_survey(survey, expectation_prefix="E_", perception_prefix="P_"):
    """Split a survey table into its expectations and perceptions, columns ``q01`` ... ``q22``.

    Method: docs/methods.md §2.1. Used in: lesson 03.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent with columns ``E_q01`` ... ``E_q22`` and ``P_q01`` ... ``P_q22``
        (other columns are ignored).
    expectation_prefix, perception_prefix : str
        How the two sets of columns start.

    Returns
    -------
    (DataFrame, DataFrame)
        Expectations and perceptions, both with the survey's row labels.

    Raises
    ------
    InputError
        If the table is empty or lacks any of the 44 columns (the message lists them).

    Examples
    --------
    >>> survey = pd.DataFrame({**{f"E_{q}": [7, 6] for q in ITEM_IDS},
    ...                        **{f"P_{q}": [5, 6] for q in ITEM_IDS}})
    >>> E, P = split_survey(survey)
    >>> E.shape, list(P.columns[:3])
    ((2, 22), ['q01', 'q02', 'q03'])
    >>> split_survey(survey.drop(columns=["P_q07"]))
    Traceback (most recent call last):
    ...
    coursekit.InputError: The survey table has no perception columns 'P_q07'. ...
    """
    data = require_frame(survey, "survey table")
    return (split_columns(data, expectation_prefix, ITEM_IDS, "expectation"),
            split_columns(data, perception_prefix, ITEM_IDS, "perception"))


def pair_tables(expectations, perceptions, scale, na_values=None):
    """The (expectations, perceptions, survey) of either calling form, checked and paired."""
    survey = None
    if perceptions is None:
        survey = require_frame(expectations, "survey table")
        expectations, perceptions = split_survey(survey)
    tables = paired_tables({"expectations": expectations, "perceptions": perceptions}, scale,
                           na_values)
    return tables["expectations"], tables["perceptions"], survey


def complete_pair(e, p, extra=None):
    """Listwise deletion across a pair of tables (and their weights, if given)."""
    frames, extra = complete_rows({"expectations": e, "perceptions": p}, extra)
    return (frames["expectations"], frames["perceptions"]), extra


