"""The capstone notebook's starters for the cases it does not run (airport, shop) are copied by
teams into their own cells: each must run on the case data and give what it promises. The
notebook's text form keeps them as Python code blocks whose first line names the case."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "lessons" / "08_capstone.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, flags=re.S)


def starters(case: str) -> list[str]:
    return [b for b in BLOCKS if b.startswith(f"# {case} starter")]


def test_every_starter_names_its_case_and_every_case_has_one_per_stage():
    assert BLOCKS and all(re.match(r"# (Airport|Shop) starter: ", b) for b in BLOCKS)
    assert len(starters("Airport")) == len(starters("Shop")) == 4


@pytest.mark.parametrize("case", ["Airport", "Shop"])
def test_the_starters_run_in_order_on_the_case_data(case):
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    import coursekit as ck

    namespace = {"ck": ck, "pd": pd, "np": np, "plt": plt}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.MissingDataWarning)
        for block in starters(case):
            exec(compile(block, f"<{case} starter>", "exec"), namespace)  # noqa: S102
    if case == "Airport":
        assert set(namespace["grid"]["quadrant"]) >= {"Concentrate here"}
        assert 0 < namespace["over_20"] < 1
    else:
        assert set(namespace["by_segment"]) == {"new", "loyal"}
        assert namespace["response_chart"]["out_of_control"].sum() == 2


def test_the_checklist_notebook_is_its_text_form_run_and_shows_the_example_without_a_plan():
    import json

    import nbformat

    from coursekit.course.textform import compare

    notebook = ROOT / "notebooks" / "capstone_checklist.ipynb"
    text = (ROOT / "lessons" / "capstone_checklist.md").read_text(encoding="utf-8")
    assert not compare(text, nbformat.read(notebook, as_version=4)), (
        "rebuild: python -c \"from coursekit.course.textform import build_file; "
        "build_file('lessons/capstone_checklist.md', 'notebooks/capstone_checklist.ipynb')\"")
    saved = json.loads(notebook.read_text(encoding="utf-8"))
    outputs = json.dumps([c.get("outputs", []) for c in saved["cells"]])
    assert "the example plan" in outputs and "Traceback" not in outputs
    assert "08_capstone.ipynb" in text  # the way back to the capstone
