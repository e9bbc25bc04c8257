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
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from .builds import bench_scales, mkdocs
from .chromium import bench_browser
from .common import PLAIN_PREFIX, PREFIX, ROOT
from .report import machine, met, report
from .server import StaticHost
from .sites import bare_site, bench_long_guide, our_config, own_assets_gzip_kb, without_ready_python
from .webkit import bench_webkit


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
            bare = bare_site(work / "bare")
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
    results["targets"] = met(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(report(results, args.runs))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
