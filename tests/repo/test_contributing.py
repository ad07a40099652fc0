"""CONTRIBUTING.md's map of the repository matches the tree."""
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
MAP = TEXT.split("## The map", 1)[1].split("\n## ", 1)[0]
PLACEHOLDER = re.compile(r"NN|<\w+>|\*")


def _tracked_top_folders() -> set[str]:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    return {f.split("/")[0] for f in files if "/" in f and not f.startswith(".")}


def test_every_top_level_folder_is_on_the_map():
    missing = [f for f in sorted(_tracked_top_folders()) if f"`{f}/`" not in MAP]
    assert not missing, f"add these folders to CONTRIBUTING.md's map: {missing}"


def test_every_path_the_map_names_exists():
    for path in re.findall(r"`([\w./<>-]+/[\w./<>-]*)`", MAP):
        if PLACEHOLDER.search(path):
            parent = path.split("/")[0]
            assert (ROOT / parent).exists(), path
            continue
        assert (ROOT / path).exists(), f"CONTRIBUTING.md names {path}, which does not exist"


def test_every_subpackage_and_core_and_course_module_is_on_the_map():
    for init in sorted((ROOT / "coursekit").glob("*/__init__.py")):
        assert f"`coursekit/{init.parent.name}/`" in MAP, init.parent.name
    for part in ("core", "course"):
        for module in sorted((ROOT / "coursekit" / part).glob("*.py")):
            if module.name != "__init__.py":
                assert f"`{module.name}`" in MAP, f"coursekit/{part}/{module.name} is not on the map"
