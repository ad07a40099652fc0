"""Lesson 07's "Your turn" checks. Expected values come from the shop's case data, computed here
with numpy and plain pandas when a check runs."""
import numpy as np

from ..answers import Number, Parts, Picks
from .shop import did, slope, table

STAGES = ("strategy", "design", "transition", "operation", "improvement")
CATEGORIES = ("delivery", "return/refund", "product question", "payment", "account")


def _more_contacts():
    chat = table("ecommerce_tickets")
    chat = chat[chat["channel"] == "chat"]
    after = chat["created"] >= np.datetime64("2025-07-01")
    means = chat.groupby([after, chat["category"].astype(str)])["contacts"].mean()
    return [c for c in CATEGORIES if means[(True, c)] > means[(False, c)]]


def _after_launch_signals() -> int:
    daily = table("ecommerce_daily")
    values = daily.loc[daily["date"] >= np.datetime64("2025-07-01"),
                       "mean_first_response_min"].to_numpy(dtype=float)
    mr_bar = np.abs(np.diff(values)).mean()
    centre = values.mean()
    return int(((values > centre + 2.66 * mr_bar) | (values < centre - 2.66 * mr_bar)).sum())


def _cs_to_repurchase() -> float:
    panel = table("ecommerce_units")
    return slope(panel["repurchase_pct"], panel["customer_satisfaction"])


def _like_the_shop() -> int:
    survey = table("ecommerce_recommend")
    answers = survey["recommend"].to_numpy(dtype=float)
    shop = 100 * ((answers >= 9).mean() - (answers <= 6).mean())
    count = 0
    for _, rows in survey.groupby("unit_id", observed=True):
        a = rows["recommend"].to_numpy(dtype=float)
        p, d = (a >= 9).mean(), (a <= 6).mean()
        half = 100 * 1.959963984540054 * np.sqrt((p + d - (p - d) ** 2) / len(a))
        count += 100 * (p - d) - half <= shop <= 100 * (p - d) + half
    return int(count)


CHECKS = {
    "07-life-cycle-stages": ("Six activities, five stages", Parts(
        expected={1: "strategy", 2: "design", 3: "transition", 4: "operation",
                  5: "improvement", 6: "transition"},
        allowed=STAGES,
        right="Right: every activity is in its stage. Notice that the pilot and the switch-over "
              "are both transition: putting a design into practice.",
        hint="For each one marked 'not yet', ask: is this deciding what to offer (strategy), "
             "specifying how (design), putting it into practice (transition), running it "
             "(operation), or learning from feedback (improvement)?",
        explain={
            1: "choosing what to compete on is strategy.",
            2: "a standard and the bot's rules are part of the design.",
            3: "a pilot with training puts the design into practice: transition.",
            4: "watching the running service is operation.",
            5: "analysing feedback to find what to change is feedback and improvement.",
            6: "switching every customer over is the last step of the transition.",
        },
        ask={
            1: "is this about how, or about what the shop will compete on?",
            2: "is anything being delivered yet, or only specified?",
            3: "is this the design itself, or the step that brings it into use?",
            4: "is the service already running every day?",
            5: "is this running the service, or learning from what customers said?",
            6: "is the bot already in daily use, or is this the move into use?",
        })),
    "07-more-contacts": ("More contacts after the launch", Picks(
        _more_contacts, CATEGORIES,
        right="Right: the complex topics. The bot answers first, then hands over, and the "
              "customer has to explain again.",
        hint="Compare the 'after' and 'before' rows of the table column by column; keep the "
             "categories whose 'after' mean is the larger.")),
    "07-after-launch-signals": ("Signals once the limits fit the new process", Number(
        _after_launch_signals,
        right="Right: with limits from after the launch the chart flags only the days when "
              "something went wrong, the planted incidents of the data card.",
        hint="Use only the days from 1 July: response[\"2025-07-01\":] in individuals_chart, "
             "with no baseline, then .out_of_control.sum().")),
    "07-cs-repurchase": ("Customer satisfaction to repurchase", Number(
        _cs_to_repurchase, rel_tol=1e-3,
        right="Right: about 22 repurchase points per point of customer satisfaction on its 1-5 "
              "scale.",
        hint="The outcome is repurchase_pct and the driver customer_satisfaction; read the "
             "estimate column, not the interval.")),
    "07-pilot-turnover": ("The pilot and turnover", Number(
        lambda: did("turnover_pct"),
        right="Right: turnover fell in the pilot stations compared with the others. Random "
              "assignment rules out that better-run stations chose the tool.",
        hint="Call ck.chain.difference_in_differences(panel, \"turnover_pct\", treated=\"pilot\", "
             "after=\"after\") and take .attrs[\"estimate\"]: a negative number means turnover "
             "fell.")),
    "07-stations-like-the-shop": ("Stations the survey cannot tell from the shop", Number(
        _like_the_shop,
        right="Right: about half the stations cannot be told apart from the shop's average by "
              "their own 80 answers.",
        hint="Count the rows where ci_low <= nps_all and ci_high >= nps_all: "
             "((stations[\"ci_low\"] <= nps_all) & (stations[\"ci_high\"] >= nps_all)).sum().")),
    "07-will-skill": ("Four employees on the will/skill matrix", Parts(
        expected={1: "B", 2: "C", 3: "A", 4: "D"},
        allowed=("A", "B", "C", "D"),
        right="Right. Mei needs a reason to care again, Tao training, Lin trust and authority, "
              "and Kai clear standards and close support.",
        hint="For each one marked 'not yet', ask two questions: does this person want to serve "
             "well, and can they do it now?",
        explain={1: "able but no longer willing.", 2: "willing, not yet able.",
                 3: "willing and able.", 4: "neither willing nor able, for now."},
        ask={1: "does Mei know the job? does she want to do it well?",
             2: "does Tao want to help? can he do a refund on his own?",
             3: "is there anything Lin cannot do, or does not want to do?",
             4: "does Kai get the rules right? does he want to help?"})),
}
