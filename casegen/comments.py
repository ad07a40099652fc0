"""Short comments for the airport survey, made from templates tied to each passenger's worst
touchpoint (the lowest rating; a tie goes to the touchpoint with the lower underlying score).

The comments carry no information beyond the ratings, waits and delay of the same row: they
are there so lessons can practise reading and coding free text against numbers.
"""
from __future__ import annotations

import numpy as np

from coursekit.datasets.tables import TOUCHPOINTS

TP = list(TOUCHPOINTS)

#: Templates per worst touchpoint when that rating is 4 or lower. {wait} and {delay} are filled
#: from the passenger's own row.
NEGATIVE = {
    "booking": ("The booking website kept timing out.", "Booking online was confusing.",
                "Paid for a seat I never got after booking."),
    "check_in": ("Waited {wait_ci} minutes at check-in.", "Only two check-in desks open.",
                 "Check-in queue was far too long."),
    "security": ("Waited {wait_sec} minutes at security.", "Security queue was chaotic.",
                 "Security took {wait_sec} minutes, nearly missed the flight.",
                 "Staff at security were rude and rushed."),
    "boarding_gate": ("Gate was crowded and there were not enough seats.",
                      "Boarding was disorganised.", "Gate changed without a clear announcement."),
    "in_flight": ("Cabin was dirty and the crew seemed tired.", "Meal was cold.",
                  "Seat was broken."),
    "arrival": ("Long walk to the exit, signs were unclear.", "Waited on the plane for a "
                "jet bridge.", "Arrival hall was confusing."),
    "baggage_claim": ("Bags took ages to arrive.", "My suitcase came out damaged.",
                      "Waited at the belt for too long."),
    "ground_transport": ("Taxi queue was endless.", "No clear signs to the train.",
                         "Could not find the airport bus."),
}
DELAY_SILENT = ("Delayed {delay} minutes and nobody told us.",
                "Flight delayed {delay} minutes, no information at the gate.")
DELAY_NOTICED = ("Delayed {delay} minutes, but at least we were told early.",
                 "Delay of {delay} minutes was announced in good time.")
POSITIVE = ("Smooth trip from start to finish.", "Everything went well.",
            "Friendly staff all the way.", "Quick and easy, thank you.")
MIXED = ("Fine overall, the {worst} could be better.", "Mostly OK, but the {worst} let it down.")


def airport_comments(rng, grid, latent, wait_ci, wait_sec, delay, announced, notice, chance):
    """One comment (or None) per passenger."""
    n = grid.shape[0]
    scores = np.column_stack([latent[tp] for tp in TP])
    worst = np.empty(n, dtype=np.int64)
    for i in range(n):
        low = grid[i].min()
        candidates = np.flatnonzero(grid[i] == low)
        worst[i] = candidates[np.argmin(scores[i, candidates])]
    writes = rng.random(n) < chance
    choice = rng.random(n)
    out = []
    for i in range(n):
        if not writes[i]:
            out.append(None)
            continue
        tp = TP[worst[i]]
        low = grid[i, worst[i]]
        if low >= 6:
            options = POSITIVE
        elif low == 5:
            options = MIXED
        elif tp == "boarding_gate" and delay[i] > 0:
            options = DELAY_NOTICED if announced[i] and notice[i] >= 60 else DELAY_SILENT
        else:
            # A wait is quoted only when it was long enough to complain about.
            options = [t for t in NEGATIVE[tp]
                       if not ("{wait_ci}" in t and wait_ci[i] < 15)
                       and not ("{wait_sec}" in t and wait_sec[i] < 15)]
        text = options[int(choice[i] * len(options))]
        out.append(text.format(wait_ci=int(wait_ci[i]), wait_sec=int(wait_sec[i]),
                               delay=int(delay[i]), worst=TOUCHPOINTS[tp][0]))
    return out
