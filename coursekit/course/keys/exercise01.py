"""Exercise 01's questions. Expected values from the data are computed here with numpy, by a
route independent of the coursekit functions the learner is asked to use."""
import numpy as np

from ..answers import Choice, Label, Number, Parts, SeriesOf
from . import Question
from .airport import journey, touchpoints


def _means():
    frame = journey()[touchpoints()]
    return frame.apply(lambda column: np.nanmean(column.to_numpy(dtype=float)))


def _share_remembered_lower():
    x = journey()[touchpoints()].to_numpy(dtype=float)
    peak = x[np.arange(len(x)), np.argmax(np.abs(x - 4), axis=1)]
    return float(((peak + x[:, -1]) / 2 < x.mean(axis=1)).mean())


def _mots_millions():
    no_desk = float((journey()["wait_check_in_min"].to_numpy() == 0).mean())
    return 12 * (4 - no_desk)


QUESTIONS = {
    "q1": Question("touchpoint_means", SeriesOf(
        _means, what="by the eight touchpoint column names",
        right="Right: these are the heights of the emotion curve.",
        hint="Average each rating column over all 3,000 passengers. Use the eight touchpoint "
             "columns (journey[touchpoints]), not the stated-importance columns (imp_...), and "
             "no subset of passengers.")),
    "q2": Question("lowest_touchpoint", Label(
        "ground_transport", touchpoints(),
        right="Right — and it is the last moment of the trip, the worst place for a low point "
              "by the peak–end rule.",
        hint="That touchpoint is not the lowest. Sort the means with .sort_values(), or use "
             ".idxmin(), which gives the label of the smallest value.", noun="touchpoint")),
    "q3": Question("by_hand", Number(
        5.0, right="Right: the 7 in flight is three points from the midpoint and the 2 at "
                   "security only two, so the 7 is the peak; with the end, 3, the score is 5.0.",
        hint="Find the rating farthest from 4 (the most intense moment) and the last rating "
             "(ground transport); add them and divide by 2.",
        mistakes=[((2 + 3) / 2, "You took the worst moment (2) as the peak. The peak is the "
                                "moment farthest from the midpoint 4, good or bad: how far from 4 "
                                "are the 2 and the 7?"),
                  (39 / 8, "That is the average of the eight moments. The peak–end score uses "
                           "only two of them: the most intense one and the last one.")])),
    "q4": Question("share_remembered_lower", Number(
        _share_remembered_lower, kind="share", right="Right.",
        hint="Did you pass scale=(1, 7), compare peak_end with mean (peak_end strictly below "
             "mean), and average over all 3,000 passengers?")),
    "q5": Question("incident_groups", Parts(
        expected={"W": 2, "X": 1, "Y": 4, "Z": 3}, allowed=(1, 2, 3, 4), per_part=False,
        right="Right: W answers a request (2), X responds to a failure (1), Y is a problem "
              "customer (4), Z is unprompted (3).",
        hint="For each incident ask what started it: a failure of the system (1), a request or "
             "need of the customer (2), nothing at all — the employee simply acted (3) — or the "
             "customer's own behaviour (4)?")),
    "q6": Question("better_proposal", Choice(
        "B", ["A", "B", "same"],
        right="Right: B removes the worst moment and lifts the end, so the remembered score "
              "rises from 2.5 to 5.0; A leaves both as they were.",
        hint="The averages are equal, so look at what each proposal does to the most intense "
             "moment and to the last moment — or compare the peak_end column of "
             "ck.mot.peak_end(proposals, scale=(1, 7)).")),
    "q7": Question("visibility", Parts(
        expected={str(i): v for i, v in enumerate("VHHVHV", start=1)}, allowed=("V", "H"),
        letters=True, per_part=False,
        right="Right: the passenger sees the agent weigh the bag, check the passport and give "
              "the gate; the sorting, the seat confirmation and the back-office supervisor are "
              "out of sight.",
        hint="For each action, ask: could the passenger standing at the desk watch it happen?")),
    "q8": Question("mots_millions", Number(
        _mots_millions,
        right="Right: about 3.72 staff contacts per passenger, some 44.7 million Moments of "
              "Truth a year.",
        hint="Contacts per passenger = 4 minus the share of passengers with a check-in wait of 0 "
             "(a share between 0 and 1, over all 3,000 passengers); then multiply by 12.")),
}
