"""Printable questionnaires: one HTML page that prints well on A4 (no external assets, no
scripts) and a data-entry template whose columns ``coursekit.survey.read`` reads back as they
are. Used by ``coursekit.kano.questionnaire`` and ``coursekit.servqual.questionnaire``.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

# Every rule is scoped to .ckq, so showing the page inside JupyterLab changes nothing else.
CSS = """
@page { size: A4; margin: 14mm 12mm; }
.ckq { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       "Helvetica Neue", Arial, sans-serif; color: #000; font-size: 10.5pt; line-height: 1.35;
       max-width: 186mm; }
.ckq .ckq-title { font-size: 15pt; margin: 0 0 4pt 0; }
.ckq .ckq-part { font-size: 12pt; margin: 12pt 0 4pt 0; break-after: avoid; }
.ckq p { margin: 3pt 0; }
.ckq .ckq-fields { margin: 6pt 0 8pt 0; }
.ckq .ckq-fields span { display: inline-block; min-width: 52mm; border-bottom: 1px solid #000;
                        margin-right: 8mm; padding-top: 10pt; }
.ckq table { width: 100%; border-collapse: collapse; margin: 2pt 0 6pt 0; }
.ckq th, .ckq td { border: 1px solid #555; padding: 3pt 4pt; vertical-align: middle; }
.ckq th { background: #eee; font-weight: 600; font-size: 9pt; text-align: center; }
.ckq td.ckq-q { width: 46%; }
.ckq td.ckq-box { text-align: center; font-size: 13pt; }
.ckq tr { break-inside: avoid; page-break-inside: avoid; }
.ckq .ckq-note { font-size: 8.5pt; color: #333; }
@media print { .ckq { max-width: none; } }
"""
BOX = "\u2610"  # an empty ballot box, drawn by any system font


@dataclass
class Questionnaire:
    """A printable questionnaire (``html``) and its data-entry template (``template``, a table
    with the columns and no rows). ``save(folder)`` writes both."""

    title: str
    html: str
    template: object
    language: str
    stem: str

    def _repr_html_(self) -> str:
        # Inside a notebook the page sits under the notebook's own headings: its title and
        # parts become h3 and h4, so the notebook keeps one h1 and no skipped level.
        return (self.html.replace("<h1 ", "<h3 ").replace("</h1>", "</h3>")
                .replace("<h2 ", "<h4 ").replace("</h2>", "</h4>"))

    def __repr__(self) -> str:
        return (f"Questionnaire({self.title!r}, language={self.language!r}, "
                f"{len(self.template.columns)} template columns; .html, .template, .save())")

    def save(self, folder=".", *, template: str = "csv", overwrite: bool = False) -> dict:
        """Write ``<stem>.html`` and ``<stem>_template.csv`` (or ``.xlsx``) into *folder*.

        Existing files are never replaced unless ``overwrite=True``: a filled-in template may be
        someone's work. Returns ``{"page": path, "template": path}``.
        """
        if template not in ("csv", "xlsx"):
            raise InputError(f"template={template!r} is not an option. Allowed: 'csv', 'xlsx'.")
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / f"{self.stem}.html"
        sheet = folder / f"{self.stem}_template.{template}"
        existing = [p.name for p in (page, sheet) if p.exists()]
        if existing and not overwrite:
            raise InputError(f"{', '.join(repr(n) for n in existing)} already exist in "
                             f"{str(folder)!r}; nothing was written. Choose another folder, or "
                             f"pass overwrite=True if you are sure.")
        page.write_text(document(self.title, self.html, self.language), encoding="utf-8")
        if template == "csv":
            # utf-8-sig: Excel on Chinese Windows then opens the Chinese headers correctly.
            self.template.to_csv(sheet, index=False, encoding="utf-8-sig")
        else:
            self.template.to_excel(sheet, index=False, engine="openpyxl")
        return {"page": page, "template": sheet}


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def section(heading: str, intro: str, answers, rows) -> str:
    """One block of questions answered on the same answer list: a heading, an instruction, and
    a table with one row per question and one box per answer."""
    head = "".join(f"<th>{esc(a)}</th>" for a in answers)
    body = "".join(
        f'<tr><td class="ckq-q">{esc(q)}</td>' + f'<td class="ckq-box">{BOX}</td>' * len(answers)
        + "</tr>" for q in rows)
    return (f'<h2 class="ckq-part">{esc(heading)}</h2><p>{esc(intro)}</p>'
            f'<table><thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>')


def page(title: str, intro: str, fields, sections, note: str) -> str:
    """The questionnaire as an HTML fragment (style included), for a notebook or a file."""
    boxes = "".join(f"<span>{esc(f)}:</span>" for f in fields)
    return (f'<style>{CSS}</style><div class="ckq"><h1 class="ckq-title">{esc(title)}</h1>'
            f"<p>{esc(intro)}</p>"
            f'<div class="ckq-fields">{boxes}</div>{"".join(sections)}'
            f'<p class="ckq-note">{esc(note)}</p></div>')


def document(title: str, fragment: str, language: str) -> str:
    """A standalone page around *fragment*."""
    lang = "zh-CN" if language == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{esc(title)}</title></head><body>{fragment}</body></html>\n")


def check_language(language) -> str:
    if not isinstance(language, str) or language not in ("zh", "en"):
        raise InputError(f"language={language!r} is not an option. Allowed: 'zh' (Chinese) or "
                         f"'en' (English).")
    return language
