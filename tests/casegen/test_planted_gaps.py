"""The gaps model made measurable (lessons 03 and 04): the course's functions recover what the
generator planted in hotel_zone (gap 5 with two expectation levels), hotel_management (gap 1)
and hotel_audits (gap 3). See datasets/hotel/README.md and casegen/hotel_zone.py,
hotel_management.py and hotel_audits.py.

Bounds come from the planted parameters, not from the functions' output: e.g. the planted zone
puts Lakeside's reliability perceptions 0.5 below the adequate level, so the measured MSA must
be clearly negative; Downtown's night shift answers the phone twice as slowly, which drops its
pass rate by far more than 30 points.
"""
from __future__ import annotations

import pandas as pd
import pytest
from scipy import stats

import coursekit as ck
from casegen import hotel_audits as _audits
from casegen import hotel_management as _management
from casegen import hotel_zone as _zone

DIMS = ck.servqual.DIMENSIONS
RESPONSE = list(ck.datasets.HOTEL_STANDARDS.query("response_time").index)


@pytest.fixture(scope="module")
def zone():
    return ck.datasets.load("hotel_zone")


def _levels(frame):
    adequate, desired = ck.servqual.split_survey(frame, "A_", "D_")
    _, perceived = ck.servqual.split_survey(frame, "A_", "P_")
    return adequate, desired, perceived


def _zone_of(zone, prop, by="dimension"):
    table = ck.servqual.zone_of_tolerance(*_levels(zone[zone["property"] == prop]), by=by)
    return table.set_index(by) if by == "dimension" else table


# --- zone of tolerance (lesson 03) ----------------------------------------------------------

def test_downtown_tangibles_sit_above_the_zone_after_the_refurbishment(zone):
    z = _zone_of(zone, "Downtown")
    assert z.loc["Tangibles", "position"] == "above the zone"
    assert z.loc["Tangibles", "mss"] > 0.3  # planted: perceived 6.0 against desired 5.5
    items = _zone_of(zone, "Downtown", by="item")
    assert (items.loc[items["dimension"] == "Tangibles", "position"] == "above the zone").all()


def test_downtown_responsiveness_and_reliability_fall_below_the_zone(zone):
    z = _zone_of(zone, "Downtown")
    assert z.loc["Responsiveness", "position"] == "below the zone"
    assert z.loc["Responsiveness", "msa"] < -0.5  # planted: 4.4 against an adequate 5.2
    assert z.loc["Reliability", "msa"] < 0
    assert z["msa"].idxmin() == "Responsiveness"


def test_lakeside_reliability_is_below_the_zone_while_its_worst_gap_is_tolerated(zone):
    z = _zone_of(zone, "Lakeside")
    assert z.loc["Reliability", "position"] == "below the zone"
    assert z.loc["Reliability", "msa"] < -0.3
    items = _zone_of(zone, "Lakeside", by="item")
    assert (items.loc[items["dimension"] == "Reliability", "position"] == "below the zone").all()
    # Tangibles: the largest P - E gap of the SERVQUAL survey, but inside the wide zone
    assert z.loc["Tangibles", "position"] == "within the zone" and z.loc["Tangibles", "msa"] > 0
    servqual = ck.datasets.load("hotel_servqual")
    gaps = ck.servqual.dimension_gaps(servqual[servqual["property"] == "Lakeside"])
    assert gaps.set_index("dimension")["gap"].idxmin() == "Tangibles"
    assert set(z.index[z["position"] == "within the zone"]) == set(DIMS) - {"Reliability"}


@pytest.mark.parametrize("prop", ["Downtown", "Lakeside"])
def test_the_zone_is_narrowest_for_reliability_and_widest_for_tangibles(zone, prop):
    width = _zone_of(zone, prop)["zone_width"]
    assert width.idxmin() == "Reliability" and width.idxmax() == "Tangibles"
    assert width["Tangibles"] > 2 * width["Reliability"]  # planted 1.7 against 0.7
    items = _zone_of(zone, prop, by="item").groupby("dimension")["zone_width"]
    assert items.max()["Reliability"] < items.min()["Tangibles"]


def test_every_guest_desires_at_least_the_adequate_level(zone):
    adequate, desired, _ = _levels(zone)
    assert (desired >= adequate).to_numpy().all()
    assert ((desired == adequate).to_numpy().mean()) < 0.25  # a zone, not a point


def test_zone_perceptions_agree_with_the_servqual_survey_except_the_refurbished_tangibles(zone):
    servqual = ck.datasets.load("hotel_servqual")
    for prop in ("Downtown", "Lakeside"):
        zp = _zone_of(zone, prop)["perceived"]
        _, perceived = ck.servqual.split_survey(servqual[servqual["property"] == prop])
        sp = pd.Series({d: perceived[list(i)].mean(axis=1).mean()
                        for d, i in ck.servqual.DIMENSION_ITEMS.items()})
        lift = _zone.PARAMS["refurbishment"].value.get(prop, {})
        for dim in DIMS:
            assert abs(zp[dim] - sp[dim] - lift.get(dim, 0.0)) < 0.3, (prop, dim)


# --- the management survey: gap 1 (lesson 04) ------------------------------------------------

@pytest.fixture(scope="module")
def gap1():
    managers = ck.datasets.load("hotel_management")
    guests = ck.datasets.load("hotel_servqual")
    return managers, guests


def _dimension_means(frame, which):
    E, P = ck.servqual.split_survey(frame)
    table = E if which == "E" else P
    return pd.Series({d: table[list(i)].mean(axis=1).mean()
                      for d, i in ck.servqual.DIMENSION_ITEMS.items()})


def test_management_overvalues_tangibles_and_undervalues_reliability(gap1):
    managers, guests = gap1
    cols = list(ck.servqual.WEIGHT_COLUMNS.values())
    gap = managers[cols].mean() - guests[cols].mean()
    assert gap.idxmax() == "w_tangibles" and gap["w_tangibles"] > 6
    assert gap.idxmin() == "w_reliability" and gap["w_reliability"] < -6
    assert gap["w_responsiveness"] < 0
    # guests weigh tangibles least; managers think guests weigh them most or nearly so
    assert guests[cols].mean().idxmin() == "w_tangibles"
    assert managers[cols].mean().rank(ascending=False)["w_tangibles"] <= 2
    test = stats.ttest_ind(managers["w_reliability"], guests["w_reliability"], equal_var=False)
    assert test.pvalue < 0.001


@pytest.mark.parametrize("prop", ["Downtown", "Lakeside"])
def test_managers_underestimate_expectations_most_on_reliability_and_responsiveness(gap1, prop):
    managers, guests = gap1
    gap = (_dimension_means(managers[managers["property"] == prop], "E")
           - _dimension_means(guests[guests["property"] == prop], "E"))
    assert set(gap.nsmallest(2).index) == {"Reliability", "Responsiveness"}
    assert gap["Reliability"] < -0.5 and gap["Responsiveness"] < -0.5  # planted -0.9 each
    assert gap["Tangibles"] > 0  # planted +0.4: they think guests expect more of the building


@pytest.mark.parametrize("prop", ["Downtown", "Lakeside"])
def test_managers_rate_their_hotel_best_on_tangibles_and_miss_their_weakest_dimension(gap1,
                                                                                      prop):
    managers, guests = gap1
    own = _dimension_means(managers[managers["property"] == prop], "P")
    seen = _dimension_means(guests[guests["property"] == prop], "P")
    assert own.idxmax() == "Tangibles"  # seed 004's pattern, planted
    weakest = _management.weakest_dimension(prop)
    assert seen.idxmin() == weakest
    blind = own - seen
    assert (blind > 0).all()  # optimism everywhere
    # the planted blind spot: the hotel's weakest dimension (plus Tangibles' pride) is
    # overrated by far more than the rest
    rest = blind.drop(index=list({weakest, "Tangibles"}))
    assert blind[weakest] > rest.max() + 0.5


def test_management_survey_is_small_and_complete(gap1):
    managers, _ = gap1
    counts = managers["property"].value_counts()
    assert counts.to_dict() == _management.PARAMS["managers"].value
    assert (managers["role"] == "general manager").groupby(managers["property"],
                                                           observed=True).sum().eq(1).all()


# --- standards audits: gap 3 (lesson 04) -----------------------------------------------------

@pytest.fixture(scope="module")
def audits():
    a = ck.datasets.load("hotel_audits")
    return a.assign(after=a["date"] >= pd.Timestamp(_audits.TRAINING))


def _pass_rate(frame):
    return frame["passed"].mean()


@pytest.mark.parametrize("after", [False, True])
def test_downtown_night_shift_fails_the_response_time_standards(audits, after):
    a = audits[audits["after"] == after]
    response = a[a["standard"].isin(RESPONSE)]
    rate = response.groupby(["property", "shift"], observed=True)["passed"].mean()
    day = rate["Downtown"][["morning", "evening"]].mean()
    assert rate["Downtown"]["night"] < day - 0.3  # planted: night medians x 2
    assert abs(rate["Lakeside"]["night"] - rate["Lakeside"][["morning", "evening"]].mean()) < 0.12
    # the other standards do not single out the night
    other = a[~a["standard"].isin(RESPONSE)]
    rate = other.groupby(["property", "shift"], observed=True)["passed"].mean()
    assert rate["Downtown"]["night"] > rate["Downtown"][["morning", "evening"]].min() - 0.1


def _weekly(frame):
    week = frame.groupby(pd.Grouper(key="date", freq="W-SUN")).agg(
        fails=("passed", lambda s: int((~s).sum())), checks=("passed", "size"))
    return week[week["checks"] == week["checks"].max()]  # full weeks only


def test_downtown_compliance_improves_after_the_training_and_a_p_chart_shows_it(audits):
    downtown = audits[audits["property"] == "Downtown"]
    assert _pass_rate(downtown[downtown["after"]]) > _pass_rate(downtown[~downtown["after"]]) + 0.15
    week = _weekly(downtown)
    training = pd.Timestamp(_audits.TRAINING)
    chart = ck.spc.p_chart(week["fails"], week["checks"],
                           baseline=slice(None, training - pd.Timedelta(days=1)))
    before, after = chart[chart.index < training], chart[chart.index >= training]
    assert not before["out_of_control"].any()
    assert after["out_of_control"].mean() >= 0.8 and (after["p"] < after["lcl"]).all()
    lakeside = audits[audits["property"] == "Lakeside"]
    assert abs(_pass_rate(lakeside[lakeside["after"]]) - _pass_rate(lakeside[~lakeside["after"]])) < 0.05


def _daily_chart(frame):
    day = frame.groupby("date").agg(fails=("passed", lambda s: int((~s).sum())),
                                    checks=("passed", "size"))
    chart = ck.spc.p_chart(day["fails"], day["checks"])
    return set(chart.index[chart["out_of_control"]])


def test_daily_p_charts_catch_the_planted_bad_days(audits):
    planted = {pd.Timestamp(d): hotel for d, (hotel, _, _) in
               _audits.PARAMS["special_days"].value.items()}
    downtown = audits[audits["property"] == "Downtown"]
    before = _daily_chart(downtown[~downtown["after"]])
    after = _daily_chart(downtown[downtown["after"]])
    lakeside = _daily_chart(audits[audits["property"] == "Lakeside"])
    for day, hotel in planted.items():
        assert day in (before if hotel == "Downtown" else lakeside)
    # about one chance alarm per 180 days at 3 sigma; allow a few
    assert len(before - set(planted)) + len(after) <= 3
    assert len(lakeside - set(planted)) <= 3


def test_audits_cover_every_shift_of_every_day_against_the_written_standards(audits):
    standards = ck.datasets.HOTEL_STANDARDS
    assert audits["date"].nunique() == _audits.DAYS
    per_shift = audits.groupby(["property", "date", "shift"], observed=True).size()
    expected = {s: sum(s in shifts.split(", ") for shifts in standards["shifts"])
                for s in ("morning", "evening", "night")}
    assert per_shift.groupby(level="shift").agg(["min", "max"]).apply(tuple, axis=1).to_dict() == \
        {s: (n, n) for s, n in expected.items()}
    timed = audits.dropna(subset=["measured"])
    limit = standards["limit"].reindex(timed["standard"].astype(str)).to_numpy()
    assert (timed["passed"].to_numpy() == (timed["measured"].to_numpy() <= limit)).all()
    assert audits.loc[audits["standard"] == "guest_name", "measured"].isna().all()
