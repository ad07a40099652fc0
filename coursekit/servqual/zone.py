"""The zone of tolerance (Zeithaml, Berry & Parasuraman 1993; measures from Parasuraman,
Zeithaml & Berry 1994): where perceived service sits between the adequate and desired levels."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import require_choice
from .items import DIMENSION_ITEMS
from .tables import complete_rows, dimension_map, paired_tables, per_dimension


def zone_of_tolerance(adequate, desired, perceived, *, by="item", dimensions=None, scale=None):
    """Where perceived service sits against the zone of tolerance (ZBP 1993; MSA, MSS: PZB 1994).

    Per item (or dimension), averaged over respondents::

        msa        = perceived - adequate   (measure of service adequacy; < 0: below the zone)
        mss        = perceived - desired    (measure of service superiority; > 0: above it)
        zone_width = desired - adequate

    Sources: the zone of tolerance, Zeithaml, Berry & Parasuraman (1993), *Journal of the Academy
    of Marketing Science* 21(1); MSA and MSS, Parasuraman, Zeithaml & Berry (1994), *Journal of
    Retailing* 70(3).

    Method: docs/methods.md §2.4. Used in: library only (lesson 03 will use it).

    Parameters
    ----------
    adequate, desired, perceived : DataFrame
        One row per respondent, the same item columns and row labels in all three.
    by : {"item", "dimension"}
        One row per item, or per dimension (items averaged per respondent first).
    dimensions : mapping, optional
        ``{dimension: [item columns]}``; default the five RATER dimensions (items outside it
        get no dimension when ``by="item"``).
    scale : (low, high), optional
        The answer scale, if you want answers checked against it.

    Returns
    -------
    DataFrame with columns ``item`` (or ``dimension``), [``dimension``,] ``adequate, desired,
    perceived, msa, mss, zone_width, position`` (``"below the zone"``, ``"within the zone"``
    or ``"above the zone"``).

    Raises
    ------
    InputError
        For tables that differ in items or respondents, text answers, answers outside *scale*,
        or an unknown *by*.

    Examples
    --------
    >>> A = pd.DataFrame({"q01": [4, 5], "q05": [5, 6]})
    >>> D = pd.DataFrame({"q01": [6, 7], "q05": [7, 7]})
    >>> P = pd.DataFrame({"q01": [5, 5], "q05": [4, 5]})
    >>> zone_of_tolerance(A, D, P)[["item", "dimension", "msa", "mss", "zone_width", "position"]]
      item    dimension  msa  mss  zone_width        position
    0  q01    Tangibles  0.5 -1.5         2.0 within the zone
    1  q05  Reliability -1.0 -2.5         1.5  below the zone
    """
    require_choice(by, "by", ("item", "dimension"))
    tables = paired_tables({"adequate": adequate, "desired": desired, "perceived": perceived}, scale)
    tables, _ = complete_rows(tables)
    if by == "dimension":
        mapping = dimension_map(dimensions, tables["adequate"].columns)
        means = {w: per_dimension(t, mapping).mean() for w, t in tables.items()}
        out = pd.DataFrame({"dimension": list(mapping)})
    else:
        mapping = DIMENSION_ITEMS if dimensions is None else dimensions
        owner = {item: d for d, cols in mapping.items() for item in cols}
        means = {w: t.mean() for w, t in tables.items()}
        columns = list(tables["adequate"].columns)
        out = pd.DataFrame({"item": columns,
                            "dimension": pd.array([owner.get(c) for c in columns], dtype="str")})
    for what, mean in means.items():
        out[what] = mean.to_numpy()
    out["msa"] = out["perceived"] - out["adequate"]
    out["mss"] = out["perceived"] - out["desired"]
    out["zone_width"] = out["desired"] - out["adequate"]
    out["position"] = np.select([out["msa"] < 0, out["mss"] > 0], ["below the zone", "above the zone"],
                                "within the zone")
    return out
