"""Reading KANO answers: codes 1–5, English words or Chinese wording, all to the codes 1–5.

The accepted spellings are listed in :data:`ANSWER_VARIANTS`, so a trainee can look up why an
answer was (or was not) understood: the standard wording of a KANO questionnaire in Chinese
(我喜欢 / 它理应如此 / 无所谓 / 我能忍受 / 我不喜欢, with the usual variants and traditional
characters) and in English ("I like it that way", "It must be that way", "I am neutral",
"I can live with it that way", "I dislike it that way"). Anything else can be given as a
user's answer map (``answers={"超喜欢": "like"}``). Blanks and skip marks (:data:`SKIP_MARKS`)
are missing answers. Matching is exact after a light clean-up (Unicode NFKC, so
full-width characters count as ordinary ones; lower case; ``_``, ``-`` and runs of spaces read as
one space; end punctuation dropped), never by substring: "不喜欢" must not be read as "喜欢".
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from numbers import Integral, Real

import numpy as np
import pandas as pd

from ..core import InputError, raise_bad_values

#: The five answers in questionnaire order; the code of an answer is its position + 1.
ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")

#: Every spelling read as each answer code (after the clean-up described in the module text).
#: No spelling appears under two codes; the test-suite checks that.
ANSWER_VARIANTS = {
    1: (
        "like", "like it", "i like it", "i like it that way", "1 like",
        "喜欢", "我喜欢", "很喜欢", "非常喜欢", "喜欢这样", "我很喜欢", "我喜欢这样",
        "喜歡", "我喜歡", "很喜歡", "我很喜歡", "非常喜歡",
    ),
    2: (
        "must-be", "must be", "mustbe", "expect it", "i expect it", "it must be that way",
        "must be that way", "it must be", "2 must-be",
        "理应如此", "它理应如此", "理所当然", "理所应当", "必须这样", "必须如此", "它必须这样",
        "必须的", "应该的", "应该这样", "本应如此", "理当如此",
        "理應如此", "它理應如此", "理所當然", "理所應當", "必須這樣", "必須如此", "應該的", "應該這樣",
    ),
    3: (
        "neutral", "i am neutral", "i'm neutral", "i feel neutral", "3 neutral",
        "无所谓", "我无所谓", "没感觉", "没有感觉", "中立", "无所谓的",
        "無所謂", "我無所謂", "沒感覺", "沒有感覺",
    ),
    4: (
        "live-with", "live with", "livewith", "can live with it", "i can live with it",
        "i can live with it that way", "can live with it that way", "live with it",
        "tolerate", "tolerate it", "can tolerate it", "i can tolerate it", "4 live-with",
        "能忍受", "我能忍受", "可以忍受", "我可以忍受", "勉强接受", "勉强可以接受", "能够忍受",
        "忍受", "可以接受", "能接受", "我能接受",
        "勉強接受", "勉強可以接受", "能夠忍受",
    ),
    5: (
        "dislike", "dislike it", "i dislike it", "i dislike it that way", "5 dislike",
        "不喜欢", "我不喜欢", "很不喜欢", "我很不喜欢", "非常不喜欢", "讨厌", "我不喜欢这样",
        "不喜歡", "我不喜歡", "很不喜歡", "我很不喜歡", "非常不喜歡", "討厭",
    ),
}

#: Answers that mean "not answered" (after the same clean-up): blanks and the skip marks of
#: survey tools, such as 问卷星's "(跳过)". They are missing answers, set aside with a warning.
SKIP_MARKS = ("", "跳过", "(跳过)", "空", "(空)", "-", "--", "n/a", "na", "#n/a", "skipped",
              "(skipped)", "no answer", "不适用", "跳過", "(跳過)")

ALLOWED_TEXT = (
    "the codes 1-5 (1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike), the English words "
    "like / must-be / neutral / live-with / dislike, or the Chinese 喜欢 / 理应如此 / 无所谓 / "
    "能忍受 / 不喜欢 (see coursekit.kano.ANSWER_VARIANTS for every spelling; give your own "
    "wording with answers={...})"
)

_SEPARATORS = re.compile(r"[\s_\-]+")
_END_PUNCT = " .,;:!?。，；：！？、\"'“”‘’()（）"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    if text.startswith(("(", "（")) and text.endswith((")", "）")):
        text = text[1:-1]  # "(跳过)" is the mark 跳过
    text = text.strip(_END_PUNCT)
    text = _SEPARATORS.sub(" ", text).strip()
    # Chinese is written without spaces; "理应 如此" is the same answer as "理应如此".
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        text = text.replace(" ", "")
    return text


def _build_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for code, spellings in ANSWER_VARIANTS.items():
        lookup[str(code)] = code
        for spelling in spellings:
            key = _clean(spelling)
            if lookup.get(key, code) != code:  # pragma: no cover - guarded by a unit test
                raise RuntimeError(f"KANO spelling {spelling!r} listed under two codes")
            lookup[key] = code
    return lookup


_LOOKUP = _build_lookup()
for _mark in SKIP_MARKS:
    _LOOKUP.setdefault(_clean(_mark), 0)


def user_lookup(answers) -> dict[str, int]:
    """A user's own answer wording, ``{wording: answer}``, as a lookup of cleaned wording ->
    code (0 for a wording that means "no answer"). The answer may be a code 1-5, any spelling
    in :data:`ANSWER_VARIANTS`, or None."""
    if answers is None:
        return {}
    if not isinstance(answers, Mapping):
        raise InputError(f"answers= should map your own wording to a KANO answer, such as "
                         f"{{'超级喜欢': 'like', '还行': 3}}, not a {type(answers).__name__}.")
    lookup = {}
    for wording, meaning in answers.items():
        code = 0 if meaning is None or (isinstance(meaning, float) and np.isnan(meaning)) \
            else code_of(meaning)
        if code < 0:
            raise InputError(f"answers= maps {wording!r} to {meaning!r}, which is not a KANO "
                             f"answer. Allowed: {ALLOWED_TEXT}, or None for 'no answer'.")
        lookup[_clean(str(wording))] = code
    return lookup


def code_of(value, extra: dict | None = None) -> int:
    """Return the code 1–5 of one answer, 0 if it is missing (blank or a skip mark), -1 if it
    is not understood. *extra* is a :func:`user_lookup`, consulted first."""
    if value is None or value is pd.NA:
        return 0
    if isinstance(value, (bool, np.bool_)):
        return -1
    if isinstance(value, str):
        key = _clean(value)
        if extra and key in extra:
            return extra[key]
        return _LOOKUP.get(key, -1)
    if isinstance(value, Integral):
        return int(value) if 1 <= value <= 5 else -1
    if isinstance(value, Real):
        if np.isnan(value):
            return 0
        return int(value) if float(value).is_integer() and 1 <= value <= 5 else -1
    return -1


def _codes_of_values(values, extra=None) -> np.ndarray:
    return np.fromiter((code_of(v, extra) for v in values), dtype=np.int8, count=len(values))


def answer_codes(series: pd.Series, column: str, answers=None) -> np.ndarray:
    """Return the answers of *series* as an int8 array of codes 1–5, with 0 for a missing answer
    (a blank or a skip mark such as "(跳过)"). *answers* is the user's own wording
    (see :func:`user_lookup`).

    Raises InputError naming *column*, the offending values and their row labels, and what is
    allowed. Text is looked up once per distinct value, so long columns stay fast.
    """
    extra = user_lookup(answers)
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        lut = np.append(_codes_of_values(dtype.categories, extra), np.int8(0))  # code -1 = missing
        out = lut[series.cat.codes.to_numpy()]
    elif pd.api.types.is_bool_dtype(dtype):
        out = np.full(len(series), -1, dtype=np.int8)
    elif isinstance(dtype, np.dtype) and dtype.kind in "iu":
        arr = series.to_numpy()
        # The usual case (clean integer codes): one min and one max instead of a full mask.
        if len(arr) and 1 <= arr.min() and arr.max() <= 5:
            return arr.astype(np.int8)
        out = np.where((arr >= 1) & (arr <= 5), arr, -1).astype(np.int8)
    elif pd.api.types.is_numeric_dtype(dtype):
        arr = series.to_numpy(dtype=np.float64, na_value=np.nan)
        ok = np.isin(arr, (1.0, 2.0, 3.0, 4.0, 5.0))
        out = np.where(ok, np.nan_to_num(arr), -1).astype(np.int8)
        out[np.isnan(arr)] = 0
    else:
        positions, uniques = pd.factorize(series, use_na_sentinel=True)
        lut = np.append(_codes_of_values(uniques, extra), np.int8(0))
        out = lut[positions]
    if (out < 0).any():
        raise_bad_values(column, series, pd.Series(out < 0, index=series.index), ALLOWED_TEXT,
                         problem="answers that are not KANO answers")
    return out
