"""Every public function says where its method is explained and which lessons use it, and what
it says is true: the lessons' metadata, the lessons' code and the docstrings agree."""
import importlib
import inspect
import re
from pathlib import Path

import pytest

import coursekit as ck
from coursekit.course.lessons import extras, lessons

ROOT = Path(__file__).resolve().parents[2]
ANALYSIS = ("kano", "servqual", "mot", "recovery", "spc", "chain")
READY = [item for item in lessons() if (ROOT / "notebooks" / item.notebook).exists()]
READY_EXTRAS = [item for item in extras() if (ROOT / "notebooks" / item.notebook).exists()]
# "Used in: lesson 02.", "Used in: lessons 01, 02; notebook your_own_survey.",
# "Used in: notebook your_own_survey." or "Used in: library only."
USED_IN = re.compile(r"Used in: (library only|lessons? (\d\d(?:, \d\d)*)(?:; notebook (\w+))?"
                     r"|notebook (\w+))")


def _public_functions():
    found = {}
    for sub in (*ANALYSIS, "datasets", "classroom", "survey", "capstone"):
        module = importlib.import_module(f"coursekit.{sub}")
        for name in module.__all__:
            if inspect.isfunction(getattr(module, name)):
                found[f"ck.{sub}.{name}"] = getattr(module, name)
    for name in ck._LAZY_FUNCTIONS:
        found[f"ck.{name}"] = getattr(ck, name)
    return found


PUBLIC = _public_functions()


def _code(item) -> str:
    text = (ROOT / "lessons" / item.text).read_text(encoding="utf-8")
    return "\n".join(re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", text, flags=re.S))


def test_there_are_functions_to_check():
    assert "ck.kano.summarize" in PUBLIC and "ck.define" in PUBLIC and len(PUBLIC) > 30


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_docstring_says_which_lessons_use_it(name):
    match = USED_IN.search(PUBLIC[name].__doc__ or "")
    assert match, f"{name}: add 'Used in: lesson NN.' or 'Used in: library only.' to the docstring"
    said = set(match.group(2).split(", ")) if match.group(2) else set()
    said |= {slug for slug in (match.group(3), match.group(4)) if slug}
    actual = {item.number for item in READY if name in item.functions}
    actual |= {item.slug for item in READY_EXTRAS if name in item.functions}
    assert said == actual, (f"{name}: the docstring says {sorted(said) or 'library only'}, "
                            f"lessons.toml says {sorted(actual) or 'no lesson'}")


@pytest.mark.parametrize("name", sorted(n for n in PUBLIC if n.split(".")[1] in ANALYSIS))
def test_analysis_docstring_cites_the_method_reference(name):
    sections = re.findall(r"docs/methods\.md ((?:§\d+\.\d+(?:–§\d+\.\d+)?(?:, )?)+)", PUBLIC[name].__doc__)
    assert sections, f"{name}: cite its section of docs/methods.md"
    headings = set(re.findall(r"^### (\d+\.\d+) ", (ROOT / "docs" / "methods.md").read_text(), flags=re.M))
    for cited in re.findall(r"§(\d+\.\d+)", " ".join(sections)):
        assert cited in headings, f"{name} cites §{cited}, which docs/methods.md does not have"


@pytest.mark.parametrize("item", READY + READY_EXTRAS, ids=lambda i: i.slug)
def test_lesson_metadata_lists_exactly_the_coursekit_names_the_lesson_uses(item):
    used = set()
    for match in re.finditer(r"\bck\.(\w+)(?:\.(\w+))?", _code(item)):
        sub, name = match.groups()
        used.add(f"ck.{sub}.{name}" if sub in ck._SUBPACKAGES and name else f"ck.{sub}")
    assert used == set(item.functions), (
        f"lessons.toml's functions for {item.slug} should be {sorted(used)}")
