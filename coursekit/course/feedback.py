"""What a learner sees after checking an answer: one calm box, never a traceback.

A :class:`Feedback` has a status and one plain-language message:

* ``"right"`` — one line saying what was right;
* ``"hint"`` — the answer is not right yet; the message points at what to look at, never at
  the answer itself;
* ``"format"`` — the answer may well be right but is written in a form the check cannot read
  (text where a number is asked, a percentage where a share is asked, a letter outside the
  options); the message is about the form only and never says "wrong";
* ``"unanswered"`` — the blank ``...`` is still there.

Answers with several parts (a group per incident, a letter per action) may add one line per part
(``items``). :class:`Progress` is the compact table ``grader.check_all()`` shows.
Colour is never the only signal: every box and row starts with its status in words.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..style import OKABE_ITO

STATUSES = ("right", "hint", "format", "unanswered")
#: (label shown to the learner, border colour, background colour)
LOOK = {
    "right": ("Right", OKABE_ITO["bluish green"], "#E8F6F1"),
    "hint": ("Not yet — a hint", OKABE_ITO["orange"], "#FDF5E6"),
    "format": ("Check the format", OKABE_ITO["sky blue"], "#EAF4FB"),
    "unanswered": ("Not answered yet", "#8C8C8C", "#F3F3F3"),
}
#: How one part of an answer is marked in a list of parts.
ITEM_WORDS = {"right": "right", "hint": "not yet", "format": "check the format",
              "unanswered": "open"}
_RIGHT_PREFIX = re.compile(r"^\s*Right\s*[:.—,-]*\s*")
_BOX = ("border-left:6px solid {border};background:{background};padding:0.55em 0.9em;"
        "margin:0.3em 0;border-radius:4px;color:#1A1A1A;font-family:system-ui,-apple-system,"
        "'Segoe UI',sans-serif;font-size:0.95em;line-height:1.45")


def _clean(status: str, text: str) -> str:
    return _RIGHT_PREFIX.sub("", text, count=1).strip() if status == "right" else text


@dataclass
class Feedback:
    """The verdict on one answer: a status, one message, and optional lines per part."""

    status: str
    message: str
    title: str = ""
    items: list = field(default_factory=list)  # (label, status, message) per part

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"unknown feedback status {self.status!r}")
        # The box already says "Right"; a key's message need not say it again.
        if self.status == "right":
            self.message = _RIGHT_PREFIX.sub("", self.message, count=1).strip()
            self.message = self.message[:1].upper() + self.message[1:]

    @property
    def passed(self) -> bool:
        return self.status == "right"

    def __bool__(self) -> bool:
        return self.passed

    def _head(self) -> str:
        label = LOOK[self.status][0]
        return f"{self.title} · {label}" if self.title else label

    def __str__(self) -> str:
        lines = [f"{self._head()}: {self.message}".rstrip(": ")]
        lines += [f"  {label}: {ITEM_WORDS[status]}{' — ' + _clean(status, text) if _clean(status, text) else ''}"
                  for label, status, text in self.items]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        _, border, background = LOOK[self.status]
        parts = [f'<div class="ck-feedback ck-{self.status}" role="status" '
                 f'style="{_BOX.format(border=border, background=background)}">',
                 f"<strong>{html.escape(self._head())}</strong>"]
        if self.message:
            parts.append(f'<div style="margin-top:0.2em">{html.escape(self.message)}</div>')
        if self.items:
            parts.append('<ul style="margin:0.3em 0 0 1.1em;padding:0">')
            for label, status, text in self.items:
                text = _clean(status, text)
                detail = f" — {html.escape(text)}" if text else ""
                parts.append(f"<li><strong>{html.escape(str(label))}</strong>: "
                             f"{html.escape(ITEM_WORDS[status])}{detail}</li>")
            parts.append("</ul>")
        parts.append("</div>")
        return "".join(parts)


@dataclass
class Progress:
    """One row per question: what ``grader.check_all()`` shows."""

    rows: list  # (question, Feedback)
    title: str = "Your progress"

    @property
    def done(self) -> int:
        return sum(fb.passed for _, fb in self.rows)

    def summary(self) -> str:
        return f"{self.done} of {len(self.rows)} questions right"

    def __str__(self) -> str:
        width = max((len(q) for q, _ in self.rows), default=8)
        lines = [f"{self.title}: {self.summary()}"]
        lines += [f"  {q:<{width}}  {LOOK[fb.status][0]}" for q, fb in self.rows]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        cells = []
        for question, fb in self.rows:
            label, border, background = LOOK[fb.status]
            cells.append(f'<tr><td style="padding:0.2em 0.8em 0.2em 0">{html.escape(question)}</td>'
                         f'<td style="padding:0.2em 0.6em;border-left:5px solid {border};'
                         f'background:{background}">{html.escape(label)}</td></tr>')
        style = _BOX.format(border="#4D4D4D", background="#FAFAFA")
        return (f'<div class="ck-progress" role="status" style="{style}">'
                f"<strong>{html.escape(self.title)}: {html.escape(self.summary())}</strong>"
                f'<table style="border-collapse:collapse;margin-top:0.3em">{"".join(cells)}</table>'
                f'<div style="margin-top:0.3em">Run a question\'s own check cell for its hint.</div>'
                "</div>")
