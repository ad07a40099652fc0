"""Handouts in Chromium with the network blocked: every learner page opens without requesting
anything from another machine and without a JavaScript error, shows no code, its knowledge
checks answer, its figures load; and every page prints to A4 with nothing cut at the edge."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.course.handouts import build_html

pytestmark = pytest.mark.browser

# A4 (210 mm) less the print style's 12 mm margins, in CSS pixels (96 per inch).
A4_CONTENT_PX = int((210 - 2 * 12) / 25.4 * 96)
OVERFLOW = """(limit) => {
  const wide = [];
  for (const node of document.querySelectorAll('pre, code, img, table, .jp-OutputArea-output, p, li')) {
    const box = node.getBoundingClientRect();
    if (box.width === 0) continue;
    const clipped = node.tagName === 'PRE' && node.scrollWidth > node.clientWidth + 1;
    if (box.right > limit + 1 || clipped) wide.push(`${node.tagName} ${Math.round(box.right)}px: `
        + (node.textContent || node.getAttribute('alt') || '').trim().slice(0, 60));
  }
  return wide;
}"""


@pytest.fixture(scope="module")
def handouts(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for audience in ("learner", "instructor"):
        out = tmp_path_factory.mktemp(f"handouts-{audience}")
        build_html(out, audience=audience)
        built[audience] = out
    return built


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    requested, errors = [], []
    context.route(re.compile(r"^(https?|wss?)://"), lambda route: (requested.append(route.request.url),
                                                                   route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(error.message[:300]))
    yield page, requested, errors
    context.close()


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html"))


def test_learner_pages_work_offline_and_show_no_code(handouts, offline_page):
    page, requested, errors = offline_page
    checked = []
    for path in _pages(handouts["learner"]):
        page.goto(path.as_uri(), wait_until="load")
        # A code cell's input is an editor area; markdown cells have none.
        code = page.locator(".jp-InputArea-editor, .jp-InputPrompt").count()
        assert code == 0, f"{path.name} shows {code} code inputs"
        broken = page.evaluate("() => [...document.images].filter(i => !(i.complete && i.naturalWidth > 0))"
                               ".map(i => i.alt.slice(0, 40))")
        assert not broken, f"{path.name}: images that did not load: {broken}"
        if path.stem[:2].isdigit() and page.locator(".Quiz .MCButton").count():
            quiz = page.locator(".Quiz:has(.MultipleChoiceQn)").first
            quiz.locator(".MCButton").first.scroll_into_view_if_needed()
            quiz.locator(".MCButton").first.click()
            page.wait_for_function("(n) => (n.textContent || '').trim().length > 0",
                                   arg=quiz.locator(".Feedback").element_handle(), timeout=10_000)
            checked.append(path.name)
    assert {"00_start_here.html", "01_moments_of_truth.html"} <= set(checked), "quizzes answered"
    assert not requested, f"requested from other machines: {sorted(set(requested))}"
    assert not errors, f"JavaScript errors: {errors}"


def test_widgets_show_their_saved_state(handouts, offline_page):
    page, _, _ = offline_page
    page.goto((handouts["learner"] / "02_finding_critical_moments.html").as_uri())
    fallback = page.locator(".ck-widget")
    assert fallback.count() == 1
    assert "Concentrate here:" in fallback.inner_text(), "the widget's result line as saved"
    assert fallback.locator("img").count() >= 1, "the widget's figure as saved"


@pytest.mark.parametrize("audience", ["learner", "instructor"])
def test_pages_print_to_a4_with_nothing_cut_off(handouts, offline_page, audience, tmp_path):
    page, requested, errors = offline_page
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1100})
    page.emulate_media(media="print")
    for path in _pages(handouts[audience]):
        page.goto(path.as_uri(), wait_until="load")
        wide = page.evaluate(OVERFLOW, A4_CONTENT_PX)
        assert not wide, f"{audience} {path.name}: wider than an A4 page: {wide[:5]}"
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pdf.startswith(b"%PDF") and pages >= 1, path.name
    assert not requested and not errors
