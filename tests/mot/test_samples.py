"""Driver and IPA tables report n, and small samples get a caution (issue 11, item 4):
fewer than 30 respondents, or fewer than 10 per driver, give a SmallSampleWarning."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import coursekit as ck
from coursekit import InputError, SmallSampleWarning


def survey(rows, drivers=3, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 8, size=(rows, drivers))
    names = [f"d{j}" for j in range(drivers)]
    frame = pd.DataFrame(x, columns=names)
    frame["overall"] = np.clip(x.sum(axis=1) // drivers + rng.integers(-1, 2, rows), 1, 7)
    return frame, names


def cautions(func, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func(*args, **kwargs)
    return result, [str(w.message) for w in caught if w.category is SmallSampleWarning]


@pytest.mark.parametrize("rows, drivers, expected", [
    (29, 2, "Only 29 respondents were used, fewer than 30:"),
    (30, 2, None),
    (49, 5, "Only 49 respondents were used for 5 drivers, fewer than 10 per driver (50 in all):"),
    (50, 5, None),
    (12, 3, "Only 12 respondents were used for 3 drivers, fewer than 30 and fewer than 10 per "
            "driver (30 in all):"),
])
def test_the_caution_follows_the_two_rules(rows, drivers, expected):
    frame, names = survey(rows, drivers)
    table, said = cautions(ck.mot.driver_importance, frame, "overall", names)
    assert (table["n"] == rows).all() and table.attrs["n"] == rows
    if expected is None:
        assert said == []
    else:
        assert len(said) == 1 and said[0].startswith(expected)


def test_n_counts_the_respondents_kept_after_missing_answers_are_set_aside():
    frame, names = survey(60)
    frame.loc[[3, 8, 20], "d1"] = np.nan
    table, _ = cautions(ck.mot.driver_importance, frame, "overall", names)
    assert (table["n"] == 57).all()


def test_ipa_reports_n_and_cautions_attributes_resting_on_few_respondents():
    imp = {"check-in": 6.5, "security": 6.8, "lounge": 3.0}
    perf = {"check-in": 5.9, "security": 3.9, "lounge": 6.1}
    grid, said = cautions(ck.mot.ipa, imp, perf, n={"check-in": 240, "security": 236, "lounge": 12})
    assert grid.set_index("attribute")["n"].to_dict() == {"check-in": 240, "security": 236,
                                                          "lounge": 12}
    assert said == ["Only 12 respondents were used for 'lounge', fewer than 30: with so few "
                    "answers the result can change a lot when a handful of them change. Read it "
                    "as a first look, and collect more answers before deciding on it."]
    same, said = cautions(ck.mot.ipa, imp, perf, n=300)
    assert (same["n"] == 300).all() and said == []
    plain, _ = cautions(ck.mot.ipa, imp, perf)
    assert "n" not in plain.columns  # not known, so not reported


def test_ipa_reads_n_from_a_column_with_data():
    table = pd.DataFrame({"imp": [6.5, 6.8, 3.0], "perf": [5.9, 3.9, 6.1], "answers": [40, 41, 45]},
                         index=["check-in", "security", "lounge"])
    grid, said = cautions(ck.mot.ipa, "imp", "perf", data=table, n="answers")
    assert grid["n"].tolist() == [40, 41, 45] and said == []


@pytest.mark.parametrize("n, message", [
    (0, r"Column 'n' has entries that are not numbers of respondents in 3 rows"),
    (2.5, r"entries that are not numbers of respondents"),
    ({"check-in": 40}, r"n= has no count for the attributes 'security', 'lounge'"),
    ("answers", r"n='answers' is not a number of respondents"),
    (True, r"Column 'n' has yes/no"),
])
def test_ipa_refuses_an_n_that_is_not_a_number_of_respondents(n, message):
    imp = {"check-in": 6.5, "security": 6.8, "lounge": 3.0}
    perf = {"check-in": 5.9, "security": 3.9, "lounge": 6.1}
    with pytest.raises(InputError, match=message):
        ck.mot.ipa(imp, perf, n=n)


def test_ipa_takes_one_scale_for_both_axes():
    imp = {"check-in": 6.5, "security": 6.8, "lounge": 3.0}
    perf = {"check-in": 5.9, "security": 3.9, "lounge": 6.1}
    both = ck.mot.ipa(imp, perf, crosshairs="scale", scale=(1, 7))
    apart = ck.mot.ipa(imp, perf, crosshairs="scale", importance_scale=(1, 7),
                       performance_scale=(1, 7))
    pd.testing.assert_frame_equal(both, apart)
    with pytest.raises(InputError, match=r"Column 'importance' has answers outside the scale"):
        ck.mot.ipa(imp, perf, scale=(1, 5))
