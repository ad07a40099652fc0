"""A capstone played end to end: two teams fill their plans from their own analysis, the
checklist says they are complete, they hand them in to a real board started by the test, the
instructor scores the rubric and reveals, and the board ranks them."""
from __future__ import annotations

import csv
import io
import json

import coursekit as ck
from coursekit.classroom import localqueue

from ..classroom import _board
from .conftest import hotel_plan

CHALLENGES = ["08-hotel-top-driver", "08-hotel-must-be", "08-airport-top-driver",
              "08-airport-concentrate", "08-plan"]


def airport_plan(team="Peony") -> dict:
    """An airport team that reads the IPA grid wrongly: it puts the boarding gate, the third
    driver, in 'Concentrate here' instead of ground transport."""
    journey = ck.datasets.load("airport_journey")
    touchpoints = list(ck.datasets.AIRPORT_TOUCHPOINTS.index)
    weights = ck.mot.driver_importance(journey, "overall_satisfaction", touchpoints)
    plan = {**hotel_plan(team), "case": "airport"}
    plan.pop("must_be")
    plan["problem"] = "Passengers meet long security queues and end their trip at a poor kerb."
    plan["evidence"] = [
        {"finding": "Security's share of what the ratings explain",
         "number": round(float(weights.loc[0, "share"]), 1), "source": "relative weights"},
        {"finding": "Passengers waiting over 20 minutes at security",
         "number": round(100 * float((journey["wait_security_min"] > 20).mean()), 1),
         "source": "airport_journey"}]
    plan["top_driver"] = weights.loc[0, "driver"]
    plan["concentrate_here"] = ["security", "boarding_gate"]
    return plan


def _csv(board, name):
    status, _, text = board.request("GET", f"/instructor/{name}.csv", token=board.key)
    assert status == 200
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_a_capstone_is_handed_in_scored_and_ranked(tmp_path, monkeypatch):
    board = _board.start(tmp_path / "pk-08.sqlite", "Lotus,Peony", "--lessons", "08")
    try:
        lotus, peony = hotel_plan("Lotus"), airport_plan("Peony")
        for plan in (lotus, peony):
            table = ck.capstone.checklist(plan)
            assert (table["status"] == "done").all(), table.to_dict("records")
            path = ck.capstone.save_plan(plan, tmp_path / "plans")
            assert ck.capstone.load_plan(path) == json.loads(json.dumps(plan))

        # Before the instructor opens anything, the board refuses, and the answer is kept.
        monkeypatch.setenv(localqueue.ENV, str(tmp_path / "lotus-laptop"))
        assert ck.classroom.join(board.url, board.codes["Lotus"], learner="Li Wei").received
        early = ck.capstone.submit_plan(lotus)
        assert set(early["status"]) == {"refused"}
        assert list((tmp_path / "lotus-laptop" / "refused").glob("*.json"))

        for cid in CHALLENGES:
            assert board.instructor("challenge", challenge=cid, action="open")[0] == 200
        sent = ck.capstone.submit_plan(lotus)
        assert list(sent["challenge"]) == ["08-hotel-top-driver", "08-hotel-must-be", "08-plan"]
        assert set(sent["status"]) == {"received"}, sent.to_dict("records")

        monkeypatch.setenv(localqueue.ENV, str(tmp_path / "peony-laptop"))
        assert ck.classroom.join(board.url, board.codes["Peony"], learner="Wang Fang").received
        sent = ck.capstone.submit_plan(peony)
        assert set(sent["status"]) == {"received"}, sent.to_dict("records")

        # The board keeps each team's one-page plan as handed in, for the rubric.
        answers = {(row["team"], row["challenge"]): json.loads(row["answer"])
                   for row in _csv(board, "answers")}
        assert answers[("Lotus", "08-plan")] == ck.capstone.one_page(lotus).markdown
        assert answers[("Peony", "08-airport-concentrate")] == peony["concentrate_here"]
        _, room = board.json("GET", "/api/board")
        # nothing revealed before the reveal: no answer, no explanation, no right/wrong
        assert all("answer" not in c and "explain" not in c for c in room["challenges"])
        assert all("right" not in cell for t in room["teams"] for cell in t["cells"].values())

        for cid in CHALLENGES:
            assert board.instructor("challenge", challenge=cid, action="lock")[0] == 200
        rubric = {"Lotus": {"evidence": 18, "prioritisation": 16, "standards": 17, "recovery": 15},
                  "Peony": {"evidence": 15, "prioritisation": 12, "standards": 14, "recovery": 16}}
        for team, points in rubric.items():
            body = {"team": team, "challenge": "08-plan",
                    **{f"points.{k}": v for k, v in points.items()}}
            status, data = board.instructor("award", **body)
            assert status == 200 and data["awarded"] == 4
        for cid in CHALLENGES:
            assert board.instructor("challenge", challenge=cid, action="reveal")[0] == 200

        _, room = board.json("GET", "/api/board")
        teams = {t["name"]: t for t in room["teams"]}
        # Lotus: both hotel answers right (20) + 66 on the rubric; Peony: the top driver right,
        # 'Concentrate here' wrong (half right earns nothing: all or nothing) + 57.
        assert teams["Lotus"]["total"] == 20 + 66 and teams["Lotus"]["rank"] == 1
        assert teams["Peony"]["total"] == 10 + 57 and teams["Peony"]["rank"] == 2
        assert teams["Peony"]["cells"]["08-airport-concentrate"]["right"] is False
        assert room["leader"] == "Lotus"
        results = {row["team"]: row for row in _csv(board, "results")}
        assert results["Lotus"]["08-plan"] == "66" and results["Peony"]["08-airport-top-driver"] == "10"
    finally:
        board.stop()
