"""The two ways coursekit tells a learner that something is wrong with their data."""


class InputError(ValueError):
    """Raised for every bad input in coursekit: the message names the column, shows up to five
    offending values with their row labels, and says what is allowed.

    It is a ``ValueError``, so ``except ValueError`` code written before coursekit still works.
    """


class MissingDataWarning(UserWarning):
    """Issued when rows with missing answers are set aside, saying how many."""


# Tracebacks and doctests print the class as ``coursekit.InputError``, the name a learner
# imports, not the file that happens to define it.
InputError.__module__ = "coursekit"
MissingDataWarning.__module__ = "coursekit"
