"""The sizes of the Python made ready at build time, measured once (pins.py), are what a build of our guide
makes, and the manual's pages that quote them say the same."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from conftest import ROOT
from guide_widgets._internal.pins import PREPARED_EXTRA_MB, PREPARED_SITE_MB

TOLERANCE_MB = 0.3
"""How far a figure may move before it is measured again: it is said as "about", to one decimal."""
MB = 1_000_000


def _boot_facts(site: Path) -> dict:
    """The facts a widget page's head boots Python with: the archives' and the prepared Python's names."""
    page = (site / "knowing-when-to-walk-away" / "index.html").read_text(encoding="utf-8")
    return json.loads(html.unescape(re.search(r'<meta name="guide-widgets" content="([^"]+)"', page).group(1)))


def _measured(site: Path) -> tuple[float, float]:
    """(what a first visit downloads more with the prepared Python, what it adds to the site), in MB, as a host
    sends the files (they are gzipped or zipped already)."""
    facts = _boot_facts(site)
    folder = site / "assets" / "pyodide"
    prepared = facts["prepared"]
    assert prepared is not None, "the build made no prepared Python (is Node.js installed?)"
    # A restored Python fetches its file and the archive it boots with; one started by the page, the reduced
    # standard library. Everything else (the runtime, the logic archive) both fetch.
    added = (folder / prepared["file"]).stat().st_size + (folder / prepared["stdlib"]).stat().st_size
    replaced = (folder / facts["stdlib"]).stat().st_size
    assert prepared["stdlib"] != facts["stdlib"]
    return (added - replaced) / MB, added / MB


def test_the_measured_sizes_of_the_prepared_python_are_what_the_build_makes(built_site: Path):
    extra, site = _measured(built_site)
    assert abs(extra - PREPARED_EXTRA_MB) <= TOLERANCE_MB, (
        f"a first visit with the prepared Python downloads {extra:.2f} MB more, and pins.py says "
        f"{PREPARED_EXTRA_MB}: measure again and update PREPARED_EXTRA_MB (and the manual's pages that quote it)")
    assert abs(site - PREPARED_SITE_MB) <= TOLERANCE_MB, (
        f"the prepared Python adds {site:.2f} MB to the site, and pins.py says {PREPARED_SITE_MB}: measure again "
        "and update PREPARED_SITE_MB (and the manual's pages that quote it)")


def test_the_manual_quotes_the_sizes_as_measured():
    """Markdown cannot read pins.py: the pages that give the figures are checked against it instead."""
    docs = ROOT / "manual" / "docs"
    quotes = {
        # The build's note, as the troubleshooting page quotes it (snapshot.py).
        "troubleshooting.md": f"(slower, {PREPARED_EXTRA_MB:.1f} MB less to download)",
        # The prepared file, as a reader's first visit downloads it and as the build writes it.
        "readers.md": f"(about {PREPARED_SITE_MB:.1f} MB,",
        "contributing.md": f"`assets/pyodide/python-ready-<hash>.gz`, about {PREPARED_SITE_MB:.1f} MB",
    }
    for page, quote in quotes.items():
        text = " ".join((docs / page).read_text(encoding="utf-8").split())
        assert quote in text, f"manual/docs/{page} should say {quote!r} (pins.py)"
