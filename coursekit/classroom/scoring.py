"""Scores of a team competition and the learning gain of a pre/post test (docs/methods.md §8).

* :func:`standings` — each team's total and rank; equal totals share a rank ("1, 1, 3");
* :func:`leader` — the team ahead of every other, or nobody when the top is shared;
* :func:`ranked` and :func:`sole_leader` — the same two rules on plain totals, which the board
  applies on every change (a DataFrame costs more time than thirty teams need);
* :func:`learning_gain` — share right before and after, per question and per learner.

Whether one answer is right is decided by the challenge's answer kind
(:meth:`coursekit.classroom.catalogue.Challenge.points_for`), not here.
"""
from __future__ import annotations

from ..core import (InputError, raise_bad_values, require_frame, require_same_labels,
                    require_unique_labels, warn_set_aside)


def ranked(totals: dict) -> list[tuple]:
    """``[(team, total, rank), ...]`` in rank order, teams of equal rank by name: the rule of
    :func:`standings` on a plain ``{team: total}``.

    Used in: library only (the board).

    >>> ranked({"Peony": 35, "Lotus": 50, "Bamboo": 50, "Plum": 0})
    [('Bamboo', 50, 1), ('Lotus', 50, 1), ('Peony', 35, 3), ('Plum', 0, 4)]
    """
    order = sorted(totals, key=lambda team: (-totals[team], str(team)))
    return [(team, totals[team], 1 + sum(other > totals[team] for other in totals.values()))
            for team in order]


def sole_leader(rows: list[tuple]):
    """The team of :func:`ranked`'s rows that is first on its own with more than 0 points,
    else ``None``.

    Used in: library only (the board).

    >>> sole_leader(ranked({"Lotus": 3, "Peony": 1})), sole_leader(ranked({"a": 2, "b": 2}))
    ('Lotus', None)
    """
    firsts = [(team, total) for team, total, rank in rows if rank == 1]
    return firsts[0][0] if len(firsts) == 1 and firsts[0][1] > 0 else None


def standings(points):
    """Each team's total points and its rank.

    ``total = sum of the team's points over the challenges``, counting a challenge not yet
    scored as 0; ``rank = 1 + the number of teams with a higher total``, so teams with equal
    totals share a rank and the next rank is skipped (standard competition ranking: 1, 1, 3).
    Rows come in rank order, teams of equal rank by name. docs/methods.md §8.1.

    Used in: library only (the board, ``python -m coursekit board``).

    Parameters
    ----------
    points : DataFrame
        One row per team (the index holds the team names), one column per challenge; the points
        each team earned (missing: nothing scored yet).

    Examples
    --------
    >>> import pandas as pd
    >>> points = pd.DataFrame({"02-three-mots": [20, 0, 20, None],
    ...                        "02-memo": [30, 35, 30, None]},
    ...                       index=["Lotus", "Peony", "Bamboo", "Plum"])
    >>> standings(points)
            total  rank
    Bamboo   50.0     1
    Lotus    50.0     1
    Peony    35.0     3
    Plum      0.0     4
    """
    import pandas as pd

    points = require_frame(points, "points table")
    require_unique_labels(points.index, "the points table", noun="team names")
    numeric = points.apply(pd.to_numeric, errors="coerce")
    bad = (numeric.isna() & points.notna()) | (numeric < 0)
    for column in points.columns[bad.any().to_numpy()]:
        raise_bad_values(column, points[column], bad[column], "points of 0 or more, or nothing "
                         "yet", problem="entries that are not points")
    total = numeric.fillna(0).sum(axis=1).astype(float)
    rows = ranked(total.to_dict())
    return pd.DataFrame({"total": [t for _, t, _ in rows], "rank": [r for _, _, r in rows]},
                        index=pd.Index([team for team, _, _ in rows], name=points.index.name))


def leader(table) -> str | None:
    """The team ranked first on its own, or ``None`` when no team is ahead of all others
    (nothing scored yet, or a shared first place).

    Used in: library only (the board celebrates a new leader).

    >>> import pandas as pd
    >>> leader(standings(pd.DataFrame({"a": [3, 1]}, index=["Lotus", "Peony"])))
    'Lotus'
    >>> leader(standings(pd.DataFrame({"a": [3, 3]}, index=["Lotus", "Peony"]))) is None
    True
    """
    return sole_leader(list(zip(table.index, table["total"], table["rank"])))


def _right_or_wrong(frame, what: str):
    import pandas as pd

    frame = require_frame(frame, what)
    require_unique_labels(frame.index, f"the {what}", noun="learner labels")
    out = {}
    for column in frame.columns:
        values = frame[column]
        ok = values.isna() | values.isin([True, False, 0, 1])
        if not ok.all():
            raise_bad_values(column, values, ~ok, "True (right), False (not right) or nothing "
                             "(not answered)", problem="entries that are not right or wrong")
        out[column] = values.fillna(False).astype(bool)
    return pd.DataFrame(out, index=frame.index)


def learning_gain(pre, post):
    """How much more of a knowledge check a class gets right after the lesson than before.

    For every question q, over the learners who took both tests:
    ``gain_q = share right in the post-test − share right in the pre-test``; for every learner:
    ``gain = questions right in the post-test − questions right in the pre-test``. A question
    left unanswered counts as not right. Learners who took only one of the tests are set aside,
    with a warning. docs/methods.md §8.2.

    Used in: library only (the board's pre/post view).

    Parameters
    ----------
    pre, post : DataFrame
        One row per learner (index: the learner), one column per question; True when the answer
        was right, False when not, missing when the question was not answered.

    Returns
    -------
    (per_question, per_learner) : two DataFrames
        ``per_question``: columns ``pre``, ``post`` (shares right, 0–1) and ``gain``;
        ``per_learner``: columns ``pre``, ``post`` (questions right) and ``gain``.

    Examples
    --------
    >>> import pandas as pd
    >>> pre = pd.DataFrame({"q1": [False, True], "q2": [False, False]}, index=["Ann", "Bo"])
    >>> post = pd.DataFrame({"q1": [True, True], "q2": [True, False]}, index=["Ann", "Bo"])
    >>> by_question, by_learner = learning_gain(pre, post)
    >>> by_question
        pre  post  gain
    q1  0.5   1.0   0.5
    q2  0.0   0.5   0.5
    >>> by_learner
         pre  post  gain
    Ann    0     2     2
    Bo     1     1     0
    """
    import pandas as pd

    pre = _right_or_wrong(pre, "pre-test results")
    post = _right_or_wrong(post, "post-test results")
    require_same_labels(pre.columns, post.columns, "the pre-test", "the post-test",
                        noun="questions")
    both = [learner for learner in pre.index if learner in set(post.index)]
    if not both:
        raise InputError("No learner took both the pre-test and the post-test, so there is no "
                         "gain to compute. Allowed: the same learners in both tables.")
    only_one = [x for x in pre.index if x not in set(both)] + \
        [x for x in post.index if x not in set(both) and x not in set(pre.index)]
    warn_set_aside(only_one, len(only_one) + len(both), "learners", "taking only one of the two "
                   "tests")
    before, after = pre.loc[both, list(pre.columns)], post.loc[both, list(pre.columns)]
    per_question = pd.DataFrame({"pre": before.mean(), "post": after.mean()})
    per_question["gain"] = per_question["post"] - per_question["pre"]
    per_learner = pd.DataFrame({"pre": before.sum(axis=1), "post": after.sum(axis=1)})
    per_learner["gain"] = per_learner["post"] - per_learner["pre"]
    return per_question, per_learner
