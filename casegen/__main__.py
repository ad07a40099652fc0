"""``python -m casegen datasets``: regenerate every case table and data card (see build.py)."""
import sys

from .build import main

if __name__ == "__main__":
    sys.exit(main())
