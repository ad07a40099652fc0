"""``python -m coursekit worksheets OUTDIR``: printable team worksheets, one HTML page each.

Each sheet prints on one page (A3 landscape for the two large maps, A4 otherwise; ``--paper A4``
puts everything on A4), has English and Chinese headings, and loads nothing from the network.
The Chinese names come from the course glossary where it has the term. What each sheet asks
for follows the lessons and ``docs/methods.md``:

===========================  ====================================================================
``journey-map.html``         journey map and emotion curve, three MOTs to fix (lesson 01, §1.5)
``service-blueprint.html``   the layers and lines of a blueprint, fail and waiting points (§1.6)
``mot-memo.html``            the "three MOTs to fix first" memo (lesson 02's team exercise)
``kano-card.html``           the functional and dysfunctional question of one feature (§3.1–3.2)
``servqual-gaps.html``       expectation, perception, gap and weight per dimension (§2.2)
``recovery-observer.html``   the recovery role-play observer checklist: the three justice
                             dimensions of Tax, Brown & Chandrashekaran 1998 (§5.3)
===========================  ====================================================================
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .outfolder import write_pages

TOOL = "worksheets"
PAPERS = ("A3", "A4")


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    title_zh: str
    paper: str         # "A3" or "A4"
    landscape: bool
    body: str
    purpose: str


def _zh(term: str) -> str:
    """The glossary's Chinese name of *term*."""
    from .glossary import glossary

    table = glossary()
    found = table.loc[table.term.str.casefold() == term.casefold(), "term_zh"]
    if found.empty:
        raise KeyError(f"{term!r} is not in the glossary")
    return found.iloc[0]


def _h(en: str, zh: str, level: int = 2) -> str:
    return f"<h{level}>{html.escape(en)} · {html.escape(zh)}</h{level}>"


def _lines(count: int, css: str = "line") -> str:
    return "".join(f'<div class="{css}"></div>' for _ in range(count))


def _table(header: list[str], rows: list[list[str]], css: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _team_line() -> str:
    return ('<p class="team">Team · 小组: <span class="blank"></span> Date · 日期: '
            '<span class="blank short"></span></p>')


def journey_map() -> Sheet:
    stages = 10
    rows = [[f"<b>{en}</b><br>{zh}"] + [""] * stages for en, zh in [
        ("Stage", "阶段"), (f"Touchpoint", _zh("Touchpoint")), ("What the customer does", "客户做什么"),
        ("What the customer expects", "客户期望什么")]]
    curve = "".join(f'<tr class="curve"><td><b>{score}</b></td>' + "<td></td>" * stages + "</tr>"
                    for score in range(7, 0, -1))
    grid = _table(["", *[str(n) for n in range(1, stages + 1)]], rows, "grid journey")
    feel = (f'<table class="grid journey"><tbody><tr><td rowspan="1"><b>How the customer feels '
            f"(1 very bad … 7 excellent)</b><br>{_zh('Emotion curve')}: 1 很差 … 7 极好</td>"
            + "<td></td>" * stages + f"</tr>{curve}</tbody></table>")
    mots = _table(["", "Why this moment · 为什么", "What we would do · 我们的做法 (explore–propose–act–"
                   "confirm step, or the fail point it removes)"],
                  [[f"<b>MOT {n}</b>", "", ""] for n in (1, 2, 3)], "grid mots")
    body = (_team_line() + '<p class="who">The passenger and their journey · 旅客与旅程: '
            '<span class="blank long"></span></p>' + grid
            + '<p class="hint">Mark each touchpoint\'s median rating on the curve grid and join the '
              "dots. 在情绪曲线网格上标出每个接触点的中位数评分并连线。</p>" + feel
            + _h("The three MOTs to fix or design first", "优先改进或设计的三个关键时刻", 2) + mots)
    return Sheet("journey-map.html", "Customer journey map and emotion curve",
                 f"{_zh('Customer journey map')}与{_zh('Emotion curve')}", "A3", True, body,
                 "lesson 01 team exercise")


def service_blueprint() -> Sheet:
    steps = 7
    layers = [("Physical evidence", _zh("Physical evidence"), False),
              ("Customer actions", "顾客行为", False),
              ("Line of interaction", _zh("Line of interaction"), True),
              ("Onstage contact employee actions", "前台接触员工行为", False),
              ("Line of visibility", _zh("Line of visibility"), True),
              ("Backstage contact employee actions", "后台接触员工行为", False),
              ("Line of internal interaction", _zh("Line of internal interaction"), True),
              ("Support processes", "支持过程", False)]
    rows = "".join(
        (f'<tr class="divider"><td colspan="{steps + 1}">— — {en} · {zh} — —</td></tr>' if line else
         f"<tr><td><b>{en}</b><br>{zh}</td>" + "<td></td>" * steps + "</tr>")
        for en, zh, line in layers)
    table = (f'<table class="grid blueprint"><thead><tr><th>Step · 步骤</th>'
             + "".join(f"<th>{n}</th>" for n in range(1, steps + 1)) + f"</tr></thead><tbody>{rows}</tbody></table>")
    legend = (f'<p class="hint">Mark <b>F</b> for a {_zh("Fail point")} (fail point) and <b>W</b> for a '
              f"{_zh('Waiting point')} (waiting point) in the step where it happens. Layers as in "
              "Bitner, Ostrom &amp; Morgan (2008), after Shostack (1982, 1984).</p>")
    body = (_team_line() + '<p class="who">Service and customer · 服务与顾客: <span class="blank long">'
            "</span></p>" + table + legend)
    return Sheet("service-blueprint.html", "Service blueprint", _zh("Service blueprint"), "A3", True,
                 body, "lesson 01 §6")


def mot_memo() -> Sheet:
    mots = "".join(
        f'<div class="box">{_h(f"MOT {n}", f"关键时刻 {n}", 2)}'
        + "".join(f'<p><b>{en} · {zh}:</b></p>{_lines(lines)}' for en, zh, lines in [
            ("Evidence (at least two numbers, and what they mean)", "证据(至少两个数字及其含义)", 2),
            ("Action", "行动", 1), ("KPI that would show it worked", "衡量成效的关键指标", 1)])
        + "</div>" for n in (1, 2, 3))
    body = ('<p><b>To · 致:</b> service management · 服务管理层 &nbsp; <b>From · 来自:</b> team · 小组 '
            '<span class="blank"></span> &nbsp; <b>Data · 数据:</b> <span class="blank"></span></p>'
            '<p><b>Roles · 角色:</b> analyst · 分析员 <span class="blank short"></span> sceptic · 质疑者 '
            '<span class="blank short"></span> writer · 撰写人 <span class="blank short"></span> '
            'presenter · 汇报人 <span class="blank short"></span></p>' + mots
            + '<div class="box"><p><b>Not on our list, and why · 不列入的时刻及原因:</b></p>' + _lines(1)
            + "<p><b>Caveat · 注意事项:</b></p>" + _lines(1) + "</div>")
    return Sheet("mot-memo.html", "Memo: the three Moments of Truth to fix first",
                 "备忘录:优先改进的三个关键时刻", "A4", False, body, "lesson 02 team exercise")


ANSWERS = [("I like it", "我喜欢"), ("It must be that way (I expect it)", "理应如此"),
           ("I am neutral", "无所谓"), ("I can live with it", "能忍受"), ("I dislike it", "我不喜欢")]


def kano_card() -> Sheet:
    def question(en: str, zh: str) -> str:
        boxes = "".join(f'<li><span class="tick"></span> {n} · {a} · {z}</li>'
                        for n, (a, z) in enumerate(ANSWERS, start=1))
        return f'<div class="box"><p><b>{en}</b><br>{zh}</p><ul class="answers">{boxes}</ul></div>'

    table = [["like", "Q", "A", "A", "A", "O"], ["must-be", "R", "I", "I", "I", "M"],
             ["neutral", "R", "I", "I", "I", "M"], ["live-with", "R", "I", "I", "I", "M"],
             ["dislike", "R", "R", "R", "R", "Q"]]
    evaluation = _table(["F \\ D", "like", "must-be", "neutral", "live-with", "dislike"],
                        [[f"<b>{r[0]}</b>", *r[1:]] for r in table], "grid small")
    key = (f"A attractive · {_zh('Attractive quality')}, O one-dimensional · {_zh('One-dimensional quality')}, "
           f"M must-be · {_zh('Must-be quality')}, I indifferent · {_zh('Indifferent quality')}, "
           "R reverse · 反向, Q questionable · 可疑")
    body = ('<p><b>Feature · 功能/服务特性 (X):</b> <span class="blank long"></span></p>'
            + question("Functional: if the service has X, how do you feel?", "正向问题:如果提供 X,您的感受是?")
            + question("Dysfunctional: if the service does not have X, how do you feel?",
                       "反向问题:如果不提供 X,您的感受是?")
            + _h("For the team: classify the answer pair", "小组用:判定答案组合的类别", 2)
            + '<p class="hint">Row: the functional answer; column: the dysfunctional answer '
              "(Berger et al. 1993). 行为正向答案,列为反向答案。</p>" + evaluation
            + f'<p class="hint">{key}</p>')
    return Sheet("kano-card.html", "KANO question card", "KANO 问卷卡", "A4", False, body, "lesson 05")


def servqual_gaps() -> Sheet:
    dimensions = [("Tangibles", "1–4"), ("Reliability", "5–9"), ("Responsiveness", "10–13"),
                  ("Assurance", "14–17"), ("Empathy", "18–22")]
    rows = [[f"<b>{d}</b> · {_zh(d)}", items, "", "", "", "", ""] for d, items in dimensions]
    rows.append(["<b>Total / score · 合计/得分</b>", "", "", "", "", "100", ""])
    header = ["Dimension · 维度", "Items · 题项", "Expectation E (mean, 1–7) · 期望",
              "Perception P (mean, 1–7) · 感知", "Gap G = P − E · 差距",
              "Weight (points of 100) · 权重", "Weighted gap = weight/100 × G · 加权差距"]
    body = (_team_line() + '<p class="who">Service measured · 所测服务: <span class="blank long"></span></p>'
            + _table(header, rows, "grid servqual")
            + '<p class="hint">Item gap = P − E (−6 … +6; negative = a shortfall). Dimension gap = '
              "mean of its item gaps. Unweighted SERVQUAL score = mean of the five dimension gaps. "
              "Weighted score = Σ (weight / 100) × dimension gap. (Parasuraman, Zeithaml &amp; Berry "
              "1988; docs/methods.md §2.2.) 题项差距 = P − E;维度差距 = 该维度题项差距的平均值。</p>"
            + _h("The largest shortfall, and what we would do", "最大的差距与改进做法", 2) + _lines(4))
    return Sheet("servqual-gaps.html", "SERVQUAL gap worksheet", "SERVQUAL 差距工作表", "A4", True, body,
                 "lesson 03")


def recovery_observer() -> Sheet:
    justice = [
        ("Distributive justice", "the outcome", "结果",
         ["Was the outcome fair: a refund, a replacement or compensation that fits the failure?"]),
        ("Procedural justice", "the process", "过程",
         ["Speed: was the problem handled quickly?", "Flexibility: was the solution fitted to "
          "this customer?", "Accessibility: was it easy to complain and reach someone who could act?"]),
        ("Interactional justice", "the treatment", "对待",
         ["Courtesy: was the customer treated politely?", "Empathy: did the employee show they "
          "understood how the customer felt?", "Explanation: was the customer told what went wrong "
          "and what happens next?"]),
    ]
    blocks = ""
    for name, what, what_zh, items in justice:
        rows = [[html.escape(item), "1 · 2 · 3 · 4 · 5", ""] for item in items]
        blocks += (_h(f"{name} — {what}", f"{_zh(name)} — {what_zh}", 2)
                   + _table(["What to watch for · 观察要点", "Rating (1 poor … 5 excellent) · 评分",
                             "What was said or done · 具体言行"], rows, "grid observer"))
    body = ('<p><b>Role-play · 角色扮演:</b> <span class="blank"></span> <b>Observer · 观察员:</b> '
            '<span class="blank short"></span></p>' + blocks
            + _h("Would this customer come back? Why?", "这位顾客会再次光顾吗?为什么?", 2) + _lines(3)
            + '<p class="hint">The three dimensions of perceived justice in service recovery: Tax, '
              "Brown &amp; Chandrashekaran (1998), <i>Journal of Marketing</i> 62(2), 60–76 "
              "(docs/methods.md §5.3).</p>")
    return Sheet("recovery-observer.html", "Service recovery role-play: observer checklist",
                 "服务补救角色扮演:观察员检查表", "A4", False, body, "lesson 06")


SHEETS = (journey_map, service_blueprint, mot_memo, kano_card, servqual_gaps, recovery_observer)

CSS = """
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
       margin: 0; color: #000; font-size: 10pt; }
h1 { font-size: 16pt; margin: 0 0 2mm 0; border-bottom: 2px solid #0072B2; }
h2 { font-size: 11pt; margin: 3mm 0 1mm 0; }
p { margin: 1.5mm 0; }
.blank { display: inline-block; border-bottom: 1px solid #000; width: 55mm; height: 1em; }
.blank.short { width: 28mm; } .blank.long { width: 120mm; }
.line { border-bottom: 1px solid #666; height: 6.5mm; }
.box { border: 1px solid #000; padding: 1mm 3mm 2mm; margin: 2mm 0; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 1mm 0; }
th, td { border: 1px solid #000; padding: 1mm; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
th { background: #e8e8e8; }
table.journey td { height: 17mm; } table.journey tr.curve td { height: 7mm; }
table.journey th:first-child, table.journey td:first-child,
table.blueprint th:first-child, table.blueprint td:first-child { width: 48mm; }
table.blueprint td { height: 29mm; }
table.blueprint tr.divider td { height: auto; border-left: none; border-right: none;
  text-align: center; font-style: italic; border-top: 2px dashed #000; border-bottom: 2px dashed #000; }
table.mots td { height: 19mm; } table.mots td:first-child { width: 18mm; }
table.servqual td { height: 15mm; } table.observer td { height: 13mm; }
table.small td, table.small th { text-align: center; height: auto; }
ul.answers { list-style: none; padding: 0; margin: 1mm 0; columns: 1; }
ul.answers li { margin: 1.5mm 0; }
.tick { display: inline-block; width: 4mm; height: 4mm; border: 1px solid #000; vertical-align: middle; }
.hint { font-size: 8.5pt; color: #222; }
footer { font-size: 7.5pt; color: #333; margin-top: 2mm; }
@media screen { body { margin: 1rem auto; max-width: 280mm; padding: 0 1rem; } }
"""


def page(sheet: Sheet, paper: str | None = None) -> str:
    size = f"{paper or sheet.paper} {'landscape' if sheet.landscape else 'portrait'}"
    # An A3 sheet on A4 keeps its layout at A4's scale: (297 - 20) / (420 - 20) mm of usable width.
    shrink = "@media print { body { zoom: 0.69; } }" if sheet.paper == "A3" and paper == "A4" else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(sheet.title)} · {html.escape(sheet.title_zh)}</title>
<style>@page {{ size: {size}; margin: 10mm; }}{CSS}{shrink}</style>
</head><body><main>
{_h(sheet.title, sheet.title_zh, 1)}
{sheet.body}
</main>
<footer>Service management course · worksheet for {html.escape(sheet.purpose)} · CC BY 4.0</footer>
</body></html>
"""


def index(sheets: list[Sheet]) -> str:
    items = "".join(f'<li><a href="{s.name}">{html.escape(s.title)} · {html.escape(s.title_zh)}</a> '
                    f"({s.paper} {'landscape' if s.landscape else 'portrait'}; {html.escape(s.purpose)})</li>"
                    for s in sheets)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Worksheets · 工作表'
            f"</title><style>{CSS}</style></head><body><main>{_h('Worksheets', '工作表', 1)}<p>Open a sheet "
            f"and print it (one page each). 打开工作表并打印(每张一页)。</p><ul>{items}</ul></main></body></html>\n")


def write_worksheets(outdir, paper: str | None = None, force: bool = False) -> list[Path]:
    """Write every worksheet and an index to *outdir*; *paper* ``"A4"`` or ``"A3"`` overrides
    each sheet's own size. Never overwrites a file it did not write (see ``outfolder``).

    Used in: library only (``python -m coursekit worksheets``).
    """
    from ..core import InputError

    if paper is not None and paper not in PAPERS:
        raise InputError(f"Paper {paper!r} is not supported. Allowed: {', '.join(PAPERS)}.")
    sheets = [make() for make in SHEETS]
    pages = {s.name: page(s, paper) for s in sheets}
    pages["index.html"] = index(sheets)
    return write_pages(outdir, pages, TOOL, force)
