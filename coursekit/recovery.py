"""Service recovery in numbers: ticket KPIs, the recovery paradox, and Pareto analysis of causes.

* :func:`kpis` — first response time, time to resolution (median and 90th percentile),
  first-contact resolution rate and satisfaction after recovery, overall or per group.
* :func:`recovery_paradox` — compare customers with no failure, a recovered failure and an
  unrecovered failure on satisfaction (t intervals) or on a yes/no outcome (Wilson intervals).
* :func:`pareto` — the few causes behind most failures; :func:`plot_pareto` draws the chart.

Sources: methods.md §5 (recovery KPIs; Hart, Heskett & Sasser 1990; de Matos et al. 2007).
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ._checks import drop_incomplete, raise_bad_values, require_choice, require_columns, require_frame
from ._checks import require_numeric
from ._errors import InputError, MissingDataWarning
from ._recovery_inputs import is_yes_no, timestamps, whole_counts, yes_no
from ._recovery_plots import plot_pareto, plot_recovery_paradox

__all__ = ["kpis", "recovery_paradox", "pareto", "plot_pareto", "plot_recovery_paradox", "GROUPS"]

#: The three groups of :func:`recovery_paradox`, in the order they are reported.
GROUPS = ("No failure", "Failure, recovered", "Failure, not recovered")
_UNITS = {"minutes": pd.Timedelta(minutes=1), "hours": pd.Timedelta(hours=1), "days": pd.Timedelta(days=1)}


def kpis(tickets, *, created="created", first_response="first_response", resolved="resolved",
         contacts="contacts", satisfaction="csat", by=None, unit="hours", percentile=90) -> pd.DataFrame:
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
      (``satisfaction_n`` says how many; unanswered surveys are normal and skipped).

    Pass ``None`` for a column you do not have; its KPIs are left out.

    Missing data: tickets without a created time are set aside; tickets without a first
    response time are left out of the first-response figures; resolved tickets without a
    contact count are left out of the FCR rate — each with a :class:`coursekit.MissingDataWarning`.

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
        The upper percentile reported next to the median (0–100).

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
        Missing columns, text that is not a date and time, a first response or resolution
        before the ticket was created, contact counts that are not whole numbers of at least 1,
        non-numeric satisfaction, an unknown unit, a percentile outside 0–100.

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
    coursekit._errors.InputError: Column 'resolved' has times before the ticket was created in 1 row: row 1: '2025-02-28 12:00'. Allowed: times at or after 'created'.
    """
    require_choice(unit, "unit", tuple(_UNITS))
    if not 0 <= percentile <= 100:
        raise InputError(f"percentile={percentile!r} should be between 0 and 100, e.g. 90.")
    data = require_frame(tickets, what="ticket table")
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    used = [c for c in (created, first_response, resolved, contacts, satisfaction) if c is not None]
    require_columns(data, [*used, *by_cols], what="ticket table")
    if created is None and (first_response is not None or resolved is not None):
        raise InputError("Response and resolution times are measured from created=: name the "
                         "column holding when each ticket was created.")

    work = pd.DataFrame(index=data.index)
    if created is not None:
        start = timestamps(data, created)
        if start.isna().all():
            raise InputError(f"No ticket has a time in {created!r}, so no time can be measured.")
        _warn_missing(start.isna(), len(start), f"tickets have no {created!r} time",
                      "they are set aside")
        keep = start.notna()
        data, start, work = data.loc[keep], start.loc[keep], work.loc[keep]
    tag = f"{percentile:g}".replace(".", "_")
    if first_response is not None:
        work["fr"] = _elapsed(data, first_response, start, created, unit)
        _warn_missing(work["fr"].isna(), len(work), "tickets have no first-response time",
                      "they are left out of the first-response figures")
    if resolved is not None:
        work["res"] = _elapsed(data, resolved, start, created, unit)
    if contacts is not None:
        count = whole_counts(data, contacts, minimum=1)
        done = work["res"].notna() if resolved is not None else pd.Series(True, index=work.index)
        _warn_missing(done & count.isna(), int(done.sum()),
                      "resolved tickets have no contact count", "they are left out of the FCR rate")
        work["fcr"] = (count == 1).astype(float).where(done & count.notna())
    if satisfaction is not None:
        work["sat"] = require_numeric(data, [satisfaction], what="ticket table")[satisfaction]

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


def _elapsed(data, column, start, created, unit) -> pd.Series:
    stamp = timestamps(data, column)
    elapsed = (stamp - start) / _UNITS[unit]
    early = elapsed < 0
    if early.any():
        raise_bad_values(column, data[column], early, f"times at or after {created!r}",
                         problem="times before the ticket was created")
    return elapsed


def _pct(values: pd.Series, q: float) -> float:
    values = values.dropna().to_numpy(dtype=np.float64)
    return float(np.percentile(values, q)) if len(values) else np.nan


def _warn_missing(mask: pd.Series, total: int, what: str, consequence: str) -> None:
    count = int(mask.sum())
    if count:
        labels = ", ".join(repr(x) if isinstance(x, str) else str(x) for x in mask.index[mask][:5])
        more = f" and {count - 5} more" if count > 5 else ""
        warnings.warn(f"{count} of {total} {what} (rows {labels}{more}); {consequence}.",
                      MissingDataWarning, stacklevel=3)


def recovery_paradox(data, outcome, *, failure="failure", recovered="recovered",
                     binary=None, confidence=0.95) -> pd.DataFrame:
    """Compare customers with no failure, a recovered failure and an unrecovered failure.

    The recovery paradox (Hart, Heskett & Sasser 1990; McCollough & Bharadwaj 1992): customers
    whose failure was recovered well can end more satisfied than customers who had no failure.
    The meta-analysis of de Matos, Henrique & Rossi (2007) finds it for satisfaction but not for
    repurchase, word of mouth or image — real but limited (methods.md §5).

    For each group: ``n``, the ``mean`` outcome and a confidence interval:

    * numeric outcome (e.g. satisfaction 1–7): t interval, mean ± t(1−α/2; n−1) · s/√n;
    * yes/no outcome (e.g. "returned"): ``mean`` is the proportion of yes, with the Wilson score
      interval (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), which stays inside 0–1
      and behaves with small groups (Wilson 1927).

    A group with fewer than 2 customers (numeric) or none (yes/no) has NaN limits.
    ``attrs["difference"]`` is mean(recovered) − mean(no failure), ``attrs["p_value"]`` its
    two-sided test: Welch's t test for a numeric outcome, Fisher's exact test for yes/no.

    Missing answers: customers missing the outcome or the failure flag, or with a failure but
    no recovered flag, are set aside with a :class:`coursekit.MissingDataWarning`. The recovered
    flag of customers without a failure is ignored.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer.
    outcome : str
        Column of the outcome: a number, or yes/no (bool, 1/0, "yes"/"no").
    failure, recovered : str
        Yes/no columns: did a failure happen, and was it recovered.
    binary : bool, optional
        Force the outcome to be read as yes/no (True) or as a number (False). By default it is
        yes/no when every answer is 0/1, True/False or a yes/no word.
    confidence : float

    Returns
    -------
    pandas.DataFrame
        Three rows in the order of :data:`GROUPS`: ``group, n, mean, ci_low, ci_high``.
        ``attrs``: ``kind`` ("mean" or "proportion"), ``confidence``, ``difference``,
        ``p_value``, ``test``.

    Raises
    ------
    coursekit.InputError
        Missing columns, flags that are not yes/no, a non-numeric outcome, a confidence outside
        0–1.

    Examples
    --------
    Made-up satisfaction (1–7) of seven guests:

    >>> import pandas as pd, coursekit as ck
    >>> stays = pd.DataFrame({"failure": ["no", "no", "no", "yes", "yes", "yes", "yes"],
    ...                       "recovered": [None, None, None, "yes", "yes", "no", "no"],
    ...                       "satisfaction": [6, 5, 6, 7, 6, 2, 3]})
    >>> ck.recovery.recovery_paradox(stays, "satisfaction")
                        group  n    mean  ci_low  ci_high
    0              No failure  3  5.6667  4.2324   7.1009
    1      Failure, recovered  2  6.5000  0.1469  12.8531
    2  Failure, not recovered  2  2.5000 -3.8531   8.8531
    """
    from scipy import stats

    if not 0 < confidence < 1:
        raise InputError(f"confidence={confidence!r} should be between 0 and 1, e.g. 0.95.")
    data = require_frame(data, what="customer table")
    require_columns(data, [outcome, failure, recovered], what="customer table")
    failed = yes_no(data, failure)
    fixed = yes_no(data, recovered).mask(failed.eq(False).fillna(False).astype(bool), False)
    binary = is_yes_no(data[outcome]) if binary is None else bool(binary)
    if binary:
        values = yes_no(data, outcome).astype("Float64").astype(float)
    else:
        values = require_numeric(data, [outcome], what="customer table")[outcome]
    frame = pd.DataFrame({outcome: values, failure: failed.astype("Float64").astype(float),
                          recovered: fixed.astype("Float64").astype(float)}, index=data.index)
    frame = drop_incomplete(frame, [outcome, failure, recovered], what="customers")
    masks = (frame[failure] == 0, (frame[failure] == 1) & (frame[recovered] == 1),
             (frame[failure] == 1) & (frame[recovered] == 0))
    samples = [frame.loc[m, outcome].to_numpy() for m in masks]
    rows = [(g, len(s), *(_wilson(s, confidence) if binary else _t_interval(s, confidence)))
            for g, s in zip(GROUPS, samples)]
    table = pd.DataFrame(rows, columns=["group", "n", "mean", "ci_low", "ci_high"])
    no_fail, rec = samples[0], samples[1]
    if binary:
        test = "Fisher's exact test"
        p_value = (stats.fisher_exact([[rec.sum(), len(rec) - rec.sum()],
                                       [no_fail.sum(), len(no_fail) - no_fail.sum()]]).pvalue
                   if len(rec) and len(no_fail) else np.nan)
    else:
        test = "Welch's t test"
        with warnings.catch_warnings():
            # Groups with no spread at all (everyone answered 7) make scipy warn about
            # precision; the p-value it returns (or NaN) is still the honest answer.
            warnings.simplefilter("ignore", RuntimeWarning)
            p_value = (stats.ttest_ind(rec, no_fail, equal_var=False).pvalue
                       if len(rec) >= 2 and len(no_fail) >= 2 else np.nan)
    table.attrs.update(kind="proportion" if binary else "mean", confidence=confidence,
                       difference=float(table["mean"][1] - table["mean"][0]),
                       p_value=float(p_value), test=test, outcome=outcome)
    return table


def _t_interval(sample: np.ndarray, confidence: float):
    from scipy import stats

    n = len(sample)
    if n == 0:
        return np.nan, np.nan, np.nan
    mean = float(sample.mean())
    if n < 2:
        return mean, np.nan, np.nan
    half = stats.t.ppf((1 + confidence) / 2, n - 1) * sample.std(ddof=1) / np.sqrt(n)
    return mean, mean - half, mean + half


def _wilson(sample: np.ndarray, confidence: float):
    from scipy import stats

    n = len(sample)
    if n == 0:
        return np.nan, np.nan, np.nan
    p = float(sample.mean())
    z = stats.norm.ppf((1 + confidence) / 2)
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return p, centre - half, centre + half


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
        Cumulative share (in %, 0 < threshold ≤ 100) the vital few must reach.

    Returns
    -------
    pandas.DataFrame
        ``cause, count, share, cumulative_share, vital_few``; ``attrs``: ``threshold``, ``total``.

    Raises
    ------
    coursekit.InputError
        Missing columns, counts that are negative or not whole numbers, no failures at all,
        a threshold outside 0–100.

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
    if not 0 < threshold <= 100:
        raise InputError(f"threshold={threshold!r} should be a percentage above 0 and at most 100, e.g. 80.")
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
    weights = (whole_counts(table, count, minimum=0).fillna(0) if count is not None
               else pd.Series(1, index=table.index))
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
