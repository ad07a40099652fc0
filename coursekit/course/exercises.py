"""``python -m coursekit assign-exercises``: build the student exercise notebooks from masters.

Each master in ``exercises/source/NN_name.ipynb`` holds prose, solutions and tests in otter-grader's
format (see CONTRIBUTING.md). ``otter assign`` turns it into a student notebook with blanks
(``...``) and public tests, and on the way runs every test against the solutions, so a master
whose solutions fail does not produce anything. This module wraps that step so that:

- the output is the same on every run (otter gives new cells random ids; we give them ids derived
  from their position and content), which lets a test prove that the committed student notebooks
  are exactly what the masters generate;
- a student notebook that someone has edited is never overwritten: each generated notebook
  records a fingerprint of its own content, and a file whose content no longer matches it is
  left alone unless ``--force`` is given.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "exercises" / "source"
TARGET = ROOT / "exercises"
STAMP_KEY = "coursekit_generated"


class AssignError(RuntimeError):
    """Generating a student notebook failed, or would overwrite someone's work."""


def masters(folder: Path = SOURCE) -> list[Path]:
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def _fingerprint(nb: dict) -> str:
    body = {k: v for k, v in nb.items() if k != "metadata"}
    meta = {k: v for k, v in nb["metadata"].items() if k != STAMP_KEY}
    text = json.dumps({"nb": body, "metadata": meta}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


# otter's own words around its generated cells, and ours: plain, and about this course.
CHECK_ALL_TEXT = ("## Your progress\n\nRun the next cell for a table of every question: right, "
                  "not yet, or still open. Each question's own check cell gives its hint.")
HAND_IN_TITLE = "## Hand in"


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _plain_words(nb: dict) -> None:
    """Replace otter's boilerplate prose, drop its empty cells, and keep the hand-in cell out of
    test runs (running it writes a zip file next to the notebook)."""
    cells = []
    for cell in nb["cells"]:
        text = _source(cell)
        if cell["cell_type"] == "markdown" and not text.strip():
            continue
        if cell["cell_type"] == "markdown" and "rerun all of the autograder tests" in text:
            cell["source"] = CHECK_ALL_TEXT
        elif cell["cell_type"] == "markdown" and text.lstrip().startswith("## Submission"):
            ours = text.split("**Please save before exporting!**", 1)[-1].strip()
            cell["source"] = f"{HAND_IN_TITLE}\n\n{ours}"
        elif cell["cell_type"] == "code" and ".export(" in text:
            cell["source"] = "grader.export(pdf=False)  # makes the zip file to hand in"
            tags = cell["metadata"].setdefault("tags", [])
            tags += [t for t in ("nbval-skip",) if t not in tags]
        cells.append(cell)
    nb["cells"] = cells


def _stable(nb: dict, stem: str) -> dict:
    """Our wording, deterministic cell ids, no outputs, and a fingerprint of the result."""
    _plain_words(nb)
    for index, cell in enumerate(nb["cells"]):
        digest = hashlib.sha256(f"{index}\n{''.join(cell['source'])}".encode()).hexdigest()[:8]
        cell["id"] = f"{stem[:2]}-{index:03d}-{digest}"
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    nb["metadata"][STAMP_KEY] = _fingerprint(nb)
    return nb


def _dump(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def run_assign(master: Path, outdir: Path) -> Path:
    """Run ``otter assign`` on *master* into *outdir* (which also runs every test against the
    solutions) and return *outdir*: ``student/`` holds the student notebook, ``autograder/``
    the solutions notebook and the autograder zip that otter's grading uses."""
    run = subprocess.run([sys.executable, "-m", "otter", "assign", str(master), str(outdir)],
                         capture_output=True, text=True)
    if run.returncode != 0 or not (Path(outdir) / "student" / master.name).exists():
        tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-15:])
        raise AssignError(f"otter assign failed on {master.name} (a solution failing its own "
                          f"tests stops it too):\n{tail}")
    return Path(outdir)


def student_text(assigned: Path, master: Path) -> str:
    """The committed form of the student notebook that ``otter assign`` wrote."""
    nb = json.loads((assigned / "student" / master.name).read_text(encoding="utf-8"))
    return _dump(_stable(nb, master.stem))


def generate(master: Path) -> str:
    """Run ``otter assign`` on *master* and return the student notebook's text."""
    with tempfile.TemporaryDirectory(prefix="coursekit-assign-") as tmp:
        return student_text(run_assign(master, Path(tmp)), master)


def is_untouched(path: Path) -> bool:
    """True if *path* is exactly as generated (or does not exist)."""
    if not path.exists():
        return True
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        return nb["metadata"].get(STAMP_KEY) == _fingerprint(nb)
    except (ValueError, KeyError):
        return False


def assign(paths=None, check: bool = False, force: bool = False) -> list[str]:
    """Generate (or with *check*, only compare) the student notebook of each master.

    Returns the names of the student notebooks that differ from their masters' output (with
    *check*) or that were written.
    """
    selected = [Path(p) for p in paths] if paths else masters()
    if not selected:
        raise AssignError(f"No exercise masters (NN_name.ipynb) in {SOURCE}.")
    changed = []
    for master in selected:
        target = TARGET / master.name
        text = generate(master)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        changed.append(target.name)
        if check:
            continue
        if not force and not is_untouched(target):
            raise AssignError(
                f"{target} has been edited since it was generated; it was left as it is. Move "
                "your copy elsewhere, or pass --force to replace it with the master's version.")
        target.write_text(text, encoding="utf-8")
    return changed
