"""Layouts of the online shop's service-profit-chain tables (lesson 07): a panel of its city
service stations over twelve quarters, and the answers of the latest customer survey about
likelihood to recommend (for the Net Promoter Score and its uncertainty).
"""
from __future__ import annotations

from .parts import rating
from .schema import Column, Table

C = Column

#: The twelve quarters of the panel, in time order.
QUARTERS = tuple(f"{year}Q{q}" for year in (2023, 2024, 2025) for q in (1, 2, 3, 4))


def _unit_id() -> Column:
    return C("unit_id", "id", "city service station (delivery and after-sales service for one "
             "city)", "城市服务站（负责一个城市的配送与售后服务）")


def ecommerce_units() -> Table:
    def share(name, en, zh, decimals=1, lo=None, hi=None, unit="%"):
        return C(name, "float", en, zh, unit=unit, lo=lo, hi=hi, decimals=decimals)

    cols = (
        _unit_id(),
        C("quarter", "ordinal", "quarter of the year", "季度", levels=QUARTERS),
        C("staff", "int", "employees at the station at the end of the quarter", "季末员工人数",
          unit="people", lo=1),
        share("market_growth_pct", "growth of online retail in the station's city, year on year "
              "(from a market report)", "所在城市网络零售额同比增长率（来自市场报告）"),
        C("support_tool", "bool", "the station's staff had the new support tool this quarter "
          "(a pilot at half of the stations from 2024Q3)",
          "本季度员工是否已使用新的支持工具（2024 年第三季度起在一半服务站试点）"),
        share("internal_service_quality", "internal service quality: staff's mean rating of the "
              "tools, training and support they get (1 ... 7)",
              "内部服务质量：员工对所获工具、培训与支持的平均评分（1 … 7）", 2, 1, 7, "1-7 scale"),
        share("employee_satisfaction", "employee satisfaction: staff survey mean (1 ... 7)",
              "员工满意度：员工调查平均分（1 … 7）", 2, 1, 7, "1-7 scale"),
        C("bonus_per_staff", "int", "team bonus paid this quarter per employee", "本季度人均团队奖金",
          unit="yuan", lo=0),
        share("turnover_pct", "share of staff who left during the quarter", "本季度员工流失率",
              lo=0, hi=100),
        share("productivity", "orders delivered or served per employee per working day",
              "人均每个工作日配送或服务的订单数", unit="orders per staff-day", lo=0),
        share("customer_satisfaction", "customer satisfaction: survey mean (1 ... 5)",
              "顾客满意度：调查平均分（1 … 5）", 2, 1, 5, "1-5 scale"),
        share("repurchase_pct", "share of the quarter's customers who ordered again within 90 "
              "days", "本季度顾客中 90 天内再次下单的比例", lo=0, hi=100),
        share("nps", "Net Promoter Score of the quarter's survey: % promoters (9-10) minus % "
              "detractors (0-6) among 80 customers", "本季度调查的净推荐值：80 位顾客中推荐者"
              "（9-10 分）百分比减去贬损者（0-6 分）百分比", lo=-100, hi=100, unit="points"),
        share("revenue_growth_pct", "the station's revenue growth, year on year",
              "服务站营业收入同比增长率"),
    )
    return Table("ecommerce_units", "ecommerce", "Service-profit-chain panel: the shop's 48 "
                 "city service stations over twelve quarters (2023-2025): internal service "
                 "quality, employees, customers, loyalty and revenue growth.", cols,
                 key=("unit_id", "quarter"), lessons="07, 08")


def ecommerce_recommend() -> Table:
    cols = (
        C("respondent_id", "id", "customer's survey number", "顾客问卷编号"),
        _unit_id(),
        rating("recommend", "likelihood to recommend the shop (0 not at all ... 10 extremely "
               "likely)", "向他人推荐本平台的可能性（0 完全不可能 … 10 极有可能）", lo=0, hi=10,
               missing=False, unit="0-10 scale"),
        C("repurchased_90d", "bool", "the customer ordered again within 90 days of the survey",
          "顾客在调查后 90 天内是否再次下单"),
    )
    return Table("ecommerce_recommend", "ecommerce", "Every answer of the 2025Q4 customer "
                 "survey: likelihood to recommend (0-10) by service station, and whether the "
                 "customer ordered again.", cols, key=("respondent_id",), lessons="07, 08")
