"""One feature's answers, cell by cell: the 5 × 5 grid of answer pairs (:func:`answer_grid`),
drawn over the evaluation table (:func:`plot_answer_grid`), and a widget that shows the grid,
the counts and the verdict for any feature and segment (:func:`feature_explorer`)."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

from ..core import (InputError, raise_bad_values, require_choice, require_columns, require_frame,
                    require_numeric)
from ..style import PALETTE
from .answers import ANSWERS, answer_codes
from .evaluation import CATEGORY_NAMES, EVALUATION_TABLE, warn_pairs_set_aside
from .plots import point_labels
from .stats import CATEGORIES, summarize_counts


def _feature_names(data, attribute):
    column = data[attribute]
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories if (column == c).any()]
    return [str(c) for c in pd.unique(column.dropna())]


def answer_grid(answers, feature, *, attribute="attribute", functional="functional",
                dysfunctional="dysfunctional"):
    """Count one feature's answer pairs in a 5 × 5 grid: rows the functional answer, columns
    the dysfunctional answer, in the order of the evaluation table (like, must-be, neutral,
    live-with, dislike).

    Each cell of the grid falls in one cell of :data:`EVALUATION_TABLE`, so adding up the cells
    of each letter gives the feature's category counts (``grid_counts``); that is exactly what
    :func:`coursekit.kano.summarize` does for every feature at once.

    Method: docs/methods.md §3.2. Used in: lesson 05.

    Parameters
    ----------
    answers : DataFrame
        One row per answer pair, as for :func:`coursekit.kano.summarize`.
    feature : str
        The feature to count (a value of the *attribute* column).
    attribute, functional, dysfunctional : str
        Column names.

    Returns
    -------
    DataFrame
        5 × 5 counts; index ``functional``, columns ``dysfunctional``. Pairs with a missing
        answer are set aside with a :class:`coursekit.MissingDataWarning`.

    Raises
    ------
    InputError
        A missing column, a feature that is not in the table, or an answer that is not a KANO
        answer.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> answers = pd.DataFrame({"attribute": ["wifi"] * 3,
    ...                         "functional": ["like", "must-be", "must-be"],
    ...                         "dysfunctional": ["dislike", "dislike", "dislike"]})
    >>> ck.kano.answer_grid(answers, "wifi").loc[["like", "must-be"], ["neutral", "dislike"]]
    dysfunctional  neutral  dislike
    functional                     
    like                 0        1
    must-be              0        2
    """
    data = require_frame(answers, "KANO answers")
    require_columns(data, [attribute, functional, dysfunctional], "KANO answers")
    require_choice(str(feature), "feature", _feature_names(data, attribute))
    # Every answer is read, not only this feature's: a table with answers that are not KANO
    # answers is refused whichever feature is asked for.
    f_all = answer_codes(data[functional], functional)
    d_all = answer_codes(data[dysfunctional], dysfunctional)
    chosen = (data[attribute].astype(str) == str(feature)).to_numpy()
    f_codes, d_codes = f_all[chosen], d_all[chosen]
    missing = (f_codes == 0) | (d_codes == 0)
    if missing.any():
        warn_pairs_set_aside(data.index[chosen], missing)
    keep = ~missing
    counts = np.zeros((5, 5), dtype=int)
    np.add.at(counts, (f_codes[keep] - 1, d_codes[keep] - 1), 1)
    return pd.DataFrame(counts, index=pd.Index(ANSWERS, name="functional"),
                        columns=pd.Index(ANSWERS, name="dysfunctional"))


def grid_counts(grid) -> pd.DataFrame:
    """The category counts A, O, M, I, R, Q of an :func:`answer_grid` (one row)."""
    letters = EVALUATION_TABLE.to_numpy()
    values = np.asarray(grid, dtype=int)
    return pd.DataFrame([[int(values[letters == c].sum()) for c in CATEGORIES]],
                        columns=list(CATEGORIES))


def plot_answer_grid(grid, *, ax=None, title="Answer pairs on the evaluation table"):
    """Draw an :func:`answer_grid` over the KANO evaluation table and return the Axes.

    Each cell shows its category letter and how many answer pairs fell in it; cells are tinted
    by category (Okabe–Ito colours, stronger where more pairs fell) and the letter is always
    written, so the figure does not rest on colour.

    Method: docs/methods.md §3.2. Used in: lesson 05.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> answers = pd.DataFrame({"attribute": ["wifi"] * 2, "functional": ["like", "must-be"],
    ...                         "dysfunctional": ["dislike", "dislike"]})
    >>> ax = ck.kano.plot_answer_grid(ck.kano.answer_grid(answers, "wifi"))
    >>> ax.get_xlabel()
    'Dysfunctional answer (if the service does not have it)'
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_rgb

    data = require_frame(grid, "answer grid")
    require_columns(data, list(ANSWERS), "answer grid")
    if len(data) != 5:
        raise InputError(f"plot_answer_grid() draws a 5 × 5 answer grid (answer_grid's result), "
                         f"one row per functional answer; this table has {len(data)} rows.")
    numbers = require_numeric(data, list(ANSWERS), "answer grid")
    for answer in ANSWERS:
        bad = numbers[answer].isna() | (numbers[answer] < 0) | (numbers[answer] % 1 != 0)
        if bad.any():
            raise_bad_values(answer, data[answer], bad, "whole numbers 0 or more (counts of "
                             "answer pairs)", problem="entries that are not counts")
    values = numbers.to_numpy(dtype=int)
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 5.2), layout="constrained")
    letters = EVALUATION_TABLE.to_numpy()
    top = max(int(values.max()), 1)
    image = np.ones((5, 5, 3))
    for i in range(5):
        for j in range(5):
            colour = np.array(to_rgb(PALETTE[CATEGORIES.index(letters[i, j])]))
            strength = 0.15 + 0.6 * values[i, j] / top
            image[i, j] = 1 - strength * (1 - colour)
            ax.text(j, i - 0.15, letters[i, j], ha="center", va="center", fontsize=12,
                    fontweight="bold")
            ax.text(j, i + 0.22, f"{values[i, j]}", ha="center", va="center", fontsize=9)
    ax.imshow(image, aspect="equal")
    ax.set_xticks(range(5), list(ANSWERS))
    ax.set_yticks(range(5), list(ANSWERS))
    ax.set_xticks(np.arange(-0.5, 5), minor=True)
    ax.set_yticks(np.arange(-0.5, 5), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("Dysfunctional answer (if the service does not have it)")
    ax.set_ylabel("Functional answer (if the service has it)")
    ax.set_title(title)
    return ax


def _verdict(counts: pd.DataFrame) -> str:
    row = summarize_counts(counts).iloc[0]
    if row["n"] == 0:
        return "No answer pairs to judge."
    tally = " · ".join(f"{c} {int(row[c])}" for c in CATEGORIES)
    top, second = sorted((int(row[c]) for c in CATEGORIES), reverse=True)[:2]
    n = int(row["n"])
    threshold = 1.65 * np.sqrt((top + second) * (2 * n - top - second) / (2 * n))
    lead = "clearly ahead" if row["fong_significant"] else "not clearly ahead"
    return (f"{tally} (n = {n}). Most frequent: {row['category']} "
            f"({CATEGORY_NAMES[row['category']]}), {lead} of the second by Fong's test "
            f"(|a − b| = {top - second} against {threshold:.1f}); decide as "
            f"{row['category_close_call']}. Better {row['better']:.2f}, Worse {row['worse']:.2f}.")


def feature_explorer(answers, *, by=None, attribute="attribute", functional="functional",
                     dysfunctional="dysfunctional"):
    """A widget to look at any feature's answers: pick a feature (and a group, with *by*) and
    see its answer pairs on the evaluation table, its category counts, Fong's test, the
    close-call decision, and Better and Worse.

    The figure is :func:`plot_answer_grid`; the line under the controls is the verdict, in the
    words of docs/methods.md §3.3–§3.6. Displayed, the widget also carries a picture of its
    figure, shown where no kernel runs it.

    Method: docs/methods.md §3.2–§3.6. Used in: lesson 05.

    Parameters
    ----------
    answers : DataFrame
        One row per answer pair, as for :func:`coursekit.kano.summarize`.
    by : str, optional
        A column of groups (``"segment"``); a second drop-down then offers "all" and each
        group.
    attribute, functional, dysfunctional : str
        Column names.

    Returns
    -------
    ipywidgets.VBox
        ``.result_text`` holds the verdict line; ``.grid`` the grid shown.

    Raises
    ------
    InputError
        As for :func:`answer_grid`, and for a *by* column that is missing.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> answers = pd.DataFrame({"attribute": ["wifi"] * 4, "segment": ["a", "a", "b", "b"],
    ...     "functional": ["must-be", "must-be", "like", "must-be"],
    ...     "dysfunctional": ["dislike"] * 4})
    >>> box = ck.kano.feature_explorer(answers, by="segment")
    >>> box.result_text.split(". Most")[0]
    'A 0 · O 1 · M 3 · I 0 · R 0 · Q 0 (n = 4)'
    """
    import ipywidgets as widgets

    from ..core.explorer import explorer_box, figure_png, show_in

    data = require_frame(answers, "KANO answers")
    require_columns(data, [attribute, functional, dysfunctional] + ([by] if by else []),
                    "KANO answers")
    answer_codes(data[functional], functional)        # refuse a bad answer anywhere, at once
    answer_codes(data[dysfunctional], dysfunctional)
    features = _feature_names(data, attribute)
    if not features:
        raise InputError("The table has no features to explore (every feature name is missing).")
    pick = widgets.Dropdown(options=features, value=features[0], description="Feature",
                            layout=widgets.Layout(width="380px"))
    controls = [pick]
    group = None
    if by:
        groups = ["all"] + _feature_names(data, by)
        group = widgets.Dropdown(options=groups, value="all", description=str(by).capitalize(),
                                 layout=widgets.Layout(width="260px"))
        controls.append(group)
    result = widgets.HTML()
    picture = widgets.Output()
    box = explorer_box([widgets.HBox(controls), result, picture],
                       "KANO feature explorer: pick a feature to see its answer pairs on the "
                       "evaluation table, its categories and Fong's test. Run the cell to use it.")

    def update(change=None):
        rows = data if group is None or group.value == "all" else data[data[by].astype(str) == group.value]
        if not (rows[attribute].astype(str) == pick.value).any():
            box.grid = pd.DataFrame(0, index=list(ANSWERS), columns=list(ANSWERS))
        else:
            box.grid = answer_grid(rows, pick.value, attribute=attribute, functional=functional,
                                   dysfunctional=dysfunctional)
        box.result_text = _verdict(grid_counts(box.grid))
        result.value = html.escape(box.result_text)
        who = "" if group is None or group.value == "all" else f" ({by}: {group.value})"
        [shown] = point_labels([pick.value])
        ax = plot_answer_grid(box.grid, title=f"Answer pairs: {shown}{who}")
        box.png = figure_png(ax.figure)
        show_in(picture, box.png)

    pick.observe(update, names="value")
    if group is not None:
        group.observe(update, names="value")
    update()
    return box

