"""The example exports that come with the course (``datasets/examples/``), invented for the
"Your own survey" notebook: :func:`example` gives the path of one."""
from __future__ import annotations

from pathlib import Path

from ..core import InputError
from ..datasets import data_dir


def example(name: str) -> Path:
    """The path of one of the course's example survey exports, to try ``ck.survey.read`` on.

    The files are invented for the course (``datasets/examples/README.md`` says how they were
    made and what is planted in them): ``wjx_hotel_kano.csv``, a 问卷星 export of a KANO survey,
    and ``qualtrics_airport_journey.csv``, a Qualtrics export of a passenger journey survey.

    Used in: notebook your_own_survey.

    Raises
    ------
    coursekit.InputError
        For a name that is not one of the examples (the message lists them).

    Examples
    --------
    >>> import coursekit as ck
    >>> ck.survey.example("wjx_hotel_kano.csv").name
    'wjx_hotel_kano.csv'
    >>> ck.survey.example("my_survey.csv")
    Traceback (most recent call last):
    ...
    coursekit.InputError: There is no example export 'my_survey.csv'. Examples: 'qualtrics_airport_journey.csv', 'wjx_hotel_kano.csv'.
    """
    folder = data_dir() / "examples"
    names = sorted(p.name for p in folder.glob("*") if p.suffix in (".csv", ".xlsx"))
    if not isinstance(name, str) or name not in names:
        raise InputError(f"There is no example export {name!r}. Examples: "
                         f"{', '.join(repr(n) for n in names)}.")
    return folder / name
