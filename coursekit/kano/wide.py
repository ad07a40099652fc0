"""From a one-row-per-respondent survey export to the one-row-per-answer-pair table that
:func:`coursekit.kano.summarize` reads."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, require_columns, require_frame
from ..core.questions import full_text
from .answers import ANSWERS, answer_codes
from .pairs import infer_pairs


def stack_answers(wide, functional_prefix="F_", dysfunctional_prefix="D_", respondent=None):
    """Turn a one-row-per-respondent table into one row per answer pair, ready for :func:`coursekit.kano.summarize`.

    A feature ``wifi`` is read from the columns ``F_wifi`` (functional) and ``D_wifi``
    (dysfunctional) with the default prefixes.

    Method: docs/methods.md §3.1. Used in: library only.

    Parameters
    ----------
    wide : DataFrame
        One row per respondent.
    functional_prefix, dysfunctional_prefix : str
        Column-name prefixes of the two questions.
    respondent : str, optional
        A column identifying the respondent; without it the row label is used.

    Returns
    -------
    DataFrame with columns ``respondent, attribute, functional, dysfunctional``, the features
    in column order.

    Raises
    ------
    InputError
        If no feature columns are found, or a feature has only one of its two questions.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"F_wifi": [1, 3], "D_wifi": [3, 3], "F_bar": [2, 1], "D_bar": [5, 4]})
    >>> stack_answers(wide)
       respondent attribute  functional  dysfunctional
    0           0      wifi           1              3
    1           0       bar           2              5
    2           1      wifi           3              3
    3           1       bar           1              4
    """
    data = require_frame(wide, "KANO survey")
    columns = [str(c) for c in data.columns]
    f_names = [c[len(functional_prefix):] for c in columns if c.startswith(functional_prefix)]
    d_names = [c[len(dysfunctional_prefix):] for c in columns if c.startswith(dysfunctional_prefix)]
    if not f_names:
        raise InputError(f"The KANO survey has no columns starting with {functional_prefix!r} "
                         f"(functional questions). Columns found: {', '.join(map(repr, columns[:20]))}.")
    lonely = [f"{functional_prefix}{n}" for n in f_names if n not in d_names]
    lonely += [f"{dysfunctional_prefix}{n}" for n in d_names if n not in f_names]
    if lonely:
        raise InputError(f"Each feature needs both questions, but these columns have no partner: "
                         f"{', '.join(map(repr, lonely))}. Allowed: pairs such as "
                         f"{functional_prefix}wifi with {dysfunctional_prefix}wifi.")
    if respondent is not None:
        require_columns(data, [respondent], "KANO survey")
        who = data[respondent].to_numpy()
    else:
        who = data.index.to_numpy()
    k = len(f_names)
    return pd.DataFrame({
        "respondent": np.repeat(who, k),
        "attribute": np.tile(np.asarray(f_names, dtype=object), len(data)),
        "functional": data[[functional_prefix + n for n in f_names]].to_numpy().ravel(),
        "dysfunctional": data[[dysfunctional_prefix + n for n in f_names]].to_numpy().ravel(),
    })


def from_wide(table, pairs=None, *, answers=None, respondent=None, keep=()):
    """Turn a one-row-per-respondent export into the long table :func:`summarize` reads.

    Each feature is asked twice; its two columns are either given, or found from the wording
    of the questions (as :func:`coursekit.survey.read` keeps it, or the column names):

    * consecutive questions whose texts differ only by a negation: 提供 / 不提供, 有 / 没有 (无),
      能 / 不能, "has" / "does not have", "with" / "without", "is" / "is not"; the one with the
      negation is the dysfunctional question, whichever comes first;
    * or two consecutive grid questions with the same rows whose texts differ by a negation
      ("如果酒店提供以下服务…—免费WiFi" / "如果酒店不提供以下服务…—免费WiFi").

    Only columns whose answers are all KANO answers (codes, English or Chinese wording, skip
    marks, or your *answers* map) take part; when the answers are words, columns of numbers
    (such as an importance rating) are left out. When the pairing is not certain, an
    :class:`~coursekit.InputError` lists the KANO columns found and asks for ``pairs=``.
    Feature names are the grid rows, or what differs between the functional questions (the
    wording they share is dropped), or the whole question.

    Method: docs/methods.md §3.1. Used in: notebook your_own_survey.

    Parameters
    ----------
    table : DataFrame
        One row per respondent (e.g. from ``ck.survey.read``).
    pairs : mapping, optional
        ``{feature: (functional column, dysfunctional column)}``; found from the wording if
        omitted.
    answers : mapping, optional
        Your own answer wording, ``{wording: answer}``, as for :func:`summarize`.
    respondent : str, optional
        The column naming respondents (default ``respondent_id`` if there is one, else the row
        labels).
    keep : list of str
        Respondent columns to carry along (segments such as a travel purpose).

    Returns
    -------
    DataFrame
        Columns ``respondent, attribute, functional, dysfunctional`` and the *keep* columns,
        one row per respondent and feature. Answers are the words like < must-be < neutral <
        live-with < dislike (an ordered categorical, missing where a respondent skipped);
        ``attribute`` is categorical in questionnaire order. ``attrs["pairs"]`` records the
        columns used for each feature.

    Raises
    ------
    coursekit.InputError
        When the pairs cannot be found with certainty, a column of *pairs* is not there, a
        column is used twice, or an answer is not a KANO answer.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> export = pd.DataFrame({
    ...     "如果提供免费WiFi，您的感受是": ["我喜欢", "它理应如此", "(跳过)"],
    ...     "如果不提供免费WiFi，您的感受是": ["我能忍受", "我不喜欢", "我不喜欢"],
    ...     "如果提供自助入住，您的感受是": ["无所谓", "我喜欢", "我喜欢"],
    ...     "如果不提供自助入住，您的感受是": ["无所谓", "无所谓", "我 不喜欢。"]})
    >>> long = ck.kano.from_wide(export)
    >>> long.head(4)
       respondent attribute functional dysfunctional
    0           0    免费WiFi       like     live-with
    1           0      自助入住    neutral       neutral
    2           1    免费WiFi    must-be       dislike
    3           1      自助入住       like       neutral
    >>> ck.kano.summarize(long)[["attribute", "A", "O", "M", "I", "R", "Q", "n"]]
      attribute  A  O  M  I  R  Q  n
    0    免费WiFi  1  0  1  0  0  0  2
    1      自助入住  1  1  0  1  0  0  3
    >>> long.attrs["pairs"]["自助入住"]
    ('如果提供自助入住，您的感受是', '如果不提供自助入住，您的感受是')
    """
    data = require_frame(table, "KANO survey")
    if pairs is None:
        pairs = infer_pairs(data, answers)
    else:
        pairs = _checked_pairs(data, pairs)
    if respondent is None:
        who = data["respondent_id"].to_numpy() if "respondent_id" in data.columns else data.index.to_numpy()
    else:
        require_columns(data, [respondent], "KANO survey")
        who = data[respondent].to_numpy()
    keep = [keep] if isinstance(keep, str) else list(keep)
    require_columns(data, keep, "KANO survey")
    features = list(pairs)
    k, n = len(features), len(data)
    words = np.array([np.nan, *ANSWERS], dtype=object)
    out = {"respondent": np.repeat(who, k),
           "attribute": pd.Categorical.from_codes(np.tile(np.arange(k), n), features)}
    for role, position in (("functional", 0), ("dysfunctional", 1)):
        codes = np.column_stack([answer_codes(data[pairs[f][position]], pairs[f][position], answers)
                                 for f in features])
        out[role] = pd.Categorical(words[codes.ravel()], categories=list(ANSWERS), ordered=True)
    for column in keep:
        out[column] = np.repeat(data[column].to_numpy(), k)
    long = pd.DataFrame(out)
    long.attrs["pairs"] = {f: tuple(pairs[f]) for f in features}
    long.attrs["questions"] = {f: (full_text(data, pairs[f][0]), full_text(data, pairs[f][1]))
                               for f in features}
    return long


def _checked_pairs(data, pairs) -> dict:
    if not isinstance(pairs, dict) or not pairs:
        raise InputError("pairs= should map each feature to its two columns, such as "
                         "{'free Wi-Fi': ('q3', 'q4')}.")
    used: dict = {}
    for feature, both in pairs.items():
        if isinstance(both, str) or len(both) != 2:
            raise InputError(f"pairs= gives {both!r} for {feature!r}. Allowed: two columns, "
                             f"(functional, dysfunctional).")
        require_columns(data, list(both), "KANO survey")
        for column in both:
            if column in used:
                raise InputError(f"Column {column!r} is given for both {used[column]!r} and "
                                 f"{feature!r} in pairs=. Allowed: each column in one pair.")
            used[column] = feature
    return {str(f): tuple(b) for f, b in pairs.items()}
