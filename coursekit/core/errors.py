"""The ways coursekit tells a learner that something is wrong with their data, or that a
result needs care."""


class InputError(ValueError):
    """Raised for every bad input in coursekit: the message names the column, shows up to five
    offending values with their row labels, and says what is allowed.

    It is a ``ValueError``, so ``except ValueError`` code written before coursekit still works.
    """


class MissingDataWarning(UserWarning):
    """Issued when rows with missing answers are set aside, saying how many."""


class SuspectCodeWarning(UserWarning):
    """Issued when answers look like not-applicable codes (0, 8, 9, 99, ...) rather than ratings
    and no scale was declared: the message names the column, the values and their rows, and
    how to say what they are (``na_values=`` or ``scale=``)."""


class SmallSampleWarning(UserWarning):
    """Issued when a result rests on few respondents (fewer than 30, or fewer than 10 per
    driver): the numbers can change a lot with a handful of answers."""


# Tracebacks and doctests print the classes as ``coursekit.InputError`` etc., the names a
# learner imports, not the file that happens to define them.
for _cls in (InputError, MissingDataWarning, SuspectCodeWarning, SmallSampleWarning):
    _cls.__module__ = "coursekit"
del _cls
