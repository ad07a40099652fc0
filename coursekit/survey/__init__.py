"""Your own survey: read a real export in one call, and check it before the analysis.

::

    import coursekit as ck
    table = ck.survey.read("问卷星_export.xlsx")          # 问卷星, Qualtrics, Google Forms, plain
    ck.survey.questions(table)                           # which question each column holds
    ratings = ck.survey.grid(table, "q3")                # one grid question, named by its items
    table = ck.survey.to_numbers(table, "satisfied5")    # "非常满意" -> 5
    ck.survey.validate(answers, kind="kano")             # every problem, in plain words

* :func:`read` — a CSV or Excel export in one call: the layout is recognised, columns get short
  names, the question wording is kept, respondent columns are typed, answers cleaned, skip
  marks made missing, and on request scale labels turned into numbers.
* :func:`questions`, :func:`grid` — the question map, and one grid question as a table.
* :func:`to_numbers` — labelled scale points as numbers (:data:`SCALES` lists common label
  sets in English and Chinese).
* :func:`validate` — does a table fit a KANO, SERVQUAL, journey, ticket or complaint analysis?
* :func:`example` — the course's invented example exports, to practise on.

Where things live: ``reading.py`` (:func:`read`, :func:`to_numbers`, :func:`questions`),
``layouts.py`` (recognising 问卷星, Qualtrics, Google Forms), ``times.py`` (dates and
durations), ``text.py`` (cleaning answers, skip marks), ``scales.py`` (scale labels),
``grids.py`` (:func:`grid`), ``examples.py`` (:func:`example`), ``validate.py`` (:func:`validate`), ``shapes.py`` and
``logs.py`` (its checks for surveys and for ticket and complaint logs).
"""
from .examples import example
from .grids import grid
from .layouts import METADATA
from .reading import questions, read, to_numbers
from .scales import SCALES
from .text import SKIP_MARKS
from .shapes import KINDS
from .validate import validate

__all__ = ["read", "questions", "grid", "to_numbers", "validate", "example", "SCALES",
           "SKIP_MARKS", "METADATA", "KINDS"]
