"""The team-competition board in headless Chromium, end to end on a standalone board: two teams
hand in from notebooks run in real kernels, the instructor opens, locks, reveals and scores from
the instructor's page, and the projector's page updates live — with a team named
``<script>...</script>`` shown as text, nothing fetched from off the machine, no JavaScript
error, and certificates that print one per A4 page."""
from __future__ import annotations

import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.classroom import _board

pytestmark = pytest.mark.browser

EVIL = "<script>alert('pk')</script>"
WAIT_MS = 15_000


@pytest.fixture(scope="module")
def pk(tmp_path_factory):
    running = _board.start(tmp_path_factory.mktemp("pk") / "pk.sqlite",
                           f"Lotus,Peony,{EVIL}", "--lessons", "02")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def watch(browser):
    """Pages in one browser context that refuses every off-machine request; the test fails on
    any such request, JavaScript error or dialog (an alert would mean a team's text ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(WAIT_MS)
    problems: list[str] = []

    def block(route):
        problems.append(f"requested from off the machine: {route.request.url}")
        route.abort()

    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), block)

    def new_page():
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error.message}"))
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"),
                                          dialog.dismiss()))
        return page

    yield new_page
    context.close()
    assert not problems, "\n".join(problems)


def team_notebook(board, team: str, learner: str, answer, folder: Path) -> nbformat.NotebookNode:
    """What a team member runs: join, then hand in."""
    cells = [
        f"import os\nos.environ['COURSEKIT_CLASSROOM_DIR'] = {str(folder)!r}",
        "import coursekit as ck\n"
        f"print(ck.classroom.join({board.url!r}, {board.codes[team]!r}, learner={learner!r}))",
        f"receipt = ck.classroom.submit('02-three-mots', {answer!r})\nprint(receipt)",
    ]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells],
                                    metadata={"kernelspec": {"name": "python3",
                                                             "display_name": "Python 3",
                                                             "language": "python"}})


def run_notebook(notebook) -> str:
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    return "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))


def row(page, team: str):
    return page.locator("#ck-standings tbody tr").filter(
        has=page.locator("td.team", has_text=team))


def click(page, action: str, challenge: str):
    page.locator(f'button[value="{action}"][data-challenge="{challenge}"]').click()
    page.wait_for_load_state("domcontentloaded")


def test_teams_hand_in_from_notebooks_and_the_room_watches_the_board(pk, watch, tmp_path):
    projector = watch()
    projector.goto(f"{pk.url}/board")
    projector.locator("#ck-live", has_text="Live").wait_for()
    evil_cell = row(projector, EVIL).locator("td.team")
    assert evil_cell.inner_text() == EVIL  # shown as text ...
    assert projector.locator("#ck-standings script").count() == 0  # ... never as a script

    instructor = watch()
    instructor.goto(f"{pk.url}/instructor?key={pk.key}")
    assert instructor.url.endswith("/instructor")  # the key went into a cookie, not the URL
    # A team added by its name on the instructor's page: markup in it stays text everywhere.
    added = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    instructor.locator('form[action="/instructor/team"] input[name="name"]').fill(added)
    instructor.locator('form[action="/instructor/team"] button').click()
    instructor.wait_for_load_state("domcontentloaded")
    assert instructor.locator("#team td", has_text="<img src=x").count() == 1
    row(projector, "<img src=x").wait_for()
    assert row(projector, "<img src=x").locator("td.team").inner_text() == added
    assert projector.locator("#ck-standings img").count() == 0

    click(instructor, "open", "02-three-mots")
    projector.locator("#ck-standings th", has_text="The three MOTs to fix first").wait_for()
    projector.locator("#ck-standings .badge-open").wait_for()

    notebooks = [
        team_notebook(pk, "Lotus", "Li Wei", ["security", "ground_transport", "boarding_gate"],
                      tmp_path / "lotus"),
        team_notebook(pk, "Peony", "Wang Fang", ["security", "in_flight", "arrival"],
                      tmp_path / "peony")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        printed = list(pool.map(run_notebook, notebooks))
    for text, team in zip(printed, ("Lotus", "Peony")):
        assert f"Joined team {team}" in text and "Received by the board at" in text, text
    for team in ("Lotus", "Peony"):
        row(projector, team).locator(".mark-in", has_text="handed in").wait_for()
    assert row(projector, EVIL).locator(".mark-none").count() == 1

    click(instructor, "lock", "02-three-mots")
    projector.locator("#ck-standings .badge-locked").wait_for()
    click(instructor, "reveal", "02-three-mots")
    projector.locator("#ck-celebrate", has_text="Lotus takes the lead!").wait_for()
    assert row(projector, "Lotus").locator(".mark-right").inner_text() == "✓ 20"
    assert row(projector, "Peony").locator(".mark-wrong").inner_text() == "✗ 0"
    assert row(projector, "Lotus").locator("td.rank").inner_text() == "1"
    revealed = projector.locator("#ck-revealed")
    revealed.get_by_text("security, ground transport, boarding gate").wait_for()
    assert "security, in_flight, arrival" in revealed.inner_text()

    # Rubric points from the instructor's page: Peony's memo takes the lead.
    click(instructor, "open", "02-memo")
    memo = instructor.locator("form.rubric").filter(
        has=instructor.locator('input[name="team"][value="Peony"]'))
    memo.locator('input[name="points.evidence"]').fill("18")
    memo.locator('input[name="points.presentation"]').fill("7")
    memo.locator("button[type=submit]").click()
    instructor.wait_for_load_state("domcontentloaded")
    projector.locator("#ck-celebrate", has_text="Peony takes the lead!").wait_for()
    assert row(projector, "Peony").locator("td.total").inner_text() == "25"
    projector.screenshot(path=str(_artifacts() / "board-projector.png"), full_page=True)

    projector.goto(f"{pk.url}/board?lang=zh")
    projector.get_by_role("heading", name=re.compile("分组PK")).wait_for()
    projector.locator(".badge-revealed", has_text="已揭晓").wait_for()
    assert projector.locator("html").get_attribute("lang") == "zh-CN"


def test_certificates_print_one_per_a4_page(pk, watch, tmp_path, monkeypatch):
    import coursekit as ck
    from coursekit.classroom.prepost import questions

    assert pk.instructor("test", lesson="02", phase="post", state="open")[0] == 200
    for name, team in (("Li Wei", "Lotus"), ("Wang Fang", "Peony")):
        monkeypatch.setenv("COURSEKIT_CLASSROOM_DIR", str(tmp_path / name))
        ck.classroom.join(pk.url, pk.codes[team], learner=name)
        first = questions("02")[0]
        right = next(a["answer"] for a in first["answers"] if a.get("correct"))
        assert ck.classroom.send_test("02", "post", {1: right}).status == "received"
    page = watch()
    page.goto(f"{pk.url}/instructor?key={pk.key}")
    page.goto(f"{pk.url}/certificates")
    assert page.locator("article.certificate").count() == 2
    page.get_by_text("1 of 7").first.wait_for()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    (_artifacts() / "certificates.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2


def _artifacts() -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "board"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
