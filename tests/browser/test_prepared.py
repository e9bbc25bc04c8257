"""A first visit on a quick connection restores the Python made ready at build time; any fault falls back.

Chromium tells a page how fast it thinks the connection is (`navigator.connection.downlink`); a fresh headless
Chromium that has measured nothing says 1.55 Mbit/s, a slow connection. These tests tell it otherwise by its
network emulation: 1 Gbit/s is a quick connection, and costs no time.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from guide_widgets._internal.runtime.snapshot import read_snapshot
from playwright.sync_api import BrowserContext, Page, Route

from .conftest import Watch
from .reader import NO_CONTACT, QUIZ, READY_MS, SNAPSHOT_DONE, answer_quiz, expect_band, open_page, ready
from .site_server import SiteServer

PREPARED = re.compile(r"/assets/pyodide/python-ready-[0-9a-f]{12}\.gz$")
READY_DETAIL = "() => performance.getEntriesByName('guide-widgets:ready')[0].detail"


def quick_connection(context: BrowserContext, page: Page) -> None:
    """The browser believes the connection is quick (it reports 10 Mbit/s, its highest)."""
    session = context.new_cdp_session(page)
    session.send("Network.emulateNetworkConditions",
                 {"offline": False, "latency": 0, "downloadThroughput": 125e6, "uploadThroughput": 125e6})


def boot_of(page: Page) -> str:
    ready(page)
    return str(page.locator("[data-gw-kind]").get_attribute("data-gw-boot"))


def asked(watcher: Watch, pattern: re.Pattern[str]) -> list[str]:
    return [url for url in watcher.urls if pattern.search(url)]


def prepared_file(site: SiteServer) -> Path:
    files = sorted((site.directory / "assets" / "pyodide").glob("python-ready-*.gz"))
    assert len(files) == 1, files
    return files[0]


def facts(page: Page) -> dict[str, Any]:
    return dict(page.evaluate("() => JSON.parse(document.querySelector('meta[name=guide-widgets]').content)"))


def test_a_first_visit_on_a_quick_connection_restores_the_prepared_python(watch: tuple[BrowserContext, Watch],
                                                                          site: SiteServer):
    context, watcher = watch
    page = context.new_page()
    quick_connection(context, page)
    open_page(page, site, QUIZ)
    assert boot_of(page) == "prepared"
    answer_quiz(page, {3: 0, 7: 0, 9: 0, 11: 2, 12: 1, 15: 2})  # 6 of 9
    expect_band(page.locator("[data-gw-result]"), "It is time to step back")
    # It booted with the prepared file and the archive of what it left unimported, not the reduced library.
    prepared = facts(page)["prepared"]
    assert len(asked(watcher, PREPARED)) == 1
    assert asked(watcher, re.compile(re.escape(prepared["stdlib"]) + "$"))
    assert not asked(watcher, re.compile(re.escape(facts(page)["stdlib"]) + "$"))
    assert prepared["bytes"] == prepared_file(site).stat().st_size
    # The next visit restores what this one kept, without asking for the file again.
    page.wait_for_function(f"() => ({SNAPSHOT_DONE})().length", timeout=READY_MS)
    assert page.evaluate(SNAPSHOT_DONE)[0]["stored"] is True
    page.reload()
    assert boot_of(page) == "snapshot"
    answer_quiz(page, {3: 0, 7: 0, 9: 0, 12: 0, 14: 1, 15: 2})  # 3 of 9
    expect_band(page.locator("[data-gw-result]"), "No stop sign in your answers")
    assert len(asked(watcher, PREPARED)) == 1


def test_a_slow_connection_boots_python_itself_and_never_asks_for_the_prepared_python(
        watch: tuple[BrowserContext, Watch], site: SiteServer):
    context, watcher = watch
    page = context.new_page()  # a fresh Chromium rates the connection 1.55 Mbit/s
    open_page(page, site, NO_CONTACT)
    assert page.evaluate("() => navigator.connection.downlink") < 5
    assert boot_of(page) == "plain"
    assert asked(watcher, PREPARED) == []
    assert asked(watcher, re.compile(re.escape(facts(page)["stdlib"]) + "$"))


def test_a_snapshot_kept_by_an_earlier_visit_is_preferred_to_the_prepared_python(
        watch: tuple[BrowserContext, Watch], site: SiteServer):
    context, watcher = watch
    page = context.new_page()
    open_page(page, site, NO_CONTACT)  # slow: Python started by the page, which keeps a snapshot
    assert boot_of(page) == "plain"
    page.wait_for_function(f"() => ({SNAPSHOT_DONE})().length", timeout=READY_MS)
    quick_connection(context, page)
    open_page(page, site, QUIZ)
    assert boot_of(page) == "snapshot"
    assert asked(watcher, PREPARED) == []


def test_a_reader_saving_data_never_asks_for_the_prepared_python(watch: tuple[BrowserContext, Watch],
                                                                 site: SiteServer):
    context, watcher = watch
    page = context.new_page()
    quick_connection(context, page)
    page.add_init_script("Object.defineProperty(navigator.connection, 'saveData', {get: () => true})")
    open_page(page, site, NO_CONTACT)
    page.get_by_label("Length of the break you agreed on, in days").fill("12")
    assert boot_of(page) == "plain"
    assert asked(watcher, PREPARED) == []


def _regzip(raw: bytes) -> bytes:
    return gzip.compress(raw, mtime=0)


def _truncated(raw: bytes) -> bytes:
    return _regzip(raw[: len(raw) // 2])


def _foreign(raw: bytes) -> bytes:
    return _regzip(b"PK\x05\x06" + bytes(18))  # another file altogether: an empty zip


def _stale(raw: bytes) -> bytes:
    """Made by another build of the runtime: Pyodide's header names another build id."""
    _, _, runs, body = read_snapshot(raw)
    assert runs[0][0] == 0, "Pyodide's header is the first run"
    at = len(raw) - len(body) + 16  # the build id follows the header's four words
    return _regzip(raw[:at] + bytes(b ^ 0xFF for b in raw[at:at + 32]) + raw[at + 32:])


def _cut_stream(raw: bytes) -> bytes:
    return _regzip(raw)[:100_000]  # the gzip stream itself ends early


FAULTS: dict[str, Callable[[bytes], bytes]] = {
    "truncated": _truncated, "foreign": _foreign, "stale": _stale, "cut": _cut_stream,
}
# Why each was refused, as the worker reports it with "ready" (the reader sees only a plain boot): our own
# checks of the file, Pyodide's check of the build id (its message ends with the id it found), the browser's
# unpacking.
WHY = {"truncated": "incomplete", "foreign": "is not one", "stale": "got +: [0-9a-f]{64}",
       "cut": "fetch|network|[Dd]ecompress"}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_bad_prepared_python_falls_back_to_a_plain_boot(fault: str, watch: tuple[BrowserContext, Watch],
                                                          site: SiteServer):
    context, watcher = watch
    watcher.allow("[Ss]napshot")  # Pyodide may report the refused snapshot on the console
    raw = gzip.decompress(prepared_file(site).read_bytes())
    body = FAULTS[fault](raw)

    def serve(route: Route) -> None:
        route.fulfill(status=200, body=body, content_type="application/gzip")

    context.route(PREPARED, serve)
    page = context.new_page()
    quick_connection(context, page)
    open_page(page, site, QUIZ)
    assert boot_of(page) == "plain"
    assert re.search(WHY[fault], page.evaluate(READY_DETAIL)["preparedFailed"])
    answer_quiz(page, {3: 0, 7: 0, 9: 0, 11: 2, 12: 1, 15: 2})  # 6 of 9
    expect_band(page.locator("[data-gw-result]"), "It is time to step back")
    assert len(asked(watcher, PREPARED)) == 1
