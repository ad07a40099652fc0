"""The service life cycle and the service–profit chain, tested on data (lesson 07).

* :func:`link` — one link: the slope of an outcome on its driver(s), others held constant,
  with an interval that is classic, clustered by unit, or a cluster bootstrap;
* :func:`links` — every link of a chain in one table; :func:`plot_chain` draws it;
* :func:`add_lags` — last period's values, for links that take time;
* :func:`difference_in_differences` — a pilot against the other units, before and after;
* :func:`nps` — the Net Promoter Score with its interval, overall or per unit;
  :func:`plot_nps` draws the units' scores with their intervals;
* :func:`plot_life_cycle` — the stages of the service life cycle with continual improvement
  across all of them.

Where things live: ``links.py`` (least squares and its intervals), ``panel.py`` (lags,
difference in differences), ``nps.py``, ``plots.py``. Method reference: docs/methods.md
§6.3–§6.6.
"""
from .links import INTERVALS, link, links
from .nps import nps
from .panel import add_lags, difference_in_differences
from .plots import STAGES, plot_chain, plot_life_cycle, plot_nps

__all__ = ["link", "links", "add_lags", "difference_in_differences", "nps", "plot_chain",
           "plot_nps", "plot_life_cycle", "INTERVALS", "STAGES"]
