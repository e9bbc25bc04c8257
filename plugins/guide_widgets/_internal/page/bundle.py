"""Our scripts and styles as a site serves them: one bundled module for the page, without comments.

widgets.js binds and renders widgets, with the modules it imports bundled in (`bundled`): python.js talks to
the worker, answers.js and memory.js keep answers, device.js runs the device controls, pictures.js draws a
result's pictures, facts.js holds the site's facts (filled in by the build). worker.js runs Python, with its
modules bundled in the same way: boot.js (what every way of starting Python shares), one module per way
(boot-kept.js, boot-prepared.js, boot-plain.js), snapshot-store.js and snapshot-format.js. Those modules are
not served on their own: no page would ask for them, and the offline copy would store them for nothing.
plan.js loads on the plan page only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from guide_widgets._internal.data import compact_json

ASSETS_DIR = "assets/guide-widgets"
ASSET_FILES = ("widgets.js", "plan.js", "worker.js", "widgets.css")
"""Our scripts and styles as the site serves them, from ASSETS_DIR."""
BUNDLED = ("widgets.js", "worker.js")
"""The scripts served with the modules they import bundled in."""
ASSETS = Path(__file__).resolve().parent / "assets"
FACTS_MARK = "/*FACTS*/ (null)"
_IMPORT = re.compile(r'^import (?:\* as (\w+)|\{ ([\w, ]+) \}) from "\./([\w-]+)\.js";\n', re.MULTILINE)
_EXPORT = re.compile(r"^export ((?:async )?function|const|let|class) (\w+)", re.MULTILINE)


def asset_path(name: str) -> Path:
    return ASSETS / name


def bundled(entry: str) -> str:
    """`entry` (widgets.js, worker.js) with the modules it imports, directly or not, in one file: each imported module's
    code in a function of its own (its names stay its own), run once, in the order the imports need, and its
    exports handed to those that import it. A page then asks for one script, not six, which is what its
    repeat visit is quick enough for; the modules stay separate in the package, for reading and checking."""
    order: list[str] = []

    def visit(name: str) -> None:
        for match in _IMPORT.finditer(asset_path(name).read_text(encoding="utf-8")):
            imported = f"{match.group(3)}.js"
            if imported not in order:
                visit(imported)
                order.append(imported)

    visit(entry)

    def linked(text: str) -> str:
        def local(match: re.Match[str]) -> str:
            module = "__" + match.group(3).replace("-", "_")
            return f"const {match.group(1)} = {module};\n" if match.group(1) else \
                f"const {{ {match.group(2)} }} = {module};\n"
        return _IMPORT.sub(local, text)

    parts = []
    for name in order:
        text = linked(asset_path(name).read_text(encoding="utf-8"))
        exports = _EXPORT.findall(text)
        body = _EXPORT.sub(lambda match: f"{match.group(1)} {match.group(2)}", text)
        returned = ", ".join(export for _, export in exports)
        parts.append(f"// {name}\nconst __{name[:-3].replace('-', '_')} = (() => {{\n{body}\n"
                     f"return {{ {returned} }};\n}})();\n")
    return "".join(parts) + linked(asset_path(entry).read_text(encoding="utf-8"))


def served_asset(name: str, facts: dict[str, Any] | None = None) -> bytes:
    """One of our scripts or styles as the site serves it; facts.js with the site's `facts` (`page_runtime`).
    Every reader downloads the scripts and styles, so they go without their comments, blank lines and
    indentation; the package keeps them commented and indented. (None of them has a multi-line string, where
    such a line would be text: a test checks.)"""
    text = bundled(name) if name in BUNDLED else asset_path(name).read_text(encoding="utf-8")
    if FACTS_MARK in text:
        if facts is None:
            raise ValueError(f"{name} is served with the site's facts")
        text = text.replace(FACTS_MARK, compact_json(facts))
    if name.endswith(".css"):
        return (_style_lines(text) + "\n").encode("utf-8")
    return (_code_lines(text) + "\n").encode("utf-8") if name.endswith(".js") else text.encode("utf-8")


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _style_lines(style: str) -> str:
    """A stylesheet without its comments, blank lines and indentation."""
    return "\n".join(line.strip() for line in _CSS_COMMENT.sub("", style).splitlines() if line.strip())


_DOC_LINES = re.compile(r"^[ \t]*/\*\*(?:(?!\*/).)*\*/[ \t]*\n", re.MULTILINE | re.DOTALL)
_DOC_COMMENT = re.compile(r"/\*\*(?:(?!\*/).)*\*/ ?")


def _code_lines(script: str) -> str:
    """A script without its comments (whole `//` lines, and `/** ... */` JSDoc, which may span lines), blank
    lines and indentation."""
    script = _DOC_COMMENT.sub("", _DOC_LINES.sub("", script))
    return "\n".join(line.strip() for line in script.splitlines()
                     if line.strip() and not line.lstrip().startswith("//"))


def starter_script() -> str:
    """start.js as every page carries it inline, without its comment lines."""
    return _code_lines(asset_path("start.js").read_text(encoding="utf-8"))
