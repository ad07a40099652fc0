"""The team-competition board as the hub's own service, end to end on a real local JupyterHub.

The hub (the training-room config of deploy/, on 127.0.0.1 on free ports) starts the board with
``python -m coursekit board --hub``. Two teams, each a hub group ``team-<name>`` from the
config's teams file, hand in from notebooks: code run in a kernel of each learner's own server,
where ``ck.classroom.submit`` finds the board by itself. A learner's token is refused the
instructor's actions through the hub's proxy. The instructor, a member of the hub group
``instructors``, logs in through the hub (service OAuth) in headless Chromium, then opens, locks,
reveals and scores on the board's instructor page while the projector's page, open without a
login, updates live. Off-machine requests and JavaScript errors fail the test; the hub stops
every process it started (the board too) by process id.
"""
from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request

import pytest

from ._hub import start_hub
from ._kernel import Kernel

pytestmark = [pytest.mark.browser, pytest.mark.hub, pytest.mark.slow]

TEAMS = {"Lotus": "lotus1", "Peony": "peony1"}
INSTRUCTOR = "teacher"
PASSWORD = "queue-at-security"
OFF_MACHINE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")
WAIT_MS = 20_000
ANSWERS = {"Lotus": ["security", "ground_transport", "boarding_gate"],
           "Peony": ["security", "in_flight", "arrival"]}


def _get(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def hub(tmp_path_factory, hub_artifacts, hub_timings):
    work = tmp_path_factory.mktemp("board-hub")
    teams = work / "teams.txt"
    teams.write_text("# team: members\n" + "".join(f"{t}: {u}\n" for t, u in TEAMS.items()),
                     encoding="utf-8")
    started = time.monotonic()
    hub = start_hub(work / "hub", env={"COURSEKIT_HUB_TEAMS": str(teams),
                                       "COURSEKIT_HUB_BOARD_ARGS": "--lessons 02"},
                    # What the admin page does when an admin adds someone to a group.
                    roles=[{"name": "test-groups", "services": ["coursekit-test"],
                            "scopes": ["admin:groups"]}])
    try:
        deadline = time.monotonic() + 30
        while _get(f"{hub.url}/services/board/api/board")[0] != 200:
            assert time.monotonic() < deadline, "the hub did not start the board within 30 s"
            time.sleep(0.25)
        hub_timings["board on hub: hub and board answering"] = time.monotonic() - started
        yield hub
    finally:
        hub.stop_checked(hub_artifacts / "jupyterhub-board.log")


def hand_in(kernel: Kernel, answer) -> str:
    """A team member's notebook cell: no join, no code; the board is found from the hub."""
    return kernel.run("import coursekit as ck\n"
                      f"print(ck.classroom.submit('02-three-mots', {answer!r}))")


def test_teams_hand_in_on_the_hub_and_the_instructor_runs_the_board(hub, hub_browser,
                                                                   hub_artifacts, hub_timings):
    board = f"{hub.url}/services/board"
    started = time.monotonic()
    for user in TEAMS.values():
        hub.start_server(user)
    kernels = {team: Kernel.start(hub, user) for team, user in TEAMS.items()}
    hub_timings["board on hub: two learners' servers and kernels"] = time.monotonic() - started
    # The hub's admin page adds a user to a group with this same API call.
    hub.api("POST", f"/users/{INSTRUCTOR}")
    hub.api("POST", "/groups/instructors/users", {"users": [INSTRUCTOR]})

    problems: list[str] = []
    context = hub_browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(WAIT_MS)

    def block(route):
        problems.append(f"requested from off the machine: {route.request.url}")
        route.abort()

    context.route(OFF_MACHINE, block)

    def new_page():
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error.message}"))
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"),
                                          dialog.dismiss()))
        return page

    try:
        # The projector: the board's page needs no login.
        projector = new_page()
        projector.goto(f"{board}/board")
        projector.locator("#ck-live", has_text="Live").wait_for()

        # A learner's notebook is refused the instructor's actions, through the hub's proxy.
        refused = kernels["Lotus"].run(
            "import os, json, urllib.request, urllib.error\n"
            f"request = urllib.request.Request({board + '/instructor/challenge'!r}, "
            "method='POST', data=json.dumps({'challenge': '02-three-mots', 'action': 'open'})"
            ".encode(), headers={'Authorization': 'token ' + os.environ['JUPYTERHUB_API_TOKEN'], "
            "'Content-Type': 'application/json'})\n"
            "try:\n    urllib.request.urlopen(request, timeout=10)\n"
            "except urllib.error.HTTPError as error:\n"
            "    print(error.code, json.load(error)['error'])\n")
        assert refused.strip() == "403 Only the instructor can do this.", refused

        # The instructor logs in once, through the hub, and lands on the board's controls.
        instructor = new_page()
        instructor.goto(f"{board}/instructor")
        instructor.wait_for_selector("#username_input")
        instructor.fill("#username_input", INSTRUCTOR)
        instructor.fill("#password_input", PASSWORD)
        instructor.click("#login_submit")
        instructor.wait_for_url(re.compile(r"/services/board/instructor"))
        instructor.locator('button[value="open"][data-challenge="02-three-mots"]').wait_for()
        hub_timings["board on hub: instructor's login through the hub"] = time.monotonic() - started

        def click(action: str, challenge: str = "02-three-mots"):
            instructor.locator(f'button[value="{action}"][data-challenge="{challenge}"]').click()
            instructor.wait_for_load_state("domcontentloaded")

        click("open")
        projector.locator("#ck-standings .badge-open").wait_for()

        # Both teams hand in from their notebooks; the board knows them by their hub groups.
        for team, kernel in kernels.items():
            receipt = hand_in(kernel, ANSWERS[team])
            assert "Received by the board at" in receipt and f"team {team}," in receipt, receipt
        for team in TEAMS:
            projector.locator("#ck-standings tbody tr").filter(
                has=projector.locator("td.team", has_text=team)).locator(
                    ".mark-in", has_text="handed in").wait_for()
        # The learner's folder keeps the answer's receipt, never the server's token.
        kept = hub.homes / TEAMS["Lotus"] / ".coursekit" / "classroom"
        assert "02-three-mots" in (kept / "sent.jsonl").read_text(encoding="utf-8")
        token = kernels["Lotus"].run("import os; print(os.environ['JUPYTERHUB_API_TOKEN'])")
        assert token.strip() and not any(token.strip() in path.read_text(encoding="utf-8")
                                         for path in kept.rglob("*") if path.is_file())

        click("lock")
        projector.locator("#ck-standings .badge-locked").wait_for()
        late = hand_in(kernels["Peony"], ANSWERS["Lotus"])
        assert "Not accepted" in late and "locked" in late, late
        click("reveal")
        projector.locator("#ck-celebrate", has_text="Lotus takes the lead!").wait_for()

        def row(team):
            return projector.locator("#ck-standings tbody tr").filter(
                has=projector.locator("td.team", has_text=team))

        assert row("Lotus").locator(".mark-right").inner_text() == "✓ 20"
        assert row("Peony").locator(".mark-wrong").inner_text() == "✗ 0"

        # Rubric points from the instructor's page: Peony's memo takes the lead.
        click("open", "02-memo")
        memo = instructor.locator("form.rubric").filter(
            has=instructor.locator('input[name="team"][value="Peony"]'))
        memo.locator('input[name="points.evidence"]').fill("18")
        memo.locator('input[name="points.presentation"]').fill("7")
        memo.locator("button[type=submit]").click()
        instructor.wait_for_load_state("domcontentloaded")
        projector.locator("#ck-celebrate", has_text="Peony takes the lead!").wait_for()
        assert row("Peony").locator("td.total").inner_text() == "25"
        projector.screenshot(path=str(hub_artifacts / "board-on-hub.png"), full_page=True)

        # The answers carry the hub users' names, which a notebook cannot claim otherwise.
        answers = instructor.request.get(f"{board}/instructor/answers.csv").text()
        assert "lotus1" in answers and "peony1" in answers
        hub_timings["board on hub: whole class run"] = time.monotonic() - started
    finally:
        context.close()
        for kernel in kernels.values():
            kernel.stop()
    assert not problems, "\n".join(problems)
