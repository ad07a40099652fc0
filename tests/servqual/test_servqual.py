"""coursekit.servqual: the instrument, gaps, scores, zone of tolerance, figures, bad input."""
from __future__ import annotations

import re

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import coursekit as ck
from coursekit import InputError, MissingDataWarning, servqual

matplotlib.use("Agg")

Q = [f"q{i:02d}" for i in range(1, 23)]
SPANS = {"Tangibles": (1, 4), "Reliability": (5, 9), "Responsiveness": (10, 13),
         "Assurance": (14, 17), "Empathy": (18, 22)}  # methods.md section 2


def test_items_are_22_in_rater_order_with_our_own_positive_wording():
    items = servqual.ITEMS
    assert list(items.columns) == ["item", "dimension", "wording"]
    assert items["item"].tolist() == Q
    assert servqual.DIMENSIONS == ("Tangibles", "Reliability", "Responsiveness", "Assurance",
                                   "Empathy")
    for dimension, (lo, hi) in SPANS.items():
        expected = [f"q{i:02d}" for i in range(lo, hi + 1)]
        assert items.loc[items["dimension"] == dimension, "item"].tolist() == expected
        assert list(servqual.DIMENSION_ITEMS[dimension]) == expected
    wording = items["wording"]
    assert wording.is_unique and (wording.str.len() > 15).all()
    # Positively worded throughout (the 1988 form's negative items are what we avoid).
    negation = re.compile(r"\b(not|never|no)\b|n't", re.IGNORECASE)
    assert not wording.map(lambda w: bool(negation.search(w))).any()


def test_chinese_dimension_names_are_the_glossary_s_and_list_every_seed_name():
    assert servqual.DIMENSIONS_ZH == {"Tangibles": "有形性", "Reliability": "可靠性",
                                      "Responsiveness": "响应性", "Assurance": "保证性",
                                      "Empathy": "移情性"}
    for dimension, main in servqual.DIMENSIONS_ZH.items():
        assert servqual.DIMENSION_NAMES_ZH[dimension][0] == main
        assert ck.define(main).term == dimension    # the glossary agrees
        for other in servqual.DIMENSION_NAMES_ZH[dimension]:
            assert ck.define(other).term == dimension
    assert "信赖度" in servqual.DIMENSION_NAMES_ZH["Reliability"]
    assert servqual.DIMENSION_NAMES_ZH["Empathy"] == ("移情性", "同理心", "同理度")


def make_survey(e_rows, p_rows, weights=None, index=None):
    """A survey table from per-respondent lists of 22 expectations and 22 perceptions."""
    data = {}
    for prefix, rows in (("E_", e_rows), ("P_", p_rows)):
        for j, q in enumerate(Q):
            data[prefix + q] = [row[j] for row in rows]
    if weights is not None:
        for j, d in enumerate(servqual.DIMENSIONS):
            data[f"w_{d.lower()}"] = [w[j] for w in weights]
    return pd.DataFrame(data, index=index)


# Respondent 1 expects 7 everywhere and perceives 5, except Reliability items at 6.
# Respondent 2 expects 6 everywhere and perceives 6, except q01 at 3 and q22 at 7.
E_ROWS = [[7] * 22, [6] * 22]
P_ROWS = [[5] * 4 + [6] * 5 + [5] * 13, [3] + [6] * 20 + [7]]
SURVEY = make_survey(E_ROWS, P_ROWS, weights=[[10, 40, 20, 20, 10], [20, 20, 20, 20, 20]],
                     index=["ann", "bo"])
# Dimension gaps by hand (mean of P - E over each dimension's items):
#   ann: T (5-7) = -2; R (6-7) = -1; Resp -2; A -2; Emp -2
#   bo:  T (3-6 + 0 + 0 + 0)/4 = -0.75; R 0; Resp 0; A 0; Emp (0*4 + 1)/5 = 0.2
ANN = [-2.0, -1.0, -2.0, -2.0, -2.0]
BO = [-0.75, 0.0, 0.0, 0.0, 0.2]


def test_split_survey_gives_q_columns_with_the_row_labels():
    E, P = servqual.split_survey(SURVEY)
    assert list(E.columns) == Q and list(P.columns) == Q
    assert list(E.index) == ["ann", "bo"]
    assert P.loc["bo", "q01"] == 3 and E.loc["ann", "q22"] == 7


def test_split_survey_other_prefixes():
    renamed = SURVEY.rename(columns=lambda c: c.replace("E_", "exp_").replace("P_", "per_"))
    E, P = servqual.split_survey(renamed, expectation_prefix="exp_", perception_prefix="per_")
    pd.testing.assert_frame_equal(P, servqual.split_survey(SURVEY)[1])


def test_item_gaps_by_hand():
    E = pd.DataFrame({"q01": [7, 5, 4], "q02": [6, 6, 2]}, index=["a", "b", "c"])
    P = pd.DataFrame({"q01": [5, 6, 4], "q02": [7, 3, 1]}, index=["a", "b", "c"])
    expected = pd.DataFrame({"q01": [-2.0, 1.0, 0.0], "q02": [1.0, -3.0, -1.0]},
                            index=["a", "b", "c"])  # P - E, cell by cell
    pd.testing.assert_frame_equal(servqual.gaps(E, P), expected)


def test_gaps_keep_a_missing_answer_missing():
    E = pd.DataFrame({"q01": [7, None], "q02": [6, 6]})
    P = pd.DataFrame({"q01": [5, 6], "q02": [7, 3]})
    result = servqual.gaps(E, P)
    assert np.isnan(result.loc[1, "q01"]) and result.loc[1, "q02"] == -3


def test_dimension_gaps_per_respondent_by_hand():
    result = servqual.dimension_gaps(SURVEY, per_respondent=True)
    assert list(result.columns) == list(servqual.DIMENSIONS)
    assert result.loc["ann"].tolist() == pytest.approx(ANN)
    assert result.loc["bo"].tolist() == pytest.approx(BO)


def test_dimension_gaps_averaged_by_hand():
    table = servqual.dimension_gaps(*servqual.split_survey(SURVEY)).set_index("dimension")
    expected = (np.array(ANN) + np.array(BO)) / 2  # T -1.375, R -0.5, Resp -1, A -1, Emp -0.9
    assert table["gap"].tolist() == pytest.approx(expected)
    # Tangibles expectation (7 + 6)/2; perception ann 5, bo (3+6+6+6)/4 = 5.25 -> 5.125
    assert table.loc["Tangibles", "expectation"] == pytest.approx(6.5)
    assert table.loc["Tangibles", "perception"] == pytest.approx(5.125)
    assert table["items"].tolist() == [4, 5, 4, 4, 5] and (table["n"] == 2).all()


def test_dimension_gaps_by_group_by_hand():
    survey = pd.concat([SURVEY, SURVEY.rename(index={"ann": "cy", "bo": "di"})])
    survey["hotel"] = ["Downtown", "Lakeside", "Lakeside", "Lakeside"]
    table = servqual.dimension_gaps(survey, by="hotel")
    assert list(table.columns[:2]) == ["hotel", "dimension"]
    downtown = table[table["hotel"] == "Downtown"].set_index("dimension")
    lakeside = table[table["hotel"] == "Lakeside"].set_index("dimension")
    assert downtown["gap"].tolist() == pytest.approx(ANN) and (downtown["n"] == 1).all()
    # Lakeside holds bo, ann (as cy) and bo (as di): (2 * BO + ANN) / 3 per dimension
    assert lakeside["gap"].tolist() == pytest.approx((2 * np.array(BO) + np.array(ANN)) / 3)
    per = servqual.dimension_gaps(survey, by="hotel", per_respondent=True)
    assert per["hotel"].tolist() == survey["hotel"].tolist()
    groups = pd.Series(["x", "y", "y", "y"], index=survey.index, name="segment")
    assert servqual.dimension_gaps(survey, by=groups)["segment"].unique().tolist() == ["x", "y"]


def test_grouping_by_a_column_that_is_not_there():
    with pytest.raises(InputError, match=r"no column 'hotel'"):
        servqual.dimension_gaps(SURVEY, by="hotel")


def test_grouping_by_name_without_the_survey_table():
    with pytest.raises(InputError, match=r"by='hotel' names a column of the survey table"):
        servqual.dimension_gaps(*servqual.split_survey(SURVEY), by="hotel")


def test_unweighted_score_by_hand():
    # ann: mean(-2, -1, -2, -2, -2) = -1.8; bo: mean(-0.75, 0, 0, 0, 0.2) = -0.11; average -0.955
    assert servqual.score(SURVEY) == pytest.approx(-0.955)
    per = servqual.score(SURVEY, per_respondent=True)
    assert per.tolist() == pytest.approx([-1.8, -0.11]) and per.name == "servqual_score"


def test_weighted_score_by_hand():
    # ann: 0.10*-2 + 0.40*-1 + 0.20*-2 + 0.20*-2 + 0.10*-2 = -0.2 - 0.4 - 0.4 - 0.4 - 0.2 = -1.6
    # bo:  0.20*(-0.75 + 0 + 0 + 0 + 0.2) = -0.11;  average (-1.6 - 0.11)/2 = -0.855
    assert servqual.score(SURVEY, weights=True) == pytest.approx(-0.855)
    E, P = servqual.split_survey(SURVEY)
    weights = SURVEY[list(servqual.WEIGHT_COLUMNS.values())]
    assert servqual.score(E, P, weights=weights) == pytest.approx(-0.855)
    named = weights.set_axis(list(servqual.DIMENSIONS), axis=1)
    assert servqual.score(E, P, weights=named, per_respondent=True).tolist() == \
        pytest.approx([-1.6, -0.11])


def test_missing_answers_set_a_respondent_aside_with_a_warning():
    survey = SURVEY.astype(float)
    survey.loc["bo", "P_q07"] = np.nan
    with pytest.warns(MissingDataWarning, match=r"1 of 2 respondents was set aside.*'bo'"):
        table = servqual.dimension_gaps(survey)
    assert table["gap"].tolist() == pytest.approx(ANN) and (table["n"] == 1).all()


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.int64, (4, 44), elements=st.integers(1, 7)),
       st.lists(st.integers(0, 100), min_size=4, max_size=4))
def test_score_invariants(values, cut):
    survey = make_survey(values[:, :22].tolist(), values[:, 22:].tolist())
    dim = servqual.dimension_gaps(survey, per_respondent=True)
    item_gaps = servqual.gaps(survey)
    for d, items in servqual.DIMENSION_ITEMS.items():  # mean of the item gaps, respondent by respondent
        assert np.allclose(dim[d], item_gaps[list(items)].mean(axis=1))
    unweighted = servqual.score(survey)
    assert unweighted == pytest.approx(dim.to_numpy().mean())
    equal = {d: 20 for d in servqual.DIMENSIONS}
    assert servqual.score(survey, weights=equal) == pytest.approx(unweighted)
    # Any split of 100 points gives a weighted score between the smallest and largest gap.
    bounds = sorted(cut)
    points = np.diff([0, *bounds, 100])
    weighted = servqual.score(survey, weights=dict(zip(servqual.DIMENSIONS, points)),
                              per_respondent=True)
    assert ((weighted >= dim.min(axis=1) - 1e-12) & (weighted <= dim.max(axis=1) + 1e-12)).all()
    # Shuffling respondents does not change the average.
    assert servqual.score(survey.iloc[::-1]) == pytest.approx(unweighted)


def test_zone_of_tolerance_by_hand():
    A = pd.DataFrame({"q01": [4, 5], "q05": [5, 6], "q06": [2, 2]})
    D = pd.DataFrame({"q01": [6, 7], "q05": [7, 7], "q06": [4, 4]})
    P = pd.DataFrame({"q01": [5, 5], "q05": [4, 5], "q06": [6, 5]})
    table = servqual.zone_of_tolerance(A, D, P).set_index("item")
    # q01: adequate 4.5, desired 6.5, perceived 5 -> MSA 0.5, MSS -1.5, width 2, within
    assert table.loc["q01", ["msa", "mss", "zone_width"]].tolist() == [0.5, -1.5, 2.0]
    assert table.loc["q01", "position"] == "within the zone"
    # q05: adequate 5.5, desired 7, perceived 4.5 -> MSA -1, MSS -2.5: below
    assert table.loc["q05", ["msa", "mss"]].tolist() == [-1.0, -2.5]
    assert table.loc["q05", "position"] == "below the zone"
    # q06: adequate 2, desired 4, perceived 5.5 -> MSS +1.5: above
    assert table.loc["q06", "mss"] == 1.5 and table.loc["q06", "position"] == "above the zone"
    assert table.loc["q06", "dimension"] == "Reliability"
    by_dim = servqual.zone_of_tolerance(A, D, P, by="dimension",
                                        dimensions={"Reliability": ["q05", "q06"]})
    # per respondent: perceived (4+6)/2 = 5, (5+5)/2 = 5 -> 5; adequate 3.5, 4 -> 3.75; MSA 1.25
    assert by_dim.loc[0, "msa"] == pytest.approx(1.25)


def test_dimension_alpha_is_cronbach_alpha_per_dimension():
    rng = np.random.default_rng(5)
    P = pd.DataFrame(np.clip(rng.integers(3, 8, size=(40, 1)) + rng.integers(-1, 2, size=(40, 22)),
                             1, 7), columns=Q)
    table = servqual.dimension_alpha(P, scale=(1, 7)).set_index("dimension")
    for d, items in servqual.DIMENSION_ITEMS.items():
        assert table.loc[d, "alpha"] == pytest.approx(float(servqual.cronbach_alpha(P[list(items)])),
                                                      abs=1e-12)


# ---------------------------------------------------------------------------------------------
# Bad input: one test each.
E_SMALL = pd.DataFrame({"q01": [7, 5, 6], "q02": [6, 6, 2]}, index=["a", "b", "c"])
P_SMALL = pd.DataFrame({"q01": [5, 6, 4], "q02": [7, 3, 1]}, index=["a", "b", "c"])


def test_tables_of_different_shape():
    with pytest.raises(InputError, match=r"same respondents \(row labels\), but only in the expectations table: 'c'"):
        servqual.gaps(E_SMALL, P_SMALL.iloc[:2])


def test_tables_with_mismatched_columns():
    with pytest.raises(InputError, match=r"same item columns, but only in the expectations table: 'q02'; only in the "
                                          r"perceptions table: 'Q02'\. Allowed: the same"):
        servqual.gaps(E_SMALL, P_SMALL.rename(columns={"q02": "Q02"}))


def test_tables_with_different_row_labels():
    with pytest.raises(InputError, match=r"same respondents.*only in the perceptions table: 'z'"):
        servqual.gaps(E_SMALL, P_SMALL.rename(index={"c": "z"}))


def test_ratings_outside_the_scale():
    P = P_SMALL.copy()
    P.loc["b", "q02"] = 9
    with pytest.raises(InputError, match=r"perceptions table's column 'q02'.*row 'b': 9.*from 1 to 7"):
        servqual.gaps(E_SMALL, P)


def test_ratings_outside_a_declared_five_point_scale():
    with pytest.raises(InputError, match=r"expectations table's column 'q01'.*row 'a': 7.*from 1 to 5"):
        servqual.gaps(E_SMALL, P_SMALL, scale=(1, 5))


def test_text_ratings():
    P = P_SMALL.astype(object)
    P.loc["c", "q01"] = "good"
    with pytest.raises(InputError, match=r"'q01'.*row 'c': 'good'.*numbers"):
        servqual.gaps(E_SMALL, P)


def test_weights_not_summing_to_100():
    survey = SURVEY.copy()
    survey.loc["bo", "w_empathy"] = 30  # bo's points now add up to 110
    with pytest.raises(InputError, match=r"do not add up to 100 for 1 respondents.*row 'bo': 110"):
        servqual.score(survey, weights=True)


def test_negative_weights():
    survey = SURVEY.copy()
    survey.loc["ann", ["w_tangibles", "w_reliability"]] = [-10, 60]
    with pytest.raises(InputError, match=r"points below 0.*row 'ann': -10"):
        servqual.score(survey, weights=True)


def test_weights_missing_a_dimension():
    with pytest.raises(InputError, match=r"no column 'w_empathy'"):
        servqual.score(SURVEY, weights=SURVEY.drop(columns=["w_empathy"]))


def test_survey_missing_a_column():
    with pytest.raises(InputError, match=r"no expectation columns 'E_q22'"):
        servqual.dimension_gaps(SURVEY.drop(columns=["E_q22"]))


def test_an_empty_table():
    with pytest.raises(InputError, match="empty"):
        servqual.gaps(E_SMALL.iloc[:0], P_SMALL.iloc[:0])


def test_dimension_gaps_without_the_standard_items():
    with pytest.raises(InputError, match=r"no item columns 'q03'.*dimensions="):
        servqual.dimension_gaps(E_SMALL, P_SMALL)


def test_zone_by_an_unknown_option():
    with pytest.raises(InputError, match=r"by='respondent' is not an option"):
        servqual.zone_of_tolerance(E_SMALL, E_SMALL, P_SMALL, by="respondent")


# ---------------------------------------------------------------------------------------------
# Figures.
def test_gap_plot_draws_the_gaps_with_hatched_shortfalls():
    import matplotlib.pyplot as plt

    table = servqual.dimension_gaps(SURVEY)
    ax = servqual.plot_gaps(table)
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == pytest.approx(table["gap"].tolist())
    assert all(bar.get_hatch() == "//" for bar in ax.patches if bar.get_width() < 0)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(servqual.DIMENSIONS)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    plt.close(ax.figure)


def test_gap_plot_of_groups_draws_one_bar_per_group_and_dimension():
    import matplotlib.pyplot as plt

    survey = SURVEY.assign(hotel=["Downtown", "Lakeside"])
    table = servqual.dimension_gaps(survey, by="hotel")
    ax = servqual.plot_gaps(table)
    assert len(ax.patches) == 10
    assert sorted(bar.get_width() for bar in ax.patches) == pytest.approx(sorted(ANN + BO))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Downtown", "Lakeside"]
    hatches = {bar.get_hatch() or "" for bar in ax.patches}
    assert len(hatches) >= 2  # the groups differ by pattern, not by colour alone
    plt.close(ax.figure)


def test_profile_plot_draws_item_means():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    assert servqual.plot_profile(SURVEY, ax=ax) is ax
    expectation, perception = ax.get_lines()[:2]
    assert expectation.get_ydata().tolist() == pytest.approx([6.5] * 22)
    assert perception.get_ydata()[0] == pytest.approx(4.0)  # q01: (5 + 3)/2
    assert expectation.get_marker() != perception.get_marker()
    plt.close(fig)


def test_zone_plot_marks_position_by_shape():
    import matplotlib.pyplot as plt

    A = pd.DataFrame({"q01": [4, 5], "q05": [5, 6]})
    D = pd.DataFrame({"q01": [6, 7], "q05": [7, 7]})
    P = pd.DataFrame({"q01": [5, 5], "q05": [4, 5]})
    ax = servqual.plot_zone(servqual.zone_of_tolerance(A, D, P))
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    assert labels == {"Zone of tolerance", "Perceived: within the zone", "Perceived: below the zone"}
    shapes = {c.get_label(): c.get_paths()[0].vertices.round(3).tobytes() for c in ax.collections}
    assert shapes["Perceived: within the zone"] != shapes["Perceived: below the zone"]
    plt.close(ax.figure)
