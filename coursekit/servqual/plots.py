"""SERVQUAL figures: dimension gaps, the E-versus-P profile of the items, the zone of tolerance."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import require_columns, require_frame, require_numeric
from ..style import BAD, GOOD, MARKERS, NEUTRAL, PALETTE, new_axes
from .items import DIMENSION_ITEMS
from .tables import complete_pair, pair_tables


_GROUP_HATCHES = ["", "..", "xx", "\\\\", "oo", "++"]


def plot_gaps(gaps_table, *, ax=None):
    """Bar chart of the dimension gaps (P - E), every bar labelled with its value.

    Shortfalls (negative gaps) are hatched. A table from ``dimension_gaps(..., by=...)`` gives
    one bar per group within each dimension, told apart by colour *and* hatching.

    Method: docs/methods.md §2.2. Used in: lessons 03, 08.

    Parameters
    ----------
    gaps_table : DataFrame
        The result of :func:`coursekit.servqual.dimension_gaps` (columns ``dimension`` and
        ``gap``, and the group column first when *by* was used), or its
        ``per_respondent=True`` form (the column means are drawn).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"dimension": ["Tangibles", "Reliability"], "gap": [0.4, -1.2]})
    >>> plot_gaps(table).get_xlabel()
    'Gap P - E (negative = below expectations)'
    """
    data = require_frame(gaps_table, "dimension gaps")
    if "gap" in data.columns:
        require_columns(data, ["dimension"], "dimension gaps")
        data = data.assign(gap=require_numeric(data, ["gap"], "dimension gaps")["gap"])
        group = data.columns[0] if data.columns[0] != "dimension" else None
        wide = (data.pivot_table(index="dimension", columns=group, values="gap", sort=False)
                if group is not None else data.set_index("dimension")[["gap"]])
    else:  # one row per respondent: every column but a leading group label is a gap
        first = data.columns[0]
        label = not pd.api.types.is_numeric_dtype(data[first]) and data.shape[1] > 1 and \
            pd.api.types.infer_dtype(data[first], skipna=True) in ("string", "categorical")
        gaps = require_numeric(data, list(data.columns[1:] if label else data.columns),
                               "dimension gaps")
        group, wide = None, gaps.mean().to_frame("gap")
    ax = new_axes(ax, title="SERVQUAL gap by dimension",
                  xlabel="Gap P - E (negative = below expectations)", ylabel="Dimension")
    n_rows, n_bars = wide.shape
    height = 0.8 / n_bars
    base = np.arange(n_rows)[::-1].astype(float)
    for j, column in enumerate(wide.columns):
        values = wide[column].to_numpy(dtype=float)
        y = base + 0.4 - height * (j + 0.5)
        shortfall = values < 0
        colours = np.where(shortfall, BAD, GOOD) if group is None else PALETTE[j % len(PALETTE)]
        bars = ax.barh(y, values, height=height * 0.9, color=colours, edgecolor="black",
                       linewidth=0.6, label=None if group is None else str(column))
        for bar, short in zip(bars, shortfall):
            pattern = "//" if short else ""
            if group is not None:
                pattern = _GROUP_HATCHES[j % len(_GROUP_HATCHES)] + pattern
            bar.set_hatch(pattern)
        for yy, value in zip(y, values):
            ax.annotate(f"{value:+.2f}", (value, yy), xytext=(4 if value >= 0 else -4, 0),
                        textcoords="offset points", va="center", fontsize=8 if group else 10,
                        ha="left" if value >= 0 else "right")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(base, [str(x) for x in wide.index])
    finite = np.abs(wide.to_numpy(dtype=float))
    span = max(float(np.nanmax(finite)) if finite.size else 0.0, 0.5)
    ax.set_xlim(-span * 1.35, span * 1.35)
    if group is not None:
        ax.legend(title=str(group), fontsize=9)
    return ax


def plot_profile(expectations, perceptions=None, *, ax=None, scale=(1, 7)):
    """Mean expectation and perception of every item, with the dimensions marked.

    Expectations are drawn as squares on a dashed line, perceptions as circles on a solid line,
    so the two differ without colour; the space between them is the item gap.

    Method: docs/methods.md §2.2. Used in: lesson 03.

    Parameters
    ----------
    expectations, perceptions : DataFrame
        As for :func:`coursekit.servqual.gaps` (or the survey table alone).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.
    scale : (low, high) or None
        The answer scale (default 1-7); also the y-axis range.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.servqual import ITEM_IDS
    >>> E = pd.DataFrame({q: [7, 6] for q in ITEM_IDS})
    >>> P = pd.DataFrame({q: [5, 6] for q in ITEM_IDS})
    >>> plot_profile(E, P).get_title()
    'SERVQUAL profile: expectations and perceptions per item'
    """
    e, p, _ = pair_tables(expectations, perceptions, scale)
    (e, p), _ = complete_pair(e, p)
    e_mean, p_mean = e.mean(), p.mean()
    x = np.arange(1, len(e_mean) + 1)
    ax = new_axes(ax, title="SERVQUAL profile: expectations and perceptions per item",
                  xlabel="Item", ylabel="Mean rating", figsize=(9, 4.5))
    ax.vlines(x, np.minimum(e_mean, p_mean), np.maximum(e_mean, p_mean), color=NEUTRAL,
              linewidth=2, alpha=0.6)
    ax.plot(x, e_mean.to_numpy(), linestyle="--", marker=MARKERS[1], color=PALETTE[1],
            label="Expectation (E)")
    ax.plot(x, p_mean.to_numpy(), linestyle="-", marker=MARKERS[0], color=PALETTE[0],
            label="Perception (P)")
    ax.set_xticks(x, [str(c) for c in e_mean.index], rotation=90)
    columns = list(e_mean.index)
    for name, items in DIMENSION_ITEMS.items():
        where = [columns.index(i) + 1 for i in items if i in columns]
        if where:
            ax.axvspan(min(where) - 0.5, max(where) + 0.5, color=NEUTRAL,
                       alpha=0.08 if list(DIMENSION_ITEMS).index(name) % 2 else 0.0)
            ax.text((min(where) + max(where)) / 2, 1.0, name, transform=ax.get_xaxis_transform(),
                    ha="center", va="bottom", fontsize=8)
    if scale is not None:
        ax.set_ylim(scale[0] - 0.3, scale[1] + 0.3)
    ax.set_title(ax.get_title(), pad=16)
    ax.legend(loc="lower left", fontsize=9)
    return ax


def plot_zone(zone_table, *, ax=None):
    """The zone of tolerance of each row (adequate to desired) with perceived service marked.

    Perceived service is a triangle pointing down below the zone, a circle within it, a triangle
    pointing up above it — shape, colour and the legend all tell the position.

    Method: docs/methods.md §2.4. Used in: lesson 03.

    Parameters
    ----------
    zone_table : DataFrame
        The result of :func:`coursekit.servqual.zone_of_tolerance`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"item": ["q01", "q05"], "adequate": [4.5, 5.5], "desired": [6.5, 7.0],
    ...                       "perceived": [5.0, 4.5], "position": ["within the zone", "below the zone"]})
    >>> plot_zone(table).get_ylabel()
    'Mean rating'
    """
    data = require_frame(zone_table, "zone-of-tolerance table")
    require_columns(data, ["adequate", "desired", "perceived", "position"], "zone-of-tolerance table")
    data = data.assign(**require_numeric(data, ["adequate", "desired", "perceived"],
                                         "zone-of-tolerance table"))
    label_column = "item" if "item" in data.columns else data.columns[0]
    ax = new_axes(ax, title="Zone of tolerance (adequate to desired) and perceived service",
                  xlabel=str(label_column).capitalize(), ylabel="Mean rating")
    x = np.arange(len(data))
    ax.bar(x, data["desired"] - data["adequate"], bottom=data["adequate"], width=0.6,
           color=NEUTRAL, alpha=0.35, edgecolor="black", linewidth=0.5, label="Zone of tolerance")
    styles = {"below the zone": (BAD, "v"), "within the zone": (PALETTE[2], "o"),
              "above the zone": (GOOD, "^")}
    for position, (colour, marker) in styles.items():
        rows = np.flatnonzero(data["position"].to_numpy() == position)
        if len(rows):
            ax.scatter(x[rows], data["perceived"].to_numpy()[rows], color=colour, marker=marker,
                       s=60, edgecolor="black", linewidth=0.5, zorder=3,
                       label=f"Perceived: {position}")
    ax.set_xticks(x, [str(v) for v in data[label_column]], rotation=90 if len(data) > 8 else 0)
    # Bars drawn from a bottom stick the axis to it; set the range so every zone shows whole.
    levels = data[["adequate", "desired", "perceived"]].to_numpy(dtype=float)
    if np.isfinite(levels).any():
        low, high = np.nanmin(levels), np.nanmax(levels)
        pad = max(0.1 * (high - low), 0.1)
        ax.set_ylim(low - pad, high + pad)
    ax.legend(loc="best", fontsize=9)
    return ax
