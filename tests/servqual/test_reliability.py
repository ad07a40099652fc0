"""coursekit.servqual.cronbach_alpha: agreement with pingouin, hand values, invariants, bad input."""
from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from coursekit import InputError, MissingDataWarning
from coursekit.servqual import CronbachAlpha, cronbach_alpha

HAND = pd.DataFrame({"q01": [5, 6, 3, 7, 4], "q02": [4, 6, 2, 6, 4], "q03": [5, 7, 3, 6, 3]})


def test_alpha_by_hand():
    # Item variances (n - 1): q01 10/4 = 2.5, q02 11.2/4 = 2.8, q03 12.8/4 = 3.2; sum 8.5.
    # Totals 14, 19, 8, 19, 11 (mean 14.2): sum of squares 94.8, variance 23.7.
    # alpha = 3/2 * (1 - 8.5/23.7) = 0.962025...
    result = cronbach_alpha(HAND)
    assert float(result) == pytest.approx(1.5 * (1 - 8.5 / 23.7), abs=1e-12)
    assert result.alpha == float(result) and (result.n, result.k) == (5, 3)
    assert isinstance(result, float) and isinstance(result, CronbachAlpha)


def test_two_items_alpha_is_four_covariances_over_total_variance():
    # For k = 2: alpha = 2 (1 - (v1 + v2)/(v1 + v2 + 2c)) = 4c / var(total).
    rng = np.random.default_rng(3)
    x = rng.normal(size=50)
    data = pd.DataFrame({"a": x + rng.normal(size=50), "b": x + rng.normal(size=50)})
    c = np.cov(data["a"], data["b"])[0, 1]
    assert float(cronbach_alpha(data)) == pytest.approx(4 * c / data.sum(axis=1).var(), abs=1e-12)


def test_agrees_with_pingouin_on_its_likert_data_set():
    long = pingouin.read_dataset("cronbach_alpha")
    wide = long.pivot(index="Subj", columns="Items", values="Scores")
    ref_alpha, ref_ci = pingouin.cronbach_alpha(data=long, items="Items", scores="Scores",
                                                subject="Subj")
    result = cronbach_alpha(wide)
    assert float(result) == pytest.approx(ref_alpha, abs=1e-9)
    assert np.round(result.ci, 3).tolist() == pytest.approx(ref_ci.tolist(), abs=1e-12)


def test_agrees_with_pingouin_on_its_missing_data_set_listwise():
    data = pingouin.read_dataset("cronbach_wide_missing")
    incomplete = int(data.isna().any(axis=1).sum())
    with pytest.warns(MissingDataWarning, match=f"{incomplete} of {len(data)} respondents were set aside"):
        result = cronbach_alpha(data)
    ref_alpha, _ = pingouin.cronbach_alpha(data=data, nan_policy="listwise")
    assert float(result) == pytest.approx(ref_alpha, abs=1e-9)
    assert result.n == len(data) - incomplete


def test_agrees_with_pingouin_on_its_missing_data_set_pairwise():
    data = pingouin.read_dataset("cronbach_wide_missing")
    with pytest.warns(MissingDataWarning, match="pairwise"):
        result = cronbach_alpha(data, nan_policy="pairwise")
    ref_alpha, _ = pingouin.cronbach_alpha(data=data, nan_policy="pairwise")
    assert float(result) == pytest.approx(ref_alpha, abs=1e-9)


@pytest.mark.parametrize("seed, n, k, kind", [
    (0, 30, 4, "likert"), (1, 200, 5, "likert"), (2, 12, 22, "likert"), (3, 500, 3, "normal"),
    (4, 8, 2, "normal"), (5, 1000, 10, "offset"),
])
def test_agrees_with_pingouin_on_generated_data(seed, n, k, kind):
    rng = np.random.default_rng(seed)
    trait = rng.normal(size=(n, 1))
    if kind == "likert":
        values = np.clip(np.rint(4 + 1.2 * trait + rng.normal(size=(n, k))), 1, 7).astype(np.int64)
    elif kind == "normal":
        values = trait + rng.normal(scale=1.5, size=(n, k))
    else:  # large offset: a naive sum-of-squares formula would lose digits here
        values = 1e6 + trait + rng.normal(size=(n, k))
    data = pd.DataFrame(values, columns=[f"item{j}" for j in range(k)])
    ref_alpha, ref_ci = pingouin.cronbach_alpha(data=data)
    result = cronbach_alpha(data)
    assert float(result) == pytest.approx(ref_alpha, abs=1e-9)
    assert np.round(result.ci, 3).tolist() == pytest.approx(ref_ci.tolist(), abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(hnp.arrays(np.int64, st.tuples(st.integers(3, 25), st.integers(2, 8)),
                  elements=st.integers(1, 7)),
       st.randoms(use_true_random=False), st.floats(0.5, 3), st.floats(-5, 5))
def test_invariants(values, rnd, scale, shift):
    data = pd.DataFrame(values)
    if data.sum(axis=1).var() == 0:
        return  # alpha is undefined; tested separately
    alpha = float(cronbach_alpha(data))
    assert alpha <= 1 + 1e-12
    rows, cols = list(range(len(data))), list(data.columns)
    rnd.shuffle(rows)
    rnd.shuffle(cols)
    assert float(cronbach_alpha(data.iloc[rows][cols])) == pytest.approx(alpha, abs=1e-9)
    # Rescaling every item the same way (another answer scale) leaves alpha unchanged.
    assert float(cronbach_alpha(data * scale + shift)) == pytest.approx(alpha, abs=1e-9)


def test_result_reads_well_and_survives_pickling():
    result = cronbach_alpha(HAND, ci=0.9)
    assert repr(result).startswith("CronbachAlpha(alpha=0.9620, 90% CI=[")
    assert result.ci[0] < float(result) < result.ci[1]
    again = pickle.loads(pickle.dumps(result))
    assert float(again) == float(result) and again.ci == result.ci and again.n == 5


def test_wider_interval_for_higher_confidence():
    low90, high90 = cronbach_alpha(HAND, ci=0.90).ci
    low99, high99 = cronbach_alpha(HAND, ci=0.99).ci
    assert low99 < low90 and high99 > high90


# ---------------------------------------------------------------------------------------------
# Bad input: one test each.
def test_a_single_item():
    with pytest.raises(InputError, match=r"at least two item columns.*has 1 \('q01'\)"):
        cronbach_alpha(HAND[["q01"]])


def test_an_empty_table():
    with pytest.raises(InputError, match="empty"):
        cronbach_alpha(HAND.iloc[:0])


def test_answers_outside_the_declared_scale():
    data = HAND.copy()
    data.loc[3, "q02"] = 9
    with pytest.raises(InputError, match=r"'q02'.*row 3: 9.*from 1 to 7"):
        cronbach_alpha(data, scale=(1, 7))


def test_text_answers():
    data = HAND.astype(object)
    data.loc[1, "q03"] = "seven"
    with pytest.raises(InputError, match=r"'q03'.*row 1: 'seven'.*numbers"):
        cronbach_alpha(data)


def test_too_few_complete_respondents():
    data = HAND.astype(float)
    data.loc[1:, "q01"] = np.nan
    with pytest.warns(MissingDataWarning), pytest.raises(InputError, match="at least two respondents"):
        cronbach_alpha(data)


def test_a_total_that_never_varies():
    with pytest.raises(InputError, match="same total score"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1]}))


def test_a_scale_given_the_wrong_way_round():
    with pytest.raises(InputError, match=r"scale=\(7, 1\) is not a scale"):
        cronbach_alpha(HAND, scale=(7, 1))


def test_an_unknown_missing_data_policy():
    with pytest.raises(InputError, match=r"nan_policy='drop' is not an option.*'listwise'"):
        cronbach_alpha(HAND, nan_policy="drop")
