"""Lesson 02's "Your turn" checks. Expected values come from the case data, computed here with
numpy when a check runs."""
import numpy as np

from ..answers import Label, Number, Picks
from .airport import journey, touchpoints


def _two_most_poor_at_4():
    ratings = journey()[touchpoints()].to_numpy(dtype=float)
    share = (ratings <= 4).mean(axis=0)
    return [touchpoints()[i] for i in np.argsort(-share, kind="stable")[:2]]


def _all_important():
    stated = journey()[[f"imp_{t}" for t in touchpoints()]].to_numpy(dtype=float)
    return float((stated >= 6).all(axis=1).mean())


def _betas(sample) -> np.ndarray:
    """Standardised regression weights by least squares on z-scores."""
    x = sample[touchpoints()].to_numpy(dtype=float)
    y = sample["overall_satisfaction"].to_numpy(dtype=float)
    zx = (x - x.mean(axis=0)) / x.std(axis=0)
    zy = (y - y.mean()) / y.std()
    return np.linalg.lstsq(zx, zy, rcond=None)[0]


def _negative_in_samples(size=1000, samples=20, seed=202) -> int:
    # The same draws as the lesson's sampling cell: a seeded generator handed to DataFrame.sample.
    rng = np.random.default_rng(seed)
    data = journey()
    return sum(bool((_betas(data.sample(size, random_state=rng)) < 0).any()) for _ in range(samples))


def _top_for_recommend():
    from ... import mot

    return mot.driver_importance(journey(), "recommend", touchpoints()).loc[0, "driver"]


def _purpose_gap():
    data = journey()
    means = data.groupby("purpose", observed=True)["security"].mean()
    return float(means["business"] - means["leisure"])


def _peak_r2():
    x = journey()[touchpoints()].to_numpy(dtype=float)
    peak = x[np.arange(len(x)), np.argmax(np.abs(x - 4), axis=1)]
    y = journey()["overall_satisfaction"].to_numpy(dtype=float)
    return float(np.corrcoef(peak, y)[0, 1] ** 2)


CHECKS = {
    "02-cut-off-4": ("The cut-off at 4", Picks(
        _two_most_poor_at_4, touchpoints(),
        right="Right: the same two moments stand out as with the cut-off at 3; the finding does "
              "not hinge on where the cut-off is.",
        hint="Sort the 'Poor %' column of the new table from largest to smallest and take the "
             "first two touchpoints.")),
    "02-all-important": ("Every moment important", Number(
        _all_important, kind="share",
        right="Right: fewer than one passenger in ten calls all eight moments important, yet 6s "
              "and 7s are most of the answers.",
        hint="(stated >= 6).all(axis=1) is True for a passenger whose eight answers are all 6 or "
             "7; the mean of that column of True and False is the share.")),
    "02-negative-weights-1000": ("Regression weights in samples of 1,000", Number(
        _negative_in_samples,
        right="Right: larger samples shrink the swings, but small drivers' weights still hover "
              "around zero and change sign.",
        hint="Set sample_size = 1000 in the sampling cell, run it, and read the first number it "
             "shows: samples with at least one negative weight.")),
    "02-recommend-top": ("The top driver of recommending", Label(
        _top_for_recommend, touchpoints(), noun="touchpoint",
        right="Right: the same moment leads for recommending the airport as for overall "
              "satisfaction.",
        hint="Use \"recommend\" as the outcome with the eight touchpoints as drivers; the first "
             "row of the table is the largest share.")),
    "02-purpose-gap": ("Security by trip purpose", Number(
        _purpose_gap,
        right="Right: a small gap. Now ask which travel classes business-purpose passengers "
              "fly in.",
        hint="Group by purpose, take the mean security rating, and subtract leisure's mean from "
             "business's.")),
    "02-peak-r2": ("The most intense moment alone", Number(
        _peak_r2, kind="share",
        right="Right: the most intense moment alone explains least of all the summaries.",
        hint="Add \"most intense moment\": [\"peak\"] to summaries and run the cell again; read "
             "its R² in the table.")),
}
