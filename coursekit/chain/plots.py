"""Figures for lesson 07: the service life cycle, the chain with each link's estimate, and NPS
per unit with its interval. Each function returns the matplotlib Axes it drew on (new ones
unless ``ax=`` is given)."""
from __future__ import annotations

import re

import numpy as np

from ..core import InputError, raise_bad_values, require_columns, require_frame
from ..style import BAD, GOOD, NEUTRAL, PALETTE, new_axes, readable
from .links import finite_numbers

#: The stages of seed 002's service life cycle (the ITIL v3 stages), in order.
STAGES = ("Strategy", "Design", "Transition", "Operation", "Feedback and improvement")


def plot_life_cycle(stages=STAGES, *, improvement="Continual service improvement", ax=None):
    """Draw the service life cycle: the stages in a row, one after the other, and continual
    improvement as a band under *all* of them, with an arrow into each stage.

    The picture carries the point of docs/methods.md §6.3: improvement is not only the last
    stage, it feeds every stage (a strategy, a design and a transition are reviewed too).

    Method: docs/methods.md §6.3. Used in: lesson 07.

    >>> import coursekit as ck
    >>> ax = ck.chain.plot_life_cycle()
    >>> [t.get_text() for t in ax.texts if t.get_text()][:2], ax.get_title()
    (['Strategy', 'Design'], 'The service life cycle and where improvement sits')
    """
    stages = [str(s) for s in stages]
    if len(stages) < 2:
        raise InputError("Give at least two stages to draw a life cycle.")
    ax = new_axes(ax, title="The service life cycle and where improvement sits",
                  xlabel="Stage, in the order a service passes through them",
                  ylabel="", figsize=(9, 3.6))
    ax.grid(False)
    width, gap = 1.0, 0.35
    for i, stage in enumerate(stages):
        left = i * (width + gap)
        ax.add_patch(_box(left, 1.2, width, 0.9, PALETTE[0], hatch=""))
        ax.text(left + width / 2, 1.65, _wrap(stage), ha="center", va="center", fontsize=9,
                color="white", fontweight="bold")
        if i:
            ax.annotate("", xy=(left, 1.65), xytext=(left - gap, 1.65),
                        arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.5})
        ax.annotate("", xy=(left + width / 2, 1.2), xytext=(left + width / 2, 0.75),
                    arrowprops={"arrowstyle": "->", "color": PALETTE[2], "lw": 1.5,
                                "linestyle": "--"})
    right = len(stages) * (width + gap) - gap
    ax.add_patch(_box(0, 0.15, right, 0.6, PALETTE[2], hatch="//"))
    ax.text(right / 2, 0.45, f"{improvement}: measure, learn and improve at every stage",
            ha="center", va="center", fontsize=9, color="black",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    ax.set_xlim(-0.1, right + 0.1)
    ax.set_ylim(0, 2.3)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _box(left, bottom, width, height, colour, hatch):
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((left, bottom), width, height, boxstyle="round,pad=0.02",
                          facecolor=colour, edgecolor="black", hatch=hatch, linewidth=1)


def _wrap(text: str, width: int = 12) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


_LAG = re.compile(r"_(last|lag(\d+))$")


def _measure(column: str) -> tuple[str, int]:
    """(the measure a column holds, how many periods back): ``es_last`` is ``es`` one back."""
    found = _LAG.search(column)
    if not found:
        return column, 0
    return column[:found.start()], 1 if found.group(1) == "last" else int(found.group(2))


def _label(measure, names) -> str:
    if names is not None and measure in names:
        return str(names[measure])
    text = re.sub(r"_pct$", " (%)", str(measure))
    return _wrap(str(readable([text])[0]), 14)


def _depths(drivers, outcomes):
    """Column of each measure: steps from the first driver, following links forwards only,
    and for each link whether it points back (to a column at or before its driver's)."""
    depth = {drivers[0]: 0}
    for _ in range(len(drivers)):
        for d, o in zip(drivers, outcomes):
            if d in depth and o not in depth:
                depth[o] = depth[d] + 1
    back = []
    for d, o in zip(drivers, outcomes):
        if d not in depth:
            depth[d] = max(depth.values()) + 1
        if o not in depth:
            depth[o] = depth[d] + 1
        back.append(depth[o] <= depth[d])
    return depth, back


def plot_chain(table, ax=None, names=None, decimals=2):
    """Draw a chain of links (a :func:`coursekit.chain.links` table): one box per measure,
    one arrow per link, labelled with its estimate and interval.

    Measures sit in columns by their distance from the first driver. A driver taken from an
    earlier period (``employee_satisfaction_last``, made by :func:`add_lags`) is the same box
    as the measure itself, and its arrow says "a period later". A link that points back (to a
    measure at or before its driver, such as revenue growth → staff bonus → employee
    satisfaction) is drawn dashed and curved, so a reverse path is never mistaken for the
    chain's direction. A link whose interval includes 0 is drawn grey with a hatched label.

    Method: docs/methods.md §6.4–§6.5. Used in: lesson 07.

    >>> import pandas as pd, coursekit as ck
    >>> table = pd.DataFrame({"driver": ["isq", "es_last"], "outcome": ["es", "cs"],
    ...                       "estimate": [0.55, 0.3], "ci_low": [0.5, 0.27],
    ...                       "ci_high": [0.6, 0.33]})
    >>> ax = ck.chain.plot_chain(table)
    >>> sorted(t.get_text() for t in ax.texts if t.get_text())
    ['0.30 (0.27 to 0.33)\\na period later', '0.55 (0.50 to 0.60)', 'Cs', 'Es', 'Isq']
    """
    table = require_frame(table, what="chain table")
    require_columns(table, ["driver", "outcome", "estimate", "ci_low", "ci_high"],
                    what="chain table")
    numbers = finite_numbers(table, ["estimate", "ci_low", "ci_high"], what="chain table")
    if numbers.isna().any().any():
        bad = numbers.isna().any(axis=1)
        raise_bad_values("estimate", table["estimate"], bad, "a number in estimate, ci_low and "
                         "ci_high of every link", problem="links without an estimate or interval")
    table = table.assign(**numbers)
    drivers = [_measure(str(d)) for d in table["driver"]]
    outcomes = [_measure(str(o))[0] for o in table["outcome"]]
    depth, back = _depths([d for d, _ in drivers], outcomes)
    columns = {}
    for measure, d in depth.items():
        columns.setdefault(d, []).append(measure)
    step = 2.6
    place = {measure: (d * step, (len(members) - 1) / 2 - j)
             for d, members in columns.items() for j, measure in enumerate(members)}
    ax = new_axes(ax, title="The service–profit chain: each link's slope and 95 % interval",
                  xlabel="Links run left to right; a dashed curve runs backwards", ylabel="",
                  figsize=(min(12.0, 2.3 * len(columns) + 1.5), 4.6))
    ax.grid(False)
    for measure, (x, y) in place.items():
        ax.text(x, y, _label(measure, names), ha="center", va="center", fontsize=9,
                bbox={"boxstyle": "round", "facecolor": "#E8F1F8", "edgecolor": PALETTE[0]})
    for row, (driver, lag), outcome, backwards in zip(table.itertuples(index=False), drivers,
                                                      outcomes, back):
        (x0, y0), (x1, y1) = place[driver], place[outcome]
        unsure = row.ci_low <= 0 <= row.ci_high
        colour = NEUTRAL if unsure else (BAD if backwards else GOOD)
        style = {"arrowstyle": "-|>", "color": colour, "lw": 1.6, "shrinkA": 30, "shrinkB": 30,
                 "linestyle": "--" if backwards else "-",
                 "connectionstyle": "arc3,rad=0.45" if backwards else "arc3,rad=0"}
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops=style)
        # A backward link runs right to left and its arc bends upwards: label it at the top.
        top = max(y for _, y in place.values())
        mx, my = (x0 + x1) / 2, (top + 0.95 if backwards else (y0 + y1) / 2 + 0.22)
        label = (f"{row.estimate:.{decimals}f} ({row.ci_low:.{decimals}f} to "
                 f"{row.ci_high:.{decimals}f})")
        if lag:
            label += "\na period later" if lag == 1 else f"\n{lag} periods later"
        ax.text(mx, my, label, ha="center", va="center", fontsize=7.5, color="black",
                bbox={"facecolor": "white", "edgecolor": colour, "hatch": "//" if unsure else "",
                      "pad": 1.5})
    ys = [y for _, y in place.values()]
    ax.set_xlim(-1.3, max(columns) * step + 1.3)
    ax.set_ylim(min(ys) - 1.1, max(ys) + (1.5 if any(back) else 0.9))
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def plot_nps(table, ax=None, *, by=None, overall=None):
    """NPS of each group (a :func:`coursekit.chain.nps` table with ``by=``) as a point with its
    interval, sorted from lowest to highest: where intervals overlap, the ranking is mostly
    noise. *overall* (a number, e.g. the NPS of all answers) is drawn as a dashed line.

    Method: docs/methods.md §6.6. Used in: lesson 07.

    >>> import pandas as pd, coursekit as ck
    >>> answers = pd.DataFrame({"station": ["a"] * 5 + ["b"] * 5,
    ...                         "recommend": [10, 9, 8, 6, 9, 7, 3, 9, 10, 5]})
    >>> ax = ck.chain.plot_nps(ck.chain.nps(answers, by="station"), by="station")
    >>> ax.get_xlabel()
    'NPS (points, -100 to 100), with its 95 % interval'
    """
    table = require_frame(table, what="NPS table")
    require_columns(table, ["nps", "ci_low", "ci_high"] + ([by] if by is not None else []),
                    what="NPS table")
    table = table.assign(**finite_numbers(table, ["nps", "ci_low", "ci_high"], what="NPS table"))
    ordered = table.sort_values("nps", kind="stable").reset_index(drop=True)
    labels = ordered[by].astype(str) if by is not None else ordered.index.astype(str)
    level = round(100 * table.attrs.get("confidence", 0.95))
    y = np.arange(len(ordered))
    ax = new_axes(ax, title="NPS per group: each point with its interval",
                  xlabel=f"NPS (points, -100 to 100), with its {level} % interval",
                  ylabel=readable([by])[0] if by is not None else "Group",
                  figsize=(7, max(3.0, 0.16 * len(ordered) + 1.5)))
    ax.hlines(y, ordered["ci_low"], ordered["ci_high"], color=PALETTE[0], linewidth=1.4)
    ax.plot(ordered["nps"], y, "o", color=PALETTE[0], markersize=4, label="NPS")
    if overall is not None:
        ax.axvline(float(overall), color=PALETTE[3], linestyle="--", linewidth=1.2,
                   label=f"All answers: {float(overall):.1f}")
        ax.legend(loc="lower right", fontsize=8)
    ax.set_yticks(y, labels, fontsize=6 if len(ordered) > 30 else 8)
    ax.set_ylim(-1, len(ordered))
    return ax
