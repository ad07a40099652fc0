"""The capstone's plan tools: the template, the checklist (form, never correctness), the one-page
plan, saving without overwriting, and what a plan hands in."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit.capstone import handin
from coursekit.classroom.catalogue import catalogue

from .conftest import hotel_plan


def status(table, item):
    return table.loc[table["item"] == item, "status"].item()


def test_a_blank_template_has_everything_to_do_and_the_filled_plan_nothing():
    blank = ck.capstone.checklist(ck.capstone.template("hotel", team="Lotus"))
    assert set(blank["status"]) <= {"done", "to do"}
    assert blank.attrs["done"] == 2  # the team's name and the page's length
    filled = ck.capstone.checklist(hotel_plan())
    assert (filled["status"] == "done").all(), filled[filled["status"] != "done"].to_dict("records")
    assert filled.attrs["done"] == filled.attrs["total"] == len(filled)


@pytest.mark.parametrize("case, parts", [
    ("airport", {"top_driver", "concentrate_here"}),
    ("hotel", {"top_driver", "must_be"}),
    ("ecommerce", {"top_driver", "must_be"}),
    ("own", {"top_driver", "must_be"}),
])
def test_each_case_asks_for_its_own_board_answers(case, parts):
    plan = ck.capstone.template(case)
    assert {"top_driver", "must_be", "concentrate_here"} & set(plan) == parts
    items = set(ck.capstone.checklist(plan)["item"])
    assert ("'Concentrate here'" in items) == (case == "airport")


def test_the_case_options_are_the_board_challenges_options():
    found = catalogue()
    for key, chosen in ck.capstone.CASES.items():
        for name, challenge in chosen.auto.items():
            from coursekit.capstone.cases import options

            assert tuple(found[challenge].options) == options(key, name), challenge
            assert found[challenge].lesson == "08"


@pytest.mark.parametrize("change, item, words", [
    ({"problem": "Slow."}, "Problem", "full sentence"),
    ({"evidence": [{"finding": "slow", "number": "many", "source": "x"},
                   {"finding": "rude", "number": 3, "source": "y"}]}, "Evidence", "Give a number for finding 1"),
    ({"priorities": [{"what": "speed", "why": "it feels right"},
                     {"what": "wifi", "why": "KANO must-be"}]}, "Priorities", "priority 1"),
    ({"top_driver": "kindness"}, "Top driver", "'kindness' is not a name the case's data use"),
    ({"top_driver": ["interactional"]}, "Top driver", "one name"),
    ({"must_be": ["free Wi-Fi", "room-service robots"]}, "Must-be features", "'room-service robots'"),
    ({"standards": [{**hotel_plan()["standards"][0], "target": "fast"},
                    hotel_plan()["standards"][1]]}, "Measurable", "target must be a number"),
    ({"standards": [{**s, "chart": "bar chart"} for s in hotel_plan()["standards"]]}, "Measurable", "'p-chart'"),
    ({"standards": [{**s, "chart": "none"} for s in hotel_plan()["standards"]]}, "Control plan", "control chart"),
    ({"standards": [hotel_plan()["standards"][0]]}, "Standards", "at least 2 standards (1 so far)"),
    ({"standards": [hotel_plan()["standards"][0], {**hotel_plan()["standards"][1], "owner": ...}]}, "Standards", "standard 2: owner"),
    ({"recovery": [{**hotel_plan()["recovery"][0], "first_response": "quickly"}]}, "Recovery", "as a time"),
    ({"review": {"when": "later", "measure": ...}}, "Review", "on what measure"),
    ({"caveat": None}, "Caveat", "cannot show"),
    ({"caveat": "word " * 500}, "One page", "cut to about 450"),
])
def test_the_checklist_says_what_is_missing_or_unusable(change, item, words):
    table = ck.capstone.checklist({**hotel_plan(), **change})
    row = table[table["item"] == item].iloc[0]
    assert row["status"] in ("fix", "to do") and words in row["note"], row.to_dict()


def test_the_checklist_never_judges_whether_an_answer_is_right():
    """A wrong but well-formed answer is 'done': correctness is revealed on the board."""
    wrong = {**hotel_plan(), "top_driver": "distributive", "must_be": ["gym"]}
    table = ck.capstone.checklist(wrong)
    assert status(table, "Top driver") == status(table, "Must-be features") == "done"


@pytest.mark.parametrize("plan, message", [
    ("a plan", "should be a dictionary"),
    ({"team": "x"}, "has no 'case'"),
    ({"case": "museum"}, "no capstone case 'museum'"),
    ({"case": "hotel", "budget": 5}, "parts the template does not know: budget"),
])
def test_bad_plans_get_a_clear_error(plan, message):
    with pytest.raises(ck.InputError, match=message):
        ck.capstone.checklist(plan)


def test_the_one_page_plan_carries_every_part_and_marks_what_is_missing():
    plan = hotel_plan()
    page = ck.capstone.one_page(plan)
    for text in ["Downtown's guests", "interactional", "free Wi-Fi", "Acknowledge a complaint",
                 "10 minutes", "p-chart", "one night's rate", "after 8 weeks",
                 "never complain"]:
        assert text in page.markdown, text
    assert "*(to do)*" not in page.markdown
    assert page.words < 450 and page._repr_markdown_() == str(page)
    partial = ck.capstone.one_page({**plan, "caveat": ..., "standards": ...})
    assert partial.markdown.count("*(to do)*") >= 7


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(["problem", "caveat", "top_driver", "must_be", "evidence",
                                        "standards", "recovery", "review", "priorities"]),
                       st.one_of(st.none(), st.text(max_size=30), st.integers(),
                                 st.lists(st.text(max_size=10), max_size=3),
                                 st.dictionaries(st.text(max_size=5), st.text(max_size=5),
                                                 max_size=2)), max_size=6))
def test_any_half_finished_plan_gets_a_checklist_and_a_page_never_a_crash(parts):
    plan = {"team": "T", "case": "ecommerce", **parts}
    table = ck.capstone.checklist(plan)
    assert set(table["status"]) <= {"done", "to do", "fix"}
    assert ck.capstone.one_page(plan).markdown.startswith("## Improvement plan")


def test_saving_never_overwrites_and_loading_reads_the_latest(tmp_path):
    plan = hotel_plan()
    first = ck.capstone.save_plan(plan, tmp_path)
    plan["caveat"] = "A second version."
    second = ck.capstone.save_plan(plan, tmp_path)
    assert (first.name, second.name) == ("lotus-plan-001.json", "lotus-plan-002.json")
    assert json.loads(first.read_text(encoding="utf-8"))["caveat"] != "A second version."
    assert first.with_suffix(".md").read_text(encoding="utf-8").startswith("## Improvement plan")
    back = ck.capstone.load_plan(folder=tmp_path)
    assert back == json.loads(json.dumps(plan))
    assert ck.capstone.checklist(back).equals(ck.capstone.checklist(plan))
    other = ck.capstone.save_plan({**ck.capstone.template("airport"), "team": "Peony"}, tmp_path)
    assert ck.capstone.load_plan(folder=tmp_path, team="Lotus")["case"] == "hotel"
    assert ck.capstone.load_plan(other)["team"] == "Peony"


def test_a_blank_saves_as_null_and_still_reads_as_blank(tmp_path):
    path = ck.capstone.save_plan(ck.capstone.template("ecommerce", team="队伍 一"), tmp_path)
    assert path.name == "队伍-一-plan-001.json"
    back = ck.capstone.load_plan(path)
    assert back["problem"] is None
    assert status(ck.capstone.checklist(back), "Problem") == "to do"


@pytest.mark.parametrize("call, message", [
    (lambda d: ck.capstone.load_plan(folder=d), "no saved plan"),
    (lambda d: ck.capstone.load_plan(d / "missing.json"), "no plan file"),
    (lambda d: ck.capstone.load_plan((d / "x-plan-001.json").write_text("{") and d / "x-plan-001.json"),
     "not a saved plan"),
])
def test_loading_problems_are_said_plainly(tmp_path, call, message):
    with pytest.raises(ck.InputError, match=message):
        call(tmp_path)


def test_a_plan_hands_in_its_cases_answers_and_the_page():
    plan = hotel_plan()
    sent = dict(handin.handed_in(plan))
    assert list(sent) == ["08-hotel-top-driver", "08-hotel-must-be", "08-plan"]
    assert sent["08-hotel-top-driver"] == "interactional"
    assert sent["08-plan"] == ck.capstone.one_page(plan).markdown
    found = catalogue()
    assert found["08-hotel-top-driver"].judge(sent["08-hotel-top-driver"]).passed
    assert found["08-hotel-must-be"].judge(sent["08-hotel-must-be"]).passed
    own = dict(handin.handed_in({**plan, "case": "own"}))
    assert list(own) == ["08-own-survey", "08-plan"] and "interactional" in own["08-own-survey"]


def test_without_a_board_nothing_is_sent_and_each_row_says_why(tmp_path, monkeypatch):
    from coursekit.classroom import localqueue

    monkeypatch.setenv(localqueue.ENV, str(tmp_path / "learner"))
    table = ck.capstone.submit_plan(ck.capstone.template("hotel", team="Lotus"))
    assert list(table["status"]) == ["not sent"] * 3
    assert "replace the ... with your answer first" in table["message"][0]
    assert "has not joined a board yet" in table["message"][2]


def test_the_cases_table_names_real_functions():
    table = ck.capstone.cases()
    assert set(table["stage"]) == set(ck.capstone.STAGES)
    for call in table["function"]:
        for name in call.replace(",", " ").split():
            parts = name.split(".")
            if parts[0] == "ck":
                assert hasattr(ck, parts[1]), name
                if len(parts) == 3:
                    assert hasattr(getattr(ck, parts[1]), parts[2]), name
