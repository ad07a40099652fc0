"""Lesson 01's "Your turn" checks."""
from ..answers import Parts

CHECKS = {
    "01-kinds-of-mot": ("Four kinds of Moments of Truth", Parts(
        expected={"A": 2, "B": 1, "C": 3, "D": 1, "E": 4, "F": 3},
        allowed=(1, 2, 3, 4),
        right="Right: every incident is in its group.",
        hint="For each one marked 'not yet', ask what started the moment: a failure of the "
             "system (1), a request or need of the customer (2), nothing — the employee just "
             "acted (3) — or the customer's own behaviour (4)?",
        explain={
            "A": "the passenger asked for help with a special need, and the employee answered it.",
            "B": "the system failed, and the employees' response is what passengers remember.",
            "C": "nobody asked; the employee acted on her own initiative.",
            "D": "the delay is a failure of the delivery system and the silence a poor response "
                 "to it: the same group holds good and bad responses.",
            "E": "the trouble comes from the customer's behaviour, not from the airport.",
            "F": "an unprompted, unsolicited act: nobody asked the cleaner.",
        },
        ask={
            "A": "who started this moment, and with what?",
            "B": "what had just happened to the airport's own equipment?",
            "C": "did anyone ask the agent to phone ahead?",
            "D": "what went wrong first — before anyone said or did not say anything?",
            "E": "whose behaviour caused the trouble here?",
            "F": "was the cleaner answering a request, or acting unasked?",
        },
    )),
}
