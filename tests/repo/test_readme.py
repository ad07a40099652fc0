"""The README's two commands are the ones course.py and CI actually provide and run."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    section = section.split("### ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_quick_start_is_clone_then_exactly_two_commands():
    commands = _quick_start_commands()
    assert commands[0].startswith("git clone ")
    assert commands[1:] == ["python3 course.py lab", "python3 course.py test"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    lines = [line.strip() for line in ci.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert "python3 course.py test" in lines
    assert lines[0] == "set -euo pipefail" or "set -euo pipefail" in lines


def test_course_py_only_uses_the_standard_library():
    source = (ROOT / "course.py").read_text()
    imported = set(re.findall(r"^(?:from|import) (\w+)", source, flags=re.M))
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def test_course_py_explains_itself_and_refuses_unknown_commands():
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "course.py"), *a],  # noqa: E731
                                    capture_output=True, text=True)
    help_ = run("--help")
    assert help_.returncode == 0 and "python3 course.py lab" in help_.stdout
    assert run("frobnicate").returncode == 2


def test_course_py_lab_opens_lesson_00():
    source = (ROOT / "course.py").read_text()
    assert 'START_NOTEBOOK = "notebooks/00_start_here.ipynb"' in source
    assert (ROOT / "notebooks" / "00_start_here.ipynb").is_file()


def test_environment_is_rebuilt_for_dependency_changes_only(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("course_under_test", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    text = (ROOT / "pyproject.toml").read_text()
    (tmp_path / "pyproject.toml").write_text(text)
    monkeypatch.setattr(course, "ROOT", tmp_path)
    original = course.wanted_stamp()
    (tmp_path / "pyproject.toml").write_text(text.replace('minversion = "8.0"', 'minversion = "8.1"'))
    assert course.wanted_stamp() == original, "a test setting must not force a reinstall"
    (tmp_path / "pyproject.toml").write_text(text.replace('"pandas>=2.2"', '"pandas>=2.3"'))
    assert course.wanted_stamp() != original, "a dependency change must rebuild the environment"


def _course_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("course_under_test", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    return course


def test_course_py_lab_starts_for_root_users(monkeypatch, capsys):
    import os

    course = _course_module()
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    command = course.lab_command(Path("/venv/bin/python"), ["--no-browser"])
    assert command.count("--allow-root") == 1 and command[-1] == "--no-browser"
    assert "--allow-root" in capsys.readouterr().out
    assert course.lab_command(Path("python"), ["--allow-root"]).count("--allow-root") == 1
    monkeypatch.setattr(os, "geteuid", lambda: 1000, raising=False)
    assert "--allow-root" not in course.lab_command(Path("python"), [])
