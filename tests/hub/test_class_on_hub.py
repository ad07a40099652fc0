"""A class on a real JupyterHub: five learners in headless Chromium follow an nbgitpuller link,
log in, land on lesson 00 and run a cell; then the instructor changes the lesson while two of
them have edited and saved it, and everybody pulls again.

The hub is the training-room config of deploy/ (first-use logins), started on 127.0.0.1 on
free ports with the proxy from the npm package; the course comes from a local git repository
(a file:// URL), never the network. Every browser context refuses requests to any other
address, and a JavaScript error on a page fails the test.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import nbformat
import pytest

from tests.browser._lab import LabPage
from tests.browser._scripts import CELL_FINISHED, CURRENT, KERNEL_IDLE, LOADED
from tests.browser.conftest import VIEWPORT

from ._hub import course_repository, git, nbgitpuller_link, start_hub

pytestmark = [pytest.mark.browser, pytest.mark.hub, pytest.mark.slow]

LEARNERS = [f"learner{n}" for n in range(1, 6)]
PASSWORD = "queue-at-security"  # first-use logins: each learner sets it at the first login
FOLDER = "coursekit"
LESSON = "notebooks/00_start_here.ipynb"
OPENED = f"{FOLDER}/{LESSON}"  # the path JupyterLab shows, relative to the learner's home
OFF_MACHINE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")

# The instructor's upstream changes to lesson 00, one per kind of place a change can land:
WELCOME_NOTE = "Instructor's note for today: we work in teams of four."
SETUP_NOTE = "If a row is not ok, raise your hand: a helper will come to you."
CARLZON_COMMENT = "# SAS customers a year (Carlzon 1987; see docs/methods.md)"
# ... and the learners' own edits.
LEARNER1_EDIT = "contacts_per_customer = 3"           # the cell's Your turn, as the lesson asks
LEARNER2_EDIT = "seconds_per_contact = 20  # my guess"  # a later cell


def _source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _cell(nb, text: str):
    return next(cell for cell in nb["cells"] if text in _source(cell))


def _instructor_changes(upstream: Path) -> None:
    """Edit lesson 00 the way an instructor fixing things mid-course would, and commit."""
    path = upstream / LESSON
    nb = nbformat.read(path, as_version=4)
    welcome = next(c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Welcome"))
    welcome.source += f"\n\n{WELCOME_NOTE}"
    setup = next(c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Check your setup"))
    setup.source += f"\n\n{SETUP_NOTE}"
    carlzon = next(c for c in nb.cells if c.cell_type == "code" and "customers_per_year =" in c.source)
    # The line right above the one learner 1 changes: the case the README warns about.
    carlzon.source = re.sub(r"# SAS customers a year.*", CARLZON_COMMENT, carlzon.source)
    nbformat.write(nb, path)
    git(upstream, "commit", "--quiet", "--all", "--message", "Lesson 00: notes for today's class")


class Learner:
    """One learner: a browser context of their own (cookies, login) and a JupyterLab page."""

    def __init__(self, name: str, browser, hub, artifacts: Path, blocked: list, errors: list):
        self.name, self.hub, self.artifacts = name, hub, artifacts
        self.context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
        self.context.set_default_timeout(60_000)

        def block(route):
            blocked.append(f"{name}: {route.request.url}")
            route.abort()

        self.context.route(OFF_MACHINE, block)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: errors.append(f"{name}: {error.message[:300]}"))
        # Leaving a notebook with unsaved output asks "leave the page?"; a learner says yes.
        self.page.on("dialog", lambda dialog: dialog.accept())
        self.lab = LabPage(page=self.page, base_url=f"{hub.url}/user/{name}", artifacts=artifacts)

    def follow(self, link: str) -> None:
        self.page.goto(link, wait_until="domcontentloaded")

    def log_in(self) -> None:
        # Following the link while logged out shows the hub's login form first.
        self.page.wait_for_selector("#username_input", timeout=30_000)
        self.page.fill("#username_input", self.name)
        self.page.fill("#password_input", PASSWORD)
        self.page.click("#login_submit", no_wait_after=True)

    def wait_for_lesson(self, timeout: float = 150) -> None:
        """The nbgitpuller page finishes, JupyterLab opens the lesson, its kernel is idle."""
        self.page.wait_for_url(re.compile(rf"/user/{self.name}/lab"), timeout=timeout * 1000,
                               wait_until="domcontentloaded")
        self.lab._wait(LOADED, OPENED, timeout=timeout, what=f"{self.name}: {OPENED} to open")
        self.lab._wait(KERNEL_IDLE, timeout=timeout, what=f"{self.name}: the kernel to be idle")

    def index_of(self, text: str) -> int:
        return next(c["index"] for c in self.lab.cells().cells if text in c["source"])

    def run_cell(self, index: int, timeout: float = 60) -> str:
        """Click into the cell, clear its output, press Shift+Enter; return what it shows.
        (The saved lesson already has an ``[n]`` here, so the wait is for a new one.)"""
        self.page.locator(f'[data-ck-cell="{index}"] .jp-Editor .cm-content').click()
        self.lab.command("notebook:clear-cell-output")
        self.lab._wait("(i) => (%s)().content.widgets[i].model.executionCount === null" % CURRENT,
                       index, timeout=15, what=f"{self.name}: cell {index}'s output to clear")
        self.page.keyboard.press("Shift+Enter")
        self.lab._wait(CELL_FINISHED, [index, 0], timeout=timeout,
                       what=f"{self.name}: cell {index} to run (Shift+Enter)")
        return self.lab.output_text(index)

    def run(self, text: str) -> str:
        return self.run_cell(self.index_of(text))

    def edit_and_run(self, old: str, new: str) -> str:
        index = self.index_of(old)
        source = next(c["source"] for c in self.lab.cells().cells if c["index"] == index)
        typed = self.lab.type_into_cell(index, source.replace(old, new))
        assert new in typed, f"{self.name}: the cell holds {typed!r} after typing"
        return self.run_cell(index)

    def save(self, timeout: float = 30) -> None:
        self.lab.command("docmanager:save")
        self.lab._wait("() => { const p = (%s)(); return !!p && !p.context.model.dirty; }" % CURRENT,
                       timeout=timeout, what=f"{self.name}: the notebook to be saved")

    def shown_sources(self) -> str:
        return "\n".join(c["source"] for c in self.lab.cells().cells)

    def saved(self) -> dict:
        return json.loads((self.hub.homes / self.name / OPENED).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def upstream(tmp_path_factory) -> Path:
    return course_repository(tmp_path_factory.mktemp("upstream") / "course")


@pytest.fixture(scope="module")
def hub(tmp_path_factory, hub_artifacts, hub_timings):
    hub = start_hub(tmp_path_factory.mktemp("hub"))
    hub_timings["hub start (hub + proxy answering)"] = hub.startup_seconds
    try:
        yield hub
    finally:
        hub.stop_checked(hub_artifacts / "jupyterhub.log")


def test_a_class_of_five_on_the_hub(hub, upstream, hub_browser, hub_artifacts, hub_timings):
    blocked: list[str] = []
    errors: list[str] = []
    link = nbgitpuller_link(hub.url, upstream.as_uri(), "main", f"lab/tree/{OPENED}", FOLDER)
    learners = [Learner(name, hub_browser, hub, hub_artifacts, blocked, errors) for name in LEARNERS]
    try:
        # 1. Everybody follows the link and logs in, one after the other as in a room; the
        #    hub starts their servers and nbgitpuller clones the course while the others log in.
        started = time.monotonic()
        for learner in learners:
            learner.follow(link)
            learner.log_in()
        for learner in learners:
            learner.wait_for_lesson()
            shown = learner.run("moments_per_year = customers_per_year")
            assert "50,000,000 Moments of Truth a year" in shown, f"{learner.name} sees {shown!r}"
            hub_timings[f"{learner.name}: link to a cell run (after login)"] = time.monotonic() - started
        hub_timings["five learners: link to a cell run, all"] = time.monotonic() - started
        learners[0].page.screenshot(path=str(hub_artifacts / "learner1-lesson00.png"))
        for learner in learners:
            assert (hub.homes / learner.name / FOLDER / ".git").is_dir(), "nbgitpuller cloned the course"

        # 2. Two learners change the lesson and save it; the instructor changes it upstream.
        assert "30,000,000" in learners[0].edit_and_run("contacts_per_customer = 5", LEARNER1_EDIT)
        learners[1].edit_and_run("seconds_per_contact = 15", LEARNER2_EDIT)
        for learner in learners[:2]:
            learner.save()
        assert LEARNER1_EDIT in _source(_cell(learners[0].saved(), "customers_per_year ="))
        _instructor_changes(upstream)

        # 3. Everybody follows the link again.
        started = time.monotonic()
        for learner in learners:
            learner.follow(link)
        for learner in learners:
            learner.wait_for_lesson()
        hub_timings["five learners: re-pull to the lesson open, all"] = time.monotonic() - started

        for learner in learners:
            saved = learner.saved()
            nbformat.validate(nbformat.from_dict(saved))  # still a valid notebook
            text = "\n".join(_source(c) for c in saved["cells"])
            # The instructor's changes to cells nobody edited arrive for everybody ...
            assert WELCOME_NOTE in text and SETUP_NOTE in text, f"{learner.name} lacks the new notes"
            # ... and JupyterLab shows the merged file.
            assert WELCOME_NOTE in learner.shown_sources()
        one, two = (learner.saved() for learner in learners[:2])
        one_text = "\n".join(_source(c) for c in one["cells"])
        two_text = "\n".join(_source(c) for c in two["cells"])
        # Their own edits survive ...
        assert LEARNER1_EDIT in one_text and LEARNER1_EDIT in learners[0].shown_sources()
        assert LEARNER2_EDIT in two_text and LEARNER2_EDIT in learners[1].shown_sources()
        # ... learner 2 edited another cell, so the instructor's comment arrives for them;
        assert CARLZON_COMMENT in two_text
        # learner 1 edited the line next to it: the learner's side wins that conflict, and the
        # instructor's comment does not arrive (deploy/README.md says what to do about it).
        assert CARLZON_COMMENT not in one_text
        for learner in learners[2:]:
            assert CARLZON_COMMENT in "\n".join(_source(c) for c in learner.saved()["cells"])

        # 4. What deploy/README.md tells learner 1 to do: rename their copy, follow the link
        #    again. nbgitpuller restores the lesson as the instructor has it; the copy is kept.
        mine = OPENED.replace(".ipynb", "_mine.ipynb")
        hub.server_api(LEARNERS[0], "PATCH", f"/contents/{OPENED}", {"path": mine})
        learners[0].follow(link)
        learners[0].wait_for_lesson()
        fresh = "\n".join(_source(c) for c in learners[0].saved()["cells"])
        assert CARLZON_COMMENT in fresh and LEARNER1_EDIT not in fresh and WELCOME_NOTE in fresh
        kept = json.loads((hub.homes / LEARNERS[0] / mine).read_text(encoding="utf-8"))
        assert LEARNER1_EDIT in "\n".join(_source(c) for c in kept["cells"])
        learners[0].page.screenshot(path=str(hub_artifacts / "learner1-after-rename-and-pull.png"))
    finally:
        for learner in learners:
            learner.context.close()
    assert not blocked, "requests to other machines:\n" + "\n".join(blocked)
    assert not errors, "JavaScript errors:\n" + "\n".join(dict.fromkeys(errors))
