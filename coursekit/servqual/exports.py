"""SERVQUAL from your own survey: :func:`from_survey` pairs the expectation and perception
questions of an export and maps your wording to the 22 items or to the five dimensions;
:func:`questionnaire` prints the course's instrument and a template that reads back."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import pandas as pd

from ..core import InputError, require_frame, show_labels
from ..core.printable import Questionnaire, check_language, page, section
from ..core.questions import question_columns, question_of
from .items import (DIMENSION_ITEMS, DIMENSION_NAMES_ZH, DIMENSIONS, ITEM_IDS, ITEMS, SCALE,
                    WORDING_ZH)

_DIMENSION_OF = {item: d for d, items in DIMENSION_ITEMS.items() for item in items}
#: Column stems of the template (and of a Google Forms grid built from it).
PARTS = {"en": ("Expectations", "Perceptions"), "zh": ("期望", "感知")}


def _key(text) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    return re.sub(r"[\s。.，,、；;：:！!？?（）()]+", "", text)


def _targets() -> dict[str, str]:
    """Wording, item id or dimension name (English or Chinese) -> item id or dimension."""
    out = {}
    for item, english, chinese in zip(ITEM_IDS, ITEMS["wording"], WORDING_ZH):
        for name in (item, english, chinese):
            out[_key(name)] = item
    for dimension in DIMENSIONS:
        out[_key(dimension)] = dimension
        for name in DIMENSION_NAMES_ZH[dimension]:
            out[_key(name)] = dimension
    return out


def _labels(table, columns) -> list[str]:
    return [item if item is not None else question
            for question, item in (question_of(table, c) for c in columns)]


def from_survey(table, expectations, perceptions, items=None):
    """The expectation and perception tables of a SERVQUAL survey export, items paired by
    their wording and mapped to the course's 22 items or to the five dimensions.

    Each side is one question of the export (a grid whose rows are the items, such as Google
    Forms' "Expectations [Staff are polite]") or a list of columns. An item is paired with the
    item of the other side that has the same wording. It is then mapped:

    * without *items*: wording that is the course's own (``ck.servqual.ITEMS``, English or
      Chinese, as the printed :func:`questionnaire` has it) or an item id ``q01``...``q22``
      goes to that item;
    * with ``items={your wording: target}``: the target is an item id (``"q16"``), one of the
      five dimensions (``"Assurance"``, ``"保证性"``, ``"专业度"``...), or a dimension of your own
      instrument (any other name, such as ``"Digital"``), for a shorter or your own
      instrument.

    Columns are the item ids (or your wording, for items mapped to a dimension);
    ``attrs["dimensions"]`` gives each dimension's columns, to pass on as ``dimensions=``.

    Method: docs/methods.md §2.1. Used in: library only.

    Parameters
    ----------
    table : DataFrame
        One row per respondent, e.g. from ``ck.survey.read``.
    expectations, perceptions : str, int or list
        The two questions: a column prefix (``"q5"``), a question number, words from the
        question ("Expectations", "期望") or a list of columns.
    items : mapping, optional
        ``{your wording (or column): item id or dimension}``.

    Returns
    -------
    (DataFrame, DataFrame)
        Expectations and perceptions, same columns, same rows as *table*.

    Raises
    ------
    coursekit.InputError
        When an item has no partner on the other side, an item cannot be mapped (the message
        lists them and shows how to map them), or two items map to the same item id.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> export = pd.DataFrame({"q1_1": [6, 7], "q1_2": [7, 6], "q2_1": [5, 6], "q2_2": [4, 6]})
    >>> export.attrs.update(
    ...     questions={"q1_1": "期望", "q1_2": "期望", "q2_1": "感知", "q2_2": "感知"},
    ...     items={"q1_1": "前台礼貌", "q1_2": "按时完成", "q2_1": "前台礼貌", "q2_2": "按时完成"})
    >>> E, P = ck.servqual.from_survey(export, "期望", "感知",
    ...                                items={"前台礼貌": "保证性", "按时完成": "可靠性"})
    >>> E.attrs["dimensions"]
    {'Reliability': ['按时完成'], 'Assurance': ['前台礼貌']}
    >>> ck.servqual.dimension_gaps(E, P, dimensions=E.attrs["dimensions"])
         dimension  items  n  expectation  perception  gap
    0  Reliability      1  2          6.5         5.0 -1.5
    1    Assurance      1  2          6.5         5.5 -1.0
    """
    data = require_frame(table, "survey table")
    e_cols = question_columns(data, expectations)
    p_cols = question_columns(data, perceptions)
    e_labels, p_labels = _labels(data, e_cols), _labels(data, p_cols)
    e_by, p_by = {_key(l): c for l, c in zip(e_labels, e_cols)}, {_key(l): c for l, c in zip(p_labels, p_cols)}
    lonely = [l for l in e_labels if _key(l) not in p_by] + [l for l in p_labels if _key(l) not in e_by]
    if lonely:
        raise InputError(f"These items are asked on one side only: {show_labels(lonely)}. Allowed: "
                         f"each item with the same wording under expectations and perceptions.")
    known = _targets()
    mine = {} if items is None else _user_targets(items, known)
    targets, unmapped = [], []
    for label, column in zip(e_labels, e_cols):
        key = _key(label)
        if key in mine or _key(column) in mine:
            target = mine.get(key, mine.get(_key(column)))
        elif key in known and known[key] in ITEM_IDS:  # the course's wording, or an item id
            target = known[key]
        else:
            target = None
            unmapped.append(label)
        targets.append(target)
    if unmapped:
        raise InputError(f"These items are not the course's SERVQUAL items, so their dimension is "
                         f"unknown: {show_labels(unmapped)}. Map them: items={{{unmapped[0]!r}: "
                         f"'Reliability', ...}} (a dimension) or {{...: 'q05'}} (one of the 22 items).")
    names = [t if t in ITEM_IDS else label for t, label in zip(targets, e_labels)]
    index = pd.Index(names)
    if index.has_duplicates:
        raise InputError(f"Two items map to the same item: {show_labels(index[index.duplicated()].unique())}.")
    dims: dict[str, list] = {}
    for target, name in zip(targets, names):
        dims.setdefault(_DIMENSION_OF.get(target, target), []).append(name)
    # The five RATER dimensions in their order, then your own in the order they first appear.
    dimensions = {d: dims[d] for d in DIMENSIONS if d in dims}
    dimensions.update({d: cols for d, cols in dims.items() if d not in dimensions})
    e = data[e_cols].copy()
    p = data[[p_by[_key(l)] for l in e_labels]].copy()
    e.columns, p.columns = names, names
    e.attrs = {"dimensions": dimensions}
    p.attrs = {"dimensions": dimensions}
    return e, p


def _user_targets(items, known) -> dict[str, str]:
    if not isinstance(items, Mapping):
        raise InputError("items= should map your item wording to an item id or a dimension, "
                         "such as {'前台礼貌': 'Assurance'}.")
    out = {}
    for label, target in items.items():
        if not isinstance(target, str) or not target.strip():
            raise InputError(f"items= maps {label!r} to {target!r}. Allowed: an item id (q01 ... "
                             f"q22), a dimension such as {show_labels(DIMENSIONS)}, or the name "
                             f"of a dimension of your own.")
        resolved = known.get(_key(target))
        # Not an item id and not one of the five: a dimension of your own instrument.
        out[_key(label)] = resolved if resolved in ITEM_IDS or resolved in DIMENSIONS else target.strip()
    return out


def questionnaire(language="en", items=None, *, title=None, organisation=None):
    """The course's SERVQUAL instrument as a printable page and a data-entry template.

    The page asks each item twice on the 7-point agreement scale (Parasuraman, Zeithaml &
    Berry 1988): first about an excellent organisation of the kind (expectations), then about
    this one (perceptions). The template's columns are grid headers, "Expectations [item]" and
    "Perceptions [item]" (期望 / 感知 in Chinese), so ``ck.survey.read`` then
    :func:`from_survey` read a filled template back with no glue.

    Method: docs/methods.md §2.1. Used in: lesson 03.

    Parameters
    ----------
    language : {"en", "zh"}
    items : list of str, optional
        Item ids to ask (default all 22, in order).
    title, organisation : str, optional
        The page's title, and the organisation named in the perception part.

    Returns
    -------
    coursekit.core.printable.Questionnaire
        ``.html`` (shown in a notebook), ``.template`` (a table with the columns) and
        ``.save(folder, template="csv" or "xlsx")``.

    Examples
    --------
    >>> import coursekit as ck
    >>> q = ck.servqual.questionnaire("zh", items=["q01", "q16"])
    >>> list(q.template.columns)
    ['respondent_id', '期望 [他们使用的设备和技术是现代化的。]', '期望 [员工每次都对我礼貌、尊重。]', '感知 [他们使用的设备和技术是现代化的。]', '感知 [员工每次都对我礼貌、尊重。]']
    >>> "@page { size: A4" in q.html and "http" not in q.html
    True
    """
    language = check_language(language)
    if items is not None and not isinstance(items, (str, list, tuple, pd.Index, pd.Series)):
        raise InputError(f"items= should list item ids such as ['q01', 'q05'], not a "
                         f"{type(items).__name__}.")
    chosen = list(ITEM_IDS) if items is None else [items] if isinstance(items, str) else list(items)
    bad = [i for i in chosen if not isinstance(i, str) or i not in ITEM_IDS]
    if bad or not chosen:
        raise InputError(f"items= holds {show_labels(bad) if bad else 'nothing'}. Allowed: item "
                         f"ids q01 ... q22 (see ck.servqual.ITEMS).")
    wording = dict(zip(ITEM_IDS, ITEMS["wording"] if language == "en" else WORDING_ZH))
    rows = [wording[i] for i in chosen]
    low, high = SCALE
    if language == "en":
        who = organisation or "this organisation"
        scale = [f"{low} Strongly disagree", *map(str, range(low + 1, high)), f"{high} Strongly agree"]
        sections = [
            section("Part 1 · What you expect", "Think of an excellent organisation of this "
                    "kind. How far do you agree with each statement about it?", scale, rows),
            section("Part 2 · What you found", f"Now think of {who}. How far do you agree with "
                    f"each statement about it?", scale, rows)]
        html = page(title or "Service quality questionnaire (SERVQUAL)",
                    "Please tick one box per line. There are no right or wrong answers.",
                    ["Respondent", "Date"], sections,
                    "The course's own wording of the 22 SERVQUAL items (coursekit).")
    else:
        who = organisation or "本机构"
        scale = [f"{low} 非常不同意", *map(str, range(low + 1, high)), f"{high} 非常同意"]
        sections = [
            section("第一部分 · 您的期望", "请想一想一家出色的同类机构。您在多大程度上同意下列关于它的说法？",
                    scale, rows),
            section("第二部分 · 您的感受", f"现在请想一想{who}。您在多大程度上同意下列关于它的说法？",
                    scale, rows)]
        html = page(title or "服务质量问卷（SERVQUAL）", "请每行只勾选一个方框。答案没有对错之分。",
                    ["问卷编号", "日期"], sections, "22 个 SERVQUAL 题项为本课程自己的措辞（coursekit）。")
    stems = PARTS[language]
    columns = ["respondent_id"] + [f"{stem} [{r}]" for stem in stems for r in rows]
    return Questionnaire(title or "SERVQUAL", html, pd.DataFrame(columns=columns), language,
                         "servqual_questionnaire")
