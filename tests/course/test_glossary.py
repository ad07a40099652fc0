"""The bilingual glossary: content rules and look-up behaviour."""
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit.course.glossary import _key, _table
from coursekit.course.lessons import lessons as all_lessons

CJK = re.compile(r"[\u4e00-\u9fff]")

# Terms the foundation issue names explicitly (see ../shared/reference/methods.md).
REQUIRED = [
    "Moment of Truth", "Touchpoint", "Customer journey map", "Service blueprint",
    "Peak–end rule", "Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy",
    "Listening gap", "Design and standards gap", "Performance gap", "Communication gap",
    "Customer gap", "Attractive quality", "One-dimensional quality", "Must-be quality",
    "Indifferent quality", "Reverse quality", "Questionable answer", "Better coefficient",
    "Worse coefficient", "Recovery paradox", "Distributive justice", "Procedural justice",
    "Interactional justice",
]


def test_at_least_forty_terms_with_every_field_filled():
    g = ck.glossary()
    assert len(g) >= 40
    assert list(g.columns) == ["term", "term_zh", "definition", "definition_zh", "lesson"]
    assert (g.map(lambda v: bool(str(v).strip()))).all().all()
    assert g.term.is_unique and g.term_zh.is_unique


@pytest.mark.parametrize("term", REQUIRED)
def test_required_term_is_present(term):
    assert term in set(ck.glossary().term)


def test_chinese_fields_are_chinese_and_english_fields_are_not():
    g = ck.glossary()
    assert g.term_zh.map(lambda s: bool(CJK.search(s))).all()
    assert g.definition_zh.map(lambda s: bool(CJK.search(s))).all()
    assert not g.term.map(lambda s: bool(CJK.search(s))).any()
    assert not g.definition.map(lambda s: bool(CJK.search(s))).any()


def test_definitions_are_one_sentence_in_each_language():
    g = ck.glossary()
    # English: ends with a full stop, and no full stop followed by a capital inside.
    for text in g.definition:
        assert text.endswith("."), text
        assert not re.search(r"\.\s+[A-Z]", text[:-1]), text
    for text in g.definition_zh:
        assert text.endswith("。") and text.count("。") == 1, text


def test_every_term_belongs_to_a_lesson_of_the_course_map():
    lessons = {item.number for item in all_lessons()}
    assert set(ck.glossary().lesson) <= lessons


def test_no_name_or_alias_points_at_two_terms():
    seen = {}
    for row in _table().itertuples(index=False):
        for name in [row.term, row.term_zh, *row.aliases.split(";")]:
            if name.strip():
                key = _key(name)
                assert seen.setdefault(key, row.term) == row.term, (name, seen[key], row.term)


def test_glossary_filters_by_lesson_and_rejects_unknown_lessons():
    three = ck.glossary(lesson=3)
    assert set(three.lesson) == {"03"} and len(three) >= 5
    assert three.equals(ck.glossary(lesson="03"))
    with pytest.raises(ck.InputError, match="lesson=99.*Lessons with terms: 01"):
        ck.glossary(lesson=99)


def test_glossary_returns_a_copy_that_callers_may_change():
    g = ck.glossary()
    g.loc[0, "term"] = "changed"
    assert ck.glossary().term.iloc[0] != "changed"


@pytest.mark.parametrize("row", _table().to_dict("records"), ids=lambda r: r["term"])
def test_define_finds_each_term_by_both_names(row):
    assert ck.define(row["term"]).term == row["term"]
    assert ck.define(row["term_zh"]).term == row["term"]


def _respell(text, data):
    """The same name with random case, spacing and dash style."""
    out = []
    for ch in text:
        if ch in " -–—":
            out.append(data.draw(st.sampled_from([" ", "  ", "-", "–", ""])))
        else:
            out.append(ch.upper() if data.draw(st.booleans()) else ch.lower())
    return data.draw(st.sampled_from(["", " "])) + "".join(out) + data.draw(st.sampled_from(["", "  "]))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_define_ignores_case_spacing_and_dashes(data):
    row = data.draw(st.sampled_from(_table().to_dict("records")))
    name = data.draw(st.sampled_from([row["term"], row["term_zh"]]))
    assert ck.define(_respell(name, data)).term == row["term"]


def test_define_knows_abbreviations_and_seed_names():
    assert ck.define("MOT").term == "Moment of Truth"
    assert ck.define("ipa").term == "Importance–performance analysis"
    assert ck.define("移情性").term == "Empathy"        # seed 001's name for empathy
    assert ck.define("信赖度").term == "Reliability"     # seed 004's name for reliability
    assert ck.define("基本需求").term == "Must-be quality"


def test_define_suggests_near_matches_in_either_language():
    with pytest.raises(ck.InputError, match=r"Did you mean: SERVQUAL"):
        ck.define("servqal")
    with pytest.raises(ck.InputError, match=r"Recovery paradox \(服务补救悖论\)"):
        ck.define("补救悖")
    with pytest.raises(ck.InputError, match="not in the glossary. See coursekit.glossary()"):
        ck.define("zzzzzz")


@pytest.mark.parametrize("bad", ["", "   ", None, 42])
def test_define_rejects_non_text(bad):
    with pytest.raises(ck.InputError, match="define\\(\\) needs a term as text"):
        ck.define(bad)


def test_term_prints_both_languages():
    text = str(ck.define("Moment of Truth"))
    assert "关键时刻" in text and "Normann" in text and "诺曼" in text
    assert "**Moment of Truth**" in ck.define("MOT")._repr_markdown_()


def test_key_is_unicode_normalised():
    # Full-width letters (common in Chinese input methods) count as their ASCII forms.
    assert _key("ＭＯＴ") == _key("mot") == "mot"
    assert _key(unicodedata.normalize("NFD", "Peak–end rule")) == "peakendrule"
