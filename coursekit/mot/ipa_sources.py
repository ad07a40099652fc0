"""Importance–performance analysis straight from survey answers: stated importance asked next
to each performance rating (:func:`ipa_stated`), or derived importance from a
:func:`~coursekit.mot.driver_importance` table (:func:`ipa_derived`). Both report n."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..core import (InputError, parse_scale, require_choice, require_columns, require_frame,
                    require_numeric, require_same_labels, show_labels)
from .ipa import ipa

#: How :func:`coursekit.mot.plot_ipa` names the crosshairs of a derived-importance grid.
FAIR_SHARE = "fair share"


def ipa_stated(importance, performance, *, crosshairs="data", scale=None):
    """IPA from a survey that asked, item by item, how important it is and how it performed.

    Per item, over the respondents who answered **both** questions about it (pairwise):
    ``importance`` = mean stated importance, ``performance`` = mean performance rating,
    ``n`` = how many respondents that is. Then each item gets its quadrant as in
    :func:`coursekit.mot.ipa` (Martilla & James 1977): at or above a crosshair counts as high.

    Method: docs/methods.md §4.1. Used in: notebook your_own_survey.

    Parameters
    ----------
    importance, performance : DataFrame
        One row per respondent (the same rows), one column per item (the same columns), e.g.
        two grid questions from ``ck.survey.grid``.
    crosshairs : "data", "scale" or (float, float)
        As for :func:`coursekit.mot.ipa`; "scale" needs *scale*.
    scale : (low, high), optional
        The rating scale of both questions; answers outside it are an error.

    Returns
    -------
    DataFrame
        ``attribute, importance, performance, n, quadrant``; ``attrs`` as :func:`ipa`.

    Raises
    ------
    coursekit.InputError
        Different items or respondents on the two sides, answers that are not numbers or are
        outside *scale*, an item nobody rated on both questions.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> imp = pd.DataFrame({"check-in": [7, 6, 6], "security": [7, 7, None], "lounge": [3, 4, 2]})
    >>> perf = pd.DataFrame({"check-in": [6, 6, 5], "security": [3, 4, 4], "lounge": [6, 7, 6]})
    >>> ck.mot.ipa_stated(imp, perf, crosshairs="scale", scale=(1, 7))
      attribute  importance  performance  n               quadrant
    0  check-in      6.3333       5.6667  3  Keep up the good work
    1  security      7.0000       3.5000  2       Concentrate here
    2    lounge      3.0000       6.3333  3      Possible overkill
    """
    imp = require_frame(importance, "importance answers")
    perf = require_frame(performance, "performance answers")
    require_same_labels(list(imp.columns), list(perf.columns), "the importance answers",
                        "the performance answers", noun="items (columns)", ordered=False)
    require_same_labels(imp.index, perf.index, "the importance answers",
                        "the performance answers", noun="respondents (row labels)")
    items = list(imp.columns)
    imp_n = require_numeric(imp, items, "importance answers")
    perf_n = require_numeric(perf[items], items, "performance answers")
    bounds = parse_scale(scale)
    if bounds is not None:
        from ..core import require_scale

        for item in items:
            require_scale(imp_n[item], item, *bounds)
            require_scale(perf_n[item], item, *bounds)
    both = imp_n.notna() & perf_n.notna()
    n = both.sum()
    nobody = [i for i in items if n[i] == 0]
    if nobody:
        raise InputError(f"Nobody answered both questions about {show_labels(nobody)}, so there is "
                         f"nothing to place. Leave those items out.")
    table = ipa(imp_n.where(both).mean(), perf_n.where(both).mean(), crosshairs=crosshairs,
                importance_scale=bounds, performance_scale=bounds)
    table.insert(3, "n", n.loc[table["attribute"]].to_numpy())
    return table


def ipa_derived(drivers, data=None, *, performance=None, crosshairs="share", scale=None):
    """IPA with derived importance: each driver's share of the outcome against its performance.

    Importance is the ``share`` column of :func:`coursekit.mot.driver_importance` (% of R²,
    summing to 100). Its crosshair is the **fair share**, 100 / number of drivers: the share
    each driver would have if all mattered equally (it is also the mean share, so "above the
    crosshair" reads "more than its fair share"). Performance is each driver's mean rating over
    the same respondents the driver analysis used (those with every driver and the outcome),
    or the values you give. Its crosshair is the drivers' mean performance
    (``crosshairs="share"``), the scale midpoint (``"scale"``, with *scale*), or your own pair.

    Method: docs/methods.md §4.1, §4.2. Used in: notebook your_own_survey.

    Parameters
    ----------
    drivers : DataFrame
        The result of :func:`coursekit.mot.driver_importance`.
    data : DataFrame, optional
        The survey the drivers came from, to work out mean performance.
    performance : Series or mapping, optional
        Mean performance per driver, instead of *data*.
    crosshairs : "share", "scale" or (float, float)
    scale : (low, high), optional
        The rating scale (for ``crosshairs="scale"``).

    Returns
    -------
    DataFrame
        ``attribute, importance`` (share, %), ``performance, n, quadrant``; ``attrs`` as
        :func:`coursekit.mot.ipa`, with ``crosshairs="fair share"`` and an
        ``importance_label`` that :func:`~coursekit.mot.plot_ipa` puts on its axis.

    Raises
    ------
    coursekit.InputError
        For a table that is not a driver table, neither or both of *data* and *performance*,
        or a driver missing from them.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> survey = pd.DataFrame({
    ...     "check_in": [5, 6, 3, 7, 4, 6, 2, 5], "security": [4, 6, 2, 7, 3, 5, 1, 5],
    ...     "boarding": [6, 5, 5, 6, 4, 7, 5, 6], "overall":  [5, 6, 2, 7, 3, 6, 1, 4]})
    >>> drivers = ck.mot.driver_importance(survey, "overall", ["check_in", "security", "boarding"])
    >>> grid = ck.mot.ipa_derived(drivers, survey)
    >>> grid
      attribute  importance  performance  n               quadrant
    0  check_in     45.7788        4.750  8       Concentrate here
    1  security     41.3131        4.125  8       Concentrate here
    2  boarding     12.9081        5.500  8      Possible overkill
    >>> round(grid.attrs["importance_crosshair"], 4)
    33.3333
    """
    table = require_frame(drivers, "driver table")
    require_columns(table, ["driver", "share"], "driver table")
    if (data is None) == (performance is None):
        raise InputError("Give either data= (the survey, to work out each driver's mean rating) "
                         "or performance= (the mean ratings themselves), not both or neither.")
    names = list(table["driver"])
    if data is not None:
        survey = require_frame(data, "survey table")
        outcome = table.attrs.get("outcome")
        used = names + ([outcome] if outcome in survey.columns else [])
        require_columns(survey, used, "survey table")
        numbers = require_numeric(survey, used, "survey table").dropna()
        perf = numbers[names].mean()
        n = len(numbers)
    else:
        perf = pd.Series(performance) if isinstance(performance, Mapping) else performance
        if not isinstance(perf, pd.Series):
            raise InputError(f"performance= should be a Series or a dict of mean ratings by driver, "
                             f"not a {type(performance).__name__}.")
        absent = [d for d in names if d not in perf.index]
        if absent:
            raise InputError(f"performance= has no value for the drivers {show_labels(absent)}.")
        perf = perf.loc[names]
        n = table.attrs.get("n", np.nan)
    fair = 100.0 / len(names)
    if isinstance(crosshairs, str):
        require_choice(crosshairs, "crosshairs", ("share", "scale", "(importance, performance)"))
        if crosshairs == "scale":
            bounds = parse_scale(scale)
            if bounds is None:
                raise InputError('crosshairs="scale" puts the performance crosshair at the scale '
                                 "midpoint, so it needs scale=(low, high).")
            centre = (fair, sum(bounds) / 2)
        else:
            centre = (fair, float(perf.astype(float).mean()))
    else:
        centre = parse_scale(crosshairs, "crosshairs", ordered=False)
    share = pd.Series(table["share"].to_numpy(dtype=float), index=names)
    out = ipa(share, perf.astype(float), crosshairs=centre, performance_scale=parse_scale(scale))
    out.insert(3, "n", n)
    mode = {"share": FAIR_SHARE, "scale": f"{FAIR_SHARE} and scale"}.get(crosshairs, "custom") \
        if isinstance(crosshairs, str) else "custom"
    out.attrs.update(crosshairs=mode,
                     importance_label="Share of explained variance (%, derived importance)")
    return out
