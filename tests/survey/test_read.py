"""survey.read: each export shape in one call, typed respondent columns, cleaned answers, the
question map, scales and not-applicable codes; and a 问卷星 KANO export evaluated by hand."""
from __future__ import annotations

import warnings
from datetime import timedelta, timezone

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import InputError, MissingDataWarning
from coursekit.survey.text import clean_text

from .exports import GOOGLE_FORMS, GOOGLE_FORMS_ZH, PLAIN, QUALTRICS_JOURNEY, WJX_KANO


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# ---------------------------------------------------------------------------------------------
# 问卷星
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_wenjuanxin_export_in_any_of_its_encodings(tmp_path, encoding):
    table = ck.survey.read(write(tmp_path, "wjx.csv", WJX_KANO, encoding))
    assert table.attrs["layout"] == "wenjuanxin"
    assert list(table.columns) == ["respondent_id", "submitted", "duration", "source",
                                   "source_detail", "ip", "q1", "q2", "q3", "q4", "q5", "q6"]
    assert table["submitted"].iloc[0] == pd.Timestamp("2025-03-01 09:05:12")
    assert table["duration"].tolist()[:3] == [pd.Timedelta(seconds=125), pd.Timedelta(seconds=98),
                                              pd.Timedelta(minutes=2, seconds=5)]
    assert table["respondent_id"].tolist() == [1, 2, 3, 4, 5, 6]
    assert table["source_detail"].isna().sum() == 3            # "N/A" is no answer
    assert table.attrs["questions"]["q3"] == "如果酒店提供免费WiFi，您的感受是？"
    assert table.attrs["headers"]["submitted"] == "提交答卷时间"
    # Answers cleaned: "我不喜欢。" and "我 不喜欢" are "我不喜欢"; "(跳过)" is no answer.
    assert table["q4"].tolist()[:3] == ["我不喜欢"] * 3
    assert pd.isna(table.loc[4, "q3"])


def test_wenjuanxin_kano_export_gives_the_hand_checked_evaluation(tmp_path):
    """Respondent by respondent (functional, dysfunctional), from the table in docs/methods.md §3.2:
    免费WiFi: 1 (like, dislike) O; 2 (must-be, dislike) M; 3 (理所當然 = must-be, dislike) M;
    4 (like, neutral) A; 5 skipped: set aside; 6 (neutral, 無所謂 = neutral) I.
    自助入住机: 1 (like, live-with) A; 2 (like, live-with) A; 3 (neutral, live-with) I;
    4 (dislike, like) R; 5 (like, like) Q; 6 (喜欢 = like, neutral) A."""
    table = ck.survey.read(write(tmp_path, "wjx.csv", WJX_KANO, "gb18030"))
    long = ck.kano.from_wide(table, keep=["q2"])
    assert long.attrs["pairs"] == {"免费WiFi": ("q3", "q4"), "自助入住机": ("q5", "q6")}
    with pytest.warns(MissingDataWarning, match=r"1 of 12 answer pairs was set aside"):
        result = ck.kano.summarize(long).set_index("attribute")
    counts = result[["A", "O", "M", "I", "R", "Q", "n"]].to_dict("index")
    assert counts == {"免费WiFi": dict(A=1, O=1, M=2, I=1, R=0, Q=0, n=5),
                      "自助入住机": dict(A=3, O=0, M=0, I=1, R=1, Q=1, n=6)}
    assert result.loc["免费WiFi", "category"] == "M"
    assert result.loc["免费WiFi", "better"] == pytest.approx(2 / 5)     # (A + O) / (A + O + M + I)
    assert result.loc["免费WiFi", "worse"] == pytest.approx(-3 / 5)     # -(O + M) / (A + O + M + I)
    assert result.loc["自助入住机", "better"] == pytest.approx(3 / 4)
    assert result.loc["自助入住机", "worse"] == 0
    assert long.loc[long["respondent"] == 1, "q2"].unique().tolist() == ["商务"]


def test_xlsx_export_reads_like_the_csv(tmp_path):
    csv_table = ck.survey.read(write(tmp_path, "wjx.csv", WJX_KANO))
    rows = [line.split(",") for line in WJX_KANO.strip().split("\n")]
    sheet = pd.DataFrame(rows[1:], columns=rows[0])
    sheet["序号"] = sheet["序号"].astype(int)
    path = tmp_path / "wjx.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        pd.DataFrame({"说明": ["an unrelated first sheet"]}).to_excel(writer, sheet_name="说明",
                                                                     index=False)
        sheet.to_excel(writer, sheet_name="答卷", index=False)
    table = ck.survey.read(path, sheet="答卷")
    pd.testing.assert_frame_equal(table, csv_table, check_dtype=False)
    assert table.attrs["questions"] == csv_table.attrs["questions"]
    with pytest.raises(InputError, match=r"no sheet 'Sheet9'.*'说明', '答卷'"):
        ck.survey.read(path, sheet="Sheet9")


# ---------------------------------------------------------------------------------------------
# Qualtrics
def test_qualtrics_export_skips_its_two_extra_header_rows(tmp_path):
    table = ck.survey.read(write(tmp_path, "q.csv", QUALTRICS_JOURNEY), na_values=[99])
    assert table.attrs["layout"] == "qualtrics" and len(table) == 4
    assert {"started", "submitted", "recorded", "respondent_id", "duration", "ip"} <= set(table.columns)
    assert str(table["submitted"].dt.tz) == "Asia/Shanghai"
    assert table["duration"].iloc[0] == pd.Timedelta(seconds=245)
    assert table["finished"].tolist() == [True] * 4
    assert table["progress"].dtype.kind in "if"
    assert table.attrs["questions"]["Q2_2"] == "How would you rate each part of your trip?"
    assert table.attrs["items"]["Q2_2"] == "Security"
    assert np.isnan(table.loc[0, "Q2_3"])                       # 99 = not applicable
    assert table["Q2_1"].tolist() == [6, 7, 5, 4]
    ratings = ck.survey.grid(table, "Q2")
    assert list(ratings.columns) == ["Check-in", "Security", "Baggage claim"]


def test_a_not_applicable_code_is_caught_when_a_scale_is_declared(tmp_path):
    path = write(tmp_path, "q.csv", QUALTRICS_JOURNEY)
    with pytest.raises(InputError, match=r"'Q2_3'.*row 0: 99.*numbers from 1 to 7.*na_values"):
        ck.survey.read(path, scale=(1, 7))
    table = ck.survey.read(path, scale=(1, 7), na_values=[99])
    assert "Q2_3" in table.attrs["scaled"]


# ---------------------------------------------------------------------------------------------
# Google Forms
def test_google_forms_timestamps_keep_their_offset_and_grids_are_split(tmp_path):
    table = ck.survey.read(write(tmp_path, "g.csv", GOOGLE_FORMS), scale=(1, 5))
    assert table.attrs["layout"] == "google forms"
    assert table["submitted"].dt.tz.utcoffset(None) == timedelta(hours=8)
    assert table["submitted"].iloc[1] == pd.Timestamp("2025-03-01 13:15:30",
                                                      tz=timezone(timedelta(hours=8)))
    assert table["submitted"].iloc[2].hour == 23
    assert list(table.columns) == ["submitted", "email", "q1", "q2_1", "q2_2", "q2_3", "q3"]
    assert table.attrs["items"] == {"q2_1": "Check-in", "q2_2": "Room", "q2_3": "Breakfast"}
    # "5 - Excellent" -> 5, full-width "２" -> 2, "N/A" -> missing.
    assert table["q2_1"].tolist() == [5, 4, 2]
    assert table["q2_3"].tolist()[:2] == [3, 1] and np.isnan(table.loc[2, "q2_3"])
    assert table["q3"].tolist()[1:] == ["Great stay", "Noisy at night"]


def test_open_comments_are_kept_as_written(tmp_path):
    comments = [f"Room {k} was fine.  Thanks！" for k in range(300)]
    text = "respondent,comment\n" + "".join(f"{k},{c}\n" for k, c in enumerate(comments))
    table = ck.survey.read(write(tmp_path, "c.csv", text))
    assert table["comment"].tolist() == comments


def test_google_forms_in_chinese_with_half_day_words(tmp_path):
    table = ck.survey.read(write(tmp_path, "g.csv", GOOGLE_FORMS_ZH), scale="satisfied5")
    assert table["submitted"].iloc[1].hour == 13
    assert table["q2_1"].tolist() == [5.0, 3.0] and table["q2_2"].tolist() == [4.0, 5.0]


# ---------------------------------------------------------------------------------------------
# Plain tables
def test_plain_table_keeps_its_names_and_cleans_answers(tmp_path):
    table = ck.survey.read(write(tmp_path, "p.csv", PLAIN))
    assert table.attrs["layout"] == "plain"
    assert list(table.columns) == ["respondent", "segment", "check_in", "security", "overall", "comment"]
    assert table["check_in"].tolist() == [6, 4, 5]              # full-width ６ is 6
    assert table["segment"].tolist() == ["VIP", "economy", "economy"]
    assert np.isnan(table.loc[1, "security"])                  # (跳过)
    assert ck.survey.questions(table)["role"].eq("question").all()


def test_the_question_map_lists_every_column(tmp_path):
    table = ck.survey.read(write(tmp_path, "wjx.csv", WJX_KANO))
    q = ck.survey.questions(table)
    assert list(q.columns) == ["column", "role", "question", "item", "header"]
    assert q.set_index("column").loc["submitted", "role"] == "respondent"
    assert q.set_index("column").loc["q5", "header"] == "5、如果酒店提供自助入住机，您的感受是？"
    # A subset keeps the map of the columns it has.
    assert ck.survey.questions(table[["q1", "q2"]])["column"].tolist() == ["q1", "q2"]


# ---------------------------------------------------------------------------------------------
# Scales
def test_to_numbers_with_labels_numbers_and_na(tmp_path):
    t = pd.DataFrame({"a": ["非常满意", "满意 ", "一般。", "不满意", "非常不满意", "不适用"],
                      "b": ["7 - Strongly agree", "1 = Strongly disagree", "4", "5分", "(3)", None]})
    out = ck.survey.to_numbers(t, "satisfied5", columns=["a"])
    assert out["a"].tolist()[:5] == [5, 4, 3, 2, 1] and np.isnan(out["a"].iloc[5])
    assert ck.survey.to_numbers(t, (1, 7), columns=["b"])["b"].tolist()[:5] == [7, 1, 4, 5, 3]
    own = pd.DataFrame({"c": ["很好", "还行", "不好", "没用过"]})
    mine = ck.survey.to_numbers(own, {"很好": 3, "还行": 2, "不好": 1}, na_values=["没用过"])
    assert mine["c"].tolist()[:3] == [3, 2, 1] and np.isnan(mine["c"].iloc[3])
    assert mine.attrs["scaled"] == ["c"]


def test_every_named_scale_reads_its_own_labels_and_has_no_label_twice():
    for name, points in ck.survey.SCALES.items():
        seen = {}
        for number, wordings in enumerate(points, start=1):
            for wording in wordings:
                assert seen.setdefault(clean_text(wording).casefold(), number) == number, (name, wording)
        labels = pd.DataFrame({"x": [w[0] for w in points]})
        assert ck.survey.to_numbers(labels, name)["x"].tolist() == list(range(1, len(points) + 1))


# ---------------------------------------------------------------------------------------------
# Cleaning, as a property
CJK = st.sampled_from(list("满意非常一般我喜欢理应如此"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(CJK, st.sampled_from(list("abcXYZ12"))), min_size=1, max_size=8),
       st.lists(st.sampled_from([" ", "\u3000", "  "]), max_size=3),
       st.sampled_from(["", "。", ".", "！", " ,"]))
def test_clean_text_is_idempotent_and_ignores_layout(chars, spaces, end):
    text = "".join(chars)
    messy = "".join(spaces) + text + end
    assert clean_text(clean_text(messy)) == clean_text(messy)
    # Full-width forms and stray spaces never change the answer.
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert clean_text(wide + end) == clean_text(text)


# ---------------------------------------------------------------------------------------------
# Bad input
def test_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="There is no file"):
        ck.survey.read(tmp_path / "nothing.csv")


def test_a_file_that_is_not_a_table(tmp_path):
    path = write(tmp_path, "notes.docx", "x")
    with pytest.raises(InputError, match=r"not a CSV or Excel file.*\.xlsx"):
        ck.survey.read(path)


def test_a_header_without_answers(tmp_path):
    with pytest.raises(InputError, match="no answers"):
        ck.survey.read(write(tmp_path, "h.csv", WJX_KANO.split("\n")[0] + "\n"))


def test_an_unknown_layout_name(tmp_path):
    with pytest.raises(InputError, match="layout='surveymonkey' is not an option"):
        ck.survey.read(write(tmp_path, "p.csv", PLAIN), layout="surveymonkey")


def test_an_unknown_scale_name():
    with pytest.raises(InputError, match="scale='likert' is not a known scale"):
        ck.survey.to_numbers(pd.DataFrame({"a": ["x"]}), "likert")


def test_a_column_mostly_on_the_scale_names_the_rest():
    t = pd.DataFrame({"a": ["满意", "一般", "满意", "还行"]})
    with pytest.raises(InputError, match=r"'a'.*row 3: '还行'.*na_values"):
        ck.survey.to_numbers(t, "satisfied5")


def test_reading_does_not_warn_on_a_clean_export(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ck.survey.read(write(tmp_path, "wjx.csv", WJX_KANO))


def test_a_table_instead_of_a_path():
    with pytest.raises(InputError, match="needs the path of an export file"):
        ck.survey.read(pd.DataFrame({"a": [1]}))


def test_duplicated_column_names_are_named():
    t = pd.DataFrame([["满意", "一般"]], columns=["q1", "q1"])
    with pytest.raises(InputError, match="Column 'q1' appears 2 times in the survey table"):
        ck.survey.to_numbers(t, "satisfied5")
    with pytest.raises(InputError, match="Column 'q1' appears 2 times in the KANO survey"):
        ck.kano.from_wide(t)
