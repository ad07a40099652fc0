"""Drive one JupyterLab notebook in a Playwright page, the way a learner does.

Every wait is on something the learner could see: the notebook loaded, the kernel idle, every
cell's ``[n]`` prompt set and no ``[*]`` left, an image decoded, a feedback text shown. The
application object (``window.jupyterapp``, exposed by the server flag
``--LabApp.expose_app_in_browser``) is used to read the notebook's model — what each cell
output *is* — and to give menu commands; clicks and typing go through the real page.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ._scripts import (CELL_FINISHED, CELLS, CONTROLS, CURRENT, IMAGES, IMAGES_DECODED,
                       KERNEL_IDLE, LOADED, MAX_COUNT, RENDER_PROBLEMS, RUN_FINISHED, SCROLL,
                       WIDGET_RESULT, WIDGETS_RENDERED)


class LabError(AssertionError):
    """Something a learner would see go wrong (or the page never reached the expected state)."""


@dataclass
class CellRun:
    cells: list[dict]
    kernel: str

    def code(self) -> list[dict]:
        return [c for c in self.cells if c["type"] == "code" and c["source"].strip()]


@dataclass
class WidgetCheck:
    cell: int
    kind: str
    before: str
    after: str


@dataclass
class LabPage:
    page: Page
    base_url: str
    artifacts: Path
    timings: dict = field(default_factory=dict)
    # What was checked, in a line each, for the summary at the end of the run.
    checked: list = field(default_factory=list)

    # -- opening and running -------------------------------------------------------------

    def open(self, path: str, timeout: float = 120) -> None:
        """Open *path* (relative to the server root) in a fresh workspace and wait for its kernel."""
        started = time.monotonic()
        self.page.goto(f"{self.base_url}/lab/tree/{path}?reset", wait_until="domcontentloaded",
                       timeout=timeout * 1000)
        self._wait(LOADED, path, timeout=timeout, what=f"{path} to open in JupyterLab")
        self._wait(KERNEL_IDLE, timeout=timeout, what=f"the kernel of {path} to start and be idle")
        self.timings["open"] = time.monotonic() - started

    def run_all(self, timeout: float) -> CellRun:
        """Clear every output, run all cells (Run → Run All Cells) and wait until nothing runs."""
        started = time.monotonic()
        self.command("notebook:clear-all-cell-outputs")
        self._wait("""() => (%s)().content.widgets.every(c => c.model.type !== 'code'
                     || (c.model.executionCount === null && c.model.outputs.length === 0))""" % CURRENT,
                   timeout=30, what="the outputs to clear before running")
        self.command("notebook:run-all-cells")
        try:
            self._wait(RUN_FINISHED, timeout=timeout, what="all cells to finish")
        except LabError as error:
            state = self.cells()
            running = [c["index"] for c in state.code() if "*" in c["prompt"]]
            raise LabError(f"{error}; cells still running or queued: {running} "
                           f"(kernel {state.kernel})") from None
        self.timings["run all"] = time.monotonic() - started
        return self.cells()

    def cells(self) -> CellRun:
        data = self.page.evaluate(CELLS)
        return CellRun(cells=data["cells"], kernel=data["kernel"])

    def command(self, name: str, args: dict | None = None) -> None:
        """Give a JupyterLab command (what a menu item does) without waiting for it to finish."""
        self.page.evaluate("([name, args]) => { window.jupyterapp.commands.execute(name, args); }",
                           [name, args or {}])

    def max_count(self) -> int:
        return int(self.page.evaluate(MAX_COUNT))

    # -- what the learner sees ------------------------------------------------------------

    def images(self, timeout: float = 30) -> list[dict]:
        """Every <img> in the notebook, after giving them *timeout* seconds to decode."""
        try:
            self._wait(IMAGES_DECODED, timeout=timeout, what="every image to decode")
        except LabError:
            pass  # the caller reports which images did not decode
        return self.page.evaluate(IMAGES)

    def render_problems(self) -> list[dict]:
        return self.page.evaluate(RENDER_PROBLEMS)

    def wait_for_widgets(self, cells: list[int], timeout: float = 60) -> None:
        if cells:
            self._wait(WIDGETS_RENDERED, cells, timeout=timeout,
                       what=f"the widgets of cells {cells} to render")

    def output_text(self, index: int) -> str:
        text = self.page.locator(f'[data-ck-cell="{index}"] .jp-Cell-outputArea').text_content() or ""
        return " ".join(text.split())

    # -- widgets --------------------------------------------------------------------------

    def controls(self, index: int) -> list[dict]:
        return self.page.evaluate(CONTROLS, index)

    def widget_result(self, index: int) -> str:
        return self.page.evaluate(WIDGET_RESULT, index) or ""

    def settled_widget_result(self, index: int, quiet: float = 0.6, timeout: float = 20) -> str:
        """The widget area's result once it has stopped changing for *quiet* seconds (views
        render after their cell has run, so the first reading may be half drawn)."""
        deadline = time.monotonic() + timeout
        last, since = self.widget_result(index), time.monotonic()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(200)
            now = self.widget_result(index)
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        raise LabError(f"the widget area of cell {index} kept changing for {timeout:.0f} s")

    def change_control(self, index: int, control: dict, timeout: float = 30) -> WidgetCheck:
        """Move a slider / pick another option / press another toggle and wait for the displayed
        result of the widget area to change. Tries the other direction (or another option) once
        when the first move leaves the result as it was, e.g. a slider already at its end."""
        area = self.page.locator(f'[data-ck-cell="{index}"] .jp-Cell-outputArea')
        area.scroll_into_view_if_needed()
        before = self.settled_widget_result(index)
        for attempt in range(2):
            self._move(area, control, attempt)
            try:
                self.page.wait_for_function("([index, before]) => ((%s)(index) || '') !== before"
                                            % WIDGET_RESULT, arg=[index, before],
                                            timeout=timeout * 1000 / 2)
                break
            except PlaywrightTimeout:
                continue
        # Let a redraw that is still arriving settle, so the screenshot shows the final state.
        self._wait(KERNEL_IDLE, timeout=timeout, what="the kernel to finish the widget's update")
        return WidgetCheck(cell=index, kind=control["kind"], before=before,
                           after=self.settled_widget_result(index))

    def _move(self, area, control: dict, attempt: int) -> None:
        kind, nth = control["kind"], control["nth"]
        if kind == "slider":
            handle = area.locator(".widget-slider .noUi-handle, .widget-hslider .noUi-handle").nth(nth)
            handle.scroll_into_view_if_needed()
            handle.focus()
            key = "ArrowRight" if attempt == 0 else "ArrowLeft"
            handle.press(key)
            if attempt == 1:
                handle.press(key)  # undo the first move and go one step further
        elif kind == "dropdown":
            select = area.locator(".widget-dropdown select").nth(nth)
            select.scroll_into_view_if_needed()
            options = select.locator("option").evaluate_all("os => os.map(o => o.value)")
            current = select.input_value()
            others = [o for o in options if o != current]
            select.select_option(others[min(attempt, len(others) - 1)])
        elif kind == "toggle":
            buttons = area.locator(".widget-toggle-buttons").nth(nth).locator("button")
            pressed = buttons.evaluate_all("bs => bs.map(b => b.classList.contains('mod-active'))")
            others = [i for i, on in enumerate(pressed) if not on]
            buttons.nth(others[min(attempt, len(others) - 1)]).click()
        else:
            raise ValueError(kind)

    # -- knowledge checks -------------------------------------------------------------------

    def answer_first_multiple_choice(self, timeout: float = 15) -> tuple[str, str, str]:
        """Click the first answer of the first multiple-choice question of the first quiz;
        return (answer text, feedback expected from the quiz data, feedback shown)."""
        quiz = self.page.locator(".Quiz:has(.MultipleChoiceQn)").first
        button = quiz.locator(".MCButton").first
        button.scroll_into_view_if_needed()
        expected = " ".join((button.get_attribute("data-feedback") or "").split())
        label = " ".join((button.text_content() or "").split())
        button.click()
        feedback = quiz.locator(".Feedback")
        try:
            self.page.wait_for_function("(node) => (node.textContent || '').trim().length > 0",
                                        arg=feedback.element_handle(), timeout=timeout * 1000)
        except PlaywrightTimeout:
            pass
        return label, expected, " ".join((feedback.text_content() or "").split())

    # -- exercises --------------------------------------------------------------------------

    def type_into_cell(self, index: int, code: str) -> str:
        """Click the cell's editor, select all, type *code*; return what the cell now holds."""
        editor = self.page.locator(f'[data-ck-cell="{index}"] .jp-Editor .cm-content')
        editor.scroll_into_view_if_needed()
        editor.click()
        self.page.keyboard.press("ControlOrMeta+a")
        if "\n" in code:
            # Typing key by key would let the editor auto-indent each new line a second time;
            # insert_text enters the lines as one text input, as a paste does.
            self.page.keyboard.insert_text(code)
        else:
            self.page.keyboard.type(code)
        return self.page.evaluate(
            "(i) => (%s)().content.widgets[i].model.sharedModel.getSource()" % CURRENT, index)

    def run_cell(self, index: int, timeout: float = 60) -> None:
        """Click into the cell and press Shift+Enter; wait for its new ``[n]``."""
        after = self.max_count()
        self.page.locator(f'[data-ck-cell="{index}"] .jp-Editor .cm-content').click()
        self.page.keyboard.press("Shift+Enter")
        self._wait(CELL_FINISHED, [index, after], timeout=timeout,
                   what=f"cell {index} to run (Shift+Enter)")

    # -- artifacts ----------------------------------------------------------------------------

    def screenshots(self, stem: str, max_pages: int = 40) -> list[Path]:
        """Screenshots of the whole notebook, one viewport at a time, top to bottom."""
        self.artifacts.mkdir(parents=True, exist_ok=True)
        height, view = self.page.evaluate(SCROLL, -1)
        pages = 1 if not view else min(max_pages, max(1, -(-height // view)))
        written = []
        for number in range(pages):
            if view:
                self.page.evaluate(SCROLL, number * view)
                self.page.wait_for_timeout(150)  # one paint after scrolling; nothing is awaited
            path = self.artifacts / f"{stem}-{number + 1:02d}.png"
            self.page.screenshot(path=str(path))
            written.append(path)
        self.page.evaluate(SCROLL, 0)
        return written

    def screenshot_cell(self, index: int, name: str, part: str = "") -> Path:
        """The page with cell *index* (or its *part*, e.g. the output area) at the top."""
        self.artifacts.mkdir(parents=True, exist_ok=True)
        path = self.artifacts / f"{name}.png"
        target = self.page.locator(f'[data-ck-cell="{index}"] {part}'.strip()).first
        target.evaluate("node => node.scrollIntoView({block: 'start'})")
        self.page.wait_for_timeout(150)  # one paint after scrolling; nothing is awaited
        self.page.screenshot(path=str(path))
        return path

    # -- plumbing -----------------------------------------------------------------------------

    def _wait(self, expression: str, arg=None, *, timeout: float, what: str) -> None:
        try:
            self.page.wait_for_function(expression, arg=arg, timeout=timeout * 1000, polling=200)
        except PlaywrightTimeout:
            raise LabError(f"waited {timeout:.0f} s for {what}") from None
        except PlaywrightError as error:
            raise LabError(f"the page failed while waiting for {what}: {error}") from None


def squash(text: str) -> str:
    """Whitespace-normalised text, for comparing what the page shows with what a file says."""
    return re.sub(r"\s+", " ", text).strip()
