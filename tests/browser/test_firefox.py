"""Firefox too: Debian's firefox-esr walks the guide, driven over WebDriver BiDi (tests/browser/firefox_smoke.mjs).

Playwright drives only its own patched Firefox, so a small puppeteer-core script drives the stock one: every
page, each widget (remembered), instant navigation, My plan after a full load and the 404 page, with no
console error and no request to another origin.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .pictures import NODES, PAGE, SCHEMES, check, drawing_site
from .reader import site_pages
from .site_server import SiteServer

# Debian's firefox-esr by default; GUIDE_WIDGETS_FIREFOX names another (GitHub's runners have their own Firefox).
FIREFOX = os.environ.get("GUIDE_WIDGETS_FIREFOX") or "/usr/bin/firefox-esr"


def test_a_reader_walks_the_guide_in_firefox(site: SiteServer):
    if not Path(FIREFOX).exists():
        pytest.skip(f"Firefox is not installed at {FIREFOX}: apt-get install -y firefox-esr (./scripts/test does "
                    "this when run as root), or name another Firefox in GUIDE_WIDGETS_FIREFOX")
    result = subprocess.run(
        ["node", str(Path(__file__).with_name("firefox_smoke.mjs")), FIREFOX, site.url,
         json.dumps(site_pages(site.directory))],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )
    lines = result.stdout.strip().splitlines()
    assert lines, f"the Firefox script printed nothing: {result.stderr}"
    report = json.loads(lines[-1])
    assert report["failed"] is None, report["failed"]
    assert report["problems"] == []
    assert len(report["steps"]) == 7, report["steps"]
    # The watch saw the pages' requests, the worker's included, so "no request elsewhere" means something.
    assert any(url.endswith("/assets/pyodide/pyodide.asm.wasm") for url in report["seen"]), report["seen"][:20]
    # Python really ran in Firefox: the worker fetched the runtime and the logic from this site.
    assert site.count("/assets/pyodide/pyodide.asm.wasm") >= 1
    assert any("/assets/guide-widgets/logic-" in path for path in site.requested)


def test_firefox_draws_each_picture_as_its_reviewed_reference(tmp_path: Path, request: pytest.FixtureRequest):
    if not Path(FIREFOX).exists():
        pytest.skip(f"Firefox is not installed at {FIREFOX}: apt-get install -y firefox-esr (./scripts/test does "
                    "this when run as root), or name another Firefox in GUIDE_WIDGETS_FIREFOX")
    with drawing_site(tmp_path / "site") as server:
        out = tmp_path / "shots"
        out.mkdir()
        result = subprocess.run(["node", str(Path(__file__).with_name("firefox_pictures.mjs")), FIREFOX,
                                 server.url + PAGE, json.dumps(list(NODES)), str(out)],
                                capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    shots = {(scheme, name): (out / f"{scheme}-{name}.png").read_bytes() for scheme in SCHEMES for name in NODES}
    assert check("firefox", shots, request.config.getoption("--update-golden")) == []
