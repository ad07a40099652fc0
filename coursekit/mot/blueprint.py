"""The service blueprint (Shostack 1982; layers as in Bitner, Ostrom & Morgan 2008) as a figure.

Public names are re-exported by :mod:`coursekit.mot`.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ..core import InputError, raise_bad_values, require_frame, require_unique_labels
from ..style import BAD, NEUTRAL, OKABE_ITO, new_axes

#: The five layers of a service blueprint, top to bottom (Bitner, Ostrom & Morgan 2008).
BLUEPRINT_LAYERS = ("Physical evidence", "Customer actions", "Onstage contact employee actions",
                    "Backstage contact employee actions", "Support processes")
#: The three lines of a blueprint and the layer each one sits above.
BLUEPRINT_LINES = (("Line of interaction", "Onstage contact employee actions"),
                   ("Line of visibility", "Backstage contact employee actions"),
                   ("Line of internal interaction", "Support processes"))
#: The marks a blueprint carries: a letter and what it means.
BLUEPRINT_MARKS = {"F": "fail point", "W": "waiting point"}

# Short names people write for the layers; every key is compared without case, spaces or "_".
_ALIASES = {
    "physical evidence": 0, "evidence": 0,
    "customer actions": 1, "customer": 1,
    "onstage contact employee actions": 2, "onstage contact actions": 2, "onstage actions": 2,
    "onstage": 2,
    "backstage contact employee actions": 3, "backstage contact actions": 3,
    "backstage actions": 3, "backstage": 3,
    "support processes": 4, "support": 4,
}
# Light fills for the rows: who acts there (customer, contact staff, the rest of the firm).
_FILL = (("#FFFFFF", NEUTRAL), (OKABE_ITO["sky blue"], None), (OKABE_ITO["orange"], None),
         (OKABE_ITO["orange"], None), (OKABE_ITO["bluish green"], None))
_MARK_LOOK = {"F": (BAD, "circle"), "W": (OKABE_ITO["orange"], "square")}


def _key(name) -> str:
    return " ".join(str(name).replace("_", " ").split()).casefold()


def _layer_of(name) -> int:
    found = _ALIASES.get(_key(name))
    if found is None:
        import difflib

        close = difflib.get_close_matches(_key(name), list(_ALIASES), n=1, cutoff=0.6)
        hint = f" Did you mean {BLUEPRINT_LAYERS[_ALIASES[close[0]]]!r}?" if close else ""
        raise InputError(f"The blueprint has no layer called {name!r}.{hint} Layers, top to "
                         f"bottom: {', '.join(repr(x) for x in BLUEPRINT_LAYERS)}.")
    return found


def _steps_frame(steps) -> pd.DataFrame:
    if isinstance(steps, (list, tuple)):
        if not all(isinstance(s, dict) for s in steps):
            raise InputError("steps= should be a table with one row per step and one column per "
                             "layer, or a list of dictionaries {layer: text}, one per step.")
        # Each step may spell a layer its own way ("Onstage", "onstage contact actions").
        steps = pd.DataFrame([_canonical(step) for step in steps])
    frame = require_frame(steps, what="blueprint steps")
    require_unique_labels(frame.columns, "the blueprint steps", noun="column names")
    names = {c: None for c in frame.columns if _key(c) != "step"}
    layers = {c: _layer_of(c) for c in names}
    taken = {}
    for column, layer in layers.items():
        if layer in taken:
            raise InputError(f"The columns {taken[layer]!r} and {column!r} are the same blueprint "
                             f"layer ({BLUEPRINT_LAYERS[layer]}): keep one of them.")
        taken[layer] = column
    out = pd.DataFrame("", index=range(len(frame)), columns=list(BLUEPRINT_LAYERS), dtype=object)
    for column, layer in layers.items():
        out[BLUEPRINT_LAYERS[layer]] = [_text(v) for v in frame[column]]
    step_column = next((c for c in frame.columns if _key(c) == "step"), None)
    labels = ([_text(v) or f"Step {i + 1}" for i, v in enumerate(frame[step_column])]
              if step_column is not None else [f"Step {i + 1}" for i in range(len(frame))])
    out.index = labels
    return out


def _canonical(step: dict) -> dict:
    out = {}
    for name, text in step.items():
        key = "step" if _key(name) == "step" else BLUEPRINT_LAYERS[_layer_of(name)]
        if key in out:
            raise InputError(f"One step names the layer {key!r} twice ({name!r} and another "
                             "spelling): keep one of them.")
        out[key] = text
    return out


def _text(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def _marks_frame(marks, n_steps: int) -> pd.DataFrame:
    if marks is None:
        return pd.DataFrame(columns=["step", "layer", "mark"])
    if not isinstance(marks, pd.DataFrame):
        rows = list(marks)
        if not all(isinstance(r, (tuple, list)) and len(r) == 3 for r in rows):
            raise InputError("marks= should be a list of (step, layer, letter) triples, such as "
                             "[(2, 'Customer actions', 'W'), (4, 'Support processes', 'F')].")
        marks = pd.DataFrame(rows, columns=["step", "layer", "mark"])
    frame = require_frame(marks, what="blueprint marks") if len(marks) else marks
    missing = [c for c in ("step", "layer", "mark") if c not in frame.columns]
    if missing:
        raise InputError(f"The blueprint marks need the columns 'step', 'layer' and 'mark'; "
                         f"missing: {', '.join(repr(c) for c in missing)}.")
    step = pd.to_numeric(frame["step"], errors="coerce")
    bad = step.isna() | (step % 1 != 0) | (step < 1) | (step > n_steps)
    if bad.any():
        raise_bad_values("step", frame["step"], bad, f"whole numbers from 1 to {n_steps} (the "
                         "steps of the blueprint)")
    known = frame["layer"].map(lambda v: _key(v) in _ALIASES)
    if not known.all():
        raise_bad_values("layer", frame["layer"], ~known,
                         f"one of {', '.join(repr(x) for x in BLUEPRINT_LAYERS)}")
    letters = frame["mark"].map(lambda v: str(v).strip().upper())
    bad = ~letters.isin(list(BLUEPRINT_MARKS))
    if bad.any():
        raise_bad_values("mark", frame["mark"], bad, "'F' (fail point) or 'W' (waiting point)")
    return pd.DataFrame({"step": step.astype(int), "layer": frame["layer"].map(_layer_of),
                         "mark": letters})


def plot_blueprint(steps, marks=None, *, title="Service blueprint", ax=None, wrap=18):
    """Draw a service blueprint: one column per step, one row per layer, with its three lines.

    Rows, top to bottom (Bitner, Ostrom & Morgan 2008): physical evidence; customer actions;
    the *line of interaction*; onstage contact employee actions; the *line of visibility*
    (solid: what the customer cannot see lies below it); backstage contact employee actions;
    the *line of internal interaction*; support processes. Arrows follow the customer from
    step to step and link the layers that hand over to each other within a step. Fail points
    (``"F"``) and waiting points (``"W"``) are drawn as lettered badges, so they do not rely on
    colour.

    Method: docs/methods.md §1.6. Used in: lesson 01.

    Parameters
    ----------
    steps : DataFrame or list of dict
        One row (or dictionary) per step, in the order the customer meets them; columns are
        layers, named as above or shortly (``"Onstage"``, ``"Backstage"``, ``"Support"``,
        ``"Evidence"``; case, spaces and ``_`` do not matter). A layer left out or empty leaves
        its box empty. An optional column ``step`` names the steps along the bottom.
    marks : list of (step, layer, letter), or DataFrame with columns step, layer, mark
        ``step`` counts from 1; ``letter`` is ``"F"`` (fail point) or ``"W"`` (waiting point).
    title : str
    ax : matplotlib Axes, optional
    wrap : int
        Characters per line of text in a box.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    coursekit.InputError
        No steps, a column that is not a layer, two columns for one layer, a mark with a step
        outside the blueprint, an unknown layer or a letter other than F and W.

    Examples
    --------
    >>> import coursekit as ck
    >>> steps = [{"Customer actions": "Queues at the desk", "Onstage": "Agent calls the next passenger"},
    ...          {"Customer actions": "Hands over the bag", "Support": "Baggage sorting"}]
    >>> ax = ck.mot.plot_blueprint(steps, marks=[(1, "Customer actions", "W"), (2, "Support", "F")],
    ...                            title="Bag drop")
    >>> ax.get_title(), [t.get_text() for t in ax.get_xticklabels()]
    ('Bag drop', ['Step 1', 'Step 2'])
    >>> ck.mot.plot_blueprint([{"Kitchen": "Cooks"}])
    Traceback (most recent call last):
    ...
    coursekit.InputError: The blueprint has no layer called 'Kitchen'. Layers, top to bottom: 'Physical evidence', 'Customer actions', 'Onstage contact employee actions', 'Backstage contact employee actions', 'Support processes'.
    """
    from matplotlib.patches import FancyBboxPatch

    table = _steps_frame(steps)
    marks = _marks_frame(marks, len(table))
    n, rows = len(table), len(BLUEPRINT_LAYERS)
    row_y = {i: rows - 1 - i for i in range(rows)}   # top layer drawn highest
    ax = new_axes(ax, title=title, xlabel="Steps in the order the customer meets them   "
                  "(F = fail point, W = waiting point)", ylabel="Blueprint layer",
                  figsize=(max(6.5, 1.75 * n + 2.2), 6.4))
    ax.grid(False)
    for s, (_, step) in enumerate(table.iterrows()):
        for i, layer in enumerate(BLUEPRINT_LAYERS):
            if not step[layer]:
                continue
            colour, edge = _FILL[i]
            ax.add_patch(FancyBboxPatch((s + 0.06, row_y[i] - 0.32), 0.88, 0.64,
                                        boxstyle="round,pad=0.02", facecolor=colour, alpha=0.25,
                                        edgecolor="none"))
            ax.add_patch(FancyBboxPatch((s + 0.06, row_y[i] - 0.32), 0.88, 0.64,
                                        boxstyle="round,pad=0.02", facecolor="none",
                                        edgecolor=edge or "#555555", linewidth=0.8,
                                        gid=f"box:{s + 1}:{layer}"))
            ax.text(s + 0.5, row_y[i], textwrap.fill(step[layer], wrap), ha="center",
                    va="center", fontsize=8)
        # who hands over to whom within a step: arrows between neighbouring filled layers
        filled = [row_y[i] for i, layer in enumerate(BLUEPRINT_LAYERS) if i and step[layer]]
        for upper, lower in zip(filled, filled[1:]):
            ax.annotate("", (s + 0.5, lower + 0.34), (s + 0.5, upper - 0.34),
                        arrowprops={"arrowstyle": "<->", "color": "#555555", "lw": 0.9})
        if s < n - 1:  # the customer's path from step to step
            y = row_y[1]
            ax.annotate("", (s + 1.06, y), (s + 0.94, y),
                        arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.2})
    for name, below in BLUEPRINT_LINES:
        y = row_y[BLUEPRINT_LAYERS.index(below)] + 0.5
        ax.axhline(y, color="black", linewidth=1.2,
                   linestyle="-" if name == "Line of visibility" else "--")
        ax.text(n - 0.02, y, name, ha="right", va="center", fontsize=8, fontweight="bold",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    for mark in marks.itertuples(index=False):
        colour, shape = _MARK_LOOK[mark.mark]
        ax.text(mark.step - 1 + 0.9, row_y[mark.layer] + 0.3, mark.mark, ha="center",
                va="center", fontsize=9, fontweight="bold", color="white",
                bbox={"boxstyle": f"{shape},pad=0.25", "facecolor": colour, "edgecolor": "black"})
    ax.set_xlim(0, n)
    ax.set_ylim(-0.55, rows - 0.45)
    ax.set_xticks([s + 0.5 for s in range(n)], [textwrap.fill(str(x), 14) for x in table.index])
    ax.set_yticks([row_y[i] for i in range(rows)],
                  [textwrap.fill(layer, 14) for layer in BLUEPRINT_LAYERS])
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    return ax
