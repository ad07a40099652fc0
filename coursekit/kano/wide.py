"""From a one-row-per-respondent survey export to the one-row-per-answer-pair table that
:func:`coursekit.kano.summarize` reads."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, require_columns, require_frame


def stack_answers(wide, functional_prefix="F_", dysfunctional_prefix="D_", respondent=None):
    """Turn a one-row-per-respondent table into one row per answer pair, ready for :func:`coursekit.kano.summarize`.

    A feature ``wifi`` is read from the columns ``F_wifi`` (functional) and ``D_wifi``
    (dysfunctional) with the default prefixes.

    Method: docs/methods.md §3.1. Used in: library only (lesson 05 will use it).

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
