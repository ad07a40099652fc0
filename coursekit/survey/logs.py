"""The checks of :func:`coursekit.survey.validate` for service logs: tickets and complaints.

Like ``shapes.py``, each ``check_<kind>(report, table, scale, roles)`` adds rows to the report
and never raises on a problem with the data.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, parse_scale, show_labels, show_offenders
from ..recovery.inputs import is_yes_no, timestamps
from .shapes import KINDS, rows_text, check_ratings, numbers_of


def check_tickets(report, table, scale, roles):
    names = KINDS["tickets"]
    times = {}
    for role in ("created", "first_response", "resolved"):
        column = report.find(role, names[role], roles.get(role), required=role == "created",
                             kind="ticket")
        if column is None:
            continue
        values = table[column]
        try:
            parsed, aware = timestamps(table, column)
        except InputError as error:
            report.add("error", column, str(error), "Write times as 2025-03-01 14:30.")
            continue
        blank = parsed.isna() & (role == "created")
        if blank.any():
            report.add("error", column, f"Column {column!r} has no time in {rows_text(blank)}"
                       f": {show_offenders(values, blank)}.", "Every ticket needs its opening time.")
        times[role] = (column, parsed, aware)
    kinds = {aware for _, _, aware in times.values() if aware is not None}
    if len(kinds) == 2:
        report.add("error", None, "Some time columns carry a time zone and others do not: "
                   "durations between them would be off by the zone's offset.",
                   "Give all of them a time zone, or none (Series.dt.tz_localize / tz_convert).")
    for later, earlier in (("first_response", "created"), ("resolved", "created"),
                           ("resolved", "first_response")):
        # Only columns alike in time zones are compared: across the two kinds the order itself
        # is in doubt, which the problem above already says.
        if later in times and earlier in times and times[later][2] == times[earlier][2]:
            (lc, lv, _), (_, ev, _) = times[later], times[earlier]
            wrong = (lv < ev).fillna(False)
            if wrong.any():
                report.add("error", lc, f"{later} comes before {earlier} in {rows_text(wrong)}"
                           f": {show_offenders(table[lc], wrong)}.",
                           f"Check those tickets: {later} cannot precede {earlier}.")
    contacts = report.find("contacts", names["contacts"], roles.get("contacts"), required=False)
    if contacts is not None:
        numbers = numbers_of(report, table, contacts)
        if numbers is not None:
            bad = numbers.notna() & ((numbers < 1) | (numbers != np.floor(numbers)))
            if bad.any():
                report.add("error", contacts, f"Column {contacts!r} has entries that are not "
                           f"whole numbers from 1 in {rows_text(bad)}: "
                           f"{show_offenders(table[contacts], bad)}.", "1 = solved at first contact.")
    csat = report.find("csat", names["csat"], roles.get("csat"), required=False)
    if csat is not None:
        check_ratings(report, table, csat, parse_scale(scale) or (1, 5), "satisfaction ratings")


def check_complaints(report, table, scale, roles):
    names = KINDS["complaints"]
    scale = parse_scale(scale) or (1, 7)
    cause = report.find("cause", names["cause"], roles.get("cause"), kind="complaint")
    if cause is not None:
        blank = table[cause].isna()
        if blank.any():
            report.add("warning", cause, f"{int(blank.sum())} complaints have no cause: a Pareto "
                       f"analysis leaves them out.", "Fill in a cause, such as 'other'.")
        if pd.api.types.is_numeric_dtype(table[cause]):
            report.add("warning", cause, f"Column {cause!r} holds numbers; a Pareto analysis needs "
                       f"cause names.", "Map the codes to names first.")
    minutes = report.find("response_min", names["response_min"], roles.get("response_min"),
                          required=False)
    if minutes is not None:
        numbers = numbers_of(report, table, minutes)
        if numbers is not None and (numbers < 0).any():
            bad = numbers < 0
            report.add("error", minutes, f"Column {minutes!r} has negative minutes in "
                       f"{rows_text(bad)}: {show_offenders(table[minutes], bad)}.",
                       "Check how the response time was worked out.")
    ratings = [roles.get(r, r) for r in ("distributive", "procedural", "interactional")]
    after = report.find("satisfaction_after", names["satisfaction_after"],
                        roles.get("satisfaction_after"), required=False)
    for column in [c for c in ratings if c in table.columns] + ([after] if after else []):
        check_ratings(report, table, column, scale)
    yes_no = roles.get("yes_no", [c for c in ("apology", "explanation", "fixed", "returned_1y")
                                  if c in table.columns])
    for column in yes_no:
        if column in table.columns and table[column].notna().any() and not is_yes_no(table[column]):
            report.add("error", column, f"Column {column!r} is not a yes/no column: "
                       f"{show_labels(list(pd.unique(table[column].dropna()))[:5])}.",
                       "Use yes/no, true/false or 1/0 (是/否).")
    if report.roles.get("complaint"):
        return
    key = report.find("complaint", names["complaint"], roles.get("complaint"), required=False)
    if key is not None:
        twice = table[key].duplicated() & table[key].notna()
        if twice.any():
            report.add("error", key, f"Column {key!r} repeats identifiers in {rows_text(twice)}"
                       f": {show_offenders(table[key], twice)}.", "Each complaint once.")

