"""Exercise 04's questions. Expected values from the data are computed here with numpy and
pandas when a check runs (not with the coursekit functions the exercise asks for)."""
import numpy as np

from ..answers import Choice, Number, Parts, Together, YesNo
from . import Question
from .hotel import answers, table

_GAP_OF = {"A": 4, "B": 1, "C": 5, "D": 3, "E": 2}
_TRAINING = np.datetime64("2025-06-23")
_LAUNCH = np.datetime64("2025-07-01")


def _expectation_gap():
    own = answers("hotel_management", "Downtown", "E_", "Responsiveness").mean(axis=1).mean()
    theirs = answers("hotel_servqual", "Downtown", "E_", "Responsiveness").mean(axis=1).mean()
    return float(own - theirs)


def _guest_name_after():
    audits = table("hotel_audits")
    rows = ((audits["property"] == "Downtown") & (audits["standard"] == "guest_name")
            & (audits["date"] >= _TRAINING))
    return float(100 * audits.loc[rows, "passed"].mean())


def _weekly_downtown():
    import pandas as pd

    audits = table("hotel_audits")
    data = audits[audits["property"] == "Downtown"]
    # Weeks ending on a Sunday, counted by hand: the Sunday on or after each date.
    sunday = data["date"] + pd.to_timedelta((6 - data["date"].dt.dayofweek) % 7, unit="D")
    weeks = data.groupby(sunday)["passed"].agg(["size", "sum"])
    weeks = weeks[weeks["size"] == weeks["size"].max()]
    return weeks["size"] - weeks["sum"], weeks["size"]


def _weeks_below():
    failed, checks = _weekly_downtown()
    before = failed.index < _TRAINING
    p_bar = failed[before].sum() / checks[before].sum()
    lcl = np.maximum(p_bar - 3 * np.sqrt(p_bar * (1 - p_bar) / checks), 0)
    share = failed / checks
    return int(((share < lcl) & ~before).sum())


def _daily():
    return table("ecommerce_daily").set_index("date")


def _p_bar_after():
    daily = _daily()
    rows = daily.index >= _LAUNCH
    return float(daily.loc[rows, "complaints"].sum() / daily.loc[rows, "orders"].sum())


def _aug25():
    daily = _daily()
    p_bar = daily["complaints"].sum() / daily["orders"].sum()
    n = daily.loc["2025-08-25", "orders"]
    p = daily.loc["2025-08-25", "complaints"] / n
    half = 3 * np.sqrt(p_bar * (1 - p_bar) / n)
    return "above" if p > p_bar + half else "below" if p < p_bar - half else "inside"


def _ucl_before():
    x = _daily().loc[:"2025-06-30", "mean_first_response_min"].to_numpy(dtype=float)
    return float(x.mean() + 2.66 * np.abs(np.diff(x)).mean())


QUESTIONS = {
    "q1": Question("gap_of", Parts(
        _GAP_OF, allowed=[1, 2, 3, 4, 5], per_part=False,
        right="Right: each problem placed in its gap — communication, listening, customer, "
              "performance, design and standards.",
        hint="Ask of each problem which two things are compared: a promise and delivery, "
             "managers' beliefs and guests' views, expected and perceived service, a standard and "
             "delivery, or what management knows and what it wrote down.")),
    "q2": Question("responsiveness_expectation_gap", Number(
        _expectation_gap,
        right="Right: Downtown's managers think guests expect about a point less responsiveness "
              "than guests do.",
        hint="Use the Downtown row for Responsiveness and the expectation_gap column (managers "
             "minus guests), not the points or the self-rating.")),
    "q3": Question("guest_name_after", Number(
        _guest_name_after, kind="percent",
        right="Right: the training nearly doubled how often staff used the guest's name.",
        hint="Keep Downtown's checks dated on or after 23 June, then read the guest_name row of "
             "the compliance table, in %.")),
    "q4": Question(("weeks_below", "recompute"), Together({
        "weeks_below": Number(_weeks_below, hint=(
            "The count is not right yet: use the limits from the weeks before the training "
            "(baseline=slice(None, \"2025-06-22\")) and count the later weeks whose p is below "
            "their lcl.")),
        "recompute": YesNo(True, hint=(
            "The training was a deliberate change to the process. What do old limits describe "
            "after such a change?")),
    }, right="Right: every week after the training signals the change; from now on, limits from "
             "the new weeks are the ones that can catch a bad week.")),
    "q5": Question("p_bar_after", Number(
        _p_bar_after, kind="share",
        right="Right: the same complaint rate as before the launch.",
        hint="Use the days from 1 July only (daily.loc[launch:]) and give p̄ as a proportion, a "
             "small number below 0.01.")),
    "q6": Question(("aug25_signal", "aug25_side"), Together({
        "aug25_signal": YesNo(lambda: _aug25() != "inside", hint=(
            "Is the day's point beyond one of its limits? Look at out_of_control in its row.")),
        "aug25_side": Choice(_aug25, ["above", "below", "inside"], hint=(
            "Compare the day's p with its lcl and its ucl.")),
    }, right="Right: a signal with no known cause — a reason to look, possibly one of the chance "
             "signals that 365 days with 3-sigma limits bring.")),
    "q7": Question("ucl_before", Number(
        _ucl_before,
        right="Right: the limits of the process before the smart customer service.",
        hint="Use the days up to 30 June only, and read attrs[\"ucl\"] of the individuals chart.")),
    "q8": Question("measurable", Choice(
        "C", ["A", "B", "C", "D"],
        right="Right: one behaviour, a number with a unit, how it is checked and a goal.",
        hint="Which statement could an auditor check without asking anyone's opinion?")),
}
