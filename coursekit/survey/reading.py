"""Reading a survey export in one call: :func:`read`, and the question map it keeps
(:func:`questions`, :func:`grid`)."""
from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import pandas as pd

from ..core import InputError, require_frame, show_labels
from . import layouts
from .scales import Scale, convert, to_numbers_column
from .text import SKIP_MARKS, clean_column
from .times import localise, parse_durations, parse_timestamps

#: Columns with at most this many different answers count as closed questions: their answers
#: are cleaned. Open comments (more different answers) are kept as written.
CLOSED_LIMIT = 200
_CSV = {".csv", ".txt", ".tsv"}
_EXCEL = {".xlsx", ".xlsm"}
# Skip marks as exports write them, handed to the CSV reader so that a rating column with a
# "(跳过)" in it still comes out as numbers.
_RAW_SKIPS = sorted({m for m in SKIP_MARKS if m} | {"（跳过）", "（空）", "(跳过) ", "N/A", "#N/A"})


def read(path, sheet=None, *, scale=None, columns=None, na_values=None, layout="auto"):
    """Read a survey export (CSV or Excel) in one call, keeping each question's wording.

    Recognised layouts (``attrs["layout"]`` says which was found): **问卷星** (Wenjuanxin),
    **Qualtrics** (its question-text and ImportId rows are read, not loaded as answers),
    **Google Forms**, and **plain** tables. What happens to a file:

    * **columns are named for code**: questions become ``q1``, ``q3_2`` (the 2nd row of grid
      question 3); Qualtrics keeps its own names (``Q3_2``); plain tables keep theirs. The
      respondents' columns get the same name in every layout: ``respondent_id``, ``submitted``,
      ``started``, ``duration``, ``ip``, ``source``, ...;
    * **the wording is kept**: ``attrs["questions"]`` (column -> question),
      ``attrs["items"]`` (column -> row of a grid question, "Question [item]" or "…—item"),
      ``attrs["headers"]`` (column -> the export's header); :func:`questions` shows all three;
    * **respondent columns are typed**: times as datetimes (Google Forms' "GMT+8" kept as a
      time zone; Qualtrics' time zone from its ImportId row), durations ("125秒", seconds) as
      timedeltas, numbers as numbers, Finished as yes/no;
    * **answers are cleaned**: full-width characters, ASCII and ideographic spaces (and spaces
      inside Chinese words), trailing punctuation; skip marks ("(跳过)", "(空)", "-", "N/A",
      blanks; :data:`~coursekit.survey.SKIP_MARKS`) become missing answers. Columns with more
      than 200 different answers (open comments) are kept as written;
    * **on request, scale labels become numbers** (``scale=``), see below.

    Used in: notebook your_own_survey.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (UTF-8, with or without BOM, or GB18030/GBK as Chinese Excel saves it) or an
        ``.xlsx`` file.
    sheet : str or int, optional
        The Excel sheet (default: the first).
    scale : pair, list, mapping or name, optional
        Turn answers on this scale into numbers: ``(1, 7)`` for numbers or labels that carry
        their number ("7 - Strongly agree", "5分"); a list of labels, lowest first; a mapping
        ``{label: number}``; or a name from :data:`~coursekit.survey.SCALES` (``"satisfied5"``
        reads "非常满意" and "Very satisfied" as 5). Without *columns*, every question whose
        answers are all on the scale is converted, and a question whose answers are mostly on
        it but not all raises an error naming the others (declare them in *na_values*).
    columns : list of str, optional
        The columns *scale* applies to (every answer must then be on the scale).
    na_values : list, optional
        Answers that mean "not applicable" or "no answer" in the questions (not the respondent
        columns), such as ``[0, 99, "Does not apply"]``: they become missing.
    layout : "auto", "wenjuanxin", "qualtrics", "google forms" or "plain"

    Returns
    -------
    pandas.DataFrame
        One row per respondent, ``attrs`` as above (also ``attrs["source"]``, the file name).

    Raises
    ------
    coursekit.InputError
        A missing file, a type that is not CSV or Excel, an unknown layout or sheet, an empty
        export, or (with *scale*) answers that are not on the scale.

    Examples
    --------
    >>> import coursekit as ck, tempfile, pathlib
    >>> export = pathlib.Path(tempfile.mkdtemp()) / "wjx.csv"
    >>> _ = export.write_text(
    ...     "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的年龄段,2、请评价以下环节—值机,2、请评价以下环节—安检\\n"
    ...     "1,2025/3/1 9:05:12,125秒,手机提交,直接访问,116.23.45.6(广东-广州),26-35岁,非常满意,满意 。\\n"
    ...     "2,2025/3/1 9:07:40,98秒,微信,N/A,120.2.3.4(浙江-杭州),36-45岁,一般,(跳过)\\n",
    ...     encoding="utf-8")
    >>> table = ck.survey.read(export, scale="satisfied5")
    >>> table[["respondent_id", "submitted", "duration", "q1", "q2_1", "q2_2"]]
       respondent_id           submitted        duration      q1  q2_1  q2_2
    0              1 2025-03-01 09:05:12 0 days 00:02:05  26-35岁   5.0   4.0
    1              2 2025-03-01 09:07:40 0 days 00:01:38  36-45岁   3.0   NaN
    >>> ck.survey.questions(table).iloc[5:]
      column        role question item        header
    5     ip  respondent      NaN  NaN          来自IP
    6     q1    question    您的年龄段  NaN       1、您的年龄段
    7   q2_1    question  请评价以下环节   值机  2、请评价以下环节—值机
    8   q2_2    question  请评价以下环节   安检  2、请评价以下环节—安检
    """
    if not isinstance(path, (str, Path)):
        raise InputError(f"read() needs the path of an export file, such as 'my_survey.xlsx', not "
                         f"a {type(path).__name__}. (A table you already have needs no reading.)")
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no file {str(path)!r}. Check the name and the folder "
                         f"(the notebook runs in {str(Path.cwd())!r}).")
    suffix = path.suffix.lower()
    if suffix in _CSV:
        encoding, delimiter, rows = _sniff(path)
    elif suffix in _EXCEL:
        raw = _read_excel(path, sheet)
        rows = [list(raw.iloc[i]) for i in range(min(3, len(raw)))]
    else:
        raise InputError(f"{path.name!r} is not a CSV or Excel file. Allowed: .csv, .txt, .tsv, "
                         f".xlsx (save an .xls file as .xlsx first).")
    if not rows or not any(layouts._text(c) for c in rows[0]):
        raise InputError(f"{path.name!r} is empty: it has no header row.")
    chosen = layouts.detect(rows) if layout == "auto" else layout
    if chosen not in ("wenjuanxin", "qualtrics", "google forms", "plain"):
        raise InputError(f"layout={layout!r} is not an option. Allowed: 'auto', 'wenjuanxin', "
                         f"'qualtrics', 'google forms', 'plain'.")
    plan = layouts.plan(chosen, rows)
    if suffix in _CSV:
        with warnings.catch_warnings():
            # A column read in chunks can mix numbers and text ("5" and "(跳过)"): cleaning
            # the answers below sorts that out, so pandas' warning would only alarm.
            warnings.simplefilter("ignore", pd.errors.DtypeWarning)
            table = pd.read_csv(path, header=None, names=plan.names, skiprows=plan.header_rows,
                                encoding=encoding, sep=delimiter, na_values=_RAW_SKIPS,
                                index_col=False)
    else:
        table = _typed(raw.iloc[plan.header_rows:].reset_index(drop=True), plan.names)
    if len(table) == 0:
        raise InputError(f"{path.name!r} has a header but no answers (no respondent rows).")
    _type_metadata(table, plan)
    question_columns = [c for c in plan.names if c not in plan.metadata]
    _clean_answers(table, question_columns, na_values or ())
    table.attrs.update(layout=chosen, source=path.name, questions=dict(plan.questions),
                       items=dict(plan.items), headers=dict(plan.headers))
    if scale is not None:
        table = to_numbers(table, scale, columns=columns, na_values=na_values)
    return table


def _sniff(path: Path):
    """(encoding, delimiter, first three records) of a CSV file."""
    with path.open("rb") as stream:
        head = stream.read(1 << 16)
    if head.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        try:
            # The sample may end inside a character: drop up to three trailing bytes.
            for cut in range(4):
                try:
                    head[:len(head) - cut].decode("utf-8")
                    break
                except UnicodeDecodeError:
                    if cut == 3:
                        raise
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "gb18030"  # Excel and 问卷星 on Chinese Windows save GBK, a subset of it
    text = head.decode(encoding, errors="ignore")
    try:
        delimiter = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",\t;").delimiter
    except csv.Error:
        delimiter = ","
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append(row)
        if len(rows) == 3:
            break
    return encoding, delimiter, rows


def _read_excel(path: Path, sheet):
    try:
        return pd.read_excel(path, sheet_name=0 if sheet is None else sheet, header=None,
                             engine="openpyxl", dtype=object)
    except (ValueError, KeyError) as error:
        if "not found" in str(error) or "Worksheet" in str(error):
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True)
            names = book.sheetnames
            book.close()
            raise InputError(f"{path.name!r} has no sheet {sheet!r}. Sheets: "
                             f"{show_labels(names, limit=20)}.") from None
        raise


def _typed(body: pd.DataFrame, names) -> pd.DataFrame:
    """An Excel body (object columns) typed as the CSV reader would type it."""
    body.columns = names
    out = {}
    for name in names:
        col = body[name].infer_objects()
        if pd.api.types.is_object_dtype(col):
            numbers = pd.to_numeric(col, errors="coerce")
            if numbers.notna().sum() == col.notna().sum() and col.notna().any():
                col = numbers
        out[name] = col
    return pd.DataFrame(out)


def _type_metadata(table: pd.DataFrame, plan) -> None:
    for name, kind in plan.metadata.items():
        col = table[name]
        if kind == "datetime":
            parsed = parse_timestamps(col)
            if parsed is not None:
                if name in plan.time_zones:
                    parsed = localise(parsed, plan.time_zones[name])
                table[name] = parsed
        elif kind == "duration":
            parsed = parse_durations(col)
            if parsed is not None:
                table[name] = parsed
        elif kind == "number" and not pd.api.types.is_numeric_dtype(col):
            numbers = pd.to_numeric(col, errors="coerce")
            if numbers.notna().sum() == col.notna().sum():
                table[name] = numbers
        elif kind == "yes/no" and not pd.api.types.is_bool_dtype(col):
            words = col.astype("string").str.strip().str.lower()
            yes, no = words.isin(["true", "1", "yes"]), words.isin(["false", "0", "no"])
            if bool((yes | no | col.isna()).all()):
                table[name] = yes.astype("boolean").mask(col.isna())


def _clean_answers(table: pd.DataFrame, columns, na_values) -> None:
    missing_numbers = [v for v in na_values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    missing_text = [str(v) for v in na_values]
    for name in columns:
        col = clean_column(table[name], extra_missing=missing_text, limit=CLOSED_LIMIT)
        if missing_numbers and pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            col = col.mask(col.isin(missing_numbers))
        if col is not table[name]:
            table[name] = col


def to_numbers(table, scale, *, columns=None, na_values=None):
    """Turn labelled scale points into numbers: "7 - Strongly agree" -> 7, "非常满意" -> 5.

    The scale is declared as in :func:`read`: a pair ``(low, high)`` (numbers, or labels that
    start or end with their number), a list of labels lowest first, a mapping
    ``{label: number}``, or a name from :data:`~coursekit.survey.SCALES`. Labels are matched
    after clean-up, ignoring case. Without *columns*, every column whose answers are all on the
    scale is converted and the others are left alone, except a column whose answers are mostly
    on the scale: that one raises an error naming the answers that are not (a typo, or a
    "not applicable" answer to list in *na_values*). A scale of labels looks at text columns
    only; a pair ``(low, high)`` also checks the columns already in numbers (so a 99 among
    1-7 ratings is caught).

    Used in: notebook your_own_survey.

    Parameters
    ----------
    table : DataFrame
    scale : pair, list, mapping or str
    columns : list of str, optional
        Convert exactly these columns; every answer in them must be on the scale.
    na_values : list, optional
        Answers that become missing instead ("Not applicable", 99).

    Returns
    -------
    DataFrame
        A copy of *table* with the converted columns as floats (``attrs`` kept; the converted
        columns are listed in ``attrs["scaled"]``).

    Raises
    ------
    coursekit.InputError
        For an unknown scale, a column that is not in the table, or answers not on the scale.

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> t = pd.DataFrame({"q1": ["7 - Strongly agree", "1 - Strongly disagree", "Does not apply"],
    ...                   "q2": ["非常满意", "一般", "满意"], "city": ["Xi'an", "Wuhan", "Hefei"]})
    >>> ck.survey.to_numbers(t, (1, 7), na_values=["Does not apply"])
        q1    q2   city
    0  7.0  非常满意  Xi'an
    1  1.0    一般  Wuhan
    2  NaN    满意  Hefei
    >>> ck.survey.to_numbers(t, "satisfied5", columns=["q2"])["q2"].tolist()
    [5.0, 3.0, 4.0]
    >>> ck.survey.to_numbers(t, "agree7", columns=["q2"])
    Traceback (most recent call last):
    ...
    coursekit.InputError: Column 'q2' has answers that are not on the scale in 2 rows: row 0: '非常满意', row 2: '满意'. Allowed: numbers from 1 to 7, or labels ('Strongly disagree' = 1, 'Disagree' = 2, ...); declare a 'not applicable' answer with na_values=[...].
    """
    data = require_frame(table, "survey table")
    spec = Scale(scale)
    missing = list(na_values or ())
    if columns is not None:
        columns = [columns] if isinstance(columns, str) else list(columns)
        absent = [c for c in columns if c not in data.columns]
        if absent:
            raise InputError(f"The survey table has no column {show_labels(absent)}. Columns "
                             f"found: {show_labels(list(data.columns), limit=20)}.")
    out = data.copy(deep=False)  # columns are replaced, never changed in place
    metadata = set(data.attrs.get("headers", {})) - set(data.attrs.get("questions", {}))
    scaled = []
    for name in (columns if columns is not None else data.columns):
        col = data[name]
        text = pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)
        numeric = pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
        # Labels name the points of text answers; a column already in numbers is only checked
        # against a scale given as (low, high), where its range is the point.
        if columns is None and (name in metadata or not (text or (numeric and not spec.labels))):
            continue
        if columns is not None:
            out[name] = to_numbers_column(col, spec, name, missing)
            scaled.append(name)
            continue
        numbers, bad = convert(col, spec, name, missing)
        present = col.notna().to_numpy()
        if not present.any():
            continue
        share_on = 1 - bad[present].mean()
        if share_on == 1:
            out[name] = numbers
            scaled.append(name)
        elif share_on >= 0.5:
            to_numbers_column(col, spec, name, missing)  # raises, naming the others
    out.attrs = dict(data.attrs)
    out.attrs["scaled"] = scaled
    return out


def questions(table):
    """The question behind each column of a table read by :func:`read`.

    Used in: notebook your_own_survey.

    Returns
    -------
    DataFrame with columns ``column, role`` ("respondent" for the respondents' own columns
    such as ``submitted``, "question" otherwise), ``question``, ``item`` (the row of a grid
    question, else missing) and ``header`` (as the export wrote it).

    Examples
    --------
    >>> import pandas as pd, coursekit as ck
    >>> ck.survey.questions(pd.DataFrame({"age": [31]}))
      column      role question  item header
    0    age  question      age  None    age
    """
    data = require_frame(table, "survey table")
    asked = data.attrs.get("questions") or {}
    items = data.attrs.get("items") or {}
    headers = data.attrs.get("headers") or {}
    rows = []
    for name in data.columns:
        role = "respondent" if name in headers and name not in asked else "question"
        rows.append((name, role, asked.get(name, name if role == "question" else None),
                     items.get(name), headers.get(name, name)))
    return pd.DataFrame(rows, columns=["column", "role", "question", "item", "header"])
