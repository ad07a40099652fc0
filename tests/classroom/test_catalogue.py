"""Challenge files: the format is checked with a clear message, the answer kinds of
coursekit.course.answers do the scoring (tolerance, choices, sets in any order, rankings), and
nothing sent before the reveal carries the answer."""
from __future__ import annotations

import math
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursekit import InputError
from coursekit.classroom.catalogue import FOLDER, Challenge, catalogue, load
from coursekit.course.lessons import lessons
from coursekit.course.answers import Choice, Number, Parts, Picks

TOUCHPOINTS = ["booking", "check_in", "security", "boarding_gate", "in_flight", "arrival",
               "baggage_claim", "ground_transport"]
GOOD = '''
[[challenge]]
id = "07-pick"
title = "Pick"
prompt = "Pick one."
kind = "choice"
options = ["a", "b", "c"]
expected = "b"
points = 5
'''


def write(tmp_path, text, name="07_test.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_course_files_load_with_unique_ids_one_file_per_lesson():
    from coursekit.course.lessons import lessons

    found = catalogue()
    assert {"01", "02", "03", "04", "05", "06"} <= {c.lesson for c in found.values()}
    assert all(cid.startswith(c.lesson + "-") for cid, c in found.items())
    kinds = {c.kind for c in found.values()}
    assert kinds == {"number", "choice", "set", "ordered", "rubric"}
    files = sorted(p.name for p in FOLDER.iterdir() if p.name.endswith(".toml"))
    # each file is named after a lesson of the course map, and every file's lesson is loaded
    slugs = {f"{item.slug}.toml" for item in lessons()}
    assert files[:2] == ["01_moments_of_truth.toml", "02_finding_critical_moments.toml"]
    assert set(files) <= slugs and {f[:2] for f in files} == {c.lesson for c in found.values()}


def test_every_course_challenge_has_chinese_titles_and_a_way_to_answer():
    for challenge in catalogue().values():
        assert challenge.title_zh and challenge.prompt_zh, challenge.id
        assert challenge.how_to_answer().endswith(".")
        assert challenge.max_points > 0
        if challenge.auto:
            assert challenge.answer and challenge.explain, challenge.id


def test_scoring_reuses_the_answer_kinds_of_the_exercises():
    found = catalogue()
    assert isinstance(found["02-security-share"].answer_kind(), Number)
    assert isinstance(found["02-not-on-list"].answer_kind(), Choice)
    assert isinstance(found["02-three-mots"].answer_kind(), Picks)
    assert isinstance(found["02-ranking"].answer_kind(), Parts)
    with pytest.raises(InputError, match="scored by the instructor"):
        found["02-memo"].answer_kind()


@pytest.mark.parametrize("cid", sorted(catalogue()))
def test_nothing_sent_before_the_reveal_holds_the_answer(cid):
    challenge = catalogue()[cid]
    public = challenge.public()
    assert not {"answer", "answer_zh", "explain", "explain_zh", "expected"} & set(public)
    text = repr(public)
    if challenge.kind == "number":
        assert repr(challenge.expected) not in text and challenge.answer not in text
    revealed = challenge.revealed()
    assert revealed["answer"] == challenge.answer and revealed["explain"] == challenge.explain


def test_a_number_counts_within_its_relative_tolerance_only():
    share = catalogue()["02-security-share"]  # 35.8, rel_tol 0.005
    assert share.points_for(35.8) == share.points_for(35.76) == 10
    assert share.points_for(35.8 * 1.0049) == 10
    assert share.points_for(35.8 * 1.006) == 0
    assert share.points_for(0.358) == 0  # a share where a percentage is asked is not right
    assert share.format_note("35.8").startswith("Write the number without quotes")
    assert share.format_note(35.0) == ""  # wrong, but in the right form: nothing is said


@given(st.permutations(["security", "ground_transport", "boarding_gate"]),
       st.sampled_from([str.lower, str.upper, str.title, lambda s: s.replace("_", " ")]))
def test_a_set_is_right_in_any_order_and_spelling(order, spell):
    three = catalogue()["02-three-mots"]
    assert three.points_for([spell(x) for x in order]) == 20


@given(st.lists(st.sampled_from(TOUCHPOINTS), min_size=3, max_size=3, unique=True))
def test_a_set_earns_points_only_when_it_is_exactly_the_expected_one(picks):
    three = catalogue()["02-three-mots"]
    expected = {"security", "ground_transport", "boarding_gate"}
    assert (three.points_for(picks) == 20) == (set(picks) == expected)


def test_a_set_of_the_wrong_size_gets_a_format_note_not_a_verdict():
    three = catalogue()["02-three-mots"]
    note = three.format_note(["security", "ground_transport"])
    assert note.startswith("Give exactly 3 different picks") and "right" not in note
    assert three.points_for(["security", "security", "ground_transport"]) == 0


@given(st.permutations(["security", "ground_transport", "boarding_gate"]))
def test_a_ranking_counts_only_in_its_order(order):
    ranking = catalogue()["02-ranking"]
    right = list(order) == ["security", "ground_transport", "boarding_gate"]
    assert (ranking.points_for(list(order)) == 10) == right


def test_a_ranking_of_the_wrong_length_is_a_format_problem():
    ranking = catalogue()["02-ranking"]
    assert ranking.format_note(["security"]).startswith("Give a list of 3 picks")
    assert ranking.format_note("security").startswith("Give a list of 3 picks")


def test_a_choice_accepts_case_and_spaces_but_not_other_options():
    choice = catalogue()["02-not-on-list"]
    assert choice.points_for("In flight") == 10
    assert choice.points_for("arrival") == 0
    assert "is not one of the options" in choice.format_note("the plane")


def test_a_rubric_takes_text_or_nothing():
    memo = catalogue()["02-memo"]
    assert memo.format_note("Our memo") == "" and memo.format_note(None) == ""
    assert "text in quotes" in memo.format_note(42)
    assert memo.points_for("Our memo") == 0 and memo.max_points == 40


def test_a_well_formed_file_loads(tmp_path):
    [challenge] = load(write(tmp_path, GOOD))
    assert isinstance(challenge, Challenge) and challenge.lesson == "07"
    assert challenge.title_zh == "" and challenge.answer == "b"


@pytest.mark.parametrize("change, message", [
    (('id = "07-pick"', 'id = "08-pick"'), "must start with the lesson number 07"),
    (('id = "07-pick"', 'id = "07_Pick"'), "must start with the lesson number 07"),
    (('kind = "choice"', 'kind = "guess"'), "kind 'guess' is not one of number, choice"),
    (('expected = "b"', 'expected = "z"'), "'expected' must be one of its options"),
    (('points = 5', 'points = 0'), "'points' must be a whole number above 0"),
    (('points = 5', 'points = true'), "'points' must be a whole number above 0"),
    (('options = ["a", "b", "c"]', 'options = ["a", "a"]'), "two or more different texts"),
    (('prompt = "Pick one."', 'prompt = ""'), "needs 'prompt' as a non-empty text"),
    (('points = 5', 'points = 5\nscore = 3'), "unknown field(s) score"),
])
def test_a_mistake_in_a_file_is_named_with_its_file_and_challenge(tmp_path, change, message):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(InputError) as raised:
        load(path)
    assert "07_test.toml, challenge 1" in str(raised.value) and message in str(raised.value)


@pytest.mark.parametrize("extra, message", [
    ("", "needs 'rel_tol'"),
    ("rel_tol = 1.5", "between 0 and 1"),
])
def test_a_number_challenge_needs_a_tolerance(tmp_path, extra, message):
    text = GOOD.replace('kind = "choice"', 'kind = "number"').replace('expected = "b"',
                                                                       f"expected = 2.5\n{extra}")
    with pytest.raises(InputError, match=message):
        load(write(tmp_path, text))


def test_a_rubric_needs_criteria_with_points(tmp_path):
    text = '[[challenge]]\nid = "07-memo"\ntitle = "Memo"\nprompt = "Write."\nkind = "rubric"\n'
    with pytest.raises(InputError, match="at least one"):
        load(write(tmp_path, text))
    bad = text + '[[challenge.criteria]]\nname = "evidence"\nlabel = "Evidence"\nmax = 0\n'
    with pytest.raises(InputError, match="'max' must be a whole number of points above 0"):
        load(write(tmp_path, bad))


def test_file_level_mistakes(tmp_path):
    with pytest.raises(InputError, match="named after its lesson"):
        load(write(tmp_path, GOOD, "pick.toml"))
    with pytest.raises(InputError, match="not valid TOML"):
        load(write(tmp_path, "[[challenge]\n", "07_bad.toml"))
    with pytest.raises(InputError, match="holds no"):
        load(write(tmp_path, "title = 'x'\n", "07_empty.toml"))
    with pytest.raises(InputError, match="two challenges have the same id"):
        load(write(tmp_path, GOOD + GOOD, "07_twice.toml"))
    first, second = write(tmp_path, GOOD, "07_a.toml"), write(tmp_path, GOOD, "07_b.toml")
    with pytest.raises(InputError, match="used in both 07_a.toml and 07_b.toml"):
        catalogue([first, second])


def test_the_expected_number_is_never_nan(tmp_path):
    text = GOOD.replace('kind = "choice"', 'kind = "number"').replace(
        'expected = "b"', "expected = nan\nrel_tol = 0.01")
    with pytest.raises(InputError, match="'expected' must be a number"):
        load(write(tmp_path, text))
    assert not math.isnan(catalogue()["01-remembered"].expected)
