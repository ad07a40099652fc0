"""Feedback a novice can read: one calm box per check; format problems named as such and never
called wrong; case ignored where it is not the point; the expected answer never shown."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coursekit as ck
from coursekit.course.answers import (Choice, Label, Number, Parts, Picks, SeriesOf, Together,
                                      YesNo, norm_text)
from coursekit.course.feedback import Feedback, Progress
from coursekit.course.keys import exercise_questions


def test_blank_is_not_answered_yet_and_says_nothing_else():
    for kind in (Number(1.0), Choice("A", ["A", "B"]), YesNo(True), Picks("AB", "ABC")):
        result = kind.judge(...)
        assert result.status == "unanswered" and result.message == ""
        assert str(result) == "Not answered yet"


def test_number_right_wrong_and_known_mistakes():
    kind = Number(5.0, mistakes=[(2.5, "You took the worst moment.")], hint="Find the peak.")
    assert kind.judge(5.0004).passed
    assert kind.judge(2.5).message == "You took the worst moment."
    assert kind.judge(3).message == "Find the peak."


@pytest.mark.parametrize("value, words", [
    ("0.279", "without quotes"), ("a lot", "not text"), (True, "not True or False"),
    ([1, 2], "not 2 values"), (float("nan"), "missing"),
])
def test_number_format_problems_are_only_about_the_format(value, words):
    result = Number(0.279).judge(value)
    assert result.status == "format" and words in result.message
    assert "wrong" not in result.message.lower() and "0.279" not in result.message.replace('"0.25"', "")


def test_share_written_as_percent_gets_a_format_note_and_not_a_verdict():
    share = Number(0.279, kind="share")
    result = share.judge(27.9)
    assert result.status == "format" and "percentage" in result.message
    assert "not" not in result.message.split(".")[0].lower().replace("not text", "")
    percent = Number(27.9, kind="percent")
    assert percent.judge(0.279).status == "format" and percent.judge(27.9).passed


@given(st.floats(min_value=0.011, max_value=0.99))  # at 0.01 or less, 1 % and 0.01 coincide
def test_any_share_is_recognised_as_a_percentage(share):
    assert Number(share, kind="share").judge(share * 100).status == "format"


@pytest.mark.parametrize("answer", ["b", "B", " b ", "B "])
def test_choice_ignores_case_and_spaces(answer):
    assert Choice("B", ["A", "B", "same"]).judge(answer).passed


def test_choice_format_and_hint():
    kind = Choice("B", ["A", "B", "same"], hint="Look at the end.")
    assert kind.judge(2).status == "format" and '"A", "B" or "same"' in kind.judge(2).message
    assert kind.judge("C").status == "format"
    assert kind.judge("a").message == "Look at the end."


def test_label_reads_names_as_people_write_them():
    kind = Label("ground_transport", ["security", "ground_transport"])
    for written in ["ground_transport", "Ground transport", "ground-transport", "GROUND TRANSPORT"]:
        assert kind.judge(written).passed
    assert norm_text("  Boarding  gate ") == "boarding_gate"


def test_parts_per_item_in_lessons():
    kind = Parts({"A": 2, "B": 1}, allowed=(1, 2), explain={"A": "a request"},
                 ask={"B": "what failed first?"})
    result = kind.judge({"A": 2, "B": 2})
    assert result.status == "hint" and result.message.startswith("1 of 2 right")
    assert ("A", "right", "a request") in result.items and ("B", "hint", "what failed first?") in result.items
    assert kind.judge({"A": 2, "B": 5}).status == "format"
    assert kind.judge({"A": None, "B": None}).status == "unanswered"
    assert kind.judge([2, 1]).passed


def test_letters_case_does_not_matter_and_length_is_a_format_problem():
    kind = Parts({str(i): v for i, v in enumerate("VHV", 1)}, allowed=("V", "H"), letters=True,
                 per_part=False)
    assert kind.judge("vhv").passed
    assert kind.judge("VH").status == "format"
    wrong = kind.judge("VVV")
    assert wrong.status == "hint" and wrong.items == [] and "2 of 3" in wrong.message


def test_picks_in_any_order():
    kind = Picks("CDH", list("ABCDEFGH"))
    assert kind.judge("hdc").passed and kind.judge(["C", "h", "d"]).passed
    assert kind.judge("CD").status == "format" and kind.judge("CDZ").status == "format"
    assert "2 of 3" in kind.judge("CDA").message


def test_yes_no():
    assert YesNo(True).judge(True).passed and YesNo(True).judge(np.bool_(True)).passed
    assert YesNo(True).judge("True").status == "format"
    assert YesNo(True).judge(1).status == "format"


def test_series_answer():
    expected = pd.Series([1.0, 2.0], index=["a", "b"])
    kind = SeriesOf(expected, what="by a and b")
    assert kind.judge(expected.copy()).passed
    assert kind.judge(expected.to_frame()).passed
    assert kind.judge(expected[::-1]).status == "format"
    assert kind.judge(3.0).status == "format"
    assert kind.judge(expected * 2).status == "hint"


def test_together_reports_format_before_hints_and_passes_when_all_parts_do():
    kind = Together({"x": Number(1.0), "y": YesNo(True)})
    assert kind.judge({"x": 1.0, "y": True}).passed
    assert kind.judge({"x": 1.0, "y": "yes"}).status == "format"
    assert kind.judge({"x": 2.0, "y": True}).status == "hint"
    assert kind.judge({"x": ..., "y": ...}).status == "unanswered"
    # one part answered wrong, the other still open: the hint is what helps
    assert kind.judge({"x": 2.0, "y": ...}).status == "hint"


def test_feedback_box_is_calm_html_with_the_status_in_words():
    box = Feedback("hint", "Look at <the> end.", title="Question 6")._repr_html_()
    assert 'role="status"' in box and "Not yet — a hint" in box and "&lt;the&gt;" in box
    assert "Traceback" not in box
    assert Feedback("right", "Right: B lifts the end.").message == "B lifts the end."
    with pytest.raises(ValueError):
        Feedback("wrong", "no such status")


def test_progress_table_counts_right_answers():
    table = Progress([("q1", Feedback("right", "")), ("q2", Feedback("unanswered", ""))])
    assert table.summary() == "1 of 2 questions right"
    assert "Not answered yet" in table._repr_html_() and "q2" in str(table)


def test_lesson_check_by_name():
    result = ck.check("01-kinds-of-mot", {"A": 2, "B": 1, "C": 3, "D": 1, "E": 4, "F": 3})
    assert result.passed and result.title == "Four kinds of Moments of Truth"
    with pytest.raises(ck.InputError, match="There is no check called 'oops'"):
        ck.check("oops", 1)


@pytest.mark.parametrize("exercise", ["01_moments_of_truth", "02_finding_critical_moments"])
def test_no_exercise_hint_or_right_message_shows_a_computed_answer(exercise):
    for name, question in exercise_questions(exercise).items():
        kinds = question.answer.parts.values() if isinstance(question.answer, Together) else [question.answer]
        for kind in kinds:
            expected = getattr(kind, "expected", None)
            value = expected() if callable(expected) else expected
            if isinstance(value, float) and not float(value).is_integer():
                for text in (getattr(kind, "hint", ""),):
                    assert f"{value:.3f}" not in text and f"{value:.2f}" not in text, name


def test_grader_reads_answers_from_the_notebook_and_grades_them(monkeypatch):
    namespace = {"by_hand": 2.5, "better_proposal": "b"}
    monkeypatch.setattr("coursekit.course.checking._user_namespace", lambda: namespace)
    grader = ck.exercise("01_moments_of_truth")
    assert grader.check("q3").status == "hint" and "worst moment" in grader.check("q3").message
    assert grader.check("q6").passed
    assert grader.check("q1").status == "unanswered"
    assert grader.passes("q6", "B") and not grader.passes("q3", 2.5)
    progress = grader.check_all()
    assert progress.summary() == "1 of 8 questions right"
    with pytest.raises(ck.InputError, match="no question 'q9'"):
        grader.check("q9")


def test_grader_passes_several_variables_for_a_two_part_question():
    grader = ck.exercise("02_finding_critical_moments")
    assert grader.passes("q4", "d", "b")
    assert not grader.passes("q4", "d", "c")


def test_an_unquoted_name_gets_a_format_note_not_a_traceback():
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from coursekit.course import checking

    shell = InteractiveShell.instance()
    try:
        checking._friendly_name_errors()
        with capture_output() as captured:
            shell.run_cell("better_proposal = Bee")
        shown = captured.stdout + "".join(str(o.data) for o in captured.outputs)
        assert "Python does not know the name Bee" in shown and 'put it in quotes: "Bee"' in shown
        assert "Traceback" not in shown
    finally:
        shell.set_custom_exc((), None)
        InteractiveShell.clear_instance()


def test_tolerance_is_relative():
    assert Number(44.652).judge(44.66).passed
    assert not Number(44.652).judge(45).passed
    assert math.isclose(0.1 + 0.2, 0.3)
