"""Kinds of answer a check can judge, each turning a learner's value into one :class:`Feedback`.

Every kind first asks "is it answered?" (``...`` or ``None`` is not), then "can I read it?"
(a format problem gets a message about the format only), then "is it right?". The expected
value may be given as a function, so that keys computed from the case data are only computed
when a check runs — and never appear in a lesson's or exercise's visible code.

Text answers ignore case, surrounding spaces and the difference between spaces, ``-`` and
``_`` unless a kind is told that case matters.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .feedback import Feedback

UNANSWERED = ""  # the box says "Not answered yet", and that is all it needs to say


def _resolve(value):
    return value() if callable(value) else value


def is_blank(value) -> bool:
    """The blank a learner has not replaced yet: ``...`` (and ``None`` for one part of a
    several-part answer, as the lessons' templates write it)."""
    return value is ...


NONE_MESSAGE = ("The answer is None, which holds no value. Check that the cell computes something: "
                "a function that only prints or draws gives None.")


def opening(value):
    """The verdict every kind gives before reading a value: not answered, or None."""
    if value is ...:
        return Feedback("unanswered", UNANSWERED)
    if value is None:
        return Feedback("format", NONE_MESSAGE)
    return None


def norm_text(text: str, case_matters: bool = False) -> str:
    """'Ground transport ' -> 'ground_transport' (spaces, '-' and '_' read alike)."""
    out = re.sub(r"[\s\-_]+", "_", str(text).strip())
    return out if case_matters else out.casefold()


def _open_part(value) -> bool:
    return value is ... or value is None


def _as_number(value):
    """(number, problem): a plain float, or why the value is not one."""
    import numpy as np

    if isinstance(value, bool) or isinstance(value, np.bool_):
        return None, "a number is needed here, not True or False"
    if isinstance(value, str):
        try:
            float(value.replace(",", "").replace("%", ""))
        except ValueError:
            return None, "a number is needed here, not text in quotes"
        return None, (f"write the number without quotes, like 0.25 rather than \"0.25\"")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None, f"a single number is needed here, not a {type(value).__name__}"
    if array.size != 1:
        return None, f"a single number is needed here, not {array.size} values"
    number = float(array.reshape(-1)[0])
    if math.isnan(number):
        return None, "the value is missing (NaN): check the calculation runs on numbers"
    return number, ""


@dataclass
class Number:
    """A number within a relative tolerance of the expected value.

    ``kind="share"`` asks for a share between 0 and 1 and recognises the same share written as
    a percentage (and ``kind="percent"`` the reverse) — a format problem, not a wrong answer.
    ``mistakes`` pairs a known wrong value (or a function giving it) with a targeted hint.
    """

    expected: object
    rel_tol: float = 1e-3
    kind: str = "number"
    right: str = "Right."
    hint: str = "Not the expected value yet."
    mistakes: Sequence = ()

    def judge(self, value) -> Feedback:
        if (first := opening(value)) is not None:
            return first
        number, problem = _as_number(value)
        if problem:
            return Feedback("format", problem[0].upper() + problem[1:] + ".")
        expected = float(_resolve(self.expected))
        if math.isclose(number, expected, rel_tol=self.rel_tol, abs_tol=1e-12):
            return Feedback("right", self.right)
        if self.kind == "share" and 1 < number <= 100 and math.isclose(number / 100, expected, rel_tol=self.rel_tol):
            return Feedback("format", "This looks like a percentage. Give it as a share between "
                                      "0 and 1 (for example 0.25 rather than 25).")
        if self.kind == "percent" and 0 <= number <= 1 and math.isclose(number * 100, expected, rel_tol=self.rel_tol):
            return Feedback("format", "This looks like a share between 0 and 1. Give it as a "
                                      "percentage (for example 25 rather than 0.25).")
        for wrong, hint in self.mistakes:
            if math.isclose(number, float(_resolve(wrong)), rel_tol=self.rel_tol, abs_tol=1e-12):
                return Feedback("hint", hint)
        return Feedback("hint", self.hint)


@dataclass
class Choice:
    """One of a few options given as text, such as "A", "B" or "same"."""

    expected: str
    options: Sequence[str]
    right: str = "Right."
    hint: str = "Not this one yet."
    case_matters: bool = False
    noun: str = "option"

    def _options_text(self) -> str:
        quoted = [f'"{o}"' for o in self.options]
        return ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else quoted[0]

    def judge(self, value) -> Feedback:
        if (first := opening(value)) is not None:
            return first
        if not isinstance(value, str):
            return Feedback("format", f"Answer with one of {self._options_text()}, as text in "
                                      f"quotes.")
        self.options = [str(o) for o in _resolve(self.options)]
        wanted = {norm_text(o, self.case_matters): o for o in self.options}
        given = norm_text(value, self.case_matters)
        if given not in wanted:
            return Feedback("format", f"{value!r} is not one of the {self.noun}s. Answer with one "
                                      f"of {self._options_text()}.")
        if norm_text(wanted[given], self.case_matters) == norm_text(_resolve(self.expected), self.case_matters):
            return Feedback("right", self.right)
        return Feedback("hint", self.hint)


@dataclass
class Parts:
    """Several parts, each with its own right answer: a group per incident, a letter per action.

    Accepts a mapping ``{part: answer}`` or, when ``letters=True``, a string with one letter per
    part (``"VHHVHV"``). ``allowed`` lists the acceptable answers per part. With ``per_part``
    the feedback says for every part whether it is right, with that part's explanation when it
    is and its own question to ask when it is not — the lesson form; without it, only how many
    are right and one hint — the exercise form.
    """

    expected: Mapping
    allowed: Sequence
    right: str = "Right: every part is in place."
    hint: str = "Not all parts are right yet."
    explain: Mapping = field(default_factory=dict)     # part -> why it is right
    ask: Mapping = field(default_factory=dict)         # part -> question to ask when it is not
    per_part: bool = True
    letters: bool = False
    case_matters: bool = False

    def _read(self, value):
        parts = list(self.expected)
        if self.letters:
            if not isinstance(value, str):
                return None, f"Give a text of {len(parts)} letters in quotes, such as \"{''.join(str(a) for a in self.allowed)[:len(parts)]}\"."
            letters = value.strip().replace(" ", "")
            if len(letters) != len(parts):
                return None, f"Give exactly {len(parts)} letters, one per part; this has {len(letters)}."
            return dict(zip(parts, letters)), ""
        if isinstance(value, Mapping):
            return dict(value), ""
        if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == len(parts):
            return dict(zip(parts, value)), ""
        return None, (f"Give one answer per part: a dictionary such as {{{parts[0]!r}: ...}} "
                      f"or a list of {len(parts)} answers in order.")

    def _same(self, a, b) -> bool:
        if isinstance(a, str) and isinstance(b, str):
            return norm_text(a, self.case_matters) == norm_text(b, self.case_matters)
        return a == b

    def judge(self, value) -> Feedback:
        if (first := opening(value)) is not None:
            return first
        given, problem = self._read(value)
        if problem:
            return Feedback("format", problem)
        allowed = ", ".join(repr(a) for a in self.allowed)
        if all(_open_part(given.get(p)) for p in self.expected):
            return Feedback("unanswered", "No part is answered yet: replace each ... with your answer.")
        strange = [p for p in self.expected if not _open_part(given.get(p))
                   and not any(self._same(given[p], a) for a in self.allowed)]
        if strange:
            return Feedback("format", f"Each answer must be one of {allowed}; "
                                      f"{', '.join(map(str, strange))} {'is' if len(strange) == 1 else 'are'} not.")
        items, right = [], 0
        for part, answer in self.expected.items():
            mine = given.get(part)
            if _open_part(mine):
                items.append((part, "unanswered", ""))
            elif self._same(mine, answer):
                right += 1
                items.append((part, "right", self.explain.get(part, "")))
            else:
                items.append((part, "hint", self.ask.get(part, "")))
        total = len(self.expected)
        if right == total:
            return Feedback("right", self.right, items=items if self.per_part else [])
        message = f"{right} of {total} right. {self.hint}"
        if any(status == "unanswered" for _, status, _ in items):
            message = f"{right} of {total} right so far; some parts are still open. {self.hint}"
        return Feedback("hint", message, items=items if self.per_part else [])


@dataclass
class Label(Choice):
    """A name from a known list — a column, a touchpoint — read without regard to case or to
    spaces versus underscores ("Ground transport" is "ground_transport")."""

    noun: str = "name"


@dataclass
class SeriesOf:
    """A pandas Series with the expected labels, in order, and values within a tolerance."""

    expected: object
    rel_tol: float = 1e-3
    right: str = "Right."
    hint: str = "Not the expected values yet."
    what: str = "one value per label"

    def judge(self, value) -> Feedback:
        import numpy as np
        import pandas as pd

        if (first := opening(value)) is not None:
            return first
        expected = _resolve(self.expected)
        if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
            value = value.iloc[:, 0]
        if not isinstance(value, pd.Series):
            return Feedback("format", f"Give a pandas Series ({self.what}), not a "
                                      f"{type(value).__name__}.")
        if list(value.index) != list(expected.index):
            return Feedback("format", f"The Series should be labelled {self.what}, in the order "
                                      f"{', '.join(map(str, expected.index[:3]))}, …")
        try:
            got = value.to_numpy(dtype=float)
        except (TypeError, ValueError):
            return Feedback("format", "The Series should hold numbers.")
        if np.allclose(got, expected.to_numpy(dtype=float), rtol=self.rel_tol, atol=1e-12):
            return Feedback("right", self.right)
        return Feedback("hint", self.hint)


@dataclass
class Custom:
    """A check written as a function ``value -> Feedback`` (for answers no kind above fits)."""

    judge_with: Callable

    def judge(self, value) -> Feedback:
        if (first := opening(value)) is not None:
            return first
        return self.judge_with(value)


@dataclass
class YesNo:
    """True or False."""

    expected: object
    right: str = "Right."
    hint: str = "Not this one yet."

    def judge(self, value) -> Feedback:
        import numpy as np

        if (first := opening(value)) is not None:
            return first
        if isinstance(value, str):
            return Feedback("format", "Write True or False without quotes: they are Python's "
                                      "yes and no, not text.")
        if not isinstance(value, (bool, np.bool_)):
            return Feedback("format", "Answer with True or False.")
        return Feedback("right", self.right) if bool(value) == bool(_resolve(self.expected)) \
            else Feedback("hint", self.hint)


@dataclass
class Picks:
    """A few options picked from a list, in any order: "the three moments to fix first"."""

    expected: object          # the right picks (a string of letters or a list)
    options: Sequence
    right: str = "Right."
    hint: str = "Not this set yet."

    def judge(self, value) -> Feedback:
        if (first := opening(value)) is not None:
            return first
        expected = {norm_text(x) for x in _resolve(self.expected)}
        count = len(expected)
        if isinstance(value, str):
            picks = [c for c in value if not c.isspace() and c not in ",;"]
        elif isinstance(value, (list, tuple, set)):
            picks = list(value)
        else:
            return Feedback("format", f"Give {count} picks in one text, such as \"ABC\", or as a list.")
        picks = {norm_text(p) for p in picks}
        allowed = {norm_text(o) for o in self.options}
        if len(picks) != count or not picks <= allowed:
            return Feedback("format", f"Give exactly {count} different picks from "
                                      f"{', '.join(map(str, self.options))}.")
        if picks == expected:
            return Feedback("right", self.right)
        return Feedback("hint", f"{len(picks & expected)} of {count} are right. {self.hint}")


@dataclass
class Together:
    """A question with several answer variables, judged together: right only when every part
    is right; a format problem or an open part is reported first."""

    parts: Mapping            # variable name -> answer kind
    right: str = "Right."

    def judge(self, values: Mapping) -> Feedback:
        if not isinstance(values, Mapping):
            return Feedback("unanswered", UNANSWERED)
        verdicts = {name: kind.judge(values.get(name, ...)) for name, kind in self.parts.items()}
        if all(v.status == "unanswered" for v in verdicts.values()):
            return Feedback("unanswered", UNANSWERED)
        items = [(name, v.status, v.message if v.status != "unanswered" else "")
                 for name, v in verdicts.items()]
        # A format problem first (the answer cannot be read), then a part that is answered but
        # not right (its hint is what helps), and only then parts still open.
        for status in ("format", "hint", "unanswered"):
            if any(v.status == status for v in verdicts.values()):
                first = next(v for v in verdicts.values() if v.status == status)
                return Feedback(status, first.message if status != "unanswered" else
                                "Some parts are still open.", items=items)
        return Feedback("right", self.right, items=items)
