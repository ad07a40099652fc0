"""The capstone (lesson 08): a team's one-page improvement plan, what it still lacks, and
handing it in to the team-competition board.

* :func:`cases` — what the airport, hotel, e-commerce and own-survey cases offer at each of the
  four stages (diagnose, prioritise, standards, recovery);
* :func:`template` — a blank plan for a case, every part ``...``;
* :func:`checklist` — what the plan still lacks, stage by stage (form, never correctness);
* :func:`one_page` — the plan as the one-page improvement plan;
* :func:`save_plan`, :func:`load_plan` — keep every version, read the latest;
* :func:`submit_plan` — the case's board-scored answers and the page, to the board.

Where things live: ``cases.py`` (the cases and the board's answers per case), ``plan.py`` (the
plan's parts and the template), ``checklist.py``, ``page.py``, ``files.py``, ``handin.py``.
The rubric and the challenges: ``coursekit/classroom/challenges/08_capstone.toml``.
"""
from .cases import CASES, STAGES, cases
from .checklist import checklist
from .files import load_plan, save_plan
from .handin import submit_plan
from .page import one_page
from .plan import FIELDS, template

__all__ = ["cases", "template", "checklist", "one_page", "save_plan", "load_plan",
           "submit_plan", "CASES", "STAGES", "FIELDS"]
