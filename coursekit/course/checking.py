"""Checking a learner's answers: ``ck.check(...)`` for a lesson's "Your turn" cells and
``grader = ck.exercise(...)`` for an exercise notebook.

The answer keys live in :mod:`coursekit.course.keys`, never in a lesson's or an exercise's
visible code, and what the learner sees is a :class:`~coursekit.course.feedback.Feedback`: one
calm box with one hint, never a traceback, never the expected answer.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..core import InputError
from . import keys
from .feedback import Feedback, Progress


def check(key: str, answer) -> Feedback:
    """Check the answer to one of a lesson's "Your turn" questions.

    Parameters
    ----------
    key : str
        The question's name as the lesson gives it, such as ``"01-kinds-of-mot"``.
    answer
        Your answer, in the form the lesson asks for.

    Returns
    -------
    Feedback
        Shown as a box: right, a hint, a note about the answer's format, or "not answered yet".

    Used in: lessons 00, 01, 02, 03, 04, 05, 06, 07, 08.

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.check("01-kinds-of-mot", {"A": 2, "B": 1, "C": 1, "D": None, "E": 4, "F": 3})
    Four kinds of Moments of Truth · Not yet — a hint: 4 of 6 right so far; some parts are still open. ...
      A: right — the passenger asked for help with a special need, and the employee answered it.
      B: right — the system failed, and the employees' response is what passengers remember.
      C: not yet — did anyone ask the agent to phone ahead?
      D: open
      E: right — the trouble comes from the customer's behaviour, not from the airport.
      F: right — an unprompted, unsolicited act: nobody asked the cleaner.
    >>> ck.check("no-such-question", 1)
    Traceback (most recent call last):
    ...
    coursekit.InputError: There is no check called 'no-such-question'. Checks of lesson no: none. Copy the name from the lesson's cell.
    """
    title, answer_kind = keys.lesson_check(key)
    feedback = answer_kind.judge(answer)
    feedback.title = title
    return feedback


def _user_namespace():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return None
    shell = get_ipython()
    return None if shell is None else shell.user_ns


def _friendly_name_errors() -> None:
    """In a notebook, show an unknown name (``answer = B`` instead of ``"B"``) as a format note
    instead of a traceback."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is None:
        return

    def explain(shell, etype, value, tb, tb_offset=None):
        found = re.search(r"name '(\w+)'", str(value))
        name = getattr(value, "name", None) or (found.group(1) if found else "this name")
        display(Feedback("format", f"Python does not know the name {name}. If you meant the text "
                                   f"{name}, put it in quotes: \"{name}\". If {name} is a variable "
                                   f"from an earlier cell, run that cell first.",
                         title="Name not found"))
        return []

    shell.set_custom_exc((NameError,), explain)


class _MissingValue:
    """Stands for a variable the learner has not created yet."""

    def __repr__(self) -> str:
        return "<not created yet>"


MISSING = _MissingValue()


def exercise(name: str):
    """The grader of an exercise notebook: ``grader = ck.exercise("01_moments_of_truth")``.

    ``grader.check("q1")`` shows feedback on question 1 (reading the answer variable the question
    names); ``grader.check_all()`` a table of every question; ``grader.export()`` makes the file
    to hand in. It is an otter-grader ``Notebook``, so otter's grading and hand-in zip files work
    as usual.

    Used in: library only (the exercise notebooks create it).
    """
    return _exercise_class()(name)


class _ExerciseChecks:
    """Our checks, put in front of otter-grader's ``Notebook`` by :func:`_exercise_class`."""

    def __init__(self, name: str):
        # otter reads the notebook's metadata when it can find it (it can, in the exercise's own
        # folder); elsewhere, in a test say, the checks work without it.
        notebook = f"{name}.ipynb"
        super().__init__(notebook if Path(notebook).is_file() else None)
        self.name = name
        self.questions = keys.exercise_questions(name)
        _friendly_name_errors()

    def _value(self, question: str):
        return self.questions[question].read(_user_namespace() or {}, MISSING)

    def feedback(self, question: str, value=MISSING) -> Feedback:
        """The verdict on *question*, for *value* or else the notebook's answer variable."""
        if question not in self.questions:
            raise InputError(f"This exercise has no question {question!r}. Its questions: "
                             f"{', '.join(self.questions)}.")
        spec = self.questions[question]
        if value is MISSING:
            value = self._value(question)
        if value is MISSING:
            names = spec.variable if isinstance(spec.variable, str) else " or ".join(spec.variable)
            result = Feedback("unanswered", f"There is no {names} yet: run the cell with your "
                                            f"answer first.")
        else:
            result = spec.answer.judge(value)
        result.title = f"Question {question[1:]}" if question[1:].isdigit() else question
        return result

    def check(self, question: str) -> Feedback:
        """Feedback on one question, read from the notebook's variables."""
        return self.feedback(question)

    def passes(self, question: str, *values) -> bool:
        """True when *values* (one per answer variable of *question*) answer it right: what the
        exercise's grading tests call."""
        spec = self.questions.get(question)
        if spec is not None and not isinstance(spec.variable, str):
            values = (dict(zip(spec.variable, values)),)
        return self.feedback(question, values[0]).passed

    def check_all(self) -> Progress:
        """A table of every question: right, not yet, format, or not answered."""
        return Progress([(q, self.feedback(q)) for q in self.questions],
                        title=f"Exercise {self.name[:2]}")


@lru_cache(maxsize=1)
def _exercise_class():
    # Built on first use so that `import coursekit` never imports otter.
    from otter import Notebook

    return type("Exercise", (_ExerciseChecks, Notebook), {"__module__": __name__})
