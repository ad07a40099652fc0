"""How the sweep calls each public function: a valid input table and the call that puts a
(generated, possibly bad) table in its place.

Each recipe says which columns the function reads and what they hold, so the sweep knows
what a bad value there must do: numbers, times and KANO answers are *strict* (anything that is
not one must raise InputError naming the column), ratings also have not-applicable codes to
spot, and columns the function does not read must not change its result at all.

A function with no recipe here is still swept (``generic_recipe``): the bad table goes in as
its first argument, so nothing new escapes the sweep for want of a recipe.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import cache
from typing import Callable

import numpy as np
import pandas as pd

import coursekit as ck

# Subpackages that take no tables of survey or service data: the look of figures, the course
# tools (lessons, glossary, quizzes) and the team board's client (answers sent to a server).
NOT_DATA = {"style", "course", "classroom"}


@dataclass
class Recipe:
    base: Callable[[], object]                 # a valid input for the function
    call: Callable[[object], object]           # the function, with the input in its place
    numbers: tuple = ()                        # numeric columns read (strict)
    times: tuple = ()                          # date-time columns read (strict)
    answers: tuple = ()                        # KANO answer columns read (strict)
    read: tuple = ()                           # other columns read (lenient: labels, flags)
    ratings: bool = False                      # the numbers are ratings: 99 must warn or raise
    table: bool = True                         # the input is a table, not a Series or a name
    carrier: bool = False                      # the table only carries the columns passed on
    takes_input: bool = True                   # False: the function has no argument to feed
    known: bool = True                         # False: a generic call; only "no other exception"
    aliases: dict = field(default_factory=dict)  # column -> the name messages use for it

    @property
    def strict(self) -> tuple:
        return (*self.numbers, *self.times, *self.answers)

    def reads(self, column) -> bool:
        return column in self.strict or column in self.read


def _rng(seed=11):
    return np.random.default_rng(seed)


@cache
def ratings(rows=40, columns=("a", "b", "c", "overall"), seed=11) -> pd.DataFrame:
    rng = _rng(seed)
    halo = rng.normal(size=(rows, 1))
    values = np.clip(np.rint(4 + 1.3 * (0.7 * halo + rng.normal(size=(rows, len(columns))))), 1, 7)
    return pd.DataFrame(values.astype(np.int64), columns=list(columns),
                        index=[f"r{i:02d}" for i in range(rows)])


def with_note(frame: pd.DataFrame) -> pd.DataFrame:
    """The table plus a free-text column no analysis reads."""
    return frame.assign(note=[f"note {i}" for i in range(len(frame))])


ITEMS = ("q01", "q02", "q03", "q04")
DIMENSIONS = {"Tangibles": ["q01", "q02"], "Reliability": ["q03", "q04"]}


def GROUPS() -> pd.Series:  # noqa: N802 - a constant, built fresh so no test can change it
    """Two groups of the servqual_pair respondents, for the between-group comparisons."""
    return pd.Series(["Downtown", "Lakeside"] * 15, index=servqual_pair()[0].index)


@cache
def servqual_pair():
    e = ratings(30, ITEMS, seed=3)
    p = ratings(30, ITEMS, seed=4)
    return e, p


@cache
def zone_tables():
    a = ratings(30, ITEMS, seed=5).clip(upper=5)
    d = (a + 2).clip(upper=7)
    p = ratings(30, ITEMS, seed=6)
    return a, d, p


@cache
def gap_survey(seed=21, rows=24) -> pd.DataFrame:
    """A SERVQUAL survey table in the case layout (E_q01 ... P_q22, w_ points, property)."""
    ids = ck.servqual.ITEM_IDS
    points = np.tile([20, 30, 20, 15, 15], (rows, 1))
    return pd.concat([ratings(rows, ids, seed).add_prefix("E_"),
                      ratings(rows, ids, seed + 1).add_prefix("P_"),
                      pd.DataFrame(points, columns=list(ck.servqual.WEIGHT_COLUMNS.values()),
                                   index=[f"r{i:02d}" for i in range(rows)]),
                      pd.DataFrame({"property": ["Downtown", "Lakeside"] * (rows // 2)},
                                   index=[f"r{i:02d}" for i in range(rows)])], axis=1)


@cache
def audits() -> pd.DataFrame:
    rng = _rng(12)
    n = 40
    return pd.DataFrame({"standard": rng.choice(["greet", "room ready", "call back"], n),
                         "shift": rng.choice(["day", "night"], n),
                         "passed": rng.random(n) < 0.8, "auditor": [f"a{i % 3}" for i in range(n)]})


@cache
def kano_long() -> pd.DataFrame:
    rng = _rng(2)
    n = 60
    return pd.DataFrame({"attribute": np.repeat(["wifi", "towels", "bar"], n // 3),
                         "functional": rng.integers(1, 6, n), "dysfunctional": rng.integers(1, 6, n),
                         "importance": rng.integers(1, 8, n)})


@cache
def kano_counts() -> pd.DataFrame:
    return pd.DataFrame({"A": [5, 1], "O": [3, 2], "M": [1, 6], "I": [1, 1], "R": [0, 0],
                         "Q": [0, 1]}, index=["late check-out", "clean towels"])


@cache
def tickets() -> pd.DataFrame:
    rng = _rng(7)
    n = 40
    created = pd.Timestamp("2025-03-01 08:00") + pd.to_timedelta(rng.integers(0, 10_000, n), "min")
    first = created + pd.to_timedelta(rng.integers(1, 120, n), "min")
    resolved = first + pd.to_timedelta(rng.integers(0, 600, n), "min")
    return pd.DataFrame({"created": created, "first_response": first, "resolved": resolved,
                         "contacts": rng.integers(1, 4, n), "csat": rng.integers(1, 6, n),
                         "channel": rng.choice(["app", "phone"], n)})


@cache
def customers() -> pd.DataFrame:
    rng = _rng(8)
    n = 60
    failure = rng.integers(0, 2, n)
    return pd.DataFrame({"failure": failure, "recovered": np.where(failure, rng.integers(0, 2, n), 0),
                         "s": rng.integers(1, 8, n)})


@cache
def failures() -> pd.DataFrame:
    return pd.DataFrame({"cause": ["slow reply", "wrong item", "late", "rude"], "n": [5, 3, 2, 1]})


@cache
def daily() -> pd.DataFrame:
    rng = _rng(9)
    days = pd.date_range("2025-01-01", periods=20, freq="D")
    return pd.DataFrame({"defects": rng.integers(0, 12, 20), "sizes": rng.integers(80, 120, 20),
                         "minutes": rng.normal(10, 2, 20).round(2)}, index=days)


@cache
def attributes() -> pd.DataFrame:
    return pd.DataFrame({"importance": [6.5, 6.8, 3.0, 4.2, 5.1, 5.9],
                         "performance": [5.9, 3.9, 6.1, 4.5, 4.8, 5.2]},
                        index=["check-in", "security", "lounge", "arrival", "bags", "gate"])


@cache
def stations() -> pd.DataFrame:
    """A small panel: eight units over four periods, a driver x and an outcome y, a pilot."""
    rng = _rng(13)
    unit = np.repeat([f"u{i}" for i in range(8)], 4)
    period = np.tile([1, 2, 3, 4], 8)
    x = rng.normal(5, 1, 32)
    return pd.DataFrame({"unit": unit, "period": period, "x": x,
                         "y": 2 + 0.5 * x + rng.normal(0, 0.3, 32),
                         "pilot": np.repeat([1, 0] * 4, 4), "after": (period > 2).astype(int)})


@cache
def recommend() -> pd.DataFrame:
    rng = _rng(17)
    return pd.DataFrame({"unit": np.repeat(["a", "b", "c"], 10),
                         "recommend": rng.integers(0, 11, 30)})


def _columns(table, *names):
    """The named columns of a table, or the bad input itself when it is no such table."""
    if isinstance(table, pd.DataFrame) and all(n in table.columns for n in names):
        return tuple(table[n] for n in names)
    return (table,) * len(names)


def _quiet(func, *args, **kwargs):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


def recipes() -> dict[str, Recipe]:
    mot, sq, kano, rec, spc, ds = ck.mot, ck.servqual, ck.kano, ck.recovery, ck.spc, ck.datasets
    ch = ck.chain
    survey = lambda: with_note(ratings())  # noqa: E731
    journey = lambda: ratings(30, ("booking", "security", "gate", "arrival"), seed=5)  # noqa: E731
    e, p = servqual_pair()
    a, d, pz = zone_tables()
    grid = lambda: _quiet(mot.ipa, "importance", "performance", data=attributes())  # noqa: E731
    drivers = lambda: _quiet(mot.driver_importance, ratings(), "overall", ["a", "b", "c"])  # noqa: E731
    return {
        "mot.driver_importance": Recipe(
            survey, lambda t: mot.driver_importance(t, "overall", ["a", "b", "c"]),
            numbers=("a", "b", "c", "overall"), ratings=True),
        "mot.ipa": Recipe(
            lambda: with_note(attributes()),
            lambda t: mot.ipa("importance", "performance", data=t), numbers=("importance", "performance")),
        "mot.peak_end": Recipe(journey, mot.peak_end, numbers=journey().columns, ratings=True),
        "mot.emotion_curve": Recipe(journey, mot.emotion_curve, numbers=journey().columns, ratings=True),
        "mot.plot_ipa": Recipe(grid, mot.plot_ipa, numbers=("importance", "performance"),
                               read=("attribute", "quadrant")),
        "mot.plot_emotion_curve": Recipe(journey, mot.plot_emotion_curve, numbers=journey().columns,
                                         ratings=True),
        "mot.plot_importance": Recipe(drivers, mot.plot_importance, numbers=("importance", "share"),
                                      read=("driver",)),
        "servqual.split_survey": Recipe(
            lambda: with_note(pd.concat([ratings(30, sq.ITEM_IDS, 3).add_prefix("E_"),
                                         ratings(30, sq.ITEM_IDS, 4).add_prefix("P_")], axis=1)),
            sq.split_survey, read=tuple(f"{x}_{q}" for x in "EP" for q in sq.ITEM_IDS)),
        "servqual.gaps": Recipe(lambda: e, lambda t: sq.gaps(t, p), numbers=ITEMS, ratings=True),
        "servqual.dimension_gaps": Recipe(lambda: e, lambda t: sq.dimension_gaps(t, p, dimensions=DIMENSIONS),
                                          numbers=ITEMS, ratings=True),
        "servqual.score": Recipe(lambda: e, lambda t: sq.score(t, p, dimensions=DIMENSIONS),
                                 numbers=ITEMS, ratings=True),
        "servqual.zone_of_tolerance": Recipe(
            lambda: a, lambda t: sq.zone_of_tolerance(t, d, pz, dimensions=DIMENSIONS),
            numbers=ITEMS, ratings=True),
        "servqual.cronbach_alpha": Recipe(lambda: e, sq.cronbach_alpha, numbers=ITEMS, ratings=True),
        "servqual.dimension_alpha": Recipe(lambda: e, lambda t: sq.dimension_alpha(t, dimensions=DIMENSIONS),
                                           numbers=ITEMS, ratings=True),
        "servqual.alpha_if_dropped": Recipe(lambda: e, sq.alpha_if_dropped, numbers=ITEMS,
                                            ratings=True),
        "servqual.bootstrap_gaps": Recipe(
            lambda: e, lambda t: sq.bootstrap_gaps(t, p, by=GROUPS(), dimensions=DIMENSIONS,
                                                   repetitions=200, seed=1),
            numbers=ITEMS, ratings=True),
        "servqual.compare_gaps": Recipe(
            lambda: e, lambda t: sq.compare_gaps(t, p, by=GROUPS(), dimensions=DIMENSIONS, method="t"),
            numbers=ITEMS, ratings=True),
        "servqual.listening_gap": Recipe(
            lambda: gap_survey(), lambda t: sq.listening_gap(t, gap_survey(seed=31)),
            numbers=tuple(c for c in gap_survey().columns if c != "property"), read=("property",),
            ratings=True),
        "servqual.compliance": Recipe(audits, lambda t: sq.compliance(t, by=["standard", "shift"]),
                                      read=("standard", "shift", "passed")),
        "servqual.plot_gaps": Recipe(lambda: _quiet(sq.dimension_gaps, e, p, dimensions=DIMENSIONS),
                                     sq.plot_gaps, numbers=("gap",),
                                     read=("dimension",)),
        "servqual.plot_profile": Recipe(lambda: e, lambda t: sq.plot_profile(t, p), numbers=ITEMS,
                                        ratings=True),
        "servqual.plot_zone": Recipe(
            lambda: _quiet(sq.zone_of_tolerance, a, d, pz, dimensions=DIMENSIONS), sq.plot_zone,
            numbers=("adequate", "desired", "perceived"), read=("item", "dimension", "position")),
        "kano.summarize": Recipe(kano_long, kano.summarize, answers=("functional", "dysfunctional"),
                                 read=("attribute",)),
        "kano.continuous_scores": Recipe(
            kano_long, lambda t: kano.continuous_scores(t, importance="importance"),
            numbers=("importance",), answers=("functional", "dysfunctional"), read=("attribute",),
            ratings=True),
        "kano.summarize_counts": Recipe(kano_counts, kano.summarize_counts, numbers=tuple("AOMIRQ")),
        "kano.classify": Recipe(kano_long, lambda t: kano.classify(*_columns(t, "functional", "dysfunctional")),
                                answers=("functional", "dysfunctional"), carrier=True),
        "kano.to_codes": Recipe(kano_long, lambda t: kano.to_codes(_columns(t, "functional")[0]),
                                answers=("functional",), carrier=True),
        "kano.stack_answers": Recipe(
            lambda: pd.DataFrame({"F_wifi": [1, 3, 2], "D_wifi": [3, 3, 5], "F_bar": [2, 1, 4],
                                  "D_bar": [5, 4, 3]}), kano.stack_answers,
            read=("F_wifi", "D_wifi", "F_bar", "D_bar")),
        "kano.plot_better_worse": Recipe(lambda: _quiet(kano.summarize, kano_long()),
                                         kano.plot_better_worse, numbers=("better", "worse"),
                                         read=("attribute", "category")),
        "kano.plot_continuous": Recipe(lambda: _quiet(kano.continuous_scores, kano_long()),
                                       kano.plot_continuous,
                                       numbers=("functional_score", "dysfunctional_score"),
                                       read=("attribute",)),
        "kano.answer_grid": Recipe(kano_long, lambda t: kano.answer_grid(t, "wifi"),
                                   answers=("functional", "dysfunctional"), read=("attribute",)),
        "kano.plot_answer_grid": Recipe(lambda: kano.answer_grid(kano_long(), "wifi"),
                                        kano.plot_answer_grid, numbers=tuple(kano.ANSWERS)),
        "kano.feature_explorer": Recipe(lambda: kano_long().assign(g=np.tile(["x", "y"], 30)),
                                        lambda t: kano.feature_explorer(t, by="g"),
                                        answers=("functional", "dysfunctional"),
                                        read=("attribute", "g")),
        "kano.compare": Recipe(lambda: kano_long().assign(g=np.tile(["x", "y"], 30)),
                               lambda t: kano.compare(t, by="g"),
                               answers=("functional", "dysfunctional"), read=("attribute", "g")),
        "kano.plot_comparison": Recipe(
            lambda: _quiet(kano.compare, kano_long().assign(g=np.tile(["x", "y"], 30)), by="g"),
            kano.plot_comparison, numbers=("better_x", "worse_x", "better_y", "worse_y"),
            read=("attribute", "category_x", "category_y")),
        "kano.priorities": Recipe(lambda: _quiet(kano.summarize, kano_long()), kano.priorities,
                                  numbers=("better", "worse"),
                                  read=("attribute", "category_close_call", "fong_significant")),
        "kano.plot_roadmap": Recipe(lambda: kano.priorities(_quiet(kano.summarize, kano_long())),
                                    kano.plot_roadmap, numbers=("priority", "better", "worse"),
                                    read=("attribute", "category", "contested")),
        "recovery.kpis": Recipe(tickets, lambda t: rec.kpis(t, by="channel"),
                                numbers=("contacts", "csat"),
                                times=("created", "first_response", "resolved"), read=("channel",)),
        "recovery.recovery_paradox": Recipe(customers, lambda t: rec.recovery_paradox(t, "s"),
                                            numbers=("s",), read=("failure", "recovered"), ratings=True),
        "recovery.pareto": Recipe(failures, lambda t: rec.pareto(t, cause="cause", count="n"),
                                  numbers=("n",), read=("cause",)),
        "recovery.plot_pareto": Recipe(lambda: rec.pareto(failures(), cause="cause", count="n"),
                                       rec.plot_pareto, numbers=("count", "cumulative_share"),
                                       read=("cause", "vital_few")),
        "recovery.plot_recovery_paradox": Recipe(
            lambda: _quiet(rec.recovery_paradox, customers(), "s"), rec.plot_recovery_paradox,
            numbers=("n", "mean", "ci_low", "ci_high"), read=("group",)),
        "spc.p_chart": Recipe(daily, lambda t: spc.p_chart(*_columns(t, "defects", "sizes")),
                              numbers=("defects", "sizes"), carrier=True),
        "spc.individuals_chart": Recipe(daily, lambda t: spc.individuals_chart(*_columns(t, "minutes")),
                                        numbers=("minutes",), carrier=True,
                                        aliases={"minutes": "values"}),
        "spc.plot_p_chart": Recipe(lambda: spc.p_chart(daily()["defects"], daily()["sizes"]),
                                   spc.plot_p_chart, numbers=("p", "centre", "lcl", "ucl"),
                                   read=("out_of_control",)),
        "spc.plot_individuals_chart": Recipe(lambda: spc.individuals_chart(daily()["minutes"]),
                                             spc.plot_individuals_chart,
                                             numbers=("value", "centre", "lcl", "ucl"),
                                             read=("out_of_control",)),
        "datasets.validate": Recipe(lambda: ds.load("hotel_stays").head(30),
                                    lambda t: ds.validate(t, "hotel_stays"),
                                    numbers=("nights", "satisfaction"), times=("arrival",),
                                    read=("stay_id", "property", "failure", "complaint_id",
                                          "recovered", "returned_1y")),
        "chain.link": Recipe(stations, lambda t: ch.link(t, "y", "x", cluster="unit"),
                             numbers=("x", "y"), read=("unit",)),
        "chain.links": Recipe(stations, lambda t: ch.links(t, [("x", "y")], cluster="unit"),
                              numbers=("x", "y"), read=("unit",)),
        "chain.add_lags": Recipe(stations, lambda t: ch.add_lags(t, "x", unit="unit",
                                                                  period="period"),
                                 read=("unit", "period", "x")),
        "chain.difference_in_differences": Recipe(
            stations, lambda t: ch.difference_in_differences(t, "y", treated="pilot",
                                                             after="after", cluster="unit"),
            numbers=("y",), read=("pilot", "after", "unit")),
        "chain.nps": Recipe(recommend, lambda t: ch.nps(t, "recommend", by="unit"),
                            numbers=("recommend",), read=("unit",)),
        "chain.plot_chain": Recipe(lambda: ch.links(stations(), [("x", "y")]), ch.plot_chain,
                                   numbers=("estimate", "ci_low", "ci_high"),
                                   read=("driver", "outcome")),
        "chain.plot_nps": Recipe(lambda: ch.nps(recommend(), by="unit"),
                                 lambda t: ch.plot_nps(t, by="unit"),
                                 numbers=("nps", "ci_low", "ci_high"), read=("unit",)),
        "mot.plot_blueprint": Recipe(
            lambda: pd.DataFrame({"step": ["Arrive", "Queue", "Board"],
                                  "Customer actions": ["Arrives", "Queues", "Boards"],
                                  "Onstage": ["Greets", "Scans", "Checks pass"],
                                  "Support processes": ["Displays", None, "Gate system"]}),
            mot.plot_blueprint, read=("step", "Customer actions", "Onstage", "Support processes")),
        "mot.journey_explorer": Recipe(lambda: journey().iloc[[0]], mot.journey_explorer,
                                       numbers=journey().columns, carrier=True),
        "datasets.load": Recipe(lambda: "hotel_stays", ds.load, table=False),
        "datasets.columns": Recipe(lambda: "hotel_stays", ds.columns, table=False),
    }


def generic_recipe(func) -> Recipe:
    """For a function no recipe knows: the bad table first, column names for other required
    arguments (a function taking names, like ``driver_importance``, gets the table's own)."""
    params = [p for p in inspect.signature(func).parameters.values()
              if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]

    def call(table):
        if not params:
            return func()  # nothing to put a table in: it must simply work
        names = list(table.columns[:len(params) - 1]) if isinstance(table, pd.DataFrame) else []
        names += ["a"] * (len(params) - 1 - len(names))
        return func(table, *names)

    return Recipe(lambda: with_note(ratings()), call, table=bool(params), takes_input=bool(params),
                  known=False)


def subpackages() -> list[str]:
    """The data subpackages: every subpackage ``coursekit`` exports, but those in NOT_DATA."""
    import types

    return [name for name in ck.__all__ if name not in NOT_DATA
            and isinstance(getattr(ck, name), types.ModuleType)]


def public_functions() -> dict[str, Callable]:
    """Every public function of the data subpackages, from their ``__all__``."""
    found = {}
    for sub in subpackages():
        module = getattr(ck, sub)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                found[f"{sub}.{name}"] = obj
    return found
