"""Lesson 01's "Your turn" checks."""
from ..answers import Choice, Custom, Label, Number, Parts, Together
from ..feedback import Feedback
from .airport import touchpoints

# The perishability illustration of section 1 (made up for the lesson): passengers arriving at
# security hour by hour, lanes of 180 passengers an hour.
_ARRIVALS = (300, 900, 1200, 500, 200, 700)


def _screening(arrivals, lanes):
    """(longest queue at the end of an hour, capacity left unused) over the six hours."""
    capacity, queue, longest, unused = 180 * lanes, 0, 0, 0
    for arriving in arrivals:
        waiting = queue + arriving
        served = min(waiting, capacity)
        queue, unused = waiting - served, unused + capacity - served
        longest = max(longest, queue)
    return longest, unused


def _moved_demand():
    arrivals = list(_ARRIVALS)
    arrivals[2] -= 300
    arrivals[4] += 300
    return arrivals


def _wastes_less():
    return "moved demand" if _screening(_moved_demand(), 4)[1] < _screening(_ARRIVALS, 5)[1] \
        else "more lanes"


def _good_average_bad_memory(journey) -> Feedback:
    import pandas as pd

    from ... import mot

    moments = touchpoints()
    if isinstance(journey, dict):
        journey = pd.Series(journey, dtype=object)
    if not isinstance(journey, pd.Series):
        return Feedback("format", "Give the journey as a dictionary of eight ratings, such as "
                                  "{'booking': 6, 'check_in': 5, ...}, or as explorer.ratings.")
    if list(journey.index) != moments:
        return Feedback("format", "Give one rating for each of the eight moments, in journey "
                                  f"order: {', '.join(moments)}.")
    values = pd.to_numeric(journey, errors="coerce")
    if values.isna().any() or not values.between(1, 7).all():
        return Feedback("format", "Every rating should be a number from 1 to 7.")
    memory = mot.peak_end(values.to_frame().T.astype(float), scale=(1, 7)).iloc[0]
    if memory["mean"] <= 5:
        return Feedback("hint", f"This journey averages {memory['mean']:.3f}, not above 5 yet. "
                                "Raise several moments; keep one very bad moment or a bad end.")
    if memory["peak_end"] >= 3:
        return Feedback("hint", f"The average is above 5, but the journey is remembered as "
                                f"{memory['peak_end']:.1f}, not below 3. Which moments does memory "
                                "keep? Make the end bad, and make the worst moment the most "
                                "intense one (a 7 before a 1 is just as intense and, coming "
                                "first, wins the tie).")
    return Feedback("right", f"Right: an average of {memory['mean']:.3f} remembered as "
                             f"{memory['peak_end']:.1f}. A good trip with a bad end (and no "
                             "earlier moment as intense as the worst) is remembered by the bad "
                             "moments.")


CHECKS = {
    "01-perishability": ("More lanes or moved demand", Together({
        "longest_queue": Number(lambda: _screening(_ARRIVALS, 5)[0], hint=(
            "The longest queue is not right yet. Run the cell with lanes = 5 and take the largest "
            "value of the 'Queuing at end' column.")),
        "unused_capacity": Number(lambda: _screening(_ARRIVALS, 5)[1], hint=(
            "The unused capacity is not right yet. With lanes = 5, read 'Capacity left unused' "
            "in the summary under the table (the sum over the six hours).")),
        "wastes_less": Choice(_wastes_less, ["more lanes", "moved demand"], hint=(
            "Compare the capacity left unused in the two runs: five lanes, and four lanes with "
            "300 passengers moved from hour 3 to hour 5.")),
    }, right="Right. A fifth lane shortens the queue but leaves far more capacity idle; moving "
             "demand uses the capacity that was there all along.")),
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
    "01-peak-after-fix": ("The peak after fixing security", Label(
        "booking", touchpoints(), noun="touchpoint",
        right="Right: with security at 4, four moments are rated 6, two points from the "
              "midpoint; the earliest of them, booking, counts as the peak.",
        hint="Find the ratings farthest from the midpoint 4 now. When several are equally far, "
             "the rule takes the one that comes first in the journey.")),
    "01-good-average-bad-memory": ("A good average, a bad memory", Custom(_good_average_bad_memory)),
    "01-fund-one-improvement": ("One improvement to fund", Choice(
        "ground transport", ["boarding gate", "ground transport"],
        right="Right: raising ground transport lifts the end (3 → 5) and the remembered score "
              "with it; a 7 at the gate ties with the security 1 in intensity, and the earlier "
              "moment, security, stays the peak, so the memory does not move.",
        hint="Try each change from the starting journey and compare the remembered score, not "
             "the average: both changes raise the average by the same amount.")),
}
