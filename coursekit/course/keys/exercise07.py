"""Exercise 07's questions. Expected values from the shop's data are computed here, with numpy
and plain pandas, when a check runs."""
import numpy as np

from ..answers import Choice, Label, Number, Together, YesNo
from . import Question
from .shop import did, table

DRIVERS = ["first_response_min", "resolution_hours", "contacts"]
PANEL_COLUMNS = ["market_growth_pct", "staff", "bonus_per_staff", "support_tool"]


def _chat_fcr_after() -> float:
    t = table("ecommerce_tickets")
    chat = t[(t["channel"] == "chat") & (t["created"] >= np.datetime64("2025-07-01"))]
    return float(100 * (chat["contacts"] == 1).mean())


def _first_response_share() -> float:
    """Relative weights (Johnson 2000) of csat on the three ticket measures, by numpy."""
    t = table("ecommerce_tickets").dropna(subset=["csat"])
    x = np.column_stack([(t["first_response"] - t["created"]).dt.total_seconds() / 60,
                         (t["resolved"] - t["created"]).dt.total_seconds() / 3600,
                         t["contacts"]]).astype(float)
    r = np.corrcoef(np.column_stack([x, t["csat"].to_numpy(float)]), rowvar=False)
    lam, q = np.linalg.eigh(r[:3, :3])
    w = q @ np.diag(np.sqrt(lam)) @ q.T
    beta = np.linalg.solve(w, r[:3, 3])
    eps = (w ** 2) @ (beta ** 2)
    return float(100 * eps[0] / eps.sum())


def _ols(y, xs, frame):
    d = frame.dropna(subset=[y, *xs])
    design = np.column_stack([np.ones(len(d)), d[xs].to_numpy(float)])
    return np.linalg.lstsq(design, d[y].to_numpy(float), rcond=None)[0][1:]


def _lagged():
    p = table("ecommerce_units").sort_values(["unit_id", "quarter"])
    return p.assign(es_last=p.groupby("unit_id", observed=True)["employee_satisfaction"].shift(1))


def _u33():
    a = table("ecommerce_recommend")
    a = a.loc[a["unit_id"] == "U33", "recommend"].to_numpy(float)
    p, d = (a >= 9).mean(), (a <= 6).mean()
    half = 1.959963984540054 * np.sqrt((p + d - (p - d) ** 2) / len(a))
    every = table("ecommerce_recommend")["recommend"].to_numpy(float)
    shop = (every >= 9).mean() - (every <= 6).mean()
    return 100 * (p - d), not (p - d - half <= shop <= p - d + half)


QUESTIONS = {
    "q1": Question("fcr_chat_after", Number(
        _chat_fcr_after, kind="percent",
        right="Right: about two chats in three are solved in one contact after the launch, "
              "fewer than before.",
        hint="Keep the chat tickets created on or after 2025-07-01 and read fcr_pct from "
             "ck.recovery.kpis (a percentage).")),
    "q2": Question(("first_response_share", "launch_kpi_matters"), Together({
        "first_response_share": Number(_first_response_share, kind="percent", hint=(
            "The share is not right yet. Use the three drivers first_response_min, "
            "resolution_hours and contacts, the outcome csat, the tickets that have a csat "
            "answer, and read the share column (in %).")),
        "launch_kpi_matters": YesNo(False, hint=(
            "Compare first response's share with the other two: does it carry much of what "
            "moves satisfaction?")),
    }, right="Right: the KPI the launch was built for carries almost none of what moves "
             "satisfaction.")),
    "q3": Question(("es_to_turnover", "turnover_link_clear"), Together({
        "es_to_turnover": Number(lambda: float(_ols("turnover_pct", ["employee_satisfaction"],
                                                    table("ecommerce_units"))[0]), hint=(
            "The slope is not right yet. The outcome is turnover_pct and the driver "
            "employee_satisfaction, with cluster=\"unit_id\"; a negative slope means turnover "
            "falls.")),
        "turnover_link_clear": YesNo(True, hint=(
            "Look at ci_low and ci_high: is zero between them?")),
    }, right="Right: each point of staff satisfaction goes with about two and a half points "
             "less turnover, and the interval is far from zero.")),
    "q4": Question(("held_slope", "confounder"), Together({
        "held_slope": Number(lambda: float(_ols("revenue_growth_pct", ["employee_satisfaction",
                                                                      "market_growth_pct"],
                                                table("ecommerce_units"))[0]), hint=(
            "The slope is not right yet. Fit revenue_growth_pct on employee_satisfaction and "
            "market_growth_pct together and read the employee_satisfaction row.")),
        "confounder": Label("market_growth_pct", PANEL_COLUMNS, noun="column", hint=(
            "Which column moves both staff morale and revenue in a city? Holding it constant "
            "is what shrank the slope.")),
    }, right="Right: held constant, the city's market growth takes most of the raw slope.")),
    "q5": Question(("es_last_slope", "which_quarter"), Together({
        "es_last_slope": Number(lambda: float(_ols("customer_satisfaction",
                                                   ["employee_satisfaction", "es_last"],
                                                   _lagged())[1]), hint=(
            "The slope is not right yet. Put both employee_satisfaction and "
            "employee_satisfaction_last in the drivers and read the _last row.")),
        "which_quarter": Choice("last quarter", ["this quarter", "last quarter"], hint=(
            "Which of the two has a slope whose interval is clear of zero?")),
    }, right="Right: customers meet the staff of last quarter.")),
    "q6": Question("pilot_es", Number(
        lambda: did("employee_satisfaction"),
        right="Right: the randomised pilot raised staff satisfaction by about a third of a "
              "point.",
        hint="Use ck.chain.difference_in_differences with the outcome employee_satisfaction, "
             "treated=\"pilot\" and after=\"after\", and read .attrs[\"estimate\"] (or the "
             "bottom-right cell).",
        mistakes=[(lambda: did("internal_service_quality"),
                   "That is the pilot's effect on internal service quality; the question asks "
                   "about employee_satisfaction.")])),
    "q7": Question(("nps_u33", "u33_differs"), Together({
        "nps_u33": Number(lambda: _u33()[0], hint=(
            "The NPS is not right yet. Keep the answers of unit_id U33 (or use by=\"unit_id\" "
            "and read the U33 row): % of 9-10 minus % of 0-6.")),
        "u33_differs": YesNo(lambda: _u33()[1], hint=(
            "Compare U33's interval (ci_low to ci_high) with the shop's NPS: is the shop's "
            "value inside it?")),
    }, right="Right: 15 points above the shop, and still not clearly different from it: 80 "
             "answers are too few.")),
    "q8": Question("best_reply", Choice(
        "B", ["A", "B", "C", "D"],
        right="Right: the raw slope mixes the chain with the city's market and with growth "
              "paying the bonus; the randomised pilot is the evidence to plan with, and its "
              "effect on growth is small and uncertain.",
        hint="Think of the three distortions of section 4 of the lesson and of what the pilot "
             "showed for revenue growth.")),
}
