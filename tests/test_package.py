"""The flat public surface: what `import coursekit` promises, and that it stays cheap."""
import subprocess
import sys

import pytest

import coursekit

TOPIC_MODULES = ["kano", "servqual", "mot", "recovery", "spc", "chain", "datasets"]


@pytest.mark.parametrize("name", TOPIC_MODULES)
def test_topic_modules_are_reachable_from_the_top(name):
    module = getattr(coursekit, name)
    assert module.__name__ == f"coursekit.{name}"
    assert name in dir(coursekit)


def test_input_error_is_a_value_error():
    assert issubclass(coursekit.InputError, ValueError)
    with pytest.raises(ValueError):
        raise coursekit.InputError("caught by code written for ValueError")


def test_top_level_functions_are_the_documented_ones():
    for name in ["glossary", "define", "course_map", "check_setup", "knowledge_check"]:
        assert callable(getattr(coursekit, name)), name


def test_unknown_attribute_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="no_such_thing"):
        coursekit.no_such_thing  # noqa: B018


def test_import_coursekit_loads_no_heavy_library():
    # The speed bar itself is in benchmarks/bench_import.py; this checks the mechanism behind
    # it: nothing heavy is imported until a lesson asks for it.
    code = ("import sys, coursekit; heavy = [m for m in ('pandas', 'matplotlib', 'scipy', "
            "'numpy', 'ipywidgets') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_command_line_help_lists_the_commands():
    out = subprocess.run([sys.executable, "-m", "coursekit", "--help"],
                         capture_output=True, text=True, check=True)
    for command in ["build-html", "refresh", "check-setup", "course-map", "board"]:
        assert command in out.stdout
