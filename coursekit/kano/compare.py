"""Two or more KANO surveys side by side: segments that disagree, and waves in which features
migrate along Kano's life cycle (:func:`compare`, drawn by :func:`plot_comparison`)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import InputError, require_columns, require_frame, require_numeric
from ..style import NEUTRAL, PALETTE, new_axes
from .plots import _label_points, point_labels
from .summary import summarize

#: Kano (2001): as customers get used to a feature it tends to move along these categories.
LIFE_CYCLE = ("I", "A", "O", "M")


def _groups(answers, by, attribute):
    """[(label, table)] from a dict of tables or from one table and its *by* column."""
    if isinstance(answers, dict):
        if by is not None:
            raise InputError("Give either a dict of answer tables (one per group) or one table "
                             "with by=, not both.")
        if len(answers) < 2:
            raise InputError(f"compare() needs two or more groups to compare; the dict has "
                             f"{len(answers)}.")
        return [(str(label), require_frame(table, f"KANO answers of {label!r}"))
                for label, table in answers.items()]
    data = require_frame(answers, "KANO answers")
    if by is None:
        raise InputError("Name the column that splits the answers into groups, e.g. "
                         "compare(answers, by=\"segment\"), or pass a dict such as "
                         "{\"2023\": old_wave, \"2025\": new_wave}.")
    require_columns(data, [by, attribute], "KANO answers")
    column = data[by]
    if isinstance(column.dtype, pd.CategoricalDtype):
        labels = [c for c in column.cat.categories if (column == c).any()]
    else:
        labels = list(pd.unique(column.dropna()))
    if column.isna().any():
        raise InputError(f"Column {by!r} has {int(column.isna().sum())} rows without a group; "
                         f"fill them in or leave those rows out.")
    if len(labels) < 2:
        raise InputError(f"Column {by!r} holds only {len(labels)} group ({labels}); compare() "
                         "needs two or more.")
    return [(str(label), data.loc[column == label]) for label in labels]


def compare(answers, by=None, *, attribute="attribute", functional="functional",
            dysfunctional="dysfunctional"):
    """Compare the KANO results of two or more groups: segments, or survey waves.

    Each group is summarised with :func:`coursekit.kano.summarize`; per feature and group the
    table gives the most frequent ``category``, whether Fong's test puts it significantly ahead
    of the second (``fong``), ``better``, ``worse`` and ``n``. Then, per feature:

    * ``pattern`` — ``"same"`` when every group has the same category and every lead is
      significant; ``"differ"`` when the categories differ and every lead is significant (the
      groups really disagree, or the feature has moved); ``"unclear"`` when at least one group's
      lead is not significant (Fong 1996), so the categories cannot be compared with confidence;
    * with exactly two groups (first → second): ``better_change`` and ``worse_change`` (second
      minus first), and ``life_cycle_step``, how many steps the category moved along Kano's
      (2001) life cycle indifferent → attractive → one-dimensional → must-be (positive: towards
      must-be; missing when either category is reverse or questionable).

    A feature that is contested overall but clear within each segment (``pattern == "differ"``)
    is a segment disagreement: decide per segment, not on the overall label.

    Method: docs/methods.md §3.6 and §3.8. Used in: lesson 05.

    Parameters
    ----------
    answers : DataFrame, or dict of DataFrames
        One long table of answer pairs with a *by* column (``"segment"``), or a dict
        ``{group label: table}`` such as ``{"2023": old_wave, "2025": new_wave}`` (in that
        order).
    by : str, optional
        The column holding each row's group (with one table).
    attribute, functional, dysfunctional : str
        Column names, as for :func:`summarize`.

    Returns
    -------
    DataFrame
        One row per feature (in the order of the first group): ``attribute``, then for each
        group *g* ``category_g, fong_g, better_g, worse_g, n_g``, then ``pattern`` (and the
        three change columns for two groups). ``attrs["groups"]`` lists the group labels.

    Raises
    ------
    InputError
        Fewer than two groups, rows without a group, both a dict and *by*, or anything
        :func:`summarize` refuses.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> wave = lambda pairs: pd.DataFrame({"attribute": ["tracking"] * len(pairs),
    ...     "functional": [f for f, _ in pairs], "dysfunctional": [d for _, d in pairs]})
    >>> old = wave([("like", "dislike")] * 30 + [("must-be", "dislike")] * 5)
    >>> new = wave([("like", "dislike")] * 5 + [("must-be", "dislike")] * 30)
    >>> table = ck.kano.compare({"2023": old, "2025": new})
    >>> table[["attribute", "category_2023", "category_2025", "pattern", "life_cycle_step"]]
      attribute category_2023 category_2025 pattern  life_cycle_step
    0  tracking             O             M  differ                1
    """
    groups = _groups(answers, by, attribute)
    labels = [label for label, _ in groups]
    if len(set(labels)) != len(labels):
        raise InputError(f"Two groups have the same label: {labels}.")
    parts = []
    for label, table in groups:
        summary = summarize(table, attribute=attribute, functional=functional,
                            dysfunctional=dysfunctional).set_index(attribute)
        part = summary[["category", "fong_significant", "better", "worse", "n"]]
        part.columns = [f"{name}_{label}" for name in ("category", "fong", "better", "worse", "n")]
        parts.append(part)
    # Features in the first group's order; one missing from a group gets NaN there.
    order = list(dict.fromkeys(x for part in parts for x in part.index))
    out = pd.concat([part.reindex(order) for part in parts], axis=1)
    categories = out[[f"category_{g}" for g in labels]]
    clear = out[[f"fong_{g}" for g in labels]].fillna(False).astype(bool).all(axis=1)
    known = categories.notna().all(axis=1)
    same = categories.nunique(axis=1, dropna=False).eq(1)
    out["pattern"] = np.where(~known | ~clear, "unclear", np.where(same, "same", "differ"))
    if len(labels) == 2:
        first, second = labels
        out["better_change"] = out[f"better_{second}"] - out[f"better_{first}"]
        out["worse_change"] = out[f"worse_{second}"] - out[f"worse_{first}"]
        position = {c: k for k, c in enumerate(LIFE_CYCLE)}
        step = [position[b] - position[a] if a in position and b in position else pd.NA
                for a, b in zip(out[f"category_{first}"], out[f"category_{second}"])]
        out["life_cycle_step"] = pd.array(step, dtype="Int64")
    for g in labels:
        out[f"fong_{g}"] = out[f"fong_{g}"].astype("boolean")
        out[f"n_{g}"] = out[f"n_{g}"].astype("Int64")
    out = out.reset_index().rename(columns={"index": attribute})
    out.attrs["groups"] = labels
    return out


def plot_comparison(comparison, *, ax=None, label=True):
    """Draw how each feature moves on the Better-Worse diagram from one group to another.

    For a :func:`compare` table of exactly two groups: each feature is an arrow from its
    position in the first group (a circle) to its position in the second (the arrow's head),
    with x = \\|Worse\\| and y = Better and quadrant lines at 0.5, as in
    :func:`coursekit.kano.plot_better_worse`. Features whose category changed are drawn thick,
    in colour and labelled; the others thin and grey, so the change never rests on colour
    alone.

    Method: docs/methods.md §3.5 and §3.8. Used in: lesson 05.

    Parameters
    ----------
    comparison : DataFrame
        The result of :func:`compare` with two groups.
    ax : matplotlib Axes, optional
    label : bool
        Write the names of the features whose category changed.

    Raises
    ------
    InputError
        For a table that is not a two-group :func:`compare` result.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> wave = lambda f, d, k: pd.DataFrame({"attribute": ["tracking"] * k,
    ...                                      "functional": [f] * k, "dysfunctional": [d] * k})
    >>> old = pd.concat([wave("like", "dislike", 30), wave("must-be", "dislike", 5)])
    >>> new = pd.concat([wave("like", "dislike", 5), wave("must-be", "dislike", 30)])
    >>> ax = ck.kano.plot_comparison(ck.kano.compare({"2023": old, "2025": new}))
    >>> ax.get_title()
    'How the features moved, 2023 to 2025'
    """
    from matplotlib.patches import FancyArrowPatch

    data = require_frame(comparison, "KANO comparison")
    groups = list(data.attrs.get("groups", []))
    if len(groups) != 2:
        raise InputError("plot_comparison() draws a compare() table of exactly two groups, such "
                         "as compare({\"2023\": old, \"2025\": new}); this table has "
                         f"{len(groups) or 'no'} groups.")
    first, second = groups
    names = [f"{k}_{g}" for g in groups for k in ("category", "better", "worse")]
    require_columns(data, names, "KANO comparison")
    numbers = [f"{k}_{g}" for g in groups for k in ("better", "worse")]
    data = data.assign(**require_numeric(data, numbers, "KANO comparison"))
    name_column = data.columns[0]
    ax = new_axes(ax, title=f"How the features moved, {first} to {second}",
                  xlabel="|Worse| (dissatisfaction when absent)",
                  ylabel="Better (satisfaction when present)", figsize=(7.5, 6))
    ax.axhline(0.5, color=NEUTRAL, linestyle="--", linewidth=1)
    ax.axvline(0.5, color=NEUTRAL, linestyle="--", linewidth=1)
    corners = [(0.02, 0.98, "Attractive", "left", "top"),
               (0.98, 0.98, "One-dimensional", "right", "top"),
               (0.98, 0.02, "Must-be", "right", "bottom"), (0.02, 0.02, "Indifferent", "left", "bottom")]
    for x, y, text, ha, va in corners:
        ax.text(x, y, text, transform=ax.transAxes, ha=ha, va=va, color=NEUTRAL, fontsize=9,
                style="italic")
    placed = data.dropna(subset=names[1:3] + names[4:6])
    moved = (placed[f"category_{first}"] != placed[f"category_{second}"]).to_numpy()
    x0, y0 = placed[f"worse_{first}"].abs().to_numpy(), placed[f"better_{first}"].to_numpy()
    x1, y1 = placed[f"worse_{second}"].abs().to_numpy(), placed[f"better_{second}"].to_numpy()
    for k in range(len(placed)):
        strong = bool(moved[k])
        colour = PALETTE[3] if strong else NEUTRAL
        ax.add_patch(FancyArrowPatch((x0[k], y0[k]), (x1[k], y1[k]), arrowstyle="-|>",
                                     mutation_scale=14 if strong else 9, color=colour,
                                     linewidth=2.2 if strong else 0.9, zorder=3 if strong else 2))
    ax.scatter(x0[~moved], y0[~moved], s=25, marker="o", facecolor="white", edgecolor=NEUTRAL,
               zorder=2, label=f"{first}, category kept")
    ax.scatter(x0[moved], y0[moved], s=55, marker="o", facecolor="white", edgecolor=PALETTE[3],
               linewidth=1.8, zorder=4, label=f"{first}, category changed (thick arrow)")
    ax.plot([], [], color=PALETTE[3], linewidth=2.2, marker=">", label=f"to {second}")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    if label and moved.any():
        chosen = placed.loc[moved]
        texts = [f"{n} ({a}→{b})" for n, a, b in zip(point_labels(chosen[name_column]),
                                                    chosen[f"category_{first}"],
                                                    chosen[f"category_{second}"])]
        _label_points(ax, x1[moved], y1[moved], texts)
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=8)
    return ax
