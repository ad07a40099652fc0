"""Lesson 03's "Your turn" checks. Expected values come from the case data (or, for seed 004,
from the figures docs/methods.md §2.6 gives), computed here with numpy and scipy when a check
runs."""
import numpy as np

from ..answers import Label, Number
from .hotel import ITEMS, SPANS, alpha, answers, dimension_gap, items_of

# Seed 004's figures as docs/methods.md §2.6 gives them, in RATER order.
_SEED_IMPORTANCE = [7, 30, 25, 20, 16]
_SEED_SELF_RATING = [4.75, 4.04, 4.14, 4.18, 4.05]


def _spearman(a, b) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def _worst_item_downtown():
    gaps = answers("hotel_servqual", "Downtown", "P_") - answers("hotel_servqual", "Downtown", "E_")
    return ITEMS[int(np.argmin(gaps.mean(axis=0)))]


def _equal_points_score() -> float:
    return float(np.mean([dimension_gap("Downtown", d) for d in SPANS], axis=0).mean())


def _most_needed_item():
    values = answers("hotel_servqual", "Lakeside", "P_", "Assurance")
    without = [alpha(np.delete(values, j, axis=1)) for j in range(values.shape[1])]
    return items_of("Assurance")[int(np.argmin(without))]


def _share_below_adequate() -> float:
    perceived = answers("hotel_zone", "Lakeside", "P_", "Reliability")
    adequate = answers("hotel_zone", "Lakeside", "A_", "Reliability")
    return float((perceived < adequate).mean())


def _empathy_low_99() -> float:
    from scipy import stats

    result = stats.ttest_ind(dimension_gap("Downtown", "Empathy"), dimension_gap("Lakeside", "Empathy"),
                             equal_var=False)
    return float(result.confidence_interval(0.99).low)


CHECKS = {
    "03-seed-rank": ("Seed 004: importance against self-rating", Number(
        lambda: _spearman(_SEED_IMPORTANCE, _SEED_SELF_RATING),
        right="Right: strongly negative. The company rates itself best where customers care "
              "least, a sign that management does not see the service as customers do.",
        hint="Use .corr(..., method=\"spearman\") on the two columns of seed004: the customers' "
             "importance and the company's self-rating.")),
    "03-worst-item": ("Downtown's largest shortfall", Label(
        _worst_item_downtown, ITEMS, noun="item id",
        right="Right: a responsiveness item. Read its wording: the guests' complaint is about "
              "willingness to help, not only about speed.",
        hint="Look down the Downtown column of by_item for its most negative value (or use "
             "by_item[\"Downtown\"].idxmin()), and give the item's id, such as \"q07\".")),
    "03-equal-points": ("Equal points for every dimension", Number(
        _equal_points_score,
        right="Right: with 20 points each, every dimension counts one fifth, which is exactly the "
              "mean of the five gaps: the unweighted score.",
        hint="Pass Downtown's guests only (survey[hotel == \"Downtown\"]) and weights={d: 20 for d "
             "in ck.servqual.DIMENSIONS}; the result is one number.")),
    "03-alpha-most-needed": ("The item assurance can least do without", Label(
        _most_needed_item, ITEMS, noun="item id",
        right="Right: leaving it out drops alpha the most. No item's removal raises alpha, so all "
              "four belong.",
        hint="In the table alpha_if_dropped returns, find the smallest alpha_without (the most "
             "negative change) and give that item's id.")),
    "03-below-adequate": ("Reliability answers below the guest's own minimum", Number(
        _share_below_adequate, kind="share",
        right="Right: about half of Lakeside's reliability answers are below what the same guest "
              "calls the least acceptable level.",
        hint="Split Lakeside's guests with split_survey(lakeside, \"A_\", \"P_\") (adequate and "
             "perceived), keep the five reliability columns of each, and take the mean of "
             "(perceived < adequate) over all the answers.")),
    "03-empathy-99": ("The empathy difference at 99 %", Number(
        _empathy_low_99,
        right="Right: the 99 % interval is wider but still entirely below 0: Downtown's empathy "
              "shortfall is larger, even at this stricter level.",
        hint="Use ck.servqual.compare_gaps(survey, by=\"property\", groups=hotels, method=\"t\", "
             "confidence=0.99) and read ci_low in the Empathy row.")),
}
