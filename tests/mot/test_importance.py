"""coursekit.mot.driver_importance: relative weights, correlation and regression importance."""
from __future__ import annotations

import io
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import InputError, MissingDataWarning

# Motor Trend road tests (R's built-in `datasets::mtcars`, Henderson & Velleman 1981): the
# columns mpg, cyl, disp, hp, gear of the 32 cars, in R's row order.
MTCARS = """car,mpg,cyl,disp,hp,gear
Mazda RX4,21,6,160,110,4
Mazda RX4 Wag,21,6,160,110,4
Datsun 710,22.8,4,108,93,4
Hornet 4 Drive,21.4,6,258,110,3
Hornet Sportabout,18.7,8,360,175,3
Valiant,18.1,6,225,105,3
Duster 360,14.3,8,360,245,3
Merc 240D,24.4,4,146.7,62,4
Merc 230,22.8,4,140.8,95,4
Merc 280,19.2,6,167.6,123,4
Merc 280C,17.8,6,167.6,123,4
Merc 450SE,16.4,8,275.8,180,3
Merc 450SL,17.3,8,275.8,180,3
Merc 450SLC,15.2,8,275.8,180,3
Cadillac Fleetwood,10.4,8,472,205,3
Lincoln Continental,10.4,8,460,215,3
Chrysler Imperial,14.7,8,440,230,3
Fiat 128,32.4,4,78.7,66,4
Honda Civic,30.4,4,75.7,52,4
Toyota Corolla,33.9,4,71.1,65,4
Toyota Corona,21.5,4,120.1,97,3
Dodge Challenger,15.5,8,318,150,3
AMC Javelin,15.2,8,304,150,3
Camaro Z28,13.3,8,350,245,3
Pontiac Firebird,19.2,8,400,175,3
Fiat X1-9,27.3,4,79,66,4
Porsche 914-2,26,4,120.3,91,5
Lotus Europa,30.4,4,95.1,113,5
Ford Pantera L,15.8,8,351,264,5
Ferrari Dino,19.7,6,145,175,5
Maserati Bora,15,8,301,335,5
Volvo 142E,21.4,4,121,109,4
"""


@pytest.fixture
def mtcars():
    return pd.read_csv(io.StringIO(MTCARS), index_col="car")


def correlated_survey(seed: int, rows: int = 200, drivers: int = 4) -> tuple[pd.DataFrame, list[str]]:
    rng = np.random.default_rng(seed)
    halo = rng.normal(size=(rows, 1))
    x = 0.7 * halo + rng.normal(size=(rows, drivers))
    y = x @ rng.uniform(-1, 1, drivers) + rng.normal(size=rows)
    names = [f"d{j}" for j in range(drivers)]
    frame = pd.DataFrame(x, columns=names)
    frame["overall"] = y
    return frame, names


def r_squared_by_lstsq(frame: pd.DataFrame, drivers, outcome="overall") -> float:
    """R² of an ordinary least-squares fit with intercept, computed from the raw data."""
    x = np.column_stack([np.ones(len(frame)), frame[drivers].to_numpy(float)])
    y = frame[outcome].to_numpy(float)
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ coef
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


# --- the published worked example -------------------------------------------------------------

def test_relative_weights_reproduce_the_rwa_package_readme(mtcars):
    # Published example: the README of the R package `rwa` (Martin Chan), "Basic example",
    # https://github.com/martinctc/rwa (also on CRAN: https://CRAN.R-project.org/package=rwa):
    #   mtcars %>% rwa(outcome = "mpg", predictors = c("cyl", "disp", "hp", "gear"))
    #   $rsquare 0.7791896
    #   cyl  Raw.RelWeight 0.2284797  Rescaled.RelWeight 29.32274
    #   disp               0.2221469                     28.50999
    #   hp                 0.2321744                     29.79691
    #   gear               0.0963886                     12.37037
    published = pd.DataFrame({
        "raw": [0.2284797, 0.2221469, 0.2321744, 0.0963886],
        "rescaled": [29.32274, 28.50999, 29.79691, 12.37037],
    }, index=["cyl", "disp", "hp", "gear"])
    result = ck.mot.driver_importance(mtcars, "mpg", ["cyl", "disp", "hp", "gear"])
    got = result.set_index("driver").loc[published.index]
    # Matched to the printed precision (7 significant decimals / 5 decimals).
    np.testing.assert_allclose(got["importance"], published["raw"], atol=5e-8)
    np.testing.assert_allclose(got["share"], published["rescaled"], atol=5e-6)
    assert result.attrs["r_squared"] == pytest.approx(0.7791896, abs=5e-8)
    assert result.attrs["n"] == 32
    assert list(result["driver"]) == ["hp", "cyl", "disp", "gear"]  # sorted by share


# --- properties of relative weights ------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), drivers=st.integers(1, 6))
def test_relative_weights_are_non_negative_and_sum_to_r_squared(seed, drivers):
    frame, names = correlated_survey(seed, drivers=drivers)
    result = ck.mot.driver_importance(frame, "overall", names)
    r2 = r_squared_by_lstsq(frame, names)
    assert (result["importance"] >= -1e-12).all()
    assert result["importance"].sum() == pytest.approx(r2, rel=1e-9, abs=1e-12)
    assert result.attrs["r_squared"] == pytest.approx(r2, rel=1e-9, abs=1e-12)
    assert result["share"].sum() == pytest.approx(100)


def test_relative_weights_agree_with_johnsons_orthogonal_construction():
    # Johnson (2000) builds orthogonal counterparts Z = P Qᵀ of the standardised drivers
    # X = P Δ Qᵀ (SVD), regresses y on Z (β) and X on Z (Λ), and sets ε_j = Σ_k Λ_kj² β_k².
    # This is a different route from the eigen-decomposition used in the package.
    frame, names = correlated_survey(7, rows=150, drivers=5)
    x = frame[names].to_numpy()
    x = (x - x.mean(0)) / x.std(0, ddof=1)
    y = frame["overall"].to_numpy()
    y = (y - y.mean()) / y.std(ddof=1)
    p, _, qt = np.linalg.svd(x, full_matrices=False)
    z = p @ qt * np.sqrt(len(y) - 1)         # orthonormal columns rescaled to unit variance
    beta = np.linalg.lstsq(z, y, rcond=None)[0]
    lam = np.linalg.lstsq(z, x, rcond=None)[0]
    expected = (lam**2).T @ beta**2
    got = ck.mot.driver_importance(frame, "overall", names).set_index("driver")["importance"]
    np.testing.assert_allclose(got[names], expected, rtol=1e-9)


def orthogonal_survey(rows=60, drivers=4, seed=3):
    """Drivers that are exactly uncorrelated: orthonormal columns orthogonal to the constant."""
    rng = np.random.default_rng(seed)
    raw = rng.normal(size=(rows, drivers))
    raw -= raw.mean(axis=0)
    q, _ = np.linalg.qr(raw)                  # centred, orthonormal columns
    x = q * np.sqrt(rows - 1)                 # unit variance, zero correlation
    y = x @ np.array([0.9, -0.5, 0.3, 0.1]) + rng.normal(size=rows)
    frame = pd.DataFrame(x, columns=["a", "b", "c", "d"])
    frame["overall"] = y
    return frame


def test_with_uncorrelated_drivers_relative_weights_equal_squared_correlations():
    frame = orthogonal_survey()
    drivers = ["a", "b", "c", "d"]
    assert np.abs(frame[drivers].corr().to_numpy() - np.eye(4)).max() < 1e-12
    r = frame.corr()["overall"][drivers]
    result = ck.mot.driver_importance(frame, "overall", drivers).set_index("driver")
    np.testing.assert_allclose(result.loc[drivers, "importance"], r**2, rtol=1e-10)
    # ... and all three methods then give the same shares.
    for method in ("correlation", "regression"):
        other = ck.mot.driver_importance(frame, "overall", drivers, method=method).set_index("driver")
        np.testing.assert_allclose(other.loc[drivers, "share"], result.loc[drivers, "share"], rtol=1e-9)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), factor=st.floats(0.01, 1000), shift=st.floats(-100, 100))
def test_rescaling_a_driver_changes_nothing(seed, factor, shift):
    frame, names = correlated_survey(seed, drivers=3)
    before = ck.mot.driver_importance(frame, "overall", names)
    rescaled = frame.assign(d1=frame["d1"] * factor + shift)   # e.g. a 1-5 scale read as 0-100
    after = ck.mot.driver_importance(rescaled, "overall", names)
    pd.testing.assert_frame_equal(before, after, rtol=1e-7, atol=1e-10)


# --- correlation and regression ---------------------------------------------------------------

def test_regression_importance_equals_lstsq_on_z_scores():
    frame, names = correlated_survey(11, drivers=5)
    z = (frame - frame.mean()) / frame.std(ddof=1)
    beta = np.linalg.lstsq(z[names].to_numpy(), z["overall"].to_numpy(), rcond=None)[0]
    result = ck.mot.driver_importance(frame, "overall", names, method="regression").set_index("driver")
    np.testing.assert_allclose(result.loc[names, "importance"], beta, rtol=1e-9)
    # share from β²: β_j² / Σβ² × 100
    np.testing.assert_allclose(result.loc[names, "share"], 100 * beta**2 / (beta**2).sum(), rtol=1e-9)
    assert result.attrs["r_squared"] == pytest.approx(r_squared_by_lstsq(frame, names), rel=1e-9)


def test_correlation_importance_equals_dataframe_corr():
    frame, names = correlated_survey(12, drivers=5)
    r = frame.corr()["overall"][names]
    result = ck.mot.driver_importance(frame, "overall", names, method="correlation").set_index("driver")
    np.testing.assert_allclose(result.loc[names, "importance"], r, rtol=1e-10)
    np.testing.assert_allclose(result.loc[names, "share"], 100 * r**2 / (r**2).sum(), rtol=1e-10)


def test_negative_correlation_ranks_by_strength_and_keeps_its_sign(mtcars):
    result = ck.mot.driver_importance(mtcars, "mpg", ["cyl", "gear"], method="correlation")
    # r(mpg, cyl) = -0.852, r(mpg, gear) = +0.480: cyl is stronger, so it comes first.
    assert list(result["driver"]) == ["cyl", "gear"]
    assert result["importance"].iloc[0] == pytest.approx(mtcars["mpg"].corr(mtcars["cyl"]))
    assert result["importance"].iloc[0] < 0 < result["share"].iloc[0]


def test_rows_are_sorted_by_share_with_ties_in_driver_order():
    frame = orthogonal_survey()
    frame["overall"] = frame["a"] + frame["b"]      # a and b exactly equally important
    result = ck.mot.driver_importance(frame, "overall", ["c", "b", "a"])
    assert list(result["driver"])[:2] == ["b", "a"]
    assert result["share"].round(9).is_monotonic_decreasing  # equal up to rounding noise


def test_ratings_as_ordered_categoricals_give_the_same_answer():
    frame, names = correlated_survey(5, rows=80, drivers=3)
    ratings = frame.apply(lambda c: np.clip(np.rint(4 + c), 1, 7)).astype(int)
    as_categories = ratings.apply(
        lambda c: pd.Categorical(c, categories=range(1, 8), ordered=True))
    pd.testing.assert_frame_equal(ck.mot.driver_importance(ratings, "overall", names),
                                  ck.mot.driver_importance(as_categories, "overall", names))


def test_missing_answers_are_dropped_listwise_with_a_warning():
    frame, names = correlated_survey(21, rows=50, drivers=3)
    holed = frame.copy()
    holed.loc[[3, 8], "d0"] = np.nan
    holed.loc[[8, 40], "overall"] = np.nan          # row 8 counts once
    with pytest.warns(MissingDataWarning, match=r"3 of 50 respondents were set aside.*rows 3, 8, 40"):
        result = ck.mot.driver_importance(holed, "overall", names)
    expected = ck.mot.driver_importance(frame.drop(index=[3, 8, 40]), "overall", names)
    pd.testing.assert_frame_equal(result, expected)
    assert result.attrs["n"] == 47


def test_a_single_driver_name_is_accepted():
    frame, _ = correlated_survey(2, drivers=2)
    result = ck.mot.driver_importance(frame, "overall", "d0")
    assert list(result["driver"]) == ["d0"]
    assert result["share"].iloc[0] == pytest.approx(100)
    assert result["importance"].iloc[0] == pytest.approx(frame["d0"].corr(frame["overall"]) ** 2)


# --- bad input: one test each ------------------------------------------------------------------

@pytest.fixture
def survey():
    frame, names = correlated_survey(1, rows=30, drivers=3)
    return frame


def test_missing_column_is_named(survey):
    with pytest.raises(InputError, match=r"no column 'd9'.*Columns found: 'd0'"):
        ck.mot.driver_importance(survey, "overall", ["d0", "d9"])


def test_constant_driver_is_named(survey):
    with pytest.raises(InputError, match=r"driver column 'flat' has the same value \(4\) in every"):
        ck.mot.driver_importance(survey.assign(flat=4), "overall", ["d0", "flat"])


def test_constant_outcome_is_named(survey):
    with pytest.raises(InputError, match=r"outcome column 'overall' has the same value \(5\)"):
        ck.mot.driver_importance(survey.assign(overall=5), "overall", ["d0", "d1"])


@pytest.mark.parametrize("dtype", [object, "str"])
def test_non_numeric_driver_is_named_with_rows_and_values(survey, dtype):
    words = pd.Series(["5"] * 30, dtype=dtype)
    words[[2, 7]] = ["good", "n/a"]
    with pytest.raises(InputError, match=r"Column 'd1' has entries that are not numbers in 2 rows: "
                                         r"row 2: 'good', row 7: 'n/a'\. Allowed: numbers"):
        ck.mot.driver_importance(survey.assign(d1=words), "overall", ["d0", "d1"])


def test_empty_table(survey):
    with pytest.raises(InputError, match="empty"):
        ck.mot.driver_importance(survey.iloc[:0], "overall", ["d0"])


def test_outcome_among_drivers(survey):
    with pytest.raises(InputError, match="outcome 'overall' is also listed among the drivers"):
        ck.mot.driver_importance(survey, "overall", ["d0", "overall"])


def test_fewer_rows_than_drivers_plus_two(survey):
    with pytest.raises(InputError, match=r"3 drivers .* at least 5 complete rows .* only 4 rows"):
        ck.mot.driver_importance(survey.iloc[:4], "overall", ["d0", "d1", "d2"])


def test_unknown_method(survey):
    with pytest.raises(InputError, match=r"method='shapley' is not an option.*'relative_weights'"):
        ck.mot.driver_importance(survey, "overall", ["d0"], method="shapley")


def test_driver_listed_twice(survey):
    with pytest.raises(InputError, match="names 'd0' more than once"):
        ck.mot.driver_importance(survey, "overall", ["d0", "d1", "d0"])


def test_no_drivers(survey):
    with pytest.raises(InputError, match="No drivers"):
        ck.mot.driver_importance(survey, "overall", [])


def test_perfectly_collinear_drivers_are_named(survey):
    total = survey.assign(total=survey["d0"] + survey["d1"])
    with pytest.raises(InputError, match=r"drivers .*'total'.* are perfectly correlated"):
        ck.mot.driver_importance(total, "overall", ["d0", "d1", "d2", "total"])


def test_not_a_table():
    with pytest.raises(InputError, match="should be a pandas DataFrame"):
        ck.mot.driver_importance([[1, 2], [3, 4]], "a", ["b"])


def test_no_warnings_from_a_clean_run():
    frame, names = correlated_survey(11, rows=200, drivers=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ck.mot.driver_importance(frame, "overall", names)


def test_a_clean_but_small_sample_gets_only_the_small_sample_caution(mtcars):
    # 32 cars for 4 drivers: fewer than 10 per driver.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ck.mot.driver_importance(mtcars, "mpg", ["cyl", "disp", "hp", "gear"])
    assert [w.category for w in caught] == [ck.SmallSampleWarning]
    assert "Only 32 respondents were used for 4 drivers" in str(caught[0].message)
