"""coursekit.mot: importance–performance analysis, peak–end scores, the emotion curve, figures."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from scipy import stats  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit import InputError, MissingDataWarning  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- IPA ---------------------------------------------------------------------------------------

# Hand-built, 1-7 scales. Means: importance (6.5 + 6.8 + 3.0 + 4.2 + 2.5) / 5 = 4.6,
# performance (5.9 + 3.9 + 6.1 + 4.5 + 2.0) / 5 = 4.48. Scale midpoints: 4 and 4.
IMPORTANCE = pd.Series({"check-in": 6.5, "security": 6.8, "lounge": 3.0, "arrival": 4.2, "wifi": 2.5})
PERFORMANCE = pd.Series({"check-in": 5.9, "security": 3.9, "lounge": 6.1, "arrival": 4.5, "wifi": 2.0})


def test_ipa_quadrants_with_crosshairs_at_the_data_means():
    result = ck.mot.ipa(IMPORTANCE, PERFORMANCE)
    assert result.attrs["importance_crosshair"] == pytest.approx(4.6)
    assert result.attrs["performance_crosshair"] == pytest.approx(4.48)
    assert dict(zip(result["attribute"], result["quadrant"])) == {
        "check-in": "Keep up the good work",   # 6.5 >= 4.6, 5.9 >= 4.48
        "security": "Concentrate here",        # 6.8 >= 4.6, 3.9 <  4.48
        "lounge": "Possible overkill",         # 3.0 <  4.6, 6.1 >= 4.48
        "arrival": "Possible overkill",        # 4.2 <  4.6, 4.5 >= 4.48
        "wifi": "Low priority",                # 2.5 <  4.6, 2.0 <  4.48
    }
    assert list(result.columns) == ["attribute", "importance", "performance", "quadrant"]


def test_ipa_quadrants_with_crosshairs_at_the_scale_midpoints():
    result = ck.mot.ipa(IMPORTANCE, PERFORMANCE, crosshairs="scale",
                        importance_scale=(1, 7), performance_scale=(1, 7))
    assert (result.attrs["importance_crosshair"], result.attrs["performance_crosshair"]) == (4, 4)
    quadrants = dict(zip(result["attribute"], result["quadrant"]))
    # "arrival" changes quadrant: 4.2 >= 4 is now high importance.
    assert quadrants["arrival"] == "Keep up the good work"
    assert quadrants["security"] == "Concentrate here"      # 3.9 < 4
    assert quadrants["wifi"] == "Low priority"
    assert quadrants["lounge"] == "Possible overkill"


def test_ipa_point_on_a_crosshair_counts_as_high():
    # Means: importance (1 + 2 + 3) / 3 = 2, performance (0.1 + 0.2 + 0.3) / 3 = 0.2, which in
    # floating point is 0.20000000000000004: "b" sits on both crosshairs within rounding.
    result = ck.mot.ipa({"a": 1, "b": 2, "c": 3}, {"a": 0.3, "b": 0.2, "c": 0.1})
    assert result.set_index("attribute").loc["b", "quadrant"] == "Keep up the good work"


def test_ipa_table_form_and_custom_crosshairs():
    table = pd.DataFrame({"touchpoint": IMPORTANCE.index, "imp": IMPORTANCE.to_numpy(),
                          "perf": PERFORMANCE.to_numpy()})
    from_table = ck.mot.ipa("imp", "perf", data=table, attribute="touchpoint")
    from_series = ck.mot.ipa(IMPORTANCE, PERFORMANCE)
    assert list(from_table["quadrant"]) == list(from_series["quadrant"])
    custom = ck.mot.ipa(IMPORTANCE, PERFORMANCE, crosshairs=(6.0, 6.0))
    assert custom.attrs["crosshairs"] == "custom"
    # Only lounge reaches 6 on performance (6.1); check-in and security on importance.
    assert list(custom["quadrant"]) == ["Concentrate here", "Concentrate here", "Possible overkill",
                                        "Low priority", "Low priority"]


def test_ipa_aligns_by_attribute_name_not_position():
    shuffled = PERFORMANCE[["wifi", "arrival", "security", "lounge", "check-in"]]
    pd.testing.assert_frame_equal(ck.mot.ipa(IMPORTANCE, shuffled), ck.mot.ipa(IMPORTANCE, PERFORMANCE))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 7), st.integers(1, 7)), min_size=2, max_size=12))
def test_ipa_quadrant_matches_its_definition(pairs):
    imp = pd.Series([p[0] for p in pairs], index=[f"a{i}" for i in range(len(pairs))], dtype=float)
    perf = pd.Series([p[1] for p in pairs], index=imp.index, dtype=float)
    result = ck.mot.ipa(imp, perf).set_index("attribute")
    for name in imp.index:
        high_i = imp[name] >= imp.mean() - 1e-9 * max(1, abs(imp.mean()))
        high_p = perf[name] >= perf.mean() - 1e-9 * max(1, abs(perf.mean()))
        assert result.loc[name, "quadrant"] == ck.mot.QUADRANTS[(bool(high_i), bool(high_p))]


def test_ipa_scale_crosshairs_need_the_scales():
    with pytest.raises(InputError, match=r'crosshairs="scale" .* needs importance_scale=\(low, high\)'):
        ck.mot.ipa(IMPORTANCE, PERFORMANCE, crosshairs="scale", importance_scale=(1, 7))


def test_ipa_attributes_must_match():
    with pytest.raises(InputError, match=r"same attributes.*only in the importance values: 'wifi'.*only in the performance values: 'Wi-Fi'"):
        ck.mot.ipa(IMPORTANCE, PERFORMANCE.rename({"wifi": "Wi-Fi"}))


def test_ipa_repeated_attribute():
    with pytest.raises(InputError, match="Repeated attribute names in the importance values: 'lounge'"):
        ck.mot.ipa(pd.Series([1.0, 2.0, 3.0], index=["lounge", "lounge", "gate"]),
                   pd.Series([1.0, 2.0, 3.0], index=["lounge", "lounge", "gate"]))


def test_ipa_missing_value():
    with pytest.raises(InputError, match=r"Column 'performance' has missing entries in 1 row: row 'wifi'"):
        ck.mot.ipa(IMPORTANCE, PERFORMANCE.replace({2.0: np.nan}))


@pytest.mark.parametrize("dtype", [object, "str"])
def test_ipa_non_numeric_value(dtype):
    words = pd.Series(["6", "high", "3", "4", "2"], index=IMPORTANCE.index, dtype=dtype)
    with pytest.raises(InputError, match=r"Column 'importance' has entries that are not numbers in 1 row: "
                                         r"row 'security': 'high'"):
        ck.mot.ipa(words, PERFORMANCE)


def test_ipa_value_outside_the_scale():
    with pytest.raises(InputError, match=r"'performance' has answers outside the scale in 2 rows: "
                                         r"row 'check-in': 5.9, row 'lounge': 6.1.*from 1 to 5"):
        ck.mot.ipa(IMPORTANCE, PERFORMANCE, crosshairs="scale", importance_scale=(1, 7),
                   performance_scale=(1, 5))


def test_ipa_data_crosshairs_need_two_attributes():
    with pytest.raises(InputError, match="at least two attributes"):
        ck.mot.ipa({"gate": 5.0}, {"gate": 4.0})


def test_ipa_unknown_crosshairs():
    with pytest.raises(InputError, match=r"crosshairs='median' is not an option.*'data', 'scale'"):
        ck.mot.ipa(IMPORTANCE, PERFORMANCE, crosshairs="median")


def test_ipa_malformed_scale():
    with pytest.raises(InputError, match=r"importance_scale=\(7, 1\) is not a scale: the lowest answer must come first"):
        ck.mot.ipa(IMPORTANCE, PERFORMANCE, crosshairs="scale", importance_scale=(7, 1),
                   performance_scale=(1, 7))


def test_plot_ipa_draws_labelled_points_crosshairs_and_quadrant_names():
    grid = ck.mot.ipa(IMPORTANCE, PERFORMANCE, crosshairs="scale", importance_scale=(1, 7),
                      performance_scale=(1, 7))
    ax = ck.mot.plot_ipa(grid)
    texts = {t.get_text().strip() for t in ax.texts}
    assert {"Check-in", "Security", "Lounge", "Arrival", "Wifi"} <= texts   # readable names
    assert set(ck.mot.QUADRANTS.values()) <= texts
    assert ax.get_xlabel() == "Performance" and ax.get_ylabel() == "Importance"
    assert "scale midpoints" in ax.get_title()
    vertical = [line for line in ax.lines if np.allclose(line.get_xdata(), 4.0)]
    assert vertical, "the performance crosshair at the scale midpoint is drawn"
    markers = {c.get_paths()[0].vertices.shape for c in ax.collections}
    assert len(markers) > 1, "quadrants differ by marker shape, not colour alone"


def test_plot_ipa_needs_an_ipa_table():
    with pytest.raises(InputError, match="needs the table returned by coursekit.mot.ipa"):
        ck.mot.plot_ipa(pd.DataFrame({"attribute": ["a"], "importance": [1], "performance": [1],
                                      "quadrant": ["Low priority"]}))


# --- peak-end ----------------------------------------------------------------------------------

def test_peak_end_on_hand_computed_rows():
    ratings = pd.DataFrame({
        "booking":  [6, 4, 7, 5],
        "security": [2, 4, 4, np.nan],
        "boarding": [5, 3, 4, 6],
        "arrival":  [6, 5, 1, np.nan],
    }, index=["p1", "p2", "p3", "p4"])
    result = ck.mot.peak_end(ratings, scale=(1, 7))          # midpoint 4
    # p1: 6 2 5 6 -> mean 19/4 = 4.75; distances 2 2 1 2 -> tie, earliest: booking (6);
    #     end 6 -> peak-end (6 + 6) / 2 = 6
    # p2: 4 4 3 5 -> mean 4; distances 0 0 1 1 -> boarding (3); end 5 -> (3 + 5) / 2 = 4
    # p3: 7 4 4 1 -> mean 4; distances 3 0 0 3 -> booking (7); end 1 -> (7 + 1) / 2 = 4
    # p4: 5 . 6 . -> mean 5.5; distances 1 . 2 . -> boarding (6); end = last rated = boarding
    expected = pd.DataFrame({
        "mean": [4.75, 4.0, 4.0, 5.5], "worst": [2.0, 3, 1, 5], "best": [6.0, 5, 7, 6],
        "peak": [6.0, 3, 7, 6], "peak_moment": ["booking", "boarding", "booking", "boarding"],
        "end": [6.0, 5, 1, 6], "end_moment": ["arrival", "arrival", "arrival", "boarding"],
        "peak_end": [6.0, 4, 4, 6], "rated": [4, 4, 4, 2],
    }, index=ratings.index)
    pd.testing.assert_frame_equal(result, expected, check_dtype=False)
    assert result.attrs["midpoint"] == 4


def test_peak_end_default_scale_is_the_observed_range():
    ratings = pd.DataFrame({"a": [1, 2], "b": [5, 4]})      # observed 1..5 -> midpoint 3
    result = ck.mot.peak_end(ratings)
    assert result.attrs["scale"] == (1, 5) and result.attrs["midpoint"] == 3
    # Row 0: |1-3| = |5-3| = 2, row 1: |2-3| = |4-3| = 1: both ties, so the earlier moment wins.
    assert list(result["peak"]) == [1, 2]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(st.integers(1, 7), st.none()), min_size=1, max_size=6)
                .filter(lambda row: any(v is not None for v in row)), min_size=1, max_size=8)
       .filter(lambda rows: len({len(r) for r in rows}) == 1))
def test_peak_end_invariants(rows):
    ratings = pd.DataFrame(rows, dtype=float)
    result = ck.mot.peak_end(ratings, scale=(1, 7))
    assert (result["worst"] <= result["mean"] + 1e-12).all()
    assert (result["mean"] <= result["best"] + 1e-12).all()
    # The most intense moment is an extreme: the worst or the best rating.
    assert (result["peak"].eq(result["worst"]) | result["peak"].eq(result["best"])).all()
    assert result["peak_end"].between(result["worst"], result["best"]).all()
    assert (result["rated"] == ratings.notna().sum(axis=1)).all()


def test_peak_end_sets_aside_respondents_with_no_ratings():
    ratings = pd.DataFrame({"a": [5, np.nan, 3], "b": [6, np.nan, 2]}, index=["x", "y", "z"])
    with pytest.warns(MissingDataWarning, match=r"1 of 3 respondents was set aside because of no rating at all \(row 'y'\)"):
        result = ck.mot.peak_end(ratings, scale=(1, 7))
    assert list(result.index) == ["x", "z"]


def test_peak_end_rating_outside_the_scale():
    with pytest.raises(InputError, match=r"Column 'b' has answers outside the scale in 1 row: row 1: 9.0"):
        ck.mot.peak_end(pd.DataFrame({"a": [5, 3], "b": [6, 9]}), scale=(1, 7))


def test_peak_end_non_numeric_rating():
    with pytest.raises(InputError, match=r"Column 'b' has entries that are not numbers in 1 row: row 0: 'great'"):
        ck.mot.peak_end(pd.DataFrame({"a": [5, 3], "b": ["great", "4"]}), scale=(1, 7))


def test_peak_end_empty_table():
    with pytest.raises(InputError, match="empty"):
        ck.mot.peak_end(pd.DataFrame({"a": []}))


def test_peak_end_nobody_rated_anything():
    with pytest.raises(InputError, match="None of the 2 respondents rated any moment"):
        ck.mot.peak_end(pd.DataFrame({"a": [np.nan, np.nan]}))


# --- emotion curve -------------------------------------------------------------------------------

TRIPS = pd.DataFrame({
    "check_in": [6, 5, 4, 6, 3],
    "security": [2, 3, 5, 4, np.nan],
    "arrival": [6, 5, 6, 7, 4],
    "segment": ["VIP", "economy", "economy", "VIP", "economy"],
})


def test_emotion_curve_means_and_interquartile_band():
    curve = ck.mot.emotion_curve(TRIPS.drop(columns="segment"))
    # check_in 6 5 4 6 3: mean 24/5 = 4.8; sorted 3 4 5 6 6, linear 25th % at position 1 -> 4,
    # 75th % at position 3 -> 6.  security (missing skipped) 2 3 5 4: mean 3.5, 25th % at 0.75
    # -> 2 + 0.75 = 2.75, 75th % at 2.25 -> 4 + 0.25 = 4.25.
    assert list(curve["moment"]) == ["check_in", "security", "arrival"]
    assert list(curve["position"]) == [1, 2, 3]
    assert list(curve["n"]) == [5, 4, 5]
    np.testing.assert_allclose(curve["mean"], [4.8, 3.5, 5.6])
    np.testing.assert_allclose(curve["low"][:2], [4, 2.75])
    np.testing.assert_allclose(curve["high"][:2], [6, 4.25])


def test_emotion_curve_confidence_band_matches_scipy():
    curve = ck.mot.emotion_curve(TRIPS.drop(columns="segment"), band="ci")
    arrival = TRIPS["arrival"].to_numpy(float)
    low, high = stats.t.interval(0.95, len(arrival) - 1, loc=arrival.mean(), scale=stats.sem(arrival))
    assert curve["low"].iloc[2] == pytest.approx(low) and curve["high"].iloc[2] == pytest.approx(high)


def test_emotion_curve_by_segment_column_and_by_series_agree():
    by_column = ck.mot.emotion_curve(TRIPS, by="segment")
    by_series = ck.mot.emotion_curve(TRIPS.drop(columns="segment"), by=TRIPS["segment"])
    pd.testing.assert_frame_equal(by_column, by_series)
    vip = by_column[by_column["segment"] == "VIP"]
    np.testing.assert_allclose(vip["mean"], [6.0, 3.0, 6.5])   # (6+6)/2, (2+4)/2, (6+7)/2


def test_emotion_curve_sets_aside_respondents_without_segment():
    segments = TRIPS["segment"].where(TRIPS.index != 1)
    with pytest.warns(MissingDataWarning, match=r"1 of 5 respondents was set aside because of a missing segment \(row 1\)"):
        curve = ck.mot.emotion_curve(TRIPS.drop(columns="segment"), by=segments)
    assert curve.loc[curve["segment"] == "economy", "n"].iloc[0] == 2


def test_emotion_curve_by_of_the_wrong_length():
    with pytest.raises(InputError, match="by= has 2 entries but the ratings table has 5 rows"):
        ck.mot.emotion_curve(TRIPS.drop(columns="segment"), by=["a", "b"])


def test_emotion_curve_unknown_band():
    with pytest.raises(InputError, match=r"band='sd' is not an option"):
        ck.mot.emotion_curve(TRIPS.drop(columns="segment"), band="sd")


def test_plot_emotion_curve_one_line_and_marker_per_segment():
    ax = ck.mot.plot_emotion_curve(TRIPS, by="segment", scale=(1, 7))
    segment_lines = [line for line in ax.lines if line.get_label() in {"VIP", "Economy"}]
    assert len(segment_lines) == 2
    assert len({line.get_marker() for line in segment_lines}) == 2
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Check in", "Security", "Arrival"]
    assert ax.get_title() and ax.get_xlabel() and "IQR" in ax.get_ylabel()
    assert any(np.allclose(line.get_ydata(), 4.0) for line in ax.lines)   # the scale midpoint


def test_plot_importance_hatches_negative_drivers():
    survey = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [6, 5, 4, 3, 2, 2],
                           "overall": [1, 2, 3, 5, 5, 6]})
    table = ck.mot.driver_importance(survey, "overall", ["a", "b"], method="correlation")
    ax = ck.mot.plot_importance(table)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "B (−)" in labels and "A" in labels
    assert any(patch.get_hatch() == "//" for patch in ax.patches)
    assert "correlation" in ax.get_title()


def test_plotting_draws_on_the_axes_given():
    fig, ax = plt.subplots()
    assert ck.mot.plot_ipa(ck.mot.ipa(IMPORTANCE, PERFORMANCE), ax=ax) is ax
