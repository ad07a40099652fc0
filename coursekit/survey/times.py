"""Dates, times and durations as survey tools write them, read into datetimes and timedeltas.

* 问卷星: "2025/3/1 9:05:12", and durations such as "125秒" or "2分5秒";
* Qualtrics: "2025-03-01 09:05:12" (the time zone is in the ImportId row), durations in seconds;
* Google Forms: "2025/03/01 09:00:00 AM GMT+8" (also "2025/03/01 上午 9:00:00 GMT+8"): the
  offset is kept, so the result is time-zone aware.

A column is read with the first format that fits every entry; a column that no format fits is
left as text (the respondents' metadata never stops a survey from loading).
"""
from __future__ import annotations

import re
import warnings
from datetime import timedelta, timezone

import numpy as np
import pandas as pd

FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %I:%M:%S %p", "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M",
    "%Y-%m-%d", "%Y/%m/%d",
)
_OFFSET = re.compile(r"\s*(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*$")
_CHINESE_HALF_DAY = re.compile(r"(上午|下午)\s*(\d{1,2}:\d{2}(?::\d{2})?)")
_DURATION = re.compile(r"^\s*(?:(\d+)\s*(?:小时|时|h))?\s*(?:(\d+)\s*(?:分钟|分|min|m))?\s*"
                       r"(?:(\d+(?:\.\d+)?)\s*(?:秒|s|sec))?\s*$")


def _try(values: pd.Series, fmt: str):
    parsed = pd.to_datetime(values, format=fmt, errors="coerce")
    return parsed if parsed.notna().all() else None


def _first_fit(text: pd.Series):
    """(format, parsed) for the first format of :data:`FORMATS` that reads every entry."""
    head = text.iloc[:200]
    for fmt in FORMATS:
        if _try(head, fmt) is not None:
            parsed = _try(text, fmt)
            if parsed is not None:
                return fmt, parsed
    return None, None


def parse_timestamps(values: pd.Series):
    """*values* as datetimes, or None when no known format fits every entry."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    present = values.dropna()
    if len(present) == 0 or pd.api.types.is_numeric_dtype(values):
        return None
    text = present if pd.api.types.is_string_dtype(present) else present.astype(str)
    sample = text.iloc[:200]
    if (sample.str.strip() != sample).any():
        text = text.str.strip()
    # Most exports need no rewriting: try the formats on the text as it is first.
    marked = text.iloc[:200].str.contains("GMT|UTC|上午|下午", regex=True).any()
    chosen, parsed = (None, None) if marked else _first_fit(text)
    offsets = None
    if parsed is None:
        text = text.str.replace(_CHINESE_HALF_DAY,
                                lambda m: f"{m.group(2)} {'AM' if m.group(1) == '上午' else 'PM'}",
                                regex=True)
        offsets = text.str.extract(_OFFSET)
        has_offset = offsets[1].notna()
        if has_offset.any() and not has_offset.all():
            return None
        if has_offset.all():
            text = text.str.replace(_OFFSET, "", regex=True)
        else:
            offsets = None
        chosen, parsed = _first_fit(text)
        if parsed is None:
            return None
    if chosen.startswith("%m/%d") and _try(text, chosen.replace("%m/%d", "%d/%m")) is not None:
        warnings.warn(f"The dates in {values.name!r} read as month/day/year or day/month/year "
                      f"alike; they were read as month/day/year (as Google Sheets in the US "
                      f"writes them). Check a date you know.", UserWarning, stacklevel=4)
    if offsets is not None:
        minutes = (offsets[1].astype(int) * 60 + offsets[2].fillna("0").astype(int)) \
            * np.where(offsets[0] == "-", -1, 1)
        if minutes.nunique() == 1:
            zone = timezone(timedelta(minutes=int(minutes.iloc[0])))
            parsed = parsed.dt.tz_localize(zone)
        else:  # several offsets (summer time): one instant scale, UTC
            parsed = (parsed - pd.to_timedelta(minutes, unit="min")).dt.tz_localize("UTC")
    if len(parsed) == len(values):
        return parsed.rename(values.name)
    out = pd.Series(pd.NaT, index=values.index, dtype=parsed.dtype, name=values.name)
    out.loc[parsed.index] = parsed
    return out


def localise(values: pd.Series, zone: str) -> pd.Series:
    """Naive datetimes *values* placed in the time zone *zone*; unchanged if it is unknown."""
    if getattr(values.dt, "tz", None) is not None:
        return values
    try:
        return values.dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT")
    except Exception:  # an unknown zone name: keep the times as written
        return values


def parse_durations(values: pd.Series):
    """*values* as timedeltas: numbers are seconds; text such as "125秒", "2分5秒", "1h 3m"."""
    if pd.api.types.is_timedelta64_dtype(values):
        return values
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return pd.to_timedelta(values, unit="s")
    present = values.dropna().astype(str)
    if len(present) == 0:
        return None
    codes, uniques = pd.factorize(present)
    seconds = []
    for text in uniques:
        match = _DURATION.match(text)
        if not match or not any(match.groups()):
            try:
                seconds.append(float(text))
                continue
            except ValueError:
                return None
        h, m, s = (float(g) if g else 0.0 for g in match.groups())
        seconds.append(h * 3600 + m * 60 + s)
    out = pd.Series(np.nan, index=values.index, name=values.name)
    out.loc[present.index] = np.asarray(seconds)[codes]
    return pd.to_timedelta(out, unit="s")
