"""Ranks, ties, the leader and learning gain."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import InputError, MissingDataWarning
from coursekit.classroom.scoring import leader, learning_gain, standings


def test_equal_totals_share_a_rank_and_the_next_rank_is_skipped():
    points = pd.DataFrame({"a": [10, 20, 20, 5, 20], "b": [10, 0, np.nan, 0, 0]},
                          index=["E", "D", "C", "B", "A"])
    table = standings(points)
    assert list(table.index) == ["A", "C", "D", "E", "B"]
    assert list(table["rank"]) == [1, 1, 1, 1, 5]
    assert list(table["total"]) == [20, 20, 20, 20, 5]
    assert leader(table) is None


def test_the_leader_is_ahead_of_every_other_team():
    table = standings(pd.DataFrame({"a": [10, 30, 20]}, index=["Lotus", "Peony", "Plum"]))
    assert leader(table) == "Peony"
    assert list(table["rank"]) == [1, 2, 3]
    # Nothing scored yet: nobody leads, everybody is first.
    empty = standings(pd.DataFrame({"a": [np.nan, np.nan]}, index=["Lotus", "Peony"]))
    assert leader(empty) is None and list(empty["rank"]) == [1, 1]


@given(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=12))
def test_ranks_follow_the_totals(totals):
    names = [f"team {i:02d}" for i in range(len(totals))]
    table = standings(pd.DataFrame({"points": totals}, index=names))
    for team in names:
        higher = sum(t > table.at[team, "total"] for t in totals)
        assert table.at[team, "rank"] == higher + 1
    assert list(table["total"]) == sorted(totals, reverse=True)
    best = max(totals)
    assert (leader(table) is not None) == (totals.count(best) == 1 and best > 0)


@pytest.mark.parametrize("points, message", [
    (pd.DataFrame({"a": [1, -2]}, index=["x", "y"]), "Column 'a' has entries that are not points"),
    (pd.DataFrame({"a": [1, "ten"]}, index=["x", "y"]), "row 'y': 'ten'"),
    (pd.DataFrame({"a": [1, 2]}, index=["x", "x"]), "Repeated team names"),
    (pd.DataFrame({"a": []}), "is empty"),
])
def test_bad_points_are_named(points, message):
    with pytest.raises(InputError, match=message):
        standings(points)


def test_learning_gain_per_question_and_per_learner():
    pre = pd.DataFrame({"q1": [False, False, True, True], "q2": [False, None, False, True]},
                       index=["Ann", "Bo", "Cy", "Di"])
    post = pd.DataFrame({"q1": [True, True, True, False], "q2": [True, True, False, True]},
                        index=["Ann", "Bo", "Cy", "Di"])
    by_question, by_learner = learning_gain(pre, post)
    assert by_question.loc["q1"].tolist() == [0.5, 0.75, 0.25]
    assert by_question.loc["q2"].tolist() == [0.25, 0.75, 0.5]
    assert by_learner["gain"].to_dict() == {"Ann": 2, "Bo": 2, "Cy": 0, "Di": -1}
    # The gains add up: a class's total gain over questions equals the sum over learners.
    assert by_question["gain"].sum() * len(pre) == pytest.approx(by_learner["gain"].sum())


def test_learners_who_took_only_one_test_are_set_aside_with_a_warning():
    pre = pd.DataFrame({"q1": [False, True]}, index=["Ann", "Bo"])
    post = pd.DataFrame({"q1": [True, True]}, index=["Ann", "Cy"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        by_question, by_learner = learning_gain(pre, post)
    assert list(by_learner.index) == ["Ann"]
    [warning] = [w for w in caught if issubclass(w.category, MissingDataWarning)]
    assert str(warning.message) == ("2 of 3 learners were set aside because of taking only one "
                                    "of the two tests (rows 'Bo', 'Cy').")


def test_learning_gain_refuses_what_it_cannot_compare():
    pre = pd.DataFrame({"q1": [True]}, index=["Ann"])
    with pytest.raises(InputError, match="No learner took both"):
        learning_gain(pre, pd.DataFrame({"q1": [True]}, index=["Bo"]))
    with pytest.raises(InputError, match="only in the post-test: 'q2'"):
        learning_gain(pre, pd.DataFrame({"q1": [True], "q2": [True]}, index=["Ann"]))
    with pytest.raises(InputError, match="Column 'q1' has entries that are not right or wrong"):
        learning_gain(pd.DataFrame({"q1": ["B"]}, index=["Ann"]), pre)
