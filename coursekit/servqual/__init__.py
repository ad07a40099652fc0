"""SERVQUAL: how far perceived service falls short of (or beats) what customers expect.

Survey-table convention (the course's case data use it): one row per respondent, expectation
columns ``E_q01`` ... ``E_q22``, perception columns ``P_q01`` ... ``P_q22`` and the 100 points
each respondent splits across the dimensions in ``w_tangibles, w_reliability,
w_responsiveness, w_assurance, w_empathy``. Every function below takes either the two tables
``(expectations, perceptions)`` with columns ``q01`` ... ``q22``, or the survey table alone::

    E, P = split_survey(survey)
    dimension_gaps(E, P)           # the same as dimension_gaps(survey)
    score(survey, weights=True)    # weighted score, points read from the w_ columns

Scoring (Parasuraman, Zeithaml & Berry 1988, *Journal of Retailing* 64(1)): item gap
G = P - E; dimension gap = mean of its item gaps; SERVQUAL score = mean of the five dimension
gaps, or, weighted, sum of (points_d / 100) * gap_d per respondent, averaged. Answers are on a
7-point scale (1 strongly disagree ... 7 strongly agree) unless ``scale=`` says otherwise.

Missing answers: :func:`gaps` leaves a gap missing where an answer is; every other function
sets aside a respondent with any missing answer (listwise deletion) and says how many with a
:class:`coursekit.MissingDataWarning`.

Where things live: ``items.py`` (the 22 items and five dimensions), ``tables.py`` (reading and
pairing the tables), ``scores.py`` (gaps and scores), ``zone.py`` (zone of tolerance),
``reliability.py`` (Cronbach's alpha), ``plots.py`` (figures), ``exports.py`` (your own
survey: :func:`from_survey`, the printable :func:`questionnaire`), ``compare.py`` (is a gap
difference between two groups real? bootstrap and t intervals), ``gapsmodel.py`` (the gaps
model made measurable: gap 1 from a management survey, gap 3 from standards audits),
``gapsfigure.py`` (the figure of the five gaps), ``explore.py`` (the priority explorer).
Method reference: docs/methods.md §2.
"""
from .compare import bootstrap_gaps, compare_gaps
from .explore import priority_explorer
from .exports import from_survey, questionnaire
from .gapsfigure import GAPS, plot_gaps_model
from .gapsmodel import compliance, listening_gap
from .items import (DIMENSION_ITEMS, DIMENSION_NAMES_ZH, DIMENSIONS, DIMENSIONS_ZH, ITEM_IDS, ITEMS,
                    SCALE, WEIGHT_COLUMNS, WORDING_ZH)
from .plots import plot_gaps, plot_profile, plot_zone
from .reliability import CronbachAlpha, alpha_if_dropped, cronbach_alpha, dimension_alpha
from .scores import dimension_gaps, gaps, score
from .tables import split_survey
from .zone import zone_of_tolerance

__all__ = [
    "ITEMS", "ITEM_IDS", "DIMENSIONS", "DIMENSIONS_ZH", "DIMENSION_NAMES_ZH", "DIMENSION_ITEMS",
    "WEIGHT_COLUMNS", "SCALE", "split_survey", "gaps", "dimension_gaps", "score",
    "zone_of_tolerance", "cronbach_alpha", "dimension_alpha", "CronbachAlpha",
    "plot_gaps", "plot_profile", "plot_zone", "from_survey", "questionnaire", "WORDING_ZH",
    "bootstrap_gaps", "compare_gaps", "alpha_if_dropped", "listening_gap", "compliance",
    "GAPS", "plot_gaps_model", "priority_explorer",
]
