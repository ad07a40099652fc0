"""The Net Promoter Score of a 0–10 "would you recommend us?" question, with its interval."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import (InputError, drop_incomplete, raise_bad_values, require_columns,
                    require_frame, require_numeric)

COLUMNS = ["n", "promoters_pct", "passives_pct", "detractors_pct", "nps", "ci_low", "ci_high"]


def nps(data, score="recommend", *, by=None, confidence=0.95) -> pd.DataFrame:
    """Net Promoter Score (净推荐值) of answers to "how likely are you to recommend us?" (0–10).

    Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. With p and d the shares of
    promoters and detractors among the n answers,

    * NPS = 100 · (p − d), from −100 (all detractors) to +100 (all promoters);
    * its confidence interval is 100 · (p − d ± z · √((p + d − (p − d)²) / n)), z the normal
      quantile: p and d come from the same answers, so the variance of p − d is
      (p + d − (p − d)²) / n (docs/methods.md §6.6).

    Caveats the course teaches with it: the score throws information away (an answer of 0 and
    one of 6 count the same, and a move from 7 to 8 does not count at all); with a few dozen
    answers the interval is tens of points wide; and a group's NPS describes its answers, not
    what its customers will do.

    Missing answers are set aside with a :class:`coursekit.MissingDataWarning`.

    Method: docs/methods.md §6.6. Used in: lesson 07.

    Parameters
    ----------
    data : pandas.DataFrame or Series
        One row per answer.
    score : str
        Column of the 0–10 answers (whole numbers).
    by : str, optional
        One row per group (e.g. ``"unit_id"``), in the groups' sorted order.
    confidence : float

    Returns
    -------
    pandas.DataFrame
        ``n, promoters_pct, passives_pct, detractors_pct, nps, ci_low, ci_high`` (the group
        column first when *by* is given). ``attrs``: ``confidence``.

    Raises
    ------
    coursekit.InputError
        A missing column, answers that are not whole numbers from 0 to 10, a confidence
        outside 0–1.

    Examples
    --------
    Ten made-up answers: four promoters, three passives, three detractors, so NPS = 40 − 30:

    >>> import pandas as pd, coursekit as ck
    >>> answers = pd.DataFrame({"recommend": [10, 9, 9, 10, 8, 7, 7, 6, 3, 0]})
    >>> ck.chain.nps(answers).round(1)
        n  promoters_pct  passives_pct  detractors_pct   nps  ci_low  ci_high
    0  10           40.0          30.0            30.0  10.0   -41.5     61.5
    """
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
            or not 0 < confidence < 1:
        raise InputError(f"confidence={confidence!r} should be between 0 and 1, e.g. 0.95.")
    if isinstance(data, pd.Series):
        data = data.to_frame(name=score if data.name is None else data.name)
        score = data.columns[0]
    data = require_frame(data, what="answers")
    require_columns(data, [score] + ([by] if by is not None else []), what="answers")
    values = require_numeric(data, [score], what="answers")[score]
    bad = values.notna() & ((values < 0) | (values > 10) | (values != np.round(values)))
    if bad.any():
        raise_bad_values(score, data[score], bad, "whole numbers from 0 to 10",
                         problem="answers outside the 0-10 scale")
    frame = pd.DataFrame({score: values}, index=data.index)
    if by is not None:
        frame[by] = data[by]
    frame = drop_incomplete(frame, [score] + ([by] if by is not None else []),
                            what="answers")
    from scipy import stats

    z = stats.norm.ppf((1 + confidence) / 2)
    if by is None:
        table = pd.DataFrame([_row(frame[score].to_numpy(), z)], columns=COLUMNS)
    else:
        groups = frame.groupby(by, sort=True, observed=True)[score]
        table = pd.DataFrame([_row(g.to_numpy(), z) for _, g in groups], columns=COLUMNS)
        table.insert(0, by, [label for label, _ in groups])
    table["n"] = table["n"].astype(int)
    table.attrs["confidence"] = confidence
    return table


def _row(answers: np.ndarray, z: float) -> list:
    n = len(answers)
    p, d = float((answers >= 9).mean()), float((answers <= 6).mean())
    half = z * np.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return [n, 100 * p, 100 * (1 - p - d), 100 * d, 100 * (p - d), 100 * (p - d - half),
            100 * (p - d + half)]
