"""The pre-test and post-test in a learner's notebook, and the learner's certificate.

``ck.classroom.pretest("02")`` shows lesson 02's knowledge-check questions as a form — without
feedback and without marking any answer — and a button that sends the answers to the board.
The questions come from the lesson's own quiz file on this computer, so the form appears even
when the board cannot be reached; the answers then wait in the queue like any other.
"""
from __future__ import annotations

import html
import string
from pathlib import Path

from ..core import InputError
from . import localqueue, prepost
from .client import (HUB_CODE, Receipt, _flush, _plain, _request, _settings, _Unreachable,
                     _waiting, authorization)


def _letters(count: int) -> list[str]:
    return list(string.ascii_uppercase[:count])


def _resolve(items: list[dict], answers: dict) -> dict:
    """Learner's answers ({1: "B", 2: 35.8}) as the board reads them ({"1": text, "2": 35.8})."""
    shown = prepost.public_questions(items)
    out = {}
    for key, value in answers.items():
        number = str(key).strip()
        if not number.isdigit() or not 1 <= int(number) <= len(shown):
            raise InputError(f"There is no question {key!r}: this test has questions 1 to "
                             f"{len(shown)}.")
        question = shown[int(number) - 1]
        value = _plain(value, f"The answer to question {number}")
        if question["kind"] == "choice" and isinstance(value, str):
            letters = _letters(len(question["options"]))
            if value.strip().upper() in letters:
                value = question["options"][letters.index(value.strip().upper())]
        out[number] = value
    return out


def send_test(lesson, phase: str, answers: dict) -> Receipt:
    """Send your answers to a lesson's pre-test or post-test (the first sending counts).

    Used in: library only (what the form's button does).

    Parameters
    ----------
    lesson : str or int
        The lesson, such as ``"02"``.
    phase : str
        ``"pre"`` before the lesson, ``"post"`` after it.
    answers : dict
        ``{question number: answer}``: a letter or the answer's text for a choice, a number for
        a numeric question. Questions left out count as not answered.

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.classroom.send_test("02", "during", {1: "A"})
    Traceback (most recent call last):
    ...
    coursekit.InputError: phase='during' is not an option. Allowed: 'pre', 'post'.
    """
    if phase not in ("pre", "post"):
        raise InputError(f"phase={phase!r} is not an option. Allowed: 'pre', 'post'.")
    number = prepost.lesson(lesson).number
    items = prepost.questions(number)
    if not isinstance(answers, dict):
        raise InputError("The answers are a dictionary {question number: answer}, such as "
                         "{1: \"B\", 2: 35.8}.")
    settings = _settings()
    if not settings.learner:
        raise InputError("The tests need your name: run ck.classroom.join(board, code, "
                         "learner=\"Your name\") again with your name.")
    body = {"answers": _resolve(items, answers), "learner": settings.learner,
            "client_id": localqueue.new_id()}
    path = localqueue.enqueue(settings, f"/api/tests/{number}/{phase}", body,
                              f"{phase}-test of lesson {number}")
    _, mine = _flush(stop_at=path)
    if not mine or mine["outcome"][0] == "waiting":
        return _waiting(mine["outcome"][1] if mine else "")
    status, message, data = mine["outcome"]
    if status == "refused":
        return Receipt("refused", f"Not accepted: {message}")
    return Receipt("received", f"Received by the board at {data['time']}: {data['learner']}'s "
                               f"{phase}-test of lesson {number}, {data['answered']} of "
                               f"{data['questions']} questions answered.", data)


def _form(lesson, phase: str):
    import ipywidgets as widgets
    from IPython.display import HTML

    number = prepost.lesson(lesson).number
    shown = prepost.public_questions(prepost.questions(number))
    rows, inputs = [], {}
    for q in shown:
        text = f"<p><strong>{q['number']}.</strong> {html.escape(q['question'])}</p>"
        if q["kind"] == "choice":
            letters = _letters(len(q["options"]))
            text += "".join(f"<div style='margin-left:1.2em'>{letter}) {html.escape(o)}</div>"
                            for letter, o in zip(letters, q["options"]))
            field = widgets.ToggleButtons(options=letters, value=None,
                                          description="Answer:", style={"button_width": "3em"})
        else:
            field = widgets.Text(placeholder="a number", description="Answer:")
        inputs[q["number"]] = field
        rows += [widgets.HTML(text), field]
    out = widgets.Output()
    button = widgets.Button(description=f"Send my {phase}-test", button_style="primary",
                            icon="paper-plane")

    def send(_):
        given = {n: (f.value if f.value not in (None, "") else None) for n, f in inputs.items()}
        with out:
            out.clear_output()
            try:
                receipt = send_test(number, phase, {n: v for n, v in given.items()
                                                    if v is not None})
            except InputError as problem:
                receipt = Receipt("refused", str(problem))
            from IPython.display import display

            display(HTML(receipt._repr_html_()))
        form.receipt = receipt

    button.on_click(send)
    heading = widgets.HTML(f"<h3>{'Pre' if phase == 'pre' else 'Post'}-test · lesson {number}"
                           "</h3><p>Answer on your own, without the lesson open. Nothing here "
                           "says which answer is right: that is for the lesson itself.</p>")
    form = widgets.VBox([heading, *rows, button, out])
    form.inputs, form.send, form.receipt = inputs, lambda: send(None), None
    return form


def pretest(lesson):
    """Show lesson *lesson*'s knowledge check as a pre-test form, to take before the lesson.

    The form shows the questions and their answers to choose from (A, B, C) without saying
    which is right, and a button that sends the answers to the board (see :func:`send_test`).

    Used in: library only (instructors/, "Run it as a PK").

    Examples
    --------
    >>> import coursekit as ck
    >>> form = ck.classroom.pretest("02")
    >>> len(form.inputs), form.inputs[1].options
    (7, ('A', 'B', 'C'))
    """
    return _form(lesson, "pre")


def posttest(lesson):
    """Show lesson *lesson*'s knowledge check as a post-test form, to take after the lesson
    (and before the lesson's own knowledge check, which shows the answers).

    Used in: library only (instructors/, "Run it as a PK").

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.classroom.posttest("02").inputs[2].placeholder
    'a number'
    """
    return _form(lesson, "post")


def _fetch(settings, route: str) -> str:
    """A page of the board as text; raise _Unreachable, or InputError with the board's reason."""
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(f"{settings.board}{route}",
                                     headers={"Authorization": authorization(settings.code)})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        try:
            message = json.loads(error.read().decode("utf-8")).get("error", "")
        except (ValueError, UnicodeDecodeError):
            message = ""
        raise InputError(message or "The board could not make this page.") from None
    except (urllib.error.URLError, OSError) as error:
        raise _Unreachable(f"the board at {settings.board} cannot be reached") from error


def certificate(path=None) -> Receipt:
    """Save your certificate from the board as one HTML file to open and print on A4.

    Used in: library only.

    Parameters
    ----------
    path : str or Path, optional
        Where to save it (default: ``certificate-<your name>.html`` in this folder). An
        existing file is never overwritten.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> import coursekit as ck
    >>> with mock.patch.dict(os.environ, {"COURSEKIT_CLASSROOM_DIR": tempfile.mkdtemp()}):
    ...     ck.classroom.certificate()
    Traceback (most recent call last):
    ...
    coursekit.InputError: This notebook has not joined a board yet. Run ck.classroom.join(board, code, learner="Your name") with the address and your team's code from the instructor's screen first.
    """
    import re
    import urllib.parse

    settings = _settings()
    if settings.code == HUB_CODE and not settings.team:
        try:  # on a hub the team is the learner's hub group: the board knows which
            status, data = _request(settings.board, settings.code, "GET", "/api/whoami")
        except _Unreachable as problem:
            return Receipt("waiting", f"The certificate needs the board, and {problem}; try "
                                      "again when it is back.")
        if status != 200:
            raise InputError(data["error"])
        settings.team = data["team"]
    if not settings.learner or not settings.team:
        raise InputError("The certificate needs your name and team: run ck.classroom.join("
                         "board, code, learner=\"Your name\") while the board is reachable.")
    safe = re.sub(r"[^\w.-]+", "_", settings.learner)
    target = Path(path or f"certificate-{safe}.html")
    if target.exists():
        raise InputError(f"{target} already exists and is not replaced; give another path=.")
    query = urllib.parse.urlencode({"team": settings.team, "learner": settings.learner})
    try:
        page = _fetch(settings, f"/certificate?{query}")
        style = _fetch(settings, "/static/board.css")
    except _Unreachable as problem:
        return Receipt("waiting", f"The certificate needs the board, and {problem}; try again "
                                  "when it is back.")
    # One self-contained file: the board's stylesheet inside it, and no button or script
    # that would need the board.
    page = re.sub(r'<link rel="stylesheet"[^>]*>', lambda _: f"<style>{style}</style>", page)
    page = re.sub(r'<script src="[^"]*"></script>', "", page)
    page = re.sub(r'<p class="no-print tools">.*?</p>', "", page, flags=re.S)
    target.write_text(page, encoding="utf-8")
    return Receipt("received", f"Saved your certificate to {target}: open it in a browser and "
                               "print it on A4.")
