"""The lessons' metadata, read from the one source ``lessons.toml``, and everything made from it:
the course map (``ck.course_map()``, the README table, lesson 00's table), each lesson's
opening block and "Key points" cell, and the handouts index.

Two kinds of entry: the numbered lessons (``[[lesson]]``, :func:`lessons`) and the extra
notebooks that stand beside them, such as "Your own survey" (``[[extra]]``, :func:`extras`):
no number, shown after the lessons in the course map, and built and checked like a lesson."""
from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
WIDTH = 95  # wrap generated markdown like the hand-written cells


@dataclass(frozen=True)
class Lesson:
    """One lesson's metadata (see the comments at the top of ``lessons.toml``)."""

    number: str
    slug: str
    title: str
    heading: str
    minutes: int
    cases: tuple
    case_note: str
    topics: tuple
    questions: tuple
    objectives_lead: str
    objectives: tuple
    key_points: tuple
    functions: tuple
    next_note: str
    kind: str = "lesson"

    @property
    def notebook(self) -> str:
        return f"{self.slug}.ipynb"

    @property
    def text(self) -> str:
        return f"{self.slug}.md"

    @property
    def label(self) -> str:
        return f"{self.number} · {self.title}" if self.number else self.title


@lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[Lesson, ...]]:
    raw = tomllib.loads(files("coursekit.course").joinpath("lessons.toml").read_text("utf-8"))
    out = {}
    for kind in ("lesson", "extra"):
        out[kind] = tuple(
            Lesson(**{k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()},
                   **({"number": ""} if kind == "extra" else {}), kind=kind)
            for entry in raw.get(kind, []))
    return out


def lessons() -> tuple[Lesson, ...]:
    """Every numbered lesson in course order, as read from ``lessons.toml``."""
    return _entries()["lesson"]


def extras() -> tuple[Lesson, ...]:
    """The extra notebooks (``[[extra]]`` in ``lessons.toml``), in course-map order."""
    return _entries()["extra"]


def lesson(number) -> Lesson:
    """The lesson numbered *number* (``1``, ``"01"`` or its slug), or an extra by its slug."""
    from ..core import InputError

    key = str(number).strip()
    for item in lessons():
        if key in (item.number, item.slug) or (key.isdigit() and int(key) == int(item.number)):
            return item
    for item in extras():
        if key == item.slug:
            return item
    raise InputError(f"There is no lesson {number!r}. Lessons: "
                     f"{', '.join(item.number for item in lessons())}; extra notebooks: "
                     f"{', '.join(item.slug for item in extras()) or 'none'}.")


def course_map(notebooks: Path | str | None = None):
    """Return the course plan: one row per lesson, and whether it is ready yet.

    Parameters
    ----------
    notebooks : path, optional
        The folder holding the lesson notebooks (default: the repository's ``notebooks/``).

    Returns
    -------
    pandas.DataFrame
        Columns ``lesson, title, topics, minutes, case_data, notebook, status``; ``status`` is
        ``"ready"`` when the notebook exists and ``"coming"`` otherwise. The extra notebooks
        come after the lessons, with ``lesson`` left empty.

    Used in: lesson 00.

    Examples
    --------
    >>> import coursekit as ck
    >>> m = ck.course_map()
    >>> m.lesson.tolist()
    ['00', '01', '02', '03', '04', '05', '06', '07', '08', '']
    >>> m.set_index("lesson").loc["00", "status"], m.title.iloc[-1]
    ('ready', 'Your own survey')
    """
    import pandas as pd

    folder = Path(notebooks) if notebooks is not None else NOTEBOOKS
    rows = []
    for item in (*lessons(), *extras()):
        status = "ready" if (folder / item.notebook).exists() else "coming"
        rows.append((item.number, item.title, "; ".join(item.topics), item.minutes,
                     ", ".join(item.cases) or "—", item.notebook, status))
    return pd.DataFrame(rows, columns=["lesson", "title", "topics", "minutes", "case_data",
                                       "notebook", "status"])


def markdown_table(link_prefix: str = "", notebooks: Path | str | None = None) -> str:
    """The course map as a Markdown table, with links to the lessons that are ready.

    ``link_prefix`` is prepended to each notebook name: ``"notebooks/"`` in the README,
    ``""`` inside lesson 00.
    """
    lines = ["| Lesson | Topics | Minutes | Case data |", "|---|---|---|---|"]
    for row in course_map(notebooks).itertuples(index=False):
        name = f"{row.lesson} {row.title}".strip()
        cell = f"[{name}]({link_prefix}{row.notebook})" if row.status == "ready" else f"{name} *(coming)*"
        lines.append(f"| {cell} | {row.topics} | {row.minutes} | {row.case_data} |")
    return "\n".join(lines)


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def _bullets(items) -> list[str]:
    return [line for item in items for line in _wrap(item, "- ", "  ")]


def header_markdown(item: Lesson) -> str:
    """The lesson's opening block: title, time, case data, questions and objectives."""
    lines = [f"# {item.number} · {item.heading}" if item.number else f"# {item.heading}", ""]
    lines += _wrap(f"**Time:** about {item.minutes} minutes · **Case data:** {item.case_note}")
    lines += ["", "**Questions**", *_bullets(item.questions), "",
              f"**Objectives** — {item.objectives_lead}", *_bullets(item.objectives)]
    return "\n".join(lines)


def key_points_markdown(item: Lesson) -> str:
    """The lesson's "Key points" cell, ending with a link to the next lesson."""
    lines = ["## Key points", "", *_bullets(item.key_points)]
    following = [x for x in lessons() if item.number and int(x.number) == int(item.number) + 1]
    if following:
        nxt = following[0]
        note = f" — {item.next_note}" if item.next_note else ""
        lines += [""] + _wrap(f"**Next:** [{nxt.label}]({nxt.notebook}){note}")
    return "\n".join(lines)


# --- honest minutes -------------------------------------------------------------------------

#: How a learner's time is estimated (the rule ``minutes`` in lessons.toml is checked against).
WORDS_PER_MINUTE = 150          # reading prose
MINUTES_PER_CODE_CELL = 1.5     # reading a cell, running it and looking at what it shows
MINUTES_PER_QUIZ_QUESTION = 0.5
#: A "Your turn" takes 3, 5 or 8 minutes by its size: words in its text (up to the next
#: heading or code cell that is not its own) up to 60, up to 120, or more.
YOUR_TURN_MINUTES = ((60, 3), (120, 5), (None, 8))


def _your_turn_minutes(words: int) -> int:
    for limit, minutes in YOUR_TURN_MINUTES:
        if limit is None or words <= limit:
            return minutes
    return YOUR_TURN_MINUTES[-1][1]  # pragma: no cover


def estimate_minutes(item: Lesson, root: Path | None = None) -> dict:
    """Estimate a learner's minutes for a lesson from its text form, ``lessons/NN_slug.md``.

    Reading at about 150 words a minute (every markdown cell), a minute and a half per code cell
    (reading, running, looking at the result), 3, 5 or 8 minutes per "Your turn" by its length
    (its own code cells, such as the ``ck.check`` cell, are part of that time), and half a minute
    per knowledge-check question. Returns the parts and their ``total``.

    Used in: library only (``python -m coursekit lessons minutes``; tests/course/test_minutes.py).

    >>> from coursekit.course.lessons import estimate_minutes, lesson
    >>> parts = estimate_minutes(lesson(1))
    >>> sorted(parts)
    ['code', 'quiz', 'reading', 'total', 'your_turn']
    """
    import json
    import re

    root = Path(root) if root is not None else ROOT
    text = (root / "lessons" / item.text).read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # the front matter is not read
    words, code_cells, turns = 0, 0, []
    in_turn = False
    for cell in re.split(r"(```\{code-cell\}.*?```)", text, flags=re.S):
        if cell.startswith("```{code-cell}"):
            code_cells += 0 if in_turn else 1
            continue
        words += len(re.findall(r"[\w'’.,%–-]+", cell))
        # A markdown part may hold several sections; the last heading in it decides whether the
        # code that follows belongs to a "Your turn".
        for block in re.split(r"(?m)^(?=#{1,3} )", cell):
            if re.match(r"#{1,3} ", block):
                in_turn = block.startswith("### Your turn")
                if in_turn:
                    turns.append(_your_turn_minutes(len(block.split())))
    quiz = root / "notebooks" / "quizzes" / f"{item.slug}.json"
    questions = len(json.loads(quiz.read_text(encoding="utf-8"))) if quiz.is_file() else 0
    parts = {"reading": words / WORDS_PER_MINUTE, "code": code_cells * MINUTES_PER_CODE_CELL,
             "your_turn": float(sum(turns)), "quiz": questions * MINUTES_PER_QUIZ_QUESTION}
    parts["total"] = sum(parts.values())
    return parts
