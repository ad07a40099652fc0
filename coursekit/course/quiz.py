"""Knowledge checks: multiple-choice and numeric questions with feedback on every answer.

Rendering is done by jupyterquiz (PyPI ``jupyterquiz``, maintained, works in JupyterLab 4 and
in static HTML such as the instructor handouts). This module adds what a course needs on top:
questions are checked before they are shown (every answer carries feedback, every question has
a right answer), the colours are colour-blind safe, and the output is the same on every run so
saved notebooks do not change when nothing changed.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

from ..core import InputError
from ..style import OKABE_ITO

# jupyterquiz's own palette marks right/wrong in red and green; these keep contrast for
# colour-vision deficiency (the feedback text says "correct"/"incorrect" as well).
COLOURS = {
    "--jq-multiple-choice-bg": "#2F4B7C",
    "--jq-many-choice-bg": "#2F4B7C",
    "--jq-numeric-bg": "#2F4B7C",
    # The answer box of a numeric question shows white text: keep its background dark enough
    # for WCAG AA contrast (jupyterquiz's own is light grey).
    "--jq-numeric-input-bg": "#1B2A45",
    "--jq-numeric-input-shadow": "#000000",
    "--jq-string-bg": "#2F4B7C",
    "--jq-incorrect-color": OKABE_ITO["vermillion"],
    "--jq-correct-color": OKABE_ITO["sky blue"],
    "--jq-text-color": "#FFFFFF",
    "--jq-link-color": "#FFFFFF",
}
KINDS = {"multiple_choice", "many_choice", "numeric"}


def load_questions(source) -> list[dict]:
    """Read questions from a JSON file (or take a list) and check that each is well formed.

    Raises
    ------
    InputError
        Naming the question (by number and start of its text) and what is wrong with it.

    Examples
    --------
    >>> q = [{"question": "Who coined 'Moment of Truth' for services?",
    ...       "type": "multiple_choice",
    ...       "answers": [{"answer": "Normann", "correct": True, "feedback": "Yes, in 1984."},
    ...                   {"answer": "Kano", "correct": False}]}]
    >>> load_questions(q)
    Traceback (most recent call last):
    ...
    coursekit.InputError: Question 1 ("Who coined 'Moment of Truth' for services?"): answer 2 ('Kano') has no feedback. Every answer needs a "feedback" text that says why it is right or wrong.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise InputError(f"No knowledge-check file at {path}. Quizzes live in notebooks/quizzes/.")
        questions = json.loads(path.read_text(encoding="utf-8"))
    else:
        questions = source
    if not isinstance(questions, list) or not questions:
        raise InputError("A knowledge check needs a non-empty list of questions.")
    for number, question in enumerate(questions, start=1):
        _check_question(number, question)
    return questions


def _check_question(number: int, question: dict) -> None:
    text = str(question.get("question", ""))
    where = f"Question {number} ({text[:60]!r})" if text else f"Question {number}"
    kind = question.get("type")
    if kind not in KINDS:
        raise InputError(f"{where}: type {kind!r} is not supported. Allowed: {', '.join(sorted(KINDS))}.")
    answers = question.get("answers") or []
    if not text or not answers:
        raise InputError(f"{where}: needs a question text and a list of answers.")
    for position, answer in enumerate(answers, start=1):
        label = answer.get("answer", answer.get("value", answer.get("range", answer.get("type"))))
        if not str(answer.get("feedback", "")).strip():
            raise InputError(
                f"{where}: answer {position} ({label!r}) has no feedback. Every answer needs a "
                '"feedback" text that says why it is right or wrong.'
            )
    if not any(answer.get("correct") for answer in answers):
        raise InputError(f"{where}: no answer is marked correct.")
    if kind == "numeric" and not any(answer.get("type") == "default" for answer in answers):
        raise InputError(f'{where}: a numeric question needs a {{"type": "default"}} answer whose '
                         "feedback covers every other number typed.")


def shuffled(questions: list[dict]) -> list[dict]:
    """The questions with each question's answers in a shuffled order, the same on every run.

    Where the right answer goes is drawn evenly over the positions across the quiz (a seeded
    shuffle of a balanced list), and the other answers are shuffled around it with a seed made
    of the question's own text. So a saved notebook does not change when nothing changed, and
    no position holds the right answer in most questions.

    >>> q = [{"question": f"Q{i}?", "type": "multiple_choice",
    ...       "answers": [{"answer": a, "correct": a == "x", "feedback": "."} for a in "xyz"]}
    ...      for i in range(6)]
    >>> sorted(next(j for j, a in enumerate(x["answers"]) if a["correct"]) for x in shuffled(q))
    [0, 0, 1, 1, 2, 2]
    """
    choice = [q for q in questions if q.get("type") in {"multiple_choice", "many_choice"}
              and sum(bool(a.get("correct")) for a in q["answers"]) == 1]
    quiz_seed = hashlib.sha256("".join(q["question"] for q in questions).encode()).hexdigest()
    places = [i % len(q["answers"]) for i, q in enumerate(choice)]
    random.Random(quiz_seed).shuffle(places)
    target = {id(q): place % len(q["answers"]) for q, place in zip(choice, places)}
    out = []
    for question in questions:
        copy = dict(question)
        if question.get("type") in {"multiple_choice", "many_choice"}:
            answers = list(question["answers"])
            random.Random(hashlib.sha256(question["question"].encode()).hexdigest()).shuffle(answers)
            if id(question) in target:
                right = next(a for a in answers if a.get("correct"))
                answers.remove(right)
                answers.insert(target[id(question)], right)
            copy["answers"] = answers
        out.append(copy)
    return out


# jupyterquiz's script loads MathJax from a CDN when it finds a MathJax 3 without `typeset`
# (as JupyterLab 4 has), and reads `MathJax.version[0]` where JupyterLab defines no version.
# Our quizzes hold no mathematics, so the script is made to leave MathJax alone: nothing is
# fetched from off the machine, and no JavaScript error is raised.
_MATHJAX_TEST = re.compile(r"typeof MathJax !?= ?'undefined'")
_REMOTE_SCRIPT = re.compile(r"script\.src\s*=\s*'https?://[^']*';")


def offline_script(script: str) -> str:
    """jupyterquiz's JavaScript with every route to a remote MathJax closed."""
    script = _MATHJAX_TEST.sub("false", script)
    return _REMOTE_SCRIPT.sub("/* coursekit: no script is loaded from the network */", script)


def knowledge_check(source) -> None:
    """Show a knowledge check: questions with feedback on every answer.

    The answers of each question appear in a shuffled order that is the same on every run, and
    nothing is fetched from off the machine (quizzes work offline and in static HTML).

    Used in: lessons 00, 01, 02, 03, 04, 05, 06, 07, 08; notebook your_own_survey.

    Parameters
    ----------
    source : path or list of dict
        A JSON file in jupyterquiz's format (see ``notebooks/quizzes/``), or the list itself.

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.knowledge_check("no/such/file.json")
    Traceback (most recent call last):
    ...
    coursekit.InputError: No knowledge-check file at no/such/file.json. Quizzes live in notebooks/quizzes/.
    """
    from IPython.display import Javascript, display
    from jupyterquiz import display_quiz
    from jupyterquiz.dynamic import display as quiz_display

    questions = shuffled(load_questions(source))
    # jupyterquiz names its HTML element with random letters; seeding from the questions keeps
    # saved notebooks stable, and restoring the state leaves the learner's own draws alone.
    seed = hashlib.sha256(json.dumps(questions, sort_keys=True).encode()).hexdigest()
    state = random.getstate()
    random.seed(seed)
    # jupyterquiz displays its HTML and JavaScript itself; collect them to close the script's
    # routes to the network before they are shown.
    collected, show = [], quiz_display.display
    quiz_display.display = collected.append
    try:
        display_quiz(questions, colors=COLOURS, shuffle_answers=False)
    finally:
        quiz_display.display = show
        random.setstate(state)
    for item in collected:
        display(Javascript(offline_script(item.data)) if isinstance(item, Javascript) else item)
