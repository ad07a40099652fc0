"""The figure of the gaps model (Parasuraman, Zeithaml & Berry 1985), with the gaps a lesson
measures drawn solid and named with their data source."""
from __future__ import annotations

from collections.abc import Mapping

from ..core import InputError
from ..style import BAD, NEUTRAL, PALETTE

#: The five gaps: number -> (textbook label, what it compares). docs/methods.md §2.5.
GAPS = {
    1: ("listening gap", "customers' expectations vs management's perception of them"),
    2: ("design and standards gap", "management's perception vs the service standards"),
    3: ("performance gap", "the service standards vs the service delivered"),
    4: ("communication gap", "the service delivered vs what communications promise"),
    5: ("customer gap", "expected vs perceived service"),
}

# Boxes: key -> (x centre, y centre, text); the canvas runs from 0 to 1.25 across, 0 to 1 up.
_BOXES = {
    "wom": (0.25, 0.93, "Word of mouth"),
    "needs": (0.55, 0.93, "Personal needs"),
    "past": (0.85, 0.93, "Past experience"),
    "expected": (0.55, 0.76, "Expected service"),
    "perceived": (0.55, 0.58, "Perceived service"),
    "delivery": (0.55, 0.36, "Service delivery\n(contacts before and after)"),
    "comms": (1.0, 0.36, "External communications\nto customers"),
    "standards": (0.55, 0.20, "Service standards\n(specifications)"),
    "management": (0.55, 0.04, "Management's perception\nof customers' expectations"),
}
_WIDTH, _HEIGHT = 0.27, 0.085
_RIGHT = 0.55 + _WIDTH / 2 + 0.03     # where the vertical gaps on the right are drawn
_LEFT = 0.55 - _WIDTH / 2 - 0.05      # where gap 1 is drawn
# Each gap lies between two boxes.
_GAP_ENDS = {1: ("expected", "management"), 2: ("management", "standards"),
             3: ("standards", "delivery"), 4: ("delivery", "comms"), 5: ("expected", "perceived")}


def _check_measured(measured) -> dict:
    if measured is None:
        return {}
    if not isinstance(measured, Mapping):
        raise InputError("measured= should map gap numbers to what measures them, such as "
                         "{1: 'management survey', 5: 'SERVQUAL survey'}.")
    bad = [k for k in measured if k not in GAPS]
    if bad:
        raise InputError(f"measured= names gaps {', '.join(repr(k) for k in bad)}, which the model "
                         f"does not have. Allowed: the gap numbers 1, 2, 3, 4 and 5.")
    return {int(k): str(v) for k, v in measured.items()}


def plot_gaps_model(measured=None, *, ax=None):
    """Draw the gaps model: the customer's side above the line, the provider's below, five gaps.

    Boxes and arrows follow Parasuraman, Zeithaml & Berry (1985) as the course's source notes
    (seed 004) draw it; the gap labels are the later textbook ones (listening, design and
    standards, performance, communication, customer). Gaps named in *measured* are drawn as
    solid, thick arrows labelled "measured: …"; the others dashed and labelled "not measured
    here" — line style and words, not colour alone, tell them apart.

    Method: docs/methods.md §2.5. Used in: lesson 04.

    Parameters
    ----------
    measured : dict, optional
        ``{gap number: what measures it}``, e.g. ``{1: "management survey", 3: "audits"}``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    InputError
        If *measured* is not a mapping of gap numbers 1-5.

    Examples
    --------
    >>> ax = plot_gaps_model({5: "SERVQUAL survey"})
    >>> ax.get_title()
    'The gaps model: five gaps between what customers expect and what they get'
    >>> [t.get_text() for t in ax.texts if t.get_text().startswith("Gap 5")]
    ['Gap 5: customer gap\\nmeasured: SERVQUAL survey']
    >>> plot_gaps_model({6: "survey"})
    Traceback (most recent call last):
    ...
    coursekit.InputError: measured= names gaps 6, which the model does not have. Allowed: the gap numbers 1, 2, 3, 4 and 5.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    measured = _check_measured(measured)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 7.5), layout="constrained")
    ax.set(xlim=(0, 1.25), ylim=(-0.03, 1.0), title="The gaps model: five gaps between what "
           "customers expect and what they get", xlabel="", ylabel="")
    ax.axis("off")
    for key, (x, y, text) in _BOXES.items():
        customer = y > 0.5
        ax.add_patch(FancyBboxPatch((x - _WIDTH / 2, y - _HEIGHT / 2), _WIDTH, _HEIGHT,
                                    boxstyle="round,pad=0.005", linewidth=1,
                                    facecolor="#E8F1F8" if customer else "#FFF4E0",
                                    edgecolor="black"))
        ax.text(x, y, text, ha="center", va="center", fontsize=8.5)
    ax.axhline(0.48, color="black", linestyle=(0, (6, 3)), linewidth=1)
    ax.text(0.01, 0.50, "CUSTOMER", fontsize=9, fontweight="bold", va="bottom")
    ax.text(0.01, 0.46, "PROVIDER", fontsize=9, fontweight="bold", va="top")
    half_w, half_h = _WIDTH / 2, _HEIGHT / 2

    def flow(start, end, **extra):
        ax.annotate("", xy=end, xytext=start,
                    arrowprops={"arrowstyle": "-|>", "color": NEUTRAL, "linewidth": 1.2, **extra})

    box = _BOXES
    for source in ("wom", "needs", "past"):
        flow((box[source][0], box[source][1] - half_h), (0.55, box["expected"][1] + half_h))
    flow((0.55, box["management"][1] + half_h), (0.55, box["standards"][1] - half_h))
    flow((0.55, box["standards"][1] + half_h), (0.55, box["delivery"][1] - half_h))
    flow((0.55, box["delivery"][1] + half_h), (0.55, box["perceived"][1] - half_h))
    flow((0.55 + half_w, 0.34), (box["comms"][0] - half_w, 0.34))
    flow((box["comms"][0], box["comms"][1] + half_h), (0.55 + half_w, box["expected"][1]),
         connectionstyle="angle,angleA=90,angleB=0,rad=0")

    for number, (label, _) in GAPS.items():
        shown = number in measured
        style = {"arrowstyle": "<|-|>", "linewidth": 2.6 if shown else 1.2,
                 "color": PALETTE[0] if shown else BAD, "linestyle": "-" if shown else "--"}
        words = f"Gap {number}: {label}\n" + (f"measured: {measured[number]}" if shown
                                               else "not measured here")
        text = {"fontsize": 8, "va": "center", "fontweight": "bold" if shown else "normal",
                "bbox": {"facecolor": "white", "edgecolor": "none", "pad": 1.5}}
        top, bottom = box[_GAP_ENDS[number][0]], box[_GAP_ENDS[number][1]]
        if number == 4:
            ax.annotate("", xy=(box["comms"][0] - half_w, 0.39), xytext=(0.55 + half_w, 0.39),
                        arrowprops=style)
            ax.text((0.55 + half_w + box["comms"][0] - half_w) / 2, 0.44, words, ha="center", **text)
        elif number == 1:
            ax.annotate("", xy=(_LEFT, bottom[1]), xytext=(_LEFT, top[1]), arrowprops=style)
            for y in (top[1], bottom[1]):   # short ties from the arrow to the two boxes
                ax.plot([_LEFT, 0.55 - half_w], [y, y], color=style["color"],
                        linewidth=style["linewidth"] / 2, linestyle=style["linestyle"])
            ax.text(_LEFT - 0.012, (top[1] + bottom[1]) / 2, words, ha="right", **text)
        else:
            ends = sorted([top[1], bottom[1]])
            ax.annotate("", xy=(_RIGHT, ends[0] + half_h / 2), xytext=(_RIGHT, ends[1] - half_h / 2),
                        arrowprops=style)
            ax.text(_RIGHT + 0.015, (ends[0] + ends[1]) / 2, words, ha="left", **text)
    return ax
