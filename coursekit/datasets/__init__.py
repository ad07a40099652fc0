"""The course's case data — three fictional organisations, fourteen tables — and a checker
that tells you whether your own survey export has the same shape.

::

    import coursekit as ck
    ck.datasets.catalog()                     # what there is
    journey = ck.datasets.load("airport_journey")
    ck.datasets.columns("airport_journey")    # the column dictionary, English and Chinese
    mine = ck.datasets.validate(pd.read_csv("my_survey.csv"), "airport_journey")

The data are simulated: every effect a lesson finds in them was planted so that it can be
found, and each case's data card (``datasets/<case>/README.md``) says how. They are remade,
byte for byte, by ``python -m casegen datasets``.

Where the files are read from: ``$COURSEKIT_DATA_DIR`` if set; otherwise the copy a wheel
carries in ``coursekit/_bundled_datasets``; otherwise the repository's ``datasets/`` folder
(an editable install).
"""
from __future__ import annotations

import difflib
from pathlib import Path

import pandas as pd

from ..core import InputError, require_frame
from . import io as _io
from .schema import KIND_WORDS, Table, raise_problems, type_frame
from .gap_tables import standards_frame
from .tables import HOTEL_FEATURES, SHOP_FEATURES, build_tables, touchpoint_frame

__all__ = ["AIRPORT_TOUCHPOINTS", "HOTEL_STANDARDS", "catalog", "columns", "data_dir", "load",
           "validate"]

#: Every case table by name, in catalogue order.
TABLES: dict[str, Table] = build_tables(HOTEL_FEATURES, SHOP_FEATURES)

#: The eight airport touchpoints in journey order: the index holds the column names of
#: ``airport_journey`` (so ``journey[AIRPORT_TOUCHPOINTS.index]`` selects the ratings), with
#: the step number and English and Chinese names.
AIRPORT_TOUCHPOINTS: pd.DataFrame = touchpoint_frame()

#: The hotel chain's written service standards that ``hotel_audits`` checks, indexed by the
#: code in its ``standard`` column: the standard in English and Chinese, what is measured, the
#: largest value that still passes (blank for a yes/no check), the SERVQUAL dimension it
#: serves, the shifts it is checked on, and whether it is a response-time standard.
HOTEL_STANDARDS: pd.DataFrame = standards_frame()


def _table(name) -> Table:
    key = str(name).strip()
    key = key.rsplit("/", 1)[-1].removesuffix(".csv")
    if key in TABLES:
        return TABLES[key]
    close = difflib.get_close_matches(key, list(TABLES), n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise InputError(f"There is no case table called {name!r}.{hint} The tables are: "
                     f"{', '.join(repr(t) for t in TABLES)} (see coursekit.datasets.catalog()).")


def catalog() -> pd.DataFrame:
    """List the case tables: one row per table with ``name, case, rows, description``.

    Used in: lesson 00.

    Returns
    -------
    pandas.DataFrame
        ``rows`` is counted from the file, so it is what :func:`load` will give.

    Raises
    ------
    coursekit.InputError
        If the data files cannot be found (the message says where it looked).

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.datasets.catalog()[["name", "case", "rows"]]
                       name       case   rows
    0       airport_journey    airport   3000
    1        hotel_servqual      hotel    600
    2            hotel_zone      hotel    500
    3      hotel_management      hotel     40
    4          hotel_audits      hotel   6954
    5            hotel_kano      hotel   4800
    6      hotel_complaints      hotel    684
    7           hotel_stays      hotel  10000
    8     ecommerce_tickets  ecommerce  19941
    9       ecommerce_daily  ecommerce    365
    10       ecommerce_kano  ecommerce   5040
    11  ecommerce_kano_2023  ecommerce   4800
    12      ecommerce_units  ecommerce    576
    13  ecommerce_recommend  ecommerce   3840
    """
    rows = [(t.name, t.case, _io.count_rows(t), t.description) for t in TABLES.values()]
    return pd.DataFrame(rows, columns=["name", "case", "rows", "description"])


def load(name: str) -> pd.DataFrame:
    """Load a case table as a typed DataFrame.

    Types: answers on a numeric scale (1–7 ratings, 0–10 recommend, counts, minutes) are
    integers, so means, gaps and correlations work directly — or floats when a column has
    blanks (``csat``, ``delay_notice_min``), because pandas cannot hold a blank in an integer
    column; labelled scales and classes are ordered categoricals (``segment``: economy <
    business < VIP; KANO answers in questionnaire order like < must-be < neutral < live-with <
    dislike); other labels are categoricals listing every level; times are datetimes; yes/no
    columns are bool; identifiers and comments are text.

    Used in: lessons 00, 01, 02, 03, 04, 05, 06, 07, 08.

    Parameters
    ----------
    name : str
        A table name from :func:`catalog` (``"hotel_kano"``; ``"hotel_kano.csv"`` works too).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    coursekit.InputError
        For an unknown name (listing the names, with a "did you mean"), or when the data files
        cannot be found.

    Examples
    --------
    >>> import coursekit as ck
    >>> journey = ck.datasets.load("airport_journey")
    >>> journey.shape
    (3000, 27)
    >>> list(journey["segment"].cat.categories), str(journey["security"].dtype)
    (['economy', 'business', 'VIP'], 'int64')
    >>> ck.datasets.load("airport_journeys")
    Traceback (most recent call last):
    ...
    coursekit.InputError: There is no case table called 'airport_journeys'. Did you mean 'airport_journey'? The tables are: ...
    """
    table = _table(name)
    typed, problems = type_frame(table, _io.read_table(table))
    if problems:  # only if someone edited the file by hand
        raise_problems(table.name, [f"(in {_io.data_dir(table) / table.filename}) {p}"
                                    for p in problems])
    return typed


def validate(data, name: str) -> pd.DataFrame:
    """Check that a table has the shape of one of the case tables, and return it typed.

    Use it on your own data before running a lesson's analysis on them, e.g.
    ``validate(pd.read_csv("my_export.csv"), "airport_journey")``. Every problem is found and
    listed in one message, each with the column, up to five offending values by row label,
    and what is allowed: missing columns, entries that are not numbers, values out of range,
    unknown categories (for the ordered ones: ``segment``, KANO answers), dates that cannot be
    read, missing entries where a value is required, repeated identifiers, and whole-row rules
    (weights adding up to 100, a resolution time before the first response, …).

    Lenient where it is safe: labels are matched ignoring case and spacing (``"vip"`` reads as
    ``"VIP"``); KANO answers may be codes 1–5, English or Chinese (as ``coursekit.kano``
    accepts); yes/no columns accept True/False, yes/no, 1/0; dates may be any year-first ISO
    spelling. Your own labels in open category columns (your hotels, your ticket categories)
    are kept. Blank survey answers are allowed: the analysis functions set such rows aside and
    say how many. Extra columns are kept, after the known ones.

    Used in: library only.

    Parameters
    ----------
    data : pandas.DataFrame
        The table to check; its row labels are used in the messages.
    name : str
        The case table it should look like (see :func:`catalog`).

    Returns
    -------
    pandas.DataFrame
        The same rows, typed as :func:`load` types the case data.

    Raises
    ------
    coursekit.InputError
        Listing every problem found.

    Examples
    --------
    >>> import coursekit as ck
    >>> mine = ck.datasets.load("airport_journey").head(4).astype({"segment": "object"})
    >>> mine.loc[1, "security"] = 9
    >>> mine.loc[2, "segment"] = "first"
    >>> ck.datasets.validate(mine.drop(columns="recommend"), "airport_journey")
    Traceback (most recent call last):
    ...
    coursekit.InputError: The table does not fit the 'airport_journey' layout (3 problems):
      1. The table has no column 'recommend'. Columns found: ...
      2. Column 'segment' has unknown categories in 1 row: row 2: 'first'. Allowed: in order: 'economy', 'business', 'VIP'.
      3. Column 'security' has values out of range in 1 row: row 1: 9. Allowed: whole numbers from 1 to 7.
    >>> typed = ck.datasets.validate(mine.drop(index=[1, 2]), "airport_journey")
    >>> len(typed)
    2
    """
    table = _table(name)
    data = require_frame(data, what="table", unique_columns=False)  # listed with the rest below
    typed, problems = type_frame(table, data)
    raise_problems(table.name, problems)
    return typed


def columns(name: str) -> pd.DataFrame:
    """The column dictionary of a case table: ``column, type, unit, allowed, blank_allowed,
    meaning, meaning_zh`` — the same text as the table in the data card.

    Used in: library only.

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.datasets.columns("hotel_stays")[["column", "type"]].head(3)
         column               type
    0   stay_id  identifier (text)
    1  property           category
    2   arrival               date
    """
    table = _table(name)
    return pd.DataFrame(
        [(c.name, KIND_WORDS[c.kind], c.unit, c.allowed_text(), c.missing, c.meaning_en,
          c.meaning_zh) for c in table.columns],
        columns=["column", "type", "unit", "allowed", "blank_allowed", "meaning", "meaning_zh"])


def data_dir() -> Path:
    """The folder the case data are read from (see the module text for the search order).

    Used in: library only.

    Raises
    ------
    coursekit.InputError
        If no candidate folder exists.
    """
    return _io.data_dir()
