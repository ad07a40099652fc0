"""The cases a capstone team can take, what each offers at every stage, and the answers the
board can score for it."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..core import InputError

#: The four timed stages of the capstone, in order.
STAGES = ("diagnose", "prioritise", "standards", "recovery")


@dataclass(frozen=True)
class Case:
    """One case: its name, tables, suggested analyses per stage, and its board challenges."""

    key: str
    title: str
    tables: tuple
    stages: dict
    #: plan field -> the board challenge that scores it
    auto: dict = field(default_factory=dict)


CASES = {
    "airport": Case(
        "airport", "The airport (fictional): passenger survey", ("airport_journey",), {
            "diagnose": [("Emotion curve of the eight touchpoints", "ck.mot.emotion_curve", "01"),
                         ("Importance–performance grid (relative weights, crosshairs at the "
                          "means)", "ck.mot.ipa", "02")],
            "prioritise": [("Relative weights of overall satisfaction",
                            "ck.mot.driver_importance", "02"),
                           ("The waiting-time threshold at security", "pandas groupby", "02")],
            "standards": [("A ceiling standard: the share of passengers waiting over 20 "
                           "minutes", "pandas", "02"),
                          ("A p-chart of that share, day by day, once it is collected",
                           "ck.spc.p_chart", "04")],
            "recovery": [("Delays: the gate rating by how early the delay was announced",
                          "pandas groupby", "01, 02"),
                         ("Explore, propose, act, confirm at the gate", "—", "01")]},
        auto={"top_driver": "08-airport-top-driver", "concentrate_here": "08-airport-concentrate"}),
    "hotel": Case(
        "hotel", "The hotel chain (fictional): SERVQUAL, KANO, audits, complaints",
        ("hotel_servqual", "hotel_zone", "hotel_management", "hotel_kano", "hotel_audits",
         "hotel_complaints", "hotel_stays"), {
            "diagnose": [("SERVQUAL gaps by hotel, unweighted and weighted",
                          "ck.servqual.dimension_gaps", "03"),
                         ("Zone of tolerance: below, within or above", "ck.servqual.zone_of_tolerance",
                          "03"),
                         ("The listening gap: managers against guests", "ck.servqual.dimension_gaps",
                          "04")],
            "prioritise": [("KANO categories with Fong's test and the close-call rule",
                            "ck.kano.summarize", "05"),
                           ("Drivers of satisfaction after a complaint (the three kinds of "
                            "justice)", "ck.mot.driver_importance", "06")],
            "standards": [("The seven written standards", "ck.datasets.HOTEL_STANDARDS", "04"),
                          ("p-chart of daily compliance from the audits", "ck.spc.p_chart", "04")],
            "recovery": [("Recovery KPIs of the complaint log", "ck.recovery.kpis", "06"),
                         ("The recovery paradox: stays with and without a failure",
                          "ck.recovery.recovery_paradox", "06"),
                         ("Pareto analysis of failure types", "ck.recovery.pareto", "06")]},
        auto={"top_driver": "08-hotel-top-driver", "must_be": "08-hotel-must-be"}),
    "ecommerce": Case(
        "ecommerce", "The online shop (fictional): tickets, daily dashboard, KANO",
        ("ecommerce_tickets", "ecommerce_daily", "ecommerce_kano", "ecommerce_kano_2023"), {
            "diagnose": [("Ticket KPIs by channel, before and after the smart-service launch",
                          "ck.recovery.kpis", "06, 07"),
                         ("Pareto analysis of ticket categories", "ck.recovery.pareto", "06")],
            "prioritise": [("KANO categories, new and loyal customers", "ck.kano.summarize", "05"),
                           ("Drivers of satisfaction among tickets (first response, resolution "
                            "time, contacts)", "ck.mot.driver_importance", "07")],
            "standards": [("p-chart of the daily complaint rate", "ck.spc.p_chart", "04"),
                          ("Individuals chart of the daily first response, limits after the "
                           "launch", "ck.spc.individuals_chart", "04, 07")],
            "recovery": [("First-contact resolution and time to resolution by category",
                          "ck.recovery.kpis", "06"),
                         ("The ticket categories behind most contacts", "ck.recovery.pareto",
                          "06")]},
        auto={"top_driver": "08-ecommerce-top-driver", "must_be": "08-ecommerce-must-be"}),
    "own": Case(
        "own", "Your own survey: your organisation's data", (), {
            "diagnose": [("Read and check your export (the notebook 'Your own survey')",
                          "ck.survey.read, ck.survey.validate", "your own survey"),
                         ("SERVQUAL from your own items, or an IPA grid from stated or derived "
                          "importance", "ck.servqual.from_survey, ck.mot.ipa_stated, "
                          "ck.mot.ipa_derived", "02, 03")],
            "prioritise": [("KANO from a wide export (each feature's two questions paired)",
                            "ck.kano.from_wide, ck.kano.summarize", "05"),
                           ("A driver analysis of your overall rating", "ck.mot.driver_importance",
                            "02")],
            "standards": [("A standard per priority and the control chart that watches it",
                           "ck.spc.p_chart, ck.spc.individuals_chart", "04")],
            "recovery": [("Your complaint or ticket log, if you have one", "ck.recovery.kpis",
                          "06")]},
        auto={}),
}


def case(key) -> Case:
    """The case called *key* ("airport", "hotel", "ecommerce" or "own")."""
    name = str(key).strip().lower().replace("-", "").replace(" ", "") if key is not None else ""
    if name not in CASES:
        raise InputError(f"There is no capstone case {key!r}. Choose one of "
                         f"{', '.join(repr(k) for k in CASES)}.")
    return CASES[name]


def cases():
    """What each capstone case offers at each of the four stages, as a table.

    One row per case, stage and suggested analysis, with the coursekit function that does it
    and the lesson that taught it. Teams choose a case with it; the scaffold follows it.

    Used in: lesson 08.

    >>> import coursekit as ck
    >>> table = ck.capstone.cases()
    >>> list(table.columns)
    ['case', 'stage', 'analysis', 'function', 'lesson']
    >>> sorted(table["case"].unique())
    ['airport', 'ecommerce', 'hotel', 'own']
    """
    import pandas as pd

    rows = [(c.key, stage, what, call, lesson) for c in CASES.values()
            for stage in STAGES for what, call, lesson in c.stages[stage]]
    return pd.DataFrame(rows, columns=["case", "stage", "analysis", "function", "lesson"])


@lru_cache(maxsize=None)
def options(case_key: str, plan_field: str) -> tuple:
    """The names a board-scored field may take for a case (a touchpoint, a KANO feature, ...)."""
    from .. import datasets

    if plan_field in ("top_driver", "concentrate_here") and case_key == "airport":
        return tuple(datasets.AIRPORT_TOUCHPOINTS.index)
    if plan_field == "top_driver" and case_key == "hotel":
        return ("distributive", "procedural", "interactional")
    if plan_field == "top_driver" and case_key == "ecommerce":
        return ("first_response_min", "resolution_hours", "contacts")
    if plan_field == "must_be" and case_key in ("hotel", "ecommerce"):
        column = datasets.load(f"{case_key}_kano")["attribute"]
        return tuple(str(c) for c in column.cat.categories)
    return ()
