"""Finishing the built website so that every page stays light and self-contained.

The book theme loads, on every page, a 1.5 MB icon script (Font Awesome's SVG framework) to draw
about a dozen icons, the whole search index (for a search-as-you-type feature that is turned
off), and the script of a live-code feature (thebe) that the course does not use and whose
settings point at a CDN. After the build:

* the icons the pages actually use are drawn by a small style sheet (``_static/icons.css``),
  each icon's SVG path taken from the theme's own Font Awesome file (Font Awesome Free icons:
  CC BY 4.0, credited on the "about" page);
* the search index is loaded by the search page only, where searching happens;
* thebe's scripts and settings are removed;
* a first visit starts in light mode (the theme's start-up script would otherwise read an
  empty setting and log an error about it).

Pages stay under the 2 MB budget this way; `tests/browser/test_site.py` checks that every page
still works (no JavaScript error, icons drawn).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

ICON_SCRIPT = re.compile(r'\s*<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>')
THEBE = re.compile(r'\s*<script[^>]*sphinx-thebe\.js[^>]*></script>|\s*<link[^>]*sphinx-thebe\.css[^>]*/?>'
                   r'|\s*<script>\s*const THEBE_JS_URL[^<]*</script>')
SEARCH_ASSETS = re.compile(r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js'
                           r'|searchindex\.js)"></script>')
ICON_CLASS = re.compile(r'class="[^"]*\b(fa-solid|fas|fa-regular|far|fa-brands|fab)\b[^"]*"')
STYLES = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far", "fa-brands": "fab",
          "fab": "fab"}
# Every icon definition in the theme's file: name: [width, height, [aliases], unicode, path].
DEFINITION = re.compile(r'(?:"([\w-]+)"|\b([a-z][\w-]*)):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","(M[^"]+)"\]')
PACK_END = re.compile(r'd\("(fa[srb])",p\)')


def icon_paths(script: str) -> dict[tuple[str, str], tuple[int, int, str]]:
    """(style, icon name) -> (width, height, SVG path) for every icon in Font Awesome's script.

    The script defines the brands, regular and solid icons in blocks, each closed by a call
    registering the block under its style (``d("fab",p)``)."""
    ends = [(m.start(), m.group(1)) for m in PACK_END.finditer(script)]
    found: dict[tuple[str, str], tuple[int, int, str]] = {}
    for match in DEFINITION.finditer(script):
        pack = next((style for end, style in ends if end > match.start()), None)
        if pack is None:
            continue
        name = match.group(1) or match.group(2)
        found.setdefault((pack, name), (int(match.group(3)), int(match.group(4)), match.group(5)))
    return found


def used_icons(pages: list[str]) -> set[tuple[str, str]]:
    """(style, name) of every icon the pages' markup asks for."""
    used = set()
    for text in pages:
        for match in re.finditer(r'class="([^"]*)"', text):
            classes = match.group(1).split()
            style = next((STYLES[c] for c in classes if c in STYLES), None)
            if style is None:
                continue
            used |= {(style, c[3:]) for c in classes
                     if c.startswith("fa-") and c not in STYLES and c not in {"fa-lg", "fa-fw"}}
    return used


def icon_css(paths: dict, used: set[tuple[str, str]]) -> str:
    rules = ['/* Icons from Font Awesome Free (CC BY 4.0), as CSS masks: only those the pages use. */',
             ".fa-solid,.fas,.fa-regular,.far,.fa-brands,.fab{display:inline-block;width:1em;"
             "height:1em;vertical-align:-0.125em;background-color:currentColor;"
             "-webkit-mask:var(--ck-icon) center/contain no-repeat;"
             "mask:var(--ck-icon) center/contain no-repeat}",
             ".fa-lg{width:1.33em;height:1.33em;vertical-align:-0.2em}"]
    selectors = {"fas": (".fa-solid", ".fas"), "far": (".fa-regular", ".far"), "fab": (".fa-brands", ".fab")}
    for style, name in sorted(used):
        if (style, name) not in paths:
            continue
        width, height, path = paths[(style, name)]
        svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
        url = f'url("data:image/svg+xml,{quote(svg, safe=" =:/,.-")}")'
        rule = ",".join(f"{s}.fa-{name}" for s in selectors[style])
        rules.append(f"{rule}{{--ck-icon:{url}}}")
    return "\n".join(rules) + "\n"


def finish(site: Path) -> dict:
    """Rewrite the built pages as described above; return what was done (for the build log)."""
    site = Path(site)
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    script = site / "_static" / "scripts" / "fontawesome.js"
    paths = icon_paths(script.read_text(encoding="utf-8")) if script.exists() else {}
    used = used_icons(list(pages.values()))
    (site / "_static" / "icons.css").write_text(icon_css(paths, used), encoding="utf-8")
    for path, text in pages.items():
        depth = len(path.relative_to(site).parts) - 1
        link = f'<link rel="stylesheet" href="{"../" * depth}_static/icons.css" />'
        text = ICON_SCRIPT.sub("", text)
        text = THEBE.sub("", text)
        if path.name != "search.html":
            text = SEARCH_ASSETS.sub("", text)
        text = text.replace('dataset.mode = localStorage.getItem("mode") || "";',
                            'dataset.mode = localStorage.getItem("mode") || "light";')
        text = text.replace("</head>", f"  {link}\n</head>", 1)
        path.write_text(text, encoding="utf-8")
    return {"pages": len(pages), "icons": len(used), "missing icons": sorted(used - set(paths))}
