"""Bootstrap confidence intervals for the drivers' shares (what relaimpo's ``booteval.relimp``
and survey tools' key-driver widgets report).

A bootstrap resample draws n respondents with replacement: respondent i enters w_i times,
w ~ Multinomial(n; 1/n, ..., 1/n). Every method of :func:`coursekit.mot.driver_importance`
needs only the correlation matrix, and a correlation matrix needs only the weighted sums
Σ w_i z_ij and Σ w_i z_ij z_ik. So instead of copying n rows a thousand times, each resample
is reduced to those q + q(q+1)/2 sums by one matrix product of its counts with the rows'
features [z_ij, z_ij z_ik]: the counts of many resamples times the features of a block of
rows at a time. The counts are drawn exactly, in two stages that multiply out to the same
multinomial: how many of the n draws fall in each block of rows, then where in the block.

The counts and features are multiplied in single precision, which halves the time of the
largest step; the rounding (about 1e-6 of a correlation) is far below the resampling noise
(about 1/sqrt(n)), and the block sums are added up in double precision.

The interval is the percentile interval of the resampled shares (numpy's linear
interpolation between order statistics).
"""
from __future__ import annotations

import numpy as np

#: Rows per block of features (q + q(q+1)/2 columns each): small enough to stay in cache,
#: at most 65,536 so that positions inside a block fit 16 bits.
ROW_BLOCK = 8192

#: Resamples whose counts are drawn and multiplied together.
RESAMPLE_BLOCK = 250
#: A resample where a variable's variance (in units of its variance in the whole sample) or
#: the drivers' smallest eigenvalue falls below this is degenerate: a driver took one value
#: only, or drivers duplicate each other. Single-precision rounding stays near 1e-8.
DEGENERATE = 1e-6


def features(z: np.ndarray, dtype=np.float32) -> np.ndarray:
    """Per row: the q values and the q(q+1)/2 products z_j z_k (j <= k), as one row."""
    q = z.shape[1]
    rows, cols = np.triu_indices(q)
    out = np.empty((len(z), q + len(rows)), dtype=dtype)
    out[:, :q] = z
    np.multiply(z[:, rows], z[:, cols], out=out[:, q:])
    return out


def block_counts(rng, n: int, resamples: int):
    """Yield ``(rows, resample_slice, counts)``: the multinomial counts of the rows in slice
    *rows* for a block of resamples. Over all blocks, each resample's counts are one exact
    Multinomial(n; 1/n, ..., 1/n) draw."""
    starts = np.arange(0, n, ROW_BLOCK)
    sizes = np.minimum(starts + ROW_BLOCK, n) - starts
    # Stage 1: how many of the n draws of each resample land in each block of rows.
    per_block = rng.multinomial(n, sizes / n, size=resamples)
    for b, (start, size) in enumerate(zip(starts, sizes)):
        rows = slice(int(start), int(start + size))
        for first in range(0, resamples, RESAMPLE_BLOCK):
            last = min(first + RESAMPLE_BLOCK, resamples)
            draws = per_block[first:last, b]
            # Stage 2: where in the block each of those draws lands, uniformly (positions fit
            # 16 bits, which halves the random bits needed).
            where = rng.integers(0, size, size=int(draws.sum()), dtype=np.uint16)
            ends = np.cumsum(draws)
            counts = np.empty((last - first, size), dtype=np.float32)
            for r, (begin, end) in enumerate(zip(ends - draws, ends)):
                counts[r] = np.bincount(where[begin:end], minlength=size)
            yield rows, slice(first, last), counts


def resample_sums(z: np.ndarray, rng, resamples: int) -> np.ndarray:
    """Weighted sums Σ w_i f_i of every resample (one row each), f the :func:`features`."""
    q = z.shape[1]
    sums = np.zeros((resamples, q + q * (q + 1) // 2))
    current, feats = None, None
    for rows, which, counts in block_counts(rng, len(z), resamples):
        if rows != current:
            current, feats = rows, features(z[rows])
        sums[which] += counts @ feats  # float32 product, accumulated in float64
    return sums


def correlations_from_sums(sums: np.ndarray, n: int, q: int):
    """Correlation matrices (one per resample) from the weighted sums, and which are usable
    (every variable varies in the resample)."""
    rows, cols = np.triu_indices(q)
    mean = sums[:, :q] / n
    cross = sums[:, q:] / n - mean[:, rows] * mean[:, cols]
    cov = np.empty((len(sums), q, q))
    cov[:, rows, cols] = cross
    cov[:, cols, rows] = cross
    var = np.diagonal(cov, axis1=1, axis2=2)
    usable = (var > DEGENERATE).all(axis=1)
    spread = np.sqrt(np.where(var > 0, var, 1.0))
    corr = cov / spread[:, :, None] / spread[:, None, :]
    diag = np.arange(q)
    corr[:, diag, diag] = 1.0
    return corr, usable


def shares_from_correlations(corr: np.ndarray, usable: np.ndarray, method: str, collinear: float):
    """Each resample's shares in % (drivers in the columns' order), NaN rows for resamples
    where they are undefined (a constant or collinear driver, no relation at all)."""
    p = corr.shape[1] - 1
    rxx, rxy = corr[:, :p, :p], corr[:, :p, p]
    rxx = np.where(usable[:, None, None], rxx, np.eye(p))  # placeholders keep eigh finite
    if method == "correlation":
        strength = rxy**2
    else:
        lam, vec = np.linalg.eigh(rxx)
        usable = usable & (lam[:, 0] > max(collinear, DEGENERATE) * p)
        lam = np.where(lam > 0, lam, 1.0)
        proj = np.einsum("rkj,rk->rj", vec, rxy)  # Qᵀ r_xy
        if method == "relative_weights":
            root = np.sqrt(lam)
            weights = np.einsum("rjk,rlk->rjl", vec * root[:, None, :], vec)  # W = QΛ^½Qᵀ
            beta_star = np.einsum("rjk,rk->rj", vec, proj / root)
            strength = np.einsum("rjk,rk->rj", weights**2, beta_star**2)
        else:
            beta = np.einsum("rjk,rk->rj", vec, proj / lam)
            strength = beta**2
    total = strength.sum(axis=1)
    usable = usable & (total > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = 100 * strength / total[:, None]
    shares[~usable] = np.nan
    return shares


def share_intervals(x: np.ndarray, method: str, level: float, resamples: int, seed,
                    collinear: float):
    """Percentile bootstrap interval of each driver's share.

    *x* holds the complete rows, drivers first and the outcome last. Returns ``(low, high,
    used)``: the limits per driver (in the columns' order) and how many resamples were usable.
    """
    rng = np.random.default_rng(seed)
    mean, spread = x.mean(axis=0), x.std(axis=0)
    z = (x - mean) / spread  # z-scores keep the sums well conditioned whatever the units
    sums = resample_sums(z, rng, resamples)
    corr, usable = correlations_from_sums(sums, len(x), x.shape[1])
    shares = shares_from_correlations(corr, usable, method, collinear)
    kept = shares[~np.isnan(shares).any(axis=1)]
    if len(kept) == 0:
        nan = np.full(x.shape[1] - 1, np.nan)
        return nan, nan.copy(), 0
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(kept, [tail, 100 - tail], axis=0)
    return low, high, len(kept)
