"""The SERVQUAL lesson's explorer: move the importance points (or switch to the zone of
tolerance) and watch which dimension comes first."""
from __future__ import annotations

import html
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..core import InputError, require_columns, require_frame
from ..core.explorer import explorer_box, figure_png, show_in
from ..style import BAD, NEUTRAL, PALETTE, new_axes
from .items import DIMENSIONS

_MEASURES = {"gap P - E": "gap", "zone: MSA (P - adequate)": "msa"}


def _by_group(table, value, what):
    data = require_frame(table, what)
    require_columns(data, ["dimension", value], what)
    group = data.columns[0] if data.columns[0] != "dimension" else None
    if group is None:
        data = data.assign(group="all")
        group = "group"
    wide = data.pivot_table(index=group, columns="dimension", values=value, sort=False, observed=True)
    absent = [d for d in DIMENSIONS if d not in wide.columns]
    if absent:
        raise InputError(f"The {what} has no row for {', '.join(repr(d) for d in absent)}. Allowed: "
                         f"a table with every dimension, as dimension_gaps(..., by=...) makes.")
    return wide[list(DIMENSIONS)]


def _start_points(points):
    if points is None:
        return pd.Series(100 / len(DIMENSIONS), index=list(DIMENSIONS))
    if not isinstance(points, (Mapping, pd.Series)):
        raise InputError("points= should give the starting points of each dimension, such as "
                         "{'Tangibles': 15, 'Reliability': 30, ...}.")
    points = pd.Series(dict(points), dtype=float)
    absent = [d for d in DIMENSIONS if d not in points.index]
    if absent or (points.reindex(list(DIMENSIONS)) < 0).any():
        raise InputError(f"points= needs 0 or more points for each of {', '.join(DIMENSIONS)}"
                         + (f"; it has none for {', '.join(absent)}." if absent else "."))
    return points.reindex(list(DIMENSIONS))


def _priorities(values: pd.Series, points: pd.Series) -> pd.Series:
    """(points / total points) x value per dimension, most negative (first priority) first."""
    share = points / points.sum()
    return (share * values).sort_values(kind="stable")


def priority_explorer(gaps_table, points=None, *, zone_table=None):
    """Sliders for the 100 importance points and a choice of measure; the priority order follows.

    Each dimension's priority value is ``points_d / 100 * measure_d``, the measure being the
    dimension's mean gap P - E (from :func:`dimension_gaps`) or, with a zone table, its MSA
    (perceived - adequate, from :func:`zone_of_tolerance`). The most negative value comes
    first. Points that do not add up to 100 are scaled to 100 (and the line under the controls
    says so). This is the weighted score of docs/methods.md §2.2 with the same points for
    everyone.

    Method: docs/methods.md §2.2, §2.4. Used in: lesson 03.

    Parameters
    ----------
    gaps_table : DataFrame
        From ``dimension_gaps(..., by=...)`` (a group column first) or without groups.
    points : dict or Series, optional
        Starting points per dimension (default: 20 each).
    zone_table : DataFrame, optional
        ``zone_of_tolerance(..., by="dimension")`` results with the same group column first
        (concatenate one per group); adds a "Rank by" choice.

    Returns
    -------
    ipywidgets.VBox
        Display it (last line of a cell). ``.result_text`` holds the line under the controls,
        ``.order`` the priority values of the shown choice, first priority first.

    Raises
    ------
    coursekit.InputError
        A table without ``dimension`` and ``gap`` (or ``msa``) columns or without every
        dimension, or points that are not 0 or more for every dimension.

    Examples
    --------
    >>> gaps = pd.DataFrame({"hotel": ["A"] * 5, "dimension": list(DIMENSIONS),
    ...                      "gap": [-1.6, -0.9, -0.5, -0.5, -0.4]})
    >>> box = priority_explorer(gaps, {"Tangibles": 10, "Reliability": 40, "Responsiveness": 20,
    ...                                "Assurance": 15, "Empathy": 15})
    >>> box.result_text
    'A, gap P - E, points add up to 100 · first priority: Reliability (-0.36) · then Tangibles (-0.16), Responsiveness (-0.10)'
    """
    import ipywidgets as widgets

    gaps = _by_group(gaps_table, "gap", "gaps table")
    tables = {"gap P - E": gaps}
    if zone_table is not None:
        tables["zone: MSA (P - adequate)"] = _by_group(zone_table, "msa", "zone table")
    start = _start_points(points)
    group_box = widgets.Dropdown(options=[str(g) for g in gaps.index], description="Group:",
                                 layout=widgets.Layout(width="260px"))
    measure_box = widgets.ToggleButtons(options=list(tables), description="Rank by:",
                                        style={"description_width": "initial"})
    sliders = [widgets.IntSlider(value=int(round(start[d])), min=0, max=60, step=1, description=d,
                                 continuous_update=False, style={"description_width": "110px"},
                                 layout=widgets.Layout(width="330px")) for d in DIMENSIONS]
    verdict = widgets.HTML()
    area = widgets.Output()
    controls = [group_box] + ([measure_box] if len(tables) > 1 else [])
    box = explorer_box([widgets.HBox(controls), widgets.HBox([widgets.VBox(sliders[:3]),
                                                              widgets.VBox(sliders[3:])]),
                        verdict, area],
                       description="Priority explorer: move the importance points or switch to the "
                                   "zone of tolerance to see which dimension comes first. Run the "
                                   "cell to use it.")
    labels = {str(g): g for g in gaps.index}

    def redraw(change=None):
        now = pd.Series([s.value for s in sliders], index=list(DIMENSIONS), dtype=float)
        group, measure = labels[group_box.value], measure_box.value
        total = now.sum()
        if total == 0:
            box.result_text = "Give at least one dimension some points."
            verdict.value = f"<b>{html.escape(box.result_text)}</b>"
            return
        order = _priorities(tables[measure].loc[group], now)
        box.order = order
        scaled = "points add up to 100" if total == 100 else f"points add up to {total:g}, scaled to 100"
        rest = ", ".join(f"{d} ({v:+.2f})" for d, v in list(order.items())[1:3])
        box.result_text = (f"{group}, {measure}, {scaled} · first priority: {order.index[0]} "
                           f"({order.iloc[0]:+.2f}) · then {rest}")
        verdict.value = "<b>" + html.escape(box.result_text) + "</b>"
        box.png = figure_png(_figure(order, measure, str(group)))
        show_in(area, box.png)

    for control in [group_box, measure_box, *sliders]:
        control.observe(redraw, names="value")
    redraw()
    return box


def _figure(order: pd.Series, measure: str, group: str):
    ax = new_axes(title=f"{group}: priority by {measure}, weighted by the points",
                  xlabel="Points / 100 x " + measure.split(": ")[-1] + " (more negative = fix first)",
                  ylabel="Dimension", figsize=(7.5, 3.6))
    y = np.arange(len(order))[::-1]
    colours = [BAD if v < 0 else PALETTE[0] for v in order]
    bars = ax.barh(y, order.to_numpy(), color=colours, edgecolor="black", linewidth=0.6)
    bars[0].set_hatch("//")
    ax.set_yticks(y, [f"{d}  (first)" if i == 0 else d for i, d in enumerate(order.index)])
    ax.axvline(0, color=NEUTRAL, linewidth=1)
    for yy, value in zip(y, order):
        ax.annotate(f"{value:+.2f}", (value, yy), xytext=(4 if value >= 0 else -4, 0),
                    textcoords="offset points", va="center", fontsize=9,
                    ha="left" if value >= 0 else "right")
    span = max(float(order.abs().max()), 0.1) * 1.4
    ax.set_xlim(-span, span)
    return ax.figure
