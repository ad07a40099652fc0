"""The shared core every topic builds on: input checks, :class:`InputError`, the warnings,
the reading of numbers and ratings, and the wording of every problem report.

Topic subpackages (``coursekit.kano``, ``coursekit.servqual``, ...) import from here and
nowhere else for these jobs, so a problem is explained the same way whichever function met it.
Learners never need this module; they meet its work as clear :class:`coursekit.InputError`
messages and the warnings :class:`coursekit.MissingDataWarning`,
:class:`coursekit.SuspectCodeWarning` and :class:`coursekit.SmallSampleWarning`.

Where things live: ``errors.py`` (the error and warning classes), ``checks.py`` (tables,
columns, options), ``numbers.py`` (what counts as a number), ``scales.py`` (``scale=``),
``codes.py`` (``na_values=`` and answers that look like codes), ``ratings.py`` (the one route
from answer columns to ratings), ``labels.py`` (matching labels), ``messages.py`` (wording).
"""
from .checks import (drop_incomplete, numeric_frame, require_choice, require_columns,
                     require_complete, require_fraction, require_frame, require_numeric,
                     require_percent)
from .codes import look_for_codes, parse_na_values, recode_column
from .errors import InputError, MissingDataWarning, SmallSampleWarning, SuspectCodeWarning
from .labels import require_same_labels, require_unique_columns, require_unique_labels
from .messages import (MAX_SHOWN, PER_DRIVER, SMALL_SAMPLE, fmt_label, fmt_value,
                       raise_bad_values, raise_nothing_left, show_labels, show_offenders,
                       warn_codes, warn_set_aside, warn_small_sample)
from .numbers import MAX_MAGNITUDE, column_numbers
from .ratings import CODED_REASON, missing_reason, rating_frame
from .scales import parse_scale, parse_scales, require_scale

__all__ = [
    "InputError", "MissingDataWarning", "SuspectCodeWarning", "SmallSampleWarning", "MAX_SHOWN",
    "SMALL_SAMPLE", "PER_DRIVER", "MAX_MAGNITUDE",
    "drop_incomplete", "numeric_frame", "require_choice", "require_columns", "require_complete",
    "require_fraction", "require_frame", "require_numeric", "require_percent",
    "require_same_labels", "require_unique_columns", "require_unique_labels", "fmt_label", "fmt_value",
    "raise_bad_values", "raise_nothing_left", "show_labels", "show_offenders", "warn_set_aside",
    "warn_codes", "warn_small_sample", "column_numbers", "look_for_codes", "parse_na_values", "recode_column",
    "rating_frame", "missing_reason", "CODED_REASON", "parse_scale", "parse_scales", "require_scale",
]
