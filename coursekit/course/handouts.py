"""``python -m coursekit build-html OUTDIR``: run every lesson from a fresh kernel, write handouts.

For instructors who want the course as static pages (to print, to mail, to put on an intranet)
and for maintainers who want to know that every lesson still runs. Each notebook is executed in
memory in its own fresh kernel, from its own folder, and exported as a standalone HTML file
(figures embedded); the notebooks on disk are never touched.
"""
from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .execute import BuildError, run_notebook

MARKER = ".coursekit-handouts"  # marks a folder as ours, so we never write into someone else's
LESSON_LINK = re.compile(r'href="([\w-]+)\.ipynb')  # a notebook in the same folder


@dataclass
class Result:
    notebook: Path
    title: str
    seconds: float
    error: str = ""


def lesson_notebooks(folder: Path) -> list[Path]:
    """The lesson notebooks in course order (``NN_name.ipynb``), then the extra notebooks of
    ``lessons.toml`` found in *folder* ("Your own survey")."""
    from .lessons import extras

    numbered = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())
    return numbered + [folder / x.notebook for x in extras() if (folder / x.notebook).is_file()]


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


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
