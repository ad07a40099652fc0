"""The per-feature KANO statistics, computed from category counts (public as
``coursekit.kano.summarize_counts``)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import raise_bad_values, require_columns, require_frame, require_numeric

#: Category letters in the order of the summary's count columns.
CATEGORIES = ("A", "O", "M", "I", "R", "Q")
#: Which category wins a tie for the most answers, first to last.
TIE_ORDER = ("M", "O", "A", "I", "R", "Q")
FONG_Z = 1.65

# Higher rank wins a tie; a rank stays below 8 so "count * 8 + rank" never lets it beat a count.
_RANK = np.array([len(TIE_ORDER) - 1 - TIE_ORDER.index(c) for c in CATEGORIES])


def summarize_counts(counts, attribute="attribute"):
    """Category, Better/Worse, strengths and Fong's test from counts already made.

    Use it for a published table of counts; :func:`coursekit.kano.summarize` calls it after
    counting raw answers, and its docstring gives the formulas and the tie rule.

    Method: docs/methods.md §3.3–§3.6 (the close-call rule: §3.4). Used in: library only (lesson 05 uses it through summarize).

    Parameters
    ----------
    counts : DataFrame
        One row per feature with whole-number columns ``A, O, M, I, R, Q`` (and, optionally, the
        *attribute* column naming the features; otherwise the row labels are used).
    attribute : str
        The column naming the features.

    Returns
    -------
    DataFrame with columns ``attribute, A, O, M, I, R, Q, n, category, category_close_call,
    better, worse, total_strength, category_strength, fong_significant``.

    ``category`` is the plain most frequent category (exact ties: M > O > A > I, then R, Q).
    ``category_close_call`` applies the close-call rule: when Fong's test finds the top two
    categories not significantly apart, the one with the larger impact on the product wins,
    M > O > A > I (then R, Q); otherwise it equals ``category``.

    Raises
    ------
    InputError
        For a missing count column or a count that is negative or not a whole number.

    Examples
    --------
    >>> counts = pd.DataFrame({"A": [5], "O": [3], "M": [1], "I": [1], "R": [0], "Q": [0]},
    ...                       index=["late checkout"])
    >>> summarize_counts(counts).T
                                     0
    attribute            late checkout
    A                                5
    O                                3
    M                                1
    I                                1
    R                                0
    Q                                0
    n                               10
    category                         A
    category_close_call              O
    better                         0.8
    worse                         -0.4
    total_strength                 0.9
    category_strength              0.2
    fong_significant             False

    The lead of A (5) over O (3) is not significant with 10 answers, so the close-call rule
    prefers O, the category with the larger impact.
    """
    data = require_frame(counts, "KANO counts")
    require_columns(data, CATEGORIES, "KANO counts")
    numbers = require_numeric(data, CATEGORIES, "KANO counts")
    for letter in CATEGORIES:
        col = numbers[letter]
        bad = col.isna() | (col < 0) | (col != np.floor(col))
        if bad.any():
            raise_bad_values(letter, data[letter], bad, "whole numbers 0 or more (counts of answers)",
                             problem="entries that are not counts")
    c = numbers.to_numpy(dtype=np.int64)
    a_, o_, m_, i_ = c[:, 0], c[:, 1], c[:, 2], c[:, 3]
    n = c.sum(axis=1)
    core = a_ + o_ + m_ + i_
    with np.errstate(invalid="ignore", divide="ignore"):
        better = np.where(core > 0, (a_ + o_) / core, np.nan)
        # "+ 0.0" turns -0.0 into 0.0, so a feature with no O or M shows Worse 0, not -0.
        worse = np.where(core > 0, -(o_ + m_) / core, np.nan) + 0.0
        total_strength = np.where(n > 0, (a_ + o_ + m_) / n, np.nan)
        ordered = np.sort(c, axis=1)
        top, second = ordered[:, -1], ordered[:, -2]
        category_strength = np.where(n > 0, (top - second) / n, np.nan)
        threshold = FONG_Z * np.sqrt((top + second) * (2 * n - top - second) / (2 * n))
    winner = np.argmax(c * 8 + _RANK, axis=1)
    category = np.array(CATEGORIES, dtype=object)[winner]
    category[n == 0] = np.nan
    significant = (n > 0) & (top - second >= np.nan_to_num(threshold, nan=np.inf))
    # The runner-up: the largest count once the winner is set aside (ties again by impact).
    rest = c * 8 + _RANK
    rest[np.arange(len(c)), winner] = -1
    runner_up = np.argmax(rest, axis=1)
    by_impact = np.where(_RANK[runner_up] > _RANK[winner], runner_up, winner)
    close_call = np.array(CATEGORIES, dtype=object)[np.where(significant, winner, by_impact)]
    close_call[n == 0] = np.nan
    labels = data[attribute].to_numpy() if attribute in data.columns else data.index.to_numpy()
    return pd.DataFrame({
        attribute: labels,
        **{letter: c[:, j] for j, letter in enumerate(CATEGORIES)},
        "n": n,
        "category": pd.array(category, dtype="str"),
        "category_close_call": pd.array(close_call, dtype="str"),
        "better": better,
        "worse": worse,
        "total_strength": total_strength,
        "category_strength": category_strength,
        "fong_significant": significant,
    })
