"""The one-page improvement plan, filled from the team's plan."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cases import case
from .plan import require_plan, rows, text

STAGE_TITLES = {"diagnose": "1 · Diagnosis", "prioritise": "2 · Priorities",
                "standards": "3 · Standards and control plan", "recovery": "4 · Recovery",
                "improvement": "5 · Review"}


@dataclass(frozen=True)
class Page:
    """A one-page plan: its Markdown, shown as a page in a notebook."""

    markdown: str

    @property
    def words(self) -> int:
        """Words a reader reads (table rules and Markdown marks are not counted)."""
        plain = re.sub(r"[|*#>`_-]+", " ", self.markdown)
        return len(re.findall(r"[\w'’.,%/]+", plain))

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __str__(self) -> str:
        return self.markdown


def _cell(value) -> str:
    return text(value).replace("|", "/").replace("\n", " ")


def one_page(plan) -> Page:
    """The team's plan as the capstone's one-page improvement plan (Markdown).

    Five parts in the order of the capstone's stages: the diagnosis (problem and evidence),
    the priorities (with the board's answers: top driver, must-be features or "Concentrate
    here"), the standards and their control plan as a table, recovery as a table, and the
    review with its caveat. Parts not filled in yet read *(to do)*. Print it, present from it,
    or hand it in with :func:`coursekit.capstone.submit_plan`.

    Used in: lesson 08.

    >>> import coursekit as ck
    >>> plan = ck.capstone.template("airport", team="Lotus")
    >>> plan["problem"] = "Passengers meet long queues at security and a poor last moment."
    >>> page = ck.capstone.one_page(plan)
    >>> page.markdown.splitlines()[0]
    '## Improvement plan · team Lotus · The airport (fictional): passenger survey'
    >>> "*(to do)*" in page.markdown
    True
    """
    plan = require_plan(plan)
    chosen = case(plan["case"])
    out = [f"## Improvement plan · team {text(plan.get('team', ...))} · {chosen.title}", ""]
    out += [f"### {STAGE_TITLES['diagnose']}", "",
            f"**Problem.** {text(plan.get('problem', ...))}", "", "**Evidence.**", ""]
    findings = rows(plan, "evidence") or [{}]
    for r in findings:
        r = r if isinstance(r, dict) else {"finding": r}
        out.append(f"- {text(r.get('finding', ...))} — **{text(r.get('number', ...))}** "
                   f"({text(r.get('source', ...))})")
    out += ["", f"### {STAGE_TITLES['prioritise']}", ""]
    for i, r in enumerate(rows(plan, "priorities") or [{}], start=1):
        r = r if isinstance(r, dict) else {"what": r}
        out.append(f"{i}. **{text(r.get('what', ...))}** — {text(r.get('why', ...))}")
    board = [("Top driver", "top_driver"), ("Must-be features", "must_be"),
             ("Concentrate here", "concentrate_here")]
    shown = [f"{label}: {text(plan[key])}" for label, key in board if key in plan]
    if shown:
        out += ["", "**For the board.** " + " · ".join(shown)]
    out += ["", f"### {STAGE_TITLES['standards']}", "",
            "| standard | metric | target | how often | chart | owner |", "|---|---|---|---|---|---|"]
    for r in rows(plan, "standards") or [{}]:
        r = r if isinstance(r, dict) else {"standard": r}
        target = f"{_cell(r.get('target', ...))} {_cell(r.get('unit', ''))}".strip()
        out.append(f"| {_cell(r.get('standard', ...))} | {_cell(r.get('metric', ...))} | "
                   f"{target} | {_cell(r.get('how_often', ...))} | {_cell(r.get('chart', ...))} "
                   f"| {_cell(r.get('owner', ...))} |")
    out += ["", f"### {STAGE_TITLES['recovery']}", "",
            "| failure | first response | fix | who may decide | KPI |", "|---|---|---|---|---|"]
    for r in rows(plan, "recovery") or [{}]:
        r = r if isinstance(r, dict) else {"failure": r}
        out.append(f"| {_cell(r.get('failure', ...))} | {_cell(r.get('first_response', ...))} | "
                   f"{_cell(r.get('fix', ...))} | {_cell(r.get('empowered', ...))} | "
                   f"{_cell(r.get('kpi', ...))} |")
    review = plan.get("review", ...)
    review = review if isinstance(review, dict) else {}
    out += ["", f"### {STAGE_TITLES['improvement']}", "",
            f"**When and on what measure.** {text(review.get('when', ...))}: "
            f"{text(review.get('measure', ...))}", "",
            f"**Caveat.** {text(plan.get('caveat', ...))}"]
    return Page("\n".join(out) + "\n")
