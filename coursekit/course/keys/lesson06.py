"""Lesson 06's "Your turn" checks. Expected values come from the case data, computed here with
plain pandas when a check runs."""
from ..answers import Choice, Label, Number, Parts, Together
from .recovery_cases import complaints, fcr_pct, paradox_difference, stays

JUSTICE_WORDS = ("distributive", "procedural", "interactional")


def _silent_share(hotel) -> float:
    failed = stays()[stays()["failure"]]
    part = failed[failed["property"] == hotel]
    return float(part["complaint_id"].isna().mean())


def _more_silent() -> str:
    return max(("Downtown", "Lakeside"), key=_silent_share)


def _vital(causes) -> set:
    """The vital few of a list of causes: up to the cause whose cumulative share reaches 80 %."""
    counts = causes.value_counts()
    counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
    before = counts.cumsum().shift(fill_value=0) / counts.sum()
    return set(counts.index[before < 0.8])


def _downtown_extra() -> str:
    c = complaints()
    extra = _vital(c.loc[c["property"] == "Downtown", "failure_type"].astype(str)) \
        - _vital(c["failure_type"].astype(str))
    return sorted(extra)[0]


def _failure_types():
    from ...datasets.tables import FAILURE_TYPES

    return list(FAILURE_TYPES)


CHECKS = {
    "06-silent-guests": ("Who stays silent", Together({
        "lakeside_silent_share": Number(lambda: _silent_share("Lakeside"), kind="share", hint=(
            "Lakeside's share is not right yet. Keep the stays with a failure, then the Lakeside "
            "ones, and take the mean of complaint_id.isna(): the share with no complaint.")),
        "more_silent": Choice(_more_silent, ["Downtown", "Lakeside"], hint=(
            "Compare the two hotels' shares of failures without a complaint: which is larger?")),
    }, right="Right: Lakeside's guests stay silent a little more often — a hotel with fewer "
             "complaints is not necessarily a hotel with fewer unhappy guests.")),
    "06-downtown-vital-few": ("Downtown's vital few", Label(
        _downtown_extra, _failure_types(), noun="failure type",
        right="Right: staff attitude is twice as common a failure at Downtown (the data card "
              "says so), so it joins the vital few there — the 'poor attitude' of the case.",
        hint="Run ck.recovery.pareto on the Downtown rows only and list the causes marked True in "
             "vital_few; then find the one that is not marked True in the table for both "
             "hotels.")),
    "06-which-justice": ("Which kind of justice failed", Parts(
        expected={"A": "interactional", "B": "procedural", "C": "distributive",
                  "D": "procedural", "E": "interactional", "F": "distributive"},
        allowed=JUSTICE_WORDS,
        right="Right: each recovery is in its place.",
        hint="For each one marked 'not yet', ask: was it the outcome (distributive), the "
             "process — speed, effort, being passed around (procedural) — or the way the guest "
             "was treated (interactional)?",
        explain={
            "A": "the outcome was generous; the treatment — no apology, curtness — was not.",
            "B": "the people were kind; the process was slow and hard work for the guest.",
            "C": "kind and fast, but the outcome did not make up for what the guest lost.",
            "D": "being passed around and repeating the story is a failure of the process.",
            "E": "no explanation and a hint of blame: the treatment failed.",
            "F": "a remedy the guest cannot use is an unfair outcome.",
        },
        ask={
            "A": "the money was fine — what was missing in how the manager spoke?",
            "B": "was anyone rude, or was it the forms and the waiting?",
            "C": "was the treatment or the speed at fault, or what the guest received?",
            "D": "is anyone rude here, or is the route through the hotel the problem?",
            "E": "what did the receptionist say and not say?",
            "F": "can the guest use what she was given?",
        },
    )),
    "06-paradox-within-60": ("The paradox with a 60-minute limit", Number(
        lambda: paradox_difference(within_min=60),
        right="Right: with a more generous 'fast', more guests count as recovered fast and fair "
              "and the paradox is still there, and still about a third of a scale point.",
        hint="Change <= 30 to <= 60 in the cell that marks the fast-and-fair recoveries, run it "
             "and the next one, and read the first row of the second table: satisfaction, fast "
             "and fair minus no failure.")),
    "06-phone-fcr-change": ("First-contact resolution on the phone", Number(
        lambda: fcr_pct("phone", "after") - fcr_pct("phone", "before"), rel_tol=1e-2,
        right="Right: on the phone, which kept its human agents, first-contact resolution barely "
              "moved, while in chat, where the bot answers first, it fell by about six points.",
        hint="Take the phone row after the launch minus the phone row before it, in the "
             "first-contact resolution column (in %).",
        mistakes=[(lambda: fcr_pct("phone", "before") - fcr_pct("phone", "after"),
                   "The size is right but the sign is not: take after minus before."),
                  (lambda: fcr_pct("chat", "after") - fcr_pct("chat", "before"),
                   "That is chat's change. This question asks about the phone rows.")])),
}
