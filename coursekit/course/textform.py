"""Lessons as reviewable text: ``lessons/NN_slug.md`` (MyST Markdown, through jupytext) holds a
lesson's prose and code; ``notebooks/NN_slug.ipynb`` is the same lesson saved with the outputs of
a fresh run, which is what learners open.

* :func:`check` lists every disagreement between the two (and with ``lessons.toml``);
* :func:`write_text` writes the text form from a notebook edited in JupyterLab;
* :func:`build` puts the metadata blocks into the text form, runs it from a fresh kernel and
  saves the notebook with its outputs;
* :func:`translation_status` says which translated lesson (``lessons/<lang>/NN_slug.md``) lags
  behind its English source, and in which cells.

Why MyST through jupytext (CONTRIBUTING.md says more): a lesson's diff then shows prose and code
only, cells stay cells (tags included), and the same files can feed the website later.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .lessons import ROOT, Lesson, extras, header_markdown, key_points_markdown, lessons

TEXT = ROOT / "lessons"
NOTEBOOKS = ROOT / "notebooks"
FORMAT = "md:myst"
# Keep the kernelspec and our own keys in the front matter, and only tags on cells: nothing
# that changes from one machine or jupytext version to the next.
FILTERS = {"notebook_metadata_filter": "kernelspec,coursekit,-all",
           "cell_metadata_filter": "tags,-all"}
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _jupytext():
    import jupytext

    return jupytext


def to_text(nb) -> str:
    """The text form of a notebook: cells and tags, no outputs, no volatile metadata."""
    import copy

    nb = copy.deepcopy(nb)
    nb.metadata["jupytext"] = dict(FILTERS)
    # Code cells read "{code-cell} ipython3" whether or not the notebook was run yet.
    nb.metadata.setdefault("language_info", {}).setdefault("pygments_lexer", "ipython3")
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return _jupytext().writes(nb, fmt=FORMAT)


def from_text(text: str):
    """A notebook (no outputs) from a lesson's text form."""
    nb = _jupytext().reads(text, fmt=FORMAT)
    nb.metadata.pop("jupytext", None)
    nb.metadata.setdefault("kernelspec", dict(KERNELSPEC))
    for index, cell in enumerate(nb.cells):
        cell.metadata = {k: v for k, v in cell.metadata.items() if k == "tags"}
        # Ids from position and content: stable from one build to the next.
        digest = hashlib.sha256(f"{index}\n{cell.source}".encode()).hexdigest()[:8]
        cell["id"] = f"c{index:03d}-{digest}"
    return nb


def _cells(nb) -> list[tuple[str, str, tuple]]:
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in nb.cells]


def compare(text: str, nb) -> list[str]:
    """Where the text form and the notebook disagree (cell types, sources, tags)."""
    want, have = _cells(from_text(text)), _cells(nb)
    problems = []
    if len(want) != len(have):
        problems.append(f"{len(want)} cells in the text form, {len(have)} in the notebook")
    for index, (a, b) in enumerate(zip(want, have), start=1):
        if a != b:
            what = "type" if a[0] != b[0] else "tags" if a[1] == b[1] else "source"
            problems.append(f"cell {index} differs ({what}): text starts {a[1][:50]!r}, "
                            f"notebook starts {b[1][:50]!r}")
            break  # after the first difference the rest is usually shifted
    return problems


def _metadata_problems(item: Lesson, nb) -> list[str]:
    sources = [c.source.strip() for c in nb.cells if c.cell_type == "markdown"]
    problems = []
    if not sources or sources[0] != header_markdown(item):
        problems.append("the opening block differs from lessons.toml")
    if item.key_points and key_points_markdown(item) not in sources:
        problems.append("the 'Key points' cell differs from lessons.toml")
    return problems


def check(item: Lesson) -> list[str]:
    """Every disagreement between a lesson's text form, its notebook and ``lessons.toml``."""
    import nbformat

    text_path, nb_path = TEXT / item.text, NOTEBOOKS / item.notebook
    if not nb_path.exists():
        return []
    if not text_path.exists():
        return [f"no text form {text_path.relative_to(ROOT)}"]
    nb = nbformat.read(nb_path, as_version=4)
    text = text_path.read_text(encoding="utf-8")
    return compare(text, nb) + _metadata_problems(item, from_text(text))


def write_text(item: Lesson) -> Path:
    """Write the text form from the lesson's notebook (after editing it in JupyterLab)."""
    import nbformat

    nb = nbformat.read(NOTEBOOKS / item.notebook, as_version=4)
    target = TEXT / item.text
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(to_text(nb), encoding="utf-8")
    return target


def apply_metadata(text: str, item: Lesson) -> str:
    """The text form with its opening block and Key points cell rewritten from lessons.toml."""
    nb = from_text(text)
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    if markdown:
        markdown[0].source = header_markdown(item)
    if item.key_points:
        for cell in markdown:
            if cell.source.lstrip().startswith("## Key points"):
                cell.source = key_points_markdown(item)
    return to_text(nb)


def build(item: Lesson, timeout: int = 900) -> Path:
    """Text form (with fresh metadata blocks) -> run from a fresh kernel -> saved notebook."""
    text_path = TEXT / item.text
    text = apply_metadata(text_path.read_text(encoding="utf-8"), item)
    text_path.write_text(text, encoding="utf-8")
    return build_file(text_path, NOTEBOOKS / item.notebook, timeout, text=text)


def build_file(text_path, target, timeout: int = 900, *, text: str | None = None) -> Path:
    """Any notebook kept as text (such as ``lessons/capstone_checklist.md``, which is not a
    numbered lesson): run it from a fresh kernel in *target*'s folder and save it there."""
    import nbformat

    from .execute import run_notebook, strip_timestamps

    text_path, target = Path(text_path), Path(target)
    text = text if text is not None else text_path.read_text(encoding="utf-8")
    nb = run_notebook(target, timeout, target.stem, nb=from_text(text))
    strip_timestamps(nb)
    nbformat.write(nb, target)
    return target


# --- translations --------------------------------------------------------------------------

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def cell_hashes(text: str) -> list[str]:
    """A short hash of each cell of a text form, to record what a translation was made from."""
    return [hashlib.sha256(source.encode()).hexdigest()[:12]
            for _, source, _ in _cells(from_text(text))]


def translation_status(folder: Path | None = None):
    """One row per translated lesson: its language, source, and the source cells changed since.

    A translation ``lessons/<lang>/NN_slug.md`` records in its front matter the hashes of the
    English cells it was made from::

        coursekit:
          translation_of: 01_moments_of_truth
          source_cells: [3f9a0c1b2d4e, ...]

    Returns a DataFrame with columns ``language, lesson, stale_cells, removed_cells,
    up_to_date``: ``stale_cells`` lists the (1-based) English cells added or changed since,
    ``removed_cells`` counts how many fewer cells the English source has now.
    """
    import pandas as pd
    import yaml

    folder = Path(folder) if folder is not None else TEXT
    rows = []
    for path in sorted(folder.glob("*/[0-9][0-9]_*.md")):
        match = _FRONT.match(path.read_text(encoding="utf-8"))
        meta = (yaml.safe_load(match.group(1)) or {}).get("coursekit", {}) if match else {}
        source = folder / f"{meta.get('translation_of', path.stem)}.md"
        recorded = list(meta.get("source_cells") or [])
        current = cell_hashes(source.read_text(encoding="utf-8")) if source.exists() else []
        stale = [i for i, h in enumerate(current, start=1) if h not in recorded]
        removed = max(0, len(recorded) - len(current))
        rows.append((path.parent.name, path.stem, stale, removed,
                     source.exists() and not stale and not removed))
    return pd.DataFrame(rows, columns=["language", "lesson", "stale_cells", "removed_cells",
                                       "up_to_date"])


def ready_lessons() -> list[Lesson]:
    """Lessons and extra notebooks whose notebook exists."""
    return [item for item in (*lessons(), *extras()) if (NOTEBOOKS / item.notebook).exists()]
