"""Running a notebook from a fresh kernel, for every tool that needs it (handouts, saving a
lesson with its outputs, grading): one place that reports a failing cell the same way and saves
notebooks without execution timestamps."""
from __future__ import annotations

import sys
import time
from pathlib import Path


class BuildError(RuntimeError):
    """A notebook failed to run; the message names the notebook and the cell."""


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


def run_notebook(path: Path, timeout: int, label: str, nb=None):
    """Execute *path* (or the notebook *nb*, run from *path*'s folder) in a fresh kernel; return
    the executed notebook or raise BuildError."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    if nb is None:
        nb = nbformat.read(path, as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    progress = _Progress(label, len(code_cells))
    current = {"index": None}

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index

    def on_cell_complete(cell, cell_index):
        progress.advance()

    # record_timing=False: no metadata.execution timestamps, which would change every saved
    # notebook on every run and collide with learners' saves under nbgitpuller.
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
        resources={"metadata": {"path": str(path.parent)}}, record_timing=False,
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


def strip_timestamps(nb) -> None:
    """Remove ``metadata.execution`` from every cell (JupyterLab and nbclient record it)."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def refresh(path, timeout: int = 900) -> None:
    """Execute a notebook from a fresh kernel and save it in place, outputs included."""
    import nbformat

    path = Path(path)
    nb = run_notebook(path, timeout, path.name)
    strip_timestamps(nb)
    nbformat.write(nb, path)
