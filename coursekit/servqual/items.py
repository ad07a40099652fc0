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

#: The same 22 items in Chinese, in the order of :data:`ITEMS` (the course's own translation of
#: its own wording, for printed questionnaires; not a published Chinese SERVQUAL).
WORDING_ZH = (
    "他们使用的设备和技术是现代化的。",
    "他们的场所、柜台、网站或应用程序看起来令人愉快。",
    "员工仪表整洁、专业。",
    "标识、宣传资料、票据和收据清晰易用。",
    "他们遵守所承诺的时间。",
    "我遇到问题时，他们会真诚地努力解决。",
    "服务第一次就做对。",
    "我得到的服务在价格和内容上都与他们提供的一致。",
    "我的预订、订单和账单准确无误。",
    "他们让我知道每个服务环节何时进行。",
    "我能迅速得到服务，不必无谓等待。",
    "员工总是乐于帮助我。",
    "即使在繁忙时段，员工也会抽时间处理我的请求。",
    "员工的言行让我对公司有信心。",
    "与他们打交道让我感到安心（付款、个人信息、随身物品）。",
    "员工每次都对我礼貌、尊重。",
    "员工有足够的知识回答我的问题。",
    "他们把我当作一个独立的个人来对待。",
    "他们的服务时间适合我的日程安排。",
    "员工对我本人表现出关心。",
    "他们把我的利益放在首位。",
    "员工了解我个人的具体需要。",
)
