"""Control-chart figures: the values, centre line, limits and out-of-control points."""
from __future__ import annotations

from ..core import require_columns, require_frame, require_numeric
from ..style import BAD, GOOD, NEUTRAL, new_axes


def plot_p_chart(chart, ax=None):
    """Draw a :func:`p_chart` table: the proportions, centre line, limits, out-of-control points.

    Method: docs/methods.md §6.2. Used in: lessons 04, 08.

    >>> import coursekit as ck
    >>> ck.spc.plot_p_chart(ck.spc.p_chart([3, 5, 2, 14, 4], 100)).get_ylabel()
    'Proportion (defects / size)'
    """
    return _plot(chart, "p", "p-chart", "Proportion (defects / size)", ax)


def plot_individuals_chart(chart, ax=None):
    """Draw an :func:`individuals_chart` table: the values, centre line, limits, signals.

    Method: docs/methods.md §6.2. Used in: lessons 04, 07.

    >>> import coursekit as ck
    >>> ck.spc.plot_individuals_chart(ck.spc.individuals_chart([10, 11, 10, 12, 30])).get_title()
    'Individuals chart (limits: centre ± 2.66 × mean moving range)'
    """
    return _plot(chart, "value", "Individuals chart (limits: centre ± 2.66 × mean moving range)",
                 "Value", ax)


def _plot(chart, column, title, ylabel, ax):
    chart = require_frame(chart, what="control-chart table")
    require_columns(chart, [column, "centre", "lcl", "ucl", "out_of_control"], what="control-chart table")
    chart = chart.assign(**require_numeric(chart, [column, "centre", "lcl", "ucl"],
                                           what="control-chart table"))
    ax = new_axes(ax, title=title if column == "value" else f"{title} (limits: p̄ ± 3σ)",
                  xlabel=str(chart.index.name or "Period"), ylabel=ylabel)
    x = chart.index
    ax.plot(x, chart[column], color=GOOD, marker="o", markersize=4, linewidth=1.2, label=ylabel.split(" (")[0])
    ax.plot(x, chart["centre"], color=NEUTRAL, linewidth=1.2, label="Centre line")
    ax.step(x, chart["ucl"], where="mid", color=BAD, linestyle="--", linewidth=1.2, label="Control limits")
    ax.step(x, chart["lcl"], where="mid", color=BAD, linestyle="--", linewidth=1.2)
    signal = chart[chart["out_of_control"].to_numpy(dtype=bool)]
    if len(signal):
        ax.scatter(signal.index, signal[column], color=BAD, marker="X", s=90, zorder=3,
                   edgecolor="black", linewidth=0.5, label=f"Out of control ({len(signal)})")
    ax.legend(fontsize=8)
    return ax
