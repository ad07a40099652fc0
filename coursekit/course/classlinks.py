"""``python -m coursekit class-links --hub URL``: one nbgitpuller link per lesson and exercise.

A learner who follows such a link logs in to the hub, gets the course pulled into (or updated
in) the folder ``coursekit/`` of their home, and lands on the notebook the link names.
nbgitpuller never overwrites a file the learner changed: see deploy/README.md ("When the
instructor changes a lesson") for what a learner does to get an updated cell they had edited.
"""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from ..core import InputError
from .lessons import NOTEBOOKS, ROOT, lessons

DEFAULT_REPOSITORY = "https://github.com/coursekit/coursekit"
DEFAULT_BRANCH = "main"
DEFAULT_FOLDER = "coursekit"
EXERCISES = ROOT / "exercises"


def repository_url() -> str:
    """The course repository named in the package's metadata (pyproject's ``Repository``)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        for entry in metadata("coursekit").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "repository":
                return url.strip()
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        pass
    return DEFAULT_REPOSITORY


def pull_link(hub: str, repo: str, branch: str, urlpath: str, folder: str = DEFAULT_FOLDER) -> str:
    """The nbgitpuller link that pulls *repo* at *branch* into ``~/folder`` and opens *urlpath*.

    >>> pull_link("https://hub.example.org", "https://github.com/coursekit/coursekit", "main",
    ...           "lab/tree/coursekit/notebooks/00_start_here.ipynb")  # doctest: +NORMALIZE_WHITESPACE
    'https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fcoursekit%2Fcoursekit&branch=main&urlpath=lab%2Ftree%2Fcoursekit%2Fnotebooks%2F00_start_here.ipynb&targetpath=coursekit'
    """
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"The hub address {hub!r} is not a web address. Give the address "
                         "learners open, e.g. https://hub.example.org (with its path, if any).")
    query = urlencode({"repo": repo, "branch": branch, "urlpath": urlpath, "targetpath": folder})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def class_links(hub: str, repo: str | None = None, branch: str = DEFAULT_BRANCH,
                folder: str = DEFAULT_FOLDER):
    """One row per lesson and per exercise, with the nbgitpuller link that opens it on *hub*.

    Lessons whose notebook is not written yet are listed with status ``"coming"`` and no link.
    Lesson 00 runs the setup check (``ck.check_setup()``): its link is the one to send
    learners before a workshop.

    Used in: library only (``python -m coursekit class-links``).

    Examples
    --------
    >>> links = class_links("https://hub.example.org")
    >>> links.loc[0, ["kind", "number", "status"]].tolist()
    ['lesson', '00', 'ready']
    >>> links.loc[0, "link"].endswith("00_start_here.ipynb&targetpath=coursekit")
    True
    """
    import pandas as pd

    repo = repo or repository_url()
    rows = []
    for item in lessons():
        entries = [("lesson", NOTEBOOKS / item.notebook, f"notebooks/{item.notebook}")]
        if (EXERCISES / item.notebook).exists():
            entries.append(("exercise", EXERCISES / item.notebook, f"exercises/{item.notebook}"))
        for kind, path, relative in entries:
            ready = path.exists()
            link = pull_link(hub, repo, branch, f"lab/tree/{folder}/{relative}", folder) if ready else ""
            rows.append((kind, item.number, item.title, "ready" if ready else "coming", link))
    return pd.DataFrame(rows, columns=["kind", "number", "title", "status", "link"])


def format_links(links, markdown: bool = False) -> str:
    """The links as text for an e-mail or a slide (or a Markdown table with *markdown*)."""
    setup = links[(links.kind == "lesson") & (links.number == "00")]
    lines = []
    if markdown:
        lines += ["| | Title | Link |", "|---|---|---|"]
        for row in links.itertuples(index=False):
            target = f"[open]({row.link})" if row.link else "*(coming)*"
            lines.append(f"| {row.kind} {row.number} | {row.title} | {target} |")
        return "\n".join(lines)
    if not setup.empty and setup.iloc[0].link:
        lines += ["Setup check (send before the workshop; lesson 00 runs ck.check_setup()):",
                  f"  {setup.iloc[0].link}", ""]
    for row in links.itertuples(index=False):
        lines.append(f"{row.kind:<8} {row.number}  {row.title}")
        lines.append(f"  {row.link}" if row.link else "  (coming: not written yet)")
    return "\n".join(lines)
