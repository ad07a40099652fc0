"""coursekit.mot's lesson figures: the service blueprint, axis limits and readable names on the IPA
grid, and the two explorers (controls that redraw, with a static picture for viewers without a
kernel)."""
from __future__ import annotations

import base64

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit import InputError  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- the service blueprint ---------------------------------------------------------------------

STEPS = [
    {"Physical evidence": "Queue lanes", "Customer actions": "Queues at the desk",
     "Onstage": "Agent calls the next passenger", "Backstage": "Supervisor opens desks",
     "Support": "Staff rostering"},
    {"Customer actions": "Hands over the bag", "Onstage contact employee actions": "Agent tags it",
     "Support processes": "Baggage sorting"},
    {"customer_actions": "Walks to security", "physical evidence": "Signs"},
]
MARKS = [(1, "Customer actions", "W"), (2, "Support processes", "F"), (3, "customer", "w")]


def _boxes(ax):
    return [p for p in ax.patches if isinstance(p, FancyBboxPatch) and (p.get_gid() or "").startswith("box:")]


def test_blueprint_draws_a_box_per_filled_cell_the_three_lines_and_the_marks():
    ax = ck.mot.plot_blueprint(STEPS, marks=MARKS, title="Check-in")
    assert ax.get_title() == "Check-in"
    assert "fail point" in ax.get_xlabel() and ax.get_ylabel() == "Blueprint layer"
    filled = sum(1 for step in STEPS for text in step.values() if text)
    assert len(_boxes(ax)) == filled == 10
    assert {b.get_gid() for b in _boxes(ax)} >= {"box:1:Support processes", "box:3:Physical evidence"}
    texts = [t.get_text() for t in ax.texts]
    for name, _ in ck.mot.BLUEPRINT_LINES:
        assert name in texts
    assert sorted(t for t in texts if t in {"F", "W"}) == ["F", "W", "W"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Step 1", "Step 2", "Step 3"]
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == list(ck.mot.BLUEPRINT_LAYERS)
    solid = [line for line in ax.lines if line.get_linestyle() == "-"]
    assert len(solid) == 1, "only the line of visibility is solid"


def test_blueprint_takes_a_table_with_step_names_and_draws_on_the_axes_given():
    table = pd.DataFrame({"step": ["Arrive", "Queue"], "Customer actions": ["Arrives", "Queues"],
                          "Support processes": ["Displays", None]})
    fig, ax = plt.subplots()
    assert ck.mot.plot_blueprint(table, ax=ax) is ax
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Arrive", "Queue"]
    assert len(_boxes(ax)) == 3   # the missing support text leaves its box empty


def test_blueprint_rejects_an_unknown_layer_with_a_suggestion():
    with pytest.raises(InputError, match="no layer called 'Suport processes'. Did you mean 'Support processes'"):
        ck.mot.plot_blueprint([{"Suport processes": "x"}])


def test_blueprint_rejects_repeated_columns():
    table = pd.DataFrame([["a", "b"]], columns=["Customer actions", "Customer actions"])
    with pytest.raises(InputError, match="Column 'Customer actions' appears 2 times in the blueprint steps"):
        ck.mot.plot_blueprint(table)


def test_blueprint_rejects_two_columns_for_one_layer():
    with pytest.raises(InputError, match="names the layer 'Onstage contact employee actions' twice"):
        ck.mot.plot_blueprint([{"Onstage": "a", "onstage contact actions": "b"}])
    with pytest.raises(InputError, match="'Onstage' and 'onstage contact actions' are the same blueprint layer"):
        ck.mot.plot_blueprint(pd.DataFrame({"Onstage": ["a"], "onstage contact actions": ["b"]}))


@pytest.mark.parametrize("marks, message", [
    ([(4, "Customer actions", "F")], r"Column 'step' has values that are not allowed in 1 row: row 0: 4. Allowed: whole numbers from 1 to 3"),
    ([(1, "Kitchen", "F")], r"Column 'layer' has values that are not allowed in 1 row: row 0: 'Kitchen'"),
    ([(1, "Customer actions", "X")], r"Column 'mark' .* row 0: 'X'. Allowed: 'F' \(fail point\) or 'W'"),
    ([(1, "Customer actions")], r"list of \(step, layer, letter\) triples"),
])
def test_blueprint_rejects_bad_marks(marks, message):
    with pytest.raises(InputError, match=message):
        ck.mot.plot_blueprint(STEPS, marks=marks)


@pytest.mark.parametrize("steps", [[], pd.DataFrame(), "check-in", [["a", "b"]]])
def test_blueprint_needs_steps(steps):
    with pytest.raises(InputError):
        ck.mot.plot_blueprint(steps)


# --- the IPA grid: limits and readable names ---------------------------------------------------

IMP = pd.Series({"check_in": 6.5, "security": 6.8, "boarding_gate": 3.0, "in_flight": 4.2})
PERF = pd.Series({"check_in": 5.9, "security": 3.9, "boarding_gate": 6.1, "in_flight": 4.5})


def test_plot_ipa_takes_axis_limits_as_parameters():
    grid = ck.mot.ipa(IMP, PERF, crosshairs="scale", importance_scale=(1, 7), performance_scale=(1, 7))
    assert ck.mot.plot_ipa(grid).get_xlim() == pytest.approx((1 - 0.48, 7 + 0.48))   # the scale
    ax = ck.mot.plot_ipa(grid, importance_limits=(2.5, 7.5), performance_limits=(3.5, 6.5))
    assert ax.get_ylim() == pytest.approx((2.5, 7.5)) and ax.get_xlim() == pytest.approx((3.5, 6.5))
    assert grid.attrs["importance_scale"] == (1.0, 7.0), "the table is left as it was"


def test_plot_ipa_labels_points_by_readable_names_and_axes_as_asked():
    names = {"in_flight": "in-flight"}
    ax = ck.mot.plot_ipa(ck.mot.ipa(IMP, PERF), names=names, importance_label="Stated importance",
                         performance_label="Mean rating")
    texts = {t.get_text() for t in ax.texts}
    assert {"Check in", "Security", "Boarding gate", "In-flight"} <= texts
    assert not {"check_in", "boarding_gate"} & texts
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Mean rating", "Stated importance")


def test_plot_ipa_rejects_malformed_limits():
    with pytest.raises(InputError, match=r"performance_limits=\(6, 4\) is not a scale"):
        ck.mot.plot_ipa(ck.mot.ipa(IMP, PERF), performance_limits=(6, 4))


# --- explorers ---------------------------------------------------------------------------------

START = {"booking": 6, "check_in": 5, "security": 1, "boarding_gate": 5,
         "in_flight": 6, "arrival": 6, "baggage_claim": 6, "ground_transport": 3}


def _controls(widget, kind):
    found = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        found += _controls(child, kind)
    return found


def _bundle_png(box) -> bytes:
    return base64.b64decode(box._repr_mimebundle_()["image/png"])


def test_journey_explorer_reports_the_peak_end_score_of_its_sliders():
    import ipywidgets as widgets

    box = ck.mot.journey_explorer(START)
    sliders = _controls(box, widgets.IntSlider)
    assert [s.description for s in sliders][:3] == ["Booking", "Check in", "Security"]
    assert (sliders[0].min, sliders[0].max) == (1, 7)
    assert box.result_text.startswith("Remembered (peak–end): 2.0 · average of the 8 moments: 4.750")
    assert "peak: Security (1)" in box.result_text and "end: Ground transport (3)" in box.result_text


def test_moving_a_slider_changes_the_result_and_the_picture():
    import ipywidgets as widgets

    box = ck.mot.journey_explorer(START)
    before_text, before_png = box.result_text, box.png
    security = _controls(box, widgets.IntSlider)[2]
    security.value = 4
    # The earlier of the equally intense moments (booking's 6, two from the midpoint) is the peak.
    expected = ck.mot.peak_end(pd.DataFrame([{**START, "security": 4}]), scale=(1, 7)).iloc[0]
    assert box.result_text != before_text and box.png != before_png
    assert f"Remembered (peak–end): {expected['peak_end']:.1f}" in box.result_text
    assert "peak: Booking (6)" in box.result_text
    assert box.ratings.to_dict() == {**START, "security": 4}


def test_explorer_carries_a_static_picture_next_to_the_widget():
    box = ck.mot.journey_explorer(START)
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert _bundle_png(box).startswith(PNG_SIGNATURE) and _bundle_png(box) == box.png
    assert "Run the cell" in bundle["text/plain"]


def test_a_handout_without_widget_state_shows_the_static_picture():
    """nbconvert (the handouts) skips a widget view whose state it does not have and falls back
    to the next format: the picture."""
    import nbformat
    from nbconvert import HTMLExporter

    box = ck.mot.journey_explorer(START)
    bundle = box._repr_mimebundle_()
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("ck.mot.journey_explorer(start)")
    cell.outputs = [nbformat.v4.new_output("display_data", data=bundle)]
    nb.cells = [cell]
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    assert f'src="data:image/png;base64,{bundle["image/png"]}' in body.replace("\n", "")


@pytest.mark.parametrize("start, message", [
    ({"a": 5, "b": 9}, r"row 'b': 9. Allowed: whole numbers from 1 to 7"),
    ({"a": 5, "b": 2.5}, r"row 'b': 2.5"),
    ({"a": "good"}, r"row 'a': 'good'"),
    ({}, "a rating per moment"),
    (pd.DataFrame([START, START]), "one journey \\(one row\\)"),
])
def test_journey_explorer_rejects_ratings_a_slider_cannot_take(start, message):
    with pytest.raises(InputError, match=message):
        ck.mot.journey_explorer(start)


def _grids():
    return {("stated", "data means"): ck.mot.ipa(IMP, PERF),
            ("stated", "midpoints"): ck.mot.ipa(IMP, PERF, crosshairs=(4, 4)),
            ("derived", "data means"): ck.mot.ipa(PERF * 0 + [0.1, 0.5, 0.3, 0.6], PERF),
            ("derived", "midpoints"): ck.mot.ipa(PERF * 0 + [0.1, 0.5, 0.3, 0.6], PERF, crosshairs=(0.5, 4))}


def test_ipa_explorer_switches_measure_and_crosshairs():
    import ipywidgets as widgets

    box = ck.mot.ipa_explorer(_grids(), performance_limits=(3, 7))
    assert box.result_text == "Concentrate here: Security"
    first_png = box.png
    _controls(box, widgets.ToggleButtons)[0].value = "midpoints"
    assert box.result_text == "Concentrate here: Security"          # 3.9 is below 4 as well
    _controls(box, widgets.Dropdown)[0].value = "derived"
    assert box.result_text == "Concentrate here: Security"          # (0.5, 3.9) against (0.5, 4)
    _controls(box, widgets.ToggleButtons)[0].value = "data means"
    # against the means 0.375 and 5.1, in-flight (0.6, 4.5) joins security
    assert box.result_text == "Concentrate here: Security, In flight"
    assert box.png != first_png and box.png.startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("grids, message", [
    ({}, "should be a dict"),
    ({"stated": None}, "should be a pair of names"),
    ({("stated", "data means"): pd.DataFrame({"a": [1]})}, "made by coursekit.mot.ipa"),
    ({("stated", "data means"): ck.mot.ipa(IMP, PERF), ("derived", "midpoints"): ck.mot.ipa(IMP, PERF)},
     r"no table for \('stated', 'midpoints'\), \('derived', 'data means'\)"),
])
def test_ipa_explorer_rejects_incomplete_grids(grids, message):
    with pytest.raises(InputError, match=message):
        ck.mot.ipa_explorer(grids)
