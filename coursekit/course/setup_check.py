"""``check_setup()``: is this machine ready for the course? One readable table says."""
from __future__ import annotations

import platform
import sys
from importlib import metadata

MIN_PYTHON = (3, 10)
# Packages a learner needs, in the order the table shows them. Their minimum versions are read
# from coursekit's own installed metadata (pyproject.toml), so they are written down once.
PACKAGES = ["numpy", "pandas", "matplotlib", "scipy", "ipywidgets", "jupyterquiz",
            "otter-grader", "jupyterlab", "ipykernel"]
FIX = ("From the course folder run:  python3 course.py lab   (it installs what is missing). "
       "On Binder, restart the session.")


def _minimums() -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        from packaging.requirements import Requirement
    except ImportError:  # packaging comes with JupyterLab; without it we only report versions
        return found
    for text in metadata.requires("coursekit") or []:
        req = Requirement(text)
        found[req.name.lower()] = str(req.specifier)
    return found


def _check_package(name: str, minimums: dict[str, str]) -> tuple:
    wanted = minimums.get(name, "")
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        return (name, "not installed", wanted, "missing", FIX)
    if wanted:
        from packaging.specifiers import SpecifierSet

        if version not in SpecifierSet(wanted):
            return (name, version, wanted, "too old", FIX)
    return (name, version, wanted, "ok", "")


def _check_data() -> tuple:
    try:
        from .. import datasets

        names = datasets.catalog().name.tolist()
        rows = sum(len(datasets.load(name)) for name in names)
    except Exception as exc:  # the table reports the problem instead of stopping the lesson
        return ("case data", f"{type(exc).__name__}: {exc}"[:120], "all tables load", "failed",
                "Get a fresh copy of the course (git pull, or a new clone) so datasets/ is complete.")
    return ("case data", f"{len(names)} tables, {rows:,} rows", "all tables load", "ok", "")


def _check_figure() -> tuple:
    try:
        import io

        from matplotlib.figure import Figure

        figure = Figure(figsize=(2, 1))
        figure.subplots().plot([0, 1], [0, 1])
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        size = buffer.tell()
    except Exception as exc:  # reported, not raised: see _check_data
        return ("figure", f"{type(exc).__name__}: {exc}"[:120], "a PNG renders", "failed",
                "Reinstall matplotlib:  python3 course.py lab  (or delete .venv and run it again).")
    return ("figure", f"PNG of {size:,} bytes", "a PNG renders", "ok", "")


def check_setup():
    """Check that this machine has what the course needs, and say what to do if not.

    It reports the Python version, each package's installed version against the version the
    course needs, whether every case-data table loads, and whether a figure renders. Nothing is
    installed or changed.

    Used in: lesson 00.

    Returns
    -------
    pandas.DataFrame
        Columns ``check, found, needed, status, what_to_do``; ``status`` is ``"ok"`` when all is
        well, otherwise ``"missing"``, ``"too old"`` or ``"failed"``.

    Examples
    --------
    >>> import coursekit as ck
    >>> report = ck.check_setup()
    >>> list(report.columns)
    ['check', 'found', 'needed', 'status', 'what_to_do']
    >>> report.set_index("check").loc["figure", "status"]
    'ok'
    """
    import pandas as pd

    version = ".".join(map(str, sys.version_info[:3]))
    python_ok = sys.version_info >= MIN_PYTHON
    rows = [(
        "Python", f"{version} ({platform.system()})", ">=3.10",
        "ok" if python_ok else "too old",
        "" if python_ok else "Install Python 3.10 or newer, then run  python3 course.py lab  with it.",
    )]
    try:
        coursekit_version = metadata.version("coursekit")
    except metadata.PackageNotFoundError:
        coursekit_version = "not installed"
    rows.append(("coursekit", coursekit_version, "", "ok" if coursekit_version != "not installed"
                 else "missing", "" if coursekit_version != "not installed" else FIX))
    minimums = _minimums()
    rows += [_check_package(name, minimums) for name in PACKAGES]
    rows += [_check_data(), _check_figure()]
    return pd.DataFrame(rows, columns=["check", "found", "needed", "status", "what_to_do"])
