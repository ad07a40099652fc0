"""coursekit.kano: the evaluation table, the per-feature statistics, answer reading, bad input."""
from __future__ import annotations

import math
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit import InputError, MissingDataWarning, kano
from coursekit.kano.answers import _clean

matplotlib.use("Agg")

# ---------------------------------------------------------------------------------------------
# The evaluation table, cell by cell, copied by hand from methods.md section 3
# (rows = functional answer, columns = dysfunctional answer).
EXPECTED_CELLS = [
    ("like", "like", "Q"), ("like", "must-be", "A"), ("like", "neutral", "A"),
    ("like", "live-with", "A"), ("like", "dislike", "O"),
    ("must-be", "like", "R"), ("must-be", "must-be", "I"), ("must-be", "neutral", "I"),
    ("must-be", "live-with", "I"), ("must-be", "dislike", "M"),
    ("neutral", "like", "R"), ("neutral", "must-be", "I"), ("neutral", "neutral", "I"),
    ("neutral", "live-with", "I"), ("neutral", "dislike", "M"),
    ("live-with", "like", "R"), ("live-with", "must-be", "I"), ("live-with", "neutral", "I"),
    ("live-with", "live-with", "I"), ("live-with", "dislike", "M"),
    ("dislike", "like", "R"), ("dislike", "must-be", "R"), ("dislike", "neutral", "R"),
    ("dislike", "live-with", "R"), ("dislike", "dislike", "Q"),
]
CODE = {"like": 1, "must-be": 2, "neutral": 3, "live-with": 4, "dislike": 5}
CHINESE = {"like": "喜欢", "must-be": "理应如此", "neutral": "无所谓", "live-with": "能忍受",
           "dislike": "不喜欢"}


def test_the_table_has_exactly_the_25_cells():
    assert len(EXPECTED_CELLS) == 25
    assert kano.EVALUATION_TABLE.shape == (5, 5)
    assert list(kano.EVALUATION_TABLE.index) == list(CODE)
    assert list(kano.EVALUATION_TABLE.columns) == list(CODE)


@pytest.mark.parametrize("functional, dysfunctional, category", EXPECTED_CELLS)
def test_evaluation_table_cell(functional, dysfunctional, category):
    assert kano.EVALUATION_TABLE.loc[functional, dysfunctional] == category
    assert kano.classify(functional, dysfunctional) == category
    assert kano.classify(CODE[functional], CODE[dysfunctional]) == category
    assert kano.classify(CHINESE[functional], CHINESE[dysfunctional]) == category


def test_classify_keeps_the_shape_of_its_input():
    f = pd.Series([1, 2, 5], index=["x", "y", "z"])
    d = pd.Series(["dislike", "dislike", "like"], index=["x", "y", "z"])
    result = kano.classify(f, d)
    assert isinstance(result, pd.Series)
    assert list(result.index) == ["x", "y", "z"]
    assert result.tolist() == ["O", "M", "R"]
    array = kano.classify(np.array([1, 3]), np.array([3, 3]))
    assert isinstance(array, np.ndarray) and array.tolist() == ["A", "I"]
    assert kano.classify([1], [5]).tolist() == ["O"]


def test_classify_leaves_a_pair_with_a_missing_answer_without_category_and_warns():
    with pytest.warns(MissingDataWarning, match=r"1 of 3 answer pairs .*\(row 1\)"):
        result = kano.classify(pd.Series([1, None, 3]), pd.Series([5, 5, 3]))
    assert result.iloc[0] == "O" and pd.isna(result.iloc[1]) and result.iloc[2] == "I"


# ---------------------------------------------------------------------------------------------
# Hand-computed summaries.
PAIR_OF = {"A": (1, 3), "O": (1, 5), "M": (2, 5), "I": (3, 3), "R": (5, 1), "Q": (1, 1)}


def answers_with_counts(**counts_by_feature) -> pd.DataFrame:
    """Raw answer rows that produce the given category counts per feature."""
    rows = []
    for feature, counts in counts_by_feature.items():
        for letter, count in counts.items():
            rows += [(feature, *PAIR_OF[letter])] * count
    return pd.DataFrame(rows, columns=["attribute", "functional", "dysfunctional"])


def test_summary_of_a_clear_feature_by_hand():
    data = answers_with_counts(wifi=dict(A=12, O=5, M=2, I=1))
    row = kano.summarize(data).iloc[0]
    assert (row.A, row.O, row.M, row.I, row.R, row.Q, row.n) == (12, 5, 2, 1, 0, 0, 20)
    assert row.category == "A"
    assert row.better == pytest.approx(17 / 20)            # (A+O)/(A+O+M+I) = 17/20 = 0.85
    assert row.worse == pytest.approx(-7 / 20)             # -(O+M)/(A+O+M+I) = -7/20 = -0.35
    assert row.total_strength == pytest.approx(19 / 20)    # (A+O+M)/n = 19/20 = 0.95
    assert row.category_strength == pytest.approx(7 / 20)  # 12/20 - 5/20 = 0.35
    # Fong: a=12, b=5, n=20: 1.65*sqrt(17*(40-17)/40) = 1.65*sqrt(9.775) = 5.159; |12-5| = 7 >= 5.159
    assert bool(row.fong_significant) is True


def test_summary_where_fong_says_not_significant_by_hand():
    data = answers_with_counts(lounge=dict(A=6, O=5, M=4, I=3, R=1, Q=1))
    row = kano.summarize(data).iloc[0]
    assert row.n == 20 and row.category == "A"
    assert row.better == pytest.approx(11 / 18)             # (6+5)/(6+5+4+3) = 0.6111
    assert row.worse == pytest.approx(-9 / 18)              # -(5+4)/18 = -0.5 (R, Q left out)
    assert row.total_strength == pytest.approx(15 / 20)     # (6+5+4)/20 = 0.75 (n counts R, Q)
    assert row.category_strength == pytest.approx(1 / 20)   # 6/20 - 5/20 = 0.05
    # Fong: a=6, b=5, n=20: 1.65*sqrt(11*29/40) = 1.65*2.824 = 4.660; |6-5| = 1 < 4.660
    assert bool(row.fong_significant) is False


@pytest.mark.parametrize("a, b, significant", [
    # n = 20 (the rest indifferent). a=11, b=5: 1.65*sqrt(16*24/40) = 1.65*3.0984 = 5.112 <= 6
    (11, 5, True),
    # a=10, b=5: 1.65*sqrt(15*25/40) = 1.65*3.0619 = 5.052 > 5, so not significant
    (10, 5, False),
])
def test_fong_just_either_side_of_the_threshold_by_hand(a, b, significant):
    # Both cases sit within 0.12 of the bar, so a wrong constant (1.64, 1.96) or formula fails.
    row = kano.summarize(answers_with_counts(f=dict(A=a, O=b, I=20 - a - b))).iloc[0]
    assert row.n == 20 and bool(row.fong_significant) is significant


def test_fong_on_a_small_unanimous_sample_by_hand():
    # n=1, a=1, b=0: 1.65*sqrt(1*1/2) = 1.167 > 1, so one answer cannot be significant;
    # n=2, a=2, b=0: 1.65*sqrt(2*2/4) = 1.65 <= 2, significant.
    one = kano.summarize(answers_with_counts(x=dict(M=1))).iloc[0]
    two = kano.summarize(answers_with_counts(x=dict(M=2))).iloc[0]
    assert not one.fong_significant and two.fong_significant


@pytest.mark.parametrize("counts, winner", [
    (dict(A=3, O=3, M=3, I=3), "M"),
    (dict(A=3, O=3, I=3), "O"),
    (dict(A=3, I=3), "A"),
    (dict(I=3, R=3), "I"),
    (dict(R=3, Q=3), "R"),
    (dict(A=2, Q=3), "Q"),  # no tie: the most frequent wins even if it is Q
])
def test_tie_rule_prefers_m_then_o_a_i_r_q(counts, winner):
    row = kano.summarize(answers_with_counts(f=counts)).iloc[0]
    assert row.category == winner
    tied = len(set(counts.values())) == 1
    assert (row.category_strength == 0) == tied


def test_better_and_worse_are_missing_when_only_r_and_q_were_answered():
    row = kano.summarize(answers_with_counts(odd=dict(R=2, Q=1))).iloc[0]
    assert math.isnan(row.better) and math.isnan(row.worse)
    assert row.total_strength == 0 and row.category == "R"


def test_worse_is_zero_not_minus_zero():
    row = kano.summarize(answers_with_counts(f=dict(A=4))).iloc[0]
    assert row.worse == 0 and not math.copysign(1, row.worse) < 0


def test_summary_columns_and_order_are_the_documented_ones():
    data = answers_with_counts(b=dict(A=1), a=dict(M=1))
    table = kano.summarize(data)
    assert list(table.columns) == ["attribute", "A", "O", "M", "I", "R", "Q", "n", "category",
                                   "category_close_call", "better", "worse", "total_strength",
                                   "category_strength", "fong_significant"]
    assert table["attribute"].tolist() == ["b", "a"]  # order of first appearance
    renamed = kano.summarize(data.rename(columns={"attribute": "feature"}), attribute="feature")
    assert renamed.columns[0] == "feature"


def test_categorical_features_keep_category_order_and_drop_unused_ones():
    data = answers_with_counts(b=dict(A=1), a=dict(M=1))
    data["attribute"] = pd.Categorical(data["attribute"], categories=["a", "unused", "b"])
    assert kano.summarize(data)["attribute"].tolist() == ["a", "b"]


def test_summarize_counts_agrees_with_summarize():
    data = answers_with_counts(x=dict(A=5, O=3, M=1, I=1), y=dict(M=7, O=2, Q=1))
    counts = pd.DataFrame({"A": [5, 0], "O": [3, 2], "M": [1, 7], "I": [1, 0], "R": [0, 0],
                           "Q": [0, 1]}, index=["x", "y"])
    pd.testing.assert_frame_equal(kano.summarize_counts(counts), kano.summarize(data),
                                  check_dtype=False)


# ---------------------------------------------------------------------------------------------
# Invariants over random answers.
def naive_counts(data: pd.DataFrame) -> dict:
    """An independent count: walk the rows and read the table through its labels."""
    names = list(CODE)
    out: dict = {}
    for attribute, f, d in data.itertuples(index=False):
        letter = kano.EVALUATION_TABLE.loc[names[f - 1], names[d - 1]]
        out.setdefault(attribute, dict.fromkeys(kano.CATEGORIES, 0))[letter] += 1
    return out


answer_tables = st.lists(
    st.tuples(st.sampled_from(["wifi", "bar", "gym"]), st.integers(1, 5), st.integers(1, 5)),
    min_size=1, max_size=60,
).map(lambda rows: pd.DataFrame(rows, columns=["attribute", "functional", "dysfunctional"]))


@settings(max_examples=150, deadline=None)
@given(answer_tables, st.randoms(use_true_random=False))
def test_invariants_on_random_answers(data, rnd):
    table = kano.summarize(data).set_index("attribute").sort_index()
    counts = table[list(kano.CATEGORIES)]
    assert (counts.sum(axis=1) == table["n"]).all()
    assert (table["n"] == data.groupby("attribute").size().sort_index()).all()
    for attribute, expected in naive_counts(data).items():
        assert counts.loc[attribute].to_dict() == expected
    better, worse = table["better"].dropna(), table["worse"].dropna()
    assert ((better >= 0) & (better <= 1)).all()
    assert ((worse >= -1) & (worse <= 0)).all()
    assert ((table["category_strength"] >= 0) & (table["category_strength"] <= 1)).all()
    # The top category really is the most frequent one.
    top = [counts.loc[a, c] for a, c in table["category"].items()]
    assert (np.array(top) == counts.max(axis=1).to_numpy()).all()
    # Shuffling the respondents changes nothing but the order of first appearance.
    order = list(range(len(data)))
    rnd.shuffle(order)
    shuffled = kano.summarize(data.iloc[order]).set_index("attribute").sort_index()
    pd.testing.assert_frame_equal(table, shuffled)


# ---------------------------------------------------------------------------------------------
# Reading answers.
def test_no_spelling_is_listed_under_two_codes():
    seen = {}
    for code, spellings in kano.ANSWER_VARIANTS.items():
        for spelling in spellings:
            assert seen.setdefault(_clean(spelling), code) == code, spelling


@pytest.mark.parametrize("text, code", [
    ("Must be", 2), ("must_be", 2), ("MUST-BE", 2), ("LIVE WITH", 4), ("live_with", 4),
    ("  Like ", 1), ("I like it", 1), ("expect it", 2), ("can live with it", 4), ("tolerate", 4),
    ("Neutral.", 3), ("1 - Like", 1), ("我喜欢", 1), ("很喜欢", 1), ("必须这样", 2), ("应该的", 2),
    ("理所当然", 2), ("没感觉", 3), ("中立", 3), ("可以忍受", 4), ("勉强接受", 4), ("我不喜欢", 5),
    ("讨厌", 5), ("不喜欢", 5), ("喜欢", 1), ("３", 3), ("4", 4),
])
def test_common_spellings_are_understood(text, code):
    assert kano.to_codes([text]).tolist() == [code]


def test_codes_english_and_chinese_give_identical_summaries():
    rng = np.random.default_rng(11)
    f, d = rng.integers(1, 6, size=300), rng.integers(1, 6, size=300)
    attribute = rng.choice(["wifi", "late checkout", "breakfast"], size=300)
    english = np.array(list(CODE))
    chinese = np.array([CHINESE[w] for w in CODE])
    by_code = kano.summarize(pd.DataFrame({"attribute": attribute, "functional": f,
                                           "dysfunctional": d}))
    for words in (english, chinese):
        for dtype in (object, "str", "category"):
            table = pd.DataFrame({"attribute": pd.Series(attribute, dtype=dtype),
                                  "functional": pd.Series(words[f - 1], dtype=dtype),
                                  "dysfunctional": pd.Series(words[d - 1], dtype=dtype)})
            result = kano.summarize(table)
            if dtype == "category":  # Categorical features come out in category (sorted) order
                result = result.set_index("attribute").loc[by_code["attribute"]].reset_index()
            pd.testing.assert_frame_equal(result, by_code, check_dtype=False)


def test_mixed_spellings_and_number_types_read_alike():
    words = pd.Series(["Must be", "理所当然", 2, "2", 2.0, "must_be"], dtype=object)
    assert kano.to_codes(words).tolist() == [2] * 6
    assert kano.to_codes(pd.Series([1, None, 5], dtype="Int64")).tolist() == [1, pd.NA, 5]
    assert kano.to_codes(pd.Series([1.0, np.nan])).tolist() == [1, pd.NA]


def test_continuous_scores_by_hand():
    data = pd.DataFrame({"attribute": ["wifi"] * 3 + ["bar"] * 2,
                         "functional": ["like", "must-be", "dislike", "neutral", "live-with"],
                         "dysfunctional": ["neutral", "dislike", "like", "live-with", "must-be"],
                         "importance": [9, 7, 5, 2, 4]})
    table = kano.continuous_scores(data, importance="importance").set_index("attribute")
    # wifi functional: like 4, must-be 2, dislike -2 -> 4/3; dysfunctional: 0 + 4 - 2 -> 2/3
    assert table.loc["wifi", "functional_score"] == pytest.approx(4 / 3)
    assert table.loc["wifi", "dysfunctional_score"] == pytest.approx(2 / 3)
    assert table.loc["wifi", "importance"] == pytest.approx(7)
    # bar functional: neutral 0, live-with -1 -> -0.5; dysfunctional: live-with 2, must-be -1 -> 0.5
    assert table.loc["bar", "functional_score"] == pytest.approx(-0.5)
    assert table.loc["bar", "dysfunctional_score"] == pytest.approx(0.5)
    assert table.loc["bar", "n"] == 2


def test_continuous_scores_set_aside_rows_missing_importance():
    data = pd.DataFrame({"attribute": ["a", "a"], "functional": [1, 2],
                         "dysfunctional": [3, 5], "importance": [4.0, None]})
    with pytest.warns(MissingDataWarning, match="1 of 2 answer pairs"):
        table = kano.continuous_scores(data, importance="importance")
    assert table.loc[0, "n"] == 1 and table.loc[0, "functional_score"] == 4


def test_stack_answers_round_trip():
    wide = pd.DataFrame({"id": ["r1", "r2"], "F_wifi": [1, 2], "D_wifi": [5, 5],
                         "F_bar": [3, 1], "D_bar": [3, 3]})
    long = kano.stack_answers(wide, respondent="id")
    assert long["respondent"].tolist() == ["r1", "r1", "r2", "r2"]
    back = long.pivot(index="respondent", columns="attribute", values="functional")
    assert back.loc["r2", "wifi"] == 2 and back.loc["r1", "bar"] == 3
    # wifi: (1,5)=O and (2,5)=M, a tie won by M; bar: (3,3)=I and (1,3)=A, a tie won by A.
    assert kano.summarize(long).set_index("attribute")["category"].to_dict() == \
        {"wifi": "M", "bar": "A"}


# ---------------------------------------------------------------------------------------------
# Bad input: one test each.
def good_table():
    return pd.DataFrame({"attribute": ["wifi", "wifi", "bar"], "functional": [1, 2, 3],
                         "dysfunctional": [5, 5, 3]}, index=["r1", "r2", "r3"])


def test_a_word_that_is_not_an_answer():
    data = good_table().astype({"functional": object})
    data.loc["r2", "functional"] = "maybe"
    with pytest.raises(InputError, match=r"'functional'.*row 'r2': 'maybe'.*Allowed: the codes 1-5"):
        kano.summarize(data)


@pytest.mark.parametrize("bad", [6, 0])
def test_a_code_outside_1_to_5(bad):
    data = good_table()
    data.loc["r3", "dysfunctional"] = bad
    with pytest.raises(InputError, match=rf"'dysfunctional'.*row 'r3': {bad}\b.*Allowed: the codes 1-5"):
        kano.summarize(data)


def test_a_fractional_code():
    data = good_table().astype({"functional": float})
    data.loc["r1", "functional"] = 2.5
    with pytest.raises(InputError, match=r"'functional'.*row 'r1': 2\.5.*Allowed"):
        kano.summarize(data)


def test_a_missing_column():
    with pytest.raises(InputError, match=r"no column 'dysfunctional'.*did you mean 'dysfunc'"):
        kano.summarize(good_table().rename(columns={"dysfunctional": "dysfunc"}))


def test_an_empty_table():
    with pytest.raises(InputError, match="empty"):
        kano.summarize(good_table().iloc[:0])


def test_missing_answers_are_set_aside_and_counted_in_a_warning():
    data = good_table().astype({"functional": float})
    data.loc["r2", "functional"] = np.nan
    with pytest.warns(MissingDataWarning, match=r"1 of 3 answer pairs was set aside .*'r2'"):
        table = kano.summarize(data).set_index("attribute")
    assert table.loc["wifi", "n"] == 1 and table.loc["wifi", "O"] == 1
    assert table[list(kano.CATEGORIES)].to_numpy().sum() == 2


def test_every_answer_missing():
    data = good_table().astype({"functional": float})
    data["functional"] = np.nan
    with pytest.raises(InputError, match="nothing is left"):
        kano.summarize(data)


def test_a_row_without_a_feature_name():
    data = good_table()
    data.loc["r3", "attribute"] = None
    with pytest.raises(InputError, match=r"'attribute'.*row 'r3'.*feature name"):
        kano.summarize(data)


def test_classify_pairs_of_different_lengths():
    with pytest.raises(InputError, match="3 functional answers but 2 dysfunctional"):
        kano.classify([1, 2, 3], [5, 5])


def test_classify_a_missing_single_answer():
    with pytest.raises(InputError, match="functional answer is missing"):
        kano.classify(None, 5)


def test_negative_counts():
    counts = pd.DataFrame({"A": [1, -2], "O": [0, 0], "M": [0, 0], "I": [0, 0], "R": [0, 0],
                           "Q": [0, 0]}, index=["x", "y"])
    with pytest.raises(InputError, match=r"'A'.*row 'y': -2.*whole numbers 0 or more"):
        kano.summarize_counts(counts)


def test_a_feature_with_only_one_question():
    with pytest.raises(InputError, match=r"no partner: 'F_bar'.*Allowed"):
        kano.stack_answers(pd.DataFrame({"F_wifi": [1], "D_wifi": [5], "F_bar": [3]}))


# ---------------------------------------------------------------------------------------------
# Figures.
@pytest.mark.parametrize("font_available", [True, False])
def test_better_worse_plot_has_labels_and_lines_and_chinese_only_with_a_cjk_font(
        font_available, monkeypatch):
    import matplotlib.pyplot as plt

    from coursekit import style

    if font_available and style.cjk_font() is None:
        pytest.fail("no CJK font is installed (Debian: apt-get install fonts-noto-cjk; CI and "
                    "Binder install it), so Chinese labels would be drawn as boxes")
    if not font_available:
        monkeypatch.setattr(style, "_CJK", {"checked": True, "font": None})
    data = answers_with_counts(wifi=dict(A=6, O=2), 早餐=dict(M=5, O=1))
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing-glyph warning would fail here
        out = kano.plot_better_worse(kano.summarize(data), ax=ax)
        fig.canvas.draw()
    assert out is ax
    assert ax.get_title() and ax.get_xlabel().startswith("|Worse|") and ax.get_ylabel()
    texts = [t.get_text() for t in ax.texts]
    second = "早餐" if font_available else "#2"
    assert "wifi" in texts and second in texts
    if not font_available:
        assert not any("早" in t for t in texts)
    xy = {t.get_text(): t.xy for t in ax.texts if t.get_text() in ("wifi", second)}
    assert xy["wifi"] == pytest.approx((2 / 8, 1.0))     # |Worse| = O/(A+O) = 2/8, Better = 1
    assert xy[second] == pytest.approx((1.0, 1 / 6))     # |Worse| = 6/6, Better = 1/6
    markers = {h.get_label() for h in ax.get_legend().legend_handles}
    assert markers == {"Attractive (A)", "Must-be (M)"}
    plt.close(fig)


def test_continuous_plot_places_points_on_the_scores():
    import matplotlib.pyplot as plt

    scores = pd.DataFrame({"attribute": ["a", "b"], "functional_score": [3.0, -1.0],
                           "dysfunctional_score": [0.5, 2.0], "n": [3, 3],
                           "importance": [10.0, 5.0]})
    ax = kano.plot_continuous(scores)
    offsets = ax.collections[0].get_offsets()
    assert np.allclose(offsets, [[0.5, 3.0], [2.0, -1.0]])  # x = dysfunctional, y = functional
    sizes = ax.collections[0].get_sizes()
    assert sizes[0] > sizes[1]  # more important, bigger
    assert ax.get_xlabel().startswith("Mean dysfunctional") and ax.get_title()
    plt.close(ax.figure)


# The worked example in the README of the R package stp25kano (five features, 296 answers each):
# counts, the plain most frequent category, the M > O > A > I close-call rule, total and
# category strength, CS+ (Better), CS- (Worse) and Fong's test, as published.
STP25KANO = pd.DataFrame(
    {"M": [95, 101, 15, 65, 9], "O": [123, 54, 24, 87, 18], "A": [45, 54, 121, 93, 83],
     "I": [33, 81, 124, 51, 177], "R": [0, 3, 6, 0, 6], "Q": [0, 3, 6, 0, 3]},
    index=["Service app", "Excellent service", "Hotline", "Loan machine", "Ready-to-use return"])


def test_reproduces_the_stp25kano_worked_example():
    table = kano.summarize_counts(STP25KANO).set_index("attribute")
    assert table["n"].tolist() == [296] * 5
    assert table["category"].tolist() == ["O", "M", "I", "A", "I"]
    assert table["category_close_call"].tolist() == ["O", "M", "A", "O", "I"]
    assert table.loc["Hotline", "category_close_call"] == "A"
    assert table.loc["Loan machine", "category_close_call"] == "O"
    assert table["fong_significant"].tolist() == [True, True, False, False, True]
    np.testing.assert_allclose(table["total_strength"] * 100, [89, 71, 54, 83, 37], atol=0.5)
    np.testing.assert_allclose(table["category_strength"] * 100, [9, 7, 1, 2, 32], atol=0.5)
    np.testing.assert_allclose(table["better"], [0.568, 0.372, 0.511, 0.608, 0.352], atol=5e-4)
    np.testing.assert_allclose(table["worse"], [-0.736, -0.534, -0.137, -0.514, -0.094], atol=5e-4)


def test_fong_thresholds_match_the_published_ones():
    from coursekit.kano.stats import FONG_Z

    published = {"Service app": 19.4, "Excellent service": 18.5, "Hotline": 19.8,
                 "Loan machine": 18.5, "Ready-to-use return": 19.9}
    for name, threshold in published.items():
        a, b = sorted(STP25KANO.loc[name, ["A", "O", "M", "I", "R", "Q"]], reverse=True)[:2]
        n = STP25KANO.loc[name].sum()
        assert abs(FONG_Z * np.sqrt((a + b) * (2 * n - a - b) / (2 * n)) - threshold) < 0.05


@given(st.lists(st.integers(0, 60), min_size=6, max_size=6))
def test_close_call_is_one_of_the_top_two_and_only_differs_when_not_significant(counts):
    row = pd.DataFrame([counts], columns=list(kano.CATEGORIES))
    out = kano.summarize_counts(row).iloc[0]
    if out["n"] == 0:
        return
    if out["fong_significant"]:
        assert out["category_close_call"] == out["category"]
    else:
        top_two = sorted(counts, reverse=True)[:2]
        assert counts[kano.CATEGORIES.index(out["category_close_call"])] in top_two
        rank = kano.TIE_ORDER.index
        assert rank(out["category_close_call"]) <= rank(out["category"])
