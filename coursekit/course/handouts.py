"""``python -m coursekit build-html OUTDIR [--learner | --instructor]``: the course as pages to
print, mail or put on an intranet.

- ``--learner`` (the default): every lesson and exercise without code, test markers or answer
  keys: prose, figures, tables, the knowledge checks (they work in the page) and each widget's
  static fallback (see :mod:`coursekit.course.handout_render`).
- ``--instructor``: the lessons with their code and, after each, its instructor notes; the
  exercises as their masters, with solutions.
- Both: an index linking lessons, exercises, the glossary and the data cards; pages that print
  to A4; nothing requested from another machine.

Pages are made from the notebooks as saved: they were saved from a clean run, and the test
suite reruns every one and checks the numbers the prose quotes. ``--execute`` reruns each lesson
in a fresh kernel first (for maintainers who want to see that it still runs); the notebooks on
disk are never touched.

The output folder holds a record of every page written and its fingerprint. A page someone has
changed since (a learner's own notes, say), or any file build-html did not write, is never
overwritten: the build stops before writing anything and names the file.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from . import handout_render as render
from .execute import BuildError, run_notebook
from .lessons import NOTEBOOKS, ROOT, lessons
from .outfolder import record_path, write_pages

TOOL = "handouts"
MARKER = record_path(Path("."), TOOL).name  # the record of what build-html wrote
AUDIENCES = ("learner", "instructor")


@dataclass
class Page:
    name: str          # file name in the output folder
    kind: str          # lesson, exercise, glossary, data card
    title: str
    text: str = ""     # the page's HTML, filled in by the build
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


def _notes(slug: str) -> str:
    path = ROOT / "instructors" / f"{slug}.md"
    return f"---\n\n{path.read_text(encoding='utf-8')}" if path.exists() else ""


def _lesson_pages(folder: Path, audience: str, execute: bool, timeout: int) -> list[Page]:
    import nbformat

    learner = audience == "learner"
    pages = []
    paths = lesson_notebooks(folder)
    for number, path in enumerate(paths, start=1):
        page = Page(f"{path.stem}.html", "lesson", path.stem)
        try:
            nb = (run_notebook(path, timeout, f"[{number}/{len(paths)}] {path.stem}") if execute
                  else nbformat.read(path, as_version=4))
        except BuildError as exc:
            page.error = str(exc)
            pages.append(page)
            continue
        page.title = _title(nb) or path.stem
        page.text = render.export(render.prepare(nb, learner, _notes(path.stem)), learner, page.title)
        pages.append(page)
    return pages


def _exercise_pages(audience: str) -> list[Page]:
    import nbformat

    learner = audience == "learner"
    # Learners get the student notebook (it holds no answer); instructors the master.
    folder = ROOT / "exercises" if learner else ROOT / "exercises" / "source"
    pages = []
    for path in lesson_notebooks(folder):
        nb = nbformat.read(path, as_version=4)
        title = _title(nb) or path.stem
        text = render.export(render.prepare(nb, learner), learner, title)
        pages.append(Page(f"exercise-{path.stem}.html", "exercise", title, text))
    return pages


def _glossary_page() -> Page:
    from .glossary import glossary

    table = glossary()
    rows = ["| Term | 术语 | Definition | 定义 | Lesson |", "|---|---|---|---|---|"]
    for r in table.itertuples(index=False):
        cells = [r.term, r.term_zh, r.definition, r.definition_zh, r.lesson]
        rows.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    markdown = "# Glossary · 术语表\n\nEvery term of the course in English and Chinese.\n\n" + "\n".join(rows)
    return Page("glossary.html", "glossary", "Glossary · 术语表",
                render.markdown_page(markdown, "Glossary · 术语表"))


def _data_card_pages() -> list[Page]:
    pages = []
    for card in sorted((ROOT / "datasets").glob("*/README.md")):
        text = card.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")),
                     card.parent.name)
        pages.append(Page(f"data-{card.parent.name}.html", "data card", title,
                          render.markdown_page(text, title)))
    return pages


def index_html(pages: list[Page], audience: str) -> str:
    from .. import __version__

    who = "for instructors" if audience == "instructor" else "for learners"
    sections = []
    for kind, heading in [("lesson", "Lessons"), ("exercise", "Exercises"),
                          ("glossary", "Glossary"), ("data card", "Case data cards")]:
        items = []
        for page in (p for p in pages if p.kind == kind):
            if page.error:
                items.append(f"<li>{html.escape(page.name)}: could not be built — "
                             f"{html.escape(page.error)}</li>")
            else:
                items.append(f'<li><a href="{html.escape(page.name)}">{html.escape(page.title)}</a></li>')
        if items:
            sections.append(f"<h2>{heading}</h2><ul>{''.join(items)}</ul>")
    built = {p.name for p in pages}
    coming = [f"<li>{html.escape(item.label)}</li>" for item in lessons()
              if f"{item.slug}.html" not in built]
    if coming:
        sections.append(f"<h2>Coming later</h2><ul>{''.join(coming)}</ul>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Service management course — handouts {who}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
@page{{size:A4;margin:15mm}}</style>
</head><body>
<h1>Service management course — handouts {who}</h1>
<p>Made by coursekit {html.escape(__version__)} from the course's notebooks. The case
organisations and their data are fictional. The lessons' text and data are licensed CC BY 4.0;
see the course's LICENSE.</p>
{''.join(sections)}
</body></html>
"""


def build_html(outdir, notebooks=None, timeout: int = 900, force: bool = False,
               audience: str = "learner", execute: bool = False) -> list[Page]:
    """Write the handouts for *audience* (``"learner"`` or ``"instructor"``) and an index.

    A lesson that fails to run (with *execute*) does not stop the build: the index says so, and
    a :class:`BuildError` naming each failed notebook and cell is raised at the end.
    """
    if audience not in AUDIENCES:
        raise BuildError(f"Handouts are for {' or '.join(AUDIENCES)}, not {audience!r}.")
    outdir = Path(outdir)
    folder = Path(notebooks) if notebooks is not None else NOTEBOOKS
    if not lesson_notebooks(folder):
        raise BuildError(f"No lesson notebooks (NN_name.ipynb) found in {folder}.")
    pages = _lesson_pages(folder, audience, execute, timeout)
    if notebooks is None:  # the course's own notebooks: add what goes with them
        pages += _exercise_pages(audience) + [_glossary_page()] + _data_card_pages()
    texts = {p.name: p.text for p in pages if not p.error}
    texts["index.html"] = index_html(pages, audience)
    write_pages(outdir, texts, TOOL, force)
    failed = [p.error for p in pages if p.error]
    if failed:
        raise BuildError("Some lessons failed:\n  " + "\n  ".join(failed))
    return pages
