"""The shared core every topic builds on: input checks, :class:`InputError`, the set-aside
warning and the wording of every problem report.

Topic subpackages (``coursekit.kano``, ``coursekit.servqual``, ...) import from here and
nowhere else for these jobs, so a problem is explained the same way whichever function met it.
Learners never need this module; they meet its work as clear :class:`coursekit.InputError`
messages.
"""
from .checks import (drop_incomplete, numeric_frame, require_choice, require_columns,
                     require_complete, require_frame, require_numeric)
from .errors import InputError, MissingDataWarning
from .labels import require_same_labels, require_unique_labels
from .messages import (MAX_SHOWN, fmt_label, fmt_value, raise_bad_values, raise_nothing_left,
                       show_labels, show_offenders, warn_set_aside)
from .scales import parse_scale, require_scale

__all__ = [
    "InputError", "MissingDataWarning", "MAX_SHOWN",
    "drop_incomplete", "numeric_frame", "require_choice", "require_columns", "require_complete", "require_frame",
    "require_numeric", "require_same_labels", "require_unique_labels", "fmt_label", "fmt_value",
    "raise_bad_values", "raise_nothing_left", "show_labels", "show_offenders", "warn_set_aside",
    "parse_scale", "require_scale",
]
