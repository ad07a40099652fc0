"""Binder and conda files agree with pyproject.toml, and the launch link points somewhere real."""
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import yaml
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[;]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_packages(python: str) -> dict[str, str]:
    """Every package pyproject asks for on the given Python version (markers evaluated)."""
    project = PYPROJECT["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    wanted = {}
    for spec in map(Requirement, specs):
        if spec.marker is None or spec.marker.evaluate({"python_version": python}):
            wanted[spec.name.lower()] = str(spec.specifier)
    return wanted


def _environment():
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _environment_packages() -> dict[str, str]:
    conda, pip = {}, {}
    for entry in _environment()["dependencies"]:
        if isinstance(entry, dict):
            for spec in entry["pip"]:
                if not spec.startswith("-e"):
                    pip[_name(spec)] = spec[len(_name(spec)):].strip()
        elif _name(entry) not in {"python", "pip"}:
            conda[_name(entry)] = entry[len(_name(entry)):].strip()
    assert not set(conda) & set(pip), "a package is listed twice in environment.yml"
    return {**conda, **pip}


def test_environment_yml_is_well_formed_for_repo2docker():
    env = _environment()
    assert env["channels"] == ["conda-forge"]
    deps = env["dependencies"]
    python = [d for d in deps if isinstance(d, str) and d.startswith("python")]
    # repo2docker honours an exact python version, not a range.
    assert len(python) == 1 and re.fullmatch(r"python=3\.\d+", python[0])
    assert int(python[0].split(".")[1]) >= 10
    pip_sections = [d for d in deps if isinstance(d, dict)]
    assert len(pip_sections) == 1 and "pip" in deps
    assert "-e ." in pip_sections[0]["pip"], "coursekit itself must be installed from the repo"


def test_environment_lists_the_same_packages_and_minimums_as_pyproject():
    python = next(d for d in _environment()["dependencies"]
                  if isinstance(d, str) and d.startswith("python=")).split("=")[1]
    assert _environment_packages() == _pyproject_packages(python)


def test_python_floor_matches():
    assert PYPROJECT["project"]["requires-python"] == ">=3.10"


def test_binder_link_opens_lesson_00():
    binder = PYPROJECT["project"]["urls"]["Binder"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert binder in readme
    url = urlparse(binder)
    assert url.netloc == "mybinder.org"
    repo = urlparse(PYPROJECT["project"]["urls"]["Repository"]).path.strip("/")
    assert url.path.startswith(f"/v2/gh/{repo}/")
    target = unquote(parse_qs(url.query)["labpath"][0])
    assert target == "notebooks/00_start_here.ipynb" and (ROOT / target).is_file()


def test_no_other_binder_configuration_competes():
    # repo2docker reads binder/ or .binder/ instead of the root if either exists.
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    for name in ["requirements.txt", "postBuild", "runtime.txt"]:
        assert not (ROOT / name).exists(), f"{name} would change how Binder builds; see CONTRIBUTING"


def _apt_packages() -> list[str]:
    lines = (ROOT / "apt.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_apt_txt_lists_only_debian_packages_and_ci_installs_the_same():
    # repo2docker installs apt.txt's Debian packages before the conda environment; it holds the
    # CJK font that lets figures draw Chinese labels, and nothing that changes how Binder builds.
    packages = _apt_packages()
    assert packages == ["fonts-noto-cjk"]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", p) for p in packages)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "done < apt.txt" in ci and "apt-get install" in ci
