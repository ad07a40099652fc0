"""From KANO categories to decisions: the order in which to act on features (:func:`priorities`)
and a one-page roadmap of that order (:func:`plot_roadmap`)."""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ..core import InputError, require_columns, require_frame, require_numeric
from ..style import NEUTRAL, PALETTE
from .evaluation import CATEGORY_NAMES
from .plots import point_labels

# The decision rule, one line per category: (place in the order, what to do, sort key).
_RULE = {
    "M": (1, "must-be: provide it without fail; its absence dissatisfies", "worse"),
    "O": (2, "one-dimensional: improve it; better performance, more satisfaction", "worse"),
    "A": (3, "attractive: add it to delight, once the must-be features are in place", "better"),
    "I": (None, "indifferent: leave it out; it changes little either way", None),
    "R": (None, "reverse: leave it out; many customers would rather not have it", None),
    "Q": (None, "questionable: leave it out and check how the questions were worded", None),
}
#: The roadmap's columns, left to right.
_LANES = (("M", "Now: must-be", "provide without fail"),
          ("O", "Next: one-dimensional", "improve, largest |Worse| first"),
          ("A", "Later: attractive", "delight, largest Better first"),
          (None, "Not planned", "indifferent, reverse, questionable"))


def priorities(summary, *, attribute=None):
    """Turn a KANO summary into an order of action: must-be first, then one-dimensional by Worse,
    then attractive by Better; indifferent, reverse and questionable features are left out.

    The rule is the course's own way of turning categories into an order (docs/methods.md §3.9),
    not a result from one paper:

    1. **must-be** features first — a missing one dissatisfies whatever else is offered —,
       the largest \\|Worse\\| first;
    2. then **one-dimensional** features, the largest \\|Worse\\| first (what customers miss
       most when it is poor);
    3. then **attractive** features, the largest Better first (what delights most);
    4. **indifferent**, **reverse** and **questionable** features are left out (no priority).

    The category used is ``category_close_call``: when Fong's test finds the top two categories
    not significantly apart, the one with the larger impact on the product wins (M > O > A > I).
    Such a feature is flagged ``contested``: its place rests on a close call, so check it by
    segment before acting on it. Ties keep the summary's order.

    Method: docs/methods.md §3.9. Used in: lesson 05.

    Parameters
    ----------
    summary : DataFrame
        The result of :func:`coursekit.kano.summarize` (or :func:`summarize_counts`).
    attribute : str, optional
        The column naming the features (default: the first column).

    Returns
    -------
    DataFrame
        One row per feature, in the order of action, left-out features last: ``priority``
        (1, 2, … ; missing for a left-out feature), the feature, ``category`` (the close-call
        category), ``contested``, ``better``, ``worse`` and ``decision`` (the rule in words).

    Raises
    ------
    InputError
        For a table without the summary's columns.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> counts = pd.DataFrame({"A": [5, 60, 10, 20], "O": [20, 20, 60, 5], "M": [60, 5, 10, 5],
    ...                        "I": [15, 15, 20, 70], "R": [0, 0, 0, 0], "Q": [0, 0, 0, 0]},
    ...                       index=["clean room", "welcome drink", "fast check-in", "gym"])
    >>> ck.kano.priorities(ck.kano.summarize_counts(counts))[["priority", "attribute", "category"]]
       priority      attribute category
    0         1     clean room        M
    1         2  fast check-in        O
    2         3  welcome drink        A
    3      <NA>            gym        I
    """
    data = require_frame(summary, "KANO summary")
    require_columns(data, ["category_close_call", "better", "worse", "fong_significant"],
                    "KANO summary")
    name = attribute if attribute is not None else data.columns[0]
    require_columns(data, [name], "KANO summary")
    category = data["category_close_call"].astype("string")
    strange = category.notna() & ~category.isin(list(_RULE))
    if strange.any():
        raise InputError(f"Column 'category_close_call' holds {category[strange].iloc[0]!r}, "
                         "which is not a KANO category (A, O, M, I, R, Q); pass the table "
                         "summarize() returns.")
    numbers = require_numeric(data, ["better", "worse"], "KANO summary")
    table = pd.DataFrame({
        name: data[name].to_numpy(),
        "category": category.to_numpy(dtype=object),
        "contested": ~data["fong_significant"].fillna(False).astype(bool).to_numpy(),
        "better": numbers["better"].to_numpy(),
        "worse": numbers["worse"].to_numpy(),
    })
    place = table["category"].map(lambda c: _RULE.get(c, (None,))[0] if isinstance(c, str) else None)
    # Sort key within a place: |Worse| for M and O, Better for A, both largest first.
    key = np.where(table["category"].isin(["M", "O"]), table["worse"].abs(), table["better"])
    table["_place"] = place.fillna(99).astype(int)
    table["_key"] = np.where(place.notna(), -np.nan_to_num(key, nan=-np.inf), 0.0)
    table["_seen"] = np.arange(len(table))
    table = table.sort_values(["_place", "_key", "_seen"], kind="stable").reset_index(drop=True)
    ranked = table["_place"] < 99
    table.insert(0, "priority", pd.array(np.where(ranked, np.cumsum(ranked), 0), dtype="Int64"))
    table.loc[~ranked, "priority"] = pd.NA
    table["decision"] = [_RULE[c][1] if isinstance(c, str) else "no answers to decide on"
                         for c in table["category"]]
    table = table.drop(columns=["_place", "_key", "_seen"])
    table.attrs["rule"] = ("must-be first (largest |Worse| first), then one-dimensional by "
                           "|Worse|, then attractive by Better; indifferent, reverse and "
                           "questionable left out")
    return table


def plot_roadmap(plan, *, ax=None, title="Feature roadmap from the KANO survey"):
    """Draw a :func:`priorities` table as a one-page roadmap and return the Axes.

    Four columns, left to right: *Now* (must-be), *Next* (one-dimensional), *Later*
    (attractive) and *Not planned* (indifferent, reverse, questionable). Each feature is a card
    with its priority number, its name and the coefficient that ordered it (\\|Worse\\| or
    Better); a contested feature (a close call by Fong's test) has a hatched card and says so,
    so the flag does not rest on colour.

    Method: docs/methods.md §3.9. Used in: lesson 05.

    Parameters
    ----------
    plan : DataFrame
        The result of :func:`priorities`.
    ax : matplotlib Axes, optional
    title : str

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> counts = pd.DataFrame({"A": [5, 60], "O": [20, 20], "M": [60, 5], "I": [15, 15],
    ...                        "R": [0, 0], "Q": [0, 0]}, index=["clean room", "welcome drink"])
    >>> plan = ck.kano.priorities(ck.kano.summarize_counts(counts))
    >>> ck.kano.plot_roadmap(plan).get_title()
    'Feature roadmap from the KANO survey'
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    data = require_frame(plan, "KANO priorities")
    require_columns(data, ["priority", "category", "contested", "better", "worse"],
                    "KANO priorities")
    data = data.assign(**require_numeric(data, ["priority", "better", "worse"], "KANO priorities"))
    name = [c for c in data.columns if c not in ("priority",)][0]
    lanes = [data[data["category"] == letter] if letter else
             data[~data["category"].isin(["M", "O", "A"])] for letter, _, _ in _LANES]
    rows = max(1, max(len(lane) for lane in lanes))
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 1.6 + 0.95 * rows), layout="constrained")
    ax.set_title(title)
    ax.set_xlim(0, 4)
    ax.set_ylim(-rows - 0.2, 1.05)
    ax.axis("off")
    colours = {"M": PALETTE[2], "O": PALETTE[0], "A": PALETTE[1], None: NEUTRAL}
    for j, ((letter, heading, rule), lane) in enumerate(zip(_LANES, lanes)):
        ax.text(j + 0.5, 0.75, heading, ha="center", va="center", fontsize=11, fontweight="bold")
        ax.text(j + 0.5, 0.4, rule, ha="center", va="center", fontsize=8.5, style="italic")
        labels = point_labels(lane[name])
        for i, (row, shown) in enumerate(zip(lane.itertuples(index=False), labels)):
            y = -i - 0.5
            ax.add_patch(FancyBboxPatch((j + 0.06, y - 0.38), 0.88, 0.76,
                                        boxstyle="round,pad=0.02", facecolor="white",
                                        edgecolor=colours[letter], linewidth=1.6,
                                        hatch="//" if row.contested else None))
            number = "" if pd.isna(row.priority) else f"{int(row.priority)}. "
            head = textwrap.shorten(f"{number}{shown}", 34, placeholder="…")
            if letter in ("M", "O"):
                detail = f"|Worse| {abs(row.worse):.2f}"
            elif letter == "A":
                detail = f"Better {row.better:.2f}"
            else:
                detail = CATEGORY_NAMES.get(row.category, "no answers") if isinstance(row.category, str) else "no answers"
            if row.contested:
                detail += " · contested"
            ax.text(j + 0.5, y + 0.1, head, ha="center", va="center", fontsize=9,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6})
            ax.text(j + 0.5, y - 0.18, detail, ha="center", va="center", fontsize=8,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6})
    for j in range(1, 4):
        ax.axvline(j, color="#DDDDDD", linewidth=1)
    return ax
