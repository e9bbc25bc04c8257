"""The benchmark's visits in WebKitGTK's MiniBrowser (Safari's engine, driven by WebDriver; see
tests/browser/webkit.py): the bare page, the first answer on the no-contact page with and without the prepared
Python, a repeat visit, the next page by instant navigation, and the snapshot's storing. Without WebKit's parts
it says so and measures nothing."""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import LATENCY_PAGE, MARKS_JS, NAVIGATION_JS, PREFIX, ROOT, TIMEOUT_MS, boot_steps, store_steps
from .server import StaticHost


def page_marks(browser: Any, names: list[str]) -> dict[str, Any]:
    """The marks of those names in the open page, as {at, detail} by name (bench/js/marks.js)."""
    return browser.js("return (" + MARKS_JS + ")(arguments[0]);", names)


def visit(browser: Any, url: str, ready: str, result: str) -> dict[str, Any]:
    """Opens `url` in the browser, waits for the `result` mark, returns the marks (ms) and the ready detail."""
    browser.open(url)
    browser.wait("performance.getEntriesByName(arguments[0]).length", result, timeout=TIMEOUT_MS / 1000,
                 what=result)
    marks = page_marks(browser, [ready, result])
    return {"ready_ms": marks[ready]["at"], "result_ms": marks[result]["at"], "detail": marks[ready]["detail"]}


def bench_webkit(runs: int, work: Path, host: StaticHost, note: Callable[[str], None],
                 plain_prefix: str) -> dict[str, Any]:
    """The same visits in WebKitGTK's MiniBrowser (see tests/browser/webkit.py), each run in a new browser.
    Under automation WebKit keeps its caches in memory for the session: a repeat visit is a second visit in the
    same browser, as a reader's is."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser.webkit import WebKit, missing_parts

    if missing_parts():
        note(f"WebKit skipped: {', '.join(missing_parts())} missing (apt-get install -y webkit2gtk-driver xvfb)")
        return {}
    site = host.origin + PREFIX
    rows: dict[str, list[Any]] = {k: [] for k in ("bare", "answer", "cold", "warm", "navigation", "stored",
                                                  "stored_steps", "plain")}
    for run in range(runs):
        note(f"WebKit run {run + 1} of {runs}")
        browser = WebKit(work / f"webkit-{run}")
        try:
            rows["bare"].append(visit(browser, host.origin + "/bare/", "bare:ready", "bare:result"))
        finally:
            browser.close()
        browser = WebKit(work / f"webkit-plain-{run}")
        try:  # the same first visit on a build without the prepared Python
            rows["plain"].append(visit(browser, host.origin + plain_prefix + LATENCY_PAGE,
                                       "guide-widgets:ready", "guide-widgets:result"))
        finally:
            browser.close()
        browser = WebKit(work / f"webkit-answer-{run}")
        try:
            rows["answer"].append(visit(browser, site + LATENCY_PAGE, "guide-widgets:ready",
                                        "guide-widgets:result"))
            browser.wait("performance.getEntriesByName('guide-widgets:snapshot-done').length",
                         timeout=TIMEOUT_MS / 1000, what="the snapshot")
            marks = page_marks(browser, ["guide-widgets:ready", "guide-widgets:snapshot-done"])
            rows["stored"].append(marks["guide-widgets:snapshot-done"]["at"] - marks["guide-widgets:ready"]["at"])
            rows["stored_steps"].append((marks["guide-widgets:snapshot-done"]["detail"] or {}).get("steps") or {})
            rows["cold"].append(rows["answer"][-1])
            rows["warm"].append(visit(browser, site + LATENCY_PAGE, "guide-widgets:ready",
                                      "guide-widgets:result"))
            browser.open(site + "taking-responsibility/")
            browser.wait("document.querySelector('[data-gw-state=answered]')", timeout=TIMEOUT_MS / 1000)
            elapsed = browser.driver.execute_async_script(
                "const done = arguments[arguments.length - 1]; (" + NAVIGATION_JS + ")().then(done);")
            assert browser.js("return window.sameDocument === true"), "the navigation was not instant"
            rows["navigation"].append(elapsed)
        finally:
            browser.close()

    def median(key: str, field: str) -> float:
        return statistics.median(entry[field] for entry in rows[key])

    return {
        "webkit_bare_cold_ready_ms": median("bare", "ready_ms"),
        "webkit_answer_ms": median("answer", "result_ms"),
        "webkit_plain_answer_ms": median("plain", "result_ms"),
        "webkit_prepared_ratio": median("answer", "result_ms") / median("bare", "ready_ms"),
        "webkit_boots": [(e["detail"] or {}).get("boot") for e in rows["answer"]],
        "webkit_warm_result_ms": median("warm", "result_ms"),
        "webkit_navigation_ms": statistics.median(rows["navigation"]),
        "webkit_snapshot_stored_after_ready_ms": statistics.median(rows["stored"]),
        "webkit_snapshot_steps_ms": store_steps(rows["stored_steps"]),
        "webkit_cold_steps_ms": boot_steps(rows["cold"]),
        "webkit_warm_steps_ms": boot_steps(rows["warm"]),
        "webkit_runs": rows,
    }
