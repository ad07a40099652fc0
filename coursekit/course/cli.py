"""The course tools' command line: ``python -m coursekit COMMAND ...``.

``python -m coursekit --help`` lists the commands; each says what it does with ``--help``.
Every command is a pair here: a function that declares its arguments and one that runs it.
The work itself lives in the module that owns it and is imported only when the command runs,
so ``--help`` stays fast.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _fail(command: str, exc: Exception) -> int:
    print(f"{command}: {exc}", file=sys.stderr)
    return 1


# --- build-html -----------------------------------------------------------------------------

def _build_html_args(p):
    p.add_argument("outdir", help="folder for the handouts (created if missing)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--learner", dest="audience", action="store_const", const="learner",
                     help="no code, test markers or answer keys (the default)")
    who.add_argument("--instructor", dest="audience", action="store_const", const="instructor",
                     help="the lessons with their code and instructor notes; exercise masters")
    p.set_defaults(audience="learner")
    p.add_argument("--execute", action="store_true",
                   help="run every lesson in a fresh kernel first (default: use the saved outputs)")
    p.add_argument("--notebooks", default=None, help="lesson folder (default: notebooks/)")
    p.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (--execute)")
    p.add_argument("--force", action="store_true",
                   help="add the handouts to a folder that holds other files (files there are "
                        "still never overwritten)")


def _build_html(args) -> int:
    from .handouts import BuildError, build_html

    try:
        pages = build_html(args.outdir, args.notebooks, args.timeout, args.force,
                           audience=args.audience, execute=args.execute)
    except BuildError as exc:
        return _fail("build-html", exc)
    print(f"Wrote {len(pages)} {args.audience} handouts and index.html to {args.outdir}")
    return 0


# --- build-site ---------------------------------------------------------------------------

def _build_site_args(p):
    p.add_argument("outdir", help="folder for the website (created if missing)")
    p.add_argument("--config", default=None, help="site settings (default: docs/site.toml)")
    p.add_argument("--force", action="store_true", help="write into a folder that holds other files")


def _build_site(args) -> int:
    from .execute import BuildError
    from .site import build_site

    try:
        seconds = build_site(args.outdir, args.config, args.force)
    except BuildError as exc:
        return _fail("build-site", exc)
    print(f"Wrote the course website to {args.outdir} in {seconds:.0f} s. Serve it with: "
          f"python -m http.server --directory {args.outdir} --bind 127.0.0.1 8000")
    return 0


# --- refresh --------------------------------------------------------------------------------

def _refresh_args(p):
    p.add_argument("paths", nargs="+", help="notebooks to refresh")
    p.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell")


def _refresh(args) -> int:
    from .execute import BuildError, refresh

    try:
        for path in args.paths:
            refresh(path, args.timeout)
    except BuildError as exc:
        return _fail("refresh", exc)
    return 0


# --- lessons --------------------------------------------------------------------------------

def _lessons_args(p):
    p.add_argument("action", choices=["check", "text", "build", "minutes"],
                   help="check: report where text forms, notebooks and lessons.toml disagree; "
                        "text: write lessons/NN.md from the notebook; build: write the metadata "
                        "blocks into lessons/NN.md, run it and save the notebook with outputs; "
                        "minutes: estimate each lesson's learner minutes from its text form")
    p.add_argument("numbers", nargs="*", help="lesson numbers or slugs (default: every lesson)")
    p.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (build)")


def _lessons(args) -> int:
    from . import textform
    from .execute import BuildError
    from .lessons import lesson

    chosen = [lesson(n) for n in args.numbers] or textform.ready_lessons()
    if args.action == "minutes":
        from .lessons import estimate_minutes

        print("lesson  stated  estimate  (reading + code + your turn + quiz)")
        for item in chosen:
            m = estimate_minutes(item)
            print(f"{item.number:<7} {item.minutes:>6}  {m['total']:>8.0f}  ({m['reading']:.0f} + "
                  f"{m['code']:.0f} + {m['your_turn']:.0f} + {m['quiz']:.0f})")
        return 0
    if args.action == "check":
        problems = [f"{item.slug}: {p}" for item in chosen for p in textform.check(item)]
        print("\n".join(problems) or f"all {len(chosen)} lessons agree")
        return 1 if problems else 0
    try:
        for item in chosen:
            path = textform.write_text(item) if args.action == "text" else textform.build(item, args.timeout)
            print(f"wrote {path.relative_to(textform.ROOT)}")
    except BuildError as exc:
        return _fail("lessons build", exc)
    return 0


# --- assign-exercises -----------------------------------------------------------------------

def _assign_args(p):
    p.add_argument("masters", nargs="*", help="masters to build (default: all)")
    p.add_argument("--check", action="store_true",
                   help="only report student notebooks that are out of date (exit 1 if any)")
    p.add_argument("--force", action="store_true", help="replace edited student notebooks")


def _assign(args) -> int:
    from .exercises import AssignError, assign

    try:
        changed = assign(args.masters, check=args.check, force=args.force)
    except AssignError as exc:
        return _fail("assign-exercises", exc)
    if args.check:
        for name in changed:
            print(f"out of date: exercises/{name} (run: python -m coursekit assign-exercises)")
        return 1 if changed else 0
    print("\n".join(f"wrote exercises/{name}" for name in changed) or "all up to date")
    return 0


# --- worksheets -----------------------------------------------------------------------------

def _worksheets_args(p):
    p.add_argument("outdir", help="folder for the worksheets (created if missing)")
    p.add_argument("--paper", choices=["A4", "A3"], default=None,
                   help="print every sheet on this paper (default: A3 for the journey map and "
                        "the blueprint, A4 for the others)")
    p.add_argument("--force", action="store_true",
                   help="add the sheets to a folder that holds other files (files there are "
                        "still never overwritten)")


def _worksheets(args) -> int:
    from .execute import BuildError
    from .worksheets import write_worksheets

    try:
        written = write_worksheets(args.outdir, args.paper, args.force)
    except BuildError as exc:
        return _fail("worksheets", exc)
    print(f"Wrote {len(written) - 1} worksheets and index.html to {args.outdir}; open a sheet in "
          "a browser and print it (one page each).")
    return 0


# --- grade ----------------------------------------------------------------------------------

def _grade_args(p):
    p.add_argument("submissions", nargs="+",
                   help="handed-in exercise notebooks (.ipynb) or the zip files their last cell "
                        "makes; one folder per trainee (submissions/<trainee>/...), or all in one "
                        "folder named by trainee")
    p.add_argument("--out", required=True, help="the gradebook to write, e.g. gradebook.csv "
                   "(the summary goes next to it as gradebook_summary.csv)")
    p.add_argument("--force", action="store_true", help="replace an existing gradebook")
    p.add_argument("--masters", default=None,
                   help="folder of the exercise masters (default: the course's exercises/source)")


def _grade(args) -> int:
    import pandas as pd

    from ..core import InputError
    from .grading import grade, summary_path

    try:
        book, summary = grade(args.submissions, args.out, force=args.force, masters_dir=args.masters)
    except InputError as exc:
        return _fail("grade", exc)
    with pd.option_context("display.width", 120):
        print(summary.to_string(index=False))
    print(f"Wrote {args.out} ({len(book)} rows: one per trainee and question) and "
          f"{summary_path(Path(args.out))}. The submissions were not changed.")
    return 0


# --- class-links ----------------------------------------------------------------------------

def _class_links_args(p):
    p.add_argument("--hub", required=True, help="the hub's address, as learners open it")
    p.add_argument("--repo", default=None,
                   help="the course repository to pull (default: the course's own repository)")
    p.add_argument("--branch", default="main", help="the branch to pull (default: main)")
    p.add_argument("--folder", default="coursekit",
                   help="the folder in each learner's home the course goes into (default: coursekit)")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")


def _class_links(args) -> int:
    from ..core import InputError
    from .classlinks import class_links, format_links

    try:
        links = class_links(args.hub, args.repo, args.branch, args.folder)
    except InputError as exc:
        return _fail("class-links", exc)
    print(format_links(links, markdown=args.markdown))
    return 0


# --- check-setup, course-map ----------------------------------------------------------------

def _check_setup(args) -> int:
    import pandas as pd

    from .setup_check import check_setup

    report = check_setup()
    with pd.option_context("display.width", 200, "display.max_colwidth", 80):
        print(report.to_string(index=False))
    return 0 if report.status.eq("ok").all() else 1


def _course_map(args) -> int:
    from .lessons import markdown_table

    print(markdown_table(link_prefix="notebooks/"))
    return 0


# --- board ----------------------------------------------------------------------------------

def _board_args(p):
    from ..classroom.service import add_arguments

    add_arguments(p)


def _board(args) -> int:
    from ..classroom.service import run

    return run(args)


#: name -> (one-line help, longer description, declare arguments, run)
COMMANDS = {
    "build-html": ("write the course as HTML handouts for learners or instructors",
                   "Write every lesson and exercise as a standalone HTML page that prints to A4 "
                   "and loads nothing from the network, plus the glossary, the data cards and "
                   "an index, to OUTDIR. --learner (default) leaves out code and answer keys; "
                   "--instructor adds code and instructor notes. The notebooks are not "
                   "modified, and no file in OUTDIR that build-html did not write (or that was "
                   "changed since) is ever overwritten.",
                   _build_html_args, _build_html),
    "build-site": ("build the whole course as an offline static website (Jupyter Book)",
                   "Build every lesson, exercise, the glossary, data cards, method reference and "
                   "instructor guide into one static website in OUTDIR, from the notebooks' saved "
                   "outputs (nothing is executed). Nothing on it is fetched from another site.",
                   _build_site_args, _build_site),
    "refresh": ("re-run notebooks from a fresh kernel and save them with their outputs",
                "For lesson authors: run each notebook top to bottom in a fresh kernel and save "
                "it in place with the new outputs (cells are not changed). Stops at the first "
                "failing cell and leaves that notebook untouched.", _refresh_args, _refresh),
    "lessons": ("keep each lesson's text form, notebook and metadata in step",
                "For lesson authors: lessons/NN_slug.md is the reviewable text of a lesson, "
                "notebooks/NN_slug.ipynb the same lesson saved with outputs, and "
                "coursekit/course/lessons.toml its metadata. See CONTRIBUTING.md.",
                _lessons_args, _lessons),
    "assign-exercises": ("generate exercises/NN_*.ipynb from the masters in exercises/source",
                         "For maintainers: run otter assign on each exercise master (which also "
                         "runs every test against the solutions) and write the student notebook "
                         "to exercises/. Edited student notebooks are never overwritten without "
                         "--force.", _assign_args, _assign),
    "worksheets": ("write the printable team worksheets (journey map, blueprint, memo, ...)",
                   "For instructors: write the team worksheets as HTML pages with English and "
                   "Chinese headings, each printing on one A3 or A4 page: journey map and emotion "
                   "curve, service blueprint, MOT memo, KANO question card, SERVQUAL gaps, "
                   "recovery role-play observer checklist.", _worksheets_args, _worksheets),
    "grade": ("grade handed-in exercise notebooks locally and write a gradebook",
              "For instructors: grade handed-in exercises (notebooks or the zip files their "
              "hand-in cell makes) with otter-grader's local grading, without Docker, and write "
              "one row per trainee and question plus a summary. Submissions are never modified; "
              "a file that is not one of the course's exercises stops the run before anything "
              "is graded; an existing gradebook is kept unless --force.", _grade_args, _grade),
    "class-links": ("print an nbgitpuller link to every lesson and exercise for a JupyterHub",
                    "For instructors: print, for every lesson and exercise in lessons.toml, the "
                    "nbgitpuller link that puts the course into a learner's home on HUB and "
                    "opens that notebook. Lesson 00's link doubles as the pre-workshop setup "
                    "check. See deploy/README.md.", _class_links_args, _class_links),
    "check-setup": ("print whether this machine is ready for the course", None, None, _check_setup),
    "course-map": ("print the course map as a Markdown table (from lessons.toml)", None, None,
                   _course_map),
    "board": ("run the team-competition (分组PK) board for a class",
              "Run the team-competition board: teams hand in answers from their notebooks "
              "(ck.classroom.submit), the room watches the live board, the instructor opens, "
              "locks, reveals and scores challenges. Prints a join line per team and the "
              "instructor's link. See instructors/02_finding_critical_moments.md, \"Run it as "
              "a PK\".", _board_args, _board),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit",
                                     description="Tools for the service-management course.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (summary, description, declare, _) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=description or summary)
        if declare is not None:
            declare(sub)
    args = parser.parse_args(argv)
    return COMMANDS[args.command][3](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
