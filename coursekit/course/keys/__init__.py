"""The answer keys of the lessons' "Your turn" checks and of the exercises.

They live here, in the library, so that no lesson or exercise notebook carries an answer in its
visible code or in its metadata: a notebook only names the check (``ck.check("01-kinds-of-mot",
...)``, ``grader.check("q1")``). Expected values that come from the case data are computed, by an
independent route, only when a check runs.

``lessonNN.py`` defines ``CHECKS = {name: (title, answer kind)}``; ``exerciseNN.py`` defines
``QUESTIONS = {"q1": Question(variable, answer kind), ...}``. The answer kinds are in
:mod:`coursekit.course.answers`.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from ...core import InputError


@dataclass(frozen=True)
class Question:
    """One exercise question: the variable (or variables) holding the answer, and its key."""

    variable: str | tuple
    answer: object

    def read(self, namespace, missing):
        if isinstance(self.variable, str):
            return namespace.get(self.variable, missing)
        values = {name: namespace.get(name, ...) for name in self.variable}
        return missing if all(namespace.get(n, missing) is missing for n in self.variable) else values


def _module(kind: str, number: str):
    name = f"{__name__}.{kind}{number}"
    return import_module(name) if number.isdigit() and find_spec(name) else None


def lesson_check(key: str):
    """(title, answer kind) of the lesson check called *key*, such as ``"01-kinds-of-mot"``."""
    key = str(key).strip()
    module = _module("lesson", key[:2])
    checks = getattr(module, "CHECKS", {})
    if key not in checks:
        known = ", ".join(repr(k) for k in checks) or "none"
        raise InputError(f"There is no check called {key!r}. Checks of lesson {key[:2]}: {known}. "
                         f"Copy the name from the lesson's cell.")
    return checks[key]


def exercise_questions(name: str) -> dict:
    """The questions of the exercise *name* (``"01_moments_of_truth"`` or ``"01"``)."""
    module = _module("exercise", str(name)[:2])
    if module is None:
        raise InputError(f"There is no exercise {name!r}.")
    return module.QUESTIONS
