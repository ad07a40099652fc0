"""The website's building blocks, without a browser: widgets drawn from saved state, alt text
from the figure descriptions, the table of contents from lessons.toml, light pages."""
import json
from pathlib import Path

import nbformat
import pytest

from coursekit.course import site, site_post, site_widgets
from coursekit.course.execute import BuildError
from coursekit.course.lessons import lessons

ROOT = Path(__file__).resolve().parents[2]


def _models():
    ref = site_widgets._REF
    return {
        "box": {"model_name": "VBoxModel", "state": {"children": [ref + "s", ref + "d", ref + "o", ref + "t"]}},
        "s": {"model_name": "IntSliderModel", "state": {"description": "security", "min": 1, "max": 7, "value": 2}},
        "d": {"model_name": "DropdownModel", "state": {"description": "Importance:", "index": 1,
                                                        "_options_labels": ["stated", "derived"]}},
        "t": {"model_name": "ToggleButtonsModel", "state": {"index": 0, "_options_labels": ["means", "midpoints"]}},
        "o": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo="}, "metadata": {}}]}},
    }


def test_saved_widget_state_is_drawn_as_plain_html():
    html = site_widgets.render_view("box", _models())
    assert 'value="2"' in html and "security" in html
    assert "<option selected>derived</option>" in html
    assert 'aria-pressed="true"' in html and "means" in html
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in html
    assert "<script" not in html and "respond when you run the notebook" in html
    assert site_widgets.render_view("missing", _models()) == ""


def test_widget_views_are_replaced_in_a_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {site_widgets.WIDGET_STATE: {"state": _models()}}
    nb.cells = [nbformat.v4.new_code_cell("w", outputs=[nbformat.v4.new_output(
        "display_data", data={site_widgets.WIDGET_VIEW: {"model_id": "box"}, "text/plain": "VBox()"})])]
    assert site_widgets.replace_widget_views(nb) == 1
    assert "widgets" not in nb.metadata
    assert set(nb.cells[0].outputs[0]["data"]) == {"text/html"}


def test_lesson_figures_get_their_description_as_alt_text_and_markers_are_hidden():
    nb = site._notebook_for_site(ROOT / "notebooks" / "01_moments_of_truth.ipynb")
    figures = [c for c in nb.cells if c.cell_type == "code"
               and any("image/png" in (o.get("data") or {}) for o in c.outputs)]
    assert figures and all(c.metadata["mystnb"]["image"]["alt"] for c in figures)
    assert not any(c.source.startswith("# NBVAL_CHECK_OUTPUT") for c in nb.cells)


def test_table_of_contents_follows_lessons_toml(tmp_path):
    source = site.stage(tmp_path / "book", site.load_config())
    toc = (source / "_toc.yml").read_text()
    ready = [i for i in lessons() if (ROOT / "notebooks" / i.notebook).exists()]
    positions = [toc.index(f"notebooks/{i.slug}") for i in ready]
    assert positions == sorted(positions) and "root: index" in toc
    for part in ("Lessons", "Exercises", "Reference", "For instructors", "About"):
        assert f'caption: "{part}"' in toc
    config = json.loads((source / "_config.yml").read_text())
    assert config["execute"]["execute_notebooks"] == "off"
    assert config["launch_buttons"]["jupyterhub_url"] == site.load_config().jupyterhub_url
    assert config["sphinx"]["config"]["nb_ipywidgets_js"] == {}
    assert "dollarmath" not in config["parse"]["myst_enable_extensions"]


def test_glossary_page_holds_every_term_in_both_languages(tmp_path):
    from coursekit.course.site_pages import glossary_page
    import coursekit as ck

    page = glossary_page()
    for row in ck.glossary().itertuples():
        assert row.term in page and row.term_zh in page


def test_never_writes_over_a_folder_it_did_not_make(tmp_path):
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "my-notes.txt").write_text("mine")
    with pytest.raises(BuildError, match="already holds files that build-site did not make"):
        site.build_site(mine)
    assert (mine / "my-notes.txt").read_text() == "mine"


FAKE_FONTAWESOME = ('var p={github:[496,512,[],"f09b","M1 1z"]};d("fab",p),d("fa-brands",p);'
                    'var p={"file":[384,512,[],"f15b","M2 2z"]};d("far",p),d("fa-regular",p);'
                    'var p={bars:[448,512,["navicon"],"f0c9","M3 3z"],"file":[384,512,[],"f15b","M4 4z"]};'
                    'd("fas",p),d("fa-solid",p);')


def test_icons_are_taken_from_their_own_style():
    paths = site_post.icon_paths(FAKE_FONTAWESOME)
    assert paths[("fab", "github")] == (496, 512, "M1 1z")
    assert paths[("far", "file")][2] == "M2 2z" and paths[("fas", "file")][2] == "M4 4z"
    used = site_post.used_icons(['<i class="fas fa-file"></i><i class="fa-solid fa-bars fa-lg"></i>'])
    assert used == {("fas", "file"), ("fas", "bars")}
    css = site_post.icon_css(paths, used)
    assert ".fas.fa-file" in css and "M4 4z" in css and "M2 2z" not in css


def test_finishing_drops_heavy_and_remote_scripts(tmp_path):
    (tmp_path / "_static" / "scripts").mkdir(parents=True)
    (tmp_path / "_static" / "scripts" / "fontawesome.js").write_text(FAKE_FONTAWESOME)
    page = ('<html><head><script defer src="_static/scripts/fontawesome.js?digest=1"></script>'
            '<script>const THEBE_JS_URL = "https://unpkg.com/thebe"; const x = 1</script>'
            '<script src="_static/searchtools.js"></script><script src="searchindex.js"></script>'
            '<script>document.documentElement.dataset.mode = localStorage.getItem("mode") || "";</script>'
            '</head><body><i class="fas fa-bars"></i></body></html>')
    (tmp_path / "about.html").write_text(page)
    (tmp_path / "search.html").write_text(page)
    site_post.finish(tmp_path)
    about, search = (tmp_path / "about.html").read_text(), (tmp_path / "search.html").read_text()
    assert "fontawesome.js" not in about and "THEBE" not in about and "unpkg" not in about
    assert "searchindex.js" not in about and "searchindex.js" in search
    assert '_static/icons.css' in about and '|| "light"' in about
    assert "M3 3z" in (tmp_path / "_static" / "icons.css").read_text()


def test_instructor_guide_links_every_printable_worksheet(tmp_path):
    from coursekit.course.worksheets import SHEETS

    source = site.stage(tmp_path / "book", site.load_config())
    page = (source / "instructors" / "worksheets.md").read_text(encoding="utf-8")
    made = sorted((source / "_extra" / "worksheets").glob("*.html"))
    names = {p.name for p in made} - {"index.html"}
    assert len(names) == len(SHEETS)
    for sheet in (make() for make in SHEETS):
        assert f"[{sheet.title} · {sheet.title_zh}](../worksheets/{sheet.name})" in page
        assert sheet.name in names
    assert "instructors/worksheets" in (source / "_toc.yml").read_text()
