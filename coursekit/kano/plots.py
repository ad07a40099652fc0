"""KANO figures: the Better-Worse diagram and DuMouchel's continuous plane."""
from __future__ import annotations

import numpy as np

from ..core import require_columns, require_frame, require_numeric
from ..style import MARKERS, NEUTRAL, PALETTE, cjk_font, new_axes

_CATEGORY_LABELS = {"A": "Attractive (A)", "O": "One-dimensional (O)", "M": "Must-be (M)",
                    "I": "Indifferent (I)", "R": "Reverse (R)", "Q": "Questionable (Q)"}


def _has_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"
               for ch in text)


def point_labels(names) -> list[str]:
    """The feature names as labels. With a CJK font installed (``coursekit.style.cjk_font``)
    Chinese names are shown as they are; without one, a name with Chinese (CJK) characters
    becomes its row number, '#1'..., which the summary table pairs with its name, rather than a
    row of empty boxes."""
    if cjk_font() is not None:
        return [str(name) for name in names]
    return [f"#{i + 1}" if _has_cjk(str(name)) else str(name) for i, name in enumerate(names)]


def _label_points(ax, xs, ys, labels) -> None:
    """Write labels beside their points, moving a label down when it would cover another.

    Call after the axis limits are set. Labels that had to move get a thin leader line.
    """
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    step, char = 0.045, 0.0125  # label height and width of a character, in axes fractions
    placed: list[tuple[float, float, float]] = []  # (left, right, y) of labels already drawn
    points = sorted(zip(xs, ys, labels), key=lambda p: -p[1])
    for x, y, text in points:
        fx, fy = (x - x0) / (x1 - x0) + 0.015, (y - y0) / (y1 - y0) + 0.012
        right = fx + char * len(text)
        ly = fy
        while any(left < right and fx < r and abs(ly - py) < step for left, r, py in placed):
            ly -= step
        placed.append((fx, right, ly))
        moved = abs(ly - fy) > 1e-9
        ax.annotate(text, (x, y), xytext=(fx, ly), textcoords="axes fraction", fontsize=9,
                    va="bottom", arrowprops=dict(arrowstyle="-", color="#999999", linewidth=0.6,
                                                 shrinkA=0, shrinkB=3) if moved else None)


def plot_better_worse(summary, *, attribute=None, ax=None, label=True):
    """Draw the Better-Worse diagram of a :func:`summarize` table and return the Axes.

    x = \\|Worse\\| (how much its absence dissatisfies), y = Better (how much its presence
    satisfies), quadrant lines at 0.5 (Berger et al. 1993, after Timko): top left attractive,
    top right one-dimensional, bottom right must-be, bottom left indifferent. Each point is
    marked by its majority category (colour *and* marker shape) and labelled with its feature
    (Chinese names need a CJK font; without one they are shown as their row number '#k').
    Features whose Better and
    Worse are undefined (only R and Q answers) are left out.

    Method: docs/methods.md §3.5. Used in: lessons 05, 08; notebook your_own_survey.

    Parameters
    ----------
    summary : DataFrame
        The result of :func:`coursekit.kano.summarize`.
    attribute : str, optional
        The column naming the features (default: the first column).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.
    label : bool
        Write each feature's name next to its point.

    Examples
    --------
    >>> import pandas as pd
    >>> from coursekit.kano import summarize_counts
    >>> counts = pd.DataFrame({"A": [6, 1], "O": [2, 2], "M": [1, 6], "I": [1, 1],
    ...                        "R": [0, 0], "Q": [0, 0]}, index=["welcome drink", "clean room"])
    >>> ax = plot_better_worse(summarize_counts(counts))
    >>> ax.get_xlabel()
    '|Worse| (dissatisfaction when absent)'
    """
    data = require_frame(summary, "KANO summary")
    require_columns(data, ["category", "better", "worse"], "KANO summary")
    data = data.assign(**require_numeric(data, ["better", "worse"], "KANO summary"))
    name_column = attribute if attribute is not None else data.columns[0]
    ax = new_axes(ax, title="KANO Better-Worse diagram",
                  xlabel="|Worse| (dissatisfaction when absent)",
                  ylabel="Better (satisfaction when present)")
    for position in (0.5,):
        ax.axhline(position, color=NEUTRAL, linestyle="--", linewidth=1)
        ax.axvline(position, color=NEUTRAL, linestyle="--", linewidth=1)
    corners = [(0.02, 0.98, "A", "left", "top"), (0.98, 0.98, "O", "right", "top"),
               (0.98, 0.02, "M", "right", "bottom"), (0.02, 0.02, "I", "left", "bottom")]
    for x, y, letter, ha, va in corners:
        ax.text(x, y, _CATEGORY_LABELS[letter], transform=ax.transAxes, ha=ha, va=va,
                color=NEUTRAL, fontsize=9, style="italic")
    placed = data.loc[data["better"].notna() & data["worse"].notna()]
    for j, letter in enumerate(_CATEGORY_LABELS):
        group = placed.loc[placed["category"] == letter]
        if len(group):
            ax.scatter(group["worse"].abs(), group["better"], s=60, color=PALETTE[j],
                       marker=MARKERS[j], edgecolor="black", linewidth=0.5,
                       label=_CATEGORY_LABELS[letter], zorder=3)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    if label:
        _label_points(ax, placed["worse"].abs(), placed["better"], point_labels(placed[name_column]))
    ax.set_aspect("equal")
    if len(placed):
        ax.legend(title="Majority category", loc="center left", bbox_to_anchor=(1.02, 0.5),
                  fontsize=9)
    return ax


def plot_continuous(scores, *, attribute=None, size=None, ax=None, label=True):
    """Draw features on DuMouchel's continuous plane and return the Axes.

    x = mean dysfunctional score, y = mean functional score, both from
    :func:`coursekit.kano.continuous_scores` (Berger et al. 1993). Dotted lines mark 0, the
    score of a neutral answer. With *size* (default: the ``importance`` column, if present)
    the area of each point grows with the feature's mean importance, from the smallest value
    shown to the largest (the legend gives both ends). Labels that would overlap are moved
    down and tied to their point by a thin line.

    Method: docs/methods.md §3.7. Used in: lesson 05.

    Parameters
    ----------
    scores : DataFrame
        The result of :func:`coursekit.kano.continuous_scores`.
    attribute : str, optional
        The column naming the features (default: the first column).
    size : str, optional
        A column that sizes the points.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.
    label : bool
        Write each feature's name next to its point.

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame({"attribute": ["wifi", "towels"], "functional_score": [2.0, 2.0],
    ...                        "dysfunctional_score": [0.0, 4.0], "n": [2, 1]})
    >>> plot_continuous(scores).get_title()
    'KANO continuous plane (DuMouchel scores)'
    """
    data = require_frame(scores, "KANO scores")
    require_columns(data, ["functional_score", "dysfunctional_score"], "KANO scores")
    data = data.assign(**require_numeric(data, ["functional_score", "dysfunctional_score"],
                                         "KANO scores"))
    name_column = attribute if attribute is not None else data.columns[0]
    if size is None and "importance" in data.columns:
        size = "importance"
    if size is not None:
        require_columns(data, [size], "KANO scores")
    ax = new_axes(ax, title="KANO continuous plane (DuMouchel scores)",
                  xlabel="Mean dysfunctional score (how bad its absence feels)",
                  ylabel="Mean functional score (how good its presence feels)")
    ax.axhline(0, color=NEUTRAL, linestyle=":", linewidth=1)
    ax.axvline(0, color=NEUTRAL, linestyle=":", linewidth=1)
    placed = data.loc[data["functional_score"].notna() & data["dysfunctional_score"].notna()]
    ax.set_xlim(-2.2, 4.2)
    ax.set_ylim(-2.2, 4.2)
    style = dict(color=PALETTE[0], marker=MARKERS[0], edgecolor="black", linewidth=0.5, alpha=0.85)
    if size is None:
        ax.scatter(placed["dysfunctional_score"], placed["functional_score"], s=60, zorder=3,
                   label="feature", **style)
    else:
        # Area runs from the smallest to the largest value shown, so modest differences in
        # stated importance stay visible; the legend gives both ends.
        values = placed[size].to_numpy(dtype=float)
        low, high = (np.nanmin(values), np.nanmax(values)) if np.isfinite(values).any() else (0, 0)
        spread = high - low if high > low else 1.0
        areas = 40.0 + 260.0 * np.nan_to_num((values - low) / spread)
        ax.scatter(placed["dysfunctional_score"], placed["functional_score"], s=areas, zorder=3,
                   **style)
        for area, value in ((40.0, low), (300.0, high)):
            ax.scatter([], [], s=area, label=f"{size} {value:.3g}", **style)
    if label:
        _label_points(ax, placed["dysfunctional_score"], placed["functional_score"],
                      point_labels(placed[name_column]))
    ax.legend(loc="lower left", fontsize=9, labelspacing=1.2, borderpad=0.8)
    return ax
