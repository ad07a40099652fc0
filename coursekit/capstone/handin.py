"""Handing a team's plan in to the team-competition board."""
from __future__ import annotations

from ..core import InputError
from .cases import case
from .page import one_page
from .plan import blank, names, require_plan

#: The rubric challenge the one-page plan goes to, and the one for own-survey teams' answers.
PLAN_CHALLENGE = "08-plan"
OWN_CHALLENGE = "08-own-survey"


def handed_in(plan) -> list:
    """(challenge, answer) pairs a plan sends: its case's board-scored parts, then the page."""
    plan = require_plan(plan)
    chosen = case(plan["case"])
    pairs = []
    for name, challenge in chosen.auto.items():
        value = plan.get(name, ...)
        pairs.append((challenge, value if name == "top_driver" or blank(value) else names(value)))
    if chosen.key == "own":
        pairs.append((OWN_CHALLENGE, f"Top driver: {plan.get('top_driver')}. Must-be features: "
                                     f"{', '.join(map(str, names(plan.get('must_be'))))}."))
    pairs.append((PLAN_CHALLENGE, one_page(plan).markdown))
    return pairs


def submit_plan(plan):
    """Hand the team's plan in to the board: its case's board-scored answers, then the
    one-page plan for the instructor's rubric.

    Each answer goes through :func:`coursekit.classroom.submit` (join the board first with the
    team's line). Nothing is lost: an answer the board cannot take now waits on this computer.
    The result says, per challenge, what happened; an answer that cannot be sent (a part still
    ``...``, or no board joined yet) is reported in its row instead of stopping the rest.

    Used in: lesson 08.

    Returns
    -------
    pandas.DataFrame
        ``challenge, answer, status, message``; ``status`` is ``received``, ``format``,
        ``waiting``, ``refused`` or ``not sent``.

    >>> import coursekit as ck
    >>> plan = ck.capstone.template("hotel", team="Lotus")
    >>> plan["top_driver"] = "interactional"
    >>> ck.capstone.submit_plan(plan)[["challenge", "status"]]  # doctest: +SKIP
             challenge    status
    0  08-hotel-top-driver  not sent
    ...
    """
    import pandas as pd

    from .. import classroom

    out = []
    for challenge, answer in handed_in(plan):
        shown = ("(the one-page plan)" if challenge == PLAN_CHALLENGE
                 else "..." if answer is ... else answer)
        try:
            receipt = classroom.submit(challenge, answer)
        except InputError as problem:
            out.append((challenge, shown, "not sent", str(problem)))
            continue
        out.append((challenge, shown, receipt.status, receipt.message))
    return pd.DataFrame(out, columns=["challenge", "answer", "status", "message"])
