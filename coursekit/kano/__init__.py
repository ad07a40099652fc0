"""KANO model: sort each feature of a service into attractive, one-dimensional, must-be, ...

Every respondent answers two questions per feature — functional ("if the service has it") and
dysfunctional ("if it does not") — with the same five answers, given as codes, English or
Chinese words (:data:`ANSWER_VARIANTS` lists every spelling understood)::

    code  English     Chinese
    1     like        喜欢
    2     must-be     理应如此
    3     neutral     无所谓
    4     live-with   能忍受
    5     dislike     不喜欢

:func:`classify` reads one answer pair off :data:`EVALUATION_TABLE`; :func:`summarize` counts
the categories per feature and adds Better/Worse, the two strengths and Fong's test;
:func:`continuous_scores` gives DuMouchel's scores; :func:`plot_better_worse` and
:func:`plot_continuous` draw them. :func:`answer_grid`, :func:`plot_answer_grid` and
:func:`feature_explorer` show one feature's answers on the evaluation table; :func:`compare`
and :func:`plot_comparison` set segments or survey waves side by side; :func:`priorities` and
:func:`plot_roadmap` turn categories into an order of action.

Missing answers: an answer pair with a missing functional or dysfunctional answer is set aside
(never counted as a category) and a :class:`coursekit.MissingDataWarning` says how many.

Where things live: ``answers.py`` (reading answers), ``evaluation.py`` (the table and
:func:`classify`), ``stats.py`` (Better/Worse, strengths, Fong's test, the close-call rule),
``summary.py`` (:func:`summarize`, :func:`continuous_scores`), ``wide.py`` (survey exports:
:func:`from_wide`, :func:`stack_answers`), ``pairs.py`` (finding each feature's two questions
from their wording), ``plots.py`` (figures), ``questionnaire.py`` (the printable
:func:`questionnaire` and its template), ``explore.py`` (one feature's answer grid and the
explorer), ``compare.py`` (segments and waves), ``decide.py`` (priorities and the roadmap).
Method reference: docs/methods.md §3.
"""
from .answers import ANSWER_VARIANTS, ANSWERS
from .compare import LIFE_CYCLE, compare, plot_comparison
from .decide import plot_roadmap, priorities
from .evaluation import (CATEGORY_NAMES, CATEGORY_NAMES_ZH, DYSFUNCTIONAL_SCORES,
                         EVALUATION_TABLE, FUNCTIONAL_SCORES, classify, to_codes)
from .explore import answer_grid, feature_explorer, plot_answer_grid
from .plots import plot_better_worse, plot_continuous
from .questionnaire import STANDARD_ANSWERS, questionnaire
from .stats import CATEGORIES, TIE_ORDER, summarize_counts
from .summary import continuous_scores, summarize
from .wide import from_wide, stack_answers

__all__ = [
    "ANSWERS", "ANSWER_VARIANTS", "CATEGORIES", "CATEGORY_NAMES", "CATEGORY_NAMES_ZH",
    "EVALUATION_TABLE", "FUNCTIONAL_SCORES", "DYSFUNCTIONAL_SCORES", "TIE_ORDER",
    "classify", "summarize", "summarize_counts", "continuous_scores", "to_codes",
    "stack_answers", "from_wide", "plot_better_worse", "plot_continuous", "questionnaire",
    "STANDARD_ANSWERS",
    "answer_grid", "plot_answer_grid", "feature_explorer", "compare", "plot_comparison",
    "LIFE_CYCLE", "priorities", "plot_roadmap",
]
