"""Seed 003's service recovery cycle and its enabling elements, as a table and as a diagram."""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ..core import InputError
from ..style import NEUTRAL, PALETTE

# The loop as the course's source material (seed 003) draws it; docs/methods.md §5.4. The
# sixth arrow of the source, "predict the next period's failures from the database", closes
# the loop back to the first step, so the diagram draws five steps and labels that arrow.
_STEPS = (
    ("Predict potential failures", "预测潜在服务失误",
     "Use the recovery database or an early-warning system to find where failures are likely."),
    ("Act to recover", "采取补救行动",
     "When a failure happens, act at once and solve the customer's problem."),
    ("Analyse the cause and improve", "分析失误原因并加以改进",
     "Find why the failure happened and change the process so that it does not recur."),
    ("Collect and classify feedback", "搜集整理客户反馈信息",
     "Gather what customers report, sort it and keep it."),
    ("Build the recovery database", "建立服务补救数据库",
     "Keep failures, causes and remedies where everyone can use them."),
)
_ENABLERS = (
    ("Service and recovery standards", "制定服务标准和服务补救标准"),
    ("Staff training and empowerment", "员工培训与授权"),
    ("Complaint channels", "开辟客户投诉渠道"),
    ("Organisational learning", "组织学习"),
)


def recovery_cycle() -> pd.DataFrame:
    """The steps of seed 003's service recovery cycle and the elements that enable it.

    The loop: predict potential failures → act to recover → analyse the cause and improve →
    collect and classify customer feedback → build the recovery database → predict the next
    period's failures from it (back to the start). The enabling elements: service and
    recovery standards, staff training and empowerment, complaint channels, organisational
    learning.

    Method: docs/methods.md §5.4. Used in: lesson 06.

    Returns
    -------
    pandas.DataFrame
        One row per step, then one per enabling element: ``part`` ("step 1" … "step 5",
        "enabler"), ``en``, ``zh`` (the source's Chinese wording, with 客户 for the customer) and
        ``what`` (the step in one sentence; empty for an enabler).

    Examples
    --------
    >>> import coursekit as ck
    >>> cycle = ck.recovery.recovery_cycle()
    >>> cycle.loc[cycle["part"].str.startswith("step"), "en"].tolist()[:2]
    ['Predict potential failures', 'Act to recover']
    >>> int((cycle["part"] == "enabler").sum())
    4
    """
    rows = [(f"step {k}", en, zh, what) for k, (en, zh, what) in enumerate(_STEPS, start=1)]
    rows += [("enabler", en, zh, "") for en, zh in _ENABLERS]
    return pd.DataFrame(rows, columns=["part", "en", "zh", "what"])


def plot_recovery_cycle(ax=None, *, highlight=None):
    """Draw seed 003's service recovery cycle: five steps in a loop around its four enabling
    elements, and return the Axes.

    The steps go clockwise from the top, numbered, with an arrow to the next; the arrow from the
    last step back to the first is labelled "predict the next period". The enabling elements
    stand in the middle. *highlight* (a step number 1–5) draws one step with a thick border and
    a hatched fill, so it stands out without colour.

    Method: docs/methods.md §5.4. Used in: lesson 06.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.
    highlight : int, optional
        A step to mark (1–5).

    Raises
    ------
    coursekit.InputError
        For a *highlight* that is not a step number.

    Examples
    --------
    >>> import coursekit as ck
    >>> ax = ck.recovery.plot_recovery_cycle(highlight=2)
    >>> ax.get_title()
    'The service recovery cycle and its enabling elements'
    >>> ck.recovery.plot_recovery_cycle(highlight=7)
    Traceback (most recent call last):
    ...
    coursekit.InputError: highlight=7 should be a step number from 1 to 5.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    if highlight is not None and (isinstance(highlight, bool) or highlight not in range(1, 6)):
        raise InputError(f"highlight={highlight!r} should be a step number from 1 to 5.")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 6.4), layout="constrained")
    ax.set_title("The service recovery cycle and its enabling elements")
    ax.set_xlim(-1.55, 1.55)
    ax.set_ylim(-1.15, 1.25)
    ax.set_aspect("equal")
    ax.axis("off")
    count = len(_STEPS)
    angles = np.pi / 2 - 2 * np.pi * np.arange(count) / count   # clockwise from the top
    centres = np.column_stack([1.05 * np.cos(angles), 0.95 * np.sin(angles)])
    width, height = 0.78, 0.36
    for k, ((name, _, _), (x, y)) in enumerate(zip(_STEPS, centres), start=1):
        strong = highlight == k
        ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                    boxstyle="round,pad=0.02", facecolor="white",
                                    edgecolor=PALETTE[3] if strong else PALETTE[0],
                                    linewidth=3 if strong else 1.5,
                                    hatch="//" if strong else None, zorder=2))
        ax.text(x, y, f"{k}. " + "\n".join(textwrap.wrap(name, 18)), ha="center", va="center",
                fontsize=9.5, fontweight="bold" if strong else "normal", zorder=3,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    for k in range(count):
        start, end = centres[k], centres[(k + 1) % count]
        # Leave each box where the straight line between the centres crosses its border, plus
        # a little air, so the arrow and its head stay visible between the boxes.
        step = end - start
        with np.errstate(divide="ignore"):
            t = min(np.min((np.array([width, height]) / 2 + 0.05) / np.abs(step)), 0.45)
        last = k == count - 1
        ax.add_patch(FancyArrowPatch(start + t * step, end - t * step,
                                     connectionstyle="arc3,rad=-0.2", arrowstyle="-|>",
                                     mutation_scale=16, color="black",
                                     linestyle="--" if last else "-", linewidth=1.4, zorder=1))
        if last:
            mid = (start + end) / 2
            ax.text(mid[0] - 0.32, mid[1] + 0.12, "predict the\nnext period", ha="center",
                    va="center", fontsize=8.5, style="italic")
    ax.text(0, 0.2, "Enabling elements", ha="center", va="center", fontsize=10,
            fontweight="bold")
    ax.text(0, -0.12, "\n".join(f"• {en}" for en, _ in _ENABLERS), ha="center", va="center",
            fontsize=8.5, color="black", linespacing=1.5,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "#F2F2F2", "edgecolor": NEUTRAL})
    return ax
