"""Turning one notebook (or one Markdown text) into a handout page: what the reader sees, for
learners or for instructors, that prints to A4 and asks nothing of the network.

- **Learners** see prose, figures, tables and the knowledge checks; code cells (with their test
  markers) are left out. **Instructors** see the code too, without the test markers, and the
  lesson's instructor notes after it.
- **Widgets** need a running kernel: their Python callbacks redraw the figure. A static page
  cannot run them, so instead of shipping the widget JavaScript (which would draw controls that
  do nothing) each widget is replaced by its *static fallback*: its saved state drawn as plain
  HTML, as on the website (``site_widgets.replace_widget_views``): the controls with their
  values and what its output area showed when the lesson was saved.
- **Offline.** nbconvert's page template loads require.js and MathJax from CDNs. Nothing in a
  handout needs them (the quizzes' script is inline and works without require.js; no page holds
  mathematics), so every script, style sheet or font that would be fetched from another machine
  is removed, and a test in Chromium with the network blocked checks that nothing is asked for.
"""
from __future__ import annotations

import copy
import re

TEST_MARKER = re.compile(r"^\s*# NBVAL_\w+[^\n]*\n?", re.M)
LESSON_LINK = re.compile(r'href="([\w-]+)\.ipynb')  # a notebook in the same folder
REMOTE = re.compile(
    r"<script\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>\s*</script>"   # scripts from elsewhere
    r"|<link\b[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>"                # style sheets, fonts
    r"|@import\s+url\([\"']?(?:https?:)?//[^)]*\);?", re.I)

# Printing: A4, nothing cut at the right edge (long lines wrap), figures kept whole.
PRINT_CSS = """
<style id="coursekit-print">
body { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
.ck-widget { border: 1px solid #999; border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; }
.ck-w-control { display: inline-flex; align-items: center; gap: .4em; margin-right: 1em; }
.ck-w-note { color: #333; margin: .4rem 0 0 0; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .jp-Notebook { padding: 0 !important; }
  .jp-Cell { padding: 2px 0 !important; }
  .jp-InputPrompt, .jp-OutputPrompt { display: none !important; }
  pre, code, .highlight pre, .jp-RenderedText pre, .jp-OutputArea-output pre {
    white-space: pre-wrap !important; overflow-wrap: anywhere !important; word-break: break-word;
    overflow: visible !important; }
  .jp-OutputArea-output, .jp-RenderedHTMLCommon, .jp-InputArea-editor { overflow: visible !important; }
  img, svg { max-width: 100% !important; height: auto !important; break-inside: avoid; }
  /* Wide tables (a data set's first rows) are squeezed to the page and their cells wrap,
     rather than being cut at the right edge. */
  .jp-RenderedHTMLCommon table { table-layout: fixed; width: 100% !important; font-size: 7pt !important; }
  .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon td {
    white-space: normal !important; overflow-wrap: anywhere; word-break: break-word;
    padding: 1px 3px !important; }
  h1, h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
</style>
"""


def _source(cell) -> str:
    return "".join(cell.source) if isinstance(cell.source, list) else cell.source


def prepare(nb, learner: bool, notes_markdown: str = ""):
    """A copy of *nb* ready to export: widgets replaced by their static fallbacks, test markers
    removed, and for instructors the notes appended as a last markdown cell."""
    from nbformat.v4 import new_markdown_cell

    from .site_widgets import replace_widget_views

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = TEST_MARKER.sub("", _source(cell))
    replace_widget_views(nb)
    if notes_markdown and not learner:
        nb.cells.append(new_markdown_cell(notes_markdown, metadata={"tags": ["instructor-notes"]}))
    return nb


def export(nb, learner: bool, title: str = "") -> str:
    """The page's HTML: lab template, figures embedded, nothing remote, print CSS."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", embed_images=True, exclude_input=learner,
                            exclude_input_prompt=learner, exclude_output_prompt=learner)
    if title:
        nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    body = REMOTE.sub("", body)
    body = LESSON_LINK.sub(r'href="\1.html', body)
    return body.replace("</head>", PRINT_CSS + "</head>", 1)


def markdown_page(markdown: str, title: str) -> str:
    """A page from Markdown text (glossary, data cards), styled like the lessons."""
    from nbformat.v4 import new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell(markdown)],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    return export(nb, learner=True, title=title)
