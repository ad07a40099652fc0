"""The question behind each column of a survey table.

:func:`coursekit.survey.read` keeps the wording of every question in the table's ``attrs``
(``attrs["questions"]``: column -> question text, ``attrs["items"]``: column -> the row of a
grid question, ``attrs["headers"]``: column -> the export's own header). The topics read it
through :func:`question_of`, so a table that did not come from ``survey.read`` (a plain
DataFrame) works too: its column names then stand for the questions.
"""
from __future__ import annotations


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
