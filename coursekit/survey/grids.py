"""One grid question (a matrix of items rated on the same scale) as a table of its own:
:func:`grid`."""
from __future__ import annotations

import pandas as pd

from ..core import InputError, require_frame, show_labels
from ..core.questions import question_columns, question_of


def grid(table, question, names=None):
    """The rows (items) of one grid question as a table, one column per item, named by it.

    A grid question asks about several items on one scale ("Please rate each part of your trip
    — Check-in, Security, ..."). :func:`coursekit.survey.read` keeps each item's wording; this
    picks the question's columns and names them by their items, in questionnaire order, ready
    for ``ck.mot.emotion_curve``, ``ck.mot.driver_importance`` or an IPA.

    Used in: notebook your_own_survey.

    Parameters
    ----------
    table : DataFrame
        A table from :func:`coursekit.survey.read`.
    question : str, int or list
        The question's column prefix (``"q3"``, Qualtrics' ``"Q3"``), its number (``3``), words
        from its text, or a list of columns.
    names : mapping or list, optional
        New names for the items: ``{item: name}`` (items not listed keep their wording), or
        a list in item order.

    Returns
    -------
    DataFrame
        The item columns (same rows). ``attrs["questions"]`` and ``attrs["headers"]`` keep
        the wording under the new names.

    Raises
    ------
    coursekit.InputError
        When no question or several match, two items would get the same name, or *names* has
        the wrong length.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> t = pd.DataFrame({"q2_1": [5, 4], "q2_2": [3, 2], "q3": [6, 7]})
    >>> t.attrs.update(questions={"q2_1": "Rate each step", "q2_2": "Rate each step",
    ...                           "q3": "Overall"}, items={"q2_1": "Check-in", "q2_2": "Security"})
    >>> ck.survey.grid(t, "q2")
       Check-in  Security
    0         5         3
    1         4         2
    >>> list(ck.survey.grid(t, "rate each", names={"Check-in": "check_in"}).columns)
    ['check_in', 'Security']
    """
    data = require_frame(table, "survey table")
    columns = question_columns(data, question)
    labels = []
    for column in columns:
        _, item = question_of(data, column)
        labels.append(item if item is not None else str(column))
    if names is not None:
        if isinstance(names, dict):
            labels = [names.get(label, names.get(column, label)) for label, column in zip(labels, columns)]
        else:
            names = list(names)
            if len(names) != len(columns):
                raise InputError(f"names= gives {len(names)} names for the {len(columns)} items "
                                 f"{show_labels(labels)}.")
            labels = names
    seen = pd.Index(labels)
    if seen.has_duplicates:
        raise InputError(f"Two items of {question!r} would get the same name: "
                         f"{show_labels(seen[seen.duplicated()].unique())}. Give names=.")
    out = data[columns].copy()
    out.columns = labels
    asked = data.attrs.get("questions") or {}
    headers = data.attrs.get("headers") or {}
    out.attrs = {k: v for k, v in data.attrs.items() if k not in ("questions", "items", "headers")}
    out.attrs["questions"] = {new: asked.get(old, str(old)) for new, old in zip(labels, columns)}
    out.attrs["items"] = {new: question_of(data, old)[1] for new, old in zip(labels, columns)
                          if question_of(data, old)[1] is not None}
    out.attrs["headers"] = {new: headers.get(old, str(old)) for new, old in zip(labels, columns)}
    return out
