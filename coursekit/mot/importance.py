"""Derived importance of journey moments: which touchpoint ratings drive the overall rating.

Public entry point: :func:`driver_importance` (re-exported as ``coursekit.mot.driver_importance``).
The numerical work runs on the correlation matrix only, so its cost hardly grows with the
number of respondents once that matrix is built.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import (InputError, drop_incomplete, missing_reason, rating_frame, require_choice,
                    require_columns, require_fraction, require_frame, warn_small_sample)
from .bootstrap import share_intervals

METHODS = ("relative_weights", "correlation", "regression")
# Rows per block when building the correlation matrix: keeps the centred copy small (the
# memory bar is three times the input), while blocks stay large enough for fast matrix products.
_BLOCK_ROWS = 16_384
# An eigenvalue of the drivers' correlation matrix below this means one driver is (to rounding)
# an exact combination of others; the separate weights are then undefined.
_COLLINEAR = 1e-10


def driver_importance(data, outcome, drivers, method: str = "relative_weights", *, scale=None,
                      na_values=None, ci=None, resamples: int = 1000, seed=0) -> pd.DataFrame:
    """Rank the drivers (e.g. touchpoint ratings) of an outcome (e.g. overall satisfaction).

    Three ways to derive importance from the data, one row per driver:

    * ``"relative_weights"`` (default) — Johnson's relative weights. With the drivers'
      correlation matrix R_xx = QΛQᵀ, W = QΛ^½Qᵀ, β* = W⁻¹ r_xy and ε_j = Σ_k W_jk² β*_k²:
      the raw weights ε_j are never negative and **sum exactly to R²**, so they split the
      explained variance fairly even when touchpoint ratings are correlated.
    * ``"correlation"`` — Pearson's r of each driver with the outcome (importance keeps the
      sign of r; a negative r means higher ratings go with a lower outcome).
    * ``"regression"`` — standardised regression weights β = R_xx⁻¹ r_xy (the slopes of a
      regression on z-scores). With correlated drivers these can mislead: a driver can get a
      small or even negative β only because a correlated driver took its share.

    ``share`` is each driver's part of the total in %, summing to 100:
    ε_j / R² for relative weights, r_j² / Σr² for correlation and β_j² / Σβ² for regression.
    Squares are used for the last two so that a negative r or β counts by its strength,
    and so that with uncorrelated drivers (where ε_j = r_j² = β_j²) all three methods give
    the same shares.

    Rows are sorted by ``share``, largest first (for relative weights that is the same as by
    importance; for the signed methods it ranks by strength whatever the sign). Ties keep the
    order of ``drivers``.

    Missing answers: listwise deletion. A respondent missing the outcome or any driver is left
    out of the whole calculation, with a :class:`coursekit.MissingDataWarning` saying how many.

    Not-applicable codes and scales: ``na_values=[0, 99]`` reads those codes as missing
    answers; ``scale=(1, 7)`` (or ``{column: (low, high)}`` for columns on different scales)
    refuses any answer off the scale. Without a scale, answers that look like codes (99 among
    answers from 1 to 7, or 0, 8, 9 at the edge of a 1–7 scale) raise a
    :class:`coursekit.SuspectCodeWarning` naming them: one 99 among 40 answers can move a
    driver's share from about half to almost nothing.

    Small samples: with fewer than 30 respondents, or fewer than 10 per driver, a
    :class:`coursekit.SmallSampleWarning` says the shares can change a lot with a few answers.

    Confidence intervals (``ci=0.95``): the percentile bootstrap of each share, as relaimpo
    and survey tools' key-driver widgets give it. ``resamples`` times, n respondents are drawn
    with replacement and the shares recomputed; ``share_ci_low`` and ``share_ci_high`` are the
    (1 − ci)/2 and (1 + ci)/2 percentiles of those shares. ``seed`` fixes the draws, so a
    rerun gives the same interval (a resample where some driver does not vary is left out, with
    a warning). The resamples are reduced to the sums a correlation matrix needs, so 1,000 of
    them on 130,000 respondents take seconds (``benchmarks/bench_drivers.py``).

    Sources: Johnson (2000), *Multivariate Behavioral Research* 35(1), for relative weights;
    derived importance for importance–performance analysis (docs/methods.md §4).

    Method: docs/methods.md §4.2–§4.4, §9.1. Used in: lessons 02, 06, 07, 08; notebook your_own_survey.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str
        Column of the overall rating to explain.
    drivers : list of str
        Columns of the candidate drivers (a single name is accepted too).
    method : {"relative_weights", "correlation", "regression"}
    scale : (low, high) or {column: (low, high)}, optional
        The answer scale; answers off it raise InputError.
    na_values : number, text, list or {column: codes}, optional
        Codes meaning "no answer", read as missing (e.g. ``[0, 99]``).
    ci : float, optional
        Confidence level of the bootstrap interval of each share (e.g. 0.95); None: no interval.
    resamples : int
        Bootstrap resamples (at least 100; default 1000).
    seed : int or None
        Seed of the resampling (default 0); None draws afresh each time.

    Returns
    -------
    pandas.DataFrame
        Columns ``driver, importance, share`` (with ``ci``: ``share_ci_low, share_ci_high``)
        and ``n``, the respondents used. ``attrs`` holds ``r_squared`` (R² of the regression
        of the outcome on all drivers — the same whatever the method), ``n``, ``method`` and
        ``outcome`` (with ``ci``: ``ci``, ``resamples``, ``resamples_used``, ``seed``).

    Raises
    ------
    coursekit.InputError
        Empty table, missing or repeated columns, outcome listed among the drivers, a driver
        that is not numeric (text, dates, yes/no, infinite or absurdly large numbers), off the
        declared scale, or has the same value in every row, fewer complete rows than
        drivers + 2, drivers that are exact copies or combinations of each other, an unknown
        method, a ``ci`` that is not between 0 and 1.

    Examples
    --------
    A small made-up survey (ratings 1–7). Eight respondents are far too few to decide on,
    and the result says so:

    >>> import warnings
    >>> import pandas as pd
    >>> import coursekit as ck
    >>> survey = pd.DataFrame({
    ...     "check_in": [5, 6, 3, 7, 4, 6, 2, 5],
    ...     "security": [4, 6, 2, 7, 3, 5, 1, 5],
    ...     "boarding": [6, 5, 5, 6, 4, 7, 5, 6],
    ...     "overall":  [5, 6, 2, 7, 3, 6, 1, 4],
    ... })
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     weights = ck.mot.driver_importance(survey, "overall", ["check_in", "security", "boarding"])
    >>> caught[0].category.__name__
    'SmallSampleWarning'
    >>> weights
         driver  importance    share  n
    0  check_in      0.4502  45.7788  8
    1  security      0.4063  41.3131  8
    2  boarding      0.1269  12.9081  8
    >>> print(f"R² = {weights.attrs['r_squared']:.4f}; raw weights add up to {weights['importance'].sum():.4f}")
    R² = 0.9834; raw weights add up to 0.9834
    >>> ck.mot.driver_importance(survey, "overall", ["check_in", "overall"])
    Traceback (most recent call last):
    ...
    coursekit.InputError: The outcome 'overall' is also listed among the drivers. A rating cannot explain itself: remove it from drivers.

    Bootstrap intervals on the airport case (3,000 passengers):

    >>> journey = ck.datasets.load("airport_journey")
    >>> ranked = ck.mot.driver_importance(journey, "overall_satisfaction",
    ...                                   ["security", "check_in", "booking"], ci=0.95)
    >>> ranked.round(2)
         driver  importance  share  share_ci_low  share_ci_high     n
    0  security        0.36  65.39         62.24          68.54  3000
    1  check_in        0.10  18.30         15.88          20.79  3000
    2   booking        0.09  16.32         13.91          18.53  3000
    """
    require_choice(method, "method", METHODS)
    level = None if ci is None else require_fraction(ci, "ci")
    if level is not None:
        _check_resampling(resamples, seed)
    data = require_frame(data, what="survey table")
    drivers = _driver_list(drivers, outcome)
    columns = [*drivers, outcome]
    require_columns(data, columns, what="survey table")
    numbers = rating_frame(data, columns, scale=scale, na_values=na_values, what="survey table")
    numbers = drop_incomplete(numbers, columns, what="respondents", reason=missing_reason(numbers))
    n, p = len(numbers), len(drivers)
    if n < p + 2:
        raise InputError(
            f"With {p} drivers the analysis needs at least {p + 2} complete rows (drivers + 2), "
            f"but only {n} {'row has' if n == 1 else 'rows have'} every answer. "
            "Collect more responses or use fewer drivers."
        )
    warn_small_sample(n, "respondents", drivers=p)
    corr = _correlations(numbers.to_numpy(dtype=np.float64), columns)
    rxx, rxy = corr[:p, :p], corr[:p, p]
    if method == "relative_weights":
        importance, r_squared = _relative_weights(rxx, rxy, drivers)
        strength = importance
    elif method == "regression":
        importance, r_squared = _regression(rxx, rxy, drivers)
        strength = importance**2
    else:
        importance = rxy.copy()
        _, r_squared = _regression(rxx, rxy, drivers)
        strength = importance**2
    total = strength.sum()
    if not total > 0:
        raise InputError(
            f"None of the drivers is related to {outcome!r} at all (every correlation is 0), "
            "so there is no importance to share out."
        )
    table = pd.DataFrame({"driver": drivers, "importance": importance, "share": 100 * strength / total})
    used = None
    if level is not None:
        low, high, used = share_intervals(numbers.to_numpy(dtype=np.float64), method, level,
                                          resamples, seed, _COLLINEAR)
        table["share_ci_low"], table["share_ci_high"] = low, high
        _report_resampling(used, resamples)
    table["n"] = n
    # Shares equal in exact arithmetic can differ in the last bits; round the sort key so that
    # such ties keep the order the drivers were given, as documented.
    order = table["share"].round(9).sort_values(ascending=False, kind="stable").index
    table = table.loc[order].reset_index(drop=True)
    table.attrs.update(r_squared=float(r_squared), n=n, method=method, outcome=outcome)
    if level is not None:
        table.attrs.update(ci=level, resamples=resamples, resamples_used=used, seed=seed)
    return table


def _check_resampling(resamples, seed) -> None:
    import numbers

    if isinstance(resamples, bool) or not isinstance(resamples, numbers.Integral) or resamples < 100:
        raise InputError(f"resamples={resamples!r} is not a number of bootstrap resamples. "
                         "Allowed: a whole number of at least 100, e.g. 1000.")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, numbers.Integral)
                             or seed < 0):
        raise InputError(f"seed={seed!r} is not a seed. Allowed: a whole number of 0 or more "
                         "(the same seed gives the same interval), or None for fresh draws.")


def _report_resampling(used: int, resamples: int) -> None:
    if used == 0:
        raise InputError(
            "No bootstrap resample could be analysed: in every one, some driver had a single "
            "value or drivers duplicated each other. Collect more responses, or leave ci= out."
        )
    if used < resamples:
        import warnings

        from ..core import SmallSampleWarning

        warnings.warn(
            f"{resamples - used} of {resamples} bootstrap resamples were left out of the "
            "interval because some driver had a single value in them or duplicated another, "
            "which happens when there are few respondents; the interval rests on the other "
            f"{used}.", SmallSampleWarning, stacklevel=3)


def _driver_list(drivers, outcome) -> list:
    if isinstance(drivers, str) or not hasattr(drivers, "__iter__"):
        drivers = [drivers]
    drivers = list(drivers)
    if not drivers:
        raise InputError("No drivers were given: list the columns that might explain the outcome.")
    seen, repeated = set(), []
    for name in drivers:
        if name in seen and name not in repeated:
            repeated.append(name)
        seen.add(name)
    if repeated:
        raise InputError(
            f"The driver list names {', '.join(repr(r) for r in repeated)} more than once. "
            "List each driver once."
        )
    if outcome in seen:
        raise InputError(
            f"The outcome {outcome!r} is also listed among the drivers. "
            "A rating cannot explain itself: remove it from drivers."
        )
    return drivers


def _correlations(x: np.ndarray, columns) -> np.ndarray:
    """Pearson correlation matrix of the columns of *x*, built block by block."""
    mean = x.mean(axis=0)
    cross = np.zeros((x.shape[1], x.shape[1]))
    for start in range(0, len(x), _BLOCK_ROWS):
        block = x[start:start + _BLOCK_ROWS] - mean
        cross += block.T @ block
    spread = np.sqrt(np.diag(cross))
    # Relative test: a column of large values (e.g. 1e6) that only wobbles by rounding is constant.
    flat = spread <= 1e-12 * np.maximum(np.abs(mean), 1.0) * np.sqrt(len(x))
    if flat.any():
        j = int(np.flatnonzero(flat)[0])
        role = "outcome" if j == len(columns) - 1 else "driver"
        raise InputError(
            f"The {role} column {columns[j]!r} has the same value ({x[0, j]:g}) in every complete "
            "row, so it cannot explain or be explained by anything. "
            + ("Remove it from drivers." if role == "driver" else "Choose an outcome that varies.")
        )
    corr = cross / np.outer(spread, spread)
    np.fill_diagonal(corr, 1.0)
    return corr


def _check_not_collinear(lam: np.ndarray, vectors: np.ndarray, drivers) -> None:
    if lam[0] > _COLLINEAR * len(lam):
        return
    # The eigenvector of the near-zero eigenvalue holds the combination that is (almost) zero:
    # its large entries name the drivers that duplicate each other.
    loading = np.abs(vectors[:, 0])
    involved = [drivers[j] for j in np.argsort(-loading, kind="stable") if loading[j] > 0.1]
    raise InputError(
        f"The drivers {', '.join(repr(d) for d in involved)} are perfectly correlated: one of them "
        "is an exact copy or combination of the others (for example a total of the other columns), "
        "so their separate importance cannot be worked out. Drop one of them."
    )


def _relative_weights(rxx: np.ndarray, rxy: np.ndarray, drivers):
    lam, q = np.linalg.eigh(rxx)
    _check_not_collinear(lam, q, drivers)
    root = np.sqrt(lam)
    w = (q * root) @ q.T                      # W = Q Λ^½ Qᵀ, symmetric
    beta_star = q @ ((q.T @ rxy) / root)      # W⁻¹ r_xy without forming the inverse
    raw = (w**2) @ (beta_star**2)
    return raw, float(beta_star @ beta_star)


def _regression(rxx: np.ndarray, rxy: np.ndarray, drivers):
    lam, q = np.linalg.eigh(rxx)
    _check_not_collinear(lam, q, drivers)
    beta = q @ ((q.T @ rxy) / lam)
    return beta, float(beta @ rxy)
