"""coursekit.datasets: the committed tables load, have the promised types and ranges, and
``validate`` finds every kind of problem in a trainee's table (one test per kind)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import InputError
from coursekit.datasets import TABLES
from coursekit.datasets import io as _io

ROOT = Path(__file__).resolve().parents[2]
NAMES = list(TABLES)


@pytest.fixture(scope="module")
def loaded():
    return {name: ck.datasets.load(name) for name in NAMES}


@pytest.fixture
def journey(loaded):
    return loaded["airport_journey"].copy()


# --- the committed tables ------------------------------------------------------------------

def test_catalog_lists_every_table_with_its_row_count(loaded):
    cat = ck.datasets.catalog()
    assert list(cat.columns) == ["name", "case", "rows", "description"]
    assert cat["name"].tolist() == NAMES
    assert cat.set_index("name")["rows"].to_dict() == {n: len(df) for n, df in loaded.items()}
    assert set(cat["case"]) == {"airport", "hotel", "ecommerce"}


def test_sizes_are_as_the_brief_asks(loaded):
    assert len(loaded["airport_journey"]) == 3000
    assert len(loaded["hotel_servqual"]) == 600
    assert 18_000 <= len(loaded["ecommerce_tickets"]) <= 22_000
    assert loaded["hotel_kano"]["attribute"].nunique() >= 10
    assert loaded["ecommerce_kano"]["attribute"].nunique() >= 10
    assert loaded["hotel_kano"]["respondent_id"].nunique() == 400
    assert len(loaded["ecommerce_daily"]) == 365


@pytest.mark.parametrize("name", NAMES)
def test_columns_are_exactly_the_schema(loaded, name):
    assert list(loaded[name].columns) == TABLES[name].column_names


@pytest.mark.parametrize("name", NAMES)
def test_values_respect_the_schema(loaded, name):
    df = loaded[name]
    for col in TABLES[name].columns:
        values = df[col.name]
        if not col.missing:
            assert values.notna().all(), col.name
        if col.kind in ("int", "float"):
            present = values.dropna()
            if col.lo is not None:
                assert (present >= col.lo).all(), col.name
            if col.hi is not None:
                assert (present <= col.hi).all(), col.name
        if col.kind in ("category", "ordinal") and col.levels:
            assert set(values.dropna().astype(str)) <= set(col.levels), col.name
    key = list(TABLES[name].key)
    assert not df.duplicated(key).any()


def test_dtypes_of_the_airport_table(loaded):
    j = loaded["airport_journey"]
    for column in ck.datasets.AIRPORT_TOUCHPOINTS.index:
        assert j[column].dtype == np.int64
        assert j[f"imp_{column}"].dtype == np.int64
    assert j["segment"].dtype == pd.CategoricalDtype(["economy", "business", "VIP"], ordered=True)
    assert j["segment"].cat.ordered and j["segment"].min() == "economy"
    assert j["delay_announced"].dtype == bool
    # blanks where no delay was announced, so pandas needs floats here
    assert j["delay_notice_min"].dtype == np.float64
    assert pd.api.types.is_string_dtype(j["passenger_id"])
    assert pd.api.types.is_string_dtype(j["comment"]) and j["comment"].isna().any()


def test_dtypes_of_the_other_tables(loaded):
    kano_order = ["like", "must-be", "neutral", "live-with", "dislike"]
    for name in ("hotel_kano", "ecommerce_kano"):
        for column in ("functional", "dysfunctional"):
            assert loaded[name][column].dtype == pd.CategoricalDtype(kano_order, ordered=True)
    tickets = loaded["ecommerce_tickets"]
    for column in ("created", "first_response", "resolved"):
        assert pd.api.types.is_datetime64_dtype(tickets[column])
    assert tickets["csat"].dtype == np.float64 and tickets["csat"].isna().any()
    assert tickets["repurchase_90d"].dtype == bool
    assert isinstance(tickets["channel"].dtype, pd.CategoricalDtype)
    assert not tickets["channel"].cat.ordered
    assert pd.api.types.is_datetime64_dtype(loaded["ecommerce_daily"]["date"])
    assert loaded["ecommerce_daily"]["mean_first_response_min"].dtype == np.float64
    stays = loaded["hotel_stays"]
    assert stays["failure"].dtype == bool and stays["recovered"].dtype == bool
    assert pd.api.types.is_datetime64_dtype(stays["arrival"])
    weights = loaded["hotel_servqual"].filter(like="w_")
    assert (weights.dtypes == np.int64).all()


def test_servqual_weights_add_up_to_100_and_most_are_multiples_of_five(loaded):
    w = loaded["hotel_servqual"][["w_tangibles", "w_reliability", "w_responsiveness",
                                  "w_assurance", "w_empathy"]]
    assert (w.sum(axis=1) == 100).all()
    assert (w % 5 == 0).all(axis=1).mean() > 0.6


@pytest.mark.parametrize("name", NAMES)
def test_validate_gives_back_what_load_gives(loaded, name):
    df = loaded[name]
    pd.testing.assert_frame_equal(ck.datasets.validate(df, name), df)


@pytest.mark.parametrize("name", NAMES)
def test_validate_of_a_plain_read_csv_equals_load(loaded, name):
    # What a trainee would do: let pandas guess the types, then validate.
    raw = pd.read_csv(_io.data_dir() / TABLES[name].filename)
    pd.testing.assert_frame_equal(ck.datasets.validate(raw, name), loaded[name])


@pytest.mark.parametrize("name", ["airport_journey", "hotel_complaints", "ecommerce_kano"])
def test_validate_reads_object_columns_like_str_columns(loaded, name):
    as_object = loaded[name].astype({c: object for c in loaded[name].columns})
    pd.testing.assert_frame_equal(ck.datasets.validate(as_object, name), loaded[name])


def test_airport_touchpoints_constant_is_the_journey_order(loaded):
    tp = ck.datasets.AIRPORT_TOUCHPOINTS
    assert list(tp.index) == ["booking", "check_in", "security", "boarding_gate", "in_flight",
                              "arrival", "baggage_claim", "ground_transport"]
    cols = list(loaded["airport_journey"].columns)
    assert [cols.index(c) for c in tp.index] == sorted(cols.index(c) for c in tp.index)
    assert tp["step"].tolist() == list(range(1, 9))
    assert tp.loc["security", "zh"] == "安检" and tp["en"].str.len().gt(0).all()
    assert loaded["airport_journey"][tp.index].shape == (3000, 8)


def test_columns_gives_the_bilingual_dictionary():
    d = ck.datasets.columns("hotel_stays")
    assert d["column"].tolist() == TABLES["hotel_stays"].column_names
    assert d["meaning_zh"].str.len().gt(0).all() and d["meaning"].str.len().gt(0).all()
    assert d.set_index("column").loc["complaint_id", "blank_allowed"]


# --- names and data location ---------------------------------------------------------------

def test_unknown_name_lists_the_tables_and_suggests_one():
    with pytest.raises(InputError, match=r"no case table called 'hotel_servqaul'\. Did you "
                                         r"mean 'hotel_servqual'\?.*'airport_journey'"):
        ck.datasets.load("hotel_servqaul")


def test_unknown_name_without_a_close_match_still_lists_the_tables():
    with pytest.raises(InputError, match=r"no case table called 'weather'\. The tables are: "):
        ck.datasets.validate(pd.DataFrame({"a": [1]}), "weather")


def test_a_file_name_is_accepted_as_a_table_name(loaded):
    pd.testing.assert_frame_equal(ck.datasets.load("ecommerce/ecommerce_daily.csv"),
                                  loaded["ecommerce_daily"])


def test_environment_variable_overrides_the_data_folder(tmp_path, monkeypatch, loaded):
    (tmp_path / "hotel").mkdir()
    original = _io.data_dir() / "hotel" / "hotel_stays.csv"
    lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "hotel" / "hotel_stays.csv").write_text("".join(lines[:11]), encoding="utf-8")
    monkeypatch.setenv("COURSEKIT_DATA_DIR", str(tmp_path))
    assert ck.datasets.data_dir() == tmp_path
    assert len(ck.datasets.load("hotel_stays")) == 10
    with pytest.raises(InputError, match="COURSEKIT_DATA_DIR is set, so only that folder"):
        ck.datasets.load("airport_journey")


def test_a_bundled_copy_is_read_first_when_it_exists(tmp_path, monkeypatch):
    package = tmp_path / "site" / "coursekit"
    bundled = package / "_bundled_datasets" / "ecommerce"
    bundled.mkdir(parents=True)
    source = ROOT / "datasets" / "ecommerce" / "ecommerce_daily.csv"
    text = source.read_text(encoding="utf-8").splitlines(keepends=True)
    (bundled / "ecommerce_daily.csv").write_text("".join(text[:4]), encoding="utf-8")
    monkeypatch.delenv("COURSEKIT_DATA_DIR", raising=False)
    monkeypatch.setattr(_io, "_PACKAGE", package)
    assert len(ck.datasets.load("ecommerce_daily")) == 3
    # a table the bundled copy lacks: no repository folder next to it, so a clear error
    with pytest.raises(InputError, match=r"Could not find the file 'hotel/hotel_kano\.csv'"):
        ck.datasets.load("hotel_kano")


def test_editable_install_reads_the_repository_folder(monkeypatch):
    monkeypatch.delenv("COURSEKIT_DATA_DIR", raising=False)
    assert ck.datasets.data_dir() == ROOT / "datasets"


def test_importing_datasets_stays_light():
    code = ("import sys, coursekit; assert 'coursekit.datasets' not in sys.modules; "
            "import coursekit.datasets; print('matplotlib' in sys.modules, "
            "'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


# --- validate: one test per kind of problem ------------------------------------------------

def test_missing_column_is_named_with_a_suggestion(journey):
    bad = journey.rename(columns={"security": "securty"})
    with pytest.raises(InputError, match=r"no column 'security' \(did you mean 'securty'\?\)"):
        ck.datasets.validate(bad, "airport_journey")


def test_unknown_category_shows_value_row_and_allowed(journey):
    bad = journey.astype({"segment": object})
    bad.loc[7, "segment"] = "first"
    with pytest.raises(InputError, match=r"Column 'segment' has unknown categories in 1 row: row 7: "
                                         r"'first'\. Allowed: in order: 'economy', 'business', "
                                         r"'VIP'\."):
        ck.datasets.validate(bad, "airport_journey")


def test_value_out_of_range_shows_value_row_and_allowed(journey):
    journey.loc[3, "security"] = 9
    journey.loc[5, "security"] = 0
    with pytest.raises(InputError, match=r"Column 'security' has values out of range in 2 rows: row 3: "
                                         r"9, row 5: 0\. Allowed: whole numbers from 1 to 7\."):
        ck.datasets.validate(journey, "airport_journey")


def test_text_in_a_number_column(journey):
    bad = journey.astype({"recommend": object})
    bad.loc[0, "recommend"] = "ten"
    with pytest.raises(InputError, match=r"Column 'recommend' has entries that are not "
                                         r"numbers in 1 row: row 0: 'ten'\. Allowed: whole "
                                         r"numbers from 0 to 10\."):
        ck.datasets.validate(bad, "airport_journey")


def test_fraction_in_a_whole_number_column(journey):
    bad = journey.astype({"wait_security_min": float})
    bad.loc[2, "wait_security_min"] = 12.5
    with pytest.raises(InputError, match=r"'wait_security_min' has entries that are not whole "
                                         r"numbers in 1 row: row 2: 12\.5"):
        ck.datasets.validate(bad, "airport_journey")


def test_unparseable_date_shows_value_row_and_the_format(loaded):
    tickets = loaded["ecommerce_tickets"].head(6).astype({"created": object})
    tickets.loc[4, "created"] = "31/02/2025 10:00"
    with pytest.raises(InputError, match=r"Column 'created' has dates that cannot be read in 1 row: "
                                         r"row 4: '31/02/2025 10:00'\. Allowed: date and time "
                                         r"written year first"):
        ck.datasets.validate(tickets, "ecommerce_tickets")


def test_missing_entry_where_one_is_required(loaded):
    stays = loaded["hotel_stays"].head(5).astype({"property": object})
    stays.loc[1, "property"] = None
    with pytest.raises(InputError, match=r"Column 'property' has missing entries in 1 row: row 1: "
                                         r"missing \(NaN\)\. Allowed: a value in every row\."):
        ck.datasets.validate(stays, "hotel_stays")


def test_values_that_are_not_yes_or_no(loaded):
    stays = loaded["hotel_stays"].head(5).astype({"failure": object})
    stays.loc[2, "failure"] = "maybe"
    with pytest.raises(InputError, match=r"Column 'failure' has entries that are not "
                                         r"True/False in 1 row: row 2: 'maybe'\. Allowed: "
                                         r"True/False"):
        ck.datasets.validate(stays, "hotel_stays")


def test_repeated_identifier(journey):
    journey.loc[4, "passenger_id"] = journey.loc[1, "passenger_id"]
    with pytest.raises(InputError, match=r"'passenger_id' should identify each row once, but 2 "
                                         r"rows share a value: row 1: 'PAX00002', row 4: "
                                         r"'PAX00002'"):
        ck.datasets.validate(journey, "airport_journey")


def test_weights_that_do_not_add_up_to_100(loaded):
    survey = loaded["hotel_servqual"].head(5).copy()
    survey.loc[3, "w_empathy"] += 10
    with pytest.raises(InputError, match=r"weights that do not add up to 100 \(row totals "
                                         r"shown\) in 1 row: row 3: 110"):
        ck.datasets.validate(survey, "hotel_servqual")


def test_resolution_before_first_response(loaded):
    tickets = loaded["ecommerce_tickets"].head(5).copy()
    tickets.loc[2, "resolved"] = tickets.loc[2, "first_response"] - pd.Timedelta(minutes=5)
    with pytest.raises(InputError, match=r"Column 'resolved' has times before first_response in 1 row: "
                                         r"row 2: '2025-"):
        ck.datasets.validate(tickets, "ecommerce_tickets")


def test_delay_notice_without_an_announcement(journey):
    row = journey.index[journey["delay_announced"]][0]
    journey.loc[row, "delay_announced"] = False
    with pytest.raises(InputError, match=rf"'delay_notice_min' has values that disagree with "
                                         rf"delay_announced in 1 row: row {row}:"):
        ck.datasets.validate(journey, "airport_journey")


def test_more_complaints_than_orders(loaded):
    daily = loaded["ecommerce_daily"].head(4).copy()
    daily.loc[1, "complaints"] = daily.loc[1, "orders"] + 1
    with pytest.raises(InputError, match=r"'complaints' has more complaints than orders in "
                                         r"1 row: row 1:"):
        ck.datasets.validate(daily, "ecommerce_daily")


def test_a_repeated_column_name(journey):
    doubled = pd.concat([journey, journey[["security"]]], axis=1)
    with pytest.raises(InputError, match=r"Column 'security' appears 2 times"):
        ck.datasets.validate(doubled, "airport_journey")


def test_every_problem_is_listed_in_one_message_with_row_labels(journey):
    bad = journey.head(6).astype({"segment": object, "recommend": object})
    bad.index = [f"r{i}" for i in range(6)]
    bad = bad.drop(columns="comment")
    bad.loc["r2", "segment"] = "gold"
    bad.loc["r4", "recommend"] = "11"
    bad.loc["r5", "booking"] = 8
    with pytest.raises(InputError) as caught:
        ck.datasets.validate(bad, "airport_journey")
    message = str(caught.value)
    assert "(4 problems)" in message
    assert "no column 'comment'" in message
    assert "row 'r2': 'gold'" in message
    assert "row 'r4': '11'" in message
    assert "row 'r5': 8" in message


def test_not_a_table_and_an_empty_table():
    with pytest.raises(InputError, match="should be a pandas DataFrame"):
        ck.datasets.validate([1, 2, 3], "airport_journey")
    with pytest.raises(InputError, match="is empty"):
        ck.datasets.validate(pd.DataFrame(), "airport_journey")


# --- validate: what it forgives --------------------------------------------------------------

def test_labels_are_matched_ignoring_case_and_spacing(journey):
    loose = journey.head(5).astype({"segment": object})
    loose["segment"] = [" vip", "ECONOMY", "Business ", "VIP", "economy"]
    typed = ck.datasets.validate(loose, "airport_journey")
    assert typed["segment"].tolist() == ["VIP", "economy", "business", "VIP", "economy"]


def test_kano_answers_as_codes_english_or_chinese(loaded):
    answers = loaded["hotel_kano"].head(5)
    mixed = answers.astype({"functional": object, "dysfunctional": object})
    mixed["functional"] = [1, "Must be", "无所谓", "能忍受", "5"]
    mixed["dysfunctional"] = ["不喜欢", 2, "neutral", "LIVE WITH", "dislike"]
    typed = ck.datasets.validate(mixed, "hotel_kano")
    assert typed["functional"].tolist() == ["like", "must-be", "neutral", "live-with", "dislike"]
    assert typed["dysfunctional"].tolist() == ["dislike", "must-be", "neutral", "live-with",
                                               "dislike"]
    mixed.loc[0, "functional"] = "maybe"
    with pytest.raises(InputError, match=r"'functional' has unknown categories in 1 row: row 0: "
                                         r"'maybe'"):
        ck.datasets.validate(mixed, "hotel_kano")


def test_yes_no_words_become_booleans(loaded):
    stays = loaded["hotel_stays"].head(4).astype({"returned_1y": object})
    stays["returned_1y"] = ["yes", "No", 1, "false"]
    assert ck.datasets.validate(stays, "hotel_stays")["returned_1y"].tolist() == [
        True, False, True, False]


def test_own_labels_and_extra_columns_are_kept(loaded):
    survey = loaded["hotel_servqual"].head(4).astype({"property": object})
    survey["property"] = ["Harbour", "Airport", "Harbour", "Airport"]
    survey["wave"] = [1, 1, 2, 2]
    typed = ck.datasets.validate(survey, "hotel_servqual")
    assert list(typed["property"].cat.categories) == ["Harbour", "Airport"]
    assert typed.columns[-1] == "wave" and typed["wave"].tolist() == [1, 1, 2, 2]


def test_blank_survey_answers_are_allowed_and_make_the_column_float(journey):
    journey.loc[[3, 8], "in_flight"] = np.nan
    typed = ck.datasets.validate(journey, "airport_journey")
    assert typed["in_flight"].dtype == np.float64 and typed["in_flight"].isna().sum() == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from([c.name for c in TABLES["airport_journey"].columns
                               if c.kind == "int" and c.hi is not None]),
       row=st.integers(0, 29), above=st.booleans(), by=st.integers(1, 50))
def test_any_out_of_range_answer_is_reported_with_its_row(loaded, column, row, above, by):
    df = loaded["airport_journey"].head(30).copy()
    col = TABLES["airport_journey"].column(column)
    value = int(col.hi + by) if above else int(col.lo - by)
    df.loc[row, column] = value
    with pytest.raises(InputError, match=rf"Column '{column}' has values out of range in 1 row: "
                                         rf"row {row}: {value}\."):
        ck.datasets.validate(df, "airport_journey")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(1, 200))
def test_validate_of_any_row_sample_equals_the_same_rows_of_load(loaded, seed, size):
    sample = loaded["hotel_complaints"].sample(n=size, random_state=seed)
    out = ck.datasets.validate(sample.astype(object), "hotel_complaints")
    expected = loaded["hotel_complaints"].loc[sample.index]
    pd.testing.assert_frame_equal(out, expected, check_categorical=False)
    for column in ("property", "failure_type", "compensation"):
        assert list(out[column].cat.categories) == list(TABLES["hotel_complaints"]
                                                        .column(column).levels)


def test_missing_data_folder_explains_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSEKIT_DATA_DIR", raising=False)
    monkeypatch.setattr(_io, "_PACKAGE", tmp_path / "nowhere" / "coursekit")
    with pytest.raises(InputError, match=r"python -m casegen datasets"):
        ck.datasets.catalog()


def test_the_repository_data_can_be_copied_and_pointed_at(tmp_path, monkeypatch, loaded):
    shutil.copytree(ROOT / "datasets", tmp_path / "data")
    monkeypatch.setenv("COURSEKIT_DATA_DIR", str(tmp_path / "data"))
    pd.testing.assert_frame_equal(ck.datasets.load("hotel_kano"), loaded["hotel_kano"])


def test_repeated_answer_pair_in_a_long_kano_table(loaded):
    answers = loaded["ecommerce_kano"].head(12).copy()
    answers.loc[5, "attribute"] = answers.loc[2, "attribute"]
    with pytest.raises(InputError, match=r"Columns 'respondent_id' and 'attribute' should "
                                         r"together identify each row once, but 2 rows share a "
                                         r"value: row 2: 'S0001 / "):
        ck.datasets.validate(answers, "ecommerce_kano")
