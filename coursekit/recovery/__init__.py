"""Service recovery in numbers: ticket KPIs, the recovery paradox, and Pareto analysis of causes.

* :func:`kpis` — first response time, time to resolution (median and 90th percentile),
  first-contact resolution rate and satisfaction after recovery, overall or per group.
* :func:`recovery_paradox` — compare customers with no failure, a recovered failure and an
  unrecovered failure on satisfaction (t intervals) or on a yes/no outcome (Wilson intervals).
* :func:`pareto` — the few causes behind most failures; :func:`plot_pareto` draws the chart.
* :func:`recovery_cycle` — seed 003's recovery cycle and its enabling elements;
  :func:`plot_recovery_cycle` draws it.

Where things live: ``kpis.py``, ``paradox.py``, ``pareto.py``, ``cycle.py`` (the recovery
cycle), ``inputs.py`` (reading timestamps, yes/no answers and counts), ``plots.py``. Method reference: docs/methods.md §5.
"""
from .cycle import plot_recovery_cycle, recovery_cycle
from .kpis import kpis
from .paradox import GROUPS, recovery_paradox
from .pareto import pareto
from .plots import plot_pareto, plot_recovery_paradox

__all__ = ["kpis", "recovery_paradox", "pareto", "plot_pareto", "plot_recovery_paradox", "GROUPS",
           "recovery_cycle", "plot_recovery_cycle"]
