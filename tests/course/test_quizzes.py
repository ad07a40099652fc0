"""Knowledge checks: every question well formed, feedback on every answer, output stable."""
import json
import random
import re
from pathlib import Path

import pytest

import coursekit as ck
from coursekit.course.quiz import load_questions, shuffled

ROOT = Path(__file__).resolve().parents[2]
QUIZZES = sorted((ROOT / "notebooks" / "quizzes").glob("*.json"))


def test_each_lesson_has_a_quiz_file():
    lessons = {p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert lessons <= {p.stem for p in QUIZZES}


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.name)
def test_quiz_is_well_formed(path):
    questions = load_questions(path)
    minimum = 3 if path.stem.startswith("00_") else 5
    assert len(questions) >= minimum
    for q in questions:
        if q["type"] == "multiple_choice":
            assert sum(bool(a.get("correct")) for a in q["answers"]) == 1, q["question"]
            assert len(q["answers"]) >= 3, "offer at least three choices"


def _question(**changes):
    base = {"question": "Q?", "type": "multiple_choice",
            "answers": [{"answer": "a", "correct": True, "feedback": "yes"},
                        {"answer": "b", "correct": False, "feedback": "no"}]}
    base.update(changes)
    return base


@pytest.mark.parametrize("bad, message", [
    ([], "non-empty list"),
    ([_question(type="essay")], "type 'essay' is not supported"),
    ([_question(answers=[{"answer": "a", "correct": True, "feedback": "ok"},
                         {"answer": "b", "correct": False, "feedback": " "}])], "answer 2 .'b'. has no feedback"),
    ([_question(answers=[{"answer": "a", "correct": False, "feedback": "no"}])], "no answer is marked correct"),
    ([_question(type="numeric", answers=[{"type": "value", "value": 1, "correct": True,
                                          "feedback": "yes"}])], "needs a .\"type\": \"default\". answer"),
])
def test_malformed_questions_are_refused_with_a_reason(bad, message):
    with pytest.raises(ck.InputError, match=message):
        load_questions(bad)


def _shown(monkeypatch, source):
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    ck.knowledge_check(source)
    return shown


def test_display_is_deterministic_and_leaves_random_state_alone(monkeypatch):
    random.seed(7)
    expected_next = random.random()
    random.seed(7)
    first = _shown(monkeypatch, [_question()])
    second = _shown(monkeypatch, [_question()])
    assert random.random() == expected_next
    assert [o.data for o in first] == [o.data for o in second]
    assert [type(o).__name__ for o in first] == ["HTML", "Javascript"]


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.name)
def test_quiz_requests_nothing_from_off_the_machine(monkeypatch, path):
    script = _shown(monkeypatch, path)[1].data
    assert not re.search(r"https?://", script), "a quiz must not load anything from the network"
    assert "MathJax.version[0]" not in script.replace("false", "") or "typeof MathJax" not in script


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.name)
def test_quizzes_hold_no_mathematics_that_would_need_mathjax(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\$[^$\s][^$]*\$|\\\(|\\\[", text)


def test_right_answers_are_not_always_in_the_same_place():
    positions = []
    for path in QUIZZES:
        for question in shuffled(load_questions(path)):
            if question["type"] == "multiple_choice":
                positions.append(next(i for i, a in enumerate(question["answers"]) if a["correct"]))
    assert len(positions) >= 10
    most_common = max(positions.count(p) for p in set(positions))
    assert most_common <= len(positions) / 2, f"right answer positions {positions}"


def test_shuffle_keeps_every_answer_and_its_feedback():
    questions = load_questions(QUIZZES[1])
    for before, after in zip(questions, shuffled(questions)):
        key = lambda a: json.dumps(a, sort_keys=True)  # noqa: E731
        assert sorted(map(key, before["answers"])) == sorted(map(key, after["answers"]))
    assert shuffled(questions) == shuffled(questions)
