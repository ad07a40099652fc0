"""What every notebook must look like after Run All, checked the same way for lessons and
exercises: no error output, nothing left running, every figure and widget rendered."""
from __future__ import annotations

import json
from pathlib import Path

from ._lab import CellRun, LabPage

IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def saved_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def uses_widgets(path: Path) -> bool:
    """The notebook makes ipywidgets controls (so the browser must show some): its own code
    imports them, or a saved output is a widget view (the library's explorers)."""
    return any(cell["cell_type"] == "code" and (
        "ipywidgets" in _source(cell) or "interact(" in _source(cell)
        or any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", [])))
        for cell in saved_cells(path))


def _is_picture(mimes) -> bool:
    """An image output shown as an <img>. An explorer's output carries a static picture next to
    its widget view, for viewers without a kernel; JupyterLab shows the widget instead, and the
    widget check covers it."""
    return any(m in mimes for m in IMAGE_MIMES) and WIDGET_MIME not in mimes


def has_knowledge_check(path: Path) -> bool:
    return any(cell["cell_type"] == "code" and ("knowledge_check(" in _source(cell)
                                                or "display_quiz(" in _source(cell))
               for cell in saved_cells(path))


def saved_image_count(path: Path) -> int:
    return sum(1 for cell in saved_cells(path) if cell["cell_type"] == "code"
               for output in cell.get("outputs", []) if _is_picture(output.get("data", {})))


def check_run(run: CellRun, name: str) -> list[str]:
    """Problems with a finished Run All: errors outside raises-exception cells, cells that never
    ran or still run, execution out of order."""
    problems = []
    counts = []
    for cell in run.code():
        label = f"{name} cell {cell['index']} ({cell['source'].strip().splitlines()[0][:60]!r})"
        if "*" in cell["prompt"]:
            problems.append(f"{label} is still running ([*])")
        if cell["count"] is None:
            problems.append(f"{label} never ran")
        else:
            counts.append(cell["count"])
        errors = [o for o in cell["outputs"] if o["type"] == "error"]
        if errors and "raises-exception" not in cell["tags"]:
            problems.append(f"{label} shows an error: {errors[0]['ename']}: {errors[0]['evalue'][:200]}")
    if counts != sorted(set(counts)):
        problems.append(f"{name}: cells did not run once each from top to bottom (counts {counts})")
    return problems


def check_figures(lab: LabPage, run: CellRun, notebook: Path) -> tuple[int, list[str]]:
    """Each image output in the model is an <img> in its cell with a non-zero natural size, every
    other <img> in the notebook (markdown, widgets) has loaded too, and the run made at least as
    many figures as the saved notebook holds."""
    problems = []
    images = lab.images()
    expected = {c["index"]: sum(1 for o in c["outputs"] if _is_picture(o["mimes"]))
                for c in run.code()}
    for index, count in expected.items():
        shown = [i for i in images if i["cell"] == index and i["output"] and not i["inWidget"]]
        if len(shown) < count:
            problems.append(f"cell {index}: {count} image output(s) in the model, {len(shown)} <img> on the page")
    for image in images:
        if not (image["complete"] and image["width"] > 0 and image["height"] > 0):
            problems.append(f"cell {image['cell']}: an <img> did not render ({image['src']}…)")
    made, saved = sum(expected.values()), saved_image_count(notebook)
    if made < saved:
        problems.append(f"the run made {made} figure(s) but the saved notebook has {saved}")
    return made, problems


def widget_cells(run: CellRun) -> list[int]:
    return [c["index"] for c in run.code() if any(WIDGET_MIME in o["mimes"] for o in c["outputs"])]
