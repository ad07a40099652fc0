"""The zone of tolerance (Zeithaml, Berry & Parasuraman 1993; measures from Parasuraman,
Zeithaml & Berry 1994): where perceived service sits between the adequate and desired levels."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import raise_bad_values, require_choice, show_offenders
from .items import DIMENSION_ITEMS
from .tables import complete_rows, dimension_map, paired_tables, per_dimension


def zone_of_tolerance(adequate, desired, perceived, *, by="item", dimensions=None, scale=None,
                      na_values=None):
    """Where perceived service sits against the zone of tolerance (ZBP 1993; MSA, MSS: PZB 1994).

    Per item (or dimension), averaged over respondents::

        msa        = perceived - adequate   (measure of service adequacy; < 0: below the zone)
        mss        = perceived - desired    (measure of service superiority; > 0: above it)
        zone_width = desired - adequate

    Sources: the zone of tolerance, Zeithaml, Berry & Parasuraman (1993), *Journal of the Academy
    of Marketing Science* 21(1); MSA and MSS, Parasuraman, Zeithaml & Berry (1994), *Journal of
    Retailing* 70(3).

    Method: docs/methods.md §2.4, §9.1, §9.2. Used in: lesson 03.

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
        The answer scale, if you want answers checked against it. Without it, answers that
        look like not-applicable codes (99 among 1-7) raise a
        :class:`coursekit.SuspectCodeWarning`.
    na_values : number, text, list or {item: codes}, optional
        Codes meaning "no answer" (e.g. ``[0, 99]``), read as missing answers; a respondent
        missing any answer is set aside with a :class:`coursekit.MissingDataWarning`.

    Returns
    -------
    DataFrame with columns ``item`` (or ``dimension``), [``dimension``,] ``adequate, desired,
    perceived, msa, mss, zone_width, position`` (``"below the zone"``, ``"within the zone"``
    or ``"above the zone"``).

    Raises
    ------
    InputError
        For tables that differ in items or respondents, answers that are not numbers (text,
        dates, yes/no, infinite), answers outside *scale*, a desired level below the adequate
        level of the same respondent and item (the zone would be upside down), or an unknown
        *by*.

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
    tables = paired_tables({"adequate": adequate, "desired": desired, "perceived": perceived}, scale,
                           na_values)
    _require_desired_at_least_adequate(tables["adequate"], tables["desired"])
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


def _require_desired_at_least_adequate(adequate: pd.DataFrame, desired: pd.DataFrame) -> None:
    """The desired level is the top of the zone of tolerance, the adequate level its floor."""
    below = (desired < adequate).to_numpy()  # False wherever either answer is missing
    if not below.any():
        return
    j = int(np.flatnonzero(below.any(axis=0))[0])
    column = desired.columns[j]
    mask = pd.Series(below[:, j], index=desired.index)
    raise_bad_values(
        column, desired[column], mask,
        "a desired level at or above the adequate level of the same respondent and item (their "
        f"adequate levels: {show_offenders(adequate[column], mask)}); the zone of tolerance runs "
        "from adequate up to desired, so check whether the two tables were swapped",
        problem="desired levels below the adequate level")
