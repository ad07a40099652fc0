"""``python -m coursekit ...``: the course tools' command line (see :mod:`coursekit.course.cli`)."""
import sys

from .course.cli import main

if __name__ == "__main__":
    sys.exit(main())
