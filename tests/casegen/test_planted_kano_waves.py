"""KANO segments and waves (lesson 05): ck.kano recovers the features the segments disagree on
and the migrations planted between the 2023 and 2025 e-commerce waves (Kano 2001's life cycle:
indifferent -> attractive -> one-dimensional -> must-be). See casegen/kano.py: SEGMENT_MIXES,
SHOP_FEATURES_2023 and MIGRATIONS, and the data cards.

Bounds come from the planted mixes: a segment's planted top category leads its second by at
least 0.2 of the answers, which Fong's test must call significant with 160 or more answers.
"""
from __future__ import annotations

import pytest

import coursekit as ck
from casegen import kano as _kano

CATEGORY = {"must-be": "M", "one-dimensional": "O", "attractive": "A", "indifferent": "I",
            "reverse": "R"}
#: Kano (2001)'s life cycle, in order.
LIFE = {"I": 0, "A": 1, "O": 2, "M": 3}


@pytest.fixture(scope="module")
def tables():
    return {name: ck.datasets.load(name) for name in ("hotel_kano", "ecommerce_kano",
                                                      "ecommerce_kano_2023")}


def _summary(frame):
    return ck.kano.summarize(frame).set_index("attribute")


def _top(mix):
    return "AOMIR"[max(range(5), key=lambda i: mix[i])]


@pytest.mark.parametrize("name", ["hotel_kano", "ecommerce_kano"])
def test_each_segment_has_its_own_clear_category_on_the_contested_features(tables, name):
    features = {"hotel_kano": _kano.HOTEL_FEATURES, "ecommerce_kano": _kano.SHOP_FEATURES}[name]
    split = _kano.segment_mixes(name, features)
    assert len(split) >= 2
    frame = tables[name]
    overall = _summary(frame)
    for feature, mixes in split.items():
        tops = set()
        for segment, mix in mixes.items():
            s = _summary(frame[frame["segment"] == segment]).loc[feature]
            assert s["category"] == _top(mix), (feature, segment)
            assert bool(s["fong_significant"]), (feature, segment)
            tops.add(s["category"])
        assert len(tops) == 2, feature  # the segments disagree ...
        assert not bool(overall.loc[feature, "fong_significant"]), feature  # ... so it is contested


@pytest.mark.parametrize("name", ["hotel_kano", "ecommerce_kano"])
def test_segments_agree_on_every_clear_feature(tables, name):
    features = {"hotel_kano": _kano.HOTEL_FEATURES, "ecommerce_kano": _kano.SHOP_FEATURES}[name]
    frame = tables[name]
    for segment in frame["segment"].cat.categories:
        s = _summary(frame[frame["segment"] == segment])
        for feature, (_, note) in features.items():
            if note.startswith("clear "):
                assert s.loc[feature, "category"] == CATEGORY[note.removeprefix("clear ")], \
                    (segment, feature)


def test_segments_are_dealt_in_their_planted_shares(tables):
    share = _kano.PARAMS["segment_share"].value
    for name, frame in tables.items():
        people = frame.drop_duplicates("respondent_id")
        assert people["segment"].notna().all()
        counts = people["segment"].value_counts(normalize=True)
        for segment, observed in counts.items():
            assert observed == pytest.approx(share[segment], abs=0.005), (name, segment)
        # a respondent's segment is the same on every row
        assert frame.groupby("respondent_id")["segment"].nunique().max() == 1


def test_the_2023_wave_asks_the_same_features_and_finds_each_planted_category(tables):
    old, new = tables["ecommerce_kano_2023"], tables["ecommerce_kano"]
    assert list(old["attribute"].cat.categories) == list(new["attribute"].cat.categories)
    s = _summary(old)
    for feature, (_, note) in _kano.SHOP_FEATURES_2023.items():
        assert s.loc[feature, "category"] == CATEGORY[note.removeprefix("clear ")], feature
        assert bool(s.loc[feature, "fong_significant"]), feature


def test_features_migrate_along_kanos_life_cycle_between_the_waves(tables):
    old, new = _summary(tables["ecommerce_kano_2023"]), _summary(tables["ecommerce_kano"])
    # the planted moves, each a significant category in 2023
    assert (old.loc["real-time order tracking", "category"],
            new.loc["real-time order tracking", "category"]) == ("O", "M")
    assert (old.loc["free returns", "category"], new.loc["free returns", "category"]) == ("A", "O")
    assert (old.loc["price-protection refund", "category"],
            new.loc["price-protection refund", "category"]) == ("I", "A")
    assert old.loc["delivery within 24 hours", "category"] == "A"
    assert not bool(new.loc["delivery within 24 hours", "fong_significant"])
    # moves only go forward in the life cycle (reverse answers are a separate story)
    for feature in _kano.MIGRATIONS:
        a, b = old.loc[feature, "category"], new.loc[feature, "category_close_call"]
        if a in LIFE and b in LIFE:
            assert LIFE[b] >= LIFE[a], feature
    # what customers lose when a feature is missing grows as it becomes expected
    for feature in ("real-time order tracking", "free returns", "delivery within 24 hours"):
        assert new.loc[feature, "worse"] < old.loc[feature, "worse"] - 0.1, feature
    assert new.loc["real-time order tracking", "better"] < old.loc["real-time order tracking",
                                                                   "better"] - 0.2


def test_features_planted_unchanged_keep_their_category_and_coefficients(tables):
    old, new = _summary(tables["ecommerce_kano_2023"]), _summary(tables["ecommerce_kano"])
    for feature in _kano.SHOP_FEATURES:
        if feature in _kano.MIGRATIONS:
            continue
        assert old.loc[feature, "category"] == new.loc[feature, "category"], feature
        assert abs(old.loc[feature, "better"] - new.loc[feature, "better"]) < 0.1, feature
        assert abs(old.loc[feature, "worse"] - new.loc[feature, "worse"]) < 0.1, feature


def test_loyal_customers_turned_against_the_chatbot_after_the_launch(tables):
    old, new = tables["ecommerce_kano_2023"], tables["ecommerce_kano"]
    bot = "chatbot as first contact"
    for segment, before_top, after_top in (("new", "I", "I"), ("loyal", "I", "R")):
        assert _summary(old[old["segment"] == segment]).loc[bot, "category"] == before_top
        assert _summary(new[new["segment"] == segment]).loc[bot, "category"] == after_top
