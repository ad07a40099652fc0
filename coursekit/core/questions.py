"""The question behind each column of a survey table.

:func:`coursekit.survey.read` keeps the wording of every question in the table's ``attrs``
(``attrs["questions"]``: column -> question text, ``attrs["items"]``: column -> the row of a
grid question, ``attrs["headers"]``: column -> the export's own header). The topics read it
through :func:`question_of`, so a table that did not come from ``survey.read`` (a plain
DataFrame) works too: its column names then stand for the questions.
"""
from __future__ import annotations

import re

from .errors import InputError
from .messages import show_labels


def question_of(table, column) -> tuple[str, str | None]:
    """``(question, item)`` of *column*: the question text and, for a grid question, the row
    (item) the column holds; the column's own name when the table carries no wording.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"q3_1": [5], "age": [30]})
    >>> t.attrs.update(questions={"q3_1": "How was each step?"}, items={"q3_1": "Check-in"})
    >>> question_of(t, "q3_1"), question_of(t, "age")
    (('How was each step?', 'Check-in'), ('age', None))
    """
    questions = table.attrs.get("questions") or {}
    items = table.attrs.get("items") or {}
    question = questions.get(column)
    item = items.get(column)
    if question is None:
        return str(column), None
    return str(question), (str(item) if item is not None else None)


def full_text(table, column) -> str:
    """The question and its item as one line ("How was each step? — Check-in")."""
    question, item = question_of(table, column)
    return question if item is None else f"{question} — {item}"


def question_columns(table, question) -> list:
    """The columns of *question*: a column prefix ("q3", "Q3"), a question number (3) or a
    piece of the question's text. InputError if none or several questions match."""
    from .checks import require_frame

    data = require_frame(table, "survey table")
    asked = data.attrs.get("questions") or {}
    if isinstance(question, (list, tuple)):
        absent = [c for c in question if c not in data.columns]
        if absent:
            raise InputError(f"The survey table has no column {show_labels(absent)}.")
        return list(question)
    key = str(question).strip()
    if key.isdigit():
        key = f"q{key}"
    by_prefix = [c for c in data.columns
                 if re.fullmatch(rf"{re.escape(key)}(_\d+)?", str(c), flags=re.I)]
    if by_prefix:
        return by_prefix
    texts = {}
    for column in data.columns:
        text, _ = question_of(data, column)
        if column in asked and key.casefold() in text.casefold():
            texts.setdefault(text, []).append(column)
    if len(texts) == 1:
        return next(iter(texts.values()))
    if len(texts) > 1:
        raise InputError(f"{question!r} appears in {len(texts)} questions: "
                         f"{show_labels(list(texts))}. Give the question's column prefix "
                         f"(such as 'q3') or more of its wording.")
    stems = list(dict.fromkeys(question_of(data, c)[0] for c in data.columns if c in asked))
    raise InputError(f"No question matches {question!r}. Allowed: a column prefix such as 'q3', "
                     f"a question number, or words from a question: {show_labels(stems)}.")
