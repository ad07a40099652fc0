"""``python -m coursekit grade SUBMISSIONS... --out gradebook.csv``: grade handed-in exercises.

Trainees hand in an exercise as its notebook (``exercises/NN_name.ipynb``) or as the zip file the
notebook's last cell makes (``grader.export(pdf=False)``: otter's zip holding the notebook). This
module grades them locally, without Docker, with otter-grader's own grading
(``otter.api.grade_submission``): each notebook runs from a fresh kernel against the autograder
that ``otter assign`` builds from the exercise's master, so the points are exactly the ones the
one-test-per-question rule gives (an untouched notebook scores 0, the solutions full marks).

- A submission is never modified: each one is copied into a temporary folder and graded there.
- A file that is not one of the course's exercises is rejected, with what to hand in instead,
  before anything is graded; so is a trainee who handed in the same exercise twice.
- An existing gradebook is never overwritten unless ``force=True`` (``--force``).

**Where the autograder files live.** They are built on demand from the masters in
``exercises/source/`` and cached under the user's cache folder
(``$COURSEKIT_CACHE`` or ``$XDG_CACHE_HOME/coursekit`` or ``~/.cache/coursekit``), in a file
named after the master's content hash. So a grade always uses the tests of the master as it is
now (a changed master gets a new autograder; a stale one cannot be picked up), the instructor
has no extra step before grading, and nothing generated lands in the repository.

**Who is who.** A trainee is named by the first folder in which the submissions' paths part
ways: ``submissions/<trainee>/01_moments_of_truth.ipynb`` when collected by hand, or
``/var/lib/private/<trainee>/coursekit/exercises/...`` read straight from learners' homes on the
training-room hub. When every file sits in one folder, by the file's name without its
extension (``submissions/li_wei.zip``).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..core import InputError
from .exercises import SOURCE, masters, run_assign

EXERCISE_CALL = re.compile(r"""ck\.exercise\(\s*["'](\d\d_[\w-]+)["']\s*\)""")
SUMMARY_SUFFIX = "_summary"
HAND_IN = ("Hand in the exercise notebook (exercises/NN_name.ipynb) or the zip file its last "
           "cell makes (grader.export).")


@dataclass
class Submission:
    path: Path
    trainee: str
    exercise: str
    notebook: dict


def cache_folder() -> Path:
    """Where autograder files are cached (see the module's docstring)."""
    if os.environ.get("COURSEKIT_CACHE"):
        return Path(os.environ["COURSEKIT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coursekit"


def autograder_path(master: Path) -> Path:
    """Where the autograder of *master* as it is now is cached (named by its content hash and
    otter's version, so a changed master or a new otter never reuses an old file)."""
    from importlib.metadata import version

    digest = hashlib.sha256(master.read_bytes() + version("otter-grader").encode()).hexdigest()
    return cache_folder() / "autograder" / f"{master.stem}-{digest[:16]}.zip"


def autograder(master: Path) -> Path:
    """The autograder zip of *master*, built by ``otter assign`` the first time it is needed."""
    target = autograder_path(master)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="coursekit-autograder-") as tmp:
        built = next((run_assign(master, Path(tmp)) / "autograder").glob("*.zip"))
        partial = target.with_suffix(".partial")
        shutil.copyfile(built, partial)
        partial.replace(target)  # whole or not at all, even if two graders run at once
    return target


def _read_notebook(path: Path) -> tuple[dict | None, str]:
    """The notebook in *path* (an .ipynb or otter's zip), or None and why not."""
    try:
        if path.suffix == ".ipynb":
            return json.loads(path.read_text(encoding="utf-8")), ""
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                inside = [n for n in archive.namelist() if n.endswith(".ipynb")
                          and ".ipynb_checkpoints" not in n and not n.startswith("__MACOSX")]
                if len(inside) != 1:
                    return None, f"the zip holds {len(inside)} notebooks, not one"
                return json.loads(archive.read(inside[0]).decode("utf-8")), ""
    except (OSError, ValueError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        return None, f"it cannot be read as a notebook ({type(exc).__name__})"
    return None, "it is neither a notebook (.ipynb) nor a zip file"


def _exercise_of(notebook: dict) -> str | None:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            found = EXERCISE_CALL.search("".join(source) if isinstance(source, list) else source)
            if found:
                return found.group(1)
    return None


def _trainees(paths: list[Path]) -> list[str]:
    """Each file's trainee: the first folder in which the submissions' paths part ways
    (``submissions/<trainee>/...``, or ``/var/lib/private/<trainee>/coursekit/exercises/...`` on
    a hub), or the file's name when they all sit in one folder."""
    folders = [p.resolve().parent.parts for p in paths]
    if len(set(folders)) == 1:
        return [p.stem for p in paths]
    shared = 0
    while all(len(f) > shared for f in folders) and len({f[shared] for f in folders}) == 1:
        shared += 1
    return [f[shared] if len(f) > shared else p.stem for f, p in zip(folders, paths)]


def masters_folder(folder=None) -> Path:
    """The exercise masters: *folder*, else the course's own (an editable install), else
    ``exercises/source`` in the current folder (an installed package, run in the course folder)."""
    candidates = [Path(folder)] if folder is not None else [SOURCE, Path.cwd() / "exercises" / "source"]
    for candidate in candidates:
        if masters(candidate):
            return candidate
    raise InputError(f"No exercise masters (exercises/source/NN_name.ipynb) in {candidates[0]}. Run "
                     "grade in the course folder, or name the folder with --masters.")


def read_submissions(paths, folder=None) -> list[Submission]:
    """Check every file before grading any: each must be one of the course's exercises, and
    no trainee may hand in the same exercise twice. Raises InputError listing every problem."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError(f"No submissions given. {HAND_IN}")
    known = {m.stem for m in masters(masters_folder(folder))}
    problems, found = [], []
    for path, trainee in zip(paths, _trainees(paths)):
        if not path.is_file():
            problems.append(f"{path}: no such file")
            continue
        notebook, why = _read_notebook(path)
        exercise = _exercise_of(notebook) if notebook is not None else None
        if notebook is None:
            problems.append(f"{path}: {why}")
        elif exercise not in known:
            what = f"exercise {exercise!r} has no master" if exercise else "it has no exercise's grader cell"
            problems.append(f"{path}: not one of the course's exercises ({what})")
        else:
            found.append(Submission(path, trainee, exercise, notebook))
    seen: dict[tuple, Path] = {}
    for item in found:
        key = (item.trainee, item.exercise)
        if key in seen:
            problems.append(f"{item.path}: trainee {item.trainee!r} already handed in "
                            f"{item.exercise} as {seen[key]}; keep one of them")
        seen.setdefault(key, item.path)
    if problems:
        raise InputError("These files were not graded, and nothing was (fix or remove them, then "
                         "run again):\n  " + "\n  ".join(problems) + f"\n{HAND_IN} Exercises: "
                         f"{', '.join(sorted(known))}.")
    return found


def summary_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}{SUMMARY_SUFFIX}{out.suffix or '.csv'}")


def grade(paths, out, force: bool = False, masters_dir=None):
    """Grade every submission and write the gradebook *out* and its summary next to it.

    Returns ``(gradebook, summary)``: one row per trainee and question (``trainee, exercise,
    question, points, possible, file``), and one row per trainee and exercise (``points,
    possible, percent``). Used in: library only (``python -m coursekit grade``).
    """
    import pandas as pd
    from otter.api import grade_submission

    out = Path(out)
    targets = [out, summary_path(out)]
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise InputError(f"{' and '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
                         "nothing was graded. Choose another --out, or pass --force to replace it.")
    source = masters_folder(masters_dir)
    submissions = read_submissions(paths, source)
    rows = []
    with tempfile.TemporaryDirectory(prefix="coursekit-grade-") as tmp:
        for number, item in enumerate(submissions):
            # A copy of its own, named as the exercise: the trainee's file is never touched.
            folder = Path(tmp) / str(number)
            folder.mkdir()
            copy = folder / f"{item.exercise}.ipynb"
            copy.write_text(json.dumps(item.notebook), encoding="utf-8")
            results = grade_submission(str(copy), str(autograder(source / f"{item.exercise}.ipynb")),
                                       quiet=True)
            for question, result in results.to_dict().items():
                rows.append((item.trainee, item.exercise, question, float(result["score"]),
                             float(result["possible"]), str(item.path)))
    book = pd.DataFrame(rows, columns=["trainee", "exercise", "question", "points", "possible", "file"])
    summary = (book.groupby(["trainee", "exercise"], sort=True)[["points", "possible"]].sum()
               .reset_index())
    summary["percent"] = (100 * summary.points / summary.possible).round(1)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.to_csv(out, index=False)
    summary.to_csv(targets[1], index=False)
    return book, summary
