"""Exercise 05's questions. Expected values come from the case data, counted here with the
evaluation table written out in kano_cases.py (not with coursekit.kano, which the learner uses)."""
from ..answers import Choice, Label, Number, Parts, Picks, Together, YesNo
from . import Question
from .kano_cases import close_call, counts, is_clear, survey, top_two


def _shop():
    return counts(survey("ecommerce_kano"))


def _better(row):
    return (row["A"] + row["O"]) / row[list("AOMI")].sum()


def _worse(row):
    return -(row["O"] + row["M"]) / row[list("AOMI")].sum()


def _threshold(feature):
    row = _shop().loc[feature]
    a, b = top_two(row)
    n = row[list("AOMIRQ")].sum()
    return 1.65 * ((a + b) * (2 * n - a - b) / (2 * n)) ** 0.5


def _attractive():
    table = _shop()
    return [f for f in table.index if close_call(table.loc[f]) == "A"]


def _disputed():
    shop = survey("ecommerce_kano")
    new, loyal = counts(shop[shop["segment"] == "new"]), counts(shop[shop["segment"] == "loyal"])
    return [f for f in new.index if is_clear(new.loc[f]) and is_clear(loyal.loc[f])
            and close_call(new.loc[f]) != close_call(loyal.loc[f])]


def _worse_growth():
    old, new = counts(survey("ecommerce_kano_2023")), _shop()
    return {f: abs(_worse(new.loc[f])) - abs(_worse(old.loc[f])) for f in new.index}


def _new_attractive_order():
    shop = survey("ecommerce_kano")
    table = counts(shop[shop["segment"] == "new"])
    attractive = [f for f in table.index if close_call(table.loc[f]) == "A"]
    ranked = sorted(attractive, key=lambda f: -_better(table.loc[f]))
    return {str(k): f for k, f in enumerate(ranked, start=1)}


def _features():
    from ...datasets.tables import SHOP_FEATURES

    return list(SHOP_FEATURES)


QUESTIONS = {
    "q1": Question("my_categories", Parts(
        expected=dict(zip("VWXYZ", "AIMRQ")), allowed=tuple("AOMIRQ"), per_part=False,
        right="Right: each pair is in its cell of the evaluation table.",
        hint="Find each functional answer's row and dysfunctional answer's column in "
             "ck.kano.EVALUATION_TABLE; where they cross is the letter.")),
    "q2": Question(("better_returns", "worse_returns"), Together({
        "better_returns": Number(lambda: _better(_shop().loc["free returns"]), hint=(
            "Better is not right yet: (A + O) / (A + O + M + I) for free returns, 2025 wave.")),
        "worse_returns": Number(lambda: _worse(_shop().loc["free returns"]), hint=(
            "Worse is not right yet: −(O + M) / (A + O + M + I), a negative number."),
            mistakes=[(lambda: -_worse(_shop().loc["free returns"]),
                       "Worse carries a minus sign: it is the dissatisfaction when the feature "
                       "is missing.")]),
    }, right="Right: free returns please most customers and their absence would dissatisfy most "
             "— one-dimensional.")),
    "q3": Question(("delivery_threshold", "delivery_clear"), Together({
        "delivery_threshold": Number(lambda: _threshold("delivery within 24 hours"), rel_tol=2e-3,
                                     hint=(
            "The threshold is not right yet: take a and b, the two largest category counts of "
            "delivery within 24 hours, and n, all its answer pairs, and compute "
            "1.65 × √((a + b)(2n − a − b) / (2n)).")),
        "delivery_clear": YesNo(lambda: is_clear(_shop().loc["delivery within 24 hours"]), hint=(
            "Compare the gap between the two largest counts with the threshold.")),
    }, right="Right: a gap of 4 pairs is far below the threshold: delivery within 24 hours is "
             "contested.")),
    "q4": Question("attractive", Picks(
        _attractive, _features(),
        right="Right: after the close-call rule, AR try-on joins the attractive features — by a "
              "close call, so check it by segment before acting.",
        hint="Use the category_close_call column of ck.kano.summarize(shop), not the plain "
             "category, and keep the rows with A.")),
    "q5": Question("disputed_features", Picks(
        _disputed, _features(),
        right="Right: the three contested features of the whole survey are clear disagreements "
              "between new and loyal customers.",
        hint="Run ck.kano.compare(shop, by=\"segment\") and keep the rows whose pattern is "
             "\"differ\".")),
    "q6": Question(("most_expected", "worse_growth"), Together({
        "most_expected": Label(lambda: max(_worse_growth().items(), key=lambda kv: kv[1])[0],
                               _features(), noun="feature", hint=(
            "The feature is not right yet: compare |Worse| in 2025 with |Worse| in 2023 and find "
            "the largest increase (worse_change is the most negative).")),
        "worse_growth": Number(lambda: max(_worse_growth().values()), rel_tol=2e-3, hint=(
            "The growth is not right yet: |Worse| in 2025 minus |Worse| in 2023, a positive "
            "number."),
            mistakes=[(lambda: -max(_worse_growth().values()),
                       "Give the growth of |Worse| as a positive number (the size of the "
                       "change).")]),
    }, right="Right: the feature customers got used to fastest is the one whose absence now "
             "hurts most more than before.")),
    "q7": Question("new_attractive_order", Parts(
        expected=_new_attractive_order(), allowed=_features(), per_part=False,
        right="Right: for new customers, delivery within 24 hours and AR try-on lead the "
              "attractive features.",
        hint="Keep the new customers' rows, summarise them, run ck.kano.priorities, and list the "
             "attractive (A) rows in priority order.")),
    "q8": Question("reply", Choice(
        "B", ["A", "B", "C"],
        right="Right: the basics first; delight pays once they are in place.",
        hint="Which reply follows the decision rule: must-be first, then one-dimensional, then "
             "attractive?")),
}
