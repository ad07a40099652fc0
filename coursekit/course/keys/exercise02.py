"""Exercise 02's questions. Expected values from the data are computed here when a check runs."""
import numpy as np

from ..answers import Choice, Label, Number, Picks, Together, YesNo
from . import Question
from .airport import journey, touchpoints

QUADRANT_LETTERS = ["A", "B", "C", "D"]


def _corr(a, b) -> float:
    return float(np.corrcoef(journey()[a].to_numpy(float), journey()[b].to_numpy(float))[0, 1])


def _weights(outcome):
    from ... import mot

    return mot.driver_importance(journey(), outcome, touchpoints()).set_index("driver")


def _mean_over_20() -> float:
    j = journey()
    return float(j.loc[j["wait_security_min"] > 20, "security"].mean())


def _vip_gap_short() -> float:
    short = journey()[journey()["wait_security_min"] <= 5]
    means = short.groupby("segment", observed=True)["security"].mean()
    return float(means["VIP"] - means["economy"])


def _r2(columns) -> float:
    from ... import mot

    memory = mot.peak_end(journey()[touchpoints()], scale=(1, 7))
    memory["overall"] = journey()["overall_satisfaction"]
    return float(mot.driver_importance(memory, "overall", columns).attrs["r_squared"])


QUESTIONS = {
    "q1": Question("r_ground", Number(
        lambda: _corr("ground_transport", "overall_satisfaction"),
        right="Right: ground transport is the second most strongly related moment, although "
              "passengers say it matters least.",
        hint="Correlate the ground_transport column with the overall_satisfaction column (not "
             "with stated importance, imp_ground_transport).")),
    "q2": Question("top_driver", Label(
        lambda: _weights("overall_satisfaction").index[0], touchpoints(), noun="touchpoint",
        right="Right: the moment passengers do not name first is the one that drives their "
              "judgement of the trip.",
        hint="The table driver_importance returns is sorted by share, largest first: which "
             "driver is in its first row? (Stated importance, the imp_ columns, is not what this "
             "question asks.)")),
    "q3": Question("security_share", Number(
        lambda: _weights("recommend").loc["security", "share"], kind="percent",
        right="Right: security leads for recommending the airport too.",
        hint="Check that the outcome is \"recommend\" (not overall_satisfaction), that all eight "
             "touchpoints are the drivers, and that you read the security row of the share "
             "column.")),
    "q4": Question(("quadrant_means", "quadrant_midpoints"), Together({
        "quadrant_means": Choice("D", QUADRANT_LETTERS, hint=(
            "(a) is not right yet. With crosshairs at the data means, compare booking's stated "
            "importance with the mean over the eight touchpoints, and its mean rating with the "
            "mean of the eight mean ratings.")),
        "quadrant_midpoints": Choice("B", QUADRANT_LETTERS, hint=(
            "(b) is not right yet. With crosshairs at the scale midpoints both sit at 4: is "
            "booking above or below 4 on each axis?")),
    }, right="Right: the same moment changes quadrant when only the crosshairs move.")),
    "q5": Question("mean_over_20", Number(
        _mean_over_20, right="Right: far below the rating of passengers who waited 20 minutes or less.",
        hint="Keep only the rows where wait_security_min is greater than 20 (a wait of exactly "
             "20 does not count), then take the mean of their security column, not of their "
             "wait.")),
    "q6": Question(("vip_gap_short", "gap_mostly_wait"), Together({
        "vip_gap_short": Number(_vip_gap_short, hint=(
            "The difference is not right yet. Keep the rows with wait_security_min of 5 or less, "
            "take the mean security rating per segment (groupby), then VIP minus economy.")),
        "gap_mostly_wait": YesNo(True, hint=(
            "Compare the gap at similar waits with the gap over all passengers: how much of it "
            "is left?")),
    }, right="Right: compared like with like, most of the gap is gone; the fast lane, not the "
             "treatment, explains it.")),
    "q7": Question(("r2_worst_last", "worst_last_beats_mean"), Together({
        "r2_worst_last": Number(lambda: _r2(["worst", "end"]), kind="share", hint=(
            "R² is not right yet. Use the columns worst and end together as the drivers and "
            "overall satisfaction as the outcome.")),
        "worst_last_beats_mean": YesNo(lambda: _r2(["worst", "end"]) > _r2(["mean"]), hint=(
            "Compute the R² on the mean column as well, and compare the two.")),
    }, right="Right: the low point and the end explain the overall judgement better than the "
             "average.")),
    "q8": Question("three_mots", Picks(
        "CDH", list("ABCDEFGH"),
        right="Right: the three largest drivers. Security and ground transport are also the "
              "worst rated and sit in 'Concentrate here'; the boarding gate is a distant third, "
              "on the list for the delay-announcement evidence. Now write the memo that argues "
              "for each with its evidence.",
        hint="Start from the relative weights: which three moments carry the largest shares of "
             "what the ratings explain? Passengers' stated importance is not the evidence to "
             "use.")),
}
