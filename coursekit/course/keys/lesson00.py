"""Lesson 00's "Your turn" check: a first try of the feedback box."""
from ..answers import Number

CHECKS = {
    "00-three-contacts": ("Moments of Truth with three contacts", Number(
        10_000_000 * 3,
        right="Right: 10 million customers times 3 contacts each.",
        hint="Multiply the customers a year by the contacts each customer has, now 3 instead "
             "of 5: the arithmetic of the cell above with one number changed.",
        mistakes=[(10_000_000 * 5, "That is the count with 5 contacts per customer. Change the "
                                   "number of contacts to 3.")])),
}
