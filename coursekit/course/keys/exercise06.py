"""Exercise 06's questions. Expected values from the data are computed here with plain pandas,
by a route independent of the coursekit functions the learner is asked to use."""
from ..answers import Label, Number, Parts, Picks, Together
from . import Question
from .recovery_cases import complaints, fast_and_fair_stays, paradox_difference, stays, tickets

PROPERTIES = ("unconditional", "easy to understand", "meaningful", "easy to invoke",
              "easy to collect")


def _complaint_share() -> float:
    failed = stays()[stays()["failure"]]
    return float(failed["complaint_id"].notna().mean())


def _counts(causes):
    return causes.astype(str).value_counts().sort_values(ascending=False, kind="stable")


def _vital_count(causes) -> int:
    counts = _counts(causes)
    before = counts.cumsum().shift(fill_value=0) / counts.sum()
    return int((before < 0.8).sum())


def _lakeside():
    c = complaints()
    return c.loc[c["property"] == "Lakeside", "failure_type"]


def _first_two_share() -> float:
    counts = _counts(tickets()["category"])
    return float(100 * counts.iloc[:2].sum() / counts.sum())


def _chat(category, launch):
    t = tickets()
    return t[(t["channel"] == "chat") & (t["category"] == category) & (t["launch"] == launch)]


def _refund_fcr_after() -> float:
    return float(100 * (_chat("return/refund", "after")["contacts"] == 1).mean())


def _faster_in_chat() -> list:
    def median_hours(category, launch):
        part = _chat(category, launch)
        return float(((part["resolved"] - part["created"]).dt.total_seconds() / 3600).median())

    return [c for c in _category_options() if median_hours(c, "after") < median_hours(c, "before")]


def _interactional_share_lakeside() -> float:
    import numpy as np

    c = complaints()
    part = c[c["property"] == "Lakeside"]
    x = part[["distributive", "procedural", "interactional"]].to_numpy(float)
    y = part["satisfaction_after"].to_numpy(float)
    # Johnson's relative weights, written out (docs/methods.md §4.2)
    r = np.corrcoef(np.column_stack([x, y]), rowvar=False)
    rxx, rxy = r[:3, :3], r[:3, 3]
    values, vectors = np.linalg.eigh(rxx)
    w = vectors @ np.diag(np.sqrt(values)) @ vectors.T
    beta = np.linalg.solve(w, rxy)
    eps = (w ** 2) @ (beta ** 2)
    return float(100 * eps[2] / eps.sum())


def _category_options():
    from ...datasets.tables import TICKET_CATEGORIES

    return list(TICKET_CATEGORIES)


def _failure_types():
    from ...datasets.tables import FAILURE_TYPES

    return list(FAILURE_TYPES)


QUESTIONS = {
    "q1": Question("complaint_share", Number(
        _complaint_share, kind="share",
        right="Right: fewer than half of the failures reach the complaint log.",
        hint="Keep the stays with a failure (stays[\"failure\"]) and take the mean of "
             "complaint_id.notna() over them — not over all 10,000 stays.",
        mistakes=[(lambda: float(stays()["complaint_id"].notna().mean()),
                   "That is complaints per stay. Divide by the stays with a failure only.")])),
    "q2": Question(("lakeside_top", "lakeside_vital_count"), Together({
        "lakeside_top": Label(lambda: _counts(_lakeside()).index[0], _failure_types(),
                              noun="failure type", hint=(
            "The top cause is not right yet. Run the Pareto analysis on Lakeside's rows only "
            "and read its first row.")),
        "lakeside_vital_count": Number(lambda: _vital_count(_lakeside()), hint=(
            "The count is not right yet. Count the rows marked True in vital_few, for Lakeside's "
            "complaints only.")),
    }, right="Right: at Lakeside five causes reach 80 %; staff attitude is far down the list.")),
    "q3": Question("justice_kinds", Parts(
        expected={"W": "P", "X": "D", "Y": "I", "Z": "P"}, allowed=("D", "P", "I"),
        per_part=False,
        right="Right: W and Z fail the process, X the outcome, Y the treatment.",
        hint="For each story ask: was it the outcome the guest got (D), the process — speed, "
             "effort, hoops to jump through (P) — or the way the guest was treated (I)?")),
    "q4": Question(("strict_n", "strict_difference"), Together({
        "strict_n": Number(lambda: len(fast_and_fair_stays(30, 6)), hint=(
            "The number is not right yet. Keep the 30-minute limit and require all three justice "
            "ratings to be 6 or more; count the stays marked.")),
        "strict_difference": Number(lambda: paradox_difference(30, 6), hint=(
            "The difference is not right yet. Use your new column as recovered= in "
            "ck.recovery.recovery_paradox and read attrs[\"difference\"] (recovered minus no "
            "failure).")),
    }, right="Right: the stricter the bar, the larger the paradox — and the fewer the guests it "
             "describes, with a wider interval.")),
    "q5": Question(("refund_fcr_after", "faster_for"), Together({
        "refund_fcr_after": Number(_refund_fcr_after, rel_tol=2e-3, kind="percent", hint=(
            "The FCR is not right yet. Keep chat tickets, group by category and launch, and "
            "read fcr_pct for return/refund after the launch (in %).")),
        "faster_for": Picks(_faster_in_chat, _category_options(), hint=(
            "Compare resolution_median_hours before and after for each category, in chat only.")),
    }, right="Right: the bot speeds up simple questions and slows down the complex ones — "
             "returns and refunds above all.")),
    "q6": Question(("categories_needed", "first_two_share"), Together({
        "categories_needed": Number(lambda: _vital_count(tickets()["category"]), hint=(
            "The number of categories is not right yet: count the bars up to and including the "
            "one where the cumulative line first reaches 80 %.")),
        "first_two_share": Number(_first_two_share, rel_tol=5e-3, kind="percent", hint=(
            "The share is not right yet: read the cumulative share (in %) at the second bar.")),
    }, right="Right: four of the five categories are needed to reach 80 % — a flat chart again.")),
    "q7": Question("interactional_share", Number(
        _interactional_share_lakeside, rel_tol=2e-3, kind="percent",
        right="Right: at Lakeside too, the treatment moves satisfaction after recovery most.",
        hint="Run ck.mot.driver_importance on Lakeside's complaints only, with satisfaction_after "
             "as the outcome and the three justice ratings as drivers, and read the share (in %) "
             "of interactional.")),
    "q8": Question("guarantee_flaws", Parts(
        expected={"G1": "unconditional", "G2": "easy to invoke", "G3": "meaningful",
                  "G4": "easy to understand", "G5": "easy to collect"},
        allowed=PROPERTIES, per_part=False,
        right="Right: each guarantee breaks one of Hart's five properties.",
        hint="Read each guarantee as a guest at the front desk: are there exceptions (G1), what "
             "must the guest do to claim (G2), is the remedy worth having (G3), can the guest "
             "understand it (G4), and when does the guest get it (G5)?")),
}
