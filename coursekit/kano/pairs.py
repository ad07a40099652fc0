"""Finding the two questions of each KANO feature in a survey export.

A KANO questionnaire asks each feature twice, and the two questions differ only by a negation:
"如果酒店提供免费WiFi，您的感受是？" / "如果酒店不提供免费WiFi，您的感受是？", "If the app has live
chat ..." / "If the app does not have live chat ...". :func:`infer_pairs` finds such pairs among
consecutive questions (or two consecutive grid questions with the same rows), and says why when
it cannot be sure.
"""
from __future__ import annotations

import difflib
import re

import numpy as np
import pandas as pd

from ..core import InputError
from ..core.questions import full_text, question_of
from .answers import code_of, user_lookup

# Characters that negate in Chinese (simplified and traditional).
_NEG_ZH = set("不没沒无無未非别別")
# Words that negate in English, and the helper verbs that come with them ("does not have").
_NEG_EN = {"not", "no", "never", "without", "cannot", "non"}
_AUX_EN = {"does", "do", "did", "is", "are", "was", "were", "will", "would", "can", "could",
           "has", "have", "had", "be", "there"}
_CONTRACTIONS = {"doesn't": "does not", "don't": "do not", "didn't": "did not",
                 "isn't": "is not", "aren't": "are not", "wasn't": "was not",
                 "won't": "will not", "can't": "can not", "cannot": "can not",
                 "hasn't": "has not", "haven't": "have not", "wouldn't": "would not",
                 "couldn't": "could not"}
_HAS = {"has": "have", "had": "have", "is": "be", "are": "be"}
_ARTICLES = {"a", "an", "the", "any", "some"}
# Chinese words that can stand for each other across the two questions (可以 ... / 不能 ...).
_SAME_ZH = ({"能", "可以", "可", "会", "會", "能够", "能夠"},)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_PUNCT = " \t\r\n.,;:!?。，、；：！？…—-_()（）[]【】\"'“”‘’"


def _words(text: str) -> list[str]:
    text = text.casefold().replace("’", "'")
    for short, long in _CONTRACTIONS.items():
        text = re.sub(rf"\b{re.escape(short)}\b", long, text)
    return _WORD.findall(text)


def _is_negation_zh(kept: str, added: str) -> bool:
    """*added* (the other question's text at this place) negates *kept* (possibly empty)."""
    if not added or not any(ch in _NEG_ZH for ch in added):
        return False
    rest = "".join(ch for ch in added if ch not in _NEG_ZH)
    if rest == "" or rest == kept or (kept and (rest in kept or kept in rest)):
        return True
    return any(rest in group and kept in group for group in _SAME_ZH)


def _is_negation_en(kept: list[str], added: list[str]) -> bool:
    if not any(w in _NEG_EN for w in added) and not any(w.endswith("out") and w[:-3] in kept
                                                         for w in added):
        return False
    rest = [w for w in added if w not in _NEG_EN and w not in _AUX_EN]
    core = [w for w in kept if w not in _AUX_EN]
    if not rest:
        return all(w in _AUX_EN or w in _ARTICLES or w == "with" for w in kept)
    if any(w.endswith("out") and w[:-3] in kept for w in added):  # with -> without
        return True
    if len(rest) != len(core):
        return False
    return all(k.startswith(r) or _HAS.get(k) == r for k, r in zip(core, rest))


def negation_side(first: str, second: str) -> int:
    """2 if *second* is *first* negated, 1 if *first* is *second* negated, 0 otherwise."""
    if _CJK.search(first) or _CJK.search(second):
        a, b = first, second
        joiner = ""
    else:
        a, b = _words(first), _words(second)
        joiner = None
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if len(ops) != 1:
        return 0
    _, i1, i2, j1, j2 = ops[0]
    part_a, part_b = a[i1:i2], b[j1:j2]
    check = _is_negation_zh if joiner == "" else _is_negation_en
    if check(part_a, part_b):
        return 2
    if check(part_b, part_a):
        return 1
    return 0


def kano_columns(table, answers=None):
    """(columns whose answers are all KANO answers, {column: first answer that is not} for
    columns whose answers mostly are)."""
    extra = user_lookup(answers)
    headers = table.attrs.get("headers") or {}
    asked = table.attrs.get("questions") or {}
    found, almost, worded = [], {}, []
    for column in table.columns:
        if column in headers and column not in asked:
            continue  # a respondent column (submitted, ip, ...)
        values = table[column]
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        if len(uniques) == 0:
            continue
        known = np.array([code_of(u, extra) >= 0 for u in uniques])
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        share = counts[known].sum() / counts.sum()
        if share == 1 and any(code_of(u, extra) > 0 for u in uniques):
            found.append(column)
            if any(isinstance(u, str) for u in uniques):
                worded.append(column)
        elif share >= 0.8:
            almost[column] = uniques[int(np.flatnonzero(~known)[0])]
    # Numbers 1-5 also read as KANO codes; when the answers are words, a column of numbers is
    # another question (an importance rating), not a KANO question.
    if worded:
        found = [c for c in found if c in worded]
    return found, almost


def _feature_names(table, functional_columns) -> list[str]:
    items = [question_of(table, c)[1] for c in functional_columns]
    if all(items) and len(set(items)) == len(items):
        return [str(i) for i in items]
    texts = [full_text(table, c) for c in functional_columns]
    if len(texts) >= 2:
        prefix = len(_common_prefix(texts))
        suffix = len(_common_prefix([t[::-1] for t in texts]))
        if not _CJK.search("".join(texts)):  # do not cut an English word in two
            while prefix and texts[0][prefix - 1].isalnum():
                prefix -= 1
            while suffix and texts[0][len(texts[0]) - suffix].isalnum():
                suffix -= 1
        names = [t[prefix:len(t) - suffix].strip(_PUNCT) for t in texts]
        if all(names) and len(set(names)) == len(names):
            return names
    return texts


def _common_prefix(texts: list[str]) -> str:
    first, last = min(texts), max(texts)
    k = 0
    while k < min(len(first), len(last)) and first[k] == last[k]:
        k += 1
    return first[:k]


def _by_consecutive_columns(table, columns):
    pairs, problems = [], []
    for k in range(0, len(columns) - 1, 2):
        a, b = columns[k], columns[k + 1]
        side = negation_side(full_text(table, a), full_text(table, b))
        if side == 0:
            problems.append(f"{a!r} and {b!r} do not differ by a negation")
            break
        pairs.append((a, b) if side == 2 else (b, a))
    if len(columns) % 2:
        problems.append(f"{len(columns)} KANO questions cannot make pairs")
    return pairs, problems


def _by_consecutive_grids(table, columns):
    groups: dict[str, list] = {}
    for column in columns:
        groups.setdefault(question_of(table, column)[0], []).append(column)
    stems = list(groups)
    if len(stems) < 2 or len(stems) % 2 or any(question_of(table, c)[1] is None for c in columns):
        return [], ["the KANO questions are not grid questions in pairs"]
    pairs, problems = [], []
    for k in range(0, len(stems), 2):
        first, second = groups[stems[k]], groups[stems[k + 1]]
        rows_a = [question_of(table, c)[1] for c in first]
        rows_b = [question_of(table, c)[1] for c in second]
        side = negation_side(stems[k], stems[k + 1])
        if side == 0 or rows_a != rows_b:
            problems.append(f"the grids {stems[k]!r} and {stems[k + 1]!r} do not differ by a "
                            f"negation with the same rows")
            break
        pairs += [(a, b) if side == 2 else (b, a) for a, b in zip(first, second)]
    return pairs, problems


def infer_pairs(table, answers=None) -> dict[str, tuple]:
    """{feature: (functional column, dysfunctional column)} found from the question wording,
    or InputError asking for ``pairs=`` when it is not certain."""
    columns, almost = kano_columns(table, answers)
    note = ""
    if almost:
        note = (" Columns left out because some answers are not KANO answers: "
                + ", ".join(f"{c!r} ({v!r})" for c, v in list(almost.items())[:5])
                + " (give them with answers={...} or clean them).")
    if not columns:
        raise InputError("No column holds KANO answers only (我喜欢 / 它理应如此 / 无所谓 / 我能忍受 / "
                         "我不喜欢, like / must-be / neutral / live-with / dislike, or codes 1-5), "
                         f"so no feature can be found.{note}")
    found = []
    for strategy in (_by_consecutive_columns, _by_consecutive_grids):
        pairs, problems = strategy(table, columns)
        if not problems:
            found.append(pairs)
    distinct = [p for k, p in enumerate(found) if p not in found[:k]]
    if len(distinct) != 1:
        shown = "; ".join(f"{c!r} ({full_text(table, c)[:50]})" for c in columns[:6])
        more = f" and {len(columns) - 6} more" if len(columns) > 6 else ""
        why = problems[0] if not found else "the questions pair up in two different ways"
        raise InputError(
            f"The KANO questions could not be paired with certainty ({why}). Give the pairs "
            f"yourself: pairs={{'feature': ('functional column', 'dysfunctional column'), ...}}. "
            f"KANO columns found: {shown}{more}.{note}")
    pairs = found[0]
    names = _feature_names(table, [f for f, _ in pairs])
    return dict(zip(names, pairs))
