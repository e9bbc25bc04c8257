"""The benchmark's visits in Chromium (Debian's, driven by Playwright): first and repeat visits of a widget
page and of the bare Pyodide page, bytes on the wire, a throttled and a quick first visit, input-to-result
latency and instant navigation. Every visit starts from a new profile on disk."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Playwright, sync_playwright

from .common import LATENCY_PAGE, MARKS_JS, NAVIGATION_JS, PREFIX, TIMEOUT_MS, boot_steps, script, store_steps
from .server import StaticHost

CHROMIUM = os.environ.get("GUIDE_WIDGETS_CHROMIUM") or "/usr/bin/chromium"  # as the browser tests choose it
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
WIDGET_PAGE = "knowing-when-to-walk-away/"
PLAIN_PAGE = "understanding-the-damage/"
THROTTLED_RUNS = 2  # each throttled visit takes half a minute: two runs give the median of two
LATENCY_JS = script("latency.js")

# A freshly launched Chromium spends about a second of CPU on its own UI (the omnibox popup's WebUI renderer)
# in its first second; on two cores that competed with the page, and more with a short visit than a long one.
# Readers come back in a browser that is already running: every visit starts once the browser has settled.
SETTLE_S = 2.0


def launch(playwright: Playwright, profile: Path) -> BrowserContext:
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=FLAGS, locale="en-US", timezone_id="UTC")
    time.sleep(SETTLE_S)
    return context


def category(url: str) -> str:
    if "/assets/pyodide/" in url or "/bare/pyodide/" in url:
        return "pyodide"
    if "/assets/guide-widgets/" in url:
        return "widget assets"
    return "site"


def record_requests(context: BrowserContext) -> list[Any]:
    """Every request the context finishes from now on (its pages' and its workers')."""
    received: list[Any] = []
    context.on("requestfinished", lambda request: received.append(request))
    return received


def bytes_by_category(requests: list[Any]) -> dict[str, int]:
    """Bytes on the wire (headers and encoded body) per category of file."""
    transferred: dict[str, int] = {}
    for request in requests:
        sizes = request.sizes()
        key = category(request.url)
        transferred[key] = transferred.get(key, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return transferred


def bytes_by_file(requests: list[Any]) -> dict[str, int]:
    """Bytes on the wire per file (its path), largest first."""
    transferred: dict[str, int] = {}
    for request in requests:
        sizes = request.sizes()
        path = request.url.split("?", 1)[0].split("/", 3)[-1]
        transferred[path] = transferred.get(path, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return dict(sorted(transferred.items(), key=lambda item: -item[1]))


# Chromium's network emulation, close to Lighthouse's mobile profile ("fast 3G"-like): 150 ms round trips,
# 1.6 Mbit/s down, 750 kbit/s up. Set on the page's DevTools session; see `throttled_visit` below.
FAST_3G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
# A quick connection, as far as the page can tell (it then reports 10 Mbit/s, the most Chromium says): a fresh
# headless profile has measured nothing and rates the connection 1.55 Mbit/s, so pages boot Python themselves.
QUICK = {"offline": False, "latency": 0, "downloadThroughput": 125_000_000, "uploadThroughput": 125_000_000}


def quick(context: BrowserContext) -> None:
    page = context.pages[0] if context.pages else context.new_page()
    context.new_cdp_session(page).send("Network.emulateNetworkConditions", QUICK)


def throttled_visit(playwright: Playwright, profile: Path, url: str, mark: str) -> dict[str, Any]:
    """A first visit to `url` over FAST_3G until `mark`; with the worker's wasm download rate, which shows
    whether the emulation reached the worker's requests too."""
    context = launch(playwright, profile)
    received = record_requests(context)
    page = context.pages[0] if context.pages else context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", FAST_3G)
    page.goto(url)
    page.wait_for_function("name => performance.getEntriesByName(name).length", arg=mark, timeout=300_000)
    at = page.evaluate("name => performance.getEntriesByName(name)[0].startTime", mark)
    boot = page.evaluate("() => performance.getEntriesByName('guide-widgets:ready')[0]?.detail.boot")
    rate = None
    for request in received:
        if request.url.endswith(".wasm"):
            timing, size = request.timing, request.sizes()["responseBodySize"]
            seconds = (timing["responseEnd"] - timing["responseStart"]) / 1000
            rate = size / seconds if seconds > 0 else None
    context.close()
    return {"at_ms": at, "wasm_bytes_per_s": rate, "boot": boot}


def visit(context: BrowserContext, url: str, ready: str, result: str) -> dict[str, Any]:
    """Opens `url` in the profile's page, waits for the `result` mark, returns marks (ms) and bytes."""
    received = record_requests(context)
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(url)
    page.wait_for_function("name => performance.getEntriesByName(name).length", arg=result, timeout=TIMEOUT_MS)
    marks = page.evaluate(MARKS_JS, [ready, result])
    detail = dict(marks[ready]["detail"] or {})
    if "started" in detail:  # when the worker began, counted like the marks: from the page's navigation
        detail["worker_start_ms"] = round(detail["started"] - page.evaluate("() => performance.timeOrigin"))
    return {"ready_ms": marks[ready]["at"], "result_ms": marks[result]["at"], "detail": detail,
            "bytes": bytes_by_category(list(received)), "files": bytes_by_file(list(received)), "page": page}


def wait_for_snapshot(page: Any) -> Any:
    page.wait_for_function("() => performance.getEntriesByName('guide-widgets:snapshot-done').length",
                           timeout=TIMEOUT_MS)
    return page.evaluate("() => performance.getEntriesByName('guide-widgets:snapshot-done')[0].detail")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_browser(runs: int, work: Path, host: StaticHost, note: Callable[[str], None]) -> dict[str, Any]:
    site = host.origin + PREFIX
    bare = host.origin + "/bare/"
    rows: dict[str, list[Any]] = {k: [] for k in (
        "bare_cold", "bare_warm", "ours_cold", "ours_warm", "latency", "remembered", "navigation", "plain_bytes",
        "answer", "throttled_ours", "throttled_bare", "bare_quick", "prepared", "prepared_warm")}
    with sync_playwright() as playwright:
        for run in range(runs):
            note(f"run {run + 1} of {runs}")
            pairs = [("bare", bare, "bare:ready", "bare:result"),
                     ("ours", site + WIDGET_PAGE, "guide-widgets:ready", "guide-widgets:result")]
            for name, url, ready, result_mark in pairs if run % 2 == 0 else pairs[::-1]:
                profile = work / f"profile-{name}-{run}"
                context = launch(playwright, profile)
                cold = visit(context, url, ready, result_mark)
                if name == "ours":
                    cold["snapshot"] = wait_for_snapshot(cold["page"])
                    cold["snapshot_at"] = cold["page"].evaluate(
                        "() => performance.getEntriesByName('guide-widgets:snapshot-done')[0].startTime")
                context.close()
                context = launch(playwright, profile)
                warm = visit(context, url, ready, result_mark)
                if name == "ours":
                    warm_page = warm["page"]
                    warm_page.goto(site + LATENCY_PAGE)
                    warm_page.wait_for_selector("[data-gw-state=answered]", timeout=TIMEOUT_MS)
                    rows["latency"].extend(warm_page.evaluate(LATENCY_JS, -(-50 // runs)))  # 50 in all
                    # The same with "Remember my answers" on: every change is also written to storage.
                    warm_page.get_by_label("Remember my answers on this device").check()
                    rows["remembered"].extend(warm_page.evaluate(LATENCY_JS, -(-50 // runs)))
                context.close()
                for entry in (cold, warm):
                    entry.pop("page")
                rows[f"{name}_cold"].append(cold)
                rows[f"{name}_warm"].append(warm)

            # A first visit to the no-contact page, until its first answer is on the screen.
            context = launch(playwright, work / f"profile-answer-{run}")
            rows["answer"].append(visit(context, site + LATENCY_PAGE, "guide-widgets:ready",
                                        "guide-widgets:result")["result_ms"])
            context.close()

            # The same on a quick connection (the prepared Python), against the bare page on one; then the
            # repeat visit, which restores what the first one kept.
            context = launch(playwright, work / f"profile-bare-quick-{run}")
            quick(context)
            rows["bare_quick"].append(visit(context, bare, "bare:ready", "bare:result"))
            rows["bare_quick"][-1].pop("page")
            context.close()
            profile = work / f"profile-prepared-{run}"
            context = launch(playwright, profile)
            quick(context)
            prepared = visit(context, site + LATENCY_PAGE, "guide-widgets:ready", "guide-widgets:result")
            wait_for_snapshot(prepared.pop("page"))
            rows["prepared"].append(prepared)
            context.close()
            context = launch(playwright, profile)
            quick(context)
            warm = visit(context, site + LATENCY_PAGE, "guide-widgets:ready", "guide-widgets:result")
            warm.pop("page")
            rows["prepared_warm"].append(warm)
            context.close()
            if run < THROTTLED_RUNS:
                note(f"throttled run {run + 1} of {min(runs, THROTTLED_RUNS)}")
                rows["throttled_bare"].append(throttled_visit(playwright, work / f"profile-3g-bare-{run}", bare,
                                                              "bare:ready"))
                rows["throttled_ours"].append(throttled_visit(playwright, work / f"profile-3g-ours-{run}",
                                                              site + LATENCY_PAGE, "guide-widgets:result"))

            context = launch(playwright, work / f"profile-navigation-{run}")
            page = context.pages[0]
            page.goto(site + "taking-responsibility/")
            page.wait_for_selector("[data-gw-state=answered]", timeout=TIMEOUT_MS)
            rows["navigation"].append(page.evaluate(NAVIGATION_JS))
            assert page.evaluate("() => window.sameDocument === true"), "the navigation was not instant"
            context.close()

            context = launch(playwright, work / f"profile-plain-{run}")
            received = record_requests(context)
            page = context.pages[0]
            page.goto(site + PLAIN_PAGE)
            page.wait_for_load_state("load")
            page.wait_for_timeout(2000)  # time for anything late (a worker, say) to show up
            rows["plain_bytes"].append(bytes_by_category(received))
            context.close()
        version = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        chromium = version.version
        version.close()

    def median(key: str, field: str) -> float:
        return statistics.median(entry[field] for entry in rows[key])

    latency = rows["latency"]
    result: dict[str, Any] = {
        "chromium": chromium,
        "bare_cold_ready_ms": median("bare_cold", "ready_ms"), "bare_warm_ready_ms": median("bare_warm", "ready_ms"),
        "ours_cold_ready_ms": median("ours_cold", "ready_ms"), "ours_warm_ready_ms": median("ours_warm", "ready_ms"),
        "bare_cold_result_ms": median("bare_cold", "result_ms"),
        "bare_warm_result_ms": median("bare_warm", "result_ms"),
        "ours_cold_result_ms": median("ours_cold", "result_ms"),
        "ours_warm_result_ms": median("ours_warm", "result_ms"),
        "warm_boots": [entry["detail"] for entry in rows["ours_warm"]],
        "warm_steps_ms": {step: statistics.median(e["detail"].get(step, 0) for e in rows["ours_warm"])
                          for step in ("worker_start_ms", "runtime", "snapshot", "read", "python", "logic")},
        "cold_steps_ms": boot_steps(rows["ours_cold"]),
        "snapshot_steps_ms": store_steps([(e.get("snapshot") or {}).get("steps") or {} for e in rows["ours_cold"]]),
        "snapshot_stored_after_ready_ms": statistics.median(
            (e["snapshot_at"] - e["ready_ms"]) for e in rows["ours_cold"] if e.get("snapshot_at") is not None),
        "snapshots": [entry.get("snapshot") for entry in rows["ours_cold"]],
        "latency_p50_ms": percentile(latency, 0.5), "latency_p95_ms": percentile(latency, 0.95),
        "latency_samples": len(latency),
        "remembered_p50_ms": percentile(rows["remembered"], 0.5),
        "remembered_p95_ms": percentile(rows["remembered"], 0.95),
        "navigation_ms": statistics.median(rows["navigation"]),
        "widget_page_bytes": rows["ours_cold"][0]["bytes"], "bare_page_bytes": rows["bare_cold"][0]["bytes"],
        "widget_page_files": rows["ours_cold"][0]["files"],
        "first_visit_mb": sum(rows["ours_cold"][0]["bytes"].values()) / 1e6,
        "answer_ms": statistics.median(rows["answer"]),
        "throttled_ours_ms": statistics.median(e["at_ms"] for e in rows["throttled_ours"]),
        "throttled_bare_ms": statistics.median(e["at_ms"] for e in rows["throttled_bare"]),
        "throttled_wasm_bytes_per_s": [e["wasm_bytes_per_s"] for e in rows["throttled_ours"]],
        "throttled_boots": [e["boot"] for e in rows["throttled_ours"]],
        "bare_quick_ready_ms": median("bare_quick", "ready_ms"),
        "prepared_answer_ms": median("prepared", "result_ms"),
        "prepared_warm_result_ms": median("prepared_warm", "result_ms"),
        "prepared_boots": [e["detail"].get("boot") for e in rows["prepared"]],
        "prepared_steps_ms": boot_steps(rows["prepared"], ("runtime", "prepared", "fill", "download", "python", "logic")),
        "prepared_page_bytes": rows["prepared"][0]["bytes"],
        "prepared_page_files": rows["prepared"][0]["files"],
        "prepared_first_visit_mb": statistics.median(sum(e["bytes"].values()) for e in rows["prepared"]) / 1e6,
        "prepared_heap_mb": statistics.median(e["detail"].get("heap", 0) for e in rows["prepared"]) / 1e6,
        "plain_heap_mb": statistics.median(e["detail"].get("heap", 0) for e in rows["ours_cold"]) / 1e6,
        "plain_page_bytes": rows["plain_bytes"][0],
        "plain_page_pyodide_bytes": max(entry.get("pyodide", 0) for entry in rows["plain_bytes"]),
        "runs": {k: [{f: e[f] for f in e if f != "bytes"} if isinstance(e, dict) else e for e in v]
                 for k, v in rows.items() if k != "plain_bytes"},
    }
    result["cold_ready_ratio"] = result["ours_cold_ready_ms"] / result["bare_cold_ready_ms"]
    result["warm_ready_ratio"] = result["ours_warm_ready_ms"] / result["bare_warm_ready_ms"]
    result["answer_ratio"] = result["answer_ms"] / result["bare_cold_ready_ms"]
    result["throttled_ratio"] = result["throttled_ours_ms"] / result["throttled_bare_ms"]
    result["prepared_answer_ratio"] = result["prepared_answer_ms"] / result["bare_quick_ready_ms"]
    return result
