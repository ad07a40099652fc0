"""Moments of Truth in data: which moments matter, where to act, and how a journey is remembered.

* :func:`driver_importance` — derived importance of each touchpoint for overall satisfaction
  (relative weights, correlation or regression), one row per touchpoint.
* :func:`ipa` — importance–performance analysis (Martilla & James 1977): the quadrant of each
  attribute; :func:`plot_ipa` draws the grid; :func:`ipa_explorer` switches between grids.
* :func:`ipa_stated` — IPA from stated importance and performance asked item by item, with n;
  :func:`ipa_derived` — IPA from a :func:`driver_importance` table, crosshair at the fair
  share 100 / number of drivers.
* :func:`peak_end` — per respondent: mean, worst, best, the most intense moment, the end, and
  the peak–end score (Kahneman et al. 1993); :func:`journey_explorer` puts sliders on a journey.
* :func:`emotion_curve` — the journey's mean rating per touchpoint with a band;
  :func:`plot_emotion_curve` draws it, one line per segment.
* :func:`plot_importance` — bar chart of a :func:`driver_importance` table.
* :func:`plot_blueprint` — a service blueprint (Shostack 1982): steps, layers, lines, fail and
  waiting points.

Where things live: ``importance.py`` (:func:`driver_importance`), ``ipa.py`` (:func:`ipa`),
``ipa_sources.py`` (:func:`ipa_stated`, :func:`ipa_derived`),
``journey.py`` (:func:`peak_end`, :func:`emotion_curve`), ``plots.py`` (figures of those),
``blueprint.py`` (:func:`plot_blueprint`), ``explore.py`` (the two explorers, ipywidgets with a
static picture for viewers without a kernel). Method reference: docs/methods.md §1 (Moments of
Truth, peak–end, blueprint) and §4 (IPA, key drivers).
"""
from .blueprint import BLUEPRINT_LAYERS, BLUEPRINT_LINES, BLUEPRINT_MARKS, plot_blueprint
from .explore import ipa_explorer, journey_explorer
from .importance import driver_importance
from .ipa import QUADRANTS, ipa
from .ipa_sources import ipa_derived, ipa_stated
from .journey import emotion_curve, peak_end
from .plots import plot_emotion_curve, plot_importance, plot_ipa

__all__ = ["driver_importance", "ipa", "ipa_stated", "ipa_derived", "peak_end", "emotion_curve",
           "plot_ipa", "plot_emotion_curve", "plot_importance", "plot_blueprint",
           "journey_explorer", "ipa_explorer", "QUADRANTS", "BLUEPRINT_LAYERS", "BLUEPRINT_LINES",
           "BLUEPRINT_MARKS"]
