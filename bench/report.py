"""The benchmark's report: the targets each measure is held to, the machine it ran on, the table printed
after a run (Chromium against the baselines), WebKit beside Chromium, and where a boot's time goes."""

from __future__ import annotations

import datetime
import os
import platform
from pathlib import Path
from typing import Any

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


def met(results: dict[str, Any]) -> dict[str, Any]:
    """Each target the results have a number for: what it is, its limit, and whether the number meets it."""
    return {k: {"what": w, "limit": limit, "met": results[k] <= limit}
            for k, (w, _, limit) in TARGETS.items() if k in results}


def report(results: dict[str, Any], runs: int) -> str:
    """All that a run prints: the machine, the table, where the time of a repeat visit and of a quick first
    visit goes, and WebKit's table when WebKit ran."""
    m = results["machine"]
    parts = [f"{m['date']}, {m['cpu']} ({m['cores']} cores), {m['os']}, Chromium {results['chromium']}, "
             f"{runs} runs, medians\n", table(results)]
    steps = results["warm_steps_ms"]
    parts.append("\nRepeat visit, where the time goes (medians, ms): the worker starts at "
                 f"{steps['worker_start_ms']:.0f}; then importing pyodide.mjs {steps['runtime']:.0f}, finding the "
                 f"snapshot {steps['snapshot']:.0f} and reading it {steps['read']:.0f} (alongside), restoring Python "
                 f"{steps['python']:.0f} (reading included), importing the logic {steps['logic']:.0f}.")
    steps = results["prepared_steps_ms"]
    parts.append("\nQuick first visit (prepared Python), where the time goes (medians, ms): importing pyodide.mjs "
                 f"{steps['runtime']:.0f}; alongside, the prepared file {steps['prepared']:.0f} and the wasm "
                 f"{steps['download']:.0f}; Pyodide's start with restoring {steps['python']:.0f} (waiting for both "
                 f"included; filling in the runtime's own bytes {steps['fill']:.0f}); importing the logic "
                 f"{steps['logic']:.0f}. Boots: {', '.join(map(str, results['prepared_boots']))}; throttled: "
                 f"{', '.join(map(str, results['throttled_boots']))}.")
    if "webkit_answer_ms" in results:
        parts.append("\n" + webkit_table(results))
    return "\n".join(parts)
