"""Pieces several table layouts share: the hotels, rating columns, the SERVQUAL item columns and
the 100-point weights rule. Kept apart from ``tables.py`` so that the layout modules it
gathers (``gap_tables.py``, ``chain_tables.py``) can use them without importing it back.
"""
from __future__ import annotations

from ..servqual import DIMENSION_ITEMS, DIMENSIONS, DIMENSIONS_ZH
from .schema import Column, problem_text

#: The chain's two hotels, as every hotel table spells them.
SERVQUAL_PROPERTIES = ("Downtown", "Lakeside")


def rating(name, en, zh, lo=1, hi=7, missing=True, unit="1-7 scale") -> Column:
    """A whole-number answer on a rating scale (blank allowed: a question left out)."""
    return Column(name, "int", en, zh, unit=unit, lo=lo, hi=hi, missing=missing)


def servqual_items(prefix: str, en: str, zh: str, scale_en: str, scale_zh: str,
                   unit: str) -> list[Column]:
    """The 22 item columns ``<prefix>q01`` ... ``<prefix>q22`` of one SERVQUAL-style block."""
    cols = []
    for dim in DIMENSIONS:
        for item in DIMENSION_ITEMS[dim]:
            cols.append(rating(
                f"{prefix}{item}", f"{en}, SERVQUAL item {item} ({dim}; wording in "
                f"coursekit.servqual.ITEMS), {scale_en}",
                f"SERVQUAL 第 {int(item[1:])} 项（{DIMENSIONS_ZH[dim]}）的{zh}，{scale_zh}",
                unit=unit))
    return cols


def weight_columns(en: str, zh: str) -> list[Column]:
    """``w_tangibles`` ... ``w_empathy``: 100 points split over the five dimensions.

    *en* and *zh* say who gives the points, with ``{dim}`` where the dimension goes."""
    return [Column(f"w_{dim.lower()}", "int", en.format(dim=dim),
                   zh.format(dim=DIMENSIONS_ZH[dim]), unit="points", lo=0, hi=100, missing=True)
            for dim in DIMENSIONS]


def weights_sum(df) -> list[str]:
    """Whole-table rule: each row's five weights add up to 100 (rows with a blank are skipped)."""
    cols = [f"w_{d.lower()}" for d in DIMENSIONS]
    total = df[cols].sum(axis=1, min_count=len(cols))
    bad = total.notna() & (total != 100)
    if not bad.any():
        return []
    return [problem_text("w_tangibles … w_empathy", total, bad,
                         "weights that do not add up to 100 (row totals shown)",
                         "points that add up to exactly 100 in each row")]


WEIGHTS_RULE = (tuple(f"w_{d.lower()}" for d in DIMENSIONS), weights_sum)
