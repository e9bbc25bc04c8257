"""The built site served over HTTP the way a static host serves it, and Debian's Chromium driven by Playwright.

Every test's pages are watched: a request to any other origin, a console error, an uncaught exception or a
dialog fails the test when it ends, unless the test says which console errors it provokes on purpose.

Two kinds of page:
- `page` is in a fresh browser context (no cache, no storage): a reader's first visit. Tests about first
  visits, booting, storage or the network use it.
- `warm_page` is a new page in a context shared by the session, where Python has booted once and stored its
  snapshot, as for a reader coming back: Python is ready in about a second instead of several. Tests of what a
  widget does with answers use it. Between tests its pages are closed and its local storage cleared (the
  snapshot in Cache Storage and the HTTP cache stay); tests that store answers or register a service worker
  do not belong there.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from building import mkdocs_build
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from .site_server import SiteServer

ROOT = Path(__file__).resolve().parents[2]

# Debian's Chromium by default; GUIDE_WIDGETS_CHROMIUM names another (GitHub's Ubuntu runners have no such package).
CHROMIUM = os.environ.get("GUIDE_WIDGETS_CHROMIUM") or "/usr/bin/chromium"
# From ../shared/NOTES.md: what Debian's Chromium needs here, and nothing that phones home.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# The path GitHub Pages would serve this project site under: the path of `site_url` in mkdocs.yml.
SUB_PATH = "/making-amends/"


def build_for(url: str, site: Path, project: Path = ROOT, extra: str = "") -> Path:
    """A guide (ours unless told) built with `site_url` set to where it will be served, as an author deploying
    it would set it; `extra` is more YAML for its config.

    Material's instant navigation only takes over links that the sitemap lists, and the sitemap holds full
    URLs made from `site_url`: with the wrong address, every link is a full page load.
    """
    result = mkdocs_build(project, site, site_url=url, **(yaml.safe_load(extra) or {}))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """Our guide under a sub-path, as GitHub Pages serves a project site."""
    with SiteServer(SUB_PATH) as server:
        server.directory = build_for(server.url, tmp_path_factory.mktemp("sub-path-site"))
        yield server


@pytest.fixture(scope="session")
def root_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """Our guide at the root of its origin, as a user site or a custom domain serves it."""
    with SiteServer("/") as server:
        server.directory = build_for(server.url, tmp_path_factory.mktemp("root-site"))
        yield server


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """examples/savings: another author's guide with a widget kind of its own, under its sub-path."""
    with SiteServer("/saving/") as server:
        server.directory = build_for(server.url, tmp_path_factory.mktemp("example-site"), ROOT / "examples" / "savings")
        yield server


@pytest.fixture(scope="session")
def german_example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """examples/savings in German: its German guide, built with theme.language de."""
    config = yaml.safe_load((ROOT / "examples" / "savings" / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {**config["theme"], "language": "de"}
    extra = "docs_dir: docs-de\n" + yaml.safe_dump({"theme": theme}, allow_unicode=True)
    with SiteServer("/sparen/") as server:
        server.directory = build_for(server.url, tmp_path_factory.mktemp("german-site"), ROOT / "examples" / "savings",
                                     extra)
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium is missing: ./scripts/test installs it (apt-get install -y chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class Watch:
    """What a page did that a reader should never see: foreign requests, console errors, dialogs."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.origin = origin
        self.urls: list[str] = []
        self.foreign: list[str] = []
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.allowed: list[re.Pattern[str]] = []
        self.context = context
        context.on("request", self._request)
        context.on("page", self.page)

    def detach(self) -> None:
        """Stops watching the context (a shared one, once the test is over)."""
        self.context.remove_listener("request", self._request)
        self.context.remove_listener("page", self.page)

    def _request(self, request: Any) -> None:
        self.urls.append(request.url)
        if not request.url.startswith((self.origin + "/", "data:", "blob:")):
            self.foreign.append(request.url)

    def page(self, page: Page) -> None:
        page.on("console", lambda m: self._problem(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self._problem(f"uncaught: {e}"))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("worker", lambda w: w.on("console", lambda m: self._problem(m.text) if m.type == "error" else None))

    def allow(self, pattern: str) -> None:
        """Console errors matching `pattern` are expected in this test (it provokes them)."""
        self.allowed.append(re.compile(pattern))

    def _problem(self, text: str) -> None:
        if not any(p.search(text) for p in self.allowed):
            self.problems.append(text)

    def check(self) -> None:
        assert self.foreign == [], "requests left the site"
        assert self.problems == [], "console errors"
        assert self.dialogs == [], "dialogs opened"


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    """A context as a reader in English with UTC clocks has; the tests compute dates in UTC too."""
    return browser.new_context(locale="en-US", timezone_id="UTC", **options)


@contextmanager
def watched(browser: Browser, origin: str, **options: Any) -> Iterator[tuple[BrowserContext, Watch]]:
    """A fresh context whose pages are watched; the watch's findings fail the test at the end."""
    context = new_context(browser, **options)
    watcher = Watch(context, origin)
    yield context, watcher
    context.close()
    watcher.check()


# The snapshot a plain boot stores for the next visit (worker.js): once it is there, the context is warm.
SNAPSHOT_STORED = """() => performance.getEntriesByName("guide-widgets:snapshot-done")
    .some((mark) => mark.detail.stored)"""


class WarmContexts:
    """Browser contexts shared by the session, one per set of options (a colour scheme, say), each warmed by
    one visit to a widget page that stored Python's snapshot."""

    def __init__(self, browser: Browser, site: SiteServer) -> None:
        self.browser, self.site = browser, site
        self.contexts: dict[str, BrowserContext] = {}

    def get(self, **options: Any) -> BrowserContext:
        key = json.dumps(options, sort_keys=True)
        if key not in self.contexts:
            context = new_context(self.browser, accept_downloads=True, **options)
            page = context.new_page()
            page.goto(self.site.url + "the-no-contact-rule/")
            page.wait_for_function(SNAPSHOT_STORED, timeout=120_000)
            page.close()
            self.contexts[key] = context
        return self.contexts[key]

    @contextmanager
    def watched(self, **options: Any) -> Iterator[tuple[BrowserContext, Watch]]:
        context = self.get(**options)
        watcher = Watch(context, self.site.origin)
        try:
            yield context, watcher
        finally:
            for page in context.pages:
                if page.url.startswith(self.site.origin):
                    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
                page.close()
            watcher.detach()
        watcher.check()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="session")
def warm_contexts(browser: Browser, site: SiteServer) -> Iterator[WarmContexts]:
    contexts = WarmContexts(browser, site)
    yield contexts
    contexts.close()


@pytest.fixture
def warm_page(warm_contexts: WarmContexts) -> Iterator[Page]:
    """A new page where Python starts from the stored snapshot: for tests of what widgets do, not of first visits."""
    with warm_contexts.watched() as (context, _):
        yield context.new_page()


@pytest.fixture
def watch(browser: Browser, site: SiteServer) -> Iterator[tuple[BrowserContext, Watch]]:
    with watched(browser, site.origin, accept_downloads=True) as pair:
        yield pair


@pytest.fixture
def page(watch: tuple[BrowserContext, Watch]) -> Page:
    context, _ = watch
    return context.new_page()


@pytest.fixture
def watcher(watch: tuple[BrowserContext, Watch]) -> Watch:
    return watch[1]

