"""Lesson 05's KANO tools: one feature's answer grid, comparing segments and waves, the decision
order and the roadmap, and the feature explorer. By-hand examples, round trips against
summarize(), invariants (hypothesis), the planted migrations and segment disagreements of the
case data, and one test per bad input."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

import coursekit as ck  # noqa: E402
from casegen import kano as planted  # noqa: E402
from coursekit import InputError, MissingDataWarning  # noqa: E402

LETTER = {"must-be": "M", "one-dimensional": "O", "attractive": "A", "indifferent": "I",
          "reverse": "R"}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def hotel():
    return ck.datasets.load("hotel_kano")


@pytest.fixture(scope="module")
def waves():
    return {"2023": ck.datasets.load("ecommerce_kano_2023"), "2025": ck.datasets.load("ecommerce_kano")}


def pairs(feature, *groups):
    """Answer pairs: groups of (functional, dysfunctional, how many)."""
    rows = [(feature, f, d) for f, d, k in groups for _ in range(k)]
    return pd.DataFrame(rows, columns=["attribute", "functional", "dysfunctional"])


# --- the answer grid ------------------------------------------------------------------------

def test_the_grid_counts_pairs_cell_by_cell_by_hand():
    answers = pd.concat([pairs("wifi", ("like", "dislike", 3), ("must-be", "dislike", 2),
                               ("like", "neutral", 1), ("dislike", "like", 1)),
                         pairs("gym", ("neutral", "neutral", 4))])
    grid = ck.kano.answer_grid(answers, "wifi")
    assert grid.shape == (5, 5) and int(grid.to_numpy().sum()) == 7
    assert grid.loc["like", "dislike"] == 3 and grid.loc["must-be", "dislike"] == 2
    assert grid.loc["like", "neutral"] == 1 and grid.loc["dislike", "like"] == 1
    assert list(grid.index) == list(ck.kano.ANSWERS) == list(grid.columns)


def test_grid_cells_add_up_to_summarize_s_counts_for_every_case_feature(hotel):
    from coursekit.kano.explore import grid_counts

    summary = ck.kano.summarize(hotel).set_index("attribute")
    for feature in summary.index:
        counts = grid_counts(ck.kano.answer_grid(hotel, feature)).iloc[0]
        assert counts.to_dict() == summary.loc[feature, list(ck.kano.CATEGORIES)].to_dict(), feature


def test_the_grid_sets_aside_pairs_with_a_missing_answer():
    answers = pairs("wifi", ("like", "dislike", 2))
    answers.loc[1, "dysfunctional"] = None
    with pytest.warns(MissingDataWarning, match="1 of 2 answer pairs"):
        grid = ck.kano.answer_grid(answers, "wifi")
    assert int(grid.to_numpy().sum()) == 1


def test_an_unknown_feature_is_refused_with_the_features_there_are():
    with pytest.raises(InputError, match="feature='pool' is not an option. Allowed: 'wifi'"):
        ck.kano.answer_grid(pairs("wifi", ("like", "dislike", 1)), "pool")


def test_the_grid_plot_writes_every_letter_and_count_and_labels_both_axes(hotel):
    grid = ck.kano.answer_grid(hotel, "breakfast included")
    ax = ck.kano.plot_answer_grid(grid, title="Breakfast")
    texts = [t.get_text() for t in ax.texts]
    assert texts[0::2] == list(ck.kano.EVALUATION_TABLE.to_numpy().ravel())
    assert [int(t) for t in texts[1::2]] == list(grid.to_numpy().ravel())
    assert ax.get_ylabel().startswith("Functional") and ax.get_title() == "Breakfast"


def test_the_grid_plot_refuses_anything_but_a_grid_of_counts(hotel):
    grid = ck.kano.answer_grid(hotel, "gym")
    with pytest.raises(InputError, match="5 × 5 answer grid"):
        ck.kano.plot_answer_grid(grid.iloc[:4])
    with pytest.raises(InputError, match="A table is needed"):
        ck.kano.plot_answer_grid(grid.to_numpy())
    with pytest.raises(InputError, match="Column 'dislike' has entries that are not counts"):
        ck.kano.plot_answer_grid(grid.assign(dislike=[1, 2, -3, 4, 5]))


# --- comparing segments and waves -----------------------------------------------------------

def test_compare_by_hand_same_differ_unclear():
    a = pd.concat([pairs("tracking", ("like", "dislike", 30), ("must-be", "dislike", 5)),
                   pairs("wifi", ("must-be", "dislike", 30), ("like", "dislike", 5)),
                   pairs("casting", ("like", "neutral", 12), ("neutral", "neutral", 10))])
    b = pd.concat([pairs("tracking", ("like", "dislike", 5), ("must-be", "dislike", 30)),
                   pairs("wifi", ("must-be", "dislike", 30), ("like", "dislike", 4)),
                   pairs("casting", ("like", "neutral", 10), ("neutral", "neutral", 12))])
    table = ck.kano.compare({"new": a, "loyal": b}).set_index("attribute")
    assert table.loc["tracking", ["category_new", "category_loyal"]].tolist() == ["O", "M"]
    assert table["pattern"].to_dict() == {"tracking": "differ", "wifi": "same", "casting": "unclear"}
    assert table.loc["tracking", "life_cycle_step"] == 1            # O -> M: one step on
    assert table.loc["casting", "life_cycle_step"] == -1           # A -> I: one step back
    assert table.loc["tracking", "better_change"] == pytest.approx(5 / 35 - 30 / 35)
    assert table.loc["wifi", "worse_change"] == pytest.approx(-1 - -1)
    assert table.attrs["groups"] == ["new", "loyal"]


def test_one_table_with_by_gives_the_same_as_a_dict_of_tables(hotel):
    by_column = ck.kano.compare(hotel, by="segment")
    by_dict = ck.kano.compare({s: hotel[hotel["segment"] == s] for s in ("business", "leisure")})
    pd.testing.assert_frame_equal(by_column, by_dict)


def test_three_groups_have_no_change_columns():
    data = pd.concat([pairs("x", ("like", "dislike", 5)).assign(g=g) for g in "abc"])
    table = ck.kano.compare(data, by="g")
    assert "life_cycle_step" not in table and "category_c" in table


def test_the_planted_migrations_are_recovered_and_the_rest_kept(waves):
    table = ck.kano.compare(waves).set_index("attribute")
    for feature in table.index:
        if feature not in planted.MIGRATIONS:      # planted unchanged
            assert table.loc[feature, "pattern"] == "same", feature
            assert abs(table.loc[feature, "worse_change"]) < 0.1, feature
    clear = {"real-time order tracking": ("O", "M"), "free returns": ("A", "O"),
             "price-protection refund": ("I", "A")}
    for feature, (before, after) in clear.items():
        row = table.loc[feature]
        assert (row["category_2023"], row["category_2025"]) == (before, after), feature
        assert row["pattern"] == "differ" and row["life_cycle_step"] == 1, feature
    # the features planted as contested in 2025 cannot be called either way
    for feature in ("delivery within 24 hours", "AR try-on", "chatbot as first contact"):
        assert table.loc[feature, "pattern"] == "unclear", feature
    # as a feature becomes expected, its absence hurts more (Worse grows in size)
    for feature in ("real-time order tracking", "free returns", "delivery within 24 hours"):
        assert table.loc[feature, "worse_change"] < -0.1, feature
    # every move is along the life cycle, never back
    assert (table["life_cycle_step"].dropna() >= 0).all()


@pytest.mark.parametrize("name", ["hotel_kano", "ecommerce_kano"])
def test_the_segments_disagree_exactly_where_it_was_planted(name):
    data = ck.datasets.load(name)
    table = ck.kano.compare(data, by="segment").set_index("attribute")
    disagree = set(table.index[table["pattern"] == "differ"])
    assert disagree == set(planted.SEGMENT_MIXES[name])
    summary = ck.kano.summarize(data).set_index("attribute")
    assert not summary.loc[sorted(disagree), "fong_significant"].any()  # contested overall


def test_plot_comparison_draws_one_arrow_per_feature_thick_where_the_category_changed(waves):
    table = ck.kano.compare(waves)
    ax = ck.kano.plot_comparison(table)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == len(table)
    changed = (table["category_2023"] != table["category_2025"]).sum()
    assert sum(a.get_linewidth() > 2 for a in arrows) == changed
    assert ax.get_xlabel().startswith("|Worse|") and "2023 to 2025" in ax.get_title()


@pytest.mark.parametrize("call, message", [
    (lambda d: ck.kano.compare(d), "Name the column that splits"),
    (lambda d: ck.kano.compare(d, by="segment"), "holds only 1 group"),
    (lambda d: ck.kano.compare({"a": d}), "two or more groups"),
    (lambda d: ck.kano.compare({"a": d, "b": d}, by="segment"), "not both"),
    (lambda d: ck.kano.compare(d.assign(segment=[None] + ["x"] * (len(d) - 1)), by="segment"),
     "1 rows without a group"),
    (lambda d: ck.kano.compare(d, by="missing"), "missing"),
    (lambda d: ck.kano.plot_comparison(ck.kano.compare(pd.concat([d.assign(g=g) for g in "abc"]),
                                                       by="g")), "exactly two groups"),
])
def test_compare_refuses_what_it_cannot_compare(call, message):
    data = pairs("x", ("like", "dislike", 3)).assign(segment="only")
    with pytest.raises(InputError, match=message):
        call(data)


# --- the decision order and the roadmap -----------------------------------------------------

def test_priorities_follow_the_rule_on_the_hotel_case(hotel):
    plan = ck.kano.priorities(ck.kano.summarize(hotel))
    ranked = plan.dropna(subset=["priority"])
    assert list(ranked["priority"]) == list(range(1, len(ranked) + 1))
    assert list(ranked["attribute"][:2]) == ["spotless bathroom", "free Wi-Fi"]   # must-be first
    assert set(plan.loc[plan["priority"].isna(), "category"]) == {"I"}
    assert plan.loc[plan["attribute"] == "breakfast included", "contested"].item()


counts_strategy = st.lists(st.tuples(*[st.integers(0, 40)] * 6), min_size=1, max_size=12)


@settings(max_examples=80)
@given(counts_strategy)
def test_priorities_invariants(rows):
    counts = pd.DataFrame(rows, columns=list(ck.kano.CATEGORIES),
                          index=[f"f{k}" for k in range(len(rows))])
    summary = ck.kano.summarize_counts(counts)
    plan = ck.kano.priorities(summary)
    assert sorted(plan["attribute"]) == sorted(summary["attribute"])        # nothing lost
    ranked = plan.dropna(subset=["priority"])
    assert set(ranked["category"]) <= {"M", "O", "A"}
    assert set(plan.loc[plan["priority"].isna(), "category"].dropna()) <= {"I", "R", "Q"}
    place = ranked["category"].map({"M": 1, "O": 2, "A": 3}).to_numpy()
    assert (np.diff(place) >= 0).all()                                       # M, then O, then A
    for letter, key in (("M", ranked["worse"].abs()), ("O", ranked["worse"].abs()),
                        ("A", ranked["better"])):
        within = key[ranked["category"] == letter].to_numpy()
        assert (np.diff(within) <= 1e-12).all()                              # largest first
    merged = plan.merge(summary[["attribute", "category_close_call", "fong_significant"]],
                        on="attribute")
    assert merged["category"].fillna("-").eq(merged["category_close_call"].fillna("-")).all()
    assert (merged["contested"] == ~merged["fong_significant"]).all()


def test_priorities_refuse_a_table_that_is_not_a_summary():
    with pytest.raises(InputError, match="category_close_call"):
        ck.kano.priorities(pd.DataFrame({"attribute": ["x"], "better": [0.1]}))
    bad = ck.kano.summarize_counts(pd.DataFrame({c: [1] for c in "AOMIRQ"}, index=["x"]))
    bad["category_close_call"] = "Z"
    with pytest.raises(InputError, match="not a KANO category"):
        ck.kano.priorities(bad)


def test_the_roadmap_has_a_card_per_feature_and_hatches_the_contested_ones(hotel):
    plan = ck.kano.priorities(ck.kano.summarize(hotel))
    ax = ck.kano.plot_roadmap(plan)
    cards = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    assert len(cards) == len(plan)
    assert sum(bool(c.get_hatch()) for c in cards) == int(plan["contested"].sum())
    texts = " ".join(t.get_text() for t in ax.texts)
    for heading in ("Now: must-be", "Next: one-dimensional", "Later: attractive", "Not planned"):
        assert heading in texts
    assert "1. spotless bathroom" in texts and texts.count("contested") == int(plan["contested"].sum())


# --- the explorer ---------------------------------------------------------------------------

def test_the_explorer_follows_its_drop_downs(hotel):
    box = ck.kano.feature_explorer(hotel, by="segment")
    feature, group = box.children[0].children
    assert box.result_text.startswith("A 18 · O 78 · M 230")                 # free Wi-Fi, all
    first_png = box.png
    feature.value = "breakfast included"
    assert "not clearly ahead" in box.result_text and "decide as O" in box.result_text
    group.value = "leisure"
    leisure = ck.kano.summarize(hotel[hotel["segment"] == "leisure"]).set_index("attribute")
    expected = leisure.loc["breakfast included"]
    assert box.result_text.startswith(f"A {expected['A']} · O {expected['O']}")
    assert "not clearly" not in box.result_text and "decide as A" in box.result_text
    assert int(box.grid.to_numpy().sum()) == expected["n"]
    assert box.png and box.png != first_png
    bundle = box._repr_mimebundle_()
    assert "image/png" in bundle and "KANO feature explorer" in bundle["text/plain"]


def test_the_explorer_without_groups_has_one_drop_down():
    box = ck.kano.feature_explorer(pairs("wifi", ("must-be", "dislike", 3)))
    assert len(box.children[0].children) == 1 and "decide as M" in box.result_text


def test_the_explorer_refuses_a_missing_group_column():
    with pytest.raises(InputError, match="segment"):
        ck.kano.feature_explorer(pairs("wifi", ("like", "dislike", 1)), by="segment")
