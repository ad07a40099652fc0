"""The course plan: one list that the README, lesson 00 and ``coursekit.course_map()`` share."""
from __future__ import annotations

from pathlib import Path

# (number, notebook stem, title, topics, learner minutes, case data)
LESSONS = [
    ("00", "00_start_here", "Start here",
     "How the course works; Jupyter basics; setup check; glossary", 20, "—"),
    ("01", "01_moments_of_truth", "Services and Moments of Truth",
     "What makes services different; Moments of Truth; journeys and touchpoints; "
     "peak–end rule; service blueprint", 60, "Airport"),
    ("02", "02_finding_critical_moments", "Finding the critical moments in data",
     "Stated vs derived importance; relative weights; importance–performance analysis; "
     "waiting thresholds; segments", 60, "Airport"),
    ("03", "03_servqual", "SERVQUAL: measuring service quality",
     "Five dimensions; expectation and perception gaps; weighting; reliability (alpha); "
     "zone of tolerance", 75, "Hotel"),
    ("04", "04_gaps_and_standards", "The gaps model and service standards",
     "The five gaps; setting measurable standards; monitoring with control charts", 60,
     "Hotel, e-commerce"),
    ("05", "05_kano", "KANO: which features delight",
     "Functional and dysfunctional questions; evaluation table; Better/Worse; Fong's test", 60,
     "Hotel, e-commerce"),
    ("06", "06_service_recovery", "Service recovery",
     "Failures and complaints; perceived justice; the recovery paradox; recovery KPIs; "
     "Pareto analysis", 60, "Hotel, e-commerce"),
    ("07", "07_life_cycle_and_profit_chain", "The service life cycle and the service–profit chain",
     "Life-cycle stages; continual improvement; the service–profit chain", 45, "E-commerce"),
    ("08", "08_capstone", "Capstone: an end-to-end improvement project",
     "Group exercise: diagnose, prioritise, set standards, plan recovery, present", 120,
     "Any"),
]

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def course_map(notebooks: Path | str | None = None):
    """Return the course plan: one row per lesson, and whether it is ready yet.

    Parameters
    ----------
    notebooks : path, optional
        The folder holding the lesson notebooks (default: the repository's ``notebooks/``).

    Returns
    -------
    pandas.DataFrame
        Columns ``lesson, title, topics, minutes, case_data, notebook, status``; ``status`` is
        ``"ready"`` when the notebook exists and ``"coming"`` otherwise.

    Examples
    --------
    >>> import coursekit as ck
    >>> m = ck.course_map()
    >>> m.lesson.tolist()
    ['00', '01', '02', '03', '04', '05', '06', '07', '08']
    >>> m.set_index("lesson").loc["00", "status"]
    'ready'
    """
    import pandas as pd

    folder = Path(notebooks) if notebooks is not None else NOTEBOOKS
    rows = []
    for number, stem, title, topics, minutes, case in LESSONS:
        notebook = f"{stem}.ipynb"
        status = "ready" if (folder / notebook).exists() else "coming"
        rows.append((number, title, topics, minutes, case, notebook, status))
    return pd.DataFrame(rows, columns=["lesson", "title", "topics", "minutes", "case_data",
                                       "notebook", "status"])


def markdown_table(link_prefix: str = "", notebooks: Path | str | None = None) -> str:
    """The course map as a Markdown table, with links to the lessons that are ready.

    ``link_prefix`` is prepended to each notebook name: ``"notebooks/"`` in the README,
    ``""`` inside lesson 00.
    """
    lines = ["| Lesson | Topics | Minutes | Case data |", "|---|---|---|---|"]
    for row in course_map(notebooks).itertuples(index=False):
        name = f"{row.lesson} {row.title}"
        cell = f"[{name}]({link_prefix}{row.notebook})" if row.status == "ready" else f"{name} *(coming)*"
        lines.append(f"| {cell} | {row.topics} | {row.minutes} | {row.case_data} |")
    return "\n".join(lines)
