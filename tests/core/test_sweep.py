"""The sweep of issue 11: generated bad tables thrown at every public function.

Every function named in an analysis subpackage's ``__all__`` is called (``_recipes.py`` says
how; a function it does not know gets the bad table as its first argument). Whatever the
input, the answer is a clear :class:`coursekit.InputError` or a correct result, never another
exception. Stronger rules where the recipe knows what a column holds:

* an infinite, absurdly large, date, duration, yes/no, text or complex value where a number,
  a time or a KANO answer belongs must raise InputError, and the message names the column;
* a not-applicable code (99) among ratings must raise or give a SuspectCodeWarning;
* a Series, array, list, dict, number, None, an empty table or a repeated column name where a
  table belongs must raise InputError;
* a change in a column the function does not read must not change its result;
* any result holds no infinite numbers and no negative counts.
"""
from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coursekit as ck

from ._recipes import generic_recipe, public_functions, recipes, subpackages

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

FUNCTIONS = public_functions()
RECIPES = recipes()

NUMBER_POISON = [np.inf, -np.inf, 1e20, -1e20, pd.Timestamp("2025-03-01"), pd.Timedelta("2h"),
                 True, "n/a", 1 + 2j, 10**20]
TIME_POISON = [np.inf, 1.5, True, "not a time", pd.Timedelta("2h"),
               pd.Timestamp("2025-03-01 09:00", tz="Asia/Shanghai")]
ANSWER_POISON = [np.inf, 1e20, True, "maybe", pd.Timestamp("2025-03-01"), 7, 0.5]
ANYTHING = [*NUMBER_POISON, np.nan, None, "text", -3, 0, 99]
STRUCTURES = ("series", "ndarray", "list", "dict", "none", "number", "empty", "no_columns")
COUNT_COLUMNS = {"n", "count", "tickets", "satisfaction_n", "unresolved", "items", "rated",
                 "A", "O", "M", "I", "R", "Q", "defects", "size"}


def test_every_public_function_is_swept():
    assert {"kano", "servqual", "mot", "recovery", "spc", "datasets"} <= set(subpackages())
    assert len(FUNCTIONS) >= 39
    assert set(RECIPES) <= set(FUNCTIONS), set(RECIPES) - set(FUNCTIONS)


def _recipe(name):
    return RECIPES.get(name) or generic_recipe(FUNCTIONS[name])


@st.composite
def mutations(draw, recipe, base):
    """One change to the valid input: a cell, a whole column, the table's shape or its index."""
    if not recipe.table:
        return ("structure", draw(st.sampled_from(("series", "ndarray", "list", "dict", "none",
                                                    "number", "frame"))))
    columns = list(base.columns)
    kind = draw(st.sampled_from(("cell", "cell", "cell", "column", "duplicate", "structure",
                                 "index")))
    if kind == "cell":
        column = draw(st.sampled_from(columns))
        row = draw(st.integers(0, len(base) - 1))
        pool = (TIME_POISON if column in recipe.times else
                ANSWER_POISON if column in recipe.answers else ANYTHING)
        return ("cell", column, row, draw(st.sampled_from(pool)))
    if kind == "column":
        return ("column", draw(st.sampled_from(columns)),
                draw(st.sampled_from(("datetime", "timedelta", "bool", "text"))))
    if kind == "duplicate":
        return ("duplicate", draw(st.sampled_from(columns)))
    if kind == "structure":
        return ("structure", draw(st.sampled_from(STRUCTURES)))
    return ("index", draw(st.sampled_from(("shuffle", "repeat", "text"))))


def apply(mutation, base):
    kind = mutation[0]
    if kind == "structure":
        return _structure(mutation[1], base)
    table = base.copy()
    if kind == "cell":
        _, column, row, value = mutation
        table[column] = table[column].astype(object)
        table.iloc[row, table.columns.get_loc(column)] = value
    elif kind == "column":
        _, column, what = mutation
        n = len(table)
        table[column] = {"datetime": pd.date_range("2025-01-01", periods=n),
                         "timedelta": pd.to_timedelta(np.arange(n), unit="h"),
                         "bool": np.arange(n) % 2 == 0,
                         "text": [f"t{i}" for i in range(n)]}[what]
    elif kind == "duplicate":
        table = pd.concat([table, table[[mutation[1]]]], axis=1)
    elif kind == "index":
        order = np.random.default_rng(len(table)).permutation(len(table))
        table = {"shuffle": table.iloc[order],
                 "repeat": table.set_axis([0] * len(table)),
                 "text": table.set_axis([f"x{i}" for i in range(len(table))])}[mutation[1]]
    return table


def _structure(what, base):
    frame = base if isinstance(base, pd.DataFrame) else pd.DataFrame({"name": [base]})
    return {"series": frame.iloc[:, 0], "ndarray": frame.to_numpy(), "list": frame.to_numpy().tolist(),
            "dict": {"a": 1}, "none": None, "number": 7, "empty": frame.iloc[0:0],
            "no_columns": frame.iloc[:, []], "frame": frame}[what]


def run(recipe, table):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return recipe.call(table), None, caught
        except ck.InputError as error:
            return None, error, caught
        finally:
            plt.close("all")


def _named(error, column, recipe) -> bool:
    text = str(error)
    return any(repr(str(c)) in text for c in (column, recipe.aliases.get(column, column)))


def check(name, mutation, recipe, base, base_result):
    table = apply(mutation, base)
    result, error, caught = run(recipe, table)
    kind = mutation[0]
    if not recipe.takes_input or not recipe.known:
        pass  # no recipe says what it takes: it ran without another exception, all to ask
    elif kind == "structure" and recipe.table and mutation[1] != "frame":
        accepts = recipe.carrier or (mutation[1] == "series" and name.endswith(".pareto"))
        assert error is not None or accepts, f"{name} accepted a {mutation[1]} as its table"
    elif kind == "structure" and not recipe.table:
        assert error is not None, f"{name} accepted {mutation[1]!r} as a name"
    elif kind == "duplicate" and recipe.table and not recipe.carrier:
        assert error is not None and _named(error, mutation[1], recipe), (name, mutation, error)
    elif kind in ("cell", "column"):
        column = mutation[1]
        value = mutation[3] if kind == "cell" else mutation[2]
        poisoned = (kind == "column" and not (value == "datetime" and column in recipe.times)) \
            or (kind == "cell" and (_listed(value) or isinstance(value, str)))
        if column in recipe.strict and poisoned and not _harmless(recipe, column, value):
            assert error is not None, f"{name} gave a result with {value!r} in {column!r}"
            assert _named(error, column, recipe), f"{name}: {error} does not name {column!r}"
        elif column in recipe.numbers and recipe.ratings and kind == "cell" and value == 99:
            suspects = [w for w in caught if issubclass(w.category, ck.SuspectCodeWarning)]
            assert error is not None or suspects, f"{name} took 99 among ratings silently"
        elif not recipe.reads(column) and recipe is RECIPES.get(name):
            assert error is None, f"{name} blamed {column!r}, which it does not read: {error}"
            _same(result, base_result, column)
    if error is not None:
        assert str(error).strip(), name
    else:
        _sane(result, name)


def _listed(value) -> bool:
    return any(value is p or (type(value) is type(p) and value == p)
               for p in NUMBER_POISON + TIME_POISON + ANSWER_POISON)


def _harmless(recipe, column, value) -> bool:
    """Values that are valid where they land: a naive time in a naive time column, a whole
    number 1-5 in a KANO answer column."""
    if column in recipe.times:
        return isinstance(value, pd.Timestamp) and value.tz is None
    return False


def _same(result, base_result, column):
    if isinstance(result, pd.DataFrame):
        left, right = result.drop(columns=[column], errors="ignore"), \
            base_result.drop(columns=[column], errors="ignore")
        pd.testing.assert_frame_equal(left, right, check_dtype=False)
    elif isinstance(result, (float, int)):
        assert result == pytest.approx(base_result, nan_ok=True)


def _sane(result, name):
    frames = [result] if isinstance(result, pd.DataFrame) else \
        [x for x in (result if isinstance(result, tuple) else ()) if isinstance(x, pd.DataFrame)]
    for frame in frames:
        for column in frame.columns:
            values = frame[column]
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                numbers = values.to_numpy(dtype=float, na_value=np.nan)
                assert not np.isinf(numbers).any(), f"{name}: inf in {column!r}"
                if column in COUNT_COLUMNS:
                    assert (numbers[~np.isnan(numbers)] >= 0).all(), f"{name}: negative {column!r}"
    if isinstance(result, float):
        assert not np.isinf(result), name


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_bad_tables_get_an_input_error_or_a_correct_result(name):
    recipe = _recipe(name)
    base = recipe.base()
    base_result, error, _ = run(recipe, base)
    if recipe is RECIPES.get(name):
        assert error is None, f"{name} refuses its valid example: {error}"
    slow = "plot" in name or name.startswith("datasets.")
    settings_ = settings(max_examples=8 if slow else 30, deadline=None, derandomize=True,
                         suppress_health_check=list(HealthCheck), database=None)

    @settings_
    @given(mutations(recipe, base))
    def sweep(mutation):
        check(name, mutation, recipe, base, base_result)

    sweep()
