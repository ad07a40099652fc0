"""Where the case files live, and how they are written byte for byte the same everywhere."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd

from ..core import InputError
from .schema import DATE_FORMAT, DATETIME_FORMAT, Table

ENV_VAR = "COURSEKIT_DATA_DIR"
_PACKAGE = Path(__file__).resolve().parents[1]


def candidate_dirs() -> list[Path]:
    """Folders searched for the case data, first match wins.

    1. ``$COURSEKIT_DATA_DIR`` when set (and then only it);
    2. ``coursekit/_bundled_datasets`` — the copy a wheel carries;
    3. the repository's ``datasets/`` folder — an editable install reads the files there.
    """
    if os.environ.get(ENV_VAR):
        return [Path(os.environ[ENV_VAR]).expanduser()]
    return [_PACKAGE / "_bundled_datasets", _PACKAGE.parent / "datasets"]


def data_dir(table: Table | None = None) -> Path:
    """The folder the case data are read from (the first candidate holding *table*'s file)."""
    tried = candidate_dirs()
    for folder in tried:
        if folder.is_dir() and (table is None or (folder / table.filename).is_file()):
            return folder
    what = f"the file {table.filename!r}" if table else "the case data folder"
    places = "; ".join(str(p) for p in tried)
    hint = (f" {ENV_VAR} is set, so only that folder is searched: point it at a folder holding "
            f"airport/, hotel/ and ecommerce/." if os.environ.get(ENV_VAR) else
            " Run `python -m casegen datasets` in the course folder to make "
            f"them, or set {ENV_VAR} to a folder that has them.")
    raise InputError(f"Could not find {what}. Looked in: {places}.{hint}")


def read_table(table: Table) -> pd.DataFrame:
    """A case table as read from its file: numbers parsed by pandas, everything else as text
    (typing and checking is ``type_frame``'s job); only empty fields count as missing."""
    path = data_dir(table) / table.filename
    text = {c.name: str for c in table.columns if c.kind not in ("int", "float")}
    return pd.read_csv(path, dtype=text, keep_default_na=False, na_values=[""],
                       encoding="utf-8")


def _format(values: pd.Series, kind: str, decimals: int) -> list[str]:
    missing = values.isna().to_numpy()
    if kind == "int":
        text = [str(int(v)) if not m else "" for v, m in zip(values.to_numpy(object), missing)]
    elif kind == "float":
        text = [f"{float(v):.{decimals}f}" if not m else ""
                for v, m in zip(values.to_numpy(object), missing)]
    elif kind == "bool":
        text = ["True" if v else "False" for v in values.to_numpy(bool)]
    elif kind in ("datetime", "date"):
        fmt = DATETIME_FORMAT if kind == "datetime" else DATE_FORMAT
        text = pd.to_datetime(values).dt.strftime(fmt).fillna("").tolist()
    else:
        text = ["" if m else str(v) for v, m in zip(values.to_numpy(object), missing)]
    return text


def csv_bytes(table: Table, frame: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV: columns in schema order, fixed formats, '\\n' line ends."""
    columns = [_format(frame[c.name], c.kind, c.decimals) for c in table.columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.column_names)
    writer.writerows(zip(*columns))
    return buffer.getvalue().encode("utf-8")


def count_rows(table: Table) -> int:
    """Rows of a case file (no entry spans two lines, which the tests check)."""
    with open(data_dir(table) / table.filename, "rb") as handle:
        return int(np.sum([chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")])) - 1
