"""Our own guide (docs/guide.md), built once per session by the real `mkdocs build --strict` (the
`built_site` fixture) and served by `mkdocs serve`: its pages, navigation and links, what its pages load,
and the widget script and styles as they are served."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from build_helpers import served_page
from conftest import ROOT

SECTIONS = ["safety-first", "understanding-the-damage", "taking-responsibility", "the-no-contact-rule",
            "investing-in-yourself", "knowing-when-to-walk-away", "if-they-get-in-touch", "rebuilding-trust",
            "frequently-asked-questions", "in-summary"]


def test_our_guide_has_a_page_per_section_in_document_order(built_site: Path):
    for slug in SECTIONS:
        assert (built_site / slug / "index.html").is_file()
    landing = (built_site / "index.html").read_text()
    assert "<h1 id=\"making-amends-after-hurting-a-partner\">Making amends after hurting a partner" in landing
    nav = landing.split('class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    positions = [nav.index(f'href="{slug}/"') for slug in SECTIONS]
    assert positions == sorted(positions)
    contents = landing.split('id="contents"', 1)[1]
    positions = [contents.index(f'href="{slug}/"') for slug in SECTIONS]
    assert positions == sorted(positions)
    assert not (built_site / "guide" / "index.html").exists()


def test_previous_and_next_links_follow_the_guide(built_site: Path):
    page = (built_site / "the-no-contact-rule" / "index.html").read_text()
    footer = page.split('class="md-footer__inner', 1)[1]
    assert 'href="../taking-responsibility/"' in footer
    assert 'href="../investing-in-yourself/"' in footer


def test_subheadings_fill_the_page_table_of_contents(built_site: Path):
    page = (built_site / "taking-responsibility" / "index.html").read_text()
    toc = page.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    assert 'href="#the-parts-of-a-sincere-apology"' in toc
    assert 'href="#showing-that-you-are-changing"' in toc


def test_links_between_sections_still_work_after_the_split(built_site: Path):
    walk_away = (built_site / "knowing-when-to-walk-away" / "index.html").read_text()
    assert 'href="../if-they-get-in-touch/"' in walk_away
    assert 'href="../safety-first/"' in walk_away
    no_contact = (built_site / "the-no-contact-rule" / "index.html").read_text()
    assert 'href="../investing-in-yourself/#a-stronger-support-system"' in no_contact


# --- What the pages load ------------------------------------------------------------------------------------

class _Resources(HTMLParser):
    """Collects every URL a page makes the browser load: scripts, styles, images, fonts, frames, media."""

    LOADING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("frame", "src"),
               ("source", "src"), ("source", "srcset"), ("audio", "src"), ("video", "src"), ("video", "poster"),
               ("embed", "src"), ("object", "data"), ("track", "src"), ("input", "src"), ("image", "href")}
    LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch",
                 "manifest", "apple-touch-icon", "shortcut icon"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if (tag, name) in self.LOADING:
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name \
                    else [value]
        if tag == "link" and values.get("rel", "").lower() in self.LINK_RELS:
            self.urls.append(values.get("href", ""))
        if "style" in values:
            self.styles.append(values["style"])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")


JS_WORKER = re.compile(r"new (?:Shared)?Worker\(\s*['\"]([^'\"]+)")


def _external(url: str) -> bool:
    parts = urlsplit(urljoin("https://site.invalid/page/", url))
    return parts.scheme not in ("data", "blob") and parts.netloc != "site.invalid"


def test_no_built_page_loads_anything_from_another_origin(built_site: Path):
    offenders: list[str] = []
    checked = 0
    for page in built_site.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        urls = parser.urls + [m.group(1) or m.group(2) for s in parser.styles for m in CSS_URL.finditer(s)]
        offenders += [f"{page.relative_to(built_site)}: {url}" for url in urls if url and _external(url)]
        checked += 1
    for sheet in built_site.rglob("*.css"):
        urls = [m.group(1) or m.group(2) for m in CSS_URL.finditer(sheet.read_text(encoding="utf-8"))]
        offenders += [f"{sheet.relative_to(built_site)}: {url}" for url in urls if _external(url)]
    for script in (built_site / "assets" / "guide-widgets").glob("*.js"):
        offenders += [f"{script.name}: {url}" for url in JS_WORKER.findall(script.read_text()) if _external(url)]
    assert checked > 10
    assert offenders == []


def test_the_walk_finds_an_external_resource(tmp_path: Path):
    """The walk above must be able to fail: a page with a CDN script is caught."""
    parser = _Resources()
    parser.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="/x.js"></script>'
                '<div style="background: url(//cdn.example.com/a.png)"></div>')
    urls = parser.urls + [m.group(1) or m.group(2) for s in parser.styles for m in CSS_URL.finditer(s)]
    assert [url for url in urls if _external(url)] == ["https://fonts.googleapis.com/css", "//cdn.example.com/a.png"]


def test_pages_without_widgets_carry_no_widget(built_site: Path):
    for slug in ("investing-in-yourself", "privacy", "about"):
        html = (built_site / slug / "index.html").read_text()
        assert "data-gw-kind" not in html
        assert "assets/pyodide" not in html


def test_the_dev_server_leaves_out_the_policy_so_live_reload_works(tmp_path: Path):
    # `mkdocs serve` injects an inline live-reload script into each page; a policy would refuse it.
    page, errors = served_page(ROOT, "making-amends/the-no-contact-rule/")
    assert 'data-gw-kind="period"' in page
    assert "livereload(" in page
    assert "Content-Security-Policy" not in page
    assert 'src="../assets/guide-widgets/widgets.js"' in page
    assert "Pages are served without their Content-Security-Policy" in errors


@pytest.mark.parametrize(("entry", "modules"), [
    ("widgets.js", {"python.js", "facts.js", "answers.js", "device.js", "memory.js", "pictures.js"}),
    ("worker.js", {"boot.js", "boot-kept.js", "boot-prepared.js", "boot-plain.js", "snapshot-store.js",
                   "snapshot-format.js"}),
])
def test_the_page_and_worker_scripts_are_served_as_one_file_with_every_module_they_import(
        built_site: Path, entry: str, modules: set[str]):
    from guide_widgets._internal.page.bundle import asset_path

    imported: set[str] = set()
    todo = [entry]
    while todo:
        source = asset_path(todo.pop()).read_text(encoding="utf-8")
        for name in re.findall(r'^import .* from "\./([\w-]+\.js)";$', source, flags=re.MULTILINE):
            if name not in imported:
                imported.add(name)
                todo.append(name)
    assert imported == modules
    served = (built_site / "assets" / "guide-widgets" / entry).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|export)\b", served, flags=re.MULTILINE)  # nothing left to fetch
    for name in imported:
        assert served.count(f"const __{name[:-3].replace('-', '_')} = (() => {{") == 1, name


def test_our_scripts_and_styles_are_served_without_comments_and_indentation_and_keep_their_strings():
    from guide_widgets._internal.page.bundle import ASSET_FILES, BUNDLED, asset_path, bundled, served_asset

    for name in ["start.js", *(path.name for path in asset_path("x").parent.glob("*.js"))]:
        source = asset_path(name).read_text(encoding="utf-8")
        # Lines lose their indentation, so no string may span lines: a template literal opened and closed on
        # every line (an odd count of backticks would leave one open), and no quoted string ending in a backslash.
        for number, line in enumerate(source.splitlines(), 1):
            assert line.count("`") % 2 == 0 and not line.rstrip().endswith("\\"), f"{name}:{number}"
    for name in ASSET_FILES:
        served = served_asset(name, {"storage": {}}).decode("utf-8")
        assert not re.search(r"^[ \t]|^\s*//|/\*", served, flags=re.MULTILINE), name
        source = bundled(name) if name in BUNDLED else asset_path(name).read_text(encoding="utf-8")
        assert len(served) < len(source), name
