"""The generated parts of each data card: column dictionaries, model parameters, file list.

Each part sits between marker comments in ``datasets/<case>/README.md``::

    <!-- BEGIN GENERATED columns airport_journey -->
    ...
    <!-- END GENERATED columns airport_journey -->

The generator rewrites only what lies between the markers; the prose around them is written by
hand. The tests check that the committed cards hold exactly what the generator would write.
"""
from __future__ import annotations

import re

import pandas as pd

from coursekit.datasets.schema import KIND_WORDS, Table

from .model import card_rows

MARKER = re.compile(r"<!-- BEGIN GENERATED (?P<key>[\w\- ]+?) -->\n(?P<body>.*?)"
                    r"<!-- END GENERATED (?P=key) -->", re.DOTALL)


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header, rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def columns_block(table: Table) -> str:
    rows = []
    for col in table.columns:
        kind = KIND_WORDS[col.kind]
        if col.missing:
            kind += "; blank allowed"
        rows.append((f"`{col.name}`", kind, col.unit or "–", col.allowed_text(), col.meaning_en,
                     col.meaning_zh))
    key = " + ".join(f"`{k}`" for k in table.key)
    intro = (f"`{table.name}` ({table.filename}): {table.description} One row per {key}; "
             f"lessons {table.lessons}.\n\n")
    return intro + _table(("column", "type", "unit", "allowed", "meaning", "含义"), rows)


def parameters_block(title: str, seed: int | None, params: dict, command: str) -> str:
    seed_text = f"random seed `{seed}` (`numpy.random.default_rng({seed})`), " if seed else ""
    intro = f"{title}: {seed_text}made by `{command}`.\n\n"
    return intro + _table(("parameter", "value", "meaning"), card_rows(params))


def features_block(features: dict) -> str:
    rows = [(name, " / ".join(f"{p:.2f}" for p in mix), note)
            for name, (mix, note) in features.items()]
    return ("Planted share of respondents in each category, A / O / M / I / R (attractive, "
            "one-dimensional, must-be, indifferent, reverse):\n\n"
            + _table(("attribute", "A / O / M / I / R", "planted as"), rows))


def standards_block(standards) -> str:
    """The written standards the audits check (``coursekit.datasets.HOTEL_STANDARDS``)."""
    rows = [(f"`{code}`", r.en, r.zh, r.measured_in,
             "–" if r.limit is pd.NA else f"{int(r.limit)}",
             r.dimension, r.shifts, "yes" if r.response_time else "no")
            for code, r in standards.iterrows()]
    return ("The written standards (`coursekit.datasets.HOTEL_STANDARDS`); a check passes "
            "when the measured value is at most the limit:\n\n"
            + _table(("standard", "written standard", "书面标准", "measured in", "limit",
                      "SERVQUAL dimension", "checked on", "response time"), rows))


def segments_block(split: dict) -> str:
    """The features the segments disagree on, with each segment's planted mix."""
    names = {"A": "attractive", "O": "one-dimensional", "M": "must-be", "I": "indifferent",
             "R": "reverse"}
    rows = []
    for feature, mixes in split.items():
        for segment, mix in mixes.items():
            top = names["AOMIR"[max(range(5), key=lambda i: mix[i])]]
            rows.append((feature, segment, " / ".join(f"{p:.2f}" for p in mix), top))
    return ("Features the segments disagree on: each segment's planted share of respondents "
            "in each category, A / O / M / I / R (the two segments together make the mix "
            "above; every other feature has the same mix in both segments):\n\n"
            + _table(("attribute", "segment", "A / O / M / I / R", "planted top category"),
                     rows))


def files_block(files: list[tuple[str, int, int, int, str]]) -> str:
    rows = [(f"`{name}`", f"{rows:,}", cols, f"{size / 1024:,.0f} KB", f"`{digest[:16]}`")
            for name, rows, cols, size, digest in files]
    return _table(("file", "rows", "columns", "size", "SHA-256 (first 16 hex digits)"), rows)


def wrap(key: str, body: str) -> str:
    return f"<!-- BEGIN GENERATED {key} -->\n{body}<!-- END GENERATED {key} -->"


def blocks_in(text: str) -> dict[str, str]:
    """The generated blocks found in a card, by key."""
    return {m.group("key"): m.group("body") for m in MARKER.finditer(text)}


def update_card(text: str | None, title: str, blocks: dict[str, str]) -> str:
    """Put *blocks* into the card *text* (a new stub card when *text* is None).

    A block whose markers are missing from the card is added at the end, so nothing the
    generator knows is ever dropped silently.
    """
    if text is None:
        text = (f"# {title}\n\nThis is a stub card written by the generator; the full card, "
                "with the story and the findings, is `datasets/<case>/README.md` in the "
                "course repository.\n")
    found = blocks_in(text)
    for key, body in blocks.items():
        if key in found:
            text = MARKER.sub(lambda m, k=key, b=body: wrap(k, b) if m.group("key") == k
                              else m.group(0), text)
        else:
            text = text.rstrip("\n") + "\n\n" + wrap(key, body) + "\n"
    return text
