"""House rules every lesson notebook keeps (nbval runs them; this checks how they are saved)."""
import json
import re
from pathlib import Path

import pytest

import coursekit as ck
from coursekit.course.lessons import extras

ROOT = Path(__file__).resolve().parents[2]
# The numbered lessons, then the extra notebooks of lessons.toml ("Your own survey"): both are
# saved, checked and shaped alike.
NUMBERED = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LESSONS = NUMBERED + [ROOT / "notebooks" / item.notebook for item in extras()
                      if (ROOT / "notebooks" / item.notebook).exists()]
TOPIC_LESSONS = [p for p in LESSONS if not p.name.startswith("00_")]


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell):
    return "".join(cell["source"])


def _markdown(nb):
    return "\n".join(_source(c) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_there_are_lessons():
    assert LESSONS and LESSONS[0].name == "00_start_here.ipynb"
    assert LESSONS[-1].name == "your_own_survey.ipynb"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_saved_after_a_clean_run(path):
    assert path.stat().st_size < 2_000_000, "keep lessons under 2 MB (Binder, nbgitpuller)"
    nb = _load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and _source(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "save after Kernel → Restart and Run All"
    for cell in code:
        errors = [o for o in cell["outputs"] if o["output_type"] == "error"]
        if "raises-exception" in cell["metadata"].get("tags", []):
            assert errors, "a cell tagged raises-exception should show its error"
        else:
            assert not errors, _source(cell)[:80]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_figure_has_a_title_and_a_description(path):
    nb = _load(path)
    cells = nb["cells"]
    figures = 0
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        if any("image/png" in o.get("data", {}) for o in cell["outputs"]):
            figures += 1
            following = next((c for c in cells[i + 1:] if c["cell_type"] == "markdown"), None)
            assert following is not None and _source(following).lstrip().startswith("*Figure:"), (
                f"the figure made by cell {i + 1} needs a one-line '*Figure: …*' description "
                "in the markdown cell right after it (its alt text)")
            assert ".set_title(" in _source(cell) or "title=" in _source(cell) or "ck." in _source(cell), (
                f"cell {i + 1}: give the figure a title")
    assert figures >= 1, "each lesson shows at least one figure"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_quoted_results_are_checked_by_nbval(path):
    nb = _load(path)
    checked = [c for c in nb["cells"] if c["cell_type"] == "code"
               and _source(c).lstrip().startswith("# NBVAL_CHECK_OUTPUT")]
    assert checked, "mark every cell whose result the prose quotes with # NBVAL_CHECK_OUTPUT"
    for cell in checked:
        assert cell["outputs"], "a checked cell must have saved output to compare"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_no_unfinished_work_is_shipped(path):
    text = "\n".join(_source(c) for c in _load(path)["cells"])
    assert not re.search(r"\b(TODO|FIXME|XXX|TBD)\b", text)


@pytest.mark.parametrize("path", TOPIC_LESSONS, ids=lambda p: p.name)
def test_lesson_has_the_standard_parts(path):
    nb = _load(path)
    text = _markdown(nb)
    for part in ["**Questions**", "**Objectives**", "## Key points", "## References",
                 "## Knowledge check", "Your turn"]:
        assert part in text, f"missing {part!r}"
    quiz = f"quizzes/{path.stem}.json"
    assert any(quiz in _source(c) for c in nb["cells"] if c["cell_type"] == "code")
    assert (ROOT / "notebooks" / quiz).is_file()


@pytest.mark.parametrize("path", [p for p in TOPIC_LESSONS if p in NUMBERED], ids=lambda p: p.name)
def test_chinese_term_given_at_first_use(path):
    """Each glossary term this lesson teaches appears with its Chinese name at first use."""
    text = _markdown(_load(path))
    lesson = path.name[:2]
    missing = []
    for row in ck.glossary(lesson=lesson).itertuples():
        match = re.search(re.escape(row.term), text, flags=re.I)
        if match is None:
            missing.append(f"{row.term}: never used")
            continue
        window = text[match.start(): match.end() + 80]
        if row.term_zh not in window:
            missing.append(f"{row.term}: first use lacks {row.term_zh}")
    assert not missing, "; ".join(missing)


ALL_NOTEBOOKS = sorted([*ROOT.glob("notebooks/**/*.ipynb"), *ROOT.glob("exercises/**/*.ipynb")])


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_execution_timestamps(path):
    """JupyterLab and nbclient record when each cell ran (metadata.execution). Saved in the
    repository, those lines change on every run and collide with learners' own saves when
    nbgitpuller merges an update, and then the learner's side silently wins."""
    stamped = [i for i, cell in enumerate(_load(path)["cells"], start=1)
               if "execution" in cell.get("metadata", {})]
    assert not stamped, f"cells {stamped} carry execution timestamps: rebuild with python -m coursekit lessons build"
