"""One wording for every problem report: the phrases are pinned here, and every analysis
function that sets rows aside says so in the same sentence."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import coursekit as ck
from coursekit.core import (InputError, MissingDataWarning, parse_scale, raise_bad_values,
                            require_same_labels, require_unique_labels, show_labels,
                            show_offenders, warn_set_aside)

SET_ASIDE = re.compile(r"^\d+ of \d+ [\w ]+ (was|were) [\w ,-]+ because of .+ "
                       r"\((row|rows) [^)]+(\(and \d+ more\))?\)\.$")


def test_offenders_show_five_then_how_many_more():
    values = pd.Series(range(9), index=[f"r{i}" for i in range(9)])
    assert show_offenders(values, values >= 0) == (
        "row 'r0': 0, row 'r1': 1, row 'r2': 2, row 'r3': 3, row 'r4': 4 (and 4 more)")
    assert show_offenders(values, values == 7) == "row 'r7': 7"


def test_labels_show_five_then_how_many_more():
    assert show_labels(["a", 2, "c"]) == "'a', 2, 'c'"
    assert show_labels(range(7)) == "0, 1, 2, 3, 4 (and 2 more)"


def test_bad_values_name_column_count_rows_and_what_is_allowed():
    s = pd.Series([1, 9, 8], index=["ann", "bo", "cy"])
    with pytest.raises(InputError) as info:
        raise_bad_values("q01", s, s > 7, "numbers from 1 to 7", problem="answers outside the scale")
    assert str(info.value) == ("Column 'q01' has answers outside the scale in 2 rows: row 'bo': 9, "
                               "row 'cy': 8. Allowed: numbers from 1 to 7.")


@pytest.mark.parametrize("labels, expected", [
    ([3], "1 of 10 stays was set aside because of a missing rating (row 3)."),
    (list(range(7)), "7 of 10 stays were set aside because of a missing rating "
                     "(rows 0, 1, 2, 3, 4 (and 2 more))."),
])
def test_set_aside_sentence(labels, expected):
    with pytest.warns(MissingDataWarning) as caught:
        warn_set_aside(labels, 10, "stays", "a missing rating")
    assert str(caught[0].message) == expected
    assert SET_ASIDE.match(expected)


def test_matching_labels_name_both_sides():
    with pytest.raises(InputError, match=r"only in the left table: 'b'; only in the right table: 'c'"):
        require_same_labels(["a", "b"], ["a", "c"], "the left table", "the right table")
    with pytest.raises(InputError, match="they are in a different order"):
        require_same_labels(["a", "b"], ["b", "a"], "the left table", "the right table", ordered=True)
    require_same_labels(["a", "b"], ["b", "a"], "the left table", "the right table")
    with pytest.raises(InputError, match="Repeated row labels in the table: 'a'"):
        require_unique_labels(["a", "a"], "the table")


@pytest.mark.parametrize("scale", [(7, 1), (1, 1), "1-7", (1,), (1, float("nan")), None])
def test_one_scale_parser(scale):
    if scale is None:
        assert parse_scale(scale) is None
        return
    with pytest.raises(InputError, match=r"Allowed: a pair \(lowest, highest\) such as scale=\(1, 7\)"):
        parse_scale(scale)


def _warnings_of(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [str(w.message) for w in caught if issubclass(w.category, MissingDataWarning)]


def test_every_topic_sets_rows_aside_in_the_same_words():
    ratings = pd.DataFrame({"a": [5, np.nan, 4, 6], "b": [3, np.nan, 2, 7], "overall": [4, 5, 3, 6]})
    kano_answers = pd.DataFrame({"attribute": ["x", "x", "y", "y"], "functional": [1, None, 2, 3],
                                 "dysfunctional": [5, 3, 5, 3]})
    items = pd.DataFrame({"q1": [5, 6, np.nan, 4, 6], "q2": [4, 6, 3, 4, 7], "q3": [5, 7, 3, 3, 6]})
    tickets = pd.DataFrame({"created": ["2025-03-01 09:00", None, "2025-03-01 10:00"],
                            "first_response": ["2025-03-01 09:30", None, None],
                            "resolved": [None, None, None], "contacts": [1, 1, 1], "csat": [5, 4, 3]})
    messages = []
    messages += _warnings_of(lambda: ck.mot.peak_end(ratings[["a", "b"]], scale=(1, 7)))
    messages += _warnings_of(lambda: ck.mot.driver_importance(
        pd.concat([ratings] * 3, ignore_index=True).assign(a=lambda d: d.a.where(d.index != 5, 2)),
        "overall", ["a", "b"]))
    messages += _warnings_of(lambda: ck.kano.summarize(kano_answers))
    messages += _warnings_of(lambda: ck.servqual.cronbach_alpha(items))
    messages += _warnings_of(lambda: ck.recovery.kpis(tickets))
    messages += _warnings_of(lambda: ck.recovery.pareto(pd.Series(["a", None, "b", "a"])))
    assert len(messages) >= 6
    for message in messages:
        assert SET_ASIDE.match(message), message
