"""Lesson 05's "Your turn" checks. Expected values come from the case data, counted here with
the evaluation table written out in kano_cases.py when a check runs."""
from ..answers import Choice, Label, Number, Parts, Together, YesNo
from .kano_cases import close_call, counts, is_clear, survey

_LATE = {"A": 226, "O": 57, "M": 22, "I": 80, "R": 12, "Q": 3}      # as printed in the lesson
_CASTING = {"I": 169, "A": 153, "n": 400}


def _fong_threshold(a, b, n):
    return 1.65 * ((a + b) * (2 * n - a - b) / (2 * n)) ** 0.5


def _loyal_reverse() -> str:
    shop = survey("ecommerce_kano")
    new = counts(shop[shop["segment"] == "new"])
    loyal = counts(shop[shop["segment"] == "loyal"])
    found = [f for f in loyal.index if close_call(loyal.loc[f]) == "R" and is_clear(loyal.loc[f])
             and close_call(new.loc[f]) == "I" and is_clear(new.loc[f])]
    return found[0]


def _newly_attractive() -> str:
    old, new = counts(survey("ecommerce_kano_2023")), counts(survey("ecommerce_kano"))
    found = [f for f in new.index if close_call(old.loc[f]) == "I" and close_call(new.loc[f]) == "A"
             and is_clear(old.loc[f]) and is_clear(new.loc[f])]
    return found[0]


def _hotel_first() -> str:
    table = counts(survey("hotel_kano"))
    must = [f for f in table.index if close_call(table.loc[f]) == "M"]
    core = lambda f: table.loc[f, list("AOMI")].sum()   # noqa: E731
    return max(must, key=lambda f: (table.loc[f, "O"] + table.loc[f, "M"]) / core(f))


def _features(name):
    from ...datasets import tables

    return list(tables.HOTEL_FEATURES if name == "hotel" else tables.SHOP_FEATURES)


CHECKS = {
    "05-dysfunctional-wording": ("A well-written dysfunctional question", Choice(
        "A", ["A", "B", "C", "D"],
        right="Right: it states the plain absence — things as usual — in the customer's terms.",
        hint="Check each against the rules: the plain absence, not an extreme; one feature, not "
             "two; and a KANO question about feelings, not a question about importance.")),
    "05-classify-pairs": ("Six pairs by hand", Parts(
        expected=dict(zip("123456", "IAMOQR")), allowed=tuple("AOMIRQ"), letters=True,
        right="Right: the middle cells are I, like-when-present A or O, dislike-when-absent M, "
              "and the contradictions Q and R.",
        hint="Find the functional answer's row and the dysfunctional answer's column in "
             "ck.kano.EVALUATION_TABLE; the letter where they cross is the category.",
        explain={"1": "neutral / live-with: a middle cell, indifferent.",
                 "2": "like it when present, expected when absent: attractive.",
                 "3": "can live with it when present, dislike its absence: must-be.",
                 "4": "like it when present, dislike it when absent: one-dimensional.",
                 "5": "dislike both presence and absence: a contradiction, questionable.",
                 "6": "expect it when present but like its absence: reverse."},
        ask={"1": "does either answer say like or dislike?",
             "2": "what does the customer say when it is present, and is the absence disliked?",
             "3": "which column holds 'dislike when absent'?",
             "4": "like when present and dislike when absent: which corner?",
             "5": "can someone dislike both having and not having it?",
             "6": "which row and column? Does the customer want it gone?"})),
    "05-better-worse-by-hand": ("Better and Worse of late check-out", Together({
        "better": Number(lambda: (_LATE["A"] + _LATE["O"]) / sum(_LATE[c] for c in "AOMI"),
                         rel_tol=2e-3, hint=(
            "Better is not right yet: (A + O) divided by (A + O + M + I); R and Q are left out.")),
        "worse": Number(lambda: -(_LATE["O"] + _LATE["M"]) / sum(_LATE[c] for c in "AOMI"),
                        rel_tol=2e-3, hint=(
            "Worse is not right yet: minus (O + M) divided by (A + O + M + I).")),
    }, right="Right: many guests are pleased by it, few miss it — an attractive feature.")),
    "05-fong-casting": ("Fong's test for phone-to-TV casting", Together({
        "threshold": Number(lambda: _fong_threshold(_CASTING["I"], _CASTING["A"], _CASTING["n"]),
                            rel_tol=2e-3, hint=(
            "The threshold is not right yet: 1.65 × √((a + b)(2n − a − b) / (2n)) with a = 169, "
            "b = 153, n = 400.")),
        "clearly_ahead": YesNo(lambda: abs(_CASTING["I"] - _CASTING["A"]) >= _fong_threshold(
            _CASTING["I"], _CASTING["A"], _CASTING["n"]), hint=(
            "Compare |a − b| with the threshold: the top category is ahead only when the gap is at "
            "least the threshold.")),
    }, right="Right: a gap of 16 is below the threshold, so casting's category is a close call.")),
    "05-loyal-reverse": ("Reverse for loyal customers", Label(
        _loyal_reverse, _features("shop"), noun="feature",
        right="Right: loyal customers, who knew the human agents, would rather not meet a "
              "chatbot first; new customers are indifferent.",
        hint="In compare(shop, by=\"segment\"), look for the row whose category is R for loyal "
             "and I for new customers.")),
    "05-indifferent-to-attractive": ("Indifferent, then attractive", Label(
        _newly_attractive, _features("shop"), noun="feature",
        right="Right: two years ago customers did not care; now it delights — and in time it "
              "may become expected.",
        hint="In the waves table, look for category_2023 I and category_2025 A with the pattern "
             "'differ'.")),
    "05-hotel-first": ("First on the hotel's roadmap", Label(
        _hotel_first, _features("hotel"), noun="amenity",
        right="Right: a must-be amenity with the largest |Worse| comes first.",
        hint="Run ck.kano.priorities(amenities) and read the row with priority 1.")),
}
