"""IPA from paired stated-importance and performance answers (n per item), and from a driver
table with the fair-share crosshair."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import coursekit as ck
from coursekit import InputError


def test_stated_ipa_uses_respondents_who_answered_both_questions():
    imp = pd.DataFrame({"a": [7, 6, np.nan, 5], "b": [2, 3, 4, 3]})
    perf = pd.DataFrame({"a": [3, np.nan, 6, 4], "b": [6, 7, 6, 5]})
    table = ck.mot.ipa_stated(imp, perf).set_index("attribute")
    # a: rows 0 and 3 have both answers: importance (7 + 5) / 2, performance (3 + 4) / 2.
    assert table.loc["a", ["importance", "performance", "n"]].tolist() == [6.0, 3.5, 2]
    assert table.loc["b", ["importance", "performance", "n"]].tolist() == [3.0, 6.0, 4]
    assert table.loc["a", "quadrant"] == "Concentrate here"
    assert table.loc["b", "quadrant"] == "Possible overkill"


def test_stated_ipa_rejects_answers_off_the_scale_and_mismatched_items():
    imp = pd.DataFrame({"a": [7, 99], "b": [2, 3]})
    perf = pd.DataFrame({"a": [3, 4], "b": [6, 7]})
    with pytest.raises(InputError, match=r"'a'.*row 1: 99"):
        ck.mot.ipa_stated(imp, perf, scale=(1, 7))
    with pytest.raises(InputError, match="only in the performance answers: 'c'"):
        ck.mot.ipa_stated(imp, perf.rename(columns={"b": "c"}))


def test_derived_ipa_crosshair_is_the_fair_share_and_performance_uses_the_same_rows():
    rng = np.random.default_rng(3)
    survey = pd.DataFrame(rng.integers(1, 8, (60, 4)), columns=["w", "x", "y", "overall"]).astype(float)
    survey.loc[0, "w"] = np.nan                                 # set aside by both steps
    with pytest.warns(ck.MissingDataWarning):
        drivers = ck.mot.driver_importance(survey, "overall", ["w", "x", "y"])
        grid = ck.mot.ipa_derived(drivers, survey)
    assert grid.attrs["importance_crosshair"] == pytest.approx(100 / 3)
    assert grid.attrs["crosshairs"] == "fair share"
    complete = survey.dropna()
    expected = complete[["w", "x", "y"]].mean()
    assert grid.set_index("attribute")["performance"].to_dict() == pytest.approx(expected.to_dict())
    assert (grid["n"] == len(complete)).all() and grid["importance"].sum() == pytest.approx(100)
    ax = ck.mot.plot_ipa(grid)
    assert "fair share" in ax.get_title() and "Share of explained variance" in ax.get_ylabel()


def test_derived_ipa_needs_data_or_performance():
    drivers = pd.DataFrame({"driver": ["a", "b"], "importance": [0.3, 0.1], "share": [75.0, 25.0]})
    with pytest.raises(InputError, match="either data= .* or performance="):
        ck.mot.ipa_derived(drivers)
    grid = ck.mot.ipa_derived(drivers, performance={"a": 3.0, "b": 6.0}, crosshairs="scale",
                              scale=(1, 7))
    assert grid["quadrant"].tolist() == ["Concentrate here", "Possible overkill"]
