"""The course's own SERVQUAL instrument: 22 positively worded items in the five RATER dimensions.

The wording is the course's, written to fit a hotel, an airport and an online shop alike; the
item-to-dimension split follows Parasuraman, Zeithaml & Berry (1988) and the positive wording
their 1991 revision adopted (course reference, section 2). It is not the published wording.
"""
from __future__ import annotations

import pandas as pd

#: The five dimensions in RATER order as in the course reference's table.
DIMENSIONS = ("Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy")

#: The main Chinese name of each dimension, as the glossary gives it (Empathy: 移情性, with the
#: seeds' 同理心 and 同理度 as other names, docs/methods.md §2.1).
DIMENSIONS_ZH = {"Tangibles": "有形性", "Reliability": "可靠性", "Responsiveness": "响应性",
                 "Assurance": "保证性", "Empathy": "移情性"}
#: Every Chinese name the seeds use for each dimension (the first is the main one).
DIMENSION_NAMES_ZH = {
    "Tangibles": ("有形性", "有形度"),
    "Reliability": ("可靠性", "信赖度"),
    "Responsiveness": ("响应性", "反应度"),
    "Assurance": ("保证性", "专业度"),
    "Empathy": ("移情性", "同理心", "同理度"),
}

ITEM_IDS = tuple(f"q{i:02d}" for i in range(1, 23))
_SPANS = {"Tangibles": (1, 4), "Reliability": (5, 9), "Responsiveness": (10, 13),
          "Assurance": (14, 17), "Empathy": (18, 22)}
#: Item ids of each dimension, e.g. ``DIMENSION_ITEMS["Tangibles"] == ("q01", ..., "q04")``.
DIMENSION_ITEMS = {d: tuple(f"q{i:02d}" for i in range(lo, hi + 1)) for d, (lo, hi) in _SPANS.items()}

#: Survey-table columns holding each respondent's 100 points per dimension.
WEIGHT_COLUMNS = {d: f"w_{d.lower()}" for d in DIMENSIONS}

_WORDING = (
    # Tangibles: facilities, equipment, staff appearance, materials
    "The equipment and technology they use are modern.",
    "Their premises, counters, website or app look inviting.",
    "Staff look neat and professional.",
    "Signs, leaflets, tickets and receipts are clear and pleasant to use.",
    # Reliability: the promised service, dependably and accurately
    "They keep to the times they promise.",
    "If something goes wrong for me, they make a genuine effort to put it right.",
    "The service is done correctly at the first attempt.",
    "What I receive matches what they offered, in price and in content.",
    "My bookings, orders and bills are free of mistakes.",
    # Responsiveness: willingness to help, prompt service
    "I am kept informed about when each step of the service will happen.",
    "I am served promptly, without needless waiting.",
    "Staff are always willing to help me.",
    "Staff find time for my requests even at busy moments.",
    # Assurance: knowledge, courtesy, trust
    "The way staff behave gives me confidence in the company.",
    "I feel safe dealing with them (payments, personal data, belongings).",
    "Staff are polite and respectful to me every time.",
    "Staff know enough to answer my questions.",
    # Empathy: caring, individual attention
    "They treat me as an individual person.",
    "Their service hours fit my schedule.",
    "Staff take a personal interest in me.",
    "They put my interests first.",
    "Staff understand what I in particular need.",
)

#: The 22 items: ``item`` (q01-q22), ``dimension``, ``wording`` (the course's own, positive).
ITEMS = pd.DataFrame({
    "item": list(ITEM_IDS),
    "dimension": [d for d in DIMENSIONS for _ in DIMENSION_ITEMS[d]],
    "wording": list(_WORDING),
})

#: The answer scale of the 1988 instrument: 1 strongly disagree ... 7 strongly agree.
SCALE = (1, 7)
