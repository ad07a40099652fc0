"""coursekit — the helper library of a hands-on Jupyter course in service management.

One import surface for the lessons::

    import coursekit as ck
    ck.define("Moment of Truth")          # the glossary, in English or Chinese
    ck.kano.summarize(answers)            # KANO categories, Better/Worse, Fong's test
    ck.servqual.dimension_gaps(E, P)      # SERVQUAL gaps
    ck.mot.driver_importance(...)         # which moments drive satisfaction
    ck.recovery.kpis(tickets)             # service-recovery figures
    ck.spc.p_chart(defects, sizes)        # control charts for service KPIs
    ck.chain.link(panel, "es", "isq")     # a link of the service–profit chain, with its interval
    ck.datasets.load("airport_journey")   # the bundled case data
    ck.survey.read("my_export.xlsx")      # your own survey export (问卷星, Qualtrics, ...)

The package has three parts (CONTRIBUTING.md draws the map):

* the analytics, one subpackage per topic: ``kano``, ``servqual``, ``mot``, ``recovery``,
  ``spc``, ``chain``, with ``datasets`` for the case data, ``survey`` for reading and checking
  your own survey exports, and ``style`` for the look of every figure;
* the shared core, ``coursekit.core``: input checks and the wording of every problem report;
* the course tools, ``coursekit.course``: glossary, knowledge checks, lesson metadata and course
  map, handouts, exercise generation, setup check; and ``coursekit.classroom``: team
  competitions on a live board (``ck.classroom.submit``), pre/post tests, certificates; and
  ``coursekit.capstone``: the capstone's one-page improvement plan and its checklist.

Every bad input raises :class:`coursekit.InputError` (a ``ValueError``) in plain words.
Results that need care come with a warning: :class:`coursekit.MissingDataWarning` (rows set
aside), :class:`coursekit.SuspectCodeWarning` (answers that look like not-applicable codes) and
:class:`coursekit.SmallSampleWarning` (few respondents).
Subpackages load on first use, so ``import coursekit`` stays cheap.
"""
from __future__ import annotations

from importlib import import_module

from .core.errors import InputError, MissingDataWarning, SmallSampleWarning, SuspectCodeWarning

__version__ = "0.2.0"

_SUBPACKAGES = ("kano", "servqual", "mot", "recovery", "spc", "chain", "datasets", "survey",
                "style", "course", "classroom", "capstone")
# Public name -> the course-tools module that defines it; imported on first use.
_LAZY_FUNCTIONS = {
    "glossary": "course.glossary",
    "define": "course.glossary",
    "course_map": "course.lessons",
    "check_setup": "course.setup_check",
    "knowledge_check": "course.quiz",
    "check": "course.checking",
    "exercise": "course.checking",
}

__all__ = ["InputError", "MissingDataWarning", "SuspectCodeWarning", "SmallSampleWarning",
           "__version__", *_SUBPACKAGES, *_LAZY_FUNCTIONS]


def __getattr__(name: str):
    if name in _SUBPACKAGES:
        value = import_module(f".{name}", __name__)
    elif name in _LAZY_FUNCTIONS:
        value = getattr(import_module(f".{_LAZY_FUNCTIONS[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
