"""The improvement plan: its parts, a blank template, and reading a team's filled plan."""
from __future__ import annotations

import math
import re

from ..core import InputError
from .cases import case

#: The plan's parts: name -> (stage, what it holds). The order is the one-page plan's order.
FIELDS = {
    "team": ("team", "the team's name"),
    "case": ("team", "airport, hotel, ecommerce or own"),
    "problem": ("diagnose", "one sentence: what goes wrong, for whom, and how you know"),
    "evidence": ("diagnose", "two to four findings, each with a number from your analysis and "
                             "where it comes from"),
    "priorities": ("prioritise", "what to fix first, second, third, each with why"),
    "top_driver": ("prioritise", "the top driver of your case's driver analysis"),
    "must_be": ("prioritise", "the must-be features of your case's KANO survey"),
    "concentrate_here": ("prioritise", "the touchpoints in 'Concentrate here' (airport)"),
    "standards": ("standards", "two or more measurable standards and how each is watched"),
    "recovery": ("recovery", "the failures you expect and how staff put them right"),
    "review": ("improvement", "when you will check that the plan worked, and on what measure"),
    "caveat": ("improvement", "one sentence: what your evidence cannot show"),
}
#: The parts of one standard and of one recovery line, with what each holds.
STANDARD_PARTS = {"standard": "the promise, in words", "metric": "what is measured",
                  "target": "the number to meet", "unit": "its unit",
                  "how_often": "how often it is measured", "chart": "the control chart that "
                  "watches it", "owner": "who answers for it"}
RECOVERY_PARTS = {"failure": "what goes wrong", "first_response": "how fast staff respond",
                  "fix": "what they do", "empowered": "who may decide on the spot, up to what",
                  "kpi": "how you will know recovery works"}
EVIDENCE_PARTS = {"finding": "what you found", "number": "the number that shows it",
                  "source": "the table and the analysis it comes from"}
PRIORITY_PARTS = {"what": "what to fix", "why": "the analysis that puts it here"}
CHARTS = ("p-chart", "individuals chart")


def template(case_name="hotel", team=...) -> dict:
    """A blank improvement plan for *case_name*: every part to fill is ``...``.

    Copy it into a cell (or start from the capstone notebook's cell) and replace each ``...``;
    :func:`coursekit.capstone.checklist` says what is still missing,
    :func:`coursekit.capstone.one_page` shows the one-page plan.

    Used in: lesson 08.

    >>> import coursekit as ck
    >>> plan = ck.capstone.template("hotel", team="Lotus")
    >>> plan["case"], plan["must_be"], plan["standards"][0]["target"]
    ('hotel', Ellipsis, Ellipsis)
    >>> "concentrate_here" in plan
    False
    """
    chosen = case(case_name)
    plan = {"team": team, "case": chosen.key, "problem": ...,
            "evidence": [dict.fromkeys(EVIDENCE_PARTS, ...) for _ in range(2)],
            "priorities": [dict.fromkeys(PRIORITY_PARTS, ...) for _ in range(3)],
            "top_driver": ...}
    for name in ("must_be", "concentrate_here"):
        if name in chosen.auto or (chosen.key == "own" and name == "must_be"):
            plan[name] = ...
    plan["standards"] = [dict.fromkeys(STANDARD_PARTS, ...) for _ in range(2)]
    plan["recovery"] = [dict.fromkeys(RECOVERY_PARTS, ...)]
    plan["review"] = {"when": ..., "measure": ...}
    plan["caveat"] = ...
    return plan


def require_plan(plan) -> dict:
    """*plan* if it is a dict with a known case; InputError otherwise."""
    if not isinstance(plan, dict):
        raise InputError("The plan should be a dictionary like the one "
                         "ck.capstone.template(\"hotel\") gives, not a "
                         f"{type(plan).__name__}.")
    if "case" not in plan:
        raise InputError("The plan has no 'case': add \"case\": \"airport\", \"hotel\", "
                         "\"ecommerce\" or \"own\".")
    case(plan["case"])
    unknown = sorted(str(k) for k in plan if k not in FIELDS)
    if unknown:
        raise InputError(f"The plan has parts the template does not know: {', '.join(unknown)}. "
                         f"Its parts are: {', '.join(FIELDS)}.")
    return plan


def blank(value) -> bool:
    """Not filled in yet: ``...``, None, an empty text or list, or text that is only dots."""
    if value is ... or value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return not value.strip() or bool(re.fullmatch(r"[.\s…]*", value))
    if isinstance(value, (list, tuple, set, dict)):
        return len(value) == 0 or all(blank(v) for v in (value.values() if isinstance(value, dict)
                                                         else value))
    return False


def number(value):
    """*value* as a float when it is a plain number (not True/False, not text), else None."""
    if isinstance(value, bool):
        return None
    try:
        import numpy as np

        if isinstance(value, np.generic):
            value = value.item()
    except ImportError:  # pragma: no cover - numpy comes with the course
        pass
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None


def rows(plan, name) -> list:
    """The list of dicts a part holds (a single dict counts as a list of one)."""
    value = plan.get(name, ...)
    if isinstance(value, dict):
        return [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    return []


def names(value) -> list:
    """A list of texts from a list, a tuple, a set or one text."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, set)):
        return [v for v in value if not blank(v)]
    return []


def text(value) -> str:
    """A value as the one-page plan prints it."""
    if blank(value):
        return "*(to do)*"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple, set)):
        return ", ".join(text(v) for v in value if not blank(v))
    return str(value).strip()
