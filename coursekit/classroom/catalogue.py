"""Team challenges (分组PK) as data: one TOML file per lesson's team exercise.

A file ``challenges/NN_slug.toml`` holds the challenges of lesson NN's team exercise. Each is
one thing a team hands in and is scored on:

* ``kind = "number"`` — a number within a relative tolerance (``rel_tol``);
* ``kind = "choice"`` — one of ``options``;
* ``kind = "set"`` — several of ``options`` in any order ("the three MOTs to fix first");
* ``kind = "ordered"`` — several of ``options`` in a given order (a ranking);
* ``kind = "rubric"`` — scored by the instructor on ``[[challenge.criteria]]`` (presentation,
  evidence, feasibility); teams may hand in a text with it.

The auto-scored kinds are judged by the answer kinds of :mod:`coursekit.course.answers`
(``Number``, ``Choice``, ``Picks``, ``Parts``), the same ones that check the exercises: a right
answer earns the challenge's ``points``, anything else none. The expected answer stays on the
server: :meth:`Challenge.public` is all a learner's notebook or the board page is sent until the
instructor reveals it. CONTRIBUTING.md ("Team challenges") documents the format for lesson
authors.
"""
from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from ..core import InputError
from ..course.answers import Choice, Number, Parts, Picks
from ..course.feedback import Feedback

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KINDS = ("number", "choice", "set", "ordered", "rubric")
#: The folder of the challenge files that come with the course.
FOLDER = files("coursekit.classroom").joinpath("challenges")
ID_PATTERN = re.compile(r"^(\d\d)-[a-z0-9]+(-[a-z0-9]+)*$")
_CHALLENGE_KEYS = {"id", "title", "title_zh", "prompt", "prompt_zh", "kind", "points", "options",
                   "expected", "rel_tol", "answer", "answer_zh", "explain", "explain_zh",
                   "criteria", "text"}
_CRITERION_KEYS = {"name", "label", "label_zh", "max"}


@dataclass(frozen=True)
class Criterion:
    """One line of a rubric: its name, its labels, and the most points it can give."""

    name: str
    label: str
    label_zh: str
    max: int


@dataclass(frozen=True)
class Challenge:
    """One challenge of a lesson's team exercise (see the module's docstring for the kinds)."""

    id: str
    lesson: str
    title: str
    title_zh: str
    prompt: str
    prompt_zh: str
    kind: str
    points: int
    options: tuple = ()
    expected: object = None
    rel_tol: float = 0.0
    answer: str = ""
    answer_zh: str = ""
    explain: str = ""
    explain_zh: str = ""
    criteria: tuple = ()
    text: bool = False
    source: str = field(default="", compare=False)

    @property
    def auto(self) -> bool:
        """Scored by the board itself (every kind but rubric)."""
        return self.kind != "rubric"

    @property
    def max_points(self) -> int:
        return sum(c.max for c in self.criteria) if self.kind == "rubric" else self.points

    def answer_kind(self):
        """The answer kind of :mod:`coursekit.course.answers` that judges this challenge."""
        if self.kind == "number":
            return Number(self.expected, rel_tol=self.rel_tol)
        if self.kind == "choice":
            return Choice(self.expected, self.options)
        if self.kind == "set":
            return Picks(list(self.expected), self.options)
        if self.kind == "ordered":
            places = {str(n): item for n, item in enumerate(self.expected, start=1)}
            return Parts(places, allowed=self.options, per_part=False)
        raise InputError(f"Challenge {self.id!r} is scored by the instructor, not by the board.")

    def judge(self, value) -> Feedback:
        """The verdict on a team's answer: right, not right ("hint"), or a format problem.

        A rubric challenge takes a text (or nothing): any text is in the right format.
        """
        if self.kind == "rubric":
            if value is None or isinstance(value, str):
                return Feedback("right", "Received.")
            return Feedback("format", "Hand in this challenge as a text in quotes, or with "
                                      "nothing: the instructor scores it.")
        if self.kind == "ordered" and value is not ... and value is not None and (
                not isinstance(value, (list, tuple)) or len(value) != len(self.expected)):
            return Feedback("format", f"Give a list of {len(self.expected)} picks, first place "
                                      "first, such as [\"...\", \"...\", ...].")
        return self.answer_kind().judge(value)

    def format_note(self, value) -> str:
        """What is wrong with the *form* of an answer ("" when nothing is). Never says whether
        the answer is right: a team learns that at the reveal."""
        verdict = self.judge(value)
        return verdict.message if verdict.status in ("format", "unanswered") else ""

    def points_for(self, value) -> int:
        """Points an answer earns: all of them when it is right, none otherwise (auto kinds)."""
        return self.points if self.auto and self.judge(value).passed else 0

    def how_to_answer(self) -> str:
        """One sentence telling a team what to hand in."""
        if self.kind == "number":
            return "A number, without quotes."
        if self.kind == "choice":
            return f"One of: {', '.join(self.options)} (as text in quotes)."
        listed = ", ".join(self.options)
        if self.kind == "set":
            return (f"A list of {len(self.expected)} different picks from: {listed}; the order "
                    "does not matter.")
        if self.kind == "ordered":
            return f"A list of {len(self.expected)} picks from: {listed}, first place first."
        return ("A text in quotes (your hand-in), or nothing; the instructor scores it."
                if self.text else "Nothing to hand in here; the instructor scores it.")

    def public(self) -> dict:
        """What anyone may see before the reveal: no expected answer, no explanation."""
        out = {"id": self.id, "lesson": self.lesson, "title": self.title,
               "title_zh": self.title_zh, "prompt": self.prompt, "prompt_zh": self.prompt_zh,
               "kind": self.kind, "points": self.max_points, "options": list(self.options),
               "how": self.how_to_answer()}
        if self.kind in ("set", "ordered"):
            out["count"] = len(self.expected)
        if self.kind == "rubric":
            out["criteria"] = [{"name": c.name, "label": c.label, "label_zh": c.label_zh,
                                "max": c.max} for c in self.criteria]
        return out

    def revealed(self) -> dict:
        """:meth:`public` plus the answer and why: shown once the instructor reveals it."""
        return {**self.public(), "answer": self.answer, "answer_zh": self.answer_zh or self.answer,
                "explain": self.explain, "explain_zh": self.explain_zh or self.explain}


def _problem(where: str, text: str) -> InputError:
    return InputError(f"{where}: {text}")


def _text(entry: dict, key: str, where: str, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _problem(where, f"needs {key!r} as a non-empty text.")
    return value.strip()


def _criteria(entry: dict, where: str) -> tuple:
    raw = entry.get("criteria")
    if not isinstance(raw, list) or not raw:
        raise _problem(where, "a rubric challenge needs at least one [[challenge.criteria]] "
                              "with name, label and max.")
    out = []
    for number, item in enumerate(raw, start=1):
        here = f"{where}, criterion {number}"
        unknown = sorted(set(item) - _CRITERION_KEYS)
        if unknown:
            raise _problem(here, f"unknown field(s) {', '.join(unknown)}. Allowed: "
                                 f"{', '.join(sorted(_CRITERION_KEYS))}.")
        top = item.get("max")
        if isinstance(top, bool) or not isinstance(top, int) or top <= 0:
            raise _problem(here, f"'max' must be a whole number of points above 0, not {top!r}.")
        out.append(Criterion(_text(item, "name", here), _text(item, "label", here),
                             _text(item, "label_zh", here, required=False), top))
    names = [c.name for c in out]
    if len(set(names)) != len(names):
        raise _problem(where, "two criteria have the same name.")
    return tuple(out)


def _picks(entry: dict, options: tuple, where: str, kind: str):
    expected = entry.get("expected")
    if kind == "choice":
        if expected not in options:
            raise _problem(where, f"'expected' must be one of its options, not {expected!r}.")
        return expected
    if not isinstance(expected, list) or not expected:
        raise _problem(where, f"a {kind} challenge needs 'expected' as a list of options.")
    outside = [x for x in expected if x not in options]
    if outside or len(set(expected)) != len(expected):
        raise _problem(where, f"'expected' must list different options only; "
                              f"{outside or 'a repeated one'} is not.")
    return tuple(expected)


def _challenge(entry: dict, lesson: str, where: str, source: str) -> Challenge:
    unknown = sorted(set(entry) - _CHALLENGE_KEYS)
    if unknown:
        raise _problem(where, f"unknown field(s) {', '.join(unknown)}. Allowed: "
                              f"{', '.join(sorted(_CHALLENGE_KEYS))}.")
    cid = _text(entry, "id", where)
    where = f"{where} ({cid!r})"
    found = ID_PATTERN.match(cid)
    if not found or found.group(1) != lesson:
        raise _problem(where, f"the id must start with the lesson number {lesson} and a dash, "
                              "then lower-case words joined by dashes, such as "
                              f"'{lesson}-three-mots'.")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise _problem(where, f"kind {kind!r} is not one of {', '.join(KINDS)}.")
    options = entry.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) and o for o in options):
        raise _problem(where, "'options' must be a list of texts.")
    options = tuple(options)
    common = dict(id=cid, lesson=lesson, title=_text(entry, "title", where),
                  title_zh=_text(entry, "title_zh", where, required=False),
                  prompt=_text(entry, "prompt", where),
                  prompt_zh=_text(entry, "prompt_zh", where, required=False), kind=kind,
                  explain=_text(entry, "explain", where, required=False),
                  explain_zh=_text(entry, "explain_zh", where, required=False), source=source)
    if kind == "rubric":
        return Challenge(**common, points=0, criteria=_criteria(entry, where),
                         text=bool(entry.get("text", False)))
    points = entry.get("points")
    if isinstance(points, bool) or not isinstance(points, int) or points <= 0:
        raise _problem(where, f"'points' must be a whole number above 0, not {points!r}.")
    if kind == "number":
        expected, tol = entry.get("expected"), entry.get("rel_tol")
        if isinstance(expected, bool) or not isinstance(expected, (int, float)) \
                or not math.isfinite(expected):
            raise _problem(where, f"'expected' must be a number, not {expected!r}.")
        if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not 0 < tol < 1:
            raise _problem(where, "a number challenge needs 'rel_tol', the relative tolerance, "
                                  "between 0 and 1 (0.01 accepts answers within 1 %).")
        shown = _text(entry, "answer", where, required=False) or f"{expected:g}"
        return Challenge(**common, points=points, expected=float(expected), rel_tol=float(tol),
                         answer=shown, answer_zh=_text(entry, "answer_zh", where, required=False))
    if len(options) < 2 or len(set(options)) != len(options):
        raise _problem(where, f"a {kind} challenge needs 'options': two or more different texts.")
    expected = _picks(entry, options, where, kind)
    default = expected if kind == "choice" else ", ".join(expected)
    return Challenge(**common, points=points, options=options, expected=expected,
                     answer=_text(entry, "answer", where, required=False) or default,
                     answer_zh=_text(entry, "answer_zh", where, required=False))


def load(path) -> list[Challenge]:
    """Read and check one challenge file; raise InputError naming the file, the challenge and
    what is wrong.

    >>> [c.id for c in load(FOLDER / "02_finding_critical_moments.toml")][:2]
    ['02-three-mots', '02-ranking']
    >>> load("no/such/01_file.toml")
    Traceback (most recent call last):
    ...
    coursekit.InputError: There is no challenge file no/such/01_file.toml.
    """
    path = Path(str(path))
    if not path.is_file():
        raise InputError(f"There is no challenge file {path}.")
    found = re.match(r"^(\d\d)_", path.name)
    if not found:
        raise InputError(f"{path.name}: a challenge file is named after its lesson, "
                         "NN_slug.toml, such as 02_finding_critical_moments.toml.")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path.name} is not valid TOML: {exc}.") from None
    entries = raw.get("challenge")
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path.name}: holds no [[challenge]] tables.")
    out = [_challenge(entry, found.group(1), f"{path.name}, challenge {n}", path.name)
           for n, entry in enumerate(entries, start=1)]
    ids = [c.id for c in out]
    if len(set(ids)) != len(ids):
        raise InputError(f"{path.name}: two challenges have the same id.")
    return out


def catalogue(paths=None) -> dict[str, Challenge]:
    """Every challenge by id: the course's own files, or the files *paths* (in that order).

    >>> {"01", "02", "03", "04"} <= {c.lesson for c in catalogue().values()}
    True
    """
    if paths is None:
        paths = sorted((Path(str(p)) for p in FOLDER.iterdir() if p.name.endswith(".toml")),
                       key=lambda p: p.name)
    found: dict[str, Challenge] = {}
    for path in paths:
        for challenge in load(path):
            if challenge.id in found:
                raise InputError(f"Challenge id {challenge.id!r} is used in both "
                                 f"{found[challenge.id].source} and {challenge.source}.")
            found[challenge.id] = challenge
    return found
