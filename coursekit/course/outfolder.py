"""Writing generated pages into a folder someone may also keep their own files in (handouts,
worksheets), without ever overwriting one of those files.

The folder holds a record (``.coursekit-<tool>``, JSON: file name -> sha256) of every file the
tool wrote. Before anything is written, every file about to be written is checked: if it exists
and is not exactly what the tool last wrote there — someone changed it, or the tool never wrote
it — nothing is written and the error names each such file.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .execute import BuildError


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_path(outdir: Path, tool: str) -> Path:
    return Path(outdir) / f".coursekit-{tool}"


def _record(outdir: Path, tool: str) -> dict:
    try:
        data = json.loads(record_path(outdir, tool).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def write_pages(outdir, pages: dict[str, str], tool: str, force: bool = False) -> list[Path]:
    """Write ``pages`` (file name -> text) into *outdir* for *tool* ("handouts", "worksheets").

    Refuses (BuildError) to use a non-empty folder the tool has never written to unless *force*,
    and always refuses to overwrite a file that is not exactly what the tool wrote there.
    """
    outdir = Path(outdir)
    marker = record_path(outdir, tool)
    if outdir.exists() and any(outdir.iterdir()) and not marker.exists() and not force:
        raise BuildError(
            f"{outdir} already holds files that {tool} did not make. Choose an empty or new "
            "folder (nothing there will be overwritten), or pass --force to add the pages "
            "beside them.")
    record = _record(outdir, tool)
    changed = [str(outdir / name) for name in pages if (outdir / name).exists()
               and record.get(name) != _sha((outdir / name).read_bytes())]
    if changed:
        raise BuildError(
            f"These files were changed after {tool} wrote them, or were not written by it; they "
            "were left as they are and nothing was written:\n  " + "\n  ".join(changed)
            + "\nMove them elsewhere (or delete them) and run the command again.")
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages.items():
        data = text.encode("utf-8")  # bytes, so the fingerprint matches the file everywhere
        (outdir / name).write_bytes(data)
        record[name] = _sha(data)
        written.append(outdir / name)
    marker.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return written
