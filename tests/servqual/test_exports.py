"""SERVQUAL from your own survey: wording mapped to the 22 items or to dimensions, and the
printable questionnaire whose filled-in template reads back to the simulated answers."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import coursekit as ck
from coursekit import InputError, servqual


@pytest.mark.parametrize("language", ["en", "zh"])
def test_filled_template_reads_back_and_scores_like_the_simulated_answers(tmp_path, language):
    q = servqual.questionnaire(language)
    path = q.save(tmp_path)["template"]
    template = pd.read_csv(path, encoding="utf-8-sig")
    rng = np.random.default_rng(88)
    n = 25
    e, p = rng.integers(4, 8, (n, 22)), rng.integers(1, 8, (n, 22))
    filled = pd.DataFrame(np.column_stack([np.arange(1, n + 1), e, p]), columns=template.columns)
    filled.to_csv(tmp_path / "answers.csv", index=False, encoding="utf-8-sig")
    table = ck.survey.read(tmp_path / "answers.csv")
    stems = servqual.exports.PARTS[language]
    E, P = servqual.from_survey(table, stems[0], stems[1])
    assert list(E.columns) == list(servqual.ITEM_IDS)
    np.testing.assert_array_equal(E.to_numpy(), e)
    np.testing.assert_array_equal(P.to_numpy(), p)
    # The default dimensions apply: the gaps are those of the simulated answers.
    gaps = servqual.dimension_gaps(E, P).set_index("dimension")["gap"]
    for dimension, items in servqual.DIMENSION_ITEMS.items():
        cols = [servqual.ITEM_IDS.index(i) for i in items]
        assert gaps[dimension] == pytest.approx((p[:, cols] - e[:, cols]).mean())


def test_own_wording_mapped_to_dimensions_by_chinese_name():
    table = pd.DataFrame({"Expectations [前台礼貌]": [7, 6], "Expectations [按时完成]": [6, 7],
                          "Expectations [退房快]": [5, 6], "Perceptions [前台礼貌]": [5, 6],
                          "Perceptions [按时完成]": [4, 7], "Perceptions [退房快]": [5, 5]})
    table.attrs.update(questions={c: c.split(" [")[0] for c in table.columns},
                       items={c: c.split("[")[1].rstrip("]") for c in table.columns})
    E, P = servqual.from_survey(table, "Expectations", "Perceptions",
                                items={"前台礼貌": "专业度", "按时完成": "信赖度", "退房快": "反应度"})
    assert E.attrs["dimensions"] == {"Reliability": ["按时完成"], "Responsiveness": ["退房快"],
                                     "Assurance": ["前台礼貌"]}
    gaps = servqual.dimension_gaps(E, P, dimensions=E.attrs["dimensions"]).set_index("dimension")
    assert gaps.loc["Assurance", "gap"] == pytest.approx(((5 - 7) + (6 - 6)) / 2)


def test_unknown_wording_asks_for_a_mapping_and_lonely_items_are_named():
    table = pd.DataFrame({"E [a]": [7], "P [a]": [5], "E [b]": [6]})
    table.attrs.update(questions={c: c[0] for c in table.columns},
                       items={c: c[3] for c in table.columns})
    with pytest.raises(InputError, match=r"asked on one side only: 'b'"):
        servqual.from_survey(table, "E", "P")
    with pytest.raises(InputError, match=r"not the course's SERVQUAL items.*'a'.*items="):
        servqual.from_survey(table.drop(columns="E [b]"), "E", "P")
    with pytest.raises(InputError, match=r"maps 'a' to 3"):
        servqual.from_survey(table.drop(columns="E [b]"), "E", "P", items={"a": 3})


def test_a_dimension_of_your_own_instrument():
    table = pd.DataFrame({"E [app works]": [7, 6], "E [staff polite]": [6, 7],
                          "P [app works]": [4, 5], "P [staff polite]": [6, 6]})
    table.attrs.update(questions={c: c[0] for c in table.columns},
                       items={c: c[3:-1] for c in table.columns})
    E, P = servqual.from_survey(table, "E", "P", items={"app works": "Digital",
                                                        "staff polite": "Assurance"})
    assert E.attrs["dimensions"] == {"Assurance": ["staff polite"], "Digital": ["app works"]}
    gaps = servqual.dimension_gaps(E, P, dimensions=E.attrs["dimensions"]).set_index("dimension")
    assert gaps.loc["Digital", "gap"] == pytest.approx(((4 - 7) + (5 - 6)) / 2)


def test_questionnaire_page_and_bad_items():
    q = servqual.questionnaire("en", items=["q05", "q11"], organisation="the Lakeside hotel")
    assert "the Lakeside hotel" in q.html and "7 Strongly agree" in q.html
    assert servqual.ITEMS.set_index("item").loc["q11", "wording"] in q.html
    with pytest.raises(InputError, match="q23"):
        servqual.questionnaire("en", items=["q23"])
