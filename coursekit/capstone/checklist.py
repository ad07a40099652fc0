"""What a team's improvement plan still lacks: one line per requirement, with what to do."""
from __future__ import annotations

import re

from .cases import case, options
from .plan import (CHARTS, EVIDENCE_PARTS, RECOVERY_PARTS, STANDARD_PARTS, blank, names,
                   number, require_plan, rows)

#: Words that show a priority names the analysis behind it.
METHOD_WORDS = ("kano", "must-be", "must be", "one-dimensional", "attractive", "driver",
                "relative weight", "share", "ipa", "importance", "quadrant", "concentrate here",
                "gap", "servqual", "zone", "pareto", "fong", "better", "worse", "correlation",
                "%")
#: A one-page plan stays at or under this many words.
ONE_PAGE_WORDS = 450


def _line(stage, item, status, note):
    return {"stage": stage, "item": item, "status": status, "note": note}


def _has_digit(value) -> bool:
    return number(value) is not None or bool(re.search(r"\d", str(value)))


def _check_rows(plan, name, parts, at_least, stage, item, what):
    """Lines for a list of dicts: enough rows, every part filled."""
    found = [r for r in rows(plan, name) if isinstance(r, dict) and not blank(r)]
    if len(found) < at_least:
        noun = what[:-1] if at_least == 1 and what.endswith("s") else what
        return [_line(stage, item, "to do", f"Add at least {at_least} {noun} "
                                            f"({len(found)} so far), each with "
                                            f"{', '.join(parts)}.")]
    gaps = [f"{what[:-1] if what.endswith('s') else what} {i}: {', '.join(p for p in parts if blank(r.get(p, ...)))}"
            for i, r in enumerate(found, start=1) if any(blank(r.get(p, ...)) for p in parts)]
    if gaps:
        return [_line(stage, item, "fix", "Fill in " + "; ".join(gaps) + ".")]
    return [_line(stage, item, "done", f"{len(found)} {what}.")]


def checklist(plan):
    """Check a team's improvement plan and say what it still lacks.

    One line per requirement of the capstone's one-page plan, stage by stage: the problem and
    its evidence (each finding with a number and its source); priorities that name the
    analysis behind them, and the answers the board scores for the case (the top driver, the
    must-be features or the "Concentrate here" touchpoints, each a name the case's data
    know); at least two **measurable** standards (a metric, a number as target, a unit, how
    often, a control chart, an owner); recovery with a response time, a fix, who may decide on
    the spot and a KPI; when the plan will be reviewed; a caveat; and the one-page length.

    ``status`` is ``done``, ``to do`` (missing) or ``fix`` (there, but not yet usable). The
    checklist judges completeness and form only, never whether an answer is right: that is
    for the board's reveal and the instructor's rubric.

    Used in: lesson 08.

    Parameters
    ----------
    plan : dict
        A plan in the form of :func:`coursekit.capstone.template`.

    Returns
    -------
    pandas.DataFrame
        ``stage, item, status, note``; ``attrs``: ``done`` and ``total``.

    Raises
    ------
    coursekit.InputError
        The plan is not a dict, names no known case, or has parts the template does not know.

    Examples
    --------
    >>> import coursekit as ck
    >>> plan = ck.capstone.template("hotel", team="Lotus")
    >>> plan["problem"] = "Downtown guests wait too long for help and meet a poor attitude."
    >>> table = ck.capstone.checklist(plan)
    >>> table.loc[table["item"] == "Problem", "status"].item(), table.attrs["done"]
    ('done', 3)
    >>> table.loc[table["item"] == "Recovery", "note"].item()
    'Add at least 1 recovery line (0 so far), each with failure, first_response, fix, empowered, kpi.'
    """
    import pandas as pd

    plan = require_plan(plan)
    chosen = case(plan["case"])
    lines = [_line("team", "Team and case", "to do" if blank(plan.get("team", ...)) else "done",
                   "Write the team's name." if blank(plan.get("team", ...))
                   else f"{plan['team']}, {chosen.title}.")]
    problem = plan.get("problem", ...)
    if blank(problem):
        lines.append(_line("diagnose", "Problem", "to do", "One sentence: what goes wrong, for "
                                                           "whom, and how you know."))
    elif len(str(problem).split()) < 6:
        lines.append(_line("diagnose", "Problem", "fix", "Say in one full sentence what goes "
                                                         "wrong and for whom."))
    else:
        lines.append(_line("diagnose", "Problem", "done", "Stated."))
    lines += _check_rows(plan, "evidence", list(EVIDENCE_PARTS), 2, "diagnose", "Evidence",
                         "findings")
    if lines[-1]["status"] == "done":
        bare = [i for i, r in enumerate(rows(plan, "evidence"), start=1)
                if isinstance(r, dict) and not blank(r) and not _has_digit(r.get("number"))]
        if bare:
            lines[-1] = _line("diagnose", "Evidence", "fix", "Give a number for finding "
                              f"{', '.join(map(str, bare))}: a share, a gap, a mean.")
    lines += _priorities(plan)
    lines += _board_parts(plan, chosen)
    lines += _check_rows(plan, "standards", list(STANDARD_PARTS), 2, "standards",
                         "Standards", "standards")
    lines += _measurable(plan)
    lines += _check_rows(plan, "recovery", list(RECOVERY_PARTS), 1, "recovery",
                         "Recovery", "recovery lines")
    if lines[-1]["status"] == "done":
        slow = [i for i, r in enumerate(rows(plan, "recovery"), start=1)
                if isinstance(r, dict) and not blank(r) and not _has_digit(r.get("first_response"))]
        if slow:
            lines[-1] = _line("recovery", "Recovery", "fix", "Give the first response as a "
                              f"time (e.g. 'within 10 minutes') in line {', '.join(map(str, slow))}.")
    review = plan.get("review", ...)
    review_ok = isinstance(review, dict) and not blank(review.get("when", ...)) \
        and not blank(review.get("measure", ...))
    lines.append(_line("improvement", "Review", "done" if review_ok else "to do",
                       "The improvement loop is planned." if review_ok else
                       "Say when you will check the plan worked (when) and on what measure."))
    caveat = plan.get("caveat", ...)
    lines.append(_line("improvement", "Caveat", "to do" if blank(caveat) else "done",
                       "One sentence: what your evidence cannot show." if blank(caveat)
                       else "Stated."))
    lines.append(_length(plan))
    table = pd.DataFrame(lines, columns=["stage", "item", "status", "note"])
    table.attrs.update(done=int((table["status"] == "done").sum()), total=len(table))
    return table


def _priorities(plan):
    found = [r for r in rows(plan, "priorities") if isinstance(r, dict) and not blank(r)]
    if len(found) < 2:
        return [_line("prioritise", "Priorities", "to do", "Rank at least two things to fix, "
                      f"each with 'what' and 'why' ({len(found)} so far).")]
    vague = [i for i, r in enumerate(found, start=1)
             if blank(r.get("what", ...)) or blank(r.get("why", ...))
             or not any(w in str(r.get("why")).lower() for w in METHOD_WORDS)]
    if vague:
        return [_line("prioritise", "Priorities", "fix", "Say for priority "
                      f"{', '.join(map(str, vague))} which analysis puts it there (a KANO "
                      "category, a driver's share, an IPA quadrant, a gap) with its number.")]
    return [_line("prioritise", "Priorities", "done", f"{len(found)} ranked, each with its "
                                                     "evidence.")]


def _board_parts(plan, chosen):
    lines = []
    wanted = list(chosen.auto) or ["top_driver", "must_be"]
    for name in wanted:
        label = {"top_driver": "Top driver", "must_be": "Must-be features",
                 "concentrate_here": "'Concentrate here'"}[name]
        value = plan.get(name, ...)
        if blank(value):
            lines.append(_line("prioritise", label, "to do", "Fill in from your analysis; the "
                                                            "board scores it at the reveal."))
            continue
        allowed = options(chosen.key, name)
        given = [value] if name == "top_driver" else names(value)
        if name == "top_driver" and not isinstance(value, str):
            lines.append(_line("prioritise", label, "fix", "Give one name, as text in quotes."))
            continue
        if allowed:
            norm = {_key(a) for a in allowed}
            strange = [str(g) for g in given if _key(g) not in norm]
            if strange:
                lines.append(_line("prioritise", label, "fix",
                                   f"{', '.join(repr(s) for s in strange)} is not a name the "
                                   f"case's data use. Use one of: {', '.join(allowed)}."))
                continue
        lines.append(_line("prioritise", label, "done", "Filled in (checked at the reveal)."
                           if chosen.auto else "Filled in (the instructor scores it)."))
    return lines


def _key(value) -> str:
    return re.sub(r"[\s\-_]+", "", str(value)).casefold()


def _measurable(plan):
    found = [r for r in rows(plan, "standards") if isinstance(r, dict) and not blank(r)]
    if not found:
        return []
    problems = []
    for i, r in enumerate(found, start=1):
        if not blank(r.get("target", ...)) and number(r.get("target")) is None:
            problems.append(f"standard {i}: the target must be a number (e.g. 30, or 0.95)")
        chart = r.get("chart", ...)
        if not blank(chart) and str(chart).strip().lower() not in CHARTS + ("none",):
            problems.append(f"standard {i}: the chart is 'p-chart' (a share per day or week) "
                            "or 'individuals chart' (one measurement per period)")
    charted = [r for r in found if str(r.get("chart", "")).strip().lower() in CHARTS]
    if problems:
        return [_line("standards", "Measurable", "fix", "; ".join(problems) + ".")]
    if not charted:
        return [_line("standards", "Control plan", "to do", "Watch at least one standard with "
                      "a control chart: 'p-chart' or 'individuals chart'.")]
    return [_line("standards", "Control plan", "done", f"{len(charted)} standard(s) on a "
                                                      "control chart.")]


def _length(plan):
    from .page import one_page

    words = one_page(plan).words
    if words > ONE_PAGE_WORDS:
        return _line("present", "One page", "fix", f"{words} words: cut to about "
                                                  f"{ONE_PAGE_WORDS} so it fits one page.")
    return _line("present", "One page", "done", f"{words} words.")
