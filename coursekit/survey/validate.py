"""Does my own table fit an analysis? :func:`validate` lists every problem in plain words.

The checks of each kind of table live in ``shapes.py``; this module finds the columns that play
each role (by the name you give, or by common names in English and Chinese) and gathers the
problems into one table.
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

from ..core import InputError, require_choice, require_frame, show_labels
from ..core.questions import question_of
from . import logs, shapes
from .shapes import KINDS

SEVERITIES = ("error", "warning", "note")


def _key(text) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"[\s_\-:：()（）]+", "", text)


class Report:
    """The problems found, one row each; also the columns chosen for each role."""

    def __init__(self, table: pd.DataFrame):
        self.table = table
        self.rows: list[tuple[str, str, str, str]] = []
        self.roles: dict[str, object] = {}

    def add(self, severity: str, column, problem: str, fix: str = "") -> None:
        self.rows.append((severity, "" if column is None else str(column), problem, fix))

    def find(self, role: str, names, given=None, required: bool = True, kind: str = ""):
        """The column playing *role*: *given* if set, else the first column whose name or
        question matches one of *names*."""
        table = self.table
        if given is not None:
            if given not in table.columns:
                self.add("error", given, f"There is no column {given!r} for {role}=.",
                         f"Columns found: {show_labels(list(table.columns), limit=12)}.")
                return None
            self.roles[role] = given
            return given
        wanted = [_key(n) for n in names]
        for name in wanted:
            for column in table.columns:
                question, item = question_of(table, column)
                if name in (_key(column), _key(question), _key(item or "")):
                    self.roles[role] = column
                    if _key(column) != _key(names[0]):
                        self.add("note", column, f"Column {column!r} is taken as the {role} column.",
                                 f"If that is wrong, pass {role}='your column'.")
                    return column
        if required:
            self.add("error", None, f"No column was found for the {role} ({kind} tables need one).",
                     f"Pass {role}='your column'; names looked for: {show_labels(names, limit=6)}.")
        return None

    def frame(self, kind: str) -> pd.DataFrame:
        order = {s: i for i, s in enumerate(SEVERITIES)}
        rows = sorted(self.rows, key=lambda r: order[r[0]])
        out = pd.DataFrame(rows, columns=["severity", "column", "problem", "fix"])
        errors = sum(r[0] == "error" for r in rows)
        warnings = sum(r[0] == "warning" for r in rows)
        out.attrs.update(kind=kind, roles=dict(self.roles), errors=errors, warnings=warnings,
                         ok=errors == 0)
        return out


def validate(table, kind, *, scale=None, **roles):
    """Check that your own table fits a KANO, SERVQUAL, journey, ticket or complaint analysis,
    and list every problem in plain words.

    Unlike ``ck.datasets.validate``, which compares a table with one of the course's case
    tables column by column, this looks for what the analysis needs, under your own column
    names: give them as keywords (``created="opened_at"``), or let it look for common names in
    English and Chinese (:data:`KINDS`; the question wording kept by ``ck.survey.read`` counts
    too). What is checked:

    * ``"kano"``: one row per answer pair (``attribute, functional, dysfunctional``), or one row
      per respondent with two questions per feature (``ck.kano.from_wide`` then turns it
      round); every answer a KANO answer; skipped answers; features with few answers;
    * ``"servqual"``: expectation and perception columns in pairs (``E_q01``/``P_q01``, or
      any ``E_``/``P_`` prefixes), numbers on the scale, "not applicable" codes, missing
      answers, 100-point weights (``w_`` columns) adding up to 100;
    * ``"journey"``: touchpoint ratings (``ratings=[...]``, or every column of 1-5, 1-7 or 0-10
      numbers) and the overall rating (``outcome=``): numbers, not labels; no "not applicable"
      codes such as 0, 8 or 99 among them; enough complete answers for a driver analysis;
    * ``"tickets"``: ``created``, ``first_response``, ``resolved`` readable as times, all with or
      all without a time zone, in order; ``contacts`` whole numbers from 1; ``csat`` on 1-5;
    * ``"complaints"``: a cause column for a Pareto analysis, response minutes not negative,
      ratings (``distributive``, ``procedural``, ``interactional``, ``satisfaction_after``) on
      the scale, yes/no columns readable.

    Used in: notebook your_own_survey.

    Parameters
    ----------
    table : DataFrame
    kind : {"kano", "servqual", "journey", "tickets", "complaints"}
    scale : (low, high), optional
        The rating scale (default: 1-7 for SERVQUAL and complaints, 1-5 for ``csat``; for a
        journey, the scale the answers use).
    **roles : str
        The column that plays each role, e.g. ``outcome="总体满意度"``, ``ratings=[...]``,
        ``expectations=[...]``, ``perceptions=[...]``.

    Returns
    -------
    DataFrame
        One row per problem: ``severity`` ("error": the analysis would stop or mislead;
        "warning": it runs, read it with care; "note": what was assumed), ``column``,
        ``problem``, ``fix``. No rows means nothing was found. ``attrs`` holds ``ok`` (no
        errors), the counts, and ``roles`` (the column taken for each role).

    Raises
    ------
    coursekit.InputError
        Only when *table* is not a table or *kind* is unknown: problems with the data are
        listed, not raised.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> trips = pd.DataFrame({"check_in": [6, 5, 99, 4, 5, 7], "security": [3, 2, 4, 5, 4, 6],
    ...                       "总体满意度": [5, 4, 6, 4, 5, 6]})
    >>> report = ck.survey.validate(trips, "journey")
    >>> for row in report.itertuples():
    ...     print(f"{row.severity}: {row.problem}")
    error: Column 'check_in' has values outside the 1-7 scale in 1 row: row 2: 99. They look like 'not applicable' codes: ...
    warning: Only 6 respondents have every answer: with fewer than 30 respondents, or 10 per rating, derived importance is unstable.
    note: Column '总体满意度' is taken as the outcome column.
    note: Touchpoint ratings, in this order: 'check_in', 'security'.
    >>> report.attrs["ok"], report.attrs["roles"]
    (False, {'outcome': '总体满意度'})
    """
    data = require_frame(table, "table", unique_columns=False)  # listed as a problem below
    require_choice(kind, "kind", tuple(KINDS))
    report = Report(data)
    duplicated = data.columns[data.columns.duplicated()]
    if len(duplicated):
        report.add("error", duplicated[0], f"The column names {show_labels(list(duplicated.unique()))} "
                   f"appear more than once.", "Rename them so that each name is used once.")
        return report.frame(kind)
    empty = [c for c in data.columns if data[c].isna().all()]
    if empty:
        report.add("warning", empty[0], f"The columns {show_labels(empty)} are empty in every row.",
                   "Drop them, or check that the export holds the answers.")
    known = set(KINDS[kind]) | {"ratings", "expectations", "perceptions", "yes_no", "answers",
                                "distributive", "procedural", "interactional"}
    unknown = [r for r in roles if r not in known]
    if unknown:
        raise InputError(f"{show_labels(unknown)} is not a role of a {kind} table. Allowed: "
                         f"{show_labels(sorted(known), limit=20)}.")
    checks = {"kano": shapes.check_kano, "servqual": shapes.check_servqual,
              "journey": shapes.check_journey, "tickets": logs.check_tickets,
              "complaints": logs.check_complaints}
    checks[kind](report, data, scale, roles)
    return report.frame(kind)
