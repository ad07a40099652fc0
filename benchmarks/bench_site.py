"""How long the course website takes to build, and how heavy its heaviest page is.

    python benchmarks/bench_site.py          # bars enforced
    python benchmarks/bench_site.py --quick  # the same build (there is no smaller one); bars printed only

Bars (issue 17): the whole site builds in 60 s or less on a 2-core machine, and no page weighs
over 2 MB with everything it loads. The build time is also given as a ratio to a baseline run in
the same process: exporting the same lesson notebooks to HTML with nbconvert, what a plain
handout export costs. A page's weight is its HTML plus every script, style sheet, image and font
file it loads, measured in headless Chromium over HTTP from a loopback server.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from harness import ROOT, Bar, parse_args, timed, verdict

from coursekit.course.site import build_site

def page_weights(site: Path) -> dict[str, int]:
    """Bytes each page loads over HTTP (HTML, scripts, styles, images, fonts), measured in
    headless Chromium against a loopback server, as a reader's browser would fetch them."""
    import os
    import subprocess
    import time
    import urllib.request

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser._server import free_port
    from tests.browser.conftest import CHROMIUM_ARGS, chromium_executable

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/index.html", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the static server did not start") from None
                time.sleep(0.2)
        weights = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable(),
                                                 args=CHROMIUM_ARGS, headless=True)
            context = browser.new_context()
            context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
            for page_path in sorted(site.rglob("*.html")):
                relative = str(page_path.relative_to(site))
                if relative.startswith("_"):
                    continue
                page = context.new_page()
                total = {"bytes": 0}
                page.on("response", lambda r: total.__setitem__(
                    "bytes", total["bytes"] + int(r.headers.get("content-length", "0") or 0)))
                page.goto(f"{base}/{relative}", wait_until="load")
                page.wait_for_timeout(200)
                weights[relative] = total["bytes"]
                page.close()
            browser.close()
        return weights
    finally:
        os.killpg(server.pid, 9) if hasattr(os, "killpg") else server.kill()
        server.wait(timeout=10)


def export_baseline() -> None:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", embed_images=True)
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        exporter.from_notebook_node(nbformat.read(path, as_version=4))


def main(argv=None) -> int:
    args = parse_args(__doc__, argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        seconds = build_site(out)
        baseline = timed(export_baseline)
        weights = page_weights(out)
    heaviest = max(weights, key=weights.get)
    print(f"site: {len(weights)} pages built in {seconds:.1f} s = {seconds / baseline:.1f}x an nbconvert "
          f"HTML export of the lessons ({baseline:.1f} s); heaviest page {heaviest}, "
          f"{weights[heaviest] / 1e6:.2f} MB with its assets")
    return verdict([Bar("build, seconds", seconds, "<=", 60.0, " s"),
                    Bar("heaviest page, MB", weights[heaviest] / 1e6, "<=", 2.0, " MB")], args.quick)


if __name__ == "__main__":
    sys.exit(main())
