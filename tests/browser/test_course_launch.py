"""The course as `python3 course.py lab` serves it: the whole course folder, from the
existing environment, and the checks around it (wrong-answer choice, failure messages)."""
from __future__ import annotations

import pytest

from ._server import ROOT_HINT

pytestmark = pytest.mark.browser


def test_learner_sees_lessons_and_exercises_in_the_file_browser(lab_server):
    shown = lab_server.top_level()
    if lab_server.served_root() != lab_server.root.resolve() or not {"notebooks", "exercises"} <= set(shown):
        pytest.fail(f"`python3 course.py lab` shows {shown} at the top of the file browser. "
                    + ROOT_HINT, pytrace=False)


def test_lab_started_from_the_existing_environment(lab_server):
    # course.py said it was opening JupyterLab and did not (re)install anything first.
    log = lab_server.log.read_text(encoding="utf-8", errors="replace")
    assert "[course] opening JupyterLab on notebooks/00_start_here.ipynb" in log
    assert "[course] installing" not in log and "[course] creating" not in log
