"""Pictures of a result, drawn the same way in every engine: a page added to a built guide that draws fixed
picture nodes with the page's own drawing code (pictures.js, as the package has it) in the site's stylesheets,
light or dark, and the reviewed reference images each engine's drawing is compared with."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageChops

from .conftest import build_for
from .site_server import SiteServer

ROOT = Path(__file__).resolve().parents[2]
PICTURES_JS = ROOT / "plugins" / "guide_widgets" / "_internal" / "page" / "assets" / "pictures.js"
REFERENCES = ROOT / "tests" / "golden" / "pictures"
PAGE = "pictures.html"
SCHEMES = ("default", "slate")

# One of each picture, as the logic sends them (guide_widgets.logic.pictures), in the states a reader meets.
NODES = {
    "scale": {"t": "scale", "zones": [[0, 35], [35, 65], [65, 100]], "at": 52.5, "band": 1, "settled": False,
              "label": "Your answers score 53 of 100, in the band “Slow down”."},
    "scale-settled": {"t": "scale", "zones": [[0, 35], [35, 65], [65, 100]], "at": None, "band": 2,
                      "settled": True, "label": "One of your answers settles the result: “Step back”."},
    "parts": {"t": "parts", "done": 5, "total": 8, "label": "5 of 8 parts in place."},
    "days": {"t": "days", "elapsed": 12, "total": 30, "marks": [40, 80], "label": "Day 12 of 30"},
    "days-open": {"t": "days", "elapsed": 45, "total": None, "marks": [], "label": "Day 45, with no end date"},
    "bars": {"t": "bars", "items": [{"name": "What you owe", "value": 1200}, {"name": "Interest", "value": 168}],
             "label": "Of everything you pay, 1,200 is what you owe and 168 is interest.", "digits": 0},
}


def add_page(site: Path) -> None:
    """Writes the drawing page into a built guide: its own stylesheets, a 400 px result box per picture."""
    shutil.copy2(PICTURES_JS, site / "assets" / "guide-widgets" / "pictures-src.js")
    sheets = [f"assets/stylesheets/{p.name}" for p in sorted((site / "assets" / "stylesheets").glob("*.css"))]
    sheets += ["stylesheets/site.css"] if (site / "stylesheets" / "site.css").is_file() else []
    sheets.append("assets/guide-widgets/widgets.css")
    links = "".join(f'<link rel="stylesheet" href="{sheet}">' for sheet in sheets)
    boxes = "".join(f'<div class="gw-result" data-shot="{name}"></div>' for name in NODES)
    script = (
        'import { picture } from "./assets/guide-widgets/pictures-src.js";\n'
        f"const nodes = {json.dumps(NODES)};\n"
        "const scheme = new URLSearchParams(location.search).get('scheme') || 'default';\n"
        "document.body.dataset.mdColorScheme = scheme;\n"
        "for (const [name, node] of Object.entries(nodes)) {\n"
        "  document.querySelector(`[data-shot=\"${name}\"]`).append(picture(node, (v) => v.toLocaleString('en')));\n"
        "}\n"
        "document.documentElement.dataset.drawn = 'yes';\n")
    (site / PAGE).write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">{links}<style>'
        "body{margin:0;padding:16px;font-size:16px}.gw-result{margin:0 0 12px;width:400px;box-sizing:border-box}"
        # Words are drawn by each machine's own fonts: the drawings are compared without them.
        "[data-shot] .gw-bars figcaption{display:none}[data-shot] .md-typeset .gw-bars,[data-shot] .gw-bars{grid-template-columns:7em 1fr 4em}"
        "[data-shot] .gw-bar-row{color:transparent}"
        "</style></head><body data-md-color-scheme=\"default\" data-md-color-primary=\"custom\" "
        f'data-md-color-accent="custom"><div class="md-typeset">{boxes}</div>'
        f'<script type="module">{script}</script></body></html>', encoding="utf-8")


@contextmanager
def drawing_site(folder: Path) -> Iterator[SiteServer]:
    """Our guide built into `folder` for a server of its own, with the drawing page added (the session's shared
    build must stay as built)."""
    with SiteServer("/") as server:
        server.directory = build_for(server.url, folder)
        add_page(Path(server.directory))
        yield server


def differs(shot: bytes, reference: Path) -> str:
    """'' when the drawing matches its reviewed reference (the same size within a pixel, and at most 2 % of the
    pixels visibly apart: engines smooth edges their own way); else what differs."""
    drawn = Image.open(io.BytesIO(shot)).convert("RGB")
    expected = Image.open(reference).convert("RGB")
    if abs(drawn.width - expected.width) > 1 or abs(drawn.height - expected.height) > 1:
        return f"{drawn.size} instead of {expected.size}"
    size = (min(drawn.width, expected.width), min(drawn.height, expected.height))
    red, green, blue = ImageChops.difference(drawn.crop((0, 0, *size)), expected.crop((0, 0, *size))).split()
    most = ImageChops.lighter(ImageChops.lighter(red, green), blue)  # each pixel's largest difference
    apart = most.point(lambda value: 255 if value > 48 else 0).histogram()[255]
    share = apart / (size[0] * size[1])
    return f"{share:.1%} of the pixels differ" if share > 0.02 else ""


def check(engine: str, shots: dict[tuple[str, str], bytes], update: bool) -> list[str]:
    """Each (scheme, picture) drawing against its reference; with `update`, the drawings become the references
    (to be looked at before they are committed)."""
    problems = []
    for (scheme, name), shot in sorted(shots.items()):
        reference = REFERENCES / f"{engine}-{scheme}-{name}.png"
        if update or not reference.is_file():
            reference.parent.mkdir(parents=True, exist_ok=True)
            reference.write_bytes(shot)
            if not update:
                problems.append(f"{reference.name}: no reference yet; written for review")
            continue
        if found := differs(shot, reference):
            problems.append(f"{reference.name}: {found}")
    return problems
