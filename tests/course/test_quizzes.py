"""Knowledge checks: every question well formed, feedback on every answer, output stable."""
import random
from pathlib import Path

import pytest

import coursekit as ck
from coursekit.course.quiz import load_questions

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


def test_display_is_deterministic_and_leaves_random_state_alone(monkeypatch):
    shown = []
    monkeypatch.setattr("jupyterquiz.dynamic.display.display", lambda obj: shown.append(obj))
    random.seed(7)
    expected_next = random.random()
    random.seed(7)
    ck.knowledge_check([_question()])
    ck.knowledge_check([_question()])
    assert random.random() == expected_next
    html = [obj.data for obj in shown if type(obj).__name__ == "HTML"]
    assert len(html) == 2 and html[0] == html[1]
