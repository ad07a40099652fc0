"""The course's own analysis functions recover what the generator planted in the case data.

Each test names the planted effect (see the data cards, datasets/<case>/README.md, and the
model modules coursekit/datasets/_*.py) and checks it with coursekit.kano, .servqual, .mot,
.recovery and .spc — the functions the lessons use. Bounds are set from the planted
parameters, not from the functions' output: e.g. the planted KANO mixes make every "clear"
feature's top category lead its second by at least 0.2 of the answers, which Fong's test must
call significant with 400 answers; a contested feature's top two are planted equal.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import coursekit as ck
from casegen import ecommerce as _ecommerce
from casegen import kano as _kano_model

CATEGORY = {"must-be": "M", "one-dimensional": "O", "attractive": "A", "indifferent": "I",
            "reverse": "R"}


@pytest.fixture(scope="module")
def data():
    return {name: ck.datasets.load(name) for name in ck.datasets.TABLES}


# --- KANO ------------------------------------------------------------------------------------

def _planted(features):
    clear, contested = {}, {}
    for name, (_, note) in features.items():
        if note.startswith("clear "):
            clear[name] = CATEGORY[note.removeprefix("clear ")]
        elif note.startswith("contested: "):
            a, b = note.removeprefix("contested: ").split(" or ")
            contested[name] = {CATEGORY[a], CATEGORY[b]}
    return clear, contested


@pytest.mark.parametrize("table, features", [("hotel_kano", _kano_model.HOTEL_FEATURES),
                                             ("ecommerce_kano", _kano_model.SHOP_FEATURES)])
def test_kano_recovers_each_clear_category_and_flags_the_contested_ones(data, table, features):
    summary = ck.kano.summarize(data[table]).set_index("attribute")
    clear, contested = _planted(features)
    assert len(clear) >= 7 and len(contested) >= 3
    for name, category in clear.items():
        assert summary.loc[name, "category"] == category, name
        assert bool(summary.loc[name, "fong_significant"]), name
    for name, pair in contested.items():
        assert summary.loc[name, "category"] in pair, name
        assert not bool(summary.loc[name, "fong_significant"]), name
    # a few reverse and questionable answers, as planted (careless and contradictory pairs)
    assert (summary["Q"] > 0).sum() >= len(summary) - 2
    assert 0 < summary["Q"].sum() / summary["n"].sum() < 0.05
    assert (summary["R"] > 0).all()


def test_kano_reverse_answers_where_they_were_planted(data):
    hotel = ck.kano.summarize(data["hotel_kano"]).set_index("attribute")
    robot = hotel.loc["room-service robot"]
    assert robot["R"] / robot["n"] > 0.15  # planted 0.25 of the mix
    shop = ck.kano.summarize(data["ecommerce_kano"]).set_index("attribute")
    assert shop.loc["marketing push notifications", "category"] == "R"
    bot = shop.loc["chatbot as first contact"]
    assert {"I", "R"} == set(bot[["A", "O", "M", "I", "R"]].astype(int).nlargest(2).index)


def test_kano_better_and_worse_follow_the_categories(data):
    s = ck.kano.summarize(data["hotel_kano"]).set_index("attribute")
    # must-be: dissatisfaction when absent, little delight when present; attractive: the reverse
    assert s.loc["free Wi-Fi", "worse"] < -0.6 < -0.4 < s.loc["late check-out", "worse"]
    assert s.loc["late check-out", "better"] > 0.6 > 0.4 > s.loc["free Wi-Fi", "better"]


# --- SERVQUAL ------------------------------------------------------------------------------

@pytest.mark.parametrize("prop", ["Downtown", "Lakeside"])
def test_servqual_dimensions_are_internally_consistent(data, prop):
    survey = data["hotel_servqual"]
    E, P = ck.servqual.split_survey(survey[survey["property"] == prop])
    G = ck.servqual.gaps(E, P)
    for dim, items in ck.servqual.DIMENSION_ITEMS.items():
        for label, table in (("E", E), ("P", P), ("gap", G)):
            alpha = float(ck.servqual.cronbach_alpha(table[list(items)]))
            assert 0.7 <= alpha <= 0.9, (prop, dim, label, alpha)


def _gaps(data, prop):
    survey = data["hotel_servqual"]
    E, P = ck.servqual.split_survey(survey[survey["property"] == prop])
    return ck.servqual.dimension_gaps(E, P).set_index("dimension")["gap"]


def test_downtown_worst_gap_is_responsiveness_then_empathy(data):
    gaps = _gaps(data, "Downtown").sort_values()
    assert list(gaps.index[:2]) == ["Responsiveness", "Empathy"]
    assert gaps["Responsiveness"] < gaps["Empathy"] - 0.3
    assert (gaps < 0).all()


def test_lakeside_worst_gap_is_tangibles_but_weighted_priority_is_reliability(data):
    gaps = _gaps(data, "Lakeside")
    assert gaps.idxmin() == "Tangibles" and gaps["Tangibles"] < gaps.drop("Tangibles").min() - 0.3
    survey = data["hotel_servqual"]
    lake = survey[survey["property"] == "Lakeside"]
    E, P = ck.servqual.split_survey(lake)
    per_guest = ck.servqual.dimension_gaps(E, P, per_respondent=True)
    points = lake[[f"w_{d.lower()}" for d in per_guest.columns]].to_numpy() / 100
    weighted = pd.Series((per_guest.to_numpy() * points).mean(axis=0), index=per_guest.columns)
    assert weighted.idxmin() == "Reliability"
    # and the weighted score itself is what a lesson computes from the w_ columns
    assert ck.servqual.score(lake, weights=True) == pytest.approx(weighted.sum(), abs=1e-9)


def test_guests_give_reliability_the_most_points_and_tangibles_the_fewest(data):
    w = data["hotel_servqual"].filter(like="w_").mean()
    assert w.idxmax() == "w_reliability" and w.idxmin() == "w_tangibles"


def test_expectations_crowd_at_the_top_of_the_scale(data):
    E, P = ck.servqual.split_survey(data["hotel_servqual"])
    assert (E >= 6).to_numpy().mean() > 0.55
    assert E.to_numpy().std() < P.to_numpy().std()


# --- airport: moments of truth -------------------------------------------------------------

@pytest.fixture(scope="module")
def journey(data):
    return data["airport_journey"]


@pytest.fixture(scope="module")
def touchpoints():
    return list(ck.datasets.AIRPORT_TOUCHPOINTS.index)


def test_relative_weights_find_security_as_the_top_driver(journey, touchpoints):
    drivers = ck.mot.driver_importance(journey, "overall_satisfaction", touchpoints)
    assert drivers["driver"].iloc[0] == "security"
    assert drivers["share"].iloc[0] > 30
    assert drivers["driver"].iloc[1] == "ground_transport"  # the end of the journey
    assert drivers["share"].iloc[0] > drivers["share"].iloc[1] + 5


def test_stated_importance_ranks_another_touchpoint_first_and_crowds_at_the_top(journey,
                                                                                touchpoints):
    stated = journey[[f"imp_{t}" for t in touchpoints]].mean()
    assert stated.idxmax() == "imp_in_flight"
    assert stated.idxmax() != "imp_security"
    assert stated.rank(ascending=False)["imp_security"] >= 3
    top_box = (journey[[f"imp_{t}" for t in touchpoints]] >= 6).mean()
    assert (top_box > 0.5).sum() >= 6  # most touchpoints: most passengers say 6 or 7
    derived = ck.mot.driver_importance(journey, "overall_satisfaction", touchpoints)
    rho = derived.set_index("driver")["share"].rank().corr(
        stated.rename(lambda c: c.removeprefix("imp_")).rank())
    assert rho < 0.5  # stated and derived importance disagree


def _r2(x, y):
    design = np.column_stack([np.ones(len(y)), x])
    resid = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
    return 1 - resid.var() / y.var()


def test_worst_and_last_moments_predict_overall_better_than_the_mean(journey, touchpoints):
    pe = ck.mot.peak_end(journey[touchpoints], scale=(1, 7))
    y = journey["overall_satisfaction"].to_numpy(float)
    worst_last = _r2(pe[["worst", "end"]].to_numpy(float), y)
    mean_only = _r2(pe[["mean"]].to_numpy(float), y)
    assert worst_last > mean_only + 0.05
    assert np.corrcoef(pe["worst"], y)[0, 1] > np.corrcoef(pe["mean"], y)[0, 1]


def test_touchpoint_ratings_share_a_halo(journey, touchpoints):
    corr = journey[touchpoints].corr().to_numpy()
    off = corr[~np.eye(len(touchpoints), dtype=bool)]
    assert 0.25 < off.min() and off.max() < 0.6


def test_security_ratings_drop_sharply_past_20_minutes(journey):
    wait, rating = journey["wait_security_min"], journey["security"]
    below = rating[wait.between(11, 20)].mean() - rating[wait.between(1, 10)].mean()
    above = rating[wait.between(21, 30)].mean() - rating[wait.between(11, 20)].mean()
    assert above < 2 * below < 0  # the slope steepens past the planted threshold
    assert rating[wait > 30].mean() < rating[wait <= 20].mean() - 2
    # heavy tail: the mean wait sits well above the median
    assert wait.mean() > 1.1 * wait.median() and wait.max() > 4 * wait.median()


def test_an_early_delay_announcement_softens_the_blow(journey):
    late = journey[journey["delay_min"].between(20, 120)]
    early = late[late["delay_notice_min"] >= 60]
    silent = late[~late["delay_announced"]]
    assert abs(early["delay_min"].mean() - silent["delay_min"].mean()) < 15
    assert early["boarding_gate"].mean() > silent["boarding_gate"].mean() + 0.3
    assert early["overall_satisfaction"].mean() > silent["overall_satisfaction"].mean()
    on_time = journey[journey["delay_min"] == 0]
    assert on_time["overall_satisfaction"].mean() > silent["overall_satisfaction"].mean() + 0.3


def test_vip_passengers_are_happier_because_they_wait_less(journey):
    seg = journey.groupby("segment", observed=True)
    assert seg["wait_security_min"].median()["VIP"] < seg["wait_security_min"].median()["economy"] / 2
    gap = seg["overall_satisfaction"].mean()
    assert gap["VIP"] > gap["economy"] + 0.2
    # at the same short waits, no planted security advantage remains for VIPs
    short = journey[journey["wait_security_min"].between(2, 5)]
    s = short.groupby("segment", observed=True)["security"].mean()
    raw = seg["security"].mean()
    assert abs(s["VIP"] - s["economy"]) < 0.5 * (raw["VIP"] - raw["economy"])


def test_trip_purpose_was_not_planted_so_it_makes_no_difference(journey):
    means = journey.groupby("purpose", observed=True)["overall_satisfaction"].mean()
    assert means.max() - means.min() < 0.25


# --- service recovery -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def stays(data):
    joined = data["hotel_stays"].merge(
        data["hotel_complaints"][["complaint_id", "response_min", "distributive",
                                  "procedural", "interactional"]],
        on="complaint_id", how="left")
    fair = joined[["distributive", "procedural", "interactional"]].min(axis=1) >= 5
    joined["fast_and_fair"] = joined["recovered"] & (joined["response_min"] <= 30) & fair
    return joined


def test_no_recovery_paradox_when_all_recoveries_are_taken_together(stays):
    result = ck.recovery.recovery_paradox(stays, "satisfaction")
    means = result.set_index("group")["mean"]
    assert means["Failure, recovered"] < means["No failure"]
    assert means["Failure, not recovered"] < means["Failure, recovered"] - 0.5


def test_a_small_recovery_paradox_after_fast_and_fair_recovery(stays):
    fast_fair = stays.assign(recovered=stays["fast_and_fair"])
    fast_fair = fast_fair[~fast_fair["failure"] | fast_fair["fast_and_fair"]]
    result = ck.recovery.recovery_paradox(fast_fair, "satisfaction")
    assert 0.1 < result.attrs["difference"] < 0.6  # planted small: a third of a scale point
    assert result.attrs["p_value"] < 0.01
    assert result.set_index("group").loc["Failure, recovered", "n"] >= 100


def test_the_paradox_is_small_and_its_intervals_say_so(stays):
    # taken together, recovered guests sit clearly below guests without a failure ...
    every = ck.recovery.recovery_paradox(stays, "satisfaction").set_index("group")
    assert every.loc["Failure, recovered", "ci_high"] < every.loc["No failure", "mean"]
    # ... only fast and fair recoveries end above them, by less than half a scale point
    fast_fair = stays.assign(recovered=stays["fast_and_fair"])
    fast_fair = fast_fair[~fast_fair["failure"] | fast_fair["fast_and_fair"]]
    result = ck.recovery.recovery_paradox(fast_fair, "satisfaction").set_index("group")
    none, fixed = result.loc["No failure"], result.loc["Failure, recovered"]
    assert fixed["ci_low"] > none["ci_high"]  # the intervals do not overlap: real ...
    assert fixed["ci_low"] - none["mean"] < 0.5  # ... and small
    assert fixed["ci_high"] - fixed["ci_low"] > 5 * (none["ci_high"] - none["ci_low"])


def test_interactional_justice_moves_satisfaction_after_recovery_most(data):
    complaints = data["hotel_complaints"]
    drivers = ck.mot.driver_importance(complaints, "satisfaction_after",
                                       ["distributive", "procedural", "interactional"])
    share = drivers.set_index("driver")["share"]
    assert list(drivers["driver"]) == ["interactional", "procedural", "distributive"]
    assert share["interactional"] > 45 and share["distributive"] < 20  # planted 0.45 / 0.20


def test_the_paradox_does_not_carry_over_to_returning(stays):
    fast_fair = stays.assign(recovered=stays["fast_and_fair"])
    fast_fair = fast_fair[~fast_fair["failure"] | fast_fair["fast_and_fair"]]
    result = ck.recovery.recovery_paradox(fast_fair, "returned_1y")
    assert result.attrs["kind"] == "proportion"
    assert result.attrs["p_value"] > 0.05
    assert result.attrs["difference"] < 0.05  # recovered guests do not come back more often


def test_silent_failures_do_the_most_damage(stays):
    silent = stays[stays["failure"] & stays["complaint_id"].isna()]
    complained = stays[stays["complaint_id"].notna()]
    assert len(silent) > len(complained)  # most dissatisfied guests never complain
    assert silent["satisfaction"].mean() < complained["satisfaction"].mean()
    assert silent["returned_1y"].mean() < complained["returned_1y"].mean()


def test_downtown_responds_more_slowly_and_is_judged_less_fair(data):
    complaints = data["hotel_complaints"]
    by = complaints.groupby("property", observed=True)
    assert by["response_min"].median()["Downtown"] > 2 * by["response_min"].median()["Lakeside"]
    assert by["interactional"].mean()["Downtown"] < by["interactional"].mean()["Lakeside"]
    assert by["procedural"].mean()["Downtown"] < by["procedural"].mean()["Lakeside"]
    causes = ck.recovery.pareto(complaints, "failure_type")
    assert causes.iloc[0]["cause"] in {"cleanliness", "maintenance"}


# --- the smart customer-service launch --------------------------------------------------------

@pytest.fixture(scope="module")
def tickets(data):
    t = data["ecommerce_tickets"]
    return t.assign(launch=np.where(t["created"] >= pd.Timestamp(_ecommerce.ROLLOUT),
                                    "after", "before"))


def test_first_response_in_chat_falls_from_minutes_to_seconds(tickets):
    k = ck.recovery.kpis(tickets, by=["channel", "launch"], unit="minutes")
    k = k.set_index(["channel", "launch"])
    chat_before = k.loc[("chat", "before"), "first_response_median_minutes"]
    chat_after = k.loc[("chat", "after"), "first_response_median_minutes"]
    assert chat_before > 1.5 and chat_after < 0.5 and chat_after < chat_before / 5
    for channel in ("phone", "email"):
        ratio = (k.loc[(channel, "after"), "first_response_median_minutes"]
                 / k.loc[(channel, "before"), "first_response_median_minutes"])
        assert 0.75 < ratio < 1.05, channel


def test_resolution_moves_much_less_and_first_contact_resolution_falls_in_chat(tickets):
    chat = tickets[tickets["channel"] == "chat"]
    k = ck.recovery.kpis(chat, by="launch", unit="hours").set_index("launch")
    ratio = k.loc["after", "resolution_median_hours"] / k.loc["before", "resolution_median_hours"]
    assert 0.8 < ratio < 1.3  # "resolution less so"
    assert k.loc["after", "fcr_pct"] < k.loc["before", "fcr_pct"] - 3
    simple = chat[chat["category"].isin(["product question", "account"])]
    ks = ck.recovery.kpis(simple, by="launch", unit="hours").set_index("launch")
    assert ks.loc["after", "resolution_median_hours"] < ks.loc["before", "resolution_median_hours"]


def test_satisfaction_and_repurchase_follow_resolution_not_first_response(tickets):
    k = ck.recovery.kpis(tickets, by="launch").set_index("launch")
    assert k.loc["after", "satisfaction_mean"] <= k.loc["before", "satisfaction_mean"]
    hours = (tickets["resolved"] - tickets["created"]).dt.total_seconds() / 3600
    first = (tickets["first_response"] - tickets["created"]).dt.total_seconds() / 60
    slow_fix = hours > hours.quantile(0.75)
    quick_fix = hours < hours.quantile(0.25)
    assert tickets.loc[quick_fix, "csat"].mean() > tickets.loc[slow_fix, "csat"].mean() + 0.3
    assert (tickets.loc[quick_fix, "repurchase_90d"].mean()
            > tickets.loc[slow_fix, "repurchase_90d"].mean() + 0.03)
    phone = tickets["channel"] == "phone"
    fast_answer = phone & (first < first[phone].quantile(0.25))
    slow_answer = phone & (first > first[phone].quantile(0.75))
    assert abs(tickets.loc[fast_answer, "csat"].mean() - tickets.loc[slow_answer, "csat"].mean()) < 0.15
    multi = tickets["contacts"] > 1
    assert tickets.loc[~multi, "csat"].mean() > tickets.loc[multi, "csat"].mean() + 0.3


def _planted_days(param):
    return {pd.Timestamp(d) for d in _ecommerce.PARAMS[param].value}


def test_p_chart_catches_the_planted_complaint_days(data):
    daily = data["ecommerce_daily"].set_index("date")
    chart = ck.spc.p_chart(daily["complaints"], daily["orders"])
    flagged = set(chart.index[chart["out_of_control"]])
    planted = _planted_days("rate_special_days")
    assert planted <= flagged
    # about one chance alarm a year with 3-sigma limits over 365 days; allow up to three
    assert len(flagged - planted) <= 3
    assert pd.Timestamp("2025-11-11") not in flagged  # many tickets, but an ordinary rate


def test_individuals_chart_catches_the_planted_slow_days_within_each_phase(data):
    daily = data["ecommerce_daily"].set_index("date")["mean_first_response_min"]
    launch = pd.Timestamp(_ecommerce.ROLLOUT)
    flagged = set()
    for phase in (daily[daily.index < launch], daily[daily.index >= launch]):
        chart = ck.spc.individuals_chart(phase)
        flagged |= set(chart.index[chart["out_of_control"]])
    planted = _planted_days("response_special_days")
    assert planted <= flagged and len(flagged - planted) <= 3
    # limits drawn across the launch mix two processes: most days fall outside them
    whole = ck.spc.individuals_chart(daily)
    assert whole["out_of_control"].mean() > 0.25
