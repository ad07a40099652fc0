"""Control charts for service KPIs (Montgomery, *Introduction to Statistical Quality Control*).

* :func:`p_chart` — a proportion per period, e.g. the daily complaint rate (complaints / orders);
* :func:`individuals_chart` — one measurement per period, e.g. the daily mean response time;
* :func:`plot_p_chart`, :func:`plot_individuals_chart` — the charts, out-of-control points marked.

A point is *out of control* when it lies beyond (not on) a control limit. Only this rule is
applied; run rules (e.g. Western Electric) are not.

Where things live: ``charts.py`` (the computations), ``plots.py`` (the figures). Method
reference: docs/methods.md §6.
"""
from .charts import E2, individuals_chart, p_chart
from .plots import plot_individuals_chart, plot_p_chart

__all__ = ["p_chart", "individuals_chart", "plot_p_chart", "plot_individuals_chart", "E2"]
