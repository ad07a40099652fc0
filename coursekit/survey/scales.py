"""Labelled scale points turned into numbers: "7 - Strongly agree" -> 7, "非常满意" -> 5.

A scale is declared in one of four ways:

* a pair ``(low, high)``: answers are numbers, or labels that start or end with their number
  ("7 - Strongly agree", "7=非常同意", "5分", "非常满意(5)");
* a list of labels, lowest first: the first is 1, the next 2, ...;
* a mapping ``{label: number}``;
* the name of one of the common label sets in :data:`SCALES` (``"satisfied5"``, ...), each
  with its English and Chinese wording.

Labels are compared after the clean-up of :func:`coursekit.survey.text.clean_text`, ignoring
case, so "非常 满意。" and "VERY SATISFIED" are understood.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..core import InputError, parse_scale, raise_bad_values
from .text import clean_text, is_skip_mark

#: Common label sets, lowest point first; each point lists its English and Chinese wordings.
SCALES: dict[str, tuple[tuple[str, ...], ...]] = {
    "agree5": (("Strongly disagree", "非常不同意"), ("Disagree", "不同意", "比较不同意"),
               ("Neither agree nor disagree", "Neutral", "一般", "中立", "说不清"),
               ("Agree", "同意", "比较同意"), ("Strongly agree", "非常同意")),
    "agree7": (("Strongly disagree", "非常不同意"), ("Disagree", "不同意"),
               ("Somewhat disagree", "有点不同意", "比较不同意"),
               ("Neither agree nor disagree", "Neutral", "一般", "中立", "说不清"),
               ("Somewhat agree", "有点同意", "比较同意"), ("Agree", "同意"),
               ("Strongly agree", "非常同意")),
    "satisfied5": (("Very dissatisfied", "非常不满意"), ("Dissatisfied", "不满意", "比较不满意"),
                   ("Neither satisfied nor dissatisfied", "Neutral", "一般", "中立", "说不清"),
                   ("Satisfied", "满意", "比较满意"), ("Very satisfied", "非常满意")),
    "satisfied7": (("Extremely dissatisfied", "极不满意", "非常不满意"),
                   ("Moderately dissatisfied", "不满意"),
                   ("Slightly dissatisfied", "有点不满意", "比较不满意"),
                   ("Neither satisfied nor dissatisfied", "Neutral", "一般", "中立"),
                   ("Slightly satisfied", "有点满意", "比较满意"), ("Moderately satisfied", "满意"),
                   ("Extremely satisfied", "极其满意", "非常满意")),
    "important5": (("Not at all important", "非常不重要", "完全不重要"),
                   ("Slightly important", "不太重要", "不重要"),
                   ("Moderately important", "一般", "一般重要"), ("Very important", "重要", "比较重要"),
                   ("Extremely important", "非常重要")),
    "quality5": (("Very poor", "很差", "非常差"), ("Poor", "差", "较差"), ("Fair", "一般"),
                 ("Good", "好", "较好"), ("Excellent", "很好", "非常好")),
}

_LEADING = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*(?:$|[-–—=:：.、)）]|分|\s)")
_TRAILING = re.compile(r"[(（]\s*([+-]?\d+(?:\.\d+)?)\s*(?:分)?\s*[)）]\s*$")


def _key(text) -> str:
    return str(clean_text(str(text))).casefold()


class Scale:
    """A declared answer scale: its labels (if any) and its range."""

    def __init__(self, spec, name: str = "scale"):
        self.labels: dict[str, float] = {}
        self.shown: dict[str, float] = {}  # labels as the user wrote them, for messages
        if isinstance(spec, str):
            if spec not in SCALES:
                raise InputError(f"{name}={spec!r} is not a known scale. Allowed: "
                                 f"{', '.join(repr(k) for k in SCALES)}, a list of labels (lowest "
                                 f"first), a mapping {{label: number}}, or a pair (low, high).")
            for number, wordings in enumerate(SCALES[spec], start=1):
                for wording in wordings:
                    self.labels[_key(wording)] = float(number)
                self.shown[wordings[0]] = float(number)
            self.low, self.high = 1.0, float(len(SCALES[spec]))
        elif isinstance(spec, Mapping):
            for label, number in spec.items():
                try:
                    value = float(number)
                except (TypeError, ValueError):
                    raise InputError(f"{name}= maps {label!r} to {number!r}, which is not a number. "
                                     f"Allowed: a mapping such as {{'非常满意': 5}}.") from None
                self.labels[_key(label)] = value
                self.shown[str(label)] = value
            if not self.labels:
                raise InputError(f"{name}= is an empty mapping: give at least two labels.")
            self.low, self.high = min(self.labels.values()), max(self.labels.values())
        elif isinstance(spec, Sequence) and spec and all(isinstance(v, str) for v in spec):
            if len(spec) < 2:
                raise InputError(f"{name}= lists one label; a scale needs at least two.")
            for number, label in enumerate(spec, start=1):
                self.labels[_key(label)] = float(number)
                self.shown[label] = float(number)
            self.low, self.high = 1.0, float(len(spec))
        else:
            self.low, self.high = parse_scale(spec, name)

    def describe(self) -> str:
        shown = ", ".join(f"{label!r} = {number:g}" for label, number in list(self.shown.items())[:7])
        numbers = f"numbers from {self.low:g} to {self.high:g}"
        return f"{numbers}, or labels ({shown}{', ...' if len(self.shown) > 7 else ''})" \
            if self.labels else f"{numbers} (or labels that start with one, like '7 - Strongly agree')"

    def point(self, value) -> float | None:
        """The number of one answer; NaN for a missing answer; None if it is not on the scale."""
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            return np.nan
        if isinstance(value, (bool, np.bool_)):
            return None
        if isinstance(value, (int, float, np.integer, np.floating)):
            number = float(value)
        else:
            text = clean_text(str(value))
            if is_skip_mark(text):
                return np.nan
            key = text.casefold()
            if key in self.labels:
                return self.labels[key]
            match = _LEADING.match(text) or _TRAILING.search(text)
            if match is None:
                return None
            number = float(match.group(1))
        return number if self.low <= number <= self.high else None


def convert(values: pd.Series, scale: Scale, column, missing=()) -> tuple[pd.Series, np.ndarray]:
    """(*values* as numbers, mask of entries not on the scale). Entries equal to one of
    *missing* (compared after clean-up) become missing."""
    missing_keys = {_key(m) for m in missing if isinstance(m, str)}
    missing_numbers = {float(m) for m in missing if isinstance(m, (int, float)) and not isinstance(m, bool)}
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    numbers = np.empty(len(uniques) + 1)
    bad_unique = np.zeros(len(uniques) + 1, dtype=bool)
    for j, value in enumerate(uniques):
        if (isinstance(value, str) and _key(value) in missing_keys) or (
                not isinstance(value, str) and _as_float(value) in missing_numbers):
            numbers[j] = np.nan
            continue
        point = scale.point(value)
        if point is None:
            bad_unique[j] = True
            numbers[j] = np.nan
        else:
            numbers[j] = point
    numbers[-1] = np.nan
    out = pd.Series(numbers[codes], index=values.index, name=values.name)
    return out, bad_unique[codes]


def _as_float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def to_numbers_column(values: pd.Series, scale: Scale, column, missing=()) -> pd.Series:
    """*values* as numbers on *scale*; InputError naming every entry that is not on it."""
    out, bad = convert(values, scale, column, missing)
    if bad.any():
        raise_bad_values(column, values, pd.Series(bad, index=values.index),
                         f"{scale.describe()}; declare a 'not applicable' answer with "
                         f"na_values=[...]", problem="answers that are not on the scale")
    return out
