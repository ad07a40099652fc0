"""``python -m coursekit build-html OUTDIR``: run every lesson from a fresh kernel, write handouts.

For instructors who want the course as static pages (to print, to mail, to put on an intranet)
and for maintainers who want to know that every lesson still runs. Each notebook is executed in
memory in its own fresh kernel, from its own folder, and exported as a standalone HTML file
(figures embedded); the notebooks on disk are never touched.
"""
from __future__ import annotations

import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MARKER = ".coursekit-handouts"  # marks a folder as ours, so we never write into someone else's
LESSON_LINK = re.compile(r'href="(\d\d_[\w-]+)\.ipynb')


class BuildError(RuntimeError):
    """A lesson failed to run; the message names the notebook and the cell."""


@dataclass
class Result:
    notebook: Path
    title: str
    seconds: float
    error: str = ""


def lesson_notebooks(folder: Path) -> list[Path]:
    """The lesson notebooks in course order (``NN_name.ipynb``)."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


class _Progress:
    """A one-line progress bar per notebook, redrawn as cells finish (no extra dependency)."""

    def __init__(self, label: str, total: int, stream=sys.stderr, width: int = 30):
        self.label, self.total, self.stream, self.width = label, max(total, 1), stream, width
        self.live = stream.isatty()
        self.done = 0

    def advance(self) -> None:
        self.done += 1
        if self.live:
            self._draw("\r")

    def _draw(self, start: str, end: str = "") -> None:
        filled = round(self.width * self.done / self.total)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"{start}{self.label} [{bar}] {self.done}/{self.total} cells{end}")
        self.stream.flush()

    def finish(self, note: str) -> None:
        self._draw("\r" if self.live else "", f"  {note}\n")


def run_notebook(path: Path, timeout: int, label: str):
    """Execute *path* in a fresh kernel; return the executed notebook or raise BuildError."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    progress = _Progress(label, len(code_cells))
    current = {"index": None}

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index

    def on_cell_complete(cell, cell_index):
        progress.advance()

    client = NotebookClient(
        nb, timeout=timeout, kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_start=on_cell_start, on_cell_complete=on_cell_complete,
    )
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        progress.finish("FAILED")
        index = current["index"]
        cell = nb.cells[index] if index is not None else None
        first_line = cell.source.strip().splitlines()[0] if cell is not None and cell.source.strip() else ""
        number = code_cells.index(index) + 1 if index in code_cells else "?"
        summary = f"{getattr(exc, 'ename', '')}: {getattr(exc, 'evalue', '')}".strip(": ")
        raise BuildError(
            f"{path.name} failed at cell {index + 1 if index is not None else '?'} "
            f"(code cell {number}, starting {first_line[:60]!r}): {summary or exc}"
        ) from None
    except Exception as exc:  # a kernel that dies or times out is reported the same way
        progress.finish("FAILED")
        where = f" at cell {current['index'] + 1}" if current["index"] is not None else ""
        raise BuildError(f"{path.name} failed{where}: {type(exc).__name__}: {exc}") from None
    progress.finish(f"ok ({time.perf_counter() - start:.1f} s)")
    return nb


def refresh(path, timeout: int = 900) -> None:
    """Execute a notebook from a fresh kernel and save it in place, outputs included."""
    import nbformat

    path = Path(path)
    nb = run_notebook(path, timeout, path.name)
    nbformat.write(nb, path)


def export_html(nb, target: Path) -> None:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    # Links between lessons point at notebooks; in the handouts they must point at the pages.
    body = LESSON_LINK.sub(r'href="\1.html', body)
    target.write_text(body, encoding="utf-8")


def _prepare(outdir: Path, force: bool) -> None:
    if outdir.exists() and any(outdir.iterdir()) and not (outdir / MARKER).exists() and not force:
        raise BuildError(
            f"{outdir} already holds files that build-html did not make. Choose an empty or new "
            "folder (nothing there will be overwritten), or pass --force if you are sure."
        )
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / MARKER).write_text("Handouts written by `python -m coursekit build-html`.\n")


def write_index(outdir: Path, results: list[Result]) -> Path:
    from .. import __version__

    rows = []
    for r in results:
        name = html.escape(r.notebook.stem)
        title = html.escape(r.title or r.notebook.stem)
        if r.error:
            rows.append(f"<tr><td>{name}</td><td>{title}</td><td>failed</td>"
                        f"<td>{html.escape(r.error)}</td></tr>")
        else:
            rows.append(f'<tr><td><a href="{name}.html">{name}</a></td><td>{title}</td>'
                        f"<td>ran in {r.seconds:.0f} s</td><td></td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Service management course — handouts</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}}</style>
</head><body>
<h1>Service management course — handouts</h1>
<p>Each lesson was run from a fresh kernel by coursekit {html.escape(__version__)}.
The lessons' text and data are licensed CC BY 4.0; see the course's LICENSE.</p>
<table><thead><tr><th>Lesson</th><th>Title</th><th>Status</th><th>Problem</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    target = outdir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def build_html(outdir, notebooks=None, timeout: int = 900, force: bool = False) -> list[Result]:
    """Run every lesson notebook and write ``OUTDIR/<lesson>.html`` plus ``OUTDIR/index.html``.

    Failures do not stop the build: every lesson is tried, the index lists what failed, and a
    :class:`BuildError` naming each failed notebook and cell is raised at the end.
    """
    from .lessons import NOTEBOOKS

    outdir = Path(outdir)
    folder = Path(notebooks) if notebooks is not None else NOTEBOOKS
    paths = lesson_notebooks(folder)
    if not paths:
        raise BuildError(f"No lesson notebooks (NN_name.ipynb) found in {folder}.")
    _prepare(outdir, force)
    results = []
    for number, path in enumerate(paths, start=1):
        label = f"[{number}/{len(paths)}] {path.stem}"
        start = time.perf_counter()
        try:
            nb = run_notebook(path, timeout, label)
        except BuildError as exc:
            results.append(Result(path, "", time.perf_counter() - start, str(exc)))
            continue
        export_html(nb, outdir / f"{path.stem}.html")
        results.append(Result(path, _title(nb), time.perf_counter() - start))
    write_index(outdir, results)
    failed = [r.error for r in results if r.error]
    if failed:
        raise BuildError("Some lessons failed:\n  " + "\n  ".join(failed))
    return results
