"""A printable KANO questionnaire with the standard answer wording, and a template that
``coursekit.survey.read`` and :func:`coursekit.kano.from_wide` read back."""
from __future__ import annotations

import pandas as pd

from ..core import InputError
from ..core.printable import Questionnaire, check_language, page, section

#: The standard five answers, in questionnaire order (codes 1-5), as the printed page words them.
STANDARD_ANSWERS = {
    "zh": ("我喜欢", "它理应如此", "无所谓", "我能忍受", "我不喜欢"),
    "en": ("I like it that way", "It must be that way", "I am neutral",
           "I can live with it that way", "I dislike it that way"),
}
# (functional, dysfunctional) question for the page, and the grid stems of the template.
_QUESTIONS = {
    "zh": ("如果提供{f}，您的感受是？", "如果不提供{f}，您的感受是？"),
    "en": ("If the service has {f}, how do you feel?", "If the service does not have {f}, how do you feel?"),
}
_STEMS = {
    "zh": ("如果提供以下功能，您的感受是？", "如果不提供以下功能，您的感受是？"),
    "en": ("If the service has it, how do you feel?", "If the service does not have it, how do you feel?"),
}


def questionnaire(features, language="zh", *, title=None):
    """A KANO questionnaire for *features*: a printable page and a data-entry template.

    Each feature is asked twice, functional ("If the service has X, how do you feel?") and
    dysfunctional ("If it does not have X ..."), both with the standard five answers in this
    order (Berger et al. 1993): 我喜欢 / 它理应如此 / 无所谓 / 我能忍受 / 我不喜欢, or "I like it that
    way" / "It must be that way" / "I am neutral" / "I can live with it that way" / "I dislike
    it that way". The template has one column per question, headed like a grid row
    ("如果提供以下功能，您的感受是？ [免费WiFi]"), functional then dysfunctional for each feature:
    enter the answers as worded (or as codes 1-5) and ``ck.survey.read`` then
    ``ck.kano.from_wide`` give the table :func:`summarize` reads, with no glue.

    Method: docs/methods.md §3.1. Used in: lesson 05; notebook your_own_survey.

    Parameters
    ----------
    features : list of str
        The features, as respondents should read them ("免费WiFi", "free Wi-Fi").
    language : {"zh", "en"}
    title : str, optional

    Returns
    -------
    coursekit.core.printable.Questionnaire
        ``.html`` (shown in a notebook; prints on A4), ``.template`` and
        ``.save(folder, template="csv" or "xlsx")``.

    Raises
    ------
    coursekit.InputError
        For no features, a repeated feature, or an unknown language.

    Examples
    --------
    >>> import coursekit as ck
    >>> q = ck.kano.questionnaire(["free Wi-Fi", "late check-out"], language="en")
    >>> list(q.template.columns)[:3]
    ['respondent_id', 'If the service has it, how do you feel? [free Wi-Fi]', 'If the service does not have it, how do you feel? [free Wi-Fi]']
    >>> "I can live with it that way" in q.html
    True
    """
    language = check_language(language)
    if isinstance(features, str):
        features = [features]
    if not isinstance(features, (list, tuple, pd.Series, pd.Index)):
        raise InputError(f"features= should be a list of feature names, such as ['免费WiFi', "
                         f"'自助入住'], not a {type(features).__name__}.")
    names = [str(f).strip() for f in features]
    if not names or not all(names):
        raise InputError("features= should list the features to ask about, such as "
                         "['免费WiFi', '自助入住'].")
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(f"These features are listed twice: {', '.join(map(repr, repeated))}.")
    functional, dysfunctional = _QUESTIONS[language]
    rows = []
    for k, name in enumerate(names, start=1):
        rows += [f"{k}a. {functional.format(f=name)}", f"{k}b. {dysfunctional.format(f=name)}"]
    answers = STANDARD_ANSWERS[language]
    if language == "zh":
        html = page(title or "功能需求问卷（KANO）", "每个功能有两个问题：具备时和不具备时的感受。请每行只勾选一个方框。",
                    ["问卷编号", "日期"], [section("您的感受", "请选择最符合您感受的一项。", answers, rows)],
                    "KANO 模型问卷（Kano 等 1984；Berger 等 1993 的做法），由 coursekit 生成。")
    else:
        html = page(title or "Feature questionnaire (KANO)", "Each feature has two questions: how you "
                    "feel if the service has it, and if it does not. Please tick one box per line.",
                    ["Respondent", "Date"], [section("How do you feel?", "Choose the answer closest "
                                                     "to how you feel.", answers, rows)],
                    "A KANO questionnaire (Kano et al. 1984; practice after Berger et al. 1993), "
                    "made by coursekit.")
    has, has_not = _STEMS[language]
    columns = ["respondent_id"] + [c for name in names for c in (f"{has} [{name}]", f"{has_not} [{name}]")]
    return Questionnaire(title or "KANO", html, pd.DataFrame(columns=columns), language,
                         "kano_questionnaire")
