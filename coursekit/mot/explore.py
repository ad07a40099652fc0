"""Explorers for the Moments-of-Truth lessons: controls that redraw a figure as you move them.

Each explorer is an ipywidgets box. When it is displayed it also carries a picture of its
figure as drawn (``image/png``): a saved notebook or a handout opened without a running Python
shows that picture instead of empty controls. Public names are re-exported by
:mod:`coursekit.mot`.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

from ..core import InputError, column_numbers, parse_scale, raise_bad_values
from ..core.explorer import explorer_box, figure_png, show_in
from ..style import BAD, GOOD, NEUTRAL, PALETTE, readable
from .journey import peak_end
from .plots import plot_ipa


def _start_ratings(start, scale):
    if isinstance(start, pd.DataFrame):
        if len(start) != 1:
            raise InputError(f"start= should hold one journey (one row), but the table has "
                             f"{len(start)} rows. Pick one, e.g. table.iloc[0].")
        start = start.iloc[0]
    if isinstance(start, dict):
        start = pd.Series(start, dtype=object)
    if not isinstance(start, pd.Series) or len(start) == 0:
        raise InputError("start= should give a rating per moment, in journey order: a dict such "
                         "as {'check_in': 5, 'security': 2}, or a pandas Series.")
    lo, hi = scale
    allowed = f"whole numbers from {lo:g} to {hi:g} (the scale)"
    # The core's reading of numbers: True, a date or inf is not a rating a slider can take.
    values = pd.Series(column_numbers(start, "start", allowed), index=start.index)
    bad = values.isna() | (values % 1 != 0) | (values < lo) | (values > hi)
    if bad.any():
        raise_bad_values("start", start, bad, allowed, problem="ratings a slider cannot take")
    return values.astype(int)


def journey_explorer(start, scale=(1, 7), names=None):
    """Sliders for the moments of one journey, with its remembered (peak–end) score and curve.

    Each slider sets one moment's rating. Under them: the remembered score by the peak–end
    rule, (peak + end) / 2 with the peak the rating farthest from the scale midpoint and a tie
    going to the earlier moment, as :func:`coursekit.mot.peak_end` computes it; the average of
    the moments; and a line chart with the average, the remembered score, the peak (ringed with
    a diamond) and the end (a square).

    Method: docs/methods.md §1.4. Used in: lesson 01.

    Parameters
    ----------
    start : dict, Series or one-row DataFrame
        The starting rating of each moment, in journey order, e.g. ``{"check_in": 5, ...}``.
    scale : (int, int)
        Lowest and highest rating; the sliders span it.
    names : dict or Series, optional
        Readable names for the moments (default: :func:`coursekit.style.readable`).

    Returns
    -------
    ipywidgets.VBox
        Display it (last line of a cell). ``.ratings`` holds the sliders' ratings as a Series
        (moment → rating), ``.result_text`` the line under the sliders.

    Raises
    ------
    coursekit.InputError
        No moments, or a starting rating that is not a whole number on the scale.

    Examples
    --------
    >>> import coursekit as ck
    >>> box = ck.mot.journey_explorer({"check_in": 5, "security": 1, "arrival": 6, "taxi": 3})
    >>> box.result_text
    'Remembered (peak–end): 2.0 · average of the 4 moments: 3.750 · peak: Security (1) · end: Taxi (3)'
    >>> box.ratings.to_dict()
    {'check_in': 5, 'security': 1, 'arrival': 6, 'taxi': 3}
    """
    import ipywidgets as widgets

    scale = parse_scale(scale, "scale")
    ratings = _start_ratings(start, scale)
    moments = list(ratings.index)
    shown = readable(moments, names)
    sliders = [widgets.IntSlider(value=int(value), min=int(scale[0]), max=int(scale[1]),
                                 description=str(label), continuous_update=False,
                                 style={"description_width": "130px"},
                                 layout=widgets.Layout(width="350px"))
               for label, value in zip(shown, ratings)]
    result = widgets.HTML()
    picture = widgets.Output()
    half = (len(sliders) + 1) // 2
    controls = widgets.HBox([widgets.VBox(sliders[:half]), widgets.VBox(sliders[half:])])
    box = explorer_box([controls, result, picture],
                            description="Journey explorer: sliders for each moment's rating, the "
                                        "remembered (peak–end) score and the journey's curve. "
                                        "Run the cell to use it.")

    def update(change=None):
        now = pd.DataFrame([[s.value for s in sliders]], columns=moments)
        box.ratings = now.iloc[0].rename("rating")
        memory = peak_end(now, scale=scale).iloc[0]
        peak, end = moments.index(memory["peak_moment"]), moments.index(memory["end_moment"])
        box.result_text = (
            f"Remembered (peak–end): {memory['peak_end']:.1f} · average of the {len(moments)} "
            f"moments: {memory['mean']:.3f} · peak: {shown[peak]} ({memory['peak']:.0f}) · "
            f"end: {shown[end]} ({memory['end']:.0f})")
        result.value = "<b>" + html.escape(box.result_text).replace(" · ", "</b> · <b>", 1) + "</b>"
        box.png = figure_png(_journey_figure(now.iloc[0].to_numpy(float), shown, memory, peak, end, scale))
        show_in(picture, box.png)

    for slider in sliders:
        slider.observe(update, names="value")
    update()
    return box


def _journey_figure(values, shown, memory, peak, end, scale):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 3.6), layout="constrained")
    x = np.arange(1, len(values) + 1)
    ax.plot(x, values, color=PALETTE[0], marker="o", linewidth=2, label="Rating")
    ax.axhline(memory["mean"], color=NEUTRAL, linestyle="--", label="Average")
    ax.axhline(memory["peak_end"], color=BAD, linestyle=":", linewidth=2,
               label="Remembered (peak–end)")
    for i, word, colour, marker in [(peak, "peak", BAD, "D"), (end, "end", GOOD, "s")]:
        ax.plot(i + 1, values[i], linestyle="none", marker=marker, markersize=13,
                markerfacecolor="none", markeredgecolor=colour, markeredgewidth=2)
        above = values[i] < scale[1]
        ax.annotate(word, (i + 1, values[i]), xytext=(0, 16 if above else -22),
                    textcoords="offset points", ha="center", fontsize=9,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_xticks(x, shown, rotation=30, ha="right")
    ax.set_ylim(scale[0] - 0.5, scale[1] + 0.9)
    ax.set_yticks(range(int(scale[0]), int(scale[1]) + 1))
    ax.set_title("Your journey: its moments, their average and the memory")
    ax.set_xlabel("Touchpoint (in journey order)")
    ax.set_ylabel(f"Rating ({scale[0]:g} very poor ... {scale[1]:g} excellent)")
    ax.grid(True, color="#DDDDDD", linewidth=0.6)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    return fig


def _check_grids(grids):
    if not isinstance(grids, dict) or not grids:
        raise InputError("grids= should be a dict {(importance measure, crosshair choice): IPA "
                         "table}, each table made by coursekit.mot.ipa(...).")
    for key, table in grids.items():
        if not (isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, str) for k in key)):
            raise InputError(f"Each key of grids= should be a pair of names (importance measure, "
                             f"crosshair choice), such as ('stated importance', 'data means'); "
                             f"got {key!r}.")
        if not isinstance(table, pd.DataFrame) or "importance_crosshair" not in table.attrs:
            raise InputError(f"grids[{key!r}] should be a table made by coursekit.mot.ipa(...), "
                             "which records where the crosshairs are.")
    measures = list(dict.fromkeys(k[0] for k in grids))
    choices = list(dict.fromkeys(k[1] for k in grids))
    missing = [(m, c) for m in measures for c in choices if (m, c) not in grids]
    if missing:
        raise InputError(f"grids= has no table for {', '.join(repr(k) for k in missing)}: give "
                         "one for every importance measure with every crosshair choice.")
    return measures, choices


def ipa_explorer(grids, *, importance_limits=None, performance_limits=None, names=None):
    """A drop-down for the importance measure and buttons for the crosshairs of an IPA grid.

    ``grids`` holds one importance–performance table (from :func:`coursekit.mot.ipa`) per
    importance measure and crosshair choice. The drop-down picks the measure, the buttons the
    crosshairs; under them a line lists the attributes in "Concentrate here", then the grid
    (:func:`coursekit.mot.plot_ipa`) and a table of every attribute's quadrant.

    Method: docs/methods.md §4.1. Used in: lesson 02.

    Parameters
    ----------
    grids : dict
        ``{(importance measure, crosshair choice): table}`` with a table for every measure and
        every choice, e.g. ``("stated importance", "data means")``.
    importance_limits : (float, float) or dict, optional
        Importance axis limits, one pair for all measures or a pair per measure.
    performance_limits : (float, float), optional
    names : dict or Series, optional
        Readable names for the attributes (default: :func:`coursekit.style.readable`).

    Returns
    -------
    ipywidgets.VBox
        Display it (last line of a cell). ``.result_text`` holds the "Concentrate here" line.

    Raises
    ------
    coursekit.InputError
        grids= empty or not a dict, a key that is not a pair of names, a table not made by
        ``ipa``, or a measure without a table for every crosshair choice.

    Examples
    --------
    >>> import coursekit as ck
    >>> imp = {"check_in": 6.5, "security": 6.8, "lounge": 3.0, "arrival": 4.2}
    >>> perf = {"check_in": 5.9, "security": 3.9, "lounge": 6.1, "arrival": 4.5}
    >>> box = ck.mot.ipa_explorer({
    ...     ("stated", "data means"): ck.mot.ipa(imp, perf),
    ...     ("stated", "scale midpoints"): ck.mot.ipa(imp, perf, crosshairs=(4, 4))})
    >>> box.result_text
    'Concentrate here: Security'
    """
    import ipywidgets as widgets

    measures, choices = _check_grids(grids)
    if isinstance(importance_limits, dict):
        limits = {m: parse_scale(importance_limits.get(m), "importance_limits") for m in measures}
    else:
        limits = dict.fromkeys(measures, parse_scale(importance_limits, "importance_limits"))
    performance_limits = parse_scale(performance_limits, "performance_limits")
    measure_box = widgets.Dropdown(options=measures, description="Importance:",
                                   style={"description_width": "initial"},
                                   layout=widgets.Layout(width="460px"))
    crosshair_box = widgets.ToggleButtons(options=choices, description="Crosshairs:",
                                          style={"description_width": "initial"})
    verdict = widgets.HTML()
    area = widgets.Output()
    box = explorer_box([measure_box, crosshair_box, verdict, area],
                            description="IPA explorer: choose the importance measure and the "
                                        "crosshairs to see the grid. Run the cell to use it.")

    def redraw(change=None):
        import matplotlib.pyplot as plt

        measure, choice = measure_box.value, crosshair_box.value
        grid = grids[(measure, choice)]
        shown = readable(list(grid["attribute"]), names)
        focus = [name for name, q in zip(shown, grid["quadrant"]) if q == "Concentrate here"]
        box.result_text = "Concentrate here: " + (", ".join(focus) if focus else "no attribute")
        verdict.value = f"<b>{html.escape(box.result_text)}</b>"
        fig, ax = plt.subplots(figsize=(8, 5), layout="constrained")
        plot_ipa(grid, ax=ax, importance_limits=limits[measure],
                 performance_limits=performance_limits, importance_label=f"Importance: {measure}",
                 names=names)
        box.png = figure_png(fig)
        table = grid.set_index("attribute")[["importance", "performance", "quadrant"]]
        show_in(area, box.png, readable(table.round(2), names))

    measure_box.observe(redraw, names="value")
    crosshair_box.observe(redraw, names="value")
    redraw()
    return box
