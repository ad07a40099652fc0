"""What the board shows, read from its records: the room's view, the instructor's view, a
learner's certificate and the CSV exports.

The room's view (:func:`room`) is what the projector and anyone without a key may see: team
names, who handed in when, ranks, and points only for challenges the instructor has revealed;
teams' answers only after the reveal; pre/post results without names. The instructor's view
(:func:`instructor`) adds the join codes, every answer, and the learners' names.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import warnings

from . import prepost, scoring, store
from .board import Board, clock


def _right(board: Board, challenge, submission) -> bool:
    """Whether a stored answer is right, judged once: a stored answer never changes."""
    verdicts = board.__dict__.setdefault("_verdicts", {})
    key = (submission["id"], challenge.id)
    if key not in verdicts:
        verdicts[key] = challenge.judge(submission["answer"]).passed
    return verdicts[key]


def _points(board: Board, conn):
    """(teams, the challenges in play, cells by (team, challenge), totals by team)."""
    teams = store.teams(conn)
    states = store.challenge_states(conn)
    latest = store.latest_submissions(conn)
    rubric = store.rubric_points(conn)
    in_play = [c for cid, c in board.challenges.items()
               if states.get(cid, {}).get("state", "waiting") != "waiting"]
    cells, totals = {}, {}
    for team in teams:
        total = 0
        for challenge in in_play:
            state = states[challenge.id]["state"]
            sub = latest.get((team["id"], challenge.id))
            cell = {"state": state, "submitted": sub is not None, "points": None,
                    "answers": sub["answers"] if sub else 0,
                    "time": clock(sub["received_at"]) if sub else "",
                    "answer": sub["answer"] if sub else None,
                    "right": None, "criteria": {}}
            if challenge.auto:
                cell["right"] = bool(sub) and _right(board, challenge, sub)
                cell["points_if_revealed"] = challenge.points if cell["right"] else 0
                if state == "revealed":
                    cell["points"] = cell["points_if_revealed"]
            else:
                awarded = rubric.get((team["id"], challenge.id), {})
                cell["criteria"] = awarded
                if awarded:
                    cell["points"] = sum(awarded.values())
            total += cell["points"] or 0
            cells[(team["name"], challenge.id)] = cell
        totals[team["name"]] = total
    return teams, in_play, cells, totals


def _standings(totals: dict):
    """(rows (team, total, rank) in rank order, the sole leader or None)."""
    rows = scoring.ranked(totals)
    return rows, scoring.sole_leader(rows)


def room(board: Board) -> dict:
    """The room's view (JSON): safe to show on the projector and to anyone on the network."""
    conn = board.reader
    teams, in_play, cells, totals = _points(board, conn)
    rows, lead = _standings(totals)
    challenges = []
    states = store.challenge_states(conn)
    for challenge in in_play:
        state = states[challenge.id]["state"]
        shown = challenge.revealed() if state == "revealed" else challenge.public()
        challenges.append({**shown, "state": state})
    teams_out = []
    for name, total, rank in rows:
        row = {"name": name, "rank": rank, "total": total, "cells": {}}
        for challenge in in_play:
            cell = cells[(name, challenge.id)]
            public = {"submitted": cell["submitted"], "time": cell["time"],
                      "answers": cell["answers"], "points": cell["points"]}
            if cell["state"] == "revealed":
                public["answer"] = cell["answer"] if challenge.auto else None
                public["right"] = cell["right"]
            row["cells"][challenge.id] = public
        teams_out.append(row)
    return {"version": board.version, "title": board.title, "challenges": challenges,
            "teams": teams_out, "leader": lead, "tests": tests(board, names=False)}


def instructor(board: Board) -> dict:
    """Everything: the room's view plus codes, every latest answer and the learners' names."""
    conn = board.reader
    teams, _, cells, totals = _points(board, conn)
    rows, lead = _standings(totals)
    states = store.challenge_states(conn)
    challenges = []
    for challenge in board.challenges.values():
        state = states.get(challenge.id, {}).get("state", "waiting")
        challenges.append({**challenge.revealed(), "state": state,
                           "changed": clock(states[challenge.id]["changed_at"])
                           if challenge.id in states else ""})
    return {"title": board.title, "teams": teams, "standings": rows, "leader": lead,
            "challenges": challenges, "cells": cells, "tests": tests(board, names=True),
            "test_lessons": board.test_lessons, "test_states": store.test_states(conn),
            "actions": [dict(r) for r in conn.execute(
                "SELECT * FROM actions ORDER BY id DESC LIMIT 20")]}


def warm_up(board: Board) -> None:
    """Load now what the first answer and the first page would load (numpy, pandas), so the
    first team to hand in does not wait for it."""
    room(board)
    for challenge in board.challenges.values():
        challenge.format_note(None)
        if challenge.auto:
            challenge.judge(list(challenge.expected) if challenge.kind in ("set", "ordered")
                            else challenge.expected)


def show_answer(value) -> str:
    """An answer as a line of text: lists joined by commas, numbers as written.

    >>> show_answer(["security", "ground_transport"]), show_answer(35.8), show_answer(None)
    ('security, ground_transport', '35.8', '–')
    """
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(show_answer(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {show_answer(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _label(salt: str, key: str) -> str:
    return hashlib.sha256(f"{salt}|{key}".encode()).hexdigest()


def tests(board: Board, names: bool) -> list[dict]:
    """Pre/post results per lesson: how many took each test, and the learning gain per
    question and per learner (named for the instructor, "Learner 1, 2, ..." for the room)."""
    import pandas as pd

    conn = board.reader
    states = store.test_states(conn)
    rows = store.test_answers(conn)
    salt = store.meta(conn, "anon_salt")
    out = []
    for lesson in board.test_lessons:
        if not any((lesson, phase) in states for phase in store.TEST_PHASES):
            continue
        items = board.test_questions(lesson)
        marks = {phase: {} for phase in store.TEST_PHASES}
        for row in rows:
            if row["lesson"] == lesson:
                key = json.dumps([row["team"], row["learner"]], ensure_ascii=False)
                marks[row["phase"]][key] = prepost.marks(items, row["answers"])
        entry = {"lesson": lesson, "questions": len(items),
                 "state": {p: states.get((lesson, p), {}).get("state", "closed")
                           for p in store.TEST_PHASES},
                 "taken": {p: len(marks[p]) for p in store.TEST_PHASES},
                 "by_question": [], "by_learner": []}
        if marks["pre"] and marks["post"] and set(marks["pre"]) & set(marks["post"]):
            pre = pd.DataFrame.from_dict(marks["pre"], orient="index")
            post = pd.DataFrame.from_dict(marks["post"], orient="index")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the counts say who took only one test
                by_question, by_learner = scoring.learning_gain(pre, post)
            entry["both"] = len(by_learner)
            entry["by_question"] = [
                {"number": int(q), "question": items[int(q) - 1]["question"],
                 "pre": float(r["pre"]), "post": float(r["post"]), "gain": float(r["gain"])}
                for q, r in by_question.iterrows()]
            learners = sorted(by_learner.index, key=lambda k: _label(salt, k))
            for position, key in enumerate(learners, start=1):
                team, name = json.loads(key)
                r = by_learner.loc[key]
                item = {"label": f"Learner {position}", "pre": int(r["pre"]),
                        "post": int(r["post"]), "gain": int(r["gain"])}
                if names:
                    item.update(team=team, learner=name)
                entry["by_learner"].append(item)
        out.append(entry)
    return out


def certificate(board: Board, team: dict, learner: str) -> dict | None:
    """A learner's record: every lesson with a post-test taken, its score, the pre-test score
    and the team's points in that lesson's challenges. ``None`` if the board has no record."""
    from ..course.lessons import lesson as lesson_info

    conn = board.reader
    rows = [r for r in store.test_answers(conn)
            if r["team_id"] == team["id"] and r["learner"] == learner]
    if not rows:
        return None
    _, in_play, cells, _ = _points(board, conn)
    lessons = []
    for number in board.test_lessons:
        mine = {r["phase"]: r for r in rows if r["lesson"] == number}
        if "post" not in mine:
            continue
        items = board.test_questions(number)
        score = {p: sum(bool(v) for v in prepost.marks(items, mine[p]["answers"]).values())
                 for p in mine}
        challenges = [c for c in in_play if c.lesson == number]
        earned = sum(cells[(team["name"], c.id)]["points"] or 0 for c in challenges)
        lessons.append({"number": number, "title": lesson_info(number).title,
                        "post": score["post"], "pre": score.get("pre"), "questions": len(items),
                        "date": clock(mine["post"]["received_at"]),
                        "day": _day(mine["post"]["received_at"]),
                        "team_points": earned, "team_max": sum(c.max_points for c in challenges)})
    return {"learner": learner, "team": team["name"], "lessons": lessons,
            "checks_passed": sum(x["post"] for x in lessons),
            "checks": sum(x["questions"] for x in lessons)}


def _day(at: float) -> str:
    import time

    return time.strftime("%Y-%m-%d", time.localtime(at))


def _cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(header, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) if isinstance(v, str) or not isinstance(v, (int, float))
                         else v for v in row])
    return "\ufeff" + out.getvalue()  # the mark tells spreadsheets the file is UTF-8 (中文)


def _number(value):
    """A whole number of points as an int, so spreadsheets show 20, not 20.0."""
    value = float(value)
    return int(value) if value.is_integer() else value


def results_csv(board: Board) -> str:
    """One row per team: rank, total and the points of every challenge in play."""
    _, in_play, cells, totals = _points(board, board.reader)
    rows, _ = _standings(totals)
    out = [[name, rank, _number(total),
            *["" if cells[(name, c.id)]["points"] is None else cells[(name, c.id)]["points"]
              for c in in_play]] for name, total, rank in rows]
    return _csv(["team", "rank", "total", *[c.id for c in in_play]], out)


def answers_csv(board: Board) -> str:
    """Every answer every team sent, in the order received."""
    names = {t["id"]: t["name"] for t in store.teams(board.reader)}
    rows = []
    for sub in store.all_submissions(board.reader):
        challenge = board.challenges.get(sub["challenge"])
        right = "" if challenge is None or not challenge.auto else \
            challenge.judge(sub["answer"]).passed
        rows.append([names.get(sub["team_id"], ""), sub["challenge"], sub["learner"],
                     _day(sub["received_at"]) + " " + clock(sub["received_at"]),
                     json.dumps(sub["answer"], ensure_ascii=False), str(right)])
    return _csv(["team", "challenge", "learner", "received", "answer", "right"], rows)


def tests_csv(board: Board) -> str:
    """Every pre- and post-test sent: one row per learner and test, a column per question."""
    rows, width = [], 0
    for row in store.test_answers(board.reader):
        items = board.test_questions(row["lesson"])
        marks = prepost.marks(items, row["answers"])
        width = max(width, len(items))
        rows.append([row["team"], row["learner"], row["lesson"], row["phase"],
                     sum(bool(v) for v in marks.values()), len(items),
                     *["" if v is None else str(v) for v in marks.values()]])
    header = ["team", "learner", "lesson", "phase", "right", "questions",
              *[f"q{n}" for n in range(1, width + 1)]]
    return _csv(header, rows)
