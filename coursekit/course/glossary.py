"""The course glossary in English and Chinese: ``glossary()`` and ``define()``.

The terms live in ``coursekit/course/glossary.csv`` (one row per term: English and Chinese names,
a one-sentence definition in each language, the lesson that teaches it, and aliases separated
by ``;``). Facts and sources in the definitions come from the course's methods reference.
"""
from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..core import InputError

COLUMNS = ["term", "term_zh", "definition", "definition_zh", "lesson"]


def _key(text: str) -> str:
    # Case-, space- and punctuation-blind, so "peak end rule", "Peak–end rule" and
    # "PEAK-END RULE" are one key; Chinese characters count as letters and are kept.
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@lru_cache(maxsize=1)
def _table():
    import pandas as pd

    with files("coursekit.course").joinpath("glossary.csv").open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return table


@lru_cache(maxsize=1)
def _index() -> dict[str, int]:
    """Map every normalised name and alias to its row number."""
    index: dict[str, int] = {}
    for row, record in enumerate(_table().itertuples(index=False)):
        names = [record.term, record.term_zh, *record.aliases.split(";")]
        for name in names:
            if name.strip():
                index.setdefault(_key(name), row)
    return index


def glossary(lesson=None):
    """Return the course glossary as a DataFrame, optionally only the terms of one lesson.

    Used in: lesson 00.

    Parameters
    ----------
    lesson : int or str, optional
        A lesson number such as ``3`` or ``"03"``; by default every term.

    Returns
    -------
    pandas.DataFrame
        Columns ``term, term_zh, definition, definition_zh, lesson``, one row per term, in the
        order the course teaches them.

    Examples
    --------
    >>> import coursekit as ck
    >>> g = ck.glossary()
    >>> len(g) >= 40, list(g.columns)
    (True, ['term', 'term_zh', 'definition', 'definition_zh', 'lesson'])
    >>> ck.glossary(lesson=3).term.head(3).tolist()
    ['SERVQUAL', 'Tangibles', 'Reliability']
    """
    table = _table()[COLUMNS]
    if lesson is None:
        return table.copy()
    wanted = f"{int(lesson):02d}" if str(lesson).strip().isdigit() else str(lesson)
    if wanted not in set(table.lesson):
        raise InputError(
            f"lesson={lesson!r} teaches no glossary terms. "
            f"Lessons with terms: {', '.join(sorted(set(table.lesson)))}."
        )
    return table[table.lesson == wanted].reset_index(drop=True)


@dataclass(frozen=True)
class Term:
    """One glossary entry, as returned by :func:`define`."""

    term: str
    term_zh: str
    definition: str
    definition_zh: str
    lesson: str

    def __str__(self) -> str:
        return (f"{self.term} ({self.term_zh}) — lesson {self.lesson}\n"
                f"{self.definition}\n{self.definition_zh}")

    __repr__ = __str__

    def _repr_markdown_(self) -> str:
        return (f"**{self.term}** ({self.term_zh}) — taught in lesson {self.lesson}\n\n"
                f"{self.definition}\n\n{self.definition_zh}")


def define(term: str) -> Term:
    """Look a term up in the glossary by its English or Chinese name.

    Matching ignores case, spaces and punctuation, and also knows common abbreviations and
    alternative names (``MOT``, ``IPA``, ``移情性`` …). When nothing matches exactly, the error
    suggests the nearest terms.

    Used in: lesson 00.

    Parameters
    ----------
    term : str
        The name to look up, in English or Chinese.

    Returns
    -------
    Term
        With attributes ``term, term_zh, definition, definition_zh, lesson``; it prints both
        definitions and shows as formatted text in a notebook.

    Raises
    ------
    InputError
        If no term matches; the message lists the closest names.

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.define("moment of truth").term_zh
    '关键时刻'
    >>> ck.define("关键时刻").term
    'Moment of Truth'
    >>> ck.define("PEAK END RULE").lesson
    '01'
    >>> ck.define("recovery paradoxx")
    Traceback (most recent call last):
    ...
    coursekit.InputError: 'recovery paradoxx' is not in the glossary. Did you mean: Recovery paradox, Service recovery?
    """
    if not isinstance(term, str) or not term.strip():
        raise InputError(f"define() needs a term as text, such as define('Moment of Truth'); got {term!r}.")
    table, index = _table(), _index()
    key = _key(term)
    if key in index:
        record = table.iloc[index[key]]
        return Term(*(record[c] for c in COLUMNS))
    raise InputError(f"{term!r} is not in the glossary. {_suggest(key)}")


def _suggest(key: str) -> str:
    table, index = _table(), _index()
    rows: list[int] = []
    for match in difflib.get_close_matches(key, list(index), n=5, cutoff=0.6):
        rows.append(index[match])
    if key:
        rows += [row for name, row in index.items() if key in name or (len(name) > 3 and name in key)]
    names = []
    for row in dict.fromkeys(rows):  # keep order, drop repeats
        names.append(f"{table.term.iloc[row]} ({table.term_zh.iloc[row]})"
                     if not key.isascii() else table.term.iloc[row])
    if not names:
        return "See coursekit.glossary() for the full list."
    return "Did you mean: " + ", ".join(names[:5]) + "?"
