"""Saving a team's plan without ever overwriting an earlier one, and reading it back."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..core import InputError
from .page import one_page
from .plan import blank, require_plan

FOLDER = "capstone_plans"
_NAME = re.compile(r"^(?P<team>.+)-plan-(?P<number>\d{3,})\.json$")


def _plain(value):
    """JSON-ready: ``...`` becomes None, numpy numbers plain numbers, tuples and sets lists."""
    if value is ...:
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def _slug(team) -> str:
    name = "team" if blank(team) else str(team)
    return re.sub(r"[^\w]+", "-", name.strip(), flags=re.UNICODE).strip("-").lower() or "team"


def save_plan(plan, folder=FOLDER) -> Path:
    """Save the team's plan (JSON) and its one-page version (Markdown) in *folder*.

    Each save makes a new pair of files, ``<team>-plan-001.json`` and ``.md``, then ``-002``
    and so on: an earlier version is never overwritten, so nothing a team wrote is lost. The
    checklist notebook reads the latest with :func:`load_plan`.

    Used in: lesson 08.

    Returns
    -------
    pathlib.Path
        The JSON file written.

    >>> import coursekit as ck, tempfile
    >>> plan = ck.capstone.template("hotel", team="Lotus")
    >>> folder = tempfile.mkdtemp()
    >>> ck.capstone.save_plan(plan, folder).name, ck.capstone.save_plan(plan, folder).name
    ('lotus-plan-001.json', 'lotus-plan-002.json')
    """
    plan = require_plan(plan)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    slug = _slug(plan.get("team"))
    taken = [int(m["number"]) for p in folder.iterdir()
             if (m := _NAME.match(p.name)) and m["team"] == slug]
    number = max(taken, default=0) + 1
    while True:
        path = folder / f"{slug}-plan-{number:03d}.json"
        try:
            # "x" refuses to open a file that exists: two saves at once cannot both win.
            with open(path, "x", encoding="utf-8") as out:
                json.dump(_plain(plan), out, ensure_ascii=False, indent=1)
            break
        except FileExistsError:
            number += 1
    path.with_suffix(".md").write_text(one_page(plan).markdown, encoding="utf-8")
    return path


def load_plan(path=None, *, team=None, folder=FOLDER) -> dict:
    """Read a saved plan: the file *path*, or the latest in *folder* (of *team*, if given).

    Used in: library only (the capstone's checklist notebook).

    Raises
    ------
    coursekit.InputError
        No such file, no saved plan in the folder, or a file that is not a plan.

    >>> import coursekit as ck, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = ck.capstone.save_plan(ck.capstone.template("airport", team="Peony"), folder)
    >>> ck.capstone.load_plan(folder=folder)["case"]
    'airport'
    """
    if path is None:
        folder = Path(folder)
        found = sorted(((int(m["number"]), p.stat().st_mtime, p) for p in
                        (folder.iterdir() if folder.is_dir() else [])
                        if (m := _NAME.match(p.name))
                        and (team is None or m["team"] == _slug(team))),
                       key=lambda item: (item[1], item[0]))
        if not found:
            who = f" of team {team!r}" if team is not None else ""
            raise InputError(f"There is no saved plan{who} in {folder}. Save one from the "
                             "capstone notebook with ck.capstone.save_plan(plan).")
        path = found[-1][2]
    if not isinstance(path, (str, os.PathLike)):
        raise InputError("path= is the plan file's name, such as "
                         f"'capstone_plans/lotus-plan-001.json', not a {type(path).__name__}.")
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no plan file {path}.")
    try:
        plan = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(f"{path.name} is not a saved plan (it is not readable JSON).") from None
    return require_plan(plan)
