"""``python -m coursekit build-site OUTDIR``: the whole course as one static website.

Every lesson (from its saved outputs; nothing is executed), "Your own survey", the exercises
(student versions), the glossary, the data cards, the method reference, the instructor guide
and an "about" page, built with Jupyter Book 1 (the Sphinx-based line, which builds offline).
The table of contents comes from ``lessons.toml``; the launch buttons' addresses from
``docs/site.toml``. Nothing on the built site is fetched from off the machine that serves it:
widgets are drawn from their saved state (:mod:`coursekit.course.site_widgets`), quizzes carry
their own script, search is Sphinx's own index, and fonts are the reader's system fonts.

The pages are written into a staging folder (:func:`stage`), which is what Jupyter Book builds.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .execute import BuildError
from .lessons import ROOT, lessons
from .site_pages import about_page, glossary_page, landing_page, worksheets_page
from .worksheets import write_worksheets
from .site_post import finish

MARKER = ".coursekit-site"  # marks a folder as a site we built, so we never write over anything else
CONFIG = ROOT / "docs" / "site.toml"
ASSETS = Path(__file__).resolve().parent / "site_assets"
FIGURE_LINE = re.compile(r"^\s*\*Figure:\s*(.+?)\*?\s*$", re.S)


@dataclass(frozen=True)
class SiteConfig:
    title: str
    author: str
    repository: str
    branch: str
    binderhub_url: str
    jupyterhub_url: str


def load_config(path: Path | str | None = None) -> SiteConfig:
    from .lessons import tomllib

    data = tomllib.loads(Path(path or CONFIG).read_text(encoding="utf-8"))
    return SiteConfig(**{k: str(data.get(k, "")) for k in SiteConfig.__dataclass_fields__})


def _notebook_for_site(path: Path):
    """A lesson as the site shows it: widgets drawn from their saved state, each figure with
    its one-line description as alt text and stored as a 256-colour PNG, and test markers left
    out of the displayed code."""
    import nbformat

    from .site_widgets import compact_png, replace_widget_views

    nb = nbformat.read(path, as_version=4)
    replace_widget_views(nb)
    cells = nb.cells
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        lines = cell.source.split("\n")
        if lines and lines[0].strip() == "# NBVAL_CHECK_OUTPUT":
            cell.source = "\n".join(lines[1:])
        for output in cell.get("outputs", []):
            if "image/png" in (output.get("data") or {}):
                output["data"]["image/png"] = compact_png(output["data"]["image/png"])
        if any("image/png" in (o.get("data") or {}) for o in cell.get("outputs", [])):
            following = next((c for c in cells[index + 1:] if c.cell_type == "markdown"), None)
            match = FIGURE_LINE.match(following.source) if following is not None else None
            if match:
                alt = " ".join(match.group(1).rstrip("*").split())
                cell.metadata.setdefault("mystnb", {})["image"] = {"alt": alt}
    return nb


def _toc(parts: list[tuple[str, list[str]]]) -> str:
    lines = ["format: jb-book", "root: index", "parts:"]
    for caption, files in parts:
        if not files:
            continue
        lines.append(f"- caption: {json.dumps(caption, ensure_ascii=False)}")
        lines.append("  chapters:")
        lines += [f"  - file: {f}" for f in files]
    return "\n".join(lines) + "\n"


def _config_yml(config: SiteConfig) -> str:
    settings = {
        "title": config.title,
        "author": config.author,
        "copyright": "the coursekit maintainers; teaching material CC BY 4.0, code MIT",
        "only_build_toc_files": True,
        "execute": {"execute_notebooks": "off"},
        "repository": {"url": config.repository, "branch": config.branch, "path_to_book": ""},
        "html": {"use_repository_button": True, "use_issues_button": False,
                 "home_page_in_navbar": True,
                 "extra_footer": "Works offline: nothing on these pages is fetched from another site."},
        "launch_buttons": {"notebook_interface": "jupyterlab",
                           "binderhub_url": config.binderhub_url,
                           "jupyterhub_url": config.jupyterhub_url},
        # No "dollarmath": the lessons write their formulas as text, so no page needs MathJax,
        # which Sphinx would otherwise fetch from a CDN.
        "parse": {"myst_enable_extensions": ["colon_fence", "deflist", "substitution"]},
        "sphinx": {"config": {
            "nb_ipywidgets_js": {},
            "html_static_path": ["_static"],
            "html_css_files": ["coursekit-site.css"],
            "html_js_files": ["glossary-filter.js"],
            "html_extra_path": ["_extra"],
            "html_show_sourcelink": False,
            "suppress_warnings": ["myst.xref_missing", "myst.header", "mystnb.unknown_mime_type"],
        }},
    }
    return json.dumps(settings, ensure_ascii=False, indent=1)  # JSON is valid YAML


def stage(source: Path, config: SiteConfig) -> Path:
    """Write every page of the site into *source* (a fresh folder) for Jupyter Book."""
    import nbformat

    source.mkdir(parents=True, exist_ok=True)
    (source / "_static").mkdir()
    (source / "_extra").mkdir()
    for asset in ASSETS.iterdir():
        shutil.copy(asset, source / "_static" / asset.name)

    ready = [item for item in lessons() if (ROOT / "notebooks" / item.notebook).exists()]
    lesson_files = []
    for item in ready:
        target = source / "notebooks" / item.notebook
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(_notebook_for_site(ROOT / "notebooks" / item.notebook), target)
        lesson_files.append(f"notebooks/{item.slug}")
    extras = []
    for path in sorted((ROOT / "notebooks").glob("[a-z]*.ipynb")):  # "Your own survey" and the like
        target = source / "notebooks" / path.name
        nbformat.write(_notebook_for_site(path), target)
        extras.append(f"notebooks/{path.stem}")
    exercise_files = []
    for path in sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb")):
        target = source / "exercises" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
        exercise_files.append(f"exercises/{path.stem}")

    (source / "index.md").write_text(landing_page(ready, extras, exercise_files), encoding="utf-8")
    (source / "glossary.md").write_text(glossary_page(), encoding="utf-8")
    (source / "about.md").write_text(about_page(), encoding="utf-8")
    (source / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "methods.md", source / "docs" / "methods.md")
    cards = []
    for card in sorted((ROOT / "datasets").glob("*/README.md")):
        target = source / "datasets" / f"{card.parent.name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(card, target)
        cards.append(f"datasets/{card.parent.name}")
    guide = []
    notes = sorted((ROOT / "instructors").glob("*.md"))
    for note in notes:
        target = source / "instructors" / note.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(note, target)
        guide.append(f"instructors/{note.stem}")
    # The printable team sheets are written by the same code as `python -m coursekit worksheets`,
    # so the site never holds a copy that has drifted from what an instructor prints.
    sheets = [s for s in write_worksheets(source / "_extra" / "worksheets") if s.name != "index.html"]
    (source / "instructors" / "worksheets.md").write_text(worksheets_page(sheets), encoding="utf-8")
    guide.append("instructors/worksheets")
    parts = [("Lessons", lesson_files), ("Your own data", extras), ("Exercises", exercise_files),
             ("Reference", ["glossary", "docs/methods", *cards]),
             ("For instructors", guide), ("About", ["about"])]
    (source / "_toc.yml").write_text(_toc(parts), encoding="utf-8")
    (source / "_config.yml").write_text(_config_yml(config), encoding="utf-8")
    return source


def _prepare(outdir: Path, force: bool) -> None:
    if outdir.exists() and any(outdir.iterdir()) and not (outdir / MARKER).exists() and not force:
        raise BuildError(f"{outdir} already holds files that build-site did not make. Choose an "
                         "empty or new folder (nothing there will be overwritten), or pass --force.")


def build_site(outdir, config_path=None, force: bool = False, keep_source: bool = False) -> float:
    """Build the website into *outdir*; return the seconds it took."""
    started = time.perf_counter()
    outdir = Path(outdir)
    _prepare(outdir, force)
    config = load_config(config_path)
    with tempfile.TemporaryDirectory(prefix="coursekit-site-") as tmp:
        source = stage(Path(tmp) / "book", config)
        run = subprocess.run([sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
                              "build", str(source),
                              "--path-output", str(Path(tmp) / "out"), "--builder", "html"],
                             capture_output=True, text=True)
        built = Path(tmp) / "out" / "_build" / "html"
        if run.returncode != 0 or not (built / "index.html").exists():
            tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-20:])
            raise BuildError(f"Jupyter Book could not build the site:\n{tail}")
        finish(built)
        if outdir.exists():
            shutil.rmtree(outdir)
        shutil.copytree(built, outdir)
        if keep_source:
            shutil.copytree(source, outdir / "_source")
    (outdir / MARKER).write_text("Website written by `python -m coursekit build-site`.\n")
    (outdir / ".nojekyll").write_text("")  # GitHub Pages: serve _static/ and _images/ as they are
    return time.perf_counter() - started
