"""The KANO surveys of lesson 05 and exercise 05, loaded once, and the category counts of a
feature computed with plain pandas from the evaluation table written out here (so that the keys
do not lean on coursekit.kano, which the learner is asked to use)."""
from functools import lru_cache

# Berger et al. (1993), rows = functional answer, columns = dysfunctional answer
# (docs/methods.md §3.2), written out independently of coursekit.kano.EVALUATION_TABLE.
ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")
TABLE = ("QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ")
LIFE = {"I": 0, "A": 1, "O": 2, "M": 3}


@lru_cache(maxsize=None)
def survey(name):
    from ... import datasets

    return datasets.load(name)


def category_of(functional, dysfunctional) -> str:
    return TABLE[ANSWERS.index(str(functional))][ANSWERS.index(str(dysfunctional))]


def counts(data, feature=None):
    """Category counts A, O, M, I, R, Q per feature (or of one feature) as a DataFrame/Series."""
    import pandas as pd

    part = data if feature is None else data[data["attribute"].astype(str) == feature]
    letters = [category_of(f, d) for f, d in zip(part["functional"], part["dysfunctional"])]
    table = pd.crosstab(part["attribute"].astype(str).to_numpy(), pd.Series(letters))
    table = table.reindex(columns=list("AOMIRQ"), fill_value=0)
    return table.loc[feature] if feature is not None else table


def top_two(row):
    ordered = sorted(row[list("AOMIRQ")], reverse=True)
    return ordered[0], ordered[1]


def is_clear(row) -> bool:
    """Fong's test (Fong 1996): the top category is ahead of the second."""
    a, b = top_two(row)
    n = row[list("AOMIRQ")].sum()
    return abs(a - b) >= 1.65 * ((a + b) * (2 * n - a - b) / (2 * n)) ** 0.5


def top(row) -> str:
    """The most frequent category, ties by impact M > O > A > I > R > Q."""
    order = "MOAIRQ"
    return max(order, key=lambda c: (row[c], -order.index(c)))


def close_call(row) -> str:
    """The category after the close-call rule (docs/methods.md §3.4)."""
    if is_clear(row):
        return top(row)
    order = "MOAIRQ"
    first = top(row)
    second = max((c for c in order if c != first), key=lambda c: (row[c], -order.index(c)))
    return min(first, second, key=order.index)
