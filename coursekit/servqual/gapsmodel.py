"""The gaps model made measurable: gap 1 from a management survey, gap 3 from standards audits.

Gap 5 is SERVQUAL itself (:func:`coursekit.servqual.dimension_gaps`); the figure of the five
gaps is :func:`coursekit.servqual.plot_gaps_model`.
"""
from __future__ import annotations

import pandas as pd

from ..core import (InputError, drop_incomplete, numeric_frame, parse_scale, raise_bad_values,
                    rating_frame, require_columns, require_frame, require_unique_labels)
from .items import DIMENSION_ITEMS, DIMENSIONS, ITEM_IDS, SCALE, WEIGHT_COLUMNS
from .tables import check_weights, per_dimension, split_columns, weight_frame


def _dimension_table(survey, what: str, by, scale, na_values):
    """Per respondent: each dimension's mean expectation (E_), perception (P_) and points."""
    data = require_frame(survey, f"{what} table")
    require_unique_labels(data.index, f"the {what} table")
    if by is not None:
        require_columns(data, [by], f"{what} table")
    # split_columns names any missing item column; the answers themselves are then read as
    # ratings under their own column names (E_q01 ...), so a bad answer is named where it is.
    split_columns(data, "E_", ITEM_IDS, "expectation")
    split_columns(data, "P_", ITEM_IDS, "perception")
    answers = rating_frame(data, [f"{x}_{q}" for x in "EP" for q in ITEM_IDS], scale=parse_scale(scale),
                           na_values=na_values, what=f"{what} table", stacklevel=5)
    expected = per_dimension(split_columns(answers, "E_", ITEM_IDS, "expectation"), DIMENSION_ITEMS)
    perceived = per_dimension(split_columns(answers, "P_", ITEM_IDS, "perception"), DIMENSION_ITEMS)
    require_columns(data, list(WEIGHT_COLUMNS.values()), f"{what} table")
    numeric_frame(data[list(WEIGHT_COLUMNS.values())], f"{what} table")
    points = weight_frame(True, data, data.index, list(DIMENSIONS))
    joined = pd.concat({"E": expected, "P": perceived, "w": points}, axis=1)
    joined.columns = [f"{a}:{b}" for a, b in joined.columns]
    joined = drop_incomplete(joined, list(joined.columns), what=what, stacklevel=4)
    check_weights(joined[[f"w:{d}" for d in DIMENSIONS]])
    if by is not None:
        labels = data.loc[joined.index, by]
        if labels.isna().any():
            raise_bad_values(by, data[by], data[by].isna(), "a group label for every row",
                             problem="missing group labels")
        joined.insert(0, by, labels)
    return joined


def listening_gap(managers, guests, *, by="property", scale=SCALE, na_values=None) -> pd.DataFrame:
    """Gap 1, the listening gap: what managers think guests expect, against what guests expect.

    Both tables have the SERVQUAL survey layout (``E_q01`` ... ``E_q22``, ``P_q01`` ...
    ``P_q22``, ``w_tangibles`` ... ``w_empathy``). In the managers' table ``E_`` holds each
    manager's *prediction* of what guests expect, the ``w_`` columns the points the manager
    thinks guests give each dimension, and ``P_`` the manager's rating of the hotel's own
    performance. Per dimension (means of the dimension's items per respondent, then over
    respondents; gaps are managers minus guests):

    * ``expectation_gap`` = predicted expectation − guests' expectation (< 0: managers
      underestimate what guests expect);
    * ``points_gap`` = points managers think guests give − points guests give (> 0: managers
      think guests care more than they do);
    * ``self_rating_gap`` = managers' rating of their own hotel − guests' perception (> 0:
      managers see their service as better than guests do).

    Missing answers: a respondent (guest or manager) with any missing answer is left out
    (listwise), with a :class:`coursekit.MissingDataWarning`; codes in ``na_values=`` count as
    missing answers. Each respondent's points must add up to 100.

    Method: docs/methods.md §2.8, §9.1. Used in: lesson 04.

    Parameters
    ----------
    managers, guests : DataFrame
        The management survey and the guest survey, same layout.
    by : str or None
        A column both tables have (the hotel) to compare group by group; None for one group.
    scale : (low, high) or None
        The answer scale (default 1-7); answers outside it raise InputError.
    na_values : list, optional
        Not-applicable codes (e.g. ``[0, 99]``), read as missing answers.

    Returns
    -------
    DataFrame with one row per (group and) dimension: ``[by,] dimension, managers, guests,
    expectation_managers, expectation_guests, expectation_gap, points_managers, points_guests,
    points_gap, self_rating, perception_guests, self_rating_gap`` (``managers`` and ``guests``
    are the numbers of respondents used).

    Raises
    ------
    InputError
        A table without the 44 item columns or the five ``w_`` columns, answers that are not
        numbers on the scale, points that do not add up to 100, a missing *by* column, or a
        group the guests' table does not have.

    Examples
    --------
    >>> from coursekit.servqual import ITEM_IDS, WEIGHT_COLUMNS
    >>> def survey(e, p, points):
    ...     return pd.DataFrame([{**{f"E_{q}": e for q in ITEM_IDS}, **{f"P_{q}": p for q in ITEM_IDS},
    ...                           **dict(zip(WEIGHT_COLUMNS.values(), points))}])
    >>> managers = survey(5, 6, [40, 15, 15, 15, 15])
    >>> guests = pd.concat([survey(6, 5, [10, 30, 20, 20, 20]), survey(7, 5, [10, 30, 30, 15, 15])],
    ...                    ignore_index=True)
    >>> gap = listening_gap(managers, guests, by=None)
    >>> gap[["dimension", "expectation_gap", "points_gap", "self_rating_gap"]]
            dimension  expectation_gap  points_gap  self_rating_gap
    0       Tangibles             -1.5        30.0              1.0
    1     Reliability             -1.5       -15.0              1.0
    2  Responsiveness             -1.5       -10.0              1.0
    3       Assurance             -1.5        -2.5              1.0
    4         Empathy             -1.5        -2.5              1.0
    """
    own = _dimension_table(managers, "managers", by, scale, na_values)
    theirs = _dimension_table(guests, "guests", by, scale, na_values)
    if by is None:
        pairs = [(None, own, theirs)]
    else:
        known = set(theirs[by])
        absent = [g for g in pd.unique(own[by]) if g not in known]
        if absent:
            raise InputError(f"The guests' table has no {by!r} {', '.join(repr(str(g)) for g in absent)}, "
                             f"which the managers' table has. Allowed: groups both tables share.")
        pairs = [(g, own[own[by] == g], theirs[theirs[by] == g]) for g in pd.unique(own[by])]
    rows = []
    for group, m, g in pairs:
        for d in DIMENSIONS:
            row = {} if by is None else {by: group}
            row.update({"dimension": d, "managers": len(m), "guests": len(g),
                        "expectation_managers": m[f"E:{d}"].mean(),
                        "expectation_guests": g[f"E:{d}"].mean(),
                        "points_managers": m[f"w:{d}"].mean(), "points_guests": g[f"w:{d}"].mean(),
                        "self_rating": m[f"P:{d}"].mean(), "perception_guests": g[f"P:{d}"].mean()})
            rows.append(row)
    out = pd.DataFrame(rows)
    for what, mine, other in [("expectation_gap", "expectation_managers", "expectation_guests"),
                              ("points_gap", "points_managers", "points_guests"),
                              ("self_rating_gap", "self_rating", "perception_guests")]:
        out.insert(out.columns.get_loc(other) + 1, what, out[mine] - out[other])
    return out


def compliance(audits, by="standard", *, passed="passed") -> pd.DataFrame:
    """Gap 3, the performance gap: the share of audit checks that met the written standard.

    Each row of *audits* is one check (a mystery-shopper visit or a checklist item) of one
    standard at one time; ``passed`` says whether the standard was met. Per group::

        compliance_pct = 100 * checks passed / checks made

    Missing results: a check without a result is left out, with a
    :class:`coursekit.MissingDataWarning`.

    Method: docs/methods.md §2.8. Used in: lesson 04.

    Parameters
    ----------
    audits : DataFrame
        One row per check, with a True/False column *passed*.
    by : str or list of str
        The columns to group by, e.g. ``"standard"`` or ``["property", "shift"]``; a date
        column gives one row per day (the counts a p-chart reads).
    passed : str
        The column saying whether the check passed.

    Returns
    -------
    DataFrame with the *by* columns and ``checks, passed, failed, compliance_pct``, one row per
    group that has checks (groups in the order of a categorical column's categories).

    Raises
    ------
    InputError
        Missing columns, or a *passed* column holding something other than True and False.

    Examples
    --------
    >>> audits = pd.DataFrame({"shift": ["day", "day", "night", "night", "night"],
    ...                        "passed": [True, True, True, False, False]})
    >>> compliance(audits, by="shift").round(2)
       shift  checks  passed  failed  compliance_pct
    0    day       2       2       0          100.00
    1  night       3       1       2           33.33
    >>> compliance(audits.assign(passed=["yes", "no", "yes", "yes", "no"]), by="shift")
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'passed' has entries that are not True or False in 5 rows: row 0: 'yes', ...
    """
    data = require_frame(audits, "audit table")
    groups = [by] if isinstance(by, str) else list(by)
    if not groups:
        raise InputError("by= should name at least one column to group the checks by, such as "
                         "'standard'.")
    require_columns(data, [*groups, passed], "audit table")
    result = data[passed]
    known = result.notna()
    is_bool = result[known].map(lambda v: isinstance(v, bool) or type(v).__name__ == "bool_")
    if not is_bool.all():
        bad = pd.Series(False, index=data.index)
        bad.loc[is_bool.index[~is_bool.to_numpy()]] = True
        raise_bad_values(passed, result, bad, "True or False (load the case data with "
                         "ck.datasets.load, which reads yes/no columns as True/False)",
                         problem="entries that are not True or False")
    data = drop_incomplete(data, [passed], what="checks", reason="no result")
    ok = data[passed].astype(bool)
    table = ok.groupby([data[g] for g in groups], observed=True, sort=True).agg(["size", "sum"])
    table = table.rename(columns={"size": "checks", "sum": "passed"}).reset_index()
    table["passed"] = table["passed"].astype("int64")
    table["failed"] = table["checks"] - table["passed"]
    table["compliance_pct"] = 100 * table["passed"] / table["checks"]
    return table
