"""Lesson 04's "Your turn" checks. Expected values come from the case data, computed here with
numpy and pandas (not with the coursekit functions the lesson calls) when a check runs."""
import numpy as np

from ..answers import Number, Parts
from .hotel import table

_WHICH_GAP = {"A": 1, "B": 3, "C": 4, "D": 2, "E": 5}
_WHY = {
    "A": "what guests expect against what management believes they expect: gap 1, listening.",
    "B": "a written standard against the service delivered: gap 3, performance.",
    "C": "what the company promises against what it delivers: gap 4, communication.",
    "D": "management knows the expectation but wrote no standard: gap 2, design and standards.",
    "E": "expected against perceived service, measured by SERVQUAL: gap 5, the customer gap.",
}
_ASK = {
    "A": "Whose view of the guests is wrong here: the guests' or the managers'?",
    "B": "Is there a written standard? Then compare it with what staff actually do.",
    "C": "Who made the promise, and to whom?",
    "D": "Management knows what guests want. What is missing between knowing and doing?",
    "E": "This is the gap the guests themselves feel.",
}


def _points_gap():
    managers, guests = table("hotel_management"), table("hotel_servqual")
    own = managers.loc[managers["property"] == "Lakeside", "w_reliability"].mean()
    theirs = guests.loc[guests["property"] == "Lakeside", "w_reliability"].mean()
    return float(own - theirs)


def _night_after():
    audits = table("hotel_audits")
    response = ["phone_rings", "greet_seconds", "complaint_ack_minutes", "room_service_minutes"]
    rows = ((audits["property"] == "Downtown") & (audits["shift"] == "night")
            & audits["standard"].isin(response) & (audits["date"] >= np.datetime64("2025-06-23")))
    return float(100 * audits.loc[rows, "passed"].mean())


def _chat_resolved():
    tickets = table("ecommerce_tickets")
    rows = (tickets["channel"] == "chat") & (tickets["created"] >= np.datetime64("2025-07-01"))
    hours = (tickets.loc[rows, "resolved"] - tickets.loc[rows, "created"]) / np.timedelta64(1, "h")
    return float((hours <= 24).mean())


def _daily():
    return table("ecommerce_daily").set_index("date")


def _sale_day_ucl():
    daily = _daily()
    p_bar = daily["complaints"].sum() / daily["orders"].sum()
    n = daily.loc["2025-11-11", "orders"]
    return float(p_bar + 3 * np.sqrt(p_bar * (1 - p_bar) / n))


def _ucl_after():
    x = _daily().loc["2025-07-01":, "mean_first_response_min"].to_numpy(dtype=float)
    return float(x.mean() + 2.66 * np.abs(np.diff(x)).mean())


CHECKS = {
    "04-which-gap": ("Which gap is it?", Parts(
        _WHICH_GAP, allowed=[1, 2, 3, 4, 5], explain=_WHY, ask=_ASK,
        hint="Ask of each problem: whose view, or which two things, are being compared?")),
    "04-points-gap": ("Lakeside's listening gap on reliability", Number(
        _points_gap,
        right="Right: Lakeside's managers think guests give reliability far fewer points than "
              "guests really do.",
        hint="Take the Lakeside row for Reliability and the points_gap column: managers' points "
             "minus guests' points (a negative number here).")),
    "04-night-after": ("Downtown's night shift after the training", Number(
        _night_after, kind="percent", rel_tol=2e-3,
        right="Right: better than before the training, but still fewer than half of the checks: "
              "training does not add a second receptionist at night.",
        hint="In shift_table, take the night row and the (Downtown, after) column: a percentage "
             "of the response-time checks.")),
    "04-chat-resolved": ("Chat tickets resolved within 24 hours after the launch", Number(
        _chat_resolved, kind="share",
        right="Right: a little lower than before the launch. The bot sped up the first reply, "
              "not the solution.",
        hint="Keep the chat tickets created on or after 1 July 2025 and take the mean of "
             "(resolved_h <= 24) over them: a share between 0 and 1.")),
    "04-sale-day-ucl": ("The p-chart's upper limit on the sale day", Number(
        _sale_day_ucl, rel_tol=2e-3,
        right="Right: on a day with four times the orders, the limits are about half as far from "
              "the centre line; the rate still stays inside them.",
        hint="Read the ucl column of p_chart in the row for 2025-11-11; it is a proportion "
             "(tickets per order), not a percentage.")),
    "04-ucl-after": ("The individuals chart's upper limit after the launch", Number(
        _ucl_after, rel_tol=2e-3,
        right="Right: worked out from the months after the launch only, the upper limit is far "
              "below the old one, so slow days of the new process stand out.",
        hint="Use the chart computed from the days after the launch only (after_chart), not the "
             "whole year: its attrs[\"ucl\"].")),
}
