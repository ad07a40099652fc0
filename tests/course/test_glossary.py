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


# --- Chinese usage (issue 10, item 5) ---------------------------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]

# Names trainees and practitioners use, each with the term it must find.
PRACTITIONER_NAMES = {
    "顾客旅程图": "Customer journey map", "用户旅程图": "Customer journey map",
    "顾客旅程": "Customer journey", "用户旅程": "Customer journey",
    "理所当然质量": "Must-be quality", "必备属性": "Must-be quality", "基本型需求": "Must-be quality",
    "魅力属性": "Attractive quality", "期望属性": "One-dimensional quality",
    "一维质量": "One-dimensional quality", "无差异属性": "Indifferent quality",
    "反向属性": "Reverse quality", "失败点": "Fail point", "关键事件法": "Critical incident technique",
    "容忍区域": "Zone of tolerance", "容忍区间": "Zone of tolerance",
    "服务接触三元组": "Service encounter triad", "同理心": "Empathy", "移情性": "Empathy",
    "SERVQUAL量表": "SERVQUAL", "SERVQUAL模型": "SERVQUAL", "服务质量差距模型": "Gaps model",
    "顾客差距": "Customer gap", "峰终法则": "Peak–end rule", "服务蓝图法": "Service blueprint",
    "前台员工行为": "Onstage contact employee actions", "后台员工行为": "Backstage contact employee actions",
}


@pytest.mark.parametrize("name, term", PRACTITIONER_NAMES.items())
def test_names_practitioners_use_resolve(name, term):
    assert ck.define(name).term == term


def test_servqual_is_not_the_gaps_model():
    assert ck.define("SERVQUAL").term_zh in {"SERVQUAL模型", "SERVQUAL量表"}
    assert ck.define("服务质量差距模型").term == "Gaps model"
    assert "服务质量差距模型" not in _table().loc[_table().term == "SERVQUAL", "aliases"].iloc[0]


def test_fixed_chinese_names():
    g = ck.glossary().set_index("term")
    assert g.loc["Service encounter triad", "term_zh"] == "服务接触三元组合"
    assert g.loc["Empathy", "term_zh"] == "移情性"
    assert "卡尔森" in g.loc["Moment of Truth", "definition_zh"]
    text = _table().to_csv()
    assert "卡尔松" not in text


def _chinese_texts():
    """Every Chinese text the course writes itself: the glossary's Chinese names and definitions,
    and the lessons and their metadata (Chinese terms in parentheses)."""
    g = ck.glossary()
    texts = [("glossary " + t, s) for t, s in zip(g.term, g.term_zh)]
    texts += [("glossary " + t, s) for t, s in zip(g.term, g.definition_zh)]
    for path in [*sorted((ROOT / "lessons").glob("*.md")), ROOT / "coursekit/course/lessons.toml",
                 *sorted((ROOT / "notebooks/quizzes").glob("*.json"))]:
        texts.append((path.name, path.read_text(encoding="utf-8")))
    return texts


def test_one_word_for_the_customer_in_chinese():
    """The course writes 客户 throughout; 顾客 appears only as an alias people may type."""
    offenders = [where for where, text in _chinese_texts() if "顾客" in text]
    assert not offenders, f"write 客户, not 顾客, in: {offenders}"


FULL_WIDTH_ONLY = re.compile(r"[,;:]")
PROSE_PARENTHESES = re.compile(r"\(([^()]*)\)")


@pytest.mark.parametrize("row", _table().to_dict("records"), ids=lambda r: r["term"])
def test_chinese_definitions_use_chinese_punctuation(row):
    text = row["definition_zh"]
    assert not FULL_WIDTH_ONLY.search(text), f"use ，；： in Chinese text: {text}"
    # ASCII parentheses are allowed only around a formula: not around Chinese words or a
    # citation, and not right after a Chinese character.
    for match in PROSE_PARENTHESES.finditer(text):
        before = text[match.start() - 1] if match.start() else ""
        assert not CJK.search(match.group(1)) and "，" not in match.group(1), (
            f"use （） around Chinese text or a citation: {text}")
        assert not CJK.search(before), f"use （） after a Chinese character: {text}"
