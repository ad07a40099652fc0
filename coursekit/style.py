"""One look for every figure in the course.

Colours come from the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008), which
stays distinguishable for the common forms of colour-vision deficiency; figures never rely on
colour alone (markers and labels carry the same information). Figure text is in English only,
so no figure depends on a CJK font being installed.
"""
from __future__ import annotations

OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
#: Colours in the order series should use them (yellow last: weak on white paper).
PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "bluish green", "vermillion",
                                  "reddish purple", "sky blue", "black", "yellow")]
#: Marker shapes that go with PALETTE, so series differ by shape as well as colour.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
GOOD = OKABE_ITO["blue"]
BAD = OKABE_ITO["vermillion"]
NEUTRAL = "#7F7F7F"


def new_axes(ax=None, *, title: str, xlabel: str, ylabel: str, figsize=(7, 4.5)):
    """Return axes to draw on (new ones unless *ax* is given), already titled and labelled."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax
