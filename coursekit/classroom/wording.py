"""Every sentence the board says to a learner when it cannot do what was asked.

They live together so that they read alike and so that a test can check each one is a plain
sentence: no status codes, no Python, no blame, and what to do next. The board sends them as
``{"error": "..."}`` with a 4xx or 5xx status; ``ck.classroom.submit`` shows them as they are.
"""
from __future__ import annotations

MESSAGES = {
    "no_code": "This request has no join code. In your notebook, run ck.classroom.join(...) "
               "with the board's address and your team's code first.",
    "bad_code": "The board does not know this join code. Copy it again from the instructor's "
                "screen and run ck.classroom.join(...) again.",
    "too_many_failures": "Too many wrong join codes came from this computer. Wait a minute, "
                         "then try again with the code from the instructor's screen.",
    "other_team": "Your join code belongs to team {mine}, so you cannot hand in answers or see "
                  "answers for team {other}.",
    "instructor_only": "Only the instructor can do this.",
    "no_team": "You ({user}) are not in a team on this board yet. Ask the instructor to add you "
               "to your team's group on the hub, then send your answer again.",
    "two_teams": "You ({user}) are in more than one team ({teams}). Ask the instructor to leave "
                 "you in one team's group on the hub, then send your answer again.",
    "team_only": "Only a team hands in answers: join with a team's code to do this.",
    "too_large": "This is too large for the board: it takes at most 64 KB per answer. Shorten "
                 "the text, or hand in a summary.",
    "malformed": "The board could not read this request: {why}. Send answers with "
                 "ck.classroom.submit(...) from a notebook.",
    "unknown_challenge": "There is no challenge called {challenge!r} on this board. Copy the "
                         "name from the instructor's slide or from ck.classroom.challenges().",
    "not_open": "Challenge {challenge!r} is not open yet. Wait until the instructor opens it, "
                "then send your answer again.",
    "locked": "Challenge {challenge!r} was locked at {when}, so the board takes no more "
              "answers to it. Your last answer before that counts.",
    "rate": "Your team has sent many answers in a short time. Wait {seconds} seconds, then "
            "send again: the latest answer is the one that counts.",
    "bad_action": "Challenge {challenge!r} is {state}, so it cannot be {done} now.",
    "unknown_team": "There is no team called {team!r} on this board.",
    "unknown_lesson": "There is no knowledge check for lesson {lesson!r} on this board.",
    "test_closed": "The {phase}-test of lesson {lesson} is not open. Wait until the "
                   "instructor opens it.",
    "test_done": "You already sent your {phase}-test for lesson {lesson}; the first answers "
                 "count.",
    "need_learner": "The board needs your name for this. Run ck.classroom.join(..., "
                    "learner=\"Your name\") and try again.",
    "unknown_learner": "The board has no records for {learner!r} in team {team}.",
    "not_found": "There is no page at this address on the board.",
    "wrong_method": "This address of the board does not take this kind of request.",
    "unexpected": "The board met a problem it did not expect, so this was not saved. Try "
                  "again; if it happens again, tell the instructor.",
}


def say(key: str, **values) -> str:
    """The message *key* with its blanks filled in.

    >>> say("not_open", challenge="02-three-mots")
    "Challenge '02-three-mots' is not open yet. Wait until the instructor opens it, then send your answer again."
    """
    return MESSAGES[key].format(**values)


STATE_WORDS = {"waiting": "not open yet", "open": "open", "locked": "locked",
               "revealed": "revealed"}
DONE_WORDS = {"open": "opened", "lock": "locked", "reveal": "revealed"}


class Refusal(Exception):
    """The board will not do what was asked: an HTTP status and a plain sentence."""

    def __init__(self, status: int, key: str, **values):
        self.status = status
        self.key = key
        self.message = say(key, **values)
        super().__init__(self.message)
