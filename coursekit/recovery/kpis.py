"""Service-recovery KPIs from a ticket or complaint log: response and resolution times,
first-contact resolution and satisfaction after recovery."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import (InputError, rating_frame, raise_bad_values, require_choice, require_columns,
                    require_frame, require_percent, warn_set_aside)
from .inputs import ZONE_ADVICE, timestamps, whole_counts

_UNITS = {"minutes": pd.Timedelta(minutes=1), "hours": pd.Timedelta(hours=1), "days": pd.Timedelta(days=1)}


def kpis(tickets, *, created="created", first_response="first_response", resolved="resolved",
         contacts="contacts", satisfaction="csat", by=None, unit="hours", percentile=90,
         scale=None, na_values=None) -> pd.DataFrame:
    """Service-recovery KPIs from a ticket or complaint log, overall or per group.

    * first response time = first_response − created; time to resolution = resolved − created;
      each reported as the median and the ``percentile``-th percentile (default 90th), in
      ``unit``. Percentiles use numpy's default linear interpolation (Excel's PERCENTILE.INC,
      R's type 7);
    * ``unresolved`` — tickets without a resolved time (still open); they are left out of the
      resolution times;
    * ``fcr_pct`` — first-contact resolution rate: resolved tickets closed with exactly one
      contact, as a % of resolved tickets with a known number of contacts (of all tickets with
      a known number when ``resolved=None``);
    * ``satisfaction_mean`` after recovery, over the tickets that have an answer
      (``satisfaction_n`` says how many; unanswered surveys are normal and skipped). Codes in
      ``na_values=`` (e.g. ``[0, 99]``) count as unanswered; ``scale=(1, 5)`` refuses any answer
      off the scale; without a scale, answers that look like such codes raise a
      :class:`coursekit.SuspectCodeWarning`.

    Times: datetime64 or ISO 8601 text, all with a time zone or all without (a zone-aware
    ``created`` against a naive ``resolved`` would shift every duration by the zone's offset,
    so it is refused). A first response or resolution before the ticket was created, or a
    resolution before the first response, is refused too.

    Pass ``None`` for a column you do not have; its KPIs are left out.

    Missing data: tickets without a created time are set aside; tickets without a first
    response time are left out of the first-response figures; resolved tickets without a
    contact count are left out of the FCR rate — each with a :class:`coursekit.MissingDataWarning`.

    Method: docs/methods.md §5.6, §9.1, §9.2. Used in: lessons 04, 06, 07.

    Parameters
    ----------
    tickets : pandas.DataFrame
        One row per ticket. Timestamps as datetime64 or ISO 8601 text.
    created, first_response, resolved, contacts, satisfaction : str or None
        Column names (defaults match the course's ``ecommerce_tickets`` table).
    by : str or list of str, optional
        Report one row per group (e.g. ``"channel"``, or a before/after-rollout column).
        A missing group label forms its own group.
    unit : {"minutes", "hours", "days"}
    percentile : float
        The upper percentile reported next to the median, from 0 to 100 (90 for the 90th; a
        fraction such as 0.9 is refused rather than read as the 0.9th percentile).
    scale : (low, high), optional
        The satisfaction scale.
    na_values : number, text or list, optional
        Satisfaction codes meaning "no answer".

    Returns
    -------
    pandas.DataFrame
        One row (or one per group, group columns first) with ``tickets``,
        ``first_response_median_<unit>``, ``first_response_p<percentile>_<unit>``,
        ``resolution_median_<unit>``, ``resolution_p<percentile>_<unit>``, ``unresolved``,
        ``fcr_pct``, ``satisfaction_mean``, ``satisfaction_n``.

    Raises
    ------
    coursekit.InputError
        Missing columns, text that is not a date and time, times with a time zone mixed with
        times without one, a first response or resolution before the ticket was created, a
        resolution before the first response, contact counts that are not whole numbers of
        at least 1, satisfaction that is not a number or is off the declared scale, an
        unknown unit, a percentile outside 0–100 or written as a fraction.

    Examples
    --------
    Four made-up tickets (the 90th percentile of 1, 2, 4 hours is 2 + 0.8 × (4 − 2) = 3.6):

    >>> import pandas as pd, coursekit as ck
    >>> log = pd.DataFrame({
    ...     "created": ["2025-03-01 09:00", "2025-03-01 10:00", "2025-03-02 08:00", "2025-03-02 12:00"],
    ...     "first_response": ["2025-03-01 09:30", "2025-03-01 10:15", "2025-03-02 09:00", None],
    ...     "resolved": ["2025-03-01 10:00", "2025-03-01 12:00", "2025-03-02 12:00", None],
    ...     "contacts": [1, 2, 1, 1], "csat": [5, 3, 4, None]})
    >>> ck.recovery.kpis(log, first_response=None).T
                                  0
    tickets                   4.0000
    resolution_median_hours   2.0000
    resolution_p90_hours      3.6000
    unresolved                1.0000
    fcr_pct                  66.6667
    satisfaction_mean         4.0000
    satisfaction_n            3.0000
    >>> log.loc[1, "resolved"] = "2025-02-28 12:00"
    >>> ck.recovery.kpis(log, first_response=None)
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'resolved' has times before the ticket was created in 1 row: row 1: '2025-02-28 12:00'. Allowed: times at or after 'created'.
    """
    require_choice(unit, "unit", tuple(_UNITS))
    percentile = require_percent(percentile, "percentile", 90)
    data = require_frame(tickets, what="ticket table")
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    used = [c for c in (created, first_response, resolved, contacts, satisfaction) if c is not None]
    require_columns(data, [*used, *by_cols], what="ticket table")
    if created is None and (first_response is not None or resolved is not None):
        raise InputError("Response and resolution times are measured from created=: name the "
                         "column holding when each ticket was created.")

    work = pd.DataFrame(index=data.index)
    if created is not None:
        start, zoned = timestamps(data, created)
        if start.isna().all():
            raise InputError(f"No ticket has a time in {created!r}, so no time can be measured.")
        warn_set_aside(start.index[start.isna().to_numpy()], len(start), "tickets",
                       f"a missing {created!r} time")
        keep = start.notna()
        data, start, work = data.loc[keep], start.loc[keep], work.loc[keep]
    tag = f"{percentile:g}".replace(".", "_")
    stamps = {}
    for column in (first_response, resolved):
        if column is not None:
            stamps[column] = _later_times(data, column, start, created, zoned)
    if first_response is not None:
        work["fr"] = (stamps[first_response] - start) / _UNITS[unit]
        warn_set_aside(work.index[work["fr"].isna().to_numpy()], len(work), "tickets",
                       "a missing first-response time",
                       action="left out of the first-response figures")
    if resolved is not None:
        work["res"] = (stamps[resolved] - start) / _UNITS[unit]
    if first_response is not None and resolved is not None:
        early = stamps[resolved] < stamps[first_response]  # False where either is missing
        if early.any():
            raise_bad_values(resolved, data[resolved], early,
                             f"times at or after {first_response!r} (a ticket is answered "
                             "before it is resolved)", problem="times before the first response")
    if contacts is not None:
        count = whole_counts(data, contacts, minimum=1)
        done = work["res"].notna() if resolved is not None else pd.Series(True, index=work.index)
        no_count = (done & count.isna()).to_numpy()
        warn_set_aside(work.index[no_count], int(done.sum()), "resolved tickets",
                       "a missing contact count", action="left out of the FCR rate")
        work["fcr"] = (count == 1).astype(float).where(done & count.notna())
    if satisfaction is not None:
        work["sat"] = rating_frame(data, [satisfaction], scale=scale, na_values=na_values,
                                   what="ticket table")[satisfaction]
    elif scale is not None or na_values is not None:
        raise InputError("scale= and na_values= describe the satisfaction answers: name their "
                         "column with satisfaction=..., or leave scale= and na_values= out.")

    groups = [((), work)] if not by_cols else \
        work.groupby([data[c] for c in by_cols], dropna=False, sort=True, observed=True)
    rows = []
    for key, part in groups:
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(by_cols, key))
        row["tickets"] = len(part)
        if first_response is not None:
            row[f"first_response_median_{unit}"] = _pct(part["fr"], 50)
            row[f"first_response_p{tag}_{unit}"] = _pct(part["fr"], percentile)
        if resolved is not None:
            row[f"resolution_median_{unit}"] = _pct(part["res"], 50)
            row[f"resolution_p{tag}_{unit}"] = _pct(part["res"], percentile)
            row["unresolved"] = int(part["res"].isna().sum())
        if contacts is not None:
            row["fcr_pct"] = 100 * part["fcr"].mean() if part["fcr"].notna().any() else np.nan
        if satisfaction is not None:
            row["satisfaction_mean"] = part["sat"].mean()
            row["satisfaction_n"] = int(part["sat"].notna().sum())
        rows.append(row)
    out = pd.DataFrame(rows)
    out.attrs.update(unit=unit, percentile=percentile)
    return out


def _later_times(data, column, start, created, created_zoned) -> pd.Series:
    """The times of *column*, checked to be of the same kind as *created* and not before it."""
    stamp, zoned = timestamps(data, column)
    if zoned != created_zoned:
        which, other = (column, created) if zoned else (created, column)
        values = data[which]
        raise_bad_values(which, values, values.notna(), ZONE_ADVICE,
                         problem=f"times with a time zone (unlike {other!r}, whose times have none)")
    early = stamp < start
    if early.any():
        raise_bad_values(column, data[column], early, f"times at or after {created!r}",
                         problem="times before the ticket was created")
    return stamp


def _pct(values: pd.Series, q: float) -> float:
    values = values.dropna().to_numpy(dtype=np.float64)
    return float(np.percentile(values, q)) if len(values) else np.nan
