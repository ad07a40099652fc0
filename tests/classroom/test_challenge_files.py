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


def test_every_challenge_of_a_set_or_choice_offers_the_touchpoints_it_may_need(touchpoints):
    for challenge in CHALLENGES.values():
        if challenge.kind in ("set", "ordered", "choice"):
            assert set(challenge.options) <= set(touchpoints), challenge.id


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
