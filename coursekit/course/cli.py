"""The course tools' command line: ``python -m coursekit build-html OUTDIR`` and friends.

``python -m coursekit --help`` lists the commands; each says what it does with ``--help``.
"""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit",
                                     description="Tools for the service-management course.")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser(
        "build-html", help="run every lesson from a fresh kernel and write HTML handouts",
        description="Run every lesson notebook from a fresh kernel and write standalone HTML "
                    "handouts plus an index page to OUTDIR. The notebooks are not modified.")
    build.add_argument("outdir", help="folder for the handouts (created if missing)")
    build.add_argument("--notebooks", default=None, help="lesson folder (default: notebooks/)")
    build.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell")
    build.add_argument("--force", action="store_true",
                       help="write into a folder that holds other files")

    refresh = commands.add_parser(
        "refresh", help="re-run notebooks from a fresh kernel and save them with their outputs",
        description="For lesson authors: run each notebook top to bottom in a fresh kernel and "
                    "save it in place with the new outputs (cells are not changed). Stops at "
                    "the first failing cell and leaves that notebook untouched.")
    refresh.add_argument("paths", nargs="+", help="notebooks to refresh")
    refresh.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell")

    assign = commands.add_parser(
        "assign-exercises", help="generate exercises/NN_*.ipynb from the masters in exercises/source",
        description="For maintainers: run otter assign on each exercise master (which also runs "
                    "every test against the solutions) and write the student notebook to "
                    "exercises/. Edited student notebooks are never overwritten without --force.")
    assign.add_argument("masters", nargs="*", help="masters to build (default: all)")
    assign.add_argument("--check", action="store_true",
                        help="only report student notebooks that are out of date (exit 1 if any)")
    assign.add_argument("--force", action="store_true", help="replace edited student notebooks")

    commands.add_parser("check-setup", help="print whether this machine is ready for the course")
    commands.add_parser("course-map", help="print the course map as a Markdown table")

    args = parser.parse_args(argv)
    if args.command == "build-html":
        from .handouts import BuildError, build_html

        try:
            results = build_html(args.outdir, args.notebooks, args.timeout, args.force)
        except BuildError as exc:
            print(f"build-html: {exc}", file=sys.stderr)
            return 1
        print(f"Wrote {len(results)} handouts and index.html to {args.outdir}")
        return 0
    if args.command == "refresh":
        from .handouts import BuildError, refresh

        try:
            for path in args.paths:
                refresh(path, args.timeout)
        except BuildError as exc:
            print(f"refresh: {exc}", file=sys.stderr)
            return 1
        return 0
    if args.command == "assign-exercises":
        from .exercises import AssignError, assign

        try:
            changed = assign(args.masters, check=args.check, force=args.force)
        except AssignError as exc:
            print(f"assign-exercises: {exc}", file=sys.stderr)
            return 1
        if args.check:
            for name in changed:
                print(f"out of date: exercises/{name} (run: python -m coursekit assign-exercises)")
            return 1 if changed else 0
        print("\n".join(f"wrote exercises/{name}" for name in changed) or "all up to date")
        return 0
    if args.command == "check-setup":
        import pandas as pd

        from .setup_check import check_setup

        report = check_setup()
        with pd.option_context("display.width", 200, "display.max_colwidth", 80):
            print(report.to_string(index=False))
        return 0 if report.status.eq("ok").all() else 1
    if args.command == "course-map":
        from .lessons import markdown_table

        print(markdown_table(link_prefix="notebooks/"))
        return 0
    return 2  # pragma: no cover - argparse already refused anything else


if __name__ == "__main__":
    sys.exit(main())
