"""The layout of every case table, written once: the generator, the data cards, ``load`` and
``validate`` all read it from here.
"""
from __future__ import annotations

import pandas as pd

from ..kano import ANSWERS
from ..kano.answers import code_of
from .chain_tables import ecommerce_recommend, ecommerce_units
from .gap_tables import hotel_audits, hotel_management, hotel_zone
from .parts import SERVQUAL_PROPERTIES, WEIGHTS_RULE, rating, servqual_items, weight_columns
from .schema import Column, Table, problem_text

C = Column

# --- shared pieces --------------------------------------------------------------------------

#: The airport journey in order: column name -> (English, Chinese).
TOUCHPOINTS = {
    "booking": ("online booking", "在线购票"),
    "check_in": ("check-in", "值机"),
    "security": ("security screening", "安检"),
    "boarding_gate": ("boarding gate", "登机口候机与登机"),
    "in_flight": ("in-flight", "机上服务"),
    "arrival": ("arrival", "到达"),
    "baggage_claim": ("baggage claim", "行李提取"),
    "ground_transport": ("ground transport", "地面交通"),
}
SEGMENTS = ("economy", "business", "VIP")
#: The respondent segments of the KANO surveys, by case.
KANO_SEGMENTS = {"hotel": ("business", "leisure"), "ecommerce": ("new", "loyal")}
TICKET_CHANNELS = ("chat", "phone", "email")
TICKET_CATEGORIES = ("delivery", "return/refund", "product question", "payment", "account")
FAILURE_TYPES = ("cleanliness", "noise", "maintenance", "room not ready", "staff attitude",
                 "billing error", "booking error", "Wi-Fi")
COMPENSATIONS = ("none", "amenity", "discount", "upgrade", "free night")
#: The features of the two KANO surveys, in questionnaire order (the levels of ``attribute``).
HOTEL_FEATURES = (
    "free Wi-Fi", "spotless bathroom", "fast check-in", "quiet room", "breakfast included",
    "late check-out", "welcome drink", "phone-to-TV casting", "pillow menu", "gym",
    "turndown service", "room-service robot",
)
SHOP_FEATURES = (
    "real-time order tracking", "secure payment", "free returns", "human agent on request",
    "delivery within 24 hours", "price-protection refund", "one-click reorder", "AR try-on",
    "live-stream shopping", "personalised recommendations", "chatbot as first contact",
    "marketing push notifications",
)


def _kano_word(value):
    code = code_of(value)
    return ANSWERS[code - 1] if code >= 1 else None


# --- whole-table rules ----------------------------------------------------------------------

def _airport_delay(df):
    out = []
    bad = df["delay_announced"] & (df["delay_min"] == 0)
    if bad.any():
        out.append(problem_text("delay_announced", df["delay_min"], bad,
                                "True where delay_min is 0 (delay_min shown)",
                                "True only when delay_min is above 0"))
    bad = df["delay_notice_min"].notna() != df["delay_announced"]
    if bad.any():
        out.append(problem_text("delay_notice_min", df["delay_notice_min"], bad,
                                "values that disagree with delay_announced",
                                "a number exactly when delay_announced is True"))
    return out


def _ticket_order(df):
    out = []
    for earlier, later in (("created", "first_response"), ("first_response", "resolved")):
        bad = df[later] < df[earlier]
        if bad.any():
            out.append(problem_text(later, df[later].dt.strftime("%Y-%m-%d %H:%M:%S"), bad,
                                    f"times before {earlier}", f"a time at or after {earlier}"))
    return out


def _daily_counts(df):
    bad = df["complaints"] > df["orders"]
    if not bad.any():
        return []
    return [problem_text("complaints", df["complaints"], bad, "more complaints than orders",
                         "at most the day's orders")]


def _stay_links(df):
    out = []
    bad = df["complaint_id"].notna() & ~df["failure"]
    if bad.any():
        out.append(problem_text("complaint_id", df["complaint_id"], bad,
                                "complaint ids for stays without a failure",
                                "a complaint id only where failure is True"))
    bad = df["recovered"] & ~df["failure"]
    if bad.any():
        out.append(problem_text("recovered", df["recovered"], bad,
                                "True on stays without a failure",
                                "True only where failure is True"))
    return out


# --- the tables -----------------------------------------------------------------------------

def _airport_journey() -> Table:
    cols = [
        C("passenger_id", "id", "passenger's survey number", "旅客问卷编号"),
        C("segment", "ordinal", "travel class: economy, business or VIP (VIP passengers use "
          "fast lanes)", "旅客类别：经济舱、商务舱或贵宾（贵宾走快速通道）", levels=SEGMENTS),
        C("purpose", "category", "purpose of the trip", "出行目的",
          levels=("business", "leisure", "family visit")),
    ]
    for name, (en, zh) in TOUCHPOINTS.items():
        cols.append(rating(name, f"rating of the {en} moment (1 very poor ... 7 excellent)",
                            f"对“{zh}”环节的评分（1 很差 … 7 很好）"))
    cols += [
        C("wait_check_in_min", "int", "minutes waited at check-in (0 = checked in online, no "
          "bag to drop)", "值机排队等候分钟数（0 = 网上值机且无托运行李）", unit="minutes", lo=0),
        C("wait_security_min", "int", "minutes waited at security screening",
          "安检排队等候分钟数", unit="minutes", lo=0),
        C("delay_min", "int", "departure delay (0 = on time)", "起飞延误分钟数（0 = 准点）",
          unit="minutes", lo=0),
        C("delay_announced", "bool", "whether the delay was announced before departure time "
          "(False when on time)", "是否在计划起飞前通知延误（准点时为 False）"),
        C("delay_notice_min", "int", "how many minutes before scheduled departure the delay was "
          "announced (blank when not announced)", "在计划起飞前多少分钟通知延误（未通知时为空）",
          unit="minutes", lo=0, missing=True),
    ]
    for name, (en, zh) in TOUCHPOINTS.items():
        cols.append(rating(f"imp_{name}", f"stated importance of {en} (1 not important ... 7 "
                            "very important)", f"“{zh}”的自述重要性（1 不重要 … 7 非常重要）"))
    cols += [
        rating("overall_satisfaction", "overall satisfaction with the trip (1 ... 7)",
                "对整个行程的总体满意度（1 … 7）"),
        rating("recommend", "likelihood to recommend the airport (0 not at all ... 10 "
                "extremely likely)", "向他人推荐本机场的可能性（0 … 10）", lo=0, hi=10,
                unit="0-10 scale"),
        C("comment", "text", "free-text comment (blank when none was written)",
          "开放式评论（未填写时为空）", missing=True),
    ]
    return Table("airport_journey", "airport", "Passenger journey survey: eight touchpoint "
                 "ratings in journey order, waits, delay and its announcement, stated "
                 "importance, overall satisfaction, likelihood to recommend.", tuple(cols),
                 key=("passenger_id",), lessons="01, 02, 08",
                 rules=((("delay_min", "delay_announced", "delay_notice_min"), _airport_delay),))


def _hotel_servqual() -> Table:
    cols = [
        C("respondent_id", "id", "guest's survey number", "宾客问卷编号"),
        C("property", "category", "which of the chain's two hotels the guest stayed at",
          "入住的酒店（连锁旗下两家之一）", levels=SERVQUAL_PROPERTIES),
    ]
    agree = ("1 strongly disagree ... 7 strongly agree", "1 非常不同意 … 7 非常同意", "1-7 agreement")
    cols += servqual_items("E_", "expected level", "期望得分", *agree)
    cols += servqual_items("P_", "perceived level", "感知得分", *agree)
    cols += weight_columns("points out of 100 the guest gives to {dim}",
                           "宾客分配给“{dim}”的分数（共 100 分）")
    return Table("hotel_servqual", "hotel", "SERVQUAL survey: 22 expectation and 22 perception "
                 "items plus 100-point dimension weights, for the chain's two hotels.",
                 tuple(cols), key=("respondent_id",), lessons="03, 04, 08",
                 rules=(WEIGHTS_RULE,))


def _kano(name, case, what, lessons, attributes, segment, when="") -> Table:
    """A KANO survey in long format; *segment* is (levels, English meaning, Chinese meaning)."""
    answer = dict(levels=ANSWERS, missing=True, reader=_kano_word)
    levels, seg_en, seg_zh = segment
    cols = (
        C("respondent_id", "id", "respondent's survey number", "受访者编号"),
        C("segment", "category", seg_en, seg_zh, levels=levels),
        C("attribute", "category", f"the {what} asked about", f"所问的{'设施' if case == 'hotel' else '功能'}",
          levels=attributes),
        C("functional", "ordinal", "answer to 'If it has this, how do you feel?'",
          "正向问题“如果具备该功能，您觉得如何？”的回答", **answer),
        C("dysfunctional", "ordinal", "answer to 'If it does not have this, how do you feel?'",
          "反向问题“如果不具备该功能，您觉得如何？”的回答", **answer),
        rating("importance", "how important the respondent says it is (1 ... 7)",
                "受访者自述的重要程度（1 … 7）"),
    )
    plural = what[:-1] + "ies" if what.endswith("y") else what + "s"
    return Table(name, case, f"KANO survey{when} of {len(attributes)} {plural}, long format: one "
                 "row per respondent and attribute, with the respondent's segment.", cols,
                 key=("respondent_id", "attribute"), lessons=lessons)


def _hotel_complaints() -> Table:
    justice = {
        "distributive": ("fairness of the outcome (refund, compensation)", "分配公平：结果（退款、补偿）是否公平"),
        "procedural": ("fairness of the process (speed, flexibility)", "程序公平：处理过程（速度、灵活性）是否公平"),
        "interactional": ("fairness of the treatment (courtesy, explanation)", "互动公平：对待方式（礼貌、解释）是否公平"),
    }
    cols = [
        C("complaint_id", "id", "complaint number", "投诉编号"),
        C("stay_id", "id", "the stay complained about (see hotel_stays)", "所投诉的入住记录（见 hotel_stays）"),
        C("property", "category", "hotel", "酒店", levels=SERVQUAL_PROPERTIES),
        C("received", "datetime", "when the complaint was received", "收到投诉的时间"),
        C("failure_type", "category", "what went wrong", "服务失误类型", levels=FAILURE_TYPES),
        C("channel", "category", "how the guest complained", "投诉渠道",
          levels=("front desk", "phone", "app", "email")),
        C("response_min", "int", "minutes until staff first responded", "员工首次回应前的分钟数",
          unit="minutes", lo=0),
        C("apology", "bool", "staff apologised", "员工是否道歉"),
        C("explanation", "bool", "staff explained what happened", "员工是否解释原因"),
        C("compensation", "category", "compensation given", "给予的补偿", levels=COMPENSATIONS),
        C("fixed", "bool", "the problem was fixed during the stay", "问题是否在住店期间解决"),
    ]
    for name, (en, zh) in justice.items():
        cols.append(rating(name, f"perceived {en}, 1 ... 7", f"感知的{zh}，1 … 7"))
    cols += [
        rating("satisfaction_after", "satisfaction with the stay after the recovery, 1 ... 7",
                "补救之后对本次入住的满意度，1 … 7"),
        C("returned_1y", "bool", "the guest stayed with the chain again within a year",
          "一年内是否再次入住该连锁酒店"),
    ]
    return Table("hotel_complaints", "hotel", "Complaint log: failure type, recovery actions, "
                 "response time, perceived justice, satisfaction after recovery, return within "
                 "a year.", tuple(cols), key=("complaint_id",), lessons="06, 08")


def _hotel_stays() -> Table:
    cols = (
        C("stay_id", "id", "stay number", "入住记录编号"),
        C("property", "category", "hotel", "酒店", levels=SERVQUAL_PROPERTIES),
        C("arrival", "date", "arrival date", "入住日期"),
        C("nights", "int", "nights stayed", "入住晚数", unit="nights", lo=1),
        C("failure", "bool", "something went wrong during the stay", "入住期间是否发生服务失误"),
        C("complaint_id", "id", "the complaint about this stay (blank when the guest did not "
          "complain)", "对应的投诉编号（未投诉时为空）", missing=True),
        C("recovered", "bool", "the failure was recovered: the guest complained and the problem "
          "was fixed during the stay (False when there was no failure)",
          "失误已补救：宾客投诉且问题在住店期间解决（无失误时为 False）"),
        rating("satisfaction", "satisfaction with the stay, 1 ... 7 (after any recovery)",
                "对本次入住的满意度，1 … 7（如有补救，为补救之后）"),
        C("returned_1y", "bool", "the guest stayed with the chain again within a year",
          "一年内是否再次入住该连锁酒店"),
    )
    return Table("hotel_stays", "hotel", "A sample of stays with and without a service "
                 "failure: satisfaction and return within a year (for the recovery paradox).",
                 cols, key=("stay_id",), lessons="06, 08",
                 rules=((("complaint_id", "failure", "recovered"), _stay_links),))


def _ecommerce_tickets() -> Table:
    cols = (
        C("ticket_id", "id", "ticket number", "工单编号"),
        C("channel", "category", "contact channel", "联系渠道", levels=TICKET_CHANNELS),
        C("category", "category", "what the customer contacted about", "咨询/投诉类别",
          levels=TICKET_CATEGORIES),
        C("created", "datetime", "when the ticket was opened", "工单创建时间"),
        C("first_response", "datetime", "first reply to the customer (from the bot for chat "
          "after the smart-service launch)", "首次回复时间（智能客服上线后，在线聊天的首次回复来自机器人）"),
        C("resolved", "datetime", "when the ticket was closed as solved", "工单解决关闭时间"),
        C("contacts", "int", "contacts the customer needed (1 = solved at first contact)",
          "客户联系次数（1 = 首次联系即解决）", unit="contacts", lo=1),
        rating("csat", "satisfaction survey after closing, 1 ... 5 (blank = did not answer)",
                "结单后满意度调查，1 … 5（空 = 未作答）", hi=5, unit="1-5 scale"),
        C("repurchase_90d", "bool", "the customer ordered again within 90 days",
          "客户在 90 天内是否再次下单"),
    )
    return Table("ecommerce_tickets", "ecommerce", "A year of customer-service tickets, with "
                 "the smart customer-service launch on 2025-07-01.", cols, key=("ticket_id",),
                 lessons="06, 07, 08",
                 rules=((("created", "first_response", "resolved"), _ticket_order),))


def _ecommerce_daily() -> Table:
    cols = (
        C("date", "date", "day", "日期"),
        C("orders", "int", "orders placed that day", "当日订单数", unit="orders", lo=0),
        C("complaints", "int", "customer-service tickets opened that day (inquiries and "
          "complaints, 咨询投诉)", "当日新建客服工单数（咨询与投诉）", unit="tickets", lo=0),
        C("mean_first_response_min", "float", "mean minutes to first response over the day's "
          "chat and phone tickets (email has its own standard, in hours)",
          "当日在线聊天与电话工单的平均首次响应分钟数（邮件另有以小时计的标准）", unit="minutes",
          lo=0, decimals=2),
    )
    return Table("ecommerce_daily", "ecommerce", "Daily orders, customer-service tickets and "
                 "mean first-response time, for control charts.", cols, key=("date",),
                 lessons="04, 07, 08", rules=((("orders", "complaints"), _daily_counts),))


def build_tables(hotel_attributes, shop_attributes) -> dict[str, Table]:
    """Every table, in catalogue order."""
    guests = (KANO_SEGMENTS["hotel"], "the guest's main reason for staying with the chain: "
              "business or leisure", "宾客入住的主要目的：商务或休闲")
    shoppers = (KANO_SEGMENTS["ecommerce"], "new (first order less than a year before the "
                "survey) or loyal (ordering for two years or more) customer",
                "新客户（首次下单距调查不足一年）或老客户（下单两年及以上）")
    tables = (
        _airport_journey(), _hotel_servqual(), hotel_zone(), hotel_management(), hotel_audits(),
        _kano("hotel_kano", "hotel", "hotel amenity", "05, 08", hotel_attributes, guests),
        _hotel_complaints(), _hotel_stays(), _ecommerce_tickets(), _ecommerce_daily(),
        _kano("ecommerce_kano", "ecommerce", "app and service feature", "05, 08",
              shop_attributes, shoppers, when=" (2025 wave)"),
        _kano("ecommerce_kano_2023", "ecommerce", "app and service feature", "05",
              shop_attributes, shoppers, when=" (2023 wave: the same features and design, two "
              "years before ecommerce_kano)"),
        ecommerce_units(), ecommerce_recommend(),
    )
    return {t.name: t for t in tables}


def touchpoint_frame() -> pd.DataFrame:
    """The airport journey in order, with English and Chinese names."""
    frame = pd.DataFrame(
        [(i, en, zh) for i, (en, zh) in enumerate(TOUCHPOINTS.values(), 1)],
        columns=["step", "en", "zh"], index=pd.Index(list(TOUCHPOINTS), name="touchpoint"))
    return frame
