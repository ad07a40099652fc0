"""Figures for the Moments-of-Truth lessons: the IPA grid, the emotion curve, driver importance.

Each function returns the matplotlib Axes it drew on (new ones unless ``ax=`` is given).
Groups differ by marker shape and label as well as colour (Okabe–Ito palette).
"""
from __future__ import annotations

import numpy as np

from ..core import InputError, parse_scale, require_columns, require_frame, require_numeric
from ..style import BAD, GOOD, MARKERS, NEUTRAL, OKABE_ITO, PALETTE, new_axes, readable
from .journey import emotion_curve

# Quadrant -> (colour, marker, corner (x side, y side)) for the IPA grid.
_QUADRANT_LOOK = {
    "Concentrate here": (BAD, "D", ("left", "top")),
    "Keep up the good work": (GOOD, "o", ("right", "top")),
    "Low priority": (NEUTRAL, "s", ("left", "bottom")),
    "Possible overkill": (OKABE_ITO["orange"], "^", ("right", "bottom")),
}
_CROSSHAIR_WORDS = {"data": "the attributes' means", "scale": "the scale midpoints",
                    "custom": "chosen values",
                    "fair share": "the fair share 100/k and the mean performance",
                    "fair share and scale": "the fair share 100/k and the scale midpoint"}


def plot_ipa(table, ax=None, *, importance_limits=None, performance_limits=None,
             importance_label="Importance", performance_label="Performance", names=None):
    """Draw the importance–performance grid of a table returned by :func:`coursekit.mot.ipa`.

    Performance runs along the x axis and importance up the y axis, as in Martilla & James
    (1977); dashed crosshairs split the four quadrants, each named in its corner; every point
    is labelled with its attribute's readable name (:func:`coursekit.style.readable`, or
    ``names=``) and drawn with its quadrant's marker, so quadrants differ by shape as well as
    colour.

    The axes span the scales given to :func:`~coursekit.mot.ipa` if any, otherwise the points
    and the crosshairs. ``importance_limits=(low, high)`` and ``performance_limits=(low, high)``
    set them yourself, for example to zoom in on points that sit close together.

    Method: docs/methods.md §4.1. Used in: lesson 02; notebook your_own_survey.

    >>> import coursekit as ck
    >>> grid = ck.mot.ipa({"check_in": 6.5, "security": 6.8, "lounge": 3.0},
    ...                   {"check_in": 5.9, "security": 3.9, "lounge": 6.1})
    >>> ax = ck.mot.plot_ipa(grid, performance_limits=(3, 7))
    >>> ax.get_xlabel(), float(ax.get_xlim()[0])
    ('Performance', 3.0)
    >>> sorted(t.get_text() for t in ax.texts if t.get_text() in {"Check in", "Security", "Lounge"})
    ['Check in', 'Lounge', 'Security']
    """
    table = require_frame(table, what="IPA table")
    require_columns(table, ["attribute", "importance", "performance", "quadrant"], what="IPA table")
    table = table.assign(**require_numeric(table, ["importance", "performance"], what="IPA table"))
    if "importance_crosshair" not in table.attrs:
        raise InputError("plot_ipa needs the table returned by coursekit.mot.ipa(...), which "
                         "records where the crosshairs are; this table does not.")
    importance_limits = parse_scale(importance_limits, "importance_limits")
    performance_limits = parse_scale(performance_limits, "performance_limits")
    imp_c, perf_c = table.attrs["importance_crosshair"], table.attrs["performance_crosshair"]
    where = _CROSSHAIR_WORDS.get(table.attrs.get("crosshairs"), "chosen values")
    ax = new_axes(ax, title=f"Importance–performance analysis\n(crosshairs at {where})",
                  xlabel=performance_label,
                  # A table from ipa_derived names its importance axis (share of explained
                  # variance); a label given here wins.
                  ylabel=(table.attrs.get("importance_label", importance_label)
                          if importance_label == "Importance" else importance_label))
    for quadrant, (colour, marker, _) in _QUADRANT_LOOK.items():
        part = table[table["quadrant"] == quadrant]
        if len(part):
            ax.scatter(part["performance"], part["importance"], color=colour, marker=marker, s=55,
                       edgecolor="black", linewidth=0.5, label=quadrant, zorder=3)
    ax.axvline(perf_c, color=NEUTRAL, linestyle="--", linewidth=1)
    ax.axhline(imp_c, color=NEUTRAL, linestyle="--", linewidth=1)
    ax.set_xlim(performance_limits or _limits(table["performance"], perf_c,
                                              table.attrs.get("performance_scale"), 0.08))
    # extra room above and below, where the quadrant names go
    ax.set_ylim(importance_limits or _limits(table["importance"], imp_c,
                                             table.attrs.get("importance_scale"), 0.16))
    _label_points(ax, table["performance"].to_numpy(float), table["importance"].to_numpy(float),
                  [str(a) for a in readable(list(table["attribute"]), names)])
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for quadrant, (colour, _, (side, level)) in _QUADRANT_LOOK.items():
        ax.text(x0 if side == "left" else x1, y1 if level == "top" else y0, f" {quadrant} ",
                ha=side, va=level, fontsize=9, fontweight="bold", color=colour, zorder=1,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, title="Quadrant")
    return ax


def _label_points(ax, x, y, labels):
    """Label each point where its name overlaps neither another label nor a point marker:
    attributes with similar scores are common, and their names must stay readable.

    Candidate positions are tried in order (right, left, above, below, then further out); a
    label that fits nowhere keeps the first position, so nothing is ever dropped.
    """
    from matplotlib.transforms import Bbox

    candidates = [(6, 3, "left"), (-6, 3, "right"), (0, 9, "center"), (0, -14, "center"),
                  (6, -12, "left"), (-6, -12, "right"), (6, 14, "left"), (-6, 14, "right"),
                  (0, 22, "center"), (0, -24, "center")]
    try:
        renderer = ax.figure.canvas.get_renderer()
    except AttributeError:  # a backend without a renderer to measure text: simple placement
        renderer = None
    points = ax.transData.transform(np.column_stack([x, y]))
    markers = [Bbox.from_extents(px - 5, py - 5, px + 5, py + 5) for px, py in points]
    axes_box = ax.get_window_extent(renderer) if renderer is not None else None
    placed = []
    for i in np.argsort(-np.asarray(y), kind="stable"):
        note = ax.annotate(labels[i], (x[i], y[i]), xytext=candidates[0][:2],
                           textcoords="offset points", fontsize=9, zorder=4, ha="left")
        if renderer is None:
            continue
        for dx, dy, align in candidates:
            note.xyann = (dx, dy)
            note.set_ha(align)
            box = note.get_window_extent(renderer)
            clash = any(box.overlaps(b) for b in placed) or any(
                box.overlaps(m) for j, m in enumerate(markers) if j != i)
            inside = axes_box is None or (box.x0 >= axes_box.x0 and box.x1 <= axes_box.x1
                                          and box.y0 >= axes_box.y0 and box.y1 <= axes_box.y1)
            if not clash and inside:
                break
        else:
            note.xyann, _ = candidates[0][:2], note.set_ha(candidates[0][2])
        placed.append(note.get_window_extent(renderer))


def _limits(values, centre, scale, margin):
    if scale is not None:
        lo, hi = scale
    else:
        lo, hi = min(values.min(), centre), max(values.max(), centre)
    pad = margin * (hi - lo) if hi > lo else 0.5
    return lo - pad, hi + pad


def plot_emotion_curve(ratings, by=None, band="iqr", scale=None, confidence=0.95, ax=None,
                       names=None, *, na_values=None):
    """Draw the journey's emotion curve: mean rating per touchpoint in journey order, with a band.

    The numbers come from :func:`coursekit.mot.emotion_curve` (same ``by``, ``band``,
    ``confidence`` and ``na_values``); each segment is its own line with its own marker. With
    ``scale=(low, high)`` every rating is checked against the scale, the y axis spans it and a
    dotted line marks its midpoint. Touchpoints and segments are shown by their readable names
    (:func:`coursekit.style.readable`, or ``names=``).

    Method: docs/methods.md §1.5. Used in: lesson 01; notebook your_own_survey.

    >>> import pandas as pd, coursekit as ck
    >>> trips = pd.DataFrame({"check_in": [6, 5, 4], "security": [2, 3, 5], "arrival": [6, 5, 6],
    ...                       "segment": ["VIP", "economy", "economy"]})
    >>> ax = ck.mot.plot_emotion_curve(trips, by="segment", scale=(1, 7))
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Check in', 'Security', 'Arrival']
    """
    scale = parse_scale(scale, "scale")
    curve = emotion_curve(ratings, by=by, band=band, confidence=confidence, scale=scale,
                          na_values=na_values)
    band = curve.attrs["band"]
    band_words = {"iqr": "band: middle half of ratings (IQR)",
                  "ci": f"band: {confidence:.0%} confidence interval", "none": "no band"}[band]
    ax = new_axes(ax, title="Emotion curve along the journey",
                  xlabel="Touchpoint (in journey order)", ylabel=f"Mean rating ({band_words})")
    groups = curve.groupby("segment", sort=False) if "segment" in curve else [("All respondents", curve)]
    for i, (label, part) in enumerate(groups):
        colour, marker = PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]
        ax.plot(part["position"], part["mean"], color=colour, marker=marker, linewidth=2,
                label=str(readable(label, names)))
        if band != "none":
            ax.fill_between(part["position"], part["low"], part["high"], color=colour, alpha=0.15,
                            linewidth=0)
    first = curve[~curve["position"].duplicated()]  # one tick label per touchpoint
    ax.set_xticks(first["position"], [str(m) for m in readable(list(first["moment"]), names)],
                  rotation=30, ha="right")
    if scale is not None:
        ax.axhline(sum(scale) / 2, color=NEUTRAL, linestyle=":", linewidth=1, label="Scale midpoint")
        ax.set_ylim(scale[0] - 0.2, scale[1] + 0.2)
    if "segment" in curve or scale is not None:
        ax.legend(fontsize=8)
    return ax


def plot_importance(table, ax=None, names=None):
    """Bar chart of a :func:`coursekit.mot.driver_importance` table: each driver's share in %.

    The most important driver is at the top; each bar carries its share. Drivers whose
    importance is negative (possible with ``method="correlation"`` or ``"regression"``) are
    hatched and marked "(−)", so the sign does not rest on colour. Drivers are shown by their
    readable names (:func:`coursekit.style.readable`, or ``names=``).

    Method: docs/methods.md §4.2. Used in: lessons 02, 06.

    >>> import pandas as pd, coursekit as ck
    >>> survey = pd.DataFrame({"a": [1, 2, 3, 4, 5, 3], "b": [2, 1, 4, 3, 5, 5],
    ...                        "overall": [1, 2, 4, 4, 6, 4]})
    >>> ck.mot.plot_importance(ck.mot.driver_importance(survey, "overall", ["a", "b"])).get_xlabel()
    'Share of the total (%)'
    """
    table = require_frame(table, what="importance table")
    require_columns(table, ["driver", "importance", "share"], what="importance table")
    table = table.assign(**require_numeric(table, ["importance", "share"], what="importance table"))
    method = table.attrs.get("method", "")
    r2 = table.attrs.get("r_squared")
    title = "Driver importance" + (f" ({method.replace('_', ' ')}" if method else "")
    title += (f", R² = {r2:.2f})" if r2 is not None else ")") if method else ""
    ax = new_axes(ax, title=title, xlabel="Share of the total (%)", ylabel="Driver")
    order = table.iloc[::-1]
    negative = (order["importance"] < 0).to_numpy()
    shown = readable(list(order["driver"]), names)
    labels = [f"{d} (−)" if neg else str(d) for d, neg in zip(shown, negative)]
    bars = ax.barh(np.arange(len(order)), order["share"], color=np.where(negative, BAD, GOOD),
                   edgecolor="black", linewidth=0.5)
    for bar, neg in zip(bars, negative):
        if neg:
            bar.set_hatch("//")
    ax.set_yticks(np.arange(len(order)), labels)
    ax.bar_label(bars, labels=[f"{s:.1f} %" for s in order["share"]], padding=3, fontsize=8)
    ax.set_xlim(0, float(order["share"].max()) * 1.18)  # room for the bar labels
    return ax
