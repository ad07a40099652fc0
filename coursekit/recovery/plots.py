"""Figures for the service-recovery lesson: the Pareto chart and the recovery-paradox comparison.

Each function returns the matplotlib Axes it drew on (new ones unless ``ax=`` is given).
"""
from __future__ import annotations

import numpy as np

from ..core import require_columns, require_frame, require_numeric
from ..style import BAD, GOOD, MARKERS, NEUTRAL, PALETTE, new_axes


def plot_pareto(table, ax=None):
    """Pareto chart of a :func:`coursekit.recovery.pareto` table.

    Bars (left axis) give each cause's count, largest first; the vital few are hatched and
    coloured differently from the rest. The line (right axis, 0–100 %) is the cumulative share,
    with a dashed line at the threshold. Returns the bars' Axes; the line's Axes is its twin
    (``ax.figure.axes``).

    Method: docs/methods.md §5.7. Used in: lessons 06, 08.

    >>> import pandas as pd, coursekit as ck
    >>> causes = pd.Series(["slow reply"] * 5 + ["wrong item"] * 3 + ["rude staff"])
    >>> ax = ck.recovery.plot_pareto(ck.recovery.pareto(causes))
    >>> ax.get_ylabel(), ax.figure.axes[-1].get_ylabel()
    ('Number of failures', 'Cumulative share of failures (%)')
    """
    table = require_frame(table, what="Pareto table")
    require_columns(table, ["cause", "count", "cumulative_share", "vital_few"], what="Pareto table")
    table = table.assign(**require_numeric(table, ["count", "cumulative_share"], what="Pareto table"))
    threshold = table.attrs.get("threshold", 80.0)
    ax = new_axes(ax, title="Pareto analysis of failure causes", xlabel="Failure cause",
                  ylabel="Number of failures")
    x = np.arange(len(table))
    vital = table["vital_few"].to_numpy(dtype=bool)
    for flag, colour, hatch, label in ((True, BAD, "//", f"Vital few (reach {threshold:g} %)"),
                                       (False, NEUTRAL, "", "Other causes")):
        if (vital == flag).any():
            ax.bar(x[vital == flag], table["count"].to_numpy()[vital == flag], color=colour,
                   hatch=hatch, edgecolor="black", linewidth=0.5, label=label)
    ax.set_xticks(x, [str(c) for c in table["cause"]], rotation=30, ha="right")
    line_ax = ax.twinx()
    line_ax.plot(x, table["cumulative_share"], color=PALETTE[0], marker="o", linewidth=2,
                 label="Cumulative share")
    line_ax.axhline(threshold, color=PALETTE[0], linestyle="--", linewidth=1)
    line_ax.set_ylim(0, 105)
    line_ax.set_ylabel("Cumulative share of failures (%)")
    handles = ax.get_legend_handles_labels()
    more = line_ax.get_legend_handles_labels()
    # Outside the axes, past the right-hand scale: inside, it would cover bars or the line.
    ax.legend(handles[0] + more[0], handles[1] + more[1], loc="upper left",
              bbox_to_anchor=(1.12, 1.0), fontsize=8)
    return ax


def plot_recovery_paradox(table, ax=None):
    """Plot the three groups of :func:`coursekit.recovery.recovery_paradox`, with their intervals.

    Each group is a point with its own marker and its confidence interval as an error bar;
    the no-failure level is a dashed reference line, so a recovered group above it shows the
    paradox.

    Method: docs/methods.md §5.2. Used in: lesson 06.

    >>> import pandas as pd, coursekit as ck
    >>> stays = pd.DataFrame({"failure": [0, 0, 0, 1, 1, 1, 1], "recovered": [0, 0, 0, 1, 1, 0, 0],
    ...                       "satisfaction": [6, 5, 6, 7, 6, 2, 3]})
    >>> ck.recovery.plot_recovery_paradox(ck.recovery.recovery_paradox(stays, "satisfaction")).get_title()
    'Recovery paradox: satisfaction by failure and recovery'
    """
    table = require_frame(table, what="recovery-paradox table")
    require_columns(table, ["group", "n", "mean", "ci_low", "ci_high"], what="recovery-paradox table")
    table = table.assign(**require_numeric(table, ["n", "mean", "ci_low", "ci_high"],
                                           what="recovery-paradox table"))
    kind = table.attrs.get("kind", "mean")
    outcome = table.attrs.get("outcome", "outcome")
    level = f"{table.attrs.get('confidence', 0.95):.0%}"
    ylabel = (f"Share answering yes, {outcome} ({level} Wilson interval)" if kind == "proportion"
              else f"Mean {outcome} ({level} t interval)")
    ax = new_axes(ax, title=f"Recovery paradox: {outcome} by failure and recovery",
                  xlabel="Group", ylabel=ylabel)
    colours = (NEUTRAL, GOOD, BAD)
    for i, row in enumerate(table.itertuples(index=False)):
        low = row.mean - row.ci_low if np.isfinite(row.ci_low) else 0
        high = row.ci_high - row.mean if np.isfinite(row.ci_high) else 0
        ax.errorbar([i], [row.mean], yerr=[[low], [high]], fmt=MARKERS[i % len(MARKERS)],
                    color=colours[i % 3], markersize=9, capsize=6, linewidth=1.5)
        ax.annotate(f"n = {row.n}", (i, row.mean), xytext=(10, 0), textcoords="offset points",
                    va="center", fontsize=8)
    if len(table) and np.isfinite(table["mean"].iloc[0]):
        ax.axhline(table["mean"].iloc[0], color=NEUTRAL, linestyle="--", linewidth=1)
    ax.set_xticks(range(len(table)), [str(g) for g in table["group"]])
    ax.set_xlim(-0.5, len(table) - 0.5)
    return ax
