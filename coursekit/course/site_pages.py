"""The website's own pages, written from the course's sources: the landing page (from
``lessons.toml``), the bilingual glossary (from ``glossary.csv``), the worksheets index and the
"about" page with the licences."""
from __future__ import annotations

from pathlib import Path

from .lessons import lessons


def landing_page(ready, extras: list[str], exercises: list[str]) -> str:
    """The home page: what the course is, who it is for, and the course map with links."""
    rows = []
    ready_numbers = {item.number for item in ready}
    exercise_numbers = {Path(e).name[:2] for e in exercises}
    for item in lessons():
        title = (f"[{item.number} · {item.title}](notebooks/{item.slug}.ipynb)"
                 if item.number in ready_numbers else f"{item.number} · {item.title} *(coming)*")
        exercise = (f"[exercise](exercises/{item.slug}.ipynb)" if item.number in exercise_numbers
                    else "—")
        rows.append(f"| {title} | {'; '.join(item.topics)} | {item.minutes} | "
                    f"{', '.join(item.cases) or '—'} | {exercise} |")
    own = ""
    if extras:
        links = ", ".join(f"[{Path(e).stem.replace('_', ' ').capitalize()}]({e}.ipynb)" for e in extras)
        own = (f"\n**Your own data.** {links}: run the same analyses on your organisation's "
               f"survey exports (问卷星, Qualtrics, Google Forms, Excel).\n")
    return f"""# Service management, hands on

An open course on managing service quality: **Moments of Truth** (关键时刻) and
customer-journey touchpoints, **SERVQUAL**, the **KANO model**, **service recovery** and
**service standards**, the service life cycle and the service–profit chain. Every idea is
tried out on case data — an airport, a hotel chain, an e-commerce platform — with a small
Python library, `coursekit`, that does the analysis in the lessons' own words.

The case organisations and all their data are fictional: the data are simulated from models
written down in each data card, so every pattern a lesson finds was planted on purpose.

**Who it is for.** Trainees in service roles, instructors running it as a workshop (see *For
instructors* in the menu), and self-learners.

**How to use these pages.** Read a lesson here with all its results. To run it, use the
buttons at the top of each lesson: *Binder* opens it in a temporary JupyterLab, *your class hub*
pulls the course into your hub account, and the download button gives you the notebook. On
your own computer: `git clone` the repository, then `python3 course.py lab`.

## Course map

| Lesson | Topics | Minutes | Case data | Exercise |
|---|---|---|---|---|
{chr(10).join(rows)}
{own}
Minutes are learner time for reading, running the cells and doing every "Your turn".

## Reference

- [Glossary](glossary.md): every term in English and Chinese, searchable.
- [Method reference](docs/methods.md): every formula, with its source.
- Data cards: [airport](datasets/airport.md), [hotel chain](datasets/hotel.md),
  [e-commerce](datasets/ecommerce.md).
"""


def glossary_page() -> str:
    """The glossary as one bilingual table (a MyST list table, so the site's search indexes every
    term) with a filter box run by a local script."""
    from .glossary import glossary

    rows = []
    for r in glossary().itertuples():
        cells = [f"**{r.term}**", r.term_zh, r.definition, r.definition_zh, r.lesson]
        rows.append("\n".join(("* - " if i == 0 else "  - ") + " ".join(str(c).split())
                              for i, c in enumerate(cells)))
    body = "\n".join(rows)
    return f"""# Glossary · 术语表

Every term of the course in English and Chinese, with the lesson that teaches it. Type in the
box to filter the table (English or Chinese); the site's search box finds terms too.

在下方输入英文或中文即可筛选术语；也可以使用网站的搜索功能。

<label for="ck-glossary-filter">Filter · 筛选</label>
<input id="ck-glossary-filter" type="search" placeholder="e.g. Moment of Truth / 关键时刻">

```{{list-table}}
:header-rows: 1
:class: ck-glossary
:name: ck-glossary

* - Term
  - 术语
  - Definition
  - 定义
  - Lesson
{body}
```
"""


def worksheets_page(sheets: list[Path]) -> str:
    """The instructor guide's page linking every printable sheet (its title from the sheet)."""
    import html
    import re

    def title(sheet: Path) -> str:
        found = re.search(r"<title>(.*?)</title>", sheet.read_text(encoding="utf-8"), re.S)
        return html.unescape(found.group(1).strip()) if found else sheet.stem.replace("-", " ").capitalize()

    items = "\n".join(f"- [{title(s)}](../worksheets/{s.name})" for s in sheets)
    return f"""# Printable worksheets · 课堂练习表

Each sheet prints on A4 or A3 from the browser (File → Print). They are also made by
`python -m coursekit worksheets OUTDIR`.

{items}
"""


def about_page() -> str:
    return """# About this site

**Licences.** The teaching material — lessons, exercises, instructor notes, case data, data
cards and the glossary — is under Creative Commons Attribution 4.0 (CC BY 4.0). The code
(`coursekit`, the tests, the build tools) is under the MIT License. The repository's `LICENSE`
file says which files are which.

**Built with.** [Jupyter Book](https://jupyterbook.org) 1 (BSD 3-Clause), the Sphinx Book Theme
and PyData Sphinx Theme (BSD 3-Clause), which bundle Font Awesome Free icons (SIL OFL 1.1 for
fonts, MIT for code, CC BY 4.0 for icons); knowledge checks by jupyterquiz (MIT). Figures use
the Okabe–Ito colour palette, which stays distinguishable for common colour-vision deficiencies.

**Works offline.** Every page, script, style sheet, figure and the search index are served by
the machine that serves this site; nothing is fetched from anywhere else, so the site works
behind a corporate firewall or on a training-room laptop without internet. Chinese text uses
your system's fonts. Interactive controls (sliders, drop-downs) show the state they were saved
in; they respond when you run the lesson (launch buttons at the top of each lesson).

**The case data are fictional.** The airport, the hotel chain and the online shop, and all
their data, are made up and simulated; the data cards say how.
"""
