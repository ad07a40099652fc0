"""KANO from real exports: the standard wording in Chinese and English, skip marks, the user's
answer map, from_wide's pairing of the two questions, and the printable questionnaire whose
filled-in template reads back to the simulated categories."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import InputError, MissingDataWarning, kano

STANDARD = {
    "zh": ["我喜欢", "它理应如此", "无所谓", "我能忍受", "我不喜欢"],
    "zh-Hant": ["我喜歡", "它理應如此", "無所謂", "我能忍受", "我不喜歡"],
    "en": ["I like it that way", "It must be that way", "I am neutral",
           "I can live with it that way", "I dislike it that way"],
}


@pytest.mark.parametrize("language", list(STANDARD))
def test_the_standard_five_answers_are_understood(language):
    assert kano.to_codes(STANDARD[language]).tolist() == [1, 2, 3, 4, 5]


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 4), st.sampled_from(["zh", "zh-Hant", "en"]),
       st.lists(st.sampled_from([" ", "\u3000"]), max_size=2), st.sampled_from(["", "。", ".", " "]),
       st.booleans())
def test_spacing_width_and_end_punctuation_never_change_an_answer(code, language, spaces, end, wide):
    word = STANDARD[language][code]
    if spaces and language == "en":
        word = word.replace(" ", "".join(spaces) + " ")          # "I  can live ..."
    elif spaces:
        word = word[:1] + "".join(spaces) + word[1:]            # "我 能忍受"
    if wide:
        word = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and c != " " else c for c in word)
    assert kano.to_codes([word + end]).tolist() == [code + 1]


@pytest.mark.parametrize("mark", ["", "(跳过)", "（跳过）", "-", "N/A", "n/a", None, float("nan")])
def test_blanks_and_skip_marks_are_missing_answers_set_aside_with_a_warning(mark):
    answers = pd.DataFrame({"attribute": ["wifi", "wifi", "gym"],
                            "functional": ["我喜欢", mark, "无所谓"],
                            "dysfunctional": ["我不喜欢", "我不喜欢", "无所谓"]})
    with pytest.warns(MissingDataWarning, match=r"1 of 3 answer pairs was set aside.*row 1"):
        table = kano.summarize(answers).set_index("attribute")
    assert table.loc["wifi", "n"] == 1 and table.loc["wifi", "O"] == 1


def test_a_user_answer_map_covers_other_wording():
    answers = pd.DataFrame({"attribute": ["wifi"] * 2, "functional": ["超喜欢", "还行吧"],
                            "dysfunctional": ["受不了", "还行吧"]})
    mine = {"超喜欢": "like", "受不了": 5, "还行吧": "neutral"}
    table = kano.summarize(answers, answers=mine)
    assert table.loc[0, ["O", "I", "n"]].tolist() == [1, 1, 2]
    with pytest.raises(InputError, match=r"not KANO answers.*'超喜欢'"):
        kano.summarize(answers)
    with pytest.raises(InputError, match=r"answers= maps '超喜欢' to 'love'"):
        kano.summarize(answers, answers={"超喜欢": "love"})


# ---------------------------------------------------------------------------------------------
# from_wide
def test_pairs_are_found_whatever_the_order_of_the_two_questions():
    wide = pd.DataFrame({
        "If the app does not have live chat, how do you feel?": ["I dislike it that way", "I am neutral"],
        "If the app has live chat, how do you feel?": ["I like it that way", "I am neutral"],
        "If the app has dark mode, how do you feel?": ["I like it that way", "I like it that way"],
        "If the app does not have dark mode, how do you feel?": ["I am neutral", "I am neutral"],
        "age": [34, 51]})
    long = kano.from_wide(wide)
    assert list(long.attrs["pairs"]) == ["live chat", "dark mode"]
    pair = long.attrs["pairs"]["live chat"]
    assert pair[0].startswith("If the app has") and pair[1].startswith("If the app does not")
    assert long["functional"].tolist()[:2] == ["like", "like"]


def test_two_grid_questions_with_the_same_rows_pair_row_by_row():
    wide = pd.DataFrame({"q5_1": ["我喜欢"], "q5_2": ["无所谓"], "q6_1": ["我不喜欢"], "q6_2": ["无所谓"]})
    wide.attrs.update(
        questions={"q5_1": "如果酒店提供以下服务，您的感受是", "q5_2": "如果酒店提供以下服务，您的感受是",
                   "q6_1": "如果酒店不提供以下服务，您的感受是", "q6_2": "如果酒店不提供以下服务，您的感受是"},
        items={"q5_1": "免费WiFi", "q5_2": "健身房", "q6_1": "免费WiFi", "q6_2": "健身房"})
    long = kano.from_wide(wide)
    assert long.attrs["pairs"] == {"免费WiFi": ("q5_1", "q6_1"), "健身房": ("q5_2", "q6_2")}
    assert kano.classify(long["functional"], long["dysfunctional"]).tolist() == ["O", "I"]


def test_explicit_pairs_and_kept_segments():
    wide = pd.DataFrame({"a": [1, 2], "b": [5, 5], "segment": ["VIP", "economy"]})
    long = kano.from_wide(wide, pairs={"lounge": ("a", "b")}, keep="segment")
    assert long["segment"].tolist() == ["VIP", "economy"]
    assert kano.classify(long["functional"], long["dysfunctional"]).tolist() == ["O", "M"]


def test_uncertain_pairing_asks_for_pairs():
    wide = pd.DataFrame({"如果提供早餐": ["我喜欢"], "如果提供晚餐": ["无所谓"]})
    with pytest.raises(InputError, match=r"could not be paired with certainty.*pairs=\{"):
        kano.from_wide(wide)


def test_a_column_used_twice_in_pairs():
    wide = pd.DataFrame({"a": [1], "b": [5], "c": [3]})
    with pytest.raises(InputError, match="Column 'b' is given for both"):
        kano.from_wide(wide, pairs={"x": ("a", "b"), "y": ("c", "b")})


def test_a_numeric_rating_next_to_worded_kano_answers_is_left_out():
    wide = pd.DataFrame({"如果提供早餐，您的感受是": ["我喜欢", "无所谓"], "早餐有多重要": [5, 4],
                         "如果不提供早餐，您的感受是": ["我不喜欢", "无所谓"]})
    assert kano.from_wide(wide).attrs["pairs"] == {
        "如果提供早餐，您的感受是": ("如果提供早餐，您的感受是", "如果不提供早餐，您的感受是")}


# ---------------------------------------------------------------------------------------------
# The printable questionnaire and its template, round trip
@pytest.mark.parametrize("language, fmt", [("zh", "csv"), ("en", "xlsx"), ("zh", "xlsx")])
def test_a_filled_template_reads_back_to_the_simulated_categories(tmp_path, language, fmt):
    features = (["免费WiFi", "免费早餐", "自助入住机", "延迟退房"] if language == "zh"
                else ["free Wi-Fi", "free breakfast", "self check-in kiosk", "late check-out"])
    q = kano.questionnaire(features, language=language)
    paths = q.save(tmp_path, template=fmt)
    template = (pd.read_csv(paths["template"], encoding="utf-8-sig") if fmt == "csv"
                else pd.read_excel(paths["template"]))
    rng = np.random.default_rng(2025)
    n = 40
    f, d = rng.integers(1, 6, (n, len(features))), rng.integers(1, 6, (n, len(features)))
    words = np.array(kano.STANDARD_ANSWERS[language], dtype=object)
    filled = pd.DataFrame(columns=template.columns, index=range(n), dtype=object)
    filled["respondent_id"] = np.arange(1, n + 1)
    for k in range(len(features)):
        filled.iloc[:, 1 + 2 * k] = words[f[:, k] - 1]
        filled.iloc[:, 2 + 2 * k] = words[d[:, k] - 1]
    target = tmp_path / f"answers.{fmt}"
    if fmt == "csv":
        filled.to_csv(target, index=False, encoding="utf-8-sig")
    else:
        filled.to_excel(target, index=False)
    long = kano.from_wide(ck.survey.read(target))
    assert list(long.attrs["pairs"]) == features
    assert long["respondent"].tolist()[: len(features)] == [1] * len(features)
    got = kano.classify(long["functional"], long["dysfunctional"]).to_numpy()
    assert (got == kano.classify(f.ravel(), d.ravel())).all()


def test_the_printable_page_is_self_contained_a4_and_in_the_standard_wording():
    q = kano.questionnaire(["免费WiFi"], language="zh")
    assert "@page { size: A4" in q.html and "<script" not in q.html
    assert "http" not in q.html and "src=" not in q.html and "url(" not in q.html
    for word in STANDARD["zh"]:
        assert word in q.html
    assert "如果不提供免费WiFi，您的感受是？" in q.html
    # Shown inside a notebook, the page must not add a second h1 under the notebook's title.
    assert "<h1" not in q._repr_html_() and "<h3 class=\"ckq-title\">" in q._repr_html_()


def test_saving_never_overwrites(tmp_path):
    q = kano.questionnaire(["wifi"], language="en")
    q.save(tmp_path)
    (tmp_path / "kano_questionnaire_template.csv").write_text("someone's answers", encoding="utf-8")
    with pytest.raises(InputError, match="already exist.*nothing was written"):
        q.save(tmp_path)
    assert (tmp_path / "kano_questionnaire_template.csv").read_text(encoding="utf-8") == "someone's answers"


def test_questionnaire_bad_input():
    with pytest.raises(InputError, match="listed twice"):
        kano.questionnaire(["wifi", "wifi"])
    with pytest.raises(InputError, match="language='fr' is not an option"):
        kano.questionnaire(["wifi"], language="fr")
