"""A lesson's knowledge check given as a pre-test and a post-test (docs/methods.md §8.2).

The questions are those of ``notebooks/quizzes/NN_slug.json``, the lesson's own knowledge check.
As a test they are shown without feedback and without saying which answer is right: the board
sends a learner's notebook only the questions and the answers to choose from
(:func:`public_questions`), and judges what comes back itself (:func:`is_right`), by the same
rules jupyterquiz applies in the lesson.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from ..core import InputError
from ..course.lessons import NOTEBOOKS, lesson, lessons
from ..course.quiz import load_questions, shuffled

QUIZZES = NOTEBOOKS / "quizzes"


def quiz_path(number, folder: Path | None = None) -> Path:
    """The knowledge-check file of lesson *number*."""
    item = lesson(number)
    return Path(folder or QUIZZES) / f"{item.slug}.json"


def lessons_with_tests(folder: Path | None = None) -> list[str]:
    """Numbers of the lessons that have a knowledge check to give as a test.

    >>> lessons_with_tests()[:3]
    ['00', '01', '02']
    """
    return [item.number for item in lessons() if quiz_path(item.number, folder).is_file()]


@lru_cache(maxsize=32)
def _questions(path: str) -> tuple:
    return tuple(shuffled(load_questions(path)))


def questions(number, folder: Path | None = None) -> list[dict]:
    """Lesson *number*'s knowledge-check questions, answers in the order the lesson shows them."""
    path = quiz_path(number, folder)
    if not path.is_file():
        raise InputError(f"Lesson {lesson(number).number} has no knowledge check ({path.name}).")
    return list(_questions(str(path)))


def public_questions(items: list[dict]) -> list[dict]:
    """What a learner's notebook is sent: each question's text, its kind and, for choices, the
    answers' texts — nothing that says which is right.

    >>> shown = public_questions(questions("02"))
    >>> sorted(shown[0])
    ['kind', 'number', 'options', 'question']
    >>> shown[1]["kind"], shown[1]["options"]
    ('number', [])
    """
    out = []
    for number, item in enumerate(items, start=1):
        choice = item["type"] in ("multiple_choice", "many_choice")
        out.append({"number": number, "question": item["question"],
                    "kind": "choice" if choice else "number",
                    "options": [str(a["answer"]) for a in item["answers"]] if choice else []})
    return out


def _as_number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip().replace(",", "")
        if "/" in value:  # jupyterquiz reads "3/4" as a fraction
            top, _, bottom = value.partition("/")
            try:
                return float(top) / float(bottom)
            except (ValueError, ZeroDivisionError):
                return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _significant(value: float, digits) -> float:
    return float(f"{value:.{int(digits)}g}") if digits else value


def is_right(item: dict, given) -> bool:
    """Whether *given* answers the knowledge-check question *item* right.

    Choices: the text of an answer marked correct. Numbers, as jupyterquiz does: the answer is
    rounded to the question's ``precision`` (significant digits), then the first answer entry
    it matches decides — an equal ``value`` or a ``range`` [low, high) —, and a number that
    matches none is not right.

    >>> item = {"type": "numeric", "precision": 3, "answers": [
    ...     {"type": "value", "value": 35.8, "correct": True},
    ...     {"type": "range", "range": [0, 100], "correct": False}]}
    >>> is_right(item, 35.76), is_right(item, "35.8"), is_right(item, 36), is_right(item, None)
    (True, True, False, False)
    """
    if given is None:
        return False
    if item["type"] in ("multiple_choice", "many_choice"):
        chosen = given if isinstance(given, list) else [given]
        right = {str(a["answer"]) for a in item["answers"] if a.get("correct")}
        return {str(x) for x in chosen} == right if item["type"] == "many_choice" \
            else len(chosen) == 1 and str(chosen[0]) in right
    number = _as_number(given)
    if number is None:
        return False
    digits = item.get("precision")
    number = _significant(number, digits)
    for answer in item["answers"]:
        if "value" in answer:
            if math.isclose(number, _significant(float(answer["value"]), digits),
                            rel_tol=1e-12, abs_tol=1e-12):
                return bool(answer.get("correct"))
        elif "range" in answer:
            low, high = answer["range"]
            if low <= number < high:
                return bool(answer.get("correct"))
    return False


def marks(items: list[dict], answers: dict) -> dict[str, bool | None]:
    """``{"1": True, "2": False, ...}`` for a learner's *answers* ({question number: answer});
    ``None`` for a question left unanswered."""
    out = {}
    for number, item in enumerate(items, start=1):
        given = answers.get(str(number))
        out[str(number)] = None if given is None or given == "" else is_right(item, given)
    return out
