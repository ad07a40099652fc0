"""The export layouts :func:`coursekit.survey.read` recognises, and what each header means.

A layout is recognised from the first rows of the file alone:

* **问卷星 (Wenjuanxin)**: respondent columns 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP;
  question headers "1、您的年龄" or "3.请评价以下环节—值机" (number, question, and after "—" the
  row of a grid question); a multiple-choice option as "4(官网)".
* **Qualtrics**: the header row of column names (StartDate, ..., ResponseId, Q1, Q3_1), then a
  row with each question's text ("... - Check-in" for a grid row) and, in current exports, a
  row of ImportId descriptions ('{"ImportId":"QID3_1"}'), which also gives the time zone of
  the dates.
* **Google Forms**: a Timestamp column (时间戳记 in Chinese) and grid headers
  "Question [item]".
* **plain**: anything else; column names are kept, "Question [item]" headers are still split.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

#: Respondent columns of each layout: the export's header -> the name coursekit gives it.
#: Every layout uses the same names for the same thing, so code written for one export works
#: on another.
METADATA = {
    "wenjuanxin": {"序号": "respondent_id", "提交答卷时间": "submitted", "所用时间": "duration",
                   "来源": "source", "来源详情": "source_detail", "来自IP": "ip",
                   "总分": "total_score"},
    "qualtrics": {"StartDate": "started", "EndDate": "submitted", "Status": "status",
                  "IPAddress": "ip", "Progress": "progress", "Duration (in seconds)": "duration",
                  "Finished": "finished", "RecordedDate": "recorded", "ResponseId": "respondent_id",
                  "RecipientLastName": "recipient_last_name",
                  "RecipientFirstName": "recipient_first_name", "RecipientEmail": "recipient_email",
                  "ExternalReference": "external_reference", "LocationLatitude": "latitude",
                  "LocationLongitude": "longitude", "DistributionChannel": "channel",
                  "UserLanguage": "language"},
    "google forms": {"Timestamp": "submitted", "时间戳记": "submitted", "時間戳記": "submitted",
                     "时间戳": "submitted", "Email Address": "email", "Email address": "email",
                     "电子邮件地址": "email", "電子郵件地址": "email", "Score": "score",
                     "分数": "score"},
}
#: How each respondent column is typed, by the name coursekit gives it.
METADATA_TYPES = {
    "submitted": "datetime", "started": "datetime", "recorded": "datetime",
    "duration": "duration", "progress": "number", "total_score": "number", "score": "number",
    "latitude": "number", "longitude": "number", "finished": "yes/no",
}
_WJX_MARKS = {"提交答卷时间", "所用时间", "来自IP"}
_WJX_QUESTION = re.compile(r"^\s*(\d+)\s*[、.．]\s*(.*)$", re.S)
_WJX_OPTION = re.compile(r"^\s*(\d+)\s*[(（](.*)[)）]\s*$", re.S)
_GRID = re.compile(r"^(.*?)\s*\[([^\[\]]*)\]\s*$", re.S)
_QUALTRICS_SUB = re.compile(r"_\d+$")


@dataclass
class Plan:
    """What each column of an export is: its new name, question, item and role."""

    layout: str
    header_rows: int
    names: list = field(default_factory=list)
    headers: dict = field(default_factory=dict)     # new name -> the export's header
    questions: dict = field(default_factory=dict)   # new name -> question text
    items: dict = field(default_factory=dict)       # new name -> row of a grid question
    metadata: dict = field(default_factory=dict)    # new name -> type ("datetime", ...)
    time_zones: dict = field(default_factory=dict)  # new name -> time zone (Qualtrics)


def _text(cell) -> str:
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    return str(cell).strip()


def detect(rows: list[list]) -> str:
    """The layout of an export from its first rows (at most three)."""
    header = [_text(c) for c in rows[0]] if rows else []
    if _WJX_MARKS & set(header):
        return "wenjuanxin"
    if any(_text(c).startswith('{"ImportId"') for row in rows[1:3] for c in row):
        return "qualtrics"
    if {"StartDate", "ResponseId"} <= set(header) or {"ResponseID", "StartDate"} <= set(header):
        return "qualtrics"
    if header and header[0] in METADATA["google forms"] and METADATA["google forms"][header[0]] == "submitted":
        return "google forms"
    return "plain"


def _unique(name: str, taken: set) -> str:
    candidate, k = name, 2
    while candidate in taken:
        candidate = f"{name}.{k}"
        k += 1
    taken.add(candidate)
    return candidate


def plan(layout: str, rows: list[list]) -> Plan:
    """Name every column and record its question, for the given *layout*."""
    header = [_text(c) for c in rows[0]]
    return {"wenjuanxin": _plan_wjx, "qualtrics": _plan_qualtrics,
            "google forms": _plan_google, "plain": _plan_plain}[layout](header, rows)


def _add_meta(p: Plan, header: str, name: str, taken: set) -> None:
    name = _unique(name, taken)
    p.names.append(name)
    p.headers[name] = header
    p.metadata[name] = METADATA_TYPES.get(name, "text")


def _plan_wjx(header, rows) -> Plan:
    p = Plan("wenjuanxin", 1)
    taken: set = set()
    stems: dict[str, str] = {}
    item_count: dict[str, int] = {}
    for cell in header:
        if cell in METADATA["wenjuanxin"]:
            _add_meta(p, cell, METADATA["wenjuanxin"][cell], taken)
            continue
        match, option = _WJX_QUESTION.match(cell), _WJX_OPTION.match(cell)
        if option and not match:
            number, stem, item = option.group(1), None, option.group(2).strip()
        elif match:
            number, text = match.group(1), match.group(2).strip()
            stem, _, item = text.rpartition("—") if "—" in text else (text, "", "")
            stem, item = stem.strip(), item.strip() or None
        else:
            name = _unique(cell or f"column{len(p.names) + 1}", taken)
            p.names.append(name)
            p.headers[name] = cell
            p.questions[name] = cell
            continue
        if stem:
            stems.setdefault(number, stem)
        question = stem or stems.get(number) or f"第{number}题"
        if item is None:
            name = _unique(f"q{number}", taken)
        else:
            item_count[number] = item_count.get(number, 0) + 1
            name = _unique(f"q{number}_{item_count[number]}", taken)
            p.items[name] = item
        p.names.append(name)
        p.headers[name] = cell
        p.questions[name] = question
    return p


def _import_ids(rows, width: int):
    if len(rows) < 3 or not any(_text(c).startswith('{"ImportId"') for c in rows[2]):
        return None
    out = []
    for j in range(width):
        cell = _text(rows[2][j]) if j < len(rows[2]) else ""
        try:
            out.append(json.loads(cell) if cell.startswith("{") else {})
        except ValueError:
            out.append({})
    return out


def _plan_qualtrics(header, rows) -> Plan:
    ids = _import_ids(rows, len(header))
    has_text = len(rows) > 1 and (ids is not None or "Start Date" in [_text(c) for c in rows[1]])
    p = Plan("qualtrics", 1 + int(has_text) + int(ids is not None))
    taken: set = set()
    known = METADATA["qualtrics"] | {"ResponseID": "respondent_id"}
    for j, cell in enumerate(header):
        text = _text(rows[1][j]) if has_text and j < len(rows[1]) else cell
        info = ids[j] if ids is not None else {}
        import_id = str(info.get("ImportId", ""))
        if cell in known and not import_id.startswith("QID"):
            _add_meta(p, cell, known[cell], taken)
            if info.get("timeZone"):
                p.time_zones[p.names[-1]] = str(info["timeZone"])
            continue
        name = _unique(cell or f"column{j + 1}", taken)
        p.names.append(name)
        p.headers[name] = cell
        is_row = bool(_QUALTRICS_SUB.search(cell) or re.search(r"_\d+$", import_id))
        if is_row and " - " in text:
            stem, _, item = text.rpartition(" - ")
            p.questions[name], p.items[name] = stem.strip(), item.strip()
        else:
            p.questions[name] = text
    return p


def _plan_google(header, rows) -> Plan:
    p = Plan("google forms", 1)
    taken: set = set()
    numbers: dict[str, int] = {}
    item_count: dict[str, int] = {}
    for cell in header:
        if cell in METADATA["google forms"]:
            _add_meta(p, cell, METADATA["google forms"][cell], taken)
            continue
        grid = _GRID.match(cell)
        stem, item = (grid.group(1).strip(), grid.group(2).strip()) if grid else (cell, None)
        number = numbers.setdefault(stem, len(numbers) + 1)
        if item is None:
            name = _unique(f"q{number}", taken)
        else:
            item_count[stem] = item_count.get(stem, 0) + 1
            name = _unique(f"q{number}_{item_count[stem]}", taken)
            p.items[name] = item
        p.names.append(name)
        p.headers[name] = cell
        p.questions[name] = stem
    return p


def _plan_plain(header, rows) -> Plan:
    p = Plan("plain", 1)
    taken: set = set()
    for j, cell in enumerate(header):
        name = _unique(cell or f"column{j + 1}", taken)
        p.names.append(name)
        p.headers[name] = cell
        grid = _GRID.match(cell)
        if grid:
            p.questions[name], p.items[name] = grid.group(1).strip(), grid.group(2).strip()
        else:
            p.questions[name] = cell
    return p
