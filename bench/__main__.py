"""The benchmark behind `scripts/bench`: our guide against baselines measured in the same run.

    build       mkdocs build of our guide, and of the guide repeated 8 and 32 times / the same pages built by plain
                Material (bench/builds.py)
    long guide  mkdocs build of a guide of over 100 KB (the test corpus' FAQ, its sections repeated)
    ready       a widget page / a bare page that boots Pyodide in a module worker and runs 1+1,
                on a first visit (cold) and a repeat visit (warm) with the same browser profile
    bytes       transferred on a first visit (compressed as GitHub Pages sends it, .wasm included), per file,
                for a page with widgets and one without
    throttled   a first visit over a "fast 3G"-like network (Chromium's network emulation: 150 ms, 1.6 Mbit/s
                down), for the no-contact page (first answer shown) and the bare page (1+1 answered)
    answer      a first visit to the no-contact page until its first answer is shown, against the bare page
    latency     input event to result in the page, p50 and p95 over 50 changes
    navigation  instant navigation to a second widget page, until its widget has answered
    prepared    a first visit on a quick connection, which restores the Python made ready at build time
                (Chromium told the connection is quick by its network emulation, 1 Gbit/s, as is the bare page
                it is compared with): first answer, bytes, Python's memory, and the repeat visit after it
    webkit      WebKitGTK's MiniBrowser (Safari's engine) in the same run: the bare page, the first answer on
                the no-contact page (WebKit does not rate connections, so it gets the prepared Python) and the
                same on a build without it, a repeat visit, the next page, the snapshot's storing, and where a
                boot's time goes (wasm download, Pyodide start with compiling, logic import) in each engine

Every browser run starts from a new profile on disk (a persistent context: an incognito one never caches
the wasm). Each number is the median of the runs. It prints a table and writes JSON; it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from guide_widgets._internal.page.bundle import starter_script
from playwright.sync_api import BrowserContext, Playwright, sync_playwright

from .builds import bench_scales, mkdocs
from .server import StaticHost

ROOT = Path(__file__).resolve().parent.parent
BARE = Path(__file__).resolve().parent / "bare"
CHROMIUM = os.environ.get("GUIDE_WIDGETS_CHROMIUM") or "/usr/bin/chromium"  # as the browser tests choose it
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PREFIX = "/making-amends/"
PLAIN_PREFIX = "/making-amends-without-ready-python/"  # the same guide built with `ready_python: false`
WIDGET_PAGE = "knowing-when-to-walk-away/"
PLAIN_PAGE = "understanding-the-damage/"
LATENCY_PAGE = "the-no-contact-rule/"
TIMEOUT_MS = 120_000
THROTTLED_RUNS = 2  # each throttled visit takes half a minute: two runs give the median of two
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# Our code that every widget page loads (plan.js only on "My plan"; start.js is inlined in every page's head).
# widgets.js is served with the modules it imports bundled in (runtime.py), the site's facts among them.
OWN_ASSETS = ("widgets.js", "worker.js", "widgets.css")

TARGETS = {
    "build_ratio": ("build / plain Material", "<=", 1.2),
    "build_ratio_8x": ("build of the guide repeated 8 times / plain Material", "<=", 1.2),
    "build_ratio_32x": ("build of the guide repeated 32 times / plain Material", "<=", 1.2),
    "long_guide_s": ("build of a 100 KB guide (s)", "<=", 3),
    "cold_ready_ratio": ("first visit: widget ready / bare ready", "<=", 1.05),
    "warm_ready_ratio": ("repeat visit: widget ready / bare ready", "<=", 0.3),
    "first_visit_mb": ("first visit of a widget page, transferred (MB)", "<=", 4.6),
    "prepared_first_visit_mb": ("first visit with the prepared Python, transferred (MB)", "<=", 6.5),
    "prepared_answer_ratio": ("quick first visit: first answer shown / bare ready", "<=", 0.6),
    "webkit_prepared_ratio": ("WebKit first visit: first answer shown / WebKit bare ready", "<=", 0.6),
    "answer_ratio": ("first visit: first answer shown / bare ready", "<=", 1.0),
    "throttled_ratio": ("throttled first visit: first answer shown / bare ready", "<=", 0.8),
    "latency_p95_ms": ("input to result, p95 (ms)", "<=", 50),
    "remembered_p95_ms": ("input to result with answers remembered, p95 (ms)", "<=", 50),
    "plain_page_pyodide_bytes": ("page without widgets: Pyodide bytes", "<=", 0),
    "own_assets_gzip_kb": ("our widget JS + CSS, gzipped (KB)", "<=", 15),
    "navigation_ms": ("second widget page after instant navigation (ms)", "<=", 100),
}


def our_config(site_url: str) -> str:
    return (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + f"\nsite_url: {site_url}\n"


def without_ready_python(site_url: str) -> str:
    """Our guide as built with `ready_python: false`: every first visit starts Python itself."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "guide_widgets" in plugin:
            plugin["guide_widgets"] = {**(plugin["guide_widgets"] or {}), "ready_python": False}
    config["site_url"] = site_url
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    return yaml.safe_dump(config, sort_keys=False)


LONG_GUIDE_SOURCE = ROOT / "tests" / "fixtures" / "corpus" / "garden" / "docs" / "guide.md"


def long_guide_project(folder: Path, size: int = 100_000) -> str:
    """A guide of at least `size` bytes: the 60 KB FAQ of the test corpus, its sections repeated under new
    slugs, as one docs folder with the plugin and the site's Markdown extensions."""
    text = LONG_GUIDE_SOURCE.read_text(encoding="utf-8")
    head, _, sections = text.partition("\n## ")
    body, copy = head, 0
    while len(body.encode()) < size:
        copy += 1
        body += "\n## " + re.sub(r"\{#([\w-]+)\}", rf"{{#\1-{copy}}}", sections)
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "guide.md").write_text(body, encoding="utf-8")
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("site_url")
    config["plugins"] = ["search", {"guide_widgets": {"guide": "guide.md"}}]  # the FAQ has no widgets
    config["markdown_extensions"] += ["footnotes", "abbr"]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra_css"] = []
    return yaml.safe_dump(config, sort_keys=False)


def bench_long_guide(runs: int, work: Path) -> dict[str, Any]:
    folder = work / "long-guide"
    config = long_guide_project(folder)
    times = [mkdocs(config, folder, work / f"long-{run}") for run in range(runs)]
    return {"long_guide_s": statistics.median(times),
            "long_guide_kb": (folder / "docs" / "guide.md").stat().st_size / 1000}


# --- The browser ----------------------------------------------------------------------------------------

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
# 1.6 Mbit/s down, 750 kbit/s up. Set on the page's DevTools session; see `throttle_reaches_worker` below.
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
    marks = page.evaluate("""names => Object.fromEntries(names.map(n => {
        const mark = performance.getEntriesByName(n)[0];
        return [n, mark ? {at: mark.startTime, detail: mark.detail} : null]; }))""", [ready, result])
    detail = dict(marks[ready]["detail"] or {})
    if "started" in detail:  # when the worker began, counted like the marks: from the page's navigation
        detail["worker_start_ms"] = round(detail["started"] - page.evaluate("() => performance.timeOrigin"))
    return {"ready_ms": marks[ready]["at"], "result_ms": marks[result]["at"], "detail": detail,
            "bytes": bytes_by_category(list(received)), "files": bytes_by_file(list(received)), "page": page}


def wait_for_snapshot(page: Any) -> Any:
    page.wait_for_function("() => performance.getEntriesByName('guide-widgets:snapshot-done').length",
                           timeout=TIMEOUT_MS)
    return page.evaluate("() => performance.getEntriesByName('guide-widgets:snapshot-done')[0].detail")


LATENCY_JS = """async (count) => {
    const widget = document.querySelector('[data-gw-kind="period"]');
    const input = widget.querySelector('input[name=days]');
    const output = widget.querySelector('[data-gw-result]');
    const times = [];
    for (let i = 0; i < count; i++) {
        const days = String(200 + i);  // every change gives a new result
        const shown = () => (output.querySelector('.gw-headline') || {}).textContent?.includes(`of ${days}`);
        const start = performance.now();
        const done = new Promise((resolve) => {
            const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(); } });
            observer.observe(output, {childList: true, subtree: true, characterData: true});
        });
        input.value = days;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await done;
        times.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return times;
}"""

NAVIGATION_JS = """async () => {
    const link = [...document.querySelectorAll('.md-nav--primary a')]
        .find((a) => a.textContent.trim() === 'The no-contact rule');
    const answered = () => document.querySelector('[data-gw-kind="period"][data-gw-state="answered"]');
    window.sameDocument = true;
    const start = performance.now();
    const done = new Promise((resolve) => {
        const observer = new MutationObserver(() => { if (answered()) { observer.disconnect(); resolve(); } });
        observer.observe(document.documentElement, {childList: true, subtree: true, attributes: true});
    });
    link.click();
    await done;
    return performance.now() - start;
}"""


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
            for name, url, ready, result in pairs if run % 2 == 0 else pairs[::-1]:
                profile = work / f"profile-{name}-{run}"
                context = launch(playwright, profile)
                cold = visit(context, url, ready, result)
                if name == "ours":
                    cold["snapshot"] = wait_for_snapshot(cold["page"])
                    cold["snapshot_at"] = cold["page"].evaluate(
                        "() => performance.getEntriesByName('guide-widgets:snapshot-done')[0].startTime")
                context.close()
                context = launch(playwright, profile)
                warm = visit(context, url, ready, result)
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
    result = {
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
        "cold_steps_ms": _steps(rows["ours_cold"]),
        "snapshot_steps_ms": _store_steps([(e.get("snapshot") or {}).get("steps") or {} for e in rows["ours_cold"]]),
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
        "prepared_steps_ms": _steps(rows["prepared"], ("runtime", "prepared", "fill", "download", "python", "logic")),
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


def _webkit_marks(browser: Any, names: list[str]) -> dict[str, Any]:
    return browser.js("""return Object.fromEntries(arguments[0].map((n) => {
        const mark = performance.getEntriesByName(n)[0];
        return [n, mark ? {at: mark.startTime, detail: mark.detail} : null]; }));""", names)


def _webkit_visit(browser: Any, url: str, ready: str, result: str) -> dict[str, Any]:
    browser.open(url)
    browser.wait("performance.getEntriesByName(arguments[0]).length", result, timeout=TIMEOUT_MS / 1000,
                 what=result)
    marks = _webkit_marks(browser, [ready, result])
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
            rows["bare"].append(_webkit_visit(browser, host.origin + "/bare/", "bare:ready", "bare:result"))
        finally:
            browser.close()
        browser = WebKit(work / f"webkit-plain-{run}")
        try:  # the same first visit on a build without the prepared Python
            rows["plain"].append(_webkit_visit(browser, host.origin + plain_prefix + LATENCY_PAGE,
                                               "guide-widgets:ready", "guide-widgets:result"))
        finally:
            browser.close()
        browser = WebKit(work / f"webkit-answer-{run}")
        try:
            rows["answer"].append(_webkit_visit(browser, site + LATENCY_PAGE, "guide-widgets:ready",
                                                "guide-widgets:result"))
            browser.wait("performance.getEntriesByName('guide-widgets:snapshot-done').length",
                         timeout=TIMEOUT_MS / 1000, what="the snapshot")
            marks = _webkit_marks(browser, ["guide-widgets:ready", "guide-widgets:snapshot-done"])
            rows["stored"].append(marks["guide-widgets:snapshot-done"]["at"] - marks["guide-widgets:ready"]["at"])
            rows["stored_steps"].append((marks["guide-widgets:snapshot-done"]["detail"] or {}).get("steps") or {})
            rows["cold"].append(rows["answer"][-1])
            rows["warm"].append(_webkit_visit(browser, site + LATENCY_PAGE, "guide-widgets:ready",
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
        "webkit_snapshot_steps_ms": _store_steps(rows["stored_steps"]),
        "webkit_cold_steps_ms": _steps(rows["cold"]),
        "webkit_warm_steps_ms": _steps(rows["warm"]),
        "webkit_runs": rows,
    }


def _store_steps(entries: list[dict[str, Any]]) -> dict[str, float]:
    """Where storing the snapshot's time goes, medians (ms): opening the cache, packing, writing."""
    return {step: statistics.median(e.get(step) or 0 for e in entries) for step in ("open", "pack", "put")}


def _steps(entries: list[dict[str, Any]],
           steps: tuple[str, ...] = ("runtime", "download", "python", "logic", "memory")) -> dict[str, float]:
    """Where a boot's time goes, medians (ms): the wasm's download, Pyodide's start (compiling and, on a
    repeat visit, restoring included), the logic's import; with the prepared Python, also its download and
    filling it in."""
    return {step: statistics.median((e["detail"] or {}).get(step) or 0 for e in entries) for step in steps}


def own_assets_gzip_kb(site: Path) -> float:
    folder = site / "assets" / "guide-widgets"
    inlined = len(gzip.compress(starter_script().encode(), 9))
    return (inlined + sum(len(gzip.compress((folder / name).read_bytes(), 9)) for name in OWN_ASSETS)) / 1024


def machine() -> dict[str, Any]:
    model = ""
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {"date": datetime.date.today().isoformat(), "os": platform.platform(), "cpu": model,
            "cores": os.cpu_count(), "python": platform.python_version()}


def table(results: dict[str, Any]) -> str:
    def kb(n: float) -> str:
        return f"{n / 1024:,.0f} KB"

    b = results
    widget_bytes = b["widget_page_bytes"]
    rows = [
        *((f"Build, {b[f'build_{n}x']['pages']} pages (s)", f"{b[f'build_{n}x']['ours_s']:.2f}",
           f"{b[f'build_{n}x']['plain_material_s']:.2f} plain Material", "build_ratio" + ("" if n == 1 else f"_{n}x"))
          for n in (1, 8, 32)),
        (f"Build of a {b['long_guide_kb']:.0f} KB guide (s)", f"{b['long_guide_s']:.2f}", "", "long_guide_s"),
        ("First visit: widget ready (ms)", f"{b['ours_cold_ready_ms']:.0f}", f"{b['bare_cold_ready_ms']:.0f} bare",
         "cold_ready_ratio"),
        ("First visit: first result (ms)", f"{b['ours_cold_result_ms']:.0f}", f"{b['bare_cold_result_ms']:.0f} bare",
         None),
        ("First visit, no-contact page: first answer shown (ms)", f"{b['answer_ms']:.0f}",
         f"{b['bare_cold_ready_ms']:.0f} bare ready", "answer_ratio"),
        ("Quick first visit (prepared Python), no-contact page: first answer shown (ms)",
         f"{b['prepared_answer_ms']:.0f}", f"{b['bare_quick_ready_ms']:.0f} bare ready", "prepared_answer_ratio"),
        ("Throttled first visit (fast 3G, Python started by the page): first answer shown (ms)",
         f"{b['throttled_ours_ms']:.0f}", f"{b['throttled_bare_ms']:.0f} bare ready", "throttled_ratio"),
        ("Repeat visit: widget ready (ms)", f"{b['ours_warm_ready_ms']:.0f}", f"{b['bare_warm_ready_ms']:.0f} bare",
         "warm_ready_ratio"),
        ("Repeat visit: first result (ms)", f"{b['ours_warm_result_ms']:.0f}", f"{b['bare_warm_result_ms']:.0f} bare",
         None),
        ("Input to result, p50 / p95 (ms)", f"{b['latency_p50_ms']:.1f} / {b['latency_p95_ms']:.1f}", "",
         "latency_p95_ms"),
        ("Input to result, answers remembered, p50 / p95 (ms)",
         f"{b['remembered_p50_ms']:.1f} / {b['remembered_p95_ms']:.1f}", "", "remembered_p95_ms"),
        ("Second widget page, instant navigation (ms)", f"{b['navigation_ms']:.0f}", "", "navigation_ms"),
        ("First visit bytes, widget page", " + ".join(f"{k} {kb(v)}" for k, v in sorted(widget_bytes.items())),
         f"{kb(sum(b['bare_page_bytes'].values()))} bare", "first_visit_mb"),
        ("... its largest files", ", ".join(f"{k.rsplit('/', 1)[-1]} {kb(v)}"
                                            for k, v in list(b["widget_page_files"].items())[:5]), "", None),
        ("First visit bytes, prepared Python",
         " + ".join(f"{k} {kb(v)}" for k, v in sorted(b["prepared_page_bytes"].items())), "",
         "prepared_first_visit_mb"),
        ("... its largest files", ", ".join(f"{k.rsplit('/', 1)[-1]} {kb(v)}"
                                            for k, v in list(b["prepared_page_files"].items())[:5]), "", None),
        ("Python's memory (MB), prepared / started by the page",
         f"{b['prepared_heap_mb']:.1f} / {b['plain_heap_mb']:.1f}", "", None),
        ("Repeat visit after a prepared one: first result (ms)", f"{b['prepared_warm_result_ms']:.0f}",
         f"{b['bare_warm_result_ms']:.0f} bare ready", None),
        ("First visit bytes, page without widgets",
         " + ".join(f"{k} {kb(v)}" for k, v in sorted(b["plain_page_bytes"].items())), "",
         "plain_page_pyodide_bytes"),
        ("Our widget JS + CSS, gzipped (KB)", f"{b['own_assets_gzip_kb']:.1f}", "", "own_assets_gzip_kb"),
    ]
    lines = ["| measure | ours | baseline | ratio / value | target | met |", "| --- | --- | --- | --- | --- | --- |"]
    for label, ours, base, key in rows:
        if key is None:
            lines.append(f"| {label} | {ours} | {base} | | | |")
            continue
        _, op, limit = TARGETS[key]
        value = b[key]
        shown = f"{value:.2f}×" if key.endswith("ratio") else f"{value:,.1f}"
        met = "yes" if value <= limit else "**no**"
        lines.append(f"| {label} | {ours} | {base} | {shown} | {op} {limit} | {met} |")
    return "\n".join(lines)


def webkit_table(b: dict[str, Any]) -> str:
    """WebKit beside Chromium, from the same run, and where a first and a repeat visit's time goes."""
    rows = [
        ("Bare Pyodide page, first visit: ready", b["webkit_bare_cold_ready_ms"], b["bare_cold_ready_ms"]),
        ("No-contact page, first visit (prepared in WebKit, quick in Chromium): first answer shown",
         b["webkit_answer_ms"], b["prepared_answer_ms"]),
        ("The same, Python started by the page", b["webkit_plain_answer_ms"], b["answer_ms"]),
        ("Repeat visit: first result", b["webkit_warm_result_ms"], b["ours_warm_result_ms"]),
        ("Next page by instant navigation, answered", b["webkit_navigation_ms"], b["navigation_ms"]),
        ("Snapshot stored, after ready", b["webkit_snapshot_stored_after_ready_ms"],
         b["snapshot_stored_after_ready_ms"]),
    ]
    lines = ["| measure (ms) | WebKit | Chromium | WebKit / Chromium |", "| --- | --- | --- | --- |"]
    lines += [f"| {label} | {w:.0f} | {c:.0f} | {w / c:.2f}× |" for label, w, c in rows]
    lines.append(f"| First answer (prepared) / own bare ready | {b['webkit_prepared_ratio']:.2f}× | "
                 f"{b['prepared_answer_ratio']:.2f}× | target <= 0.6× |")
    lines.append(f"| First answer (started by the page) / own bare ready | "
                 f"{b['webkit_plain_answer_ms'] / b['webkit_bare_cold_ready_ms']:.2f}× | {b['answer_ratio']:.2f}× | |")
    for visit, key in (("first visit", "cold_steps_ms"), ("repeat visit", "warm_steps_ms")):
        chromium = b[key]
        webkit = b[f"webkit_{key}"]
        for step, what in (("download", "wasm download"), ("python", "Pyodide start (compile included)"),
                           ("logic", "logic import"), ("memory", "snapshot made")):
            if step in chromium or step in webkit:
                lines.append(f"| {visit}: {what} | {webkit.get(step, 0):.0f} | {chromium.get(step, 0):.0f} | |")
    for step, what in (("open", "opening the cache"), ("pack", "packing"), ("put", "writing")):
        lines.append(f"| storing the snapshot: {what} | {b['webkit_snapshot_steps_ms'][step]:.0f} | "
                     f"{b['snapshot_steps_ms'][step]:.0f} | |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per measure; each row is their median (5)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "latest.json",
                        help="where to write the numbers (bench-results/latest.json)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    def note(text: str) -> None:
        print(f"bench: {text}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="guide-bench-") as temp:
        work = Path(temp)
        roots: dict[str, Path] = {}
        with StaticHost(roots) as host:
            note("building the guide for the benchmark server")
            site = work / "site"
            mkdocs(our_config(host.origin + PREFIX), ROOT, site)
            plain_site = work / "site-without-ready-python"
            mkdocs(without_ready_python(host.origin + PLAIN_PREFIX), ROOT, plain_site)
            bare = work / "bare"
            shutil.copytree(BARE, bare)
            (bare / "pyodide").mkdir()
            for name in PYODIDE_FILES:
                shutil.copy2(ROOT / "node_modules" / "pyodide" / name, bare / "pyodide" / name)
            roots.update({PREFIX: site, PLAIN_PREFIX: plain_site, "/bare/": bare})
            note(f"timing {args.runs} builds of ours and of plain Material")
            results: dict[str, Any] = {"machine": machine(), **bench_scales(args.runs, work / "builds")}
            note(f"timing {args.runs} builds of a 100 KB guide")
            results.update(bench_long_guide(args.runs, work / "builds"))
            note("visiting pages in Chromium")
            results.update(bench_browser(args.runs, work / "profiles", host, note))
            note("visiting pages in WebKit")
            results.update(bench_webkit(args.runs, work / "webkit", host, note, PLAIN_PREFIX))
            results["own_assets_gzip_kb"] = own_assets_gzip_kb(site)
    results["targets"] = {k: {"what": w, "limit": limit, "met": results[k] <= limit}
                          for k, (w, _, limit) in TARGETS.items() if k in results}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    m = results["machine"]
    print(f"{m['date']}, {m['cpu']} ({m['cores']} cores), {m['os']}, Chromium {results['chromium']}, "
          f"{args.runs} runs, medians\n")
    print(table(results))
    steps = results["warm_steps_ms"]
    print("\nRepeat visit, where the time goes (medians, ms): the worker starts at "
          f"{steps['worker_start_ms']:.0f}; then importing pyodide.mjs {steps['runtime']:.0f}, finding the snapshot "
          f"{steps['snapshot']:.0f} and reading it {steps['read']:.0f} (alongside), restoring Python "
          f"{steps['python']:.0f} (reading included), importing the logic {steps['logic']:.0f}.")
    steps = results["prepared_steps_ms"]
    print("\nQuick first visit (prepared Python), where the time goes (medians, ms): importing pyodide.mjs "
          f"{steps['runtime']:.0f}; alongside, the prepared file {steps['prepared']:.0f} and the wasm "
          f"{steps['download']:.0f}; Pyodide's start with restoring {steps['python']:.0f} (waiting for both "
          f"included; filling in the runtime's own bytes {steps['fill']:.0f}); importing the logic "
          f"{steps['logic']:.0f}. Boots: {', '.join(map(str, results['prepared_boots']))}; throttled: "
          f"{', '.join(map(str, results['throttled_boots']))}.")
    if "webkit_answer_ms" in results:
        print("\n" + webkit_table(results))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
