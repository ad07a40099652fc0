"""Plans that capstone teams make, from the case data, with the course's own functions."""
from __future__ import annotations

import pytest

import coursekit as ck


def hotel_plan(team="Lotus") -> dict:
    """A hotel team's filled plan: every number and every board answer comes from its analysis."""
    complaints = ck.datasets.load("hotel_complaints")
    drivers = ck.mot.driver_importance(complaints, "satisfaction_after",
                                       ["distributive", "procedural", "interactional"])
    kano = ck.kano.summarize(ck.datasets.load("hotel_kano"))
    must_be = list(kano.loc[kano["category_close_call"] == "M", "attribute"])
    top = drivers.loc[0]
    return {
        "team": team, "case": "hotel",
        "problem": "Downtown's guests wait too long for a response and meet a poor attitude "
                   "when something goes wrong.",
        "evidence": [
            {"finding": "Interactional justice moves satisfaction after a complaint most",
             "number": round(float(top["share"]), 1), "source": "hotel_complaints, relative weights"},
            {"finding": "Must-be amenities", "number": len(must_be),
             "source": "hotel_kano, ck.kano.summarize"},
        ],
        "priorities": [
            {"what": "Courteous, explained responses to complaints",
             "why": f"the top driver of satisfaction after recovery ({top['share']:.1f} % of R²)"},
            {"what": "Keep free Wi-Fi and the bathroom flawless",
             "why": "KANO must-be: absence causes dissatisfaction"},
        ],
        "top_driver": top["driver"], "must_be": must_be,
        "standards": [
            {"standard": "Acknowledge a complaint within 10 minutes", "metric": "minutes to acknowledge",
             "target": 10, "unit": "minutes", "how_often": "every shift", "chart": "p-chart",
             "owner": "duty manager"},
            {"standard": "Answer the phone within 3 rings", "metric": "rings", "target": 3,
             "unit": "rings", "how_often": "daily audit", "chart": "p-chart",
             "owner": "front office manager"},
        ],
        "recovery": [{"failure": "a noisy room", "first_response": "within 10 minutes",
                      "fix": "apologise, explain, move the guest", "empowered":
                      "any front-desk agent, up to one night's rate", "kpi": "satisfaction after"}],
        "review": {"when": "after 8 weeks", "measure": "the audit p-chart and satisfaction after"},
        "caveat": "Complaint data miss the guests who never complain.",
    }


@pytest.fixture
def filled_hotel_plan():
    return hotel_plan()
