"""Every expected answer in the course's challenge files, recomputed from the case data with
the course's own analysis functions: a change to the data or the library that moves an answer
fails here, not in front of a class."""
from __future__ import annotations

import math
import re

import pandas as pd
import pytest

import coursekit as ck
from coursekit.classroom.catalogue import catalogue

CHALLENGES = catalogue()


@pytest.fixture(scope="module")
def journey():
    return ck.datasets.load("airport_journey")


@pytest.fixture(scope="module")
def touchpoints():
    return list(ck.datasets.AIRPORT_TOUCHPOINTS.index)


@pytest.fixture(scope="module")
def weights(journey, touchpoints):
    return ck.mot.driver_importance(journey, "overall_satisfaction", touchpoints)


def close(challenge, value) -> bool:
    return math.isclose(challenge.expected, value, rel_tol=challenge.rel_tol)


OPTIONS = {"01": "touchpoints", "02": "touchpoints", "03": "dimensions", "04": "gaps"}


def test_every_challenge_of_a_set_or_choice_offers_the_names_it_may_need(touchpoints):
    names = {"touchpoints": set(touchpoints), "dimensions": set(ck.servqual.DIMENSIONS),
             "gaps": {f"gap {n}" for n in ck.servqual.GAPS}}
    for challenge in CHALLENGES.values():
        # each lesson's sets and choices offer names from its own vocabulary; lessons 05 and 06
        # are checked against their case data below
        if challenge.kind in ("set", "ordered", "choice") and challenge.lesson in OPTIONS:
            assert set(challenge.options) <= names[OPTIONS[challenge.lesson]], challenge.id


def test_02_three_mots_are_the_three_largest_relative_weights(weights):
    assert set(CHALLENGES["02-three-mots"].expected) == set(weights["driver"].head(3))


def test_02_ranking_is_the_order_of_the_relative_weights(weights):
    assert list(CHALLENGES["02-ranking"].expected) == list(weights["driver"].head(3))


def test_02_security_share(weights):
    share = weights.set_index("driver").loc["security", "share"]
    assert close(CHALLENGES["02-security-share"], share)
    assert f"{share:.1f}" in CHALLENGES["02-three-mots"].explain


def test_02_long_waits(journey):
    share = (journey["wait_security_min"] > 20).mean() * 100
    assert close(CHALLENGES["02-long-waits"], share)


def test_02_not_on_list_is_the_moment_said_to_matter_most(journey, touchpoints, weights):
    stated = journey[[f"imp_{t}" for t in touchpoints]].mean()
    top_stated = stated.idxmax().removeprefix("imp_")
    assert CHALLENGES["02-not-on-list"].expected == top_stated
    in_flight = weights.set_index("driver").loc["in_flight", "share"]
    assert in_flight < 10 and f"{in_flight:.1f} %" in CHALLENGES["02-not-on-list"].explain
    assert f"{stated.max():.2f}" in CHALLENGES["02-not-on-list"].explain


def test_01_lowest_moment(journey, touchpoints):
    means = journey[touchpoints].mean()
    assert CHALLENGES["01-lowest-moment"].expected == means.idxmin()
    assert f"{means.min():.2f}" in CHALLENGES["01-lowest-moment"].answer


def test_01_no_desk(journey):
    assert close(CHALLENGES["01-no-desk"], (journey["wait_check_in_min"] == 0).mean() * 100)


JOURNEY = {"booking": 6, "check_in": 5, "security": 1, "boarding_gate": 5, "in_flight": 6,
           "arrival": 6, "baggage_claim": 6, "ground_transport": 3}


def remembered(**changes) -> float:
    ratings = pd.DataFrame([{**JOURNEY, **changes}])
    return float(ck.mot.peak_end(ratings, scale=(1, 7))["peak_end"].iloc[0])


def test_01_remembered_is_the_peak_end_score_of_the_prompts_journey():
    challenge = CHALLENGES["01-remembered"]
    ratings = challenge.prompt.split(" on the 1-7 scale")[0].split("rates ")[1]
    told = re.findall(r"([a-z][a-z -]*?) (\d)(?=,|$)", ratings)
    assert {re.sub(r"[ -]", "_", name.strip()): int(r) for name, r in told} == JOURNEY
    assert close(challenge, remembered())


def test_01_fix_first_is_the_change_that_lifts_the_remembered_score_most():
    scores = {"security": remembered(security=4), "boarding_gate": remembered(boarding_gate=7),
              "ground_transport": remembered(ground_transport=5)}
    challenge = CHALLENGES["01-fix-first"]
    assert challenge.expected == max(scores, key=scores.get)
    assert set(challenge.options) == set(scores)
    assert f"{scores['security']:.1f}" in challenge.answer
    assert f"{scores['ground_transport']:.1f}" in challenge.answer


# --- lesson 03: SERVQUAL ----------------------------------------------------------------------

HOTELS = ["Downtown", "Lakeside"]


@pytest.fixture(scope="module")
def servqual_survey():
    return ck.datasets.load("hotel_servqual")


@pytest.fixture(scope="module")
def zones():
    survey = ck.datasets.load("hotel_zone")
    out = {}
    for name in HOTELS:
        part = survey[survey["property"] == name]
        adequate, desired = ck.servqual.split_survey(part, "A_", "D_")
        _, perceived = ck.servqual.split_survey(part, "A_", "P_")
        out[name] = ck.servqual.zone_of_tolerance(adequate, desired, perceived,
                                                  by="dimension").set_index("dimension")
    return out


def _weighted_gaps(survey, name):
    guests = survey[survey["property"] == name]
    per_guest = ck.servqual.dimension_gaps(guests, per_respondent=True)
    return (per_guest * guests[list(ck.servqual.WEIGHT_COLUMNS.values())].to_numpy() / 100).mean()


def test_03_first_priorities_are_first_by_weighted_gap_and_below_the_zone(servqual_survey, zones):
    for cid, name in [("03-downtown-first", "Downtown"), ("03-lakeside-first", "Lakeside")]:
        weighted = _weighted_gaps(servqual_survey, name)
        assert CHALLENGES[cid].expected == weighted.idxmin()
        assert zones[name].loc[weighted.idxmin(), "position"] == "below the zone"
        assert f"{weighted.min():.2f}".replace("-", "−") in CHALLENGES[cid].explain
    plain = ck.servqual.dimension_gaps(servqual_survey[servqual_survey["property"] == "Lakeside"])
    assert plain.set_index("dimension")["gap"].idxmin() != CHALLENGES["03-lakeside-first"].expected


def test_03_below_zone_and_msa(zones):
    downtown = zones["Downtown"]
    below = set(downtown.index[downtown["position"] == "below the zone"])
    assert set(CHALLENGES["03-below-zone"].expected) == below
    assert close(CHALLENGES["03-downtown-msa"], downtown.loc["Responsiveness", "msa"])
    assert f"{downtown.loc['Responsiveness', 'perceived']:.2f}" in CHALLENGES["03-downtown-msa"].explain


def test_03_real_differences_leave_zero_out_of_both_intervals(servqual_survey):
    real = {}
    for method in ("bootstrap", "t"):
        table = ck.servqual.compare_gaps(servqual_survey, by="property", groups=HOTELS,
                                         method=method, seed=2025)
        real[method] = set(table.loc[~table["zero_inside"], "dimension"])
    assert real["bootstrap"] == real["t"] == set(CHALLENGES["03-real-differences"].expected)


# --- lesson 04: the gaps model and standards --------------------------------------------------

def test_04_which_gap_challenges_name_the_listening_and_performance_gaps():
    assert CHALLENGES["04-gap-points"].expected == "gap 1" and ck.servqual.GAPS[1][0] == "listening gap"
    assert CHALLENGES["04-gap-night"].expected == "gap 3" and ck.servqual.GAPS[3][0] == "performance gap"
    gap1 = ck.servqual.listening_gap(ck.datasets.load("hotel_management"),
                                     ck.datasets.load("hotel_servqual")).set_index(["property", "dimension"])
    for name in HOTELS:
        row = gap1.loc[(name, "Reliability")]
        text = CHALLENGES["04-gap-points"].explain
        assert f"{row['points_managers']:.1f}" in text and f"{row['points_guests']:.1f}" in text


def test_04_night_compliance():
    audits = ck.datasets.load("hotel_audits")
    standards = ck.datasets.HOTEL_STANDARDS
    response = audits[audits["standard"].isin(standards.index[standards["response_time"]])]
    response = response.assign(after=response["date"] >= pd.Timestamp("2025-06-23"))
    rates = ck.servqual.compliance(response, by=["property", "after", "shift"]).set_index(
        ["property", "after", "shift"])["compliance_pct"]
    assert close(CHALLENGES["04-night-compliance"], rates[("Downtown", True, "night")])
    assert f"{rates[('Downtown', False, 'night')]:.1f}" in CHALLENGES["04-night-compliance"].explain


@pytest.fixture(scope="module")
def daily():
    return ck.datasets.load("ecommerce_daily").set_index("date")


def test_04_complaint_rate_is_the_p_charts_centre_line(daily):
    chart = ck.spc.p_chart(daily["complaints"], daily["orders"])
    assert close(CHALLENGES["04-complaint-rate"], 1000 * chart.attrs["centre"])


def test_04_ucl_after_the_launch(daily):
    after = ck.spc.individuals_chart(daily.loc["2025-07-01":, "mean_first_response_min"])
    assert close(CHALLENGES["04-ucl-after"], after.attrs["ucl"])
    assert f"{after.attrs['centre']:.3f}" in CHALLENGES["04-ucl-after"].explain
    assert f"{after.attrs['mr_bar']:.3f}" in CHALLENGES["04-ucl-after"].explain
    flagged = {d.strftime("%d") for d in after.index[after["out_of_control"]]}
    assert flagged == {"23", "11"}


# --- lesson 06: service recovery ------------------------------------------------------------

@pytest.fixture(scope="module")
def hotel():
    return ck.datasets.load("hotel_stays"), ck.datasets.load("hotel_complaints")


def test_06_silent_share(hotel):
    stays, _ = hotel
    failed = stays[stays["failure"]]
    share = 100 * failed["complaint_id"].isna().mean()
    assert close(CHALLENGES["06-silent-share"], share)
    assert f"{len(failed):,}" in CHALLENGES["06-silent-share"].explain


def test_06_vital_causes_are_the_pareto_vital_few(hotel):
    _, complaints = hotel
    causes = ck.recovery.pareto(complaints, "failure_type")
    challenge = CHALLENGES["06-vital-causes"]
    assert set(challenge.expected) == set(causes.loc[causes["vital_few"], "cause"])
    assert set(challenge.options) == set(ck.datasets.tables.FAILURE_TYPES)
    five = causes["cumulative_share"].iloc[len(challenge.expected) - 2]
    assert f"{five:.1f} %" in challenge.explain


def test_06_top_justice_is_the_largest_relative_weight(hotel):
    _, complaints = hotel
    weights = ck.mot.driver_importance(complaints, "satisfaction_after",
                                       ["distributive", "procedural", "interactional"])
    challenge = CHALLENGES["06-top-justice"]
    assert challenge.expected == weights.loc[0, "driver"]
    for row in weights.itertuples():
        assert f"{row.share:.1f} %" in challenge.explain


def test_06_fast_fair_share(hotel):
    stays, complaints = hotel
    fair = complaints[["distributive", "procedural", "interactional"]].min(axis=1) >= 5
    good = complaints["fixed"] & (complaints["response_min"] <= 30) & fair
    marked = stays["stay_id"].isin(complaints.loc[good, "stay_id"])
    assert close(CHALLENGES["06-fast-fair-share"], 100 * marked.sum() / stays["failure"].sum())
    table = ck.recovery.recovery_paradox(stays.assign(ff=marked), "satisfaction", recovered="ff")
    means = table.set_index("group")["mean"]
    assert f"{means['Failure, recovered']:.2f} against {means['No failure']:.2f}" in \
        CHALLENGES["06-fast-fair-share"].explain


def test_06_chat_fcr_after_the_launch():
    tickets = ck.datasets.load("ecommerce_tickets")
    tickets["launch"] = (tickets["created"] >= pd.Timestamp("2025-07-01")).map({True: "after", False: "before"})
    fcr = ck.recovery.kpis(tickets[tickets["channel"] == "chat"], by="launch").set_index("launch")["fcr_pct"]
    challenge = CHALLENGES["06-chat-fcr"]
    assert close(challenge, fcr["after"])
    assert f"{fcr['before']:.1f} %" in challenge.answer


# --- lesson 05: KANO ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kano():
    return (ck.datasets.load("hotel_kano"), ck.datasets.load("ecommerce_kano"),
            ck.datasets.load("ecommerce_kano_2023"))


def test_05_contested_are_the_amenities_fong_cannot_call(kano):
    summary = ck.kano.summarize(kano[0])
    challenge = CHALLENGES["05-contested"]
    assert set(challenge.expected) == set(summary.loc[~summary["fong_significant"], "attribute"])
    assert set(challenge.options) == set(summary["attribute"])
    rows = summary.set_index("attribute")
    for feature in challenge.expected:
        a, b = sorted(rows.loc[feature, list("AOMIRQ")], reverse=True)[:2]
        assert f"{a}" in challenge.explain and f"{b}" in challenge.explain


def test_05_breakfast_threshold(kano):
    row = ck.kano.summarize(kano[0]).set_index("attribute").loc["breakfast included"]
    a, b = sorted(row[list("AOMIRQ")], reverse=True)[:2]
    challenge = CHALLENGES["05-breakfast-threshold"]
    assert f"{a} one-dimensional and {b} attractive pairs out of n = {row['n']}" in challenge.prompt
    assert close(challenge, 1.65 * ((a + b) * (2 * row["n"] - a - b) / (2 * row["n"])) ** 0.5)
    assert not row["fong_significant"]


def test_05_breakfast_for_leisure_guests(kano):
    hotel = kano[0]
    leisure = ck.kano.summarize(hotel[hotel["segment"] == "leisure"]).set_index("attribute")
    row = leisure.loc["breakfast included"]
    assert row["fong_significant"]
    assert CHALLENGES["05-breakfast-leisure"].expected == ck.kano.CATEGORY_NAMES[row["category"]]


def test_05_became_must_be_is_the_one_o_to_m_migration(kano):
    _, new, old = kano
    waves = ck.kano.compare({"2023": old, "2025": new})
    moved = waves[(waves["category_2023"] == "O") & (waves["category_2025"] == "M")
                  & (waves["pattern"] == "differ")]
    challenge = CHALLENGES["05-became-must-be"]
    assert list(moved["attribute"]) == [challenge.expected]
    assert set(challenge.options) == set(waves["attribute"])
    row = moved.iloc[0]
    assert f"{abs(row['worse_2023']):.2f} to {abs(row['worse_2025']):.2f}" in challenge.explain


def test_05_roadmap_top_three(kano):
    plan = ck.kano.priorities(ck.kano.summarize(kano[1]))
    challenge = CHALLENGES["05-roadmap-top-three"]
    assert list(challenge.expected) == list(plan["attribute"].head(3))
    assert f"{abs(plan.loc[2, 'worse']):.3f}" in challenge.explain


# --- lesson 07: the launch and the service-profit chain ------------------------------------

@pytest.fixture(scope="module")
def shop_panel():
    panel = ck.datasets.load("ecommerce_units")
    panel["pilot"] = panel.groupby("unit_id", observed=True)["support_tool"].transform("any")
    panel["after"] = panel["quarter"] >= "2024Q3"
    return panel


def test_07_chat_fcr_after():
    tickets = ck.datasets.load("ecommerce_tickets")
    after = tickets[(tickets["channel"] == "chat") & (tickets["created"] >= "2025-07-01")]
    fcr = ck.recovery.kpis(after).loc[0, "fcr_pct"]
    assert close(CHALLENGES["07-chat-fcr-after"], fcr)


def test_07_top_ticket_driver():
    tickets = ck.datasets.load("ecommerce_tickets").dropna(subset=["csat"])
    tickets["first_response_min"] = (tickets["first_response"] - tickets["created"]).dt.total_seconds() / 60
    tickets["resolution_hours"] = (tickets["resolved"] - tickets["created"]).dt.total_seconds() / 3600
    challenge = CHALLENGES["07-top-ticket-driver"]
    weights = ck.mot.driver_importance(tickets, "csat", list(challenge.options))
    assert challenge.expected == weights.loc[0, "driver"]
    for row in weights.itertuples():
        assert f"{row.share:.1f} %" in challenge.answer


def test_07_held_slope(shop_panel):
    held = ck.chain.link(shop_panel, "revenue_growth_pct", ["employee_satisfaction",
                                                           "market_growth_pct"],
                         cluster="unit_id").iloc[0]
    challenge = CHALLENGES["07-held-slope"]
    assert close(challenge, held["estimate"])
    assert f"({held['ci_low']:.2f} to {held['ci_high']:.2f})" in challenge.answer


def test_07_pilot_es_and_growth(shop_panel):
    es = ck.chain.difference_in_differences(shop_panel, "employee_satisfaction", treated="pilot",
                                            after="after", cluster="unit_id")
    assert close(CHALLENGES["07-pilot-es"], es.attrs["estimate"])
    assert f"({es.attrs['ci_low']:.2f} to {es.attrs['ci_high']:.2f})" in CHALLENGES["07-pilot-es"].answer
    growth = ck.chain.difference_in_differences(shop_panel, "revenue_growth_pct", treated="pilot",
                                                after="after", cluster="unit_id").attrs
    clear = growth["ci_low"] > 0 or growth["ci_high"] < 0
    assert CHALLENGES["07-pilot-growth"].expected == ("yes" if clear else "no")
    assert f"+{growth['estimate']:.2f}" in CHALLENGES["07-pilot-growth"].answer


def test_07_nps_shop():
    table = ck.chain.nps(ck.datasets.load("ecommerce_recommend"))
    assert close(CHALLENGES["07-nps-shop"], table.loc[0, "nps"])
    assert f"{table.loc[0, 'ci_low']:.1f} to {table.loc[0, 'ci_high']:.1f}" in CHALLENGES["07-nps-shop"].answer


# --- lesson 08: the capstone's board-scored parts, one pair per case -----------------------

def test_08_airport_top_driver_and_concentrate_here(journey, touchpoints, weights):
    assert CHALLENGES["08-airport-top-driver"].expected == weights.loc[0, "driver"]
    grid = ck.mot.ipa(weights.set_index("driver")["share"], journey[touchpoints].mean(),
                      crosshairs="data")
    concentrate = set(grid.loc[grid["quadrant"] == "Concentrate here", "attribute"])
    assert set(CHALLENGES["08-airport-concentrate"].expected) == concentrate


def test_08_hotel_top_driver_and_must_be():
    complaints = ck.datasets.load("hotel_complaints")
    challenge = CHALLENGES["08-hotel-top-driver"]
    drivers = ck.mot.driver_importance(complaints, "satisfaction_after", list(challenge.options))
    assert challenge.expected == drivers.loc[0, "driver"]
    for row in drivers.itertuples():
        assert f"{row.share:.1f} %" in challenge.answer
    kano = ck.kano.summarize(ck.datasets.load("hotel_kano"))
    must_be = set(kano.loc[kano["category_close_call"] == "M", "attribute"])
    assert set(CHALLENGES["08-hotel-must-be"].expected) == must_be
    assert kano.loc[kano["attribute"].isin(must_be), "fong_significant"].all()
    assert list(CHALLENGES["08-hotel-must-be"].options) == list(kano["attribute"])


def test_08_ecommerce_top_driver_and_must_be():
    assert CHALLENGES["08-ecommerce-top-driver"].expected == CHALLENGES["07-top-ticket-driver"].expected
    kano = ck.kano.summarize(ck.datasets.load("ecommerce_kano"))
    must_be = set(kano.loc[kano["category_close_call"] == "M", "attribute"])
    assert set(CHALLENGES["08-ecommerce-must-be"].expected) == must_be
    assert list(CHALLENGES["08-ecommerce-must-be"].options) == list(kano["attribute"])


def test_08_every_case_earns_the_same_points():
    auto = {case: sum(c.max_points for cid, c in CHALLENGES.items()
                      if cid.startswith(f"08-{case}-"))
            for case in ("airport", "hotel", "ecommerce")}
    auto["own"] = CHALLENGES["08-own-survey"].max_points
    assert set(auto.values()) == {20}
    assert CHALLENGES["08-plan"].max_points == 80
