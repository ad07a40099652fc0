"""Seed 003's recovery cycle (docs/methods.md §5.4) as a table and a diagram: its steps in the
source's order and wording, the enabling elements, and a figure that draws every step, every
arrow and the elements, marks a step without relying on colour, and refuses a step it has not."""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit import InputError  # noqa: E402

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_the_cycle_follows_the_method_reference_step_by_step():
    cycle = ck.recovery.recovery_cycle()
    steps = cycle[cycle["part"].str.startswith("step")]
    assert list(steps["part"]) == [f"step {k}" for k in range(1, 6)]
    # docs/methods.md §5.4 writes the loop and its enabling elements in this order
    section = (ROOT / "docs" / "methods.md").read_text(encoding="utf-8").split("### 5.4")[1].split("###")[0]
    flat = " ".join(section.split()).lower()
    positions = [flat.index(word) for word in ("predict potential failures", "act to recover",
                                               "analyse the cause", "collect and classify",
                                               "recovery database")]
    assert positions == sorted(positions)
    assert [w.lower() for w in steps["en"]][0] in flat
    enablers = cycle.loc[cycle["part"] == "enabler", "en"].str.lower().tolist()
    for words in (("standards",), ("training", "empowerment"), ("complaint channels",),
                  ("organisational learning",)):
        assert any(all(w in e for w in words) for e in enablers), words
        assert all(w in flat for w in words), words


def test_the_chinese_wording_is_the_source_s_with_one_word_for_the_customer():
    cycle = ck.recovery.recovery_cycle()
    assert cycle["zh"].str.contains(r"[\u4e00-\u9fff]").all()
    assert not cycle["zh"].str.contains("顾客").any()          # the course writes 客户
    assert cycle.loc[0, "zh"] == "预测潜在服务失误"
    assert (cycle.loc[cycle["part"] == "enabler", "what"] == "").all()
    assert (cycle.loc[cycle["part"] != "enabler", "what"].str.len() > 20).all()


def test_the_diagram_draws_five_steps_five_arrows_and_the_enabling_elements():
    ax = ck.recovery.plot_recovery_cycle()
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(boxes) == 5 and len(arrows) == 5
    texts = " ".join(t.get_text() for t in ax.texts)
    flat = " ".join(texts.split())
    for k, name in enumerate(ck.recovery.recovery_cycle()["en"][:5], start=1):
        assert f"{k}. " in flat and name.split()[-1] in flat
    assert "Organisational learning" in flat and "predict the next period" in flat
    assert ax.get_title() == "The service recovery cycle and its enabling elements"
    assert not re.search(r"[\u4e00-\u9fff]", texts)            # figures need no CJK font
    # the closing arrow (back to prediction) is the dashed one
    assert [a.get_linestyle() for a in arrows].count("--") == 1


def test_a_highlighted_step_is_marked_by_hatch_and_border_not_colour_alone():
    ax = ck.recovery.plot_recovery_cycle(highlight=3)
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    assert [bool(b.get_hatch()) for b in boxes] == [False, False, True, False, False]
    assert boxes[2].get_linewidth() > boxes[0].get_linewidth()


def test_the_diagram_draws_on_the_axes_given():
    _, ax = plt.subplots()
    assert ck.recovery.plot_recovery_cycle(ax=ax) is ax


@pytest.mark.parametrize("bad", [0, 6, 2.5, True, "2"])
def test_a_step_that_does_not_exist_is_refused(bad):
    with pytest.raises(InputError, match="should be a step number from 1 to 5"):
        ck.recovery.plot_recovery_cycle(highlight=bad)
