"""Worksheets in Chromium, offline: each renders without a JavaScript error and prints on
exactly one page of its paper size (A3 landscape for the maps, A4 for the rest)."""
from __future__ import annotations

import re

import pytest

from coursekit.course.worksheets import write_worksheets

pytestmark = pytest.mark.browser

# PDF points (1/72 inch): width, height.
SIZES = {"A3 landscape": (1190.6, 841.9), "A4 portrait": (595.3, 841.9), "A4 landscape": (841.9, 595.3)}
EXPECTED = {"journey-map": "A3 landscape", "service-blueprint": "A3 landscape",
            "mot-memo": "A4 portrait", "kano-card": "A4 portrait",
            "servqual-gaps": "A4 landscape", "recovery-observer": "A4 portrait"}


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


@pytest.mark.parametrize("paper", [None, "A4"])
def test_each_sheet_prints_on_one_page_of_its_size(browser, tmp_path, paper):
    write_worksheets(tmp_path, paper=paper)
    context = browser.new_context()
    requested, errors = [], []
    context.route(re.compile(r"^(https?|wss?)://"), lambda route: (requested.append(route.request.url),
                                                                   route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(error.message))
    try:
        for stem, size in EXPECTED.items():
            if paper == "A4":
                size = size.replace("A3", "A4")
            page.goto((tmp_path / f"{stem}.html").as_uri(), wait_until="load")
            assert page.locator("h1").inner_text().count(" · ") == 1
            pages = _pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
            assert len(pages) == 1, f"{stem} prints on {len(pages)} pages"
            width, height = pages[0]
            assert abs(width - SIZES[size][0]) < 2 and abs(height - SIZES[size][1]) < 2, (stem, pages[0], size)
    finally:
        context.close()
    assert not requested and not errors
