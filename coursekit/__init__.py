"""coursekit — the helper library of a hands-on Jupyter course in service management.

One flat import surface for the lessons::

    import coursekit as ck
    ck.define("Moment of Truth")          # the glossary, in English or Chinese
    ck.kano.summarize(answers)            # KANO categories, Better/Worse, Fong's test
    ck.servqual.dimension_gaps(E, P)      # SERVQUAL gaps
    ck.mot.driver_importance(...)         # which moments drive satisfaction
    ck.recovery.kpis(tickets)             # service-recovery figures
    ck.spc.p_chart(defects, sizes)        # control charts for service KPIs
    ck.datasets.load("airport_journey")   # the bundled case data

Every bad input raises :class:`coursekit.InputError` (a ``ValueError``) in plain words.
Topic modules load on first use, so ``import coursekit`` stays cheap.
"""
from __future__ import annotations

from importlib import import_module

from ._errors import InputError, MissingDataWarning

__version__ = "0.1.0"

_SUBMODULES = ("kano", "servqual", "mot", "recovery", "spc", "datasets")
# Public name -> the private module that defines it; imported on first use.
_LAZY_FUNCTIONS = {
    "glossary": "_glossary",
    "define": "_glossary",
    "course_map": "_course_map",
    "check_setup": "_setup_check",
    "knowledge_check": "_quiz",
}

__all__ = ["InputError", "MissingDataWarning", "__version__", *_SUBMODULES, *_LAZY_FUNCTIONS]


def __getattr__(name: str):
    if name in _SUBMODULES:
        value = import_module(f".{name}", __name__)
    elif name in _LAZY_FUNCTIONS:
        value = getattr(import_module(f".{_LAZY_FUNCTIONS[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
