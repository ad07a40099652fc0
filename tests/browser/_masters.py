"""Read an exercise master (otter-grader format) and derive what a browser test types.

For one question of a master this gives the code a learner would type to answer it right (the
solution cell without its ``# SOLUTION`` markers), a wrong answer that still counts as
"answered" (the same assignment with a deliberately wrong value), and the hints its answer key
(in ``coursekit.course.keys``) gives when an answer is not right. Only the master and the key
are read; the student notebook is generated from the master.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SOLUTION_MARK = re.compile(r"\s*#\s*SOLUTION(\s+NO\s+PROMPT)?\s*$")
# "name = value  # SOLUTION": the lines otter turns into "name = ..." for the learner.
BLANK_LINE = re.compile(r"^(?P<indent>\s*)(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)" + SOLUTION_MARK.pattern)


@dataclass
class Question:
    name: str
    solutions: list[str] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)

    exercise: str = ""

    @property
    def value_hints(self) -> list[str]:
        """The hints the question's answer key gives for an answer that is not right."""
        from coursekit import InputError
        from coursekit.course.answers import Together
        from coursekit.course.keys import exercise_questions

        try:
            kind = exercise_questions(self.exercise)[self.name].answer
        except (InputError, KeyError):
            return []
        kinds = kind.parts.values() if isinstance(kind, Together) else [kind]
        hints = [getattr(k, "hint", "") for k in kinds]
        hints += [hint for k in kinds for _, hint in getattr(k, "mistakes", ())]
        return [hint for hint in hints if hint]

    def right_answer(self) -> str:
        """The solution cell as the learner would type it: markers removed."""
        if len(self.solutions) != 1:
            raise ValueError(f"{self.name}: expected one solution cell, found {len(self.solutions)}")
        lines = []
        for line in self.solutions[0].splitlines():
            if re.match(r"^\s*#\s*(BEGIN|END) SOLUTION\s*$", line):
                continue
            lines.append(SOLUTION_MARK.sub("", line).rstrip())
        return "\n".join(lines).strip("\n")

    def wrong_answer(self) -> str:
        """The right answer with one blank filled by a deliberately wrong value.

        The blank chosen is the last ``name = value  # SOLUTION`` line whose name the value tests
        use and no later line of the cell computes with (so the cell itself still runs). The wrong value
        depends on the solution's value: a literal is changed in kind (another letter, another
        number, the other truth value, a shorter list); anything computed becomes ``None``,
        which is "answered" (it is not ``...``) but fails any test of the value.
        """
        right = self.right_answer().splitlines()
        solution = [line for line in self.solutions[0].splitlines()
                    if not re.match(r"^\s*#\s*(BEGIN|END) SOLUTION\s*$", line)]
        value_tests = "\n".join(self.tests)
        for index in range(len(solution) - 1, -1, -1):
            match = BLANK_LINE.match(solution[index])
            if not match:
                continue
            name = match["name"]
            # A later line may show the value (a bare `name`), but not compute with it.
            later = "\n".join(line for line in right[index + 1:] if line.strip() != name)
            if not re.search(rf"\b{name}\b", value_tests) or re.search(rf"\b{name}\b", later):
                continue
            right[index] = f"{match['indent']}{name} = {wrong_value(match['value'])}"
            return "\n".join(right)
        raise ValueError(f"{self.name}: no 'name = value  # SOLUTION' line that the value tests check")


def wrong_value(expression: str) -> str:
    """Source of a value of the same kind as *expression* that is certainly different from it.

    >>> wrong_value('"A"'), wrong_value("'c'"), wrong_value("42"), wrong_value("0.37")
    ("'B'", "'a'", '84', '1.37')
    >>> wrong_value("True"), wrong_value("['a', 'b', 'c']"), wrong_value("df.mean()")
    ('False', "['a', 'b']", 'None')
    """
    try:
        value = ast.literal_eval(expression.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return "None"
    if isinstance(value, bool):
        return repr(not value)
    if isinstance(value, (int, float)):
        # Adding at least 1 moves any number out of a relative tolerance around itself.
        return repr(value + max(1, abs(value)))
    if isinstance(value, str):
        if len(value.strip()) == 1 and value.strip().isalpha():
            letter = value.strip()
            other = "B" if letter.upper() == "A" else "A"
            return repr(other if letter.isupper() else other.lower())
        return repr("none of these" if value != "none of these" else "something else")
    if isinstance(value, (list, tuple, set)) and value:
        shorter = list(value)[:-1]
        return repr(type(value)(shorter)) if shorter or not isinstance(value, set) else "set()"
    return "None"


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def questions(master: Path) -> list[Question]:
    """Every question of a master, with its solution cells and its test cells, in order."""
    nb = json.loads(Path(master).read_text(encoding="utf-8"))
    found: list[Question] = []
    current, section = None, None
    for cell in nb["cells"]:
        text = _text(cell).strip()
        if cell["cell_type"] == "raw":
            first = text.splitlines()[0].strip() if text else ""
            if first == "# BEGIN QUESTION":
                config = yaml.safe_load(text.split("\n", 1)[1]) if "\n" in text else {}
                current = Question(name=str(config["name"]), exercise=Path(master).stem)
                found.append(current)
            elif first in {"# BEGIN SOLUTION", "# BEGIN TESTS"}:
                section = first.split()[-1].lower()
            elif first in {"# END SOLUTION", "# END TESTS"}:
                section = None
            elif first == "# END QUESTION":
                current, section = None, None
            continue
        if current is None or cell["cell_type"] != "code":
            continue
        if section == "solution":
            current.solutions.append(text)
        elif section == "tests":
            current.tests.append(text)
    return found


def question_to_try(master: Path) -> Question:
    """The first question whose answer a test can type: one solution cell, a wrong value to try,
    and an answer key that gives a hint. A question whose wrong value is a single literal (another
    letter, another number) is preferred: None is a format problem to the checks, and a shorter
    list may be one too, while a wrong letter or number is simply not right yet."""
    reasons, fallback = [], None
    for question in questions(master):
        try:
            wrong = question.wrong_answer()
        except ValueError as error:
            reasons.append(str(error))
            continue
        if not question.value_hints:
            reasons.append(f"{question.name}: its answer key gives no hint")
            continue
        changed = [line for line in wrong.splitlines() if line not in question.right_answer().splitlines()]
        value = changed[0].split("=", 1)[1].strip() if changed else "None"
        try:
            literal = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            literal = None
        if isinstance(literal, (str, int, float)):  # bool is an int: True/False count too
            return question
        fallback = fallback or question
    if fallback is not None:
        return fallback
    raise ValueError(f"{Path(master).name}: no question suits the browser test ("
                     + "; ".join(reasons or ["no questions found"]) + ")")
