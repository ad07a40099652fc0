"""One link of the service–profit chain, estimated with its uncertainty: a least-squares slope
with an interval that respects how the data were collected (many quarters of the same unit are
not independent answers)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import (InputError, drop_incomplete, raise_bad_values, raise_nothing_left,
                    require_choice, require_columns, require_frame, require_numeric, show_labels,
                    warn_set_aside)

INTERVALS = ("cluster", "bootstrap", "classic")
#: Fewer units than this cannot be resampled into a meaningful bootstrap interval.
MIN_BOOTSTRAP_UNITS = 10


def finite_numbers(data, columns, what: str = "table") -> pd.DataFrame:
    """The *columns* as floats (NaN where empty), or InputError naming the entries that are not
    plain, finite numbers (the core's one rule: text, dates, yes/no, infinite or absurd)."""
    return require_numeric(data, columns, what=what)


def _driver_list(drivers, outcome) -> list:
    if isinstance(drivers, str) or not hasattr(drivers, "__iter__"):
        drivers = [drivers]
    drivers = list(drivers)
    if not drivers:
        raise InputError("Name at least one driver: the column whose effect on the outcome you "
                         "want to estimate.")
    if len(set(drivers)) != len(drivers):
        repeated = sorted({str(d) for d in drivers if drivers.count(d) > 1})
        raise InputError(f"Each driver can be named once; {show_labels(repeated)} is named "
                         "more than once.")
    if outcome in drivers:
        raise InputError(f"The outcome {outcome!r} is also named as a driver: a column cannot "
                         "explain itself. Remove it from the drivers.")
    return drivers


def _check_options(confidence, interval, n_boot):
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
            or not 0 < confidence < 1:
        raise InputError(f"confidence={confidence!r} should be between 0 and 1, e.g. 0.95.")
    require_choice(interval, "interval", INTERVALS)
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 200:
        raise InputError(f"n_boot={n_boot!r} should be a whole number of at least 200 "
                         "(1,000 or more for a 95 % interval you will report).")


def _design(frame: pd.DataFrame, drivers: list) -> np.ndarray:
    return np.column_stack([np.ones(len(frame)), frame[drivers].to_numpy(dtype=float)])


def _fit(x: np.ndarray, y: np.ndarray):
    """Least-squares coefficients and residuals; None when the drivers are collinear."""
    xtx = x.T @ x
    if np.linalg.matrix_rank(xtx) < x.shape[1]:
        return None
    beta = np.linalg.solve(xtx, x.T @ y)
    return beta, y - x @ beta


def _collinear(frame, drivers):
    constant = [d for d in drivers if frame[d].nunique() < 2]
    if constant:
        raise InputError(f"Driver {show_labels(constant)} takes a single value in the rows "
                         "used, so no slope can be estimated. A driver needs to vary.")
    raise InputError(f"The drivers {show_labels(drivers)} are perfectly collinear (one is an "
                     "exact combination of the others), so their separate effects cannot be "
                     "told apart. Leave one of them out.")


def link(data, outcome, drivers, *, cluster=None, interval=None, confidence=0.95,
         n_boot=2000, seed=0) -> pd.DataFrame:
    """Estimate a link of the service–profit chain: how much the outcome moves per unit of each
    driver, the other drivers held constant, with a confidence interval.

    Ordinary least squares, y = b₀ + Σⱼ bⱼ·xⱼ + e, one row of *data* per unit and period. A
    slope bⱼ is "outcome units per driver unit"; with several drivers each slope is the
    driver's effect *with the others held constant* (a way to adjust for a confounder such as
    local market growth). The interval says how sure the data let us be:

    * ``"classic"``: bⱼ ± t(1 − α/2; n − k)·seⱼ with se from σ̂²(XᵀX)⁻¹ — treats every row as
      an independent observation;
    * ``"cluster"`` (the default when *cluster* is given): the same, with cluster-robust
      standard errors (CR1): V = (XᵀX)⁻¹ (Σ_g X_gᵀ e_g e_gᵀ X_g) (XᵀX)⁻¹ · G/(G − 1) ·
      (n − 1)/(n − k) and t on G − 1 degrees of freedom, G clusters. Twelve quarters of one
      station are not twelve independent stations: without this the interval is too narrow;
    * ``"bootstrap"``: resample whole clusters (or rows, without *cluster*) with replacement
      *n_boot* times, refit, and take the percentile interval; ``std_error`` is the standard
      deviation of the refitted slopes, ``p_value`` uses it with the t distribution above.
      It needs at least 10 units to resample.

    With few clusters (a rule of thumb: fewer than about 20) clustered and bootstrap intervals
    are themselves uncertain; say how many units the estimate rests on (``attrs["clusters"]``).

    A slope describes how the outcome moves *with* the driver across the rows; it is an effect
    only if nothing left out moves both (confounding), the timing is right (lags) and the
    outcome does not feed back into the driver (reverse causation): docs/methods.md §6.5.

    Missing values: rows missing the outcome, a driver or the cluster label are set aside with
    a :class:`coursekit.MissingDataWarning` (listwise deletion).

    Method: docs/methods.md §6.5. Used in: lesson 07.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per unit and period (e.g. a station in a quarter).
    outcome : str
        The column explained, e.g. ``"employee_satisfaction"``.
    drivers : str or list of str
        The driver(s); every one gets a row in the result.
    cluster : str, optional
        Column naming the unit whose rows belong together (e.g. ``"unit_id"``).
    interval : {"cluster", "bootstrap", "classic"}, optional
        Default ``"cluster"`` when *cluster* is given, else ``"classic"``.
    confidence : float
    n_boot, seed : int
        Bootstrap resamples and the seed of their random draws (results repeat exactly).

    Returns
    -------
    pandas.DataFrame
        One row per driver: ``driver, estimate, std_error, ci_low, ci_high, p_value``.
        ``attrs``: ``outcome``, ``n`` (rows used), ``clusters``, ``r_squared``,
        ``intercept``, ``interval``, ``confidence``.

    Raises
    ------
    coursekit.InputError
        Missing columns, entries that are not numbers, a driver that does not vary or drivers
        that are collinear, fewer rows than coefficients + 1, fewer than 2 clusters, an unknown
        interval, a confidence outside 0–1.

    Examples
    --------
    Six made-up station-quarters, three stations:

    >>> import pandas as pd, coursekit as ck
    >>> panel = pd.DataFrame({"station": ["a", "a", "b", "b", "c", "c"],
    ...                       "isq": [4.0, 5.0, 3.0, 4.5, 5.5, 6.0],
    ...                       "es": [4.1, 4.6, 3.8, 4.4, 5.0, 5.4]})
    >>> ck.chain.link(panel, "es", "isq", interval="classic")
      driver  estimate  std_error  ci_low  ci_high  p_value
    0    isq    0.5314     0.0538   0.382   0.6808   0.0006
    >>> ck.chain.link(panel, "es", "isq", cluster="station").attrs["clusters"]
    3
    """
    data = require_frame(data, what="table")
    drivers = _driver_list(drivers, outcome)
    interval = interval if interval is not None else ("cluster" if cluster is not None
                                                      else "classic")
    _check_options(confidence, interval, n_boot)
    if interval == "cluster" and cluster is None:
        raise InputError('interval="cluster" needs cluster=, the column naming the unit whose '
                         'rows belong together, e.g. cluster="unit_id".')
    needed = [outcome, *drivers] + ([cluster] if cluster is not None else [])
    require_columns(data, needed, what="table")
    numbers = finite_numbers(data, [outcome, *drivers])
    if cluster is not None:
        numbers[cluster] = data[cluster]
    frame = drop_incomplete(numbers, needed, what="rows", reason="missing values")
    k = len(drivers) + 1
    if len(frame) <= k:
        raise InputError(f"{len(frame)} complete rows are too few to estimate {k} coefficients "
                         f"and their uncertainty: at least {k + 1} are needed.")
    x, y = _design(frame, drivers), frame[outcome].to_numpy(dtype=float)
    fitted = _fit(x, y)
    if fitted is None:
        _collinear(frame, drivers)
    beta, resid = fitted
    n = len(frame)
    groups = None
    if cluster is not None:
        groups = pd.factorize(frame[cluster], sort=True)[0]
        if groups.max() < 1:
            raise_bad_values(cluster, frame[cluster], frame[cluster].notna(),
                             "at least two different units", problem="a single unit")
    clusters = int(groups.max() + 1) if groups is not None else None
    from scipy import stats

    if interval == "classic":
        sigma2 = resid @ resid / (n - k)
        se = np.sqrt(np.diag(np.linalg.inv(x.T @ x)) * sigma2)
        df = n - k
    elif interval == "cluster":
        se, df = _cluster_se(x, resid, groups), clusters - 1
    if interval in ("classic", "cluster"):
        half = stats.t.ppf((1 + confidence) / 2, df) * se
        low, high = beta - half, beta + half
    else:
        units = clusters if clusters else n
        if units < MIN_BOOTSTRAP_UNITS:
            raise InputError(f"A bootstrap interval resamples whole units; with {units} there "
                             "are too few units for a bootstrap interval (at least "
                             f"{MIN_BOOTSTRAP_UNITS} are needed). Use interval=\"cluster\" "
                             "or \"classic\".")
        draws = _bootstrap(x, y, groups, n_boot, seed)
        se = draws.std(axis=0, ddof=1)
        df = (clusters - 1) if clusters else n - k
        alpha = (1 - confidence) / 2
        low, high = np.quantile(draws, alpha, axis=0), np.quantile(draws, 1 - alpha, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = 2 * stats.t.sf(np.abs(beta / se), df)
    table = pd.DataFrame({"driver": drivers, "estimate": beta[1:], "std_error": se[1:],
                          "ci_low": low[1:], "ci_high": high[1:], "p_value": p[1:]})
    total = ((y - y.mean()) ** 2).sum()
    table.attrs.update(outcome=outcome, n=n, clusters=clusters, interval=interval,
                       confidence=confidence, intercept=float(beta[0]),
                       r_squared=float(1 - (resid @ resid) / total) if total > 0 else float("nan"))
    return table


def _cluster_se(x, resid, groups):
    n, k = x.shape
    g = groups.max() + 1
    score = np.zeros((g, k))
    np.add.at(score, groups, x * resid[:, None])
    bread = np.linalg.inv(x.T @ x)
    cov = bread @ (score.T @ score) @ bread * g / (g - 1) * (n - 1) / (n - k)
    return np.sqrt(np.diag(cov))


def _bootstrap(x, y, groups, n_boot, seed):
    """Slopes refitted on resampled clusters (or rows); a collinear resample is drawn again."""
    rng = np.random.default_rng(seed)
    if groups is None:
        members = [np.array([i]) for i in range(len(y))]
    else:
        order = np.argsort(groups, kind="stable")
        members = np.split(order, np.flatnonzero(np.diff(groups[order])) + 1)
    draws, tries = [], 0
    while len(draws) < n_boot:
        tries += 1
        if tries > 5 * n_boot:
            raise InputError("Too many bootstrap resamples left a driver without variation: "
                             "the data have too few units for a bootstrap interval. Use "
                             'interval="cluster" or "classic".')
        rows = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        fitted = _fit(x[rows], y[rows])
        if fitted is not None:
            draws.append(fitted[0])
    return np.array(draws)


def _link_spec(item, number):
    """(driver, outcome, held) from a tuple ``(driver, outcome[, held])`` or a dict."""
    if isinstance(item, dict):
        unknown = sorted(set(item) - {"driver", "outcome", "held"})
        if unknown or not {"driver", "outcome"} <= set(item):
            raise InputError(f"Link {number}: a dict needs 'driver' and 'outcome' (and may have "
                             f"'held', the columns held constant); got {sorted(item)}.")
        driver, outcome, held = item["driver"], item["outcome"], item.get("held", ())
    elif isinstance(item, (tuple, list)) and len(item) in (2, 3):
        driver, outcome, *rest = item
        held = rest[0] if rest else ()
    else:
        raise InputError(f"Link {number}: give (driver, outcome) or (driver, outcome, [columns "
                         f"held constant]), not {item!r}.")
    held = [held] if isinstance(held, str) else list(held)
    return driver, outcome, held


def links(data, chain, *, cluster=None, interval=None, confidence=0.95, n_boot=2000,
          seed=0) -> pd.DataFrame:
    """Estimate every link of a chain, one :func:`link` per step, in one table.

    Each link is a slope of its outcome on its driver, with the columns it names held constant
    (e.g. repurchase → revenue growth with local market growth held), and the interval of
    :func:`link`. The table is what :func:`plot_chain` draws.

    Missing values: each link uses the rows complete in its own columns, so a link on last
    quarter's values loses the first quarter while the others keep it; one
    :class:`coursekit.MissingDataWarning` per link says how many rows it set aside.

    Method: docs/methods.md §6.5. Used in: lesson 07.

    Parameters
    ----------
    data : pandas.DataFrame
    chain : list
        The links in order, each ``(driver, outcome)``, ``(driver, outcome, held)`` with
        *held* a column or a list of columns held constant, or a dict with those keys.
    cluster, interval, confidence, n_boot, seed
        As in :func:`link`.

    Returns
    -------
    pandas.DataFrame
        One row per link: ``driver, outcome, held_constant`` (text, "" for none),
        ``estimate, ci_low, ci_high, p_value, n``. ``attrs``: ``interval``, ``confidence``,
        ``clusters``.

    Raises
    ------
    coursekit.InputError
        A link that is not a pair or triple, and every problem :func:`link` reports.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> panel = pd.DataFrame({"isq": [4.0, 5.0, 3.0, 4.5, 5.5, 6.0],
    ...                       "es": [4.1, 4.6, 3.8, 4.4, 5.0, 5.4],
    ...                       "cs": [3.9, 4.2, 3.6, 4.1, 4.5, 4.6]})
    >>> ck.chain.links(panel, [("isq", "es"), ("es", "cs")])[["driver", "outcome", "estimate"]]
      driver outcome  estimate
    0    isq      es    0.5314
    1     es      cs    0.6268
    """
    data = require_frame(data, what="table")
    if isinstance(chain, (str, dict)) or not hasattr(chain, "__iter__") or not list(chain):
        raise InputError("chain= should be a list of links, e.g. [(\"internal_service_quality\","
                         " \"employee_satisfaction\"), (\"employee_satisfaction\", "
                         "\"turnover_pct\")].")
    rows, clusters = [], None
    for number, item in enumerate(chain, start=1):
        driver, outcome, held = _link_spec(item, number)
        needed = [outcome, driver, *held] + ([cluster] if cluster is not None else [])
        require_columns(data, needed, what="table")
        # Each link uses its own complete rows (a lagged link loses the first period, the
        # others keep it); the warning names the link, and points at the caller's line.
        incomplete = data[needed].isna().any(axis=1).to_numpy()
        if incomplete.all():
            raise_nothing_left(len(data), "rows", f"missing values in link {number} "
                                                  f"({driver} → {outcome})")
        warn_set_aside(data.index[incomplete], len(data), "rows",
                       f"missing values in link {number} ({driver} → {outcome})", stacklevel=3)
        table = link(data.loc[~incomplete], outcome, [driver, *held], cluster=cluster,
                     interval=interval, confidence=confidence, n_boot=n_boot, seed=seed)
        first = table.iloc[0]
        clusters = table.attrs["clusters"]
        rows.append({"driver": driver, "outcome": outcome, "held_constant": ", ".join(held),
                     "estimate": first["estimate"], "ci_low": first["ci_low"],
                     "ci_high": first["ci_high"], "p_value": first["p_value"],
                     "n": table.attrs["n"]})
    out = pd.DataFrame(rows)
    out.attrs.update(interval=table.attrs["interval"], confidence=confidence, clusters=clusters)
    return out
