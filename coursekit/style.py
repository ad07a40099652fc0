"""One look for every figure in the course.

Colours come from the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008), which
stays distinguishable for the common forms of colour-vision deficiency; figures never rely on
colour alone (markers and labels carry the same information).

Chinese labels (your own survey's features and touchpoints) need a CJK font. When a figure is
drawn, :func:`use_cjk_fonts` adds the first installed font of :data:`CJK_FONTS` behind the
usual one, so Latin text keeps its look and Chinese characters come from the CJK font instead
of being drawn as empty boxes. Nothing happens at ``import coursekit``: the font list is only
read when the first figure is made. Without any CJK font (see :func:`cjk_font`), figures fall
back to English-only labels (a Chinese feature name is shown as its number, '#1').
Debian and Binder install ``fonts-noto-cjk`` (``apt.txt``).
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


#: CJK fonts looked for, in order of preference: Noto Sans CJK (Debian's fonts-noto-cjk, which
#: CI and Binder install; its Japanese face has every Chinese character too), then fonts common
#: on Linux, Windows and macOS.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Source Han Sans SC",
             "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
             "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC",
             "Arial Unicode MS")
_CJK = {"checked": False, "font": None}
# Pieces of the file names of those fonts, to find one installed after matplotlib's font cache.
_CJK_FILES = ("cjk", "wqy", "sourcehansans", "droidsansfallback", "msyh", "simhei", "pingfang",
              "hiragino", "stheiti", "arialuni", "notosanssc")


def cjk_font() -> str | None:
    """The name of the installed CJK font figures use for Chinese, or None if there is none.

    >>> name = cjk_font()
    >>> name is None or name in CJK_FONTS
    True
    """
    if not _CJK["checked"]:
        from matplotlib import font_manager

        manager = font_manager.fontManager
        _CJK["font"] = _first_cjk(manager)
        if _CJK["font"] is None:
            # matplotlib keeps a cache of the fonts it found when it first ran; a CJK font
            # installed since (apt-get install fonts-noto-cjk) is not in it. Look once.
            known = {entry.fname for entry in manager.ttflist}
            for path in font_manager.findSystemFonts():
                if path not in known and any(k in path.lower() for k in _CJK_FILES):
                    try:
                        manager.addfont(path)
                    except (OSError, RuntimeError, ValueError):  # a font matplotlib cannot read
                        continue
            _CJK["font"] = _first_cjk(manager)
        _CJK["checked"] = True
    return _CJK["font"]


def _first_cjk(manager):
    installed = {entry.name for entry in manager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def use_cjk_fonts() -> str | None:
    """Let matplotlib draw Chinese labels: put the CJK font of :func:`cjk_font` behind the fonts
    already chosen (``rcParams["font.family"]``), as a fallback for the characters they lack.
    Returns the font's name, or None when no CJK font is installed. Safe to call often.

    >>> import matplotlib
    >>> name = use_cjk_fonts()
    >>> name is None or matplotlib.rcParams["font.family"][-1] == name
    True
    """
    import matplotlib as mpl

    name = cjk_font()
    if name is not None:
        family = list(mpl.rcParams["font.family"])
        if name not in family:
            mpl.rcParams["font.family"] = [*family, name]
    return name


def new_axes(ax=None, *, title: str, xlabel: str, ylabel: str, figsize=(7, 4.5)):
    """Return axes to draw on (new ones unless *ax* is given), already titled and labelled."""
    import matplotlib.pyplot as plt

    use_cjk_fonts()

    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def _readable_text(label, names):
    if names is not None and label in names:
        label = names[label]
    if not isinstance(label, str):
        return label
    text = " ".join(label.replace("_", " ").split())
    # Capitalise the first letter only: "VIP", "R²" and "in-flight" keep the rest as written.
    return text[:1].upper() + text[1:]


def readable(labels, names=None):
    """Readable names for figures and tables: ``"boarding_gate"`` → ``"Boarding gate"``.

    Underscores become spaces and the first letter becomes a capital; the rest is kept as
    written, so ``"VIP"`` stays ``"VIP"``. Labels that are not text (numbers, dates) are left
    alone. ``names`` (a dict or Series, e.g. ``ck.datasets.AIRPORT_TOUCHPOINTS["en"]``) gives
    chosen names for some labels; they are capitalised the same way.

    Works on one label, a list or Index of labels, a Series (its index is relabelled) or a
    DataFrame (its index and columns are relabelled). A Series or DataFrame comes back as a
    relabelled copy, for display: the original keeps its column names for your code.

    Used in: every Moments-of-Truth figure (``coursekit.mot``) and lessons 01 and 02's tables.

    >>> from coursekit.style import readable
    >>> readable("boarding_gate"), readable("VIP"), readable(3)
    ('Boarding gate', 'VIP', 3)
    >>> readable(["in_flight", "ground_transport"], names={"in_flight": "in-flight"})
    ['In-flight', 'Ground transport']
    >>> import pandas as pd
    >>> readable(pd.DataFrame({"mean_rating": [4.81]}, index=["security"]))
              Mean rating
    Security         4.81
    """
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas comes with coursekit
        pd = None
    if names is not None and not hasattr(names, "__getitem__"):
        from .core import InputError

        raise InputError("names= should map labels to readable names: a dict or a pandas Series, "
                         f"but got a {type(names).__name__}.")
    if names is not None and pd is not None and isinstance(names, pd.Series):
        names = names.to_dict()

    def one(label):
        return _readable_text(label, names)

    if pd is not None and isinstance(labels, (pd.DataFrame, pd.Series)):
        out = labels.copy()
        out.index = readable(out.index, names)
        if isinstance(out, pd.DataFrame):
            out.columns = readable(out.columns, names)
        return out
    if pd is not None and isinstance(labels, pd.MultiIndex):
        return labels.set_levels([readable(level, names) for level in labels.levels])
    if pd is not None and isinstance(labels, pd.Index):
        if isinstance(labels, pd.CategoricalIndex):
            return labels.rename_categories([one(c) for c in labels.categories]).rename(one(labels.name))
        return pd.Index([one(x) for x in labels], name=one(labels.name))
    if isinstance(labels, (list, tuple)):
        return type(labels)(one(x) for x in labels)
    return one(labels)
