"""How a case table is described, checked and typed: one description serves the data card,
``validate`` and ``load``.

A :class:`Table` is a list of :class:`Column` objects plus a few whole-table rules. Checking a
frame against it never stops at the first problem: every problem found is collected, worded the
way ``coursekit._checks`` words them (column, up to five offending values by row label, what is
allowed), and reported together.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..core import InputError, column_numbers, raise_bad_values, require_columns, show_offenders

#: Kinds of column, with the words a data card uses for each.
KIND_WORDS = {
    "id": "identifier (text)",
    "text": "text",
    "int": "integer",
    "float": "decimal number",
    "bool": "True / False",
    "datetime": "date and time",
    "date": "date",
    "category": "category",
    "ordinal": "ordered category",
}
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATE_FORMAT = "%Y-%m-%d"
_TRUE = {"true", "yes", "y", "1", "t", "是"}
_FALSE = {"false", "no", "n", "0", "f", "否"}
_SEPARATORS = re.compile(r"[\s_\-]+")
_PANDAS_3 = int(pd.__version__.split(".")[0]) >= 3


@dataclass(frozen=True)
class Column:
    """One column of a case table.

    ``levels`` lists a category column's values (in order for an ordinal column). A *closed*
    column accepts only those levels; an open one (the default for plain categories) accepts a
    trainee's own labels too. ``lo``/``hi`` bound a numeric column. ``missing`` says whether a
    blank is allowed (a survey answer left out, a time not yet reached).
    """

    name: str
    kind: str
    meaning_en: str
    meaning_zh: str
    unit: str = ""
    levels: tuple = ()
    closed: bool | None = None
    lo: float | None = None
    hi: float | None = None
    missing: bool = False
    decimals: int = 0
    #: For ordinal answers with several spellings (KANO): value -> level or None if unknown.
    reader: Callable[[object], str | None] | None = None

    def __post_init__(self):
        if self.kind not in KIND_WORDS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.closed is None:
            object.__setattr__(self, "closed", self.kind == "ordinal")

    def allowed_text(self) -> str:
        """What this column accepts, in the words a card and an error message use."""
        if self.kind in ("int", "float"):
            whole = "whole numbers" if self.kind == "int" else "numbers"
            if self.lo is not None and self.hi is not None:
                return f"{whole} from {self.lo:g} to {self.hi:g}"
            if self.lo is not None:
                return f"{whole} of at least {self.lo:g}"
            return whole
        if self.kind in ("category", "ordinal") and self.levels:
            listed = ", ".join(repr(v) for v in self.levels)
            if self.closed:
                return ("one of " if self.kind == "category" else "in order: ") + listed
            return f"any label (the case data use {listed})"
        if self.kind == "bool":
            return "True/False (also yes/no, 1/0)"
        if self.kind == "datetime":
            return "date and time written year first, e.g. '2025-03-14 09:31:07'"
        if self.kind == "date":
            return "a date written year first, e.g. '2025-03-14'"
        return "any text"


@dataclass(frozen=True)
class Table:
    """A case table: its columns, its unique key and any whole-table rules.

    A rule takes the typed frame (only called when every column it names was typed without
    problems) and returns a list of problem sentences.
    """

    name: str
    case: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    rules: tuple[tuple[tuple[str, ...], Callable[[pd.DataFrame], list[str]]], ...] = ()
    lessons: str = ""
    filename: str = field(default="")

    def __post_init__(self):
        if not self.filename:
            object.__setattr__(self, "filename", f"{self.case}/{self.name}.csv")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


# --- typing one column --------------------------------------------------------------------

def problem_text(column: str, values, mask, problem: str, allowed: str) -> str:
    """One problem, worded exactly as ``coursekit._checks.raise_bad_values`` words it."""
    try:
        raise_bad_values(column, values, mask, allowed, problem=problem)
    except InputError as err:
        return str(err)
    raise AssertionError("raise_bad_values returned")  # pragma: no cover


def _blank(values: pd.Series) -> pd.Series:
    """True where an entry is missing or an empty/space-only string."""
    blank = values.isna()
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        # Checked on the distinct values only: ids and times are long columns.
        empties = [u for u in pd.unique(values[~blank]) if isinstance(u, str) and not u.strip()]
        if empties:
            blank |= values.isin(empties)
    return blank


def _numbers(col: Column, values: pd.Series, problems: list[str]) -> pd.Series:
    blank = _blank(values)
    if pd.api.types.is_bool_dtype(values.dtype):
        problems.append(problem_text(col.name, values, values.notna(), "entries that are True/False "
                                 "instead of numbers", col.allowed_text()))
        return pd.Series(np.nan, index=values.index)
    try:  # the core's one reading of numbers: no dates, durations, inf or absurd sizes
        numbers = pd.Series(column_numbers(values.where(~blank), col.name, col.allowed_text()),
                            index=values.index)
    except InputError as problem:
        problems.append(str(problem))
        return pd.Series(np.nan, index=values.index)
    ok = numbers.notna()
    if col.kind == "int":
        fraction = ok & (numbers != np.floor(numbers))
        if fraction.any():
            problems.append(problem_text(col.name, values, fraction, "entries that are not whole "
                                     "numbers", col.allowed_text()))
    outside = ok & (((numbers < col.lo) if col.lo is not None else False)
                    | ((numbers > col.hi) if col.hi is not None else False))
    if np.any(outside):
        problems.append(problem_text(col.name, values, outside, "values out of range",
                                 col.allowed_text()))
    if col.kind == "int" and not numbers.isna().any():
        return numbers.astype("int64")
    return numbers


def _normal(text: str) -> str:
    return _SEPARATORS.sub(" ", str(text).strip().casefold())


def _categories(col: Column, values: pd.Series, problems: list[str]) -> pd.Series:
    blank = _blank(values)
    canonical = {_normal(level): level for level in col.levels}

    def read(value):
        if col.reader is not None:
            return col.reader(value)
        return canonical.get(_normal(value), None if col.closed else str(value).strip())

    # Each distinct label is read once, so long columns stay fast.
    lookup = {u: read(u) for u in pd.unique(values[~blank])}
    mapped = values.map(lookup).astype(object).where(~blank, None)
    mapped = mapped.where(mapped.notna(), None)
    unknown = mapped.isna() & ~blank
    if unknown.any():
        problems.append(problem_text(col.name, values, unknown, "unknown categories",
                                 col.allowed_text()))
    found = list(pd.unique(mapped.dropna()))
    # The case's own levels (zero counts included) unless a trainee's labels are not among them.
    categories = list(col.levels) if set(found) <= set(col.levels) else found
    dtype = pd.CategoricalDtype(categories, ordered=col.kind == "ordinal")
    return pd.Series(pd.Categorical(mapped, dtype=dtype), index=values.index)


def _booleans(col: Column, values: pd.Series, problems: list[str]) -> pd.Series:
    if pd.api.types.is_bool_dtype(values.dtype) and not values.isna().any():
        return values.astype(bool)
    blank = _blank(values)

    def read(v):
        if isinstance(v, (bool, np.bool_)):
            return bool(v)
        if isinstance(v, (int, np.integer, float, np.floating)) and v in (0, 1):
            return bool(v)
        key = _normal(v)
        return True if key in _TRUE else False if key in _FALSE else None

    lookup = {u: read(u) for u in pd.unique(values[~blank])}
    mapped = values.map(lookup).astype(object).where(~blank, None)
    mapped = mapped.where(mapped.notna(), None)
    unknown = mapped.isna() & ~blank
    if unknown.any():
        problems.append(problem_text(col.name, values, unknown, "entries that are not True/False",
                                 col.allowed_text()))
    return mapped.eq(True)


def _datetimes(col: Column, values: pd.Series, problems: list[str]) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values
    blank = _blank(values)
    text = values.where(~blank).astype(object)
    fmt = DATETIME_FORMAT if col.kind == "datetime" else DATE_FORMAT
    # Exact format first (fast, and what the case data use); then any ISO 8601 spelling.
    parsed = pd.to_datetime(text, format=fmt, errors="coerce")
    retry = parsed.isna() & ~blank
    if retry.any():
        parsed[retry] = pd.to_datetime(text[retry], format="ISO8601", errors="coerce")
    bad = parsed.isna() & ~blank
    if bad.any():
        problems.append(problem_text(col.name, values, bad, "dates that cannot be read",
                                 col.allowed_text()))
    return parsed


def _texts(col: Column, values: pd.Series, problems: list[str]) -> pd.Series:
    blank = _blank(values)
    out = values.astype(object).where(~blank, None)
    out = out.map(lambda v: v if v is None else str(v).strip())
    # pandas 3 has a text dtype that keeps blanks missing; pandas 2's astype(str) would turn a
    # blank into the word "None", so there text stays in an object column.
    return out.astype("str") if _PANDAS_3 else out


_READERS = {"int": _numbers, "float": _numbers, "category": _categories, "ordinal": _categories,
            "bool": _booleans, "datetime": _datetimes, "date": _datetimes, "id": _texts,
            "text": _texts}


def type_frame(table: Table, data: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Return *data* typed by *table* (schema columns first, any others after) and the problems."""
    problems: list[str] = []
    try:
        require_columns(data, table.column_names, what="table")
    except InputError as missing:
        problems.append(str(missing))
    typed: dict[str, pd.Series] = {}
    clean: set[str] = set()
    for col in table.columns:
        if col.name not in data.columns:
            continue
        before = len(problems)
        values = data[col.name]
        if isinstance(values, pd.DataFrame):
            problems.append(f"Column {col.name!r} appears {values.shape[1]} times; "
                            "keep one and rename or drop the others.")
            continue
        typed[col.name] = _READERS[col.kind](col, values, problems)
        blank = _blank(values)
        if not col.missing and blank.any():
            problems.append(problem_text(col.name, values, blank, "missing entries",
                                     "a value in every row"))
        if len(problems) == before:
            clean.add(col.name)
    extra = [c for c in data.columns if c not in typed and c not in table.column_names]
    out = pd.DataFrame(typed, index=data.index)
    for name in extra:
        out[name] = data[name]
    if table.key and set(table.key) <= clean:
        dup = out.duplicated(list(table.key), keep=False)
        if dup.any():
            shown = out.loc[dup, list(table.key)].astype(str).agg(" / ".join, axis=1)
            every = pd.Series(True, index=shown.index)
            if len(table.key) == 1:
                who = f"Column {table.key[0]!r} should identify each row once"
            else:
                who = (f"Columns {' and '.join(repr(k) for k in table.key)} should together "
                       "identify each row once")
            problems.append(f"{who}, but {int(dup.sum())} rows share a value: "
                            f"{show_offenders(shown, every)}. Allowed: each value once.")
    for needed, rule in table.rules:
        if set(needed) <= clean:
            problems.extend(rule(out))
    return out, problems


def raise_problems(name: str, problems: Sequence[str]) -> None:
    """Raise one InputError listing every problem found in a table meant to be *name*."""
    if not problems:
        return
    noun = "problem" if len(problems) == 1 else "problems"
    lines = "\n".join(f"  {i}. {p}" for i, p in enumerate(problems, 1))
    raise InputError(f"The table does not fit the {name!r} layout ({len(problems)} {noun}):\n"
                     f"{lines}")
