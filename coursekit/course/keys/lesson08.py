"""Lesson 08's "Your turn" checks: the form of the capstone's deliverables, which any case can
be checked on. Whether a team's findings and picks are *right* is not checked here: the board
reveals that, and the instructor scores the plan."""
from ..answers import Custom, Parts
from ..feedback import Feedback

_CHARTS = ("p-chart", "individuals chart")


def _blank(value) -> bool:
    from ...capstone.plan import blank

    return blank(value)


def _number(value):
    from ...capstone.plan import number

    return number(value)


def _parts(value, parts, what):
    """(dict, problem): the learner's dict, or what is wrong with its form."""
    if not isinstance(value, dict):
        return None, Feedback("format", f"Give {what} as a dictionary with the keys "
                                        f"{', '.join(parts)}.")
    unknown = [k for k in value if k not in parts]
    if unknown:
        return None, Feedback("format", f"{', '.join(map(repr, unknown))} is not one of the keys "
                                        f"{', '.join(parts)}.")
    missing = [p for p in parts if _blank(value.get(p, ...))]
    if missing:
        return None, Feedback("hint", f"Fill in {', '.join(missing)}.")
    return value, None


def _evidence(value) -> Feedback:
    line, problem = _parts(value, ("finding", "number", "source"), "the finding")
    if problem is not None:
        return problem
    if _number(line["number"]) is None:
        return Feedback("hint", "'number' should be the number itself (like -1.73 or 35.8), "
                                "without quotes: the evidence is the number, not a word for it.")
    if len(str(line["finding"]).split()) < 3:
        return Feedback("hint", "Say in a few words what the number shows, for whom: 'Downtown's "
                                "responsiveness gap' rather than 'gap'.")
    if len(str(line["source"]).split()) < 2:
        return Feedback("hint", "Name the table and the analysis, e.g. 'hotel_servqual, "
                                "dimension gaps', so anyone can redo it.")
    return Feedback("right", "Right: a finding anyone can check, with its number and where it "
                             "comes from.")


def _standard(value) -> Feedback:
    from ...capstone.plan import STANDARD_PARTS

    line, problem = _parts(value, tuple(STANDARD_PARTS), "the standard")
    if problem is not None:
        return problem
    if _number(line["target"]) is None:
        return Feedback("hint", "The target must be a number (without quotes), so that every "
                                "day can be counted as meeting it or not.")
    if str(line["chart"]).strip().lower() not in _CHARTS:
        return Feedback("hint", "Name the chart that watches it: \"p-chart\" for a share per day "
                                "or week, \"individuals chart\" for one measurement per period.")
    if not any(ch.isalpha() for ch in str(line["how_often"])):
        return Feedback("hint", "Say how often it is measured: every shift, daily, weekly.")
    return Feedback("right", "Right: measurable — a number to meet, how it is measured and "
                             "watched, and who answers for it.")


def _recovery(value) -> Feedback:
    from ...capstone.plan import RECOVERY_PARTS

    line, problem = _parts(value, tuple(RECOVERY_PARTS), "the recovery line")
    if problem is not None:
        return problem
    if not any(ch.isdigit() for ch in str(line["first_response"])):
        return Feedback("hint", "Give the first response as a time, e.g. 'within 10 minutes': "
                                "speed is what procedural justice is judged on.")
    if len(str(line["empowered"]).split()) < 3:
        return Feedback("hint", "Say who may decide on the spot and up to what, e.g. 'any "
                                "front-desk agent, up to one night's rate': that is empowerment.")
    return Feedback("right", "Right: a failure, a timed response, a fix, the authority to act "
                             "at once and a KPI that shows whether it works.")


CHECKS = {
    "08-evidence-line": ("One finding, as evidence", Custom(_evidence)),
    "08-which-chart": ("Which control chart?", Parts(
        expected={1: "p-chart", 2: "individuals chart", 3: "p-chart", 4: "individuals chart"},
        allowed=_CHARTS,
        right="Right: a share of a count per period goes on a p-chart, one measurement per "
              "period on an individuals chart.",
        hint="For each one marked 'not yet', ask: is this a share (some of n, each passing or "
             "failing) or one measured value per period?",
        explain={1: "failed checks out of the day's checks: a share.",
                 2: "one mean time per day: a measurement.",
                 3: "tickets out of orders: a share.",
                 4: "one score per week: a measurement."},
        ask={1: "is each check a pass or a fail?", 2: "is this one number per day?",
             3: "is each order with or without a ticket?", 4: "is this a count out of n, or a "
             "single measured value?"})),
    "08-measurable-standard": ("A measurable standard", Custom(_standard)),
    "08-recovery-line": ("A recovery line", Custom(_recovery)),
}
