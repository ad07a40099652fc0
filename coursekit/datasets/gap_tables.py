"""Layouts of the hotel tables that make the gaps model measurable (lessons 03 and 04): the
zone-of-tolerance survey (gap 5 with two expectation levels), the management survey (gap 1)
and the standards audits (gap 3), with the written standards the audits check.
"""
from __future__ import annotations

import pandas as pd

from .parts import SERVQUAL_PROPERTIES, WEIGHTS_RULE, servqual_items, weight_columns
from .schema import Column, Table

C = Column

SHIFTS = ("morning", "evening", "night")
MANAGER_ROLES = ("general manager", "department head", "duty manager", "supervisor")
DEPARTMENTS = ("executive office", "front office", "housekeeping", "food and beverage",
               "engineering", "sales")

#: The written service standards the audits check: code -> (the standard, 中文, what is
#: measured, the largest value that still passes (None: a yes/no check), the SERVQUAL
#: dimension it serves, the shifts it is checked on). Made up for the course's fictional hotel
#: chain, in the measurable form lesson 04 teaches.
HOTEL_STANDARDS = {
    "phone_rings": ("Answer the phone within 3 rings", "电话铃响 3 声之内接听", "rings", 3,
                    "Responsiveness", SHIFTS),
    "greet_seconds": ("Greet a guest arriving at the front desk within 30 seconds",
                      "宾客到达前台后 30 秒之内问候", "seconds", 30, "Responsiveness", SHIFTS),
    "check_in_minutes": ("Complete check-in within 5 minutes", "5 分钟之内办完入住手续",
                         "minutes", 5, "Responsiveness", SHIFTS),
    "room_ready_minutes": ("Have every room due for arrival ready by 14:00",
                           "14:00 之前准备好当天到店宾客的房间", "minutes late (0 = ready by 14:00)",
                           0, "Reliability", ("morning",)),
    "complaint_ack_minutes": ("Acknowledge a complaint within 10 minutes",
                              "10 分钟之内回应宾客投诉", "minutes", 10, "Responsiveness", SHIFTS),
    "room_service_minutes": ("Deliver a room-service order within 30 minutes",
                             "客房送餐 30 分钟之内送达", "minutes", 30, "Responsiveness", SHIFTS),
    "guest_name": ("Address the guest by name during the conversation", "交谈中以姓名称呼宾客",
                   "yes/no (nothing measured)", None, "Empathy", SHIFTS),
}
#: The standards about how fast staff react to a guest (the night-shift problem is in these).
RESPONSE_TIME_STANDARDS = ("phone_rings", "greet_seconds", "complaint_ack_minutes",
                           "room_service_minutes")


def standards_frame() -> pd.DataFrame:
    """The written standards as a table, indexed by the code used in ``hotel_audits``."""
    rows = [(code, en, zh, unit, limit, dim, ", ".join(shifts), code in RESPONSE_TIME_STANDARDS)
            for code, (en, zh, unit, limit, dim, shifts) in HOTEL_STANDARDS.items()]
    frame = pd.DataFrame(rows, columns=["standard", "en", "zh", "measured_in", "limit",
                                        "dimension", "shifts", "response_time"])
    frame["limit"] = frame["limit"].astype("Int64")
    return frame.set_index("standard")


def hotel_zone() -> Table:
    cols = [
        C("respondent_id", "id", "guest's survey number", "宾客问卷编号"),
        C("property", "category", "which of the chain's two hotels the guest stayed at",
          "入住的酒店（连锁旗下两家之一）", levels=SERVQUAL_PROPERTIES),
    ]
    level = ("1 low ... 7 high", "1 很低 … 7 很高", "1-7 level")
    cols += servqual_items("A_", "adequate level (the lowest service the guest would accept)",
                           "适当服务水平（宾客可以接受的最低水平）", *level)
    cols += servqual_items("D_", "desired level (the service the guest wants)",
                           "理想服务水平（宾客希望得到的水平）", *level)
    cols += servqual_items("P_", "perceived level (this hotel's service as the guest saw it)",
                           "感知服务水平（宾客对本酒店服务的感受）", *level)
    return Table("hotel_zone", "hotel", "Zone-of-tolerance survey: adequate, desired and "
                 "perceived levels of the 22 SERVQUAL items, for the chain's two hotels "
                 "(autumn 2025).", tuple(cols), key=("respondent_id",), lessons="03, 08")


def hotel_management() -> Table:
    cols = [
        C("manager_id", "id", "manager's survey number", "管理者问卷编号"),
        C("property", "category", "the hotel the manager works at", "管理者所在的酒店",
          levels=SERVQUAL_PROPERTIES),
        C("role", "category", "the manager's position", "职位", levels=MANAGER_ROLES),
        C("department", "category", "the manager's department", "所在部门", levels=DEPARTMENTS),
    ]
    agree = ("1 strongly disagree ... 7 strongly agree", "1 非常不同意 … 7 非常同意", "1-7 agreement")
    cols += servqual_items("E_", "the manager's prediction of what guests expect (as guests "
                           "answer E_ in hotel_servqual)", "管理者对宾客期望的预测（对应 hotel_servqual "
                           "中宾客的 E_ 答案）", *agree)
    cols += servqual_items("P_", "the manager's own rating of the hotel's performance",
                           "管理者对本酒店表现的自评", *agree)
    cols += weight_columns("points out of 100 the manager thinks guests give to {dim}",
                           "管理者认为宾客会分配给“{dim}”的分数（共 100 分）")
    return Table("hotel_management", "hotel", "Management survey for gap 1 (the listening gap): "
                 "managers predict guests' expectations on the 22 SERVQUAL items and how guests "
                 "split 100 points over the five dimensions, and rate their own hotel.",
                 tuple(cols), key=("manager_id",), lessons="04, 08", rules=(WEIGHTS_RULE,))


def hotel_audits() -> Table:
    cols = (
        C("property", "category", "hotel", "酒店", levels=SERVQUAL_PROPERTIES),
        C("date", "date", "day of the audit", "检查日期"),
        C("shift", "category", "shift audited: morning 07-15, evening 15-23, night 23-07",
          "被检查的班次：早班 07-15、晚班 15-23、夜班 23-07", levels=SHIFTS),
        C("standard", "category", "the written standard checked (wording in "
          "coursekit.datasets.HOTEL_STANDARDS)", "所检查的书面服务标准（条文见 "
          "coursekit.datasets.HOTEL_STANDARDS）", levels=tuple(HOTEL_STANDARDS)),
        C("measured", "int", "what the auditor measured, in the standard's unit (blank for a "
          "yes/no standard)", "检查员测得的数值，单位随标准而定（是/否类标准为空）",
          unit="rings, seconds or minutes", lo=0, missing=True),
        C("passed", "bool", "the standard was met", "是否达到标准"),
    )
    return Table("hotel_audits", "hotel", "Standards-compliance audits for gap 3 (the "
                 "performance gap): a mystery-shopper and checklist audit of every shift against "
                 "seven written standards, April to September 2025.", cols,
                 key=("property", "date", "shift", "standard"), lessons="04, 08")
