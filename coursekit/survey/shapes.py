"""The checks of :func:`coursekit.survey.validate`, one function per kind of table.

Each ``check_<kind>(report, table, scale, roles)`` adds rows to the report and never raises on
a problem with the data: a trainee sees every problem at once.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core import SMALL_SAMPLE, InputError, look_for_codes, parse_scale, show_labels, show_offenders
from ..kano.answers import code_of, user_lookup
from ..kano.pairs import infer_pairs
from .scales import SCALES, Scale, convert

#: The kinds of table :func:`validate` checks, and the roles of their columns: role -> names
#: looked for (compared ignoring case, spaces, "_" and "-"; the question wording counts too).
KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "kano": {
        "respondent": ("respondent", "respondent_id", "序号", "受访者", "编号", "ResponseId"),
        "attribute": ("attribute", "feature", "功能", "属性", "特性", "服务项目"),
        "functional": ("functional", "正向", "正向问题", "具备时"),
        "dysfunctional": ("dysfunctional", "反向", "反向问题", "不具备时"),
    },
    "servqual": {
        "respondent": ("respondent", "respondent_id", "序号", "ResponseId"),
    },
    "journey": {
        "respondent": ("respondent", "respondent_id", "passenger_id", "序号", "ResponseId"),
        "outcome": ("overall_satisfaction", "overall", "satisfaction", "overall satisfaction",
                    "总体满意度", "整体满意度", "满意度"),
    },
    "tickets": {
        "ticket": ("ticket_id", "ticket", "id", "工单编号", "工单号"),
        "created": ("created", "created_at", "opened", "opened_at", "创建时间", "提交时间", "开始时间"),
        "first_response": ("first_response", "first_response_at", "first_reply", "responded",
                           "首次响应时间", "首次回复时间"),
        "resolved": ("resolved", "resolved_at", "closed", "closed_at", "解决时间", "关闭时间", "结案时间"),
        "contacts": ("contacts", "contact_count", "联系次数"),
        "csat": ("csat", "satisfaction", "满意度"),
    },
    "complaints": {
        "complaint": ("complaint_id", "complaint", "id", "投诉编号"),
        "cause": ("failure_type", "cause", "category", "failure", "reason", "失误类型", "投诉类型",
                  "原因", "类别"),
        "response_min": ("response_min", "response_minutes", "首次响应分钟", "响应分钟数"),
        "satisfaction_after": ("satisfaction_after", "satisfaction", "补救后满意度", "满意度"),
    },
}

#: Rating scales a column of whole numbers is checked against, smallest first.
STANDARD_SCALES = ((1, 5), (1, 7), (1, 10), (0, 10))
#: Fewer respondents than this: a caution, the same rule as for driver and IPA tables.
SMALL = SMALL_SAMPLE


def rows_text(mask) -> str:
    count = int(mask.sum())
    return f"{count} row" if count == 1 else f"{count} rows"


def numbers_of(report, table, column):
    """The column as numbers, or None after reporting why it is not."""
    values = table[column]
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_datetime64_any_dtype(values) \
            or pd.api.types.is_timedelta64_dtype(values):
        report.add("error", column, f"Column {column!r} holds {values.dtype} values, not ratings.",
                   "Choose the column of answers.")
        return None
    if pd.api.types.is_numeric_dtype(values):
        return values.astype(float)
    numbers = pd.to_numeric(values, errors="coerce")
    bad = numbers.isna() & values.notna()
    if bad.any():
        labels = _label_scale(values)
        fix = (f"Turn the labels into numbers: ck.survey.to_numbers(table, {labels!r}, "
               f"columns=[{column!r}])." if labels else
               "Turn labels into numbers with ck.survey.to_numbers(table, scale), or list "
               "'not applicable' answers in na_values=.")
        report.add("error", column, f"Column {column!r} has entries that are not numbers in "
                   f"{rows_text(bad)}: {show_offenders(values, bad)}.", fix)
        return None
    return numbers


def _label_scale(values):
    """The name of a label set in SCALES that reads (almost) every answer, or None."""
    for name in SCALES:
        _, bad = convert(values.dropna(), Scale(name), "")
        if len(bad) and bad.mean() <= 0.05:
            return name
    return None


def _scale_of(numbers: pd.Series, scale):
    """(low, high, codes): the declared scale, or the standard scale the answers use once
    what looks like 'not applicable' codes is left out (found by the same rules as every
    analysis function uses, :func:`coursekit.core.look_for_codes`); *codes* are the values
    outside it."""
    present = numbers.dropna()
    if scale is not None:
        lo, hi = scale
        return lo, hi, sorted(set(present[(present < lo) | (present > hi)]))
    found = look_for_codes(present.to_numpy(dtype=float))
    rest = present[~present.isin(found[0])] if found is not None else present
    if len(rest) == 0 or not (rest == np.round(rest)).all():
        return None, None, []
    for lo, hi in STANDARD_SCALES:
        if rest.min() >= lo and rest.max() <= hi:
            codes = sorted(set(present[(present < lo) | (present > hi)]))
            return lo, hi, codes
    return None, None, []


def check_ratings(report, table, column, scale, what="ratings"):
    numbers = numbers_of(report, table, column)
    if numbers is None:
        return None
    lo, hi, codes = _scale_of(numbers, scale)
    if lo is None:
        if scale is None:
            report.add("warning", column, f"Column {column!r} does not look like {what} on a "
                       f"1-5, 1-7 or 0-10 scale (values from {numbers.min():g} to "
                       f"{numbers.max():g}).", "Pass scale=(low, high) to check it against your scale.")
        return numbers
    if codes:
        mask = numbers.isin(codes)
        report.add("error", column, f"Column {column!r} has values outside the {lo:g}-{hi:g} "
                   f"scale in {rows_text(mask)}: {show_offenders(table[column], mask)}. "
                   f"They look like 'not applicable' codes: averaged or correlated as ratings, "
                   f"they would distort every result.",
                   f"Read them as missing: ck.survey.read(..., na_values={codes[:3]}) or "
                   f"table[{column!r}].replace({codes[0]:g}, float('nan')).")
    return numbers


def _missing(report, table, columns, what="respondents"):
    gaps = table[list(columns)].isna().any(axis=1)
    if gaps.any():
        report.add("warning", None, f"{int(gaps.sum())} of {len(table)} {what} miss at least one "
                   f"of {show_labels(columns)}: the analysis sets them aside (listwise) and says so.",
                   "Nothing to do, unless so many are set aside that the rest is too few.")
    return int((~gaps).sum())


def check_kano(report, table, scale, roles):
    names = KINDS["kano"]
    attribute = report.find("attribute", names["attribute"], roles.get("attribute"), required=False)
    answers = roles.get("answers")
    if attribute is None:
        try:
            pairs = infer_pairs(table, answers)
        except InputError as error:
            report.add("error", None, "The table is neither one row per answer pair (no "
                       "attribute column) nor a survey whose KANO questions pair up: " + str(error),
                       "Give attribute=, functional=, dysfunctional=; or call "
                       "ck.kano.from_wide(table, pairs={...}).")
            return
        report.add("note", None, f"One row per respondent: {len(pairs)} features whose two "
                   f"questions were found from their wording ({show_labels(list(pairs))}).",
                   "Turn it round with ck.kano.from_wide(table) before ck.kano.summarize.")
        for feature, (f, d) in pairs.items():
            for column in (f, d):
                _kano_answers(report, table, column, answers)
        return
    functional = report.find("functional", names["functional"], roles.get("functional"), kind="KANO")
    dysfunctional = report.find("dysfunctional", names["dysfunctional"], roles.get("dysfunctional"),
                                kind="KANO")
    if functional is None or dysfunctional is None:
        return
    blank = table[attribute].isna()
    if blank.any():
        report.add("error", attribute, f"Column {attribute!r} has no feature name in "
                   f"{rows_text(blank)}: {show_offenders(table[attribute], blank)}.",
                   "Fill in the feature, or drop those rows.")
    skipped = [_kano_answers(report, table, c, answers) for c in (functional, dysfunctional)]
    either = skipped[0] | skipped[1]
    if either.any():
        report.add("warning", None, f"{int(either.sum())} of {len(table)} answer pairs lack an "
                   f"answer (blank or a skip mark): ck.kano.summarize sets them aside and says so.",
                   "Nothing to do.")
    sizes = table.loc[~either & ~blank].groupby(table[attribute], observed=True).size()
    small = sizes[sizes < SMALL]
    if len(small):
        report.add("warning", attribute, f"{len(small)} features have fewer than {SMALL} complete "
                   f"answer pairs ({', '.join(f'{k!r}: {v}' for k, v in list(small.items())[:5])}): "
                   f"their categories can change with a few answers.",
                   "Read fong_significant and category_close_call in ck.kano.summarize.")
    respondent = report.find("respondent", names["respondent"], roles.get("respondent"), required=False)
    if respondent is not None:
        twice = table.duplicated([respondent, attribute]) & table[respondent].notna()
        if twice.any():
            report.add("error", respondent, f"{int(twice.sum())} rows repeat a respondent's answer "
                       f"about the same feature: {show_offenders(table[respondent], twice)}.",
                       "Keep one answer pair per respondent and feature.")


def _kano_answers(report, table, column, answers) -> pd.Series:
    extra = user_lookup(answers) if answers else None
    values = table[column]
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lut = np.array([*(code_of(u, extra) for u in uniques), 0])
    code = pd.Series(lut[codes], index=values.index)
    bad = code < 0
    if bad.any():
        report.add("error", column, f"Column {column!r} has answers that are not KANO answers in "
                   f"{rows_text(bad)}: {show_offenders(values, bad)}.",
                   "Map your wording to the five answers: answers={'your wording': 'like', ...} "
                   "(see ck.kano.ANSWER_VARIANTS for the wordings understood).")
    return code == 0


def _prefixed_pairs(table):
    """{item: (expectation column, perception column)} from E_/P_ style prefixes."""
    for e_prefix, p_prefix in (("E_", "P_"), ("exp_", "per_"), ("expectation_", "perception_"),
                               ("期望_", "感知_"), ("E", "P")):
        e = {str(c)[len(e_prefix):]: c for c in table.columns if str(c).startswith(e_prefix)}
        p = {str(c)[len(p_prefix):]: c for c in table.columns if str(c).startswith(p_prefix)}
        if e and p and len(set(e) & set(p)) >= max(1, len(e) // 2):
            return e_prefix, p_prefix, e, p
    return None


def check_servqual(report, table, scale, roles):
    scale = parse_scale(scale) or (1, 7)
    if "expectations" in roles or "perceptions" in roles:
        e_cols, p_cols = list(roles.get("expectations", ())), list(roles.get("perceptions", ()))
        absent = [c for c in e_cols + p_cols if c not in table.columns]
        if absent:
            report.add("error", absent[0], f"There are no columns {show_labels(absent)}.",
                       "Check the names given as expectations= and perceptions=.")
            return
        if len(e_cols) != len(p_cols):
            report.add("error", None, f"{len(e_cols)} expectation columns but {len(p_cols)} "
                       f"perception columns: each item needs both.", "Give them in pairs, item by item.")
            return
        e, p = dict(zip(range(len(e_cols)), e_cols)), dict(zip(range(len(p_cols)), p_cols))
    else:
        found = _prefixed_pairs(table)
        if found is None:
            report.add("error", None, "No expectation and perception columns were found (such as "
                       "E_q01 and P_q01).", "Pass expectations=[...] and perceptions=[...], or build "
                       "the table with ck.servqual.from_survey(...).")
            return
        e_prefix, p_prefix, e, p = found
        lonely = [e[k] for k in e if k not in p] + [p[k] for k in p if k not in e]
        if lonely:
            report.add("error", lonely[0], f"These columns have no partner: {show_labels(lonely)}.",
                       f"Each item needs an expectation ({e_prefix}...) and a perception "
                       f"({p_prefix}...) column.")
        course = [f"q{i:02d}" for i in range(1, 23)]
        if sorted(k for k in e if k in p) != course:
            report.add("note", None, f"{len(set(e) & set(p))} items, not the course's 22 "
                       f"(q01 ... q22).", "Tell the analysis which items form each dimension: "
                       "dimensions={'Reliability': [...], ...}.")
    columns = [c for k in e if k in p for c in (e[k], p[k])]
    for column in columns:
        check_ratings(report, table, column, scale)
    weights = [c for c in table.columns if str(c).startswith("w_")]
    if weights:
        numbers = table[weights].apply(pd.to_numeric, errors="coerce")
        total = numbers.sum(axis=1, min_count=len(weights))
        off = total.notna() & ((total - 100).abs() > 1e-6)
        if off.any():
            report.add("error", weights[0], f"The weights {show_labels(weights)} do not add up to "
                       f"100 for {int(off.sum())} respondents: {show_offenders(total, off)}.",
                       "Each respondent splits exactly 100 points across the dimensions.")
    complete = _missing(report, table, columns)
    if complete < SMALL:
        report.add("warning", None, f"Only {complete} respondents answered every item: gaps and "
                   f"alpha from fewer than {SMALL} respondents are unstable.", "Collect more answers.")


def check_journey(report, table, scale, roles):
    scale = parse_scale(scale)
    outcome = report.find("outcome", KINDS["journey"]["outcome"], roles.get("outcome"),
                          required=False)
    respondent = report.find("respondent", KINDS["journey"]["respondent"], roles.get("respondent"),
                             required=False)
    if "ratings" in roles:
        ratings = [roles["ratings"]] if isinstance(roles["ratings"], str) else list(roles["ratings"])
        absent = [c for c in ratings if c not in table.columns]
        if absent:
            report.add("error", absent[0], f"There are no columns {show_labels(absent)}.",
                       "Check the names given as ratings=.")
            return
    else:
        ratings = []
        headers = table.attrs.get("headers") or {}
        asked = table.attrs.get("questions") or {}
        for column in table.columns:
            if column in (outcome, respondent) or (column in headers and column not in asked):
                continue
            values = table[column]
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                if _scale_of(values.astype(float), scale)[0] is not None:
                    ratings.append(column)
            elif _label_scale(values) is not None:
                ratings.append(column)
        if not ratings:
            report.add("error", None, "No touchpoint ratings were found (columns of 1-5, 1-7 or "
                       "0-10 numbers).", "Pass ratings=[...] with the rating columns, in journey order.")
            return
        report.add("note", None, f"Touchpoint ratings, in this order: {show_labels(ratings, limit=10)}.",
                   "Pass ratings=[...] if that is not the journey or not every rating.")
    for column in ratings:
        check_ratings(report, table, column, scale)
    used = ratings + ([outcome] if outcome is not None else [])
    if outcome is None:
        report.add("warning", None, "No overall rating was found: a driver analysis needs one.",
                   "Pass outcome='your overall rating column'.")
    else:
        check_ratings(report, table, outcome, scale, "an overall rating")
    for column in used:
        values = table[column]
        if pd.api.types.is_numeric_dtype(values) and values.nunique() == 1:
            report.add("error", column, f"Column {column!r} has the same value in every row, so "
                       f"it cannot explain or be explained.", "Leave it out.")
    complete = _missing(report, table, used)
    if complete < len(ratings) + 2:
        report.add("error", None, f"Only {complete} respondents answered every question; a driver "
                   f"analysis of {len(ratings)} ratings needs at least {len(ratings) + 2}.",
                   "Collect more answers or use fewer ratings.")
    elif complete < SMALL or complete < 10 * len(ratings):
        report.add("warning", None, f"Only {complete} respondents have every answer: with fewer "
                   f"than {SMALL} respondents, or 10 per rating, derived importance is unstable.",
                   "Read it as a first look, or collect more answers.")
