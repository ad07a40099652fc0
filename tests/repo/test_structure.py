"""The package's shape, checked: no import cycles, no reaching into another subpackage's
private names, no module too long to review, no lesson importing a private module."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("coursekit", "casegen")
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _imports(name: str, path: Path):
    """Yield (target module, imported name or None, line) for every import in the file,
    including those inside functions (a deferred import is still a dependency)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(name, is_package, node.level, node.module)
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in MODULES:  # "from . import io" imports a module
                    yield sub, None, node.lineno
                else:
                    yield target, alias.name, node.lineno


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for target, _, _ in _imports(name, path):
            if target in MODULES and target != name:
                graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return result


def _subpackage(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "coursekit" else parts[0]


def test_there_are_modules_to_check():
    assert "coursekit.kano.summary" in MODULES and "casegen.build" in MODULES


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_private_names_imported_across_subpackages():
    offences = []
    for name, path in MODULES.items():
        for target, imported, line in _imports(name, path):
            if not target.startswith(PACKAGES) or _subpackage(target) == _subpackage(name):
                continue
            private_path = any(part.startswith("_") and part != "__init__" for part in target.split("."))
            private_name = (imported is not None and imported.startswith("_")
                            and not imported.endswith("__"))
            if private_path or private_name:
                what = f"{target}.{imported}" if imported else target
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {what}")
    assert not offences, "\n".join(offences)


def test_the_learner_facing_package_never_imports_the_generator():
    offences = [f"{path.relative_to(ROOT)}:{line}"
                for name, path in MODULES.items() if name.startswith("coursekit")
                for target, _, line in _imports(name, path) if target.split(".")[0] == "casegen"]
    assert not offences


@pytest.mark.parametrize("name", sorted(MODULES), ids=str)
def test_module_is_short_enough_to_review(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it (limit {MAX_LINES})"


def test_no_lesson_or_exercise_imports_a_private_module():
    offences = []
    for path in [*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/**/*.ipynb"),
                 *ROOT.glob("lessons/**/*.md")]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            text = "\n".join("".join(c["source"]) for c in json.loads(text)["cells"])
        offences += [f"{path.relative_to(ROOT)}: {m.group(0)}"
                     for m in re.finditer(r"coursekit(\.\w+)*\._\w+", text)]
    assert not offences, "\n".join(offences)
