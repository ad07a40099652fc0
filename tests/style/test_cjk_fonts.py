"""Chinese labels in figures are drawn with a real CJK font, not as empty boxes, and choosing
the font costs nothing at import."""
from __future__ import annotations

import subprocess
import sys
import warnings

import matplotlib
import pytest

from coursekit import style

LABELS = "值机 安检 免费WiFi 满意度 自助入住机"


def _chosen():
    name = style.use_cjk_fonts()
    if name is None:
        pytest.fail("no CJK font is installed: on Debian `apt-get install fonts-noto-cjk` (CI "
                    "and Binder's apt.txt install it); Chinese labels would be drawn as boxes")
    return name


def test_the_chosen_font_has_a_glyph_for_every_chinese_character():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    name = _chosen()
    assert name in style.CJK_FONTS
    found = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    font = FT2Font(found)
    for char in LABELS.replace(" ", ""):
        if ord(char) > 0x2E80:
            assert font.get_char_index(ord(char)) != 0, f"{char!r} has no glyph in {name}"


def test_drawing_chinese_labels_warns_of_no_missing_glyph():
    import matplotlib.pyplot as plt

    _chosen()
    ax = style.new_axes(title="旅程情绪曲线 (emotion curve)", xlabel="接触点", ylabel="满意度")
    ax.set_xticks(range(5), LABELS.split())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()
    plt.close(ax.figure)


def test_the_fallback_keeps_the_latin_font_first():
    name = _chosen()
    family = list(matplotlib.rcParams["font.family"])
    assert family[-1] == name and family[0] != name
    style.use_cjk_fonts()
    assert list(matplotlib.rcParams["font.family"]) == family   # calling again adds nothing


def test_importing_coursekit_does_not_load_matplotlib():
    code = "import sys, coursekit; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
