"""survey.validate lists every problem of a trainee's own table in plain words, under their own
column names, for each kind of table; and a clean table gives no error."""
from __future__ import annotations

import pandas as pd
import pytest

import coursekit as ck
from coursekit import InputError


def problems(report, severity="error"):
    return " | ".join(report.loc[report["severity"] == severity, "problem"])


def test_the_case_tables_pass():
    checks = {"hotel_kano": "kano", "hotel_servqual": "servqual", "airport_journey": "journey",
              "ecommerce_tickets": "tickets", "hotel_complaints": "complaints"}
    for name, kind in checks.items():
        data = ck.datasets.load(name)
        if kind == "journey":
            roles = {"ratings": list(ck.datasets.AIRPORT_TOUCHPOINTS.index)}
        else:
            roles = {}
        report = ck.survey.validate(data, kind, **roles)
        assert report.attrs["ok"], (name, problems(report))


def test_kano_long_table_problems_are_all_listed():
    t = pd.DataFrame({"feature": ["wifi", "wifi", None, "gym"],
                      "正向": ["我喜欢", "maybe", "无所谓", "(跳过)"],
                      "反向": ["我不喜欢", "我不喜欢", "无所谓", "无所谓"]})
    report = ck.survey.validate(t, "kano", functional="正向", dysfunctional="反向")
    errors = problems(report)
    assert "'正向' has answers that are not KANO answers in 1 row: row 1: 'maybe'" in errors
    assert "'feature' has no feature name in 1 row" in errors
    assert "1 of 4 answer pairs lack an answer" in problems(report, "warning")
    assert "fewer than 30" in problems(report, "warning")
    assert report.attrs["roles"]["attribute"] == "feature"


def test_kano_wide_export_is_recognised_and_pointed_to_from_wide():
    wide = pd.DataFrame({"如果提供早餐，您的感受是": ["我喜欢"], "如果不提供早餐，您的感受是": ["我不喜欢"]})
    report = ck.survey.validate(wide, "kano")
    assert report.attrs["ok"] and "ck.kano.from_wide" in " ".join(report["fix"])


def test_servqual_codes_missing_partners_and_weights():
    t = pd.DataFrame({"E_q01": [7, 6, 99], "P_q01": [5, 5, 4], "E_q02": [6, 6, 6],
                      "w_tangibles": [50, 60, 50], "w_reliability": [50, 50, 50]})
    errors = problems(ck.survey.validate(t, "servqual"))
    assert "'E_q01' has values outside the 1-7 scale in 1 row: row 2: 99" in errors
    assert "no partner: 'E_q02'" in errors
    assert "do not add up to 100 for 1 respondents: row 1: 110" in errors


def test_journey_labels_instead_of_numbers_and_too_few_rows():
    t = pd.DataFrame({"值机": ["满意", "非常满意", "一般"], "安检": [3, 2, 4], "总体满意度": [4, 5, 3]})
    report = ck.survey.validate(t, "journey", ratings=["值机", "安检"])
    errors = problems(report)
    assert "'值机' has entries that are not numbers" in errors
    assert "to_numbers(table, 'satisfied5'" in " ".join(report["fix"])
    assert "needs at least 4" in errors


def test_tickets_out_of_order_mixed_zones_and_bad_counts():
    t = pd.DataFrame({
        "opened_at": pd.to_datetime(["2025-03-01 09:00", "2025-03-01 10:00"]),
        "first_reply": pd.to_datetime(["2025-03-01 08:00", "2025-03-01 10:05"]),
        "closed_at": pd.to_datetime(["2025-03-01 12:00", "2025-03-01 11:00"]).tz_localize("UTC"),
        "contacts": [0, 2], "csat": [5, 9]})
    report = ck.survey.validate(t, "tickets", created="opened_at", first_response="first_reply")
    errors = problems(report)
    assert "first_response comes before created in 1 row: row 0" in errors
    assert "carry a time zone and others do not" in errors
    assert "'contacts' has entries that are not whole numbers from 1" in errors
    assert "'csat' has values outside the 1-5 scale" in errors
    assert report.attrs["roles"]["resolved"] == "closed_at"


def test_complaints_negative_minutes_and_unreadable_yes_no():
    t = pd.DataFrame({"失误类型": ["噪音", "清洁", None], "response_min": [5, -3, 10],
                      "apology": ["yes", "maybe", "no"], "satisfaction_after": [5, 6, 7]})
    report = ck.survey.validate(t, "complaints")
    errors = problems(report)
    assert "negative minutes in 1 row: row 1: -3" in errors
    assert "'apology' is not a yes/no column" in errors
    assert "1 complaints have no cause" in problems(report, "warning")


def test_duplicated_column_names_are_reported_not_raised():
    t = pd.DataFrame([[1, 2]], columns=["a", "a"])
    assert "appear more than once" in problems(ck.survey.validate(t, "journey"))


def test_unknown_kind_and_role_are_input_errors():
    with pytest.raises(InputError, match="kind='nps' is not an option"):
        ck.survey.validate(pd.DataFrame({"a": [1]}), "nps")
    with pytest.raises(InputError, match="'outcome' is not a role of a tickets table"):
        ck.survey.validate(pd.DataFrame({"a": [1]}), "tickets", outcome="a")
