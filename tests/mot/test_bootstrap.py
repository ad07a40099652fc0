"""Bootstrap intervals for the drivers' shares (issue 11, item 4): the sufficient-statistics
route gives exactly what copying the resampled rows gives, its counts are exact multinomial
draws, and the intervals behave as intervals should."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import coursekit as ck
from coursekit import InputError, SmallSampleWarning
from coursekit.mot import bootstrap

METHODS = ("relative_weights", "correlation", "regression")


def survey(rows=300, drivers=4, seed=5):
    rng = np.random.default_rng(seed)
    halo = rng.normal(size=(rows, 1))
    x = 0.6 * halo + rng.normal(size=(rows, drivers))
    y = x @ np.linspace(1.0, 0.2, drivers) + rng.normal(size=rows)
    names = [f"d{j}" for j in range(drivers)]
    frame = pd.DataFrame(np.clip(np.rint(4 + 1.2 * x), 1, 7), columns=names)
    frame["overall"] = np.clip(np.rint(4 + 0.6 * y), 1, 7)
    return frame, names


def quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


@pytest.mark.parametrize("method", METHODS)
def test_shares_from_resampled_sums_equal_shares_of_the_resampled_rows(method):
    # The same counts two ways: through the sums (what the bootstrap does) and by repeating
    # each row as often as it was drawn and running the ordinary analysis.
    frame, names = survey(rows=120)
    x = frame[[*names, "overall"]].to_numpy(dtype=float)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    counts = np.random.default_rng(1).multinomial(len(x), np.full(len(x), 1 / len(x)), size=5)
    sums = counts @ bootstrap.features(z, dtype=np.float64)
    corr, usable = bootstrap.correlations_from_sums(sums, len(x), x.shape[1])
    shares = bootstrap.shares_from_correlations(corr, usable, method, 1e-10)
    for r, weights in enumerate(counts):
        rows = frame.loc[frame.index.repeat(weights)]
        expected = quiet(ck.mot.driver_importance, rows, "overall", names, method=method)
        np.testing.assert_allclose(shares[r], expected.set_index("driver")["share"][names],
                                   rtol=1e-9)


def test_single_precision_products_stay_far_below_the_resampling_noise():
    frame, names = survey(rows=2000)
    x = frame[[*names, "overall"]].to_numpy(dtype=float)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    counts = np.random.default_rng(2).multinomial(len(x), np.full(len(x), 1 / len(x)), size=3)
    exact = counts @ bootstrap.features(z, dtype=np.float64)
    single = counts.astype(np.float32) @ bootstrap.features(z)
    r_exact, _ = bootstrap.correlations_from_sums(exact, len(x), x.shape[1])
    r_single, _ = bootstrap.correlations_from_sums(single.astype(np.float64), len(x), x.shape[1])
    # Resampling moves a correlation by about 1/sqrt(2000) = 0.02; rounding by far less.
    assert np.abs(r_exact - r_single).max() < 1e-5


@pytest.mark.parametrize("n", [10, 20_000])  # one block of rows, and three blocks
def test_the_two_stage_draws_are_exact_multinomial_counts(n):
    resamples = 4000 if n == 10 else 200
    rng = np.random.default_rng(3)
    full = np.zeros((resamples, n))
    for rows, which, counts in bootstrap.block_counts(rng, n, resamples):
        full[which, rows] = counts
    assert (full.sum(axis=1) == n).all()           # n draws per resample, no more, no less
    assert full.mean() == pytest.approx(1.0)
    if n == 10:
        # Each row's count is Binomial(10, 1/10); compare the frequencies of 0, 1, 2, 3+.
        observed = np.array([(full[:, 0] == k).sum() for k in (0, 1, 2)] + [(full[:, 0] >= 3).sum()])
        p = stats.binom(10, 0.1).pmf([0, 1, 2])
        expected = resamples * np.r_[p, 1 - p.sum()]
        assert stats.chisquare(observed, expected).pvalue > 1e-4
        # Two rows' counts are negatively correlated, -1/(n-1) for a multinomial.
        r = np.corrcoef(full[:, 0], full[:, 1])[0, 1]
        assert r == pytest.approx(-1 / 9, abs=0.05)
    else:
        # Rows in different blocks are drawn alike: mean count 1 in each block.
        for start in (0, 8192, 16384):
            assert full[:, start:start + 100].mean() == pytest.approx(1.0, abs=0.05)


def test_intervals_agree_with_a_plain_loop_bootstrap():
    frame, names = survey(rows=250)
    ours = ck.mot.driver_importance(frame, "overall", names, ci=0.9, resamples=2000, seed=4)
    rng = np.random.default_rng(40)
    shares = pd.DataFrame([
        quiet(ck.mot.driver_importance, frame.iloc[rng.integers(0, len(frame), len(frame))],
              "overall", names).set_index("driver")["share"]
        for _ in range(600)])
    plain = shares.quantile([0.05, 0.95]).T
    ours = ours.set_index("driver")
    width = ours["share_ci_high"] - ours["share_ci_low"]
    # Two Monte Carlo runs of one interval: the ends agree to a fraction of its width.
    assert ((ours["share_ci_low"] - plain[0.05]).abs() < 0.2 * width).all()
    assert ((ours["share_ci_high"] - plain[0.95]).abs() < 0.2 * width).all()


@pytest.mark.parametrize("method", METHODS)
def test_intervals_surround_the_estimate_and_widen_with_the_level(method):
    frame, names = survey()
    narrow = ck.mot.driver_importance(frame, "overall", names, method=method, ci=0.8, resamples=400)
    wide = ck.mot.driver_importance(frame, "overall", names, method=method, ci=0.99, resamples=400)
    assert (narrow["share_ci_low"] <= narrow["share"]).all()
    assert (narrow["share"] <= narrow["share_ci_high"]).all()
    assert (wide["share_ci_low"] <= narrow["share_ci_low"] + 1e-12).all()
    assert (wide["share_ci_high"] >= narrow["share_ci_high"] - 1e-12).all()
    assert list(narrow.columns) == ["driver", "importance", "share", "share_ci_low",
                                    "share_ci_high", "n"]
    assert narrow.attrs["ci"] == 0.8 and narrow.attrs["resamples_used"] == 400


def test_intervals_narrow_as_the_sample_grows():
    small, names = survey(rows=200, seed=8)
    large, _ = survey(rows=3200, seed=8)
    w_small = ck.mot.driver_importance(small, "overall", names, ci=0.95, resamples=300)
    w_large = ck.mot.driver_importance(large, "overall", names, ci=0.95, resamples=300)
    width = lambda t: (t["share_ci_high"] - t["share_ci_low"]).mean()  # noqa: E731
    # Sixteen times the respondents: about a quarter of the width (1/sqrt(16)).
    assert 0.15 < width(w_large) / width(w_small) < 0.4


def test_the_seed_fixes_the_draws():
    frame, names = survey()
    run = lambda seed: ck.mot.driver_importance(frame, "overall", names, ci=0.95,  # noqa: E731
                                                resamples=200, seed=seed)
    pd.testing.assert_frame_equal(run(7), run(7))
    assert not run(7)["share_ci_low"].equals(run(8)["share_ci_low"])
    assert run(7)["share"].equals(run(8)["share"])  # the estimate itself draws nothing


def test_coverage_of_the_interval_on_a_known_population():
    # Uncorrelated standard-normal drivers: the population relative weight of driver j is
    # b_j^2 / (sum b^2 + 1), so its share is b_j^2 / sum b^2 (here 64 %, 27 %, 9 %).
    b = np.array([0.8, 0.52, 0.3])
    truth = 100 * b**2 / (b**2).sum()
    rng = np.random.default_rng(12)
    hits, runs = np.zeros(3), 60
    for _ in range(runs):
        x = rng.normal(size=(400, 3))
        frame = pd.DataFrame(x, columns=["a", "b", "c"]).assign(y=x @ b + rng.normal(size=400))
        table = ck.mot.driver_importance(frame, "y", ["a", "b", "c"], ci=0.9, resamples=300,
                                         seed=int(rng.integers(1e9))).set_index("driver")
        hits += ((table["share_ci_low"] <= truth) & (truth <= table["share_ci_high"]))[["a", "b", "c"]]
    # 90 % intervals: each driver's coverage within binomial noise of 0.9 over 60 runs.
    assert ((hits / runs) > 0.75).all(), hits / runs


def test_degenerate_resamples_are_left_out_and_said():
    frame = pd.DataFrame({"a": [1, 1, 1, 1, 1, 1, 1, 7], "b": [2, 5, 3, 6, 4, 5, 2, 6],
                          "overall": [2, 5, 3, 6, 4, 5, 3, 7]})
    with pytest.warns(SmallSampleWarning) as caught:
        table = ck.mot.driver_importance(frame, "overall", ["a", "b"], ci=0.9, resamples=200)
    left_out = [str(w.message) for w in caught if "bootstrap resamples were left out" in str(w.message)]
    assert left_out and "because some driver had a single value" in left_out[0]
    assert 0 < table.attrs["resamples_used"] < 200  # about 1 in 3 resamples miss the 7


@pytest.mark.parametrize("kwargs, message", [
    ({"ci": 95}, r"ci=95 should be between 0 and 1"),
    ({"ci": 0.95, "resamples": 10}, r"resamples=10 is not a number of bootstrap resamples"),
    ({"ci": 0.95, "resamples": 1000.0}, r"resamples=1000.0 is not"),
    ({"ci": 0.95, "seed": -1}, r"seed=-1 is not a seed"),
    ({"ci": 0.95, "seed": "a"}, r"seed='a' is not a seed"),
])
def test_bad_bootstrap_options_are_refused(kwargs, message):
    frame, names = survey()
    with pytest.raises(InputError, match=message):
        ck.mot.driver_importance(frame, "overall", names, **kwargs)
