"""coursekit.style: readable names for figures and tables."""
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coursekit as ck
from coursekit.style import readable


@pytest.mark.parametrize("label, expected", [
    ("boarding_gate", "Boarding gate"), ("ground_transport", "Ground transport"),
    ("VIP", "VIP"), ("in-flight", "In-flight"), ("poor_%", "Poor %"), ("  two__spaces ", "Two spaces"),
    ("R²", "R²"), (3, 3), (None, None),
])
def test_readable_name(label, expected):
    assert readable(label) == expected


def test_chosen_names_win_and_are_capitalised_alike():
    names = ck.datasets.AIRPORT_TOUCHPOINTS["en"]
    assert readable(["booking", "check_in", "in_flight", "segment"], names) == [
        "Online booking", "Check-in", "In-flight", "Segment"]


def test_tables_come_back_relabelled_as_copies():
    table = pd.DataFrame({"mean_rating": [4.81, 4.72]},
                         index=pd.Index(["security", "ground_transport"], name="touchpoint"))
    shown = readable(table)
    assert list(shown.index) == ["Security", "Ground transport"] and shown.index.name == "Touchpoint"
    assert list(shown.columns) == ["Mean rating"]
    assert list(table.columns) == ["mean_rating"], "the original keeps its names for the code"
    series = readable(table["mean_rating"])
    assert list(series.index) == ["Security", "Ground transport"] and series.tolist() == [4.81, 4.72]


def test_categorical_and_multi_level_labels():
    segments = pd.CategoricalIndex(["economy", "VIP"], categories=["economy", "VIP"], ordered=True)
    assert list(readable(segments)) == ["Economy", "VIP"] and readable(segments).ordered
    both = pd.MultiIndex.from_product([["economy"], ["check_in", "security"]])
    assert list(readable(both)) == [("Economy", "Check in"), ("Economy", "Security")]


@given(st.text(alphabet="abc_ DEF", max_size=12))
def test_readable_only_changes_spacing_and_the_first_letter(label):
    out = readable(label)
    assert out.replace(" ", "").lower() == label.replace("_", "").replace(" ", "").lower()
    assert readable(out) == out


def test_names_must_be_a_mapping():
    with pytest.raises(ck.InputError, match="names= should map labels to readable names"):
        readable("a", names=42)
