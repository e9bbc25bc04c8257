"""Every page carries a strict Content-Security-Policy, the theme and the widgets work under it, and hostile
text typed into a field is shown as text and never runs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import Watch
from .reader import APOLOGY, NO_CONTACT, QUIZ, open_page, ready, site_pages
from .site_server import SiteServer


@pytest.fixture
def page(warm_page: Page) -> Page:
    """What these tests check does not depend on a first visit: Python may start from the stored snapshot."""
    return warm_page


class HeadReader(HTMLParser):
    """The first element inside <head>, and the text of each script that a browser would run inline."""

    def __init__(self) -> None:
        super().__init__()
        self.first_in_head: tuple[str, dict[str, str]] | None = None
        self.in_head = False
        self.inline: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if self.in_head and self.first_in_head is None:
            self.first_in_head = (tag, values)
        self.in_head = self.in_head or tag == "head"
        if tag == "script" and "src" not in values and values.get("type", "") in ("", "module"):
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline.append("".join(self._script))
            self._script = None


def read_page(path: Path) -> HeadReader:
    reader = HeadReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def html_files(site: SiteServer) -> list[Path]:
    return sorted(p for p in site.directory.rglob("*.html") if "assets" not in p.parts)


def test_every_page_starts_its_head_with_a_strict_policy_listing_its_inline_scripts(site: SiteServer):
    pages = html_files(site)
    assert len(pages) >= 13  # every guide page, about, privacy and 404
    for path in pages:
        page = read_page(path)
        assert page.first_in_head is not None, path
        tag, attrs = page.first_in_head
        assert (tag, attrs.get("http-equiv")) == ("meta", "Content-Security-Policy"), path
        policy = directives(attrs["content"])
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, path
        assert "'wasm-unsafe-eval'" in scripts
        hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                  for s in page.inline}
        assert page.inline, f"{path}: the theme's inline scripts were not found"
        assert {s for s in scripts if s.startswith("'sha256-")} == hashes, path
        for sources in policy.values():
            assert not [s for s in sources if re.match(r"https?:|\*", s)], f"{path} allows another origin"
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]


def test_pages_load_the_widget_script_from_the_head_and_only_widget_pages_start_python(site: SiteServer):
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        head = text[:text.index("</head>")]
        assert 'type="module" async src="' in head and "guide-widgets/widgets.js" in head, path
        # "My plan" holds copies of every widget, but starts Python only once it has answers to work out.
        widget_page = 'data-gw-kind="' in text and "data-gw-plan-root" not in text
        assert ('<meta name="guide-widgets"' in head) == widget_page, path
        # The starter (start.js, inline) runs before the stylesheets, which would hold an inline script back,
        # and after the runtime facts it reads.
        starter = head.index("window.guideWidgetsStart")
        assert starter < head.index('<link rel="stylesheet"'), path
        assert not widget_page or head.index('<meta name="guide-widgets"') < starter, path
        assert text.find('<meta charset="utf-8">') < 1024, f"{path}: the charset must come in the first 1024 bytes"


def test_the_policy_is_enforced_an_injected_inline_script_does_not_run(watch: tuple[BrowserContext, Watch],
                                                                        site: SiteServer):
    context, watcher = watch
    watcher.allow("Content Security Policy")  # the refusal below is reported on the console, as it should be
    page = context.new_page()
    open_page(page, site, QUIZ)
    ready(page)
    page.evaluate("""() => { const s = document.createElement("script");
                             s.textContent = "window.injected = true"; document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected === undefined")
    assert len(watcher.problems) == 0


def test_material_palette_search_and_instant_navigation_work_under_the_policy(page: Page, site: SiteServer):
    open_page(page, site, "")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")

    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("apology")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    page.keyboard.press("Escape")

    page.evaluate("() => { window.sameDocument = true; }")
    page.locator(".md-nav--primary").get_by_role("link", name="The no-contact rule").click()
    expect(page).to_have_url(site.url + NO_CONTACT)
    ready(page)
    assert page.evaluate("() => window.sameDocument === true"), "the click reloaded the page"


HOSTILE = {
    "markup": '<img src=x onerror="window.pwned=1">',
    "script end": '</script><script>window.pwned=2</script>',
    "attribute": '" onmouseover="window.pwned=3" x="',
    "right to left and emoji": "\u05e1\u05dc\u05d9\u05d7\u05d4, but I was only joking \U0001F64F\U0001F3FD \u202eevil",
    "long": ("I hurt you, but you made me. " * 3500)[:100_000],
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_text_is_shown_as_text_and_never_runs(page: Page, site: SiteServer, kind: str):
    text = HOSTILE[kind]
    open_page(page, site, APOLOGY)
    region = ready(page)
    page.get_by_label("Something else (in your words)").fill(text[:500])
    page.get_by_label("Your draft apology (optional)").fill(f"{text} please")
    draft = region.locator(".gw-draft")
    expect(draft).to_have_text(f"{text} please", timeout=30_000)
    expect(region).to_contain_text(f"You will name: {text[:500].strip()}.")
    assert page.locator(".gw-widget img, .gw-widget script").count() == 0
    region.hover()
    assert page.evaluate("() => window.pwned === undefined")
    # The rest of the page still works: the next answer comes back as usual.
    page.get_by_label("Your draft apology (optional)").fill("I lied to you.")
    expect(region).not_to_contain_text("place in your draft")


def test_hostile_text_in_a_number_field_is_refused_at_the_field(page: Page, site: SiteServer):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    page.get_by_label("We both agreed on a break that ends on a date").check()
    days = page.get_by_label("Length of the break you agreed on, in days")
    days.fill("")
    days.press_sequentially("<b>3</b>")  # a number field keeps only what could be part of a number
    expect(region.locator(".gw-headline")).to_have_text("Day 0 of 3: the first full day is tomorrow")
    days.fill("")
    days.press_sequentially("1e5")
    expect(page.locator("[data-gw-message=days]")).to_have_text("Enter a whole number of days from 1 to 365.")


def test_every_page_runs_under_its_policy_without_a_violation(page: Page, site: SiteServer):
    # The watch fails the test on any console error, and Chromium reports each blocked script or style there.
    for path in site_pages(site.directory):
        open_page(page, site, path)
        page.wait_for_load_state("load")
        if path in (APOLOGY, NO_CONTACT, QUIZ):
            ready(page)
