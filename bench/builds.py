"""Build times: our guide, and the guide repeated 8 and 32 times, each against plain Material building the
same pages. The plugin's share of a build must stay the same as the site grows (linear time)."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCALES = (1, 8, 32)


def mkdocs(config: str, cwd: Path, out: Path) -> float:
    """Seconds for one `mkdocs build` of `config` (YAML text) into `out`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "-", "-d", str(out)], input=config,
                   text=True, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _config() -> dict[str, Any]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config.pop("site_url", None)
    return config


def _guide(copies: int) -> tuple[str, list[tuple[str, str]]]:
    """Our guide with its sections `copies` times (each copy's slugs and links its own), and the same
    sections as (file name, Markdown) pages, for plain Material."""
    text = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    head, _, rest = text.partition("\n## ")
    sections = ["## " + part for part in ("\n" + "\n## " + rest).split("\n## ")[1:]]
    guide, pages = head, [("index.md", head)]
    for copy in range(1, copies + 1):
        for section in sections:
            suffix = "" if copy == 1 else f"-{copy}"
            renamed = re.sub(r"\{#([\w-]+)\}", rf"{{#\1{suffix}}}", section)
            title = renamed.splitlines()[0][3:]
            slug = re.sub(r"[^\w]+", "-", title.lower()).strip("-") + suffix
            if "{#" not in renamed.splitlines()[0]:
                renamed = renamed.replace(title, f"{title} {{#{slug}}}" if copy > 1 else title, 1)
            guide += "\n" + renamed
            pages.append((f"{slug}.md", "#" + renamed[2:]))
    return guide, pages


def scaled_projects(folder: Path, copies: int) -> tuple[tuple[Path, str], tuple[Path, str]]:
    """(folder, config) of ours and of plain Material for the guide repeated `copies` times."""
    guide, pages = _guide(copies)
    ours = folder / f"ours-{copies}"
    shutil.copytree(ROOT / "docs", ours / "docs")
    (ours / "docs" / "guide.md").write_text(guide, encoding="utf-8")
    for link in ("node_modules", "widgets"):
        (ours / link).symlink_to(ROOT / link)
    config = _config()
    plain = folder / f"plain-{copies}"
    (plain / "docs").mkdir(parents=True)
    for name in ("about.md", "privacy.md", "stylesheets"):
        if (ROOT / "docs" / name).is_dir():
            shutil.copytree(ROOT / "docs" / name, plain / "docs" / name)
        elif (ROOT / "docs" / name).exists():
            shutil.copy2(ROOT / "docs" / name, plain / "docs" / name)
    for name, text in pages:
        (plain / "docs" / name).write_text(text, encoding="utf-8")
    plain_config = _config()
    plain_config["plugins"] = [p for p in plain_config["plugins"] if not (isinstance(p, dict) and "guide_widgets" in p)]
    plain_config["validation"] = {"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}}
    return (ours, yaml.safe_dump(config, sort_keys=False)), (plain, yaml.safe_dump(plain_config, sort_keys=False))


def bench_scales(runs: int, work: Path) -> dict[str, Any]:
    """For each scale, the medians of `runs` builds of ours and of plain Material, and their ratio."""
    results: dict[str, Any] = {}
    for copies in SCALES:
        (ours, ours_config), (plain, plain_config) = scaled_projects(work, copies)
        mkdocs(ours_config, ours, work / f"warm-{copies}")  # the first build makes the Python ready; it is kept
        ours_times = [mkdocs(ours_config, ours, work / f"ours-{copies}-{run}") for run in range(runs)]
        plain_times = [mkdocs(plain_config, plain, work / f"plain-{copies}-{run}") for run in range(runs)]
        pages = len(list((work / f"ours-{copies}-0").rglob("index.html")))
        ours_s, plain_s = statistics.median(ours_times), statistics.median(plain_times)
        results[f"build_{copies}x"] = {"pages": pages, "ours_s": ours_s, "plain_material_s": plain_s,
                                       "ratio": ours_s / plain_s}
    results["build_ratio"] = results["build_1x"]["ratio"]
    results["build_ratio_8x"] = results["build_8x"]["ratio"]
    results["build_ratio_32x"] = results["build_32x"]["ratio"]
    return results


if __name__ == "__main__":  # python -m bench.builds [RUNS]: the build rows alone
    import json
    import tempfile

    with tempfile.TemporaryDirectory(prefix="guide-bench-builds-") as temp:
        found = bench_scales(int(sys.argv[1]) if len(sys.argv) > 1 else 3, Path(temp))
    print(json.dumps(found, indent=2))
