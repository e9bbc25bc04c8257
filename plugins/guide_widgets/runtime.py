"""What the browser needs to run widget logic: the pinned Pyodide files, the logic archive, our scripts.

Everything here is served from the site itself. The Pyodide files come from the npm package that
`npm ci` installed, or from any folder holding the same pinned files; the logic archive holds the `logic/` vocabulary, every kind's `logic.py` and a
generated registry of the kinds, and is named by its content hash, so a browser never runs a stale copy.
"""

from __future__ import annotations

import ast
import hashlib
import html
import io
import json
import posixpath
import re
import shutil
import tokenize
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .registry import PYODIDE_STDLIB_SIZE, Kind, registry_module
from .storage import storage_names

PYODIDE_VERSION = "314.0.7"
# The runtime files a browser fetches to boot Pyodide; the lock file's facts travel in the page instead.
FULL_STDLIB = "python_stdlib.zip"
"""Pyodide's whole standard library; the build also ships a reduced one (stdlib.py)."""
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", FULL_STDLIB)
PYODIDE_DIR = "assets/pyodide"
ASSETS_DIR = "assets/guide-widgets"
ASSET_FILES = ("widgets.js", "plan.js", "worker.js", "widgets.css")
"""Our scripts and styles as the site serves them, from ASSETS_DIR. widgets.js binds and renders widgets, with
the modules it imports bundled in (`bundled`): python.js talks to the worker (worker.js), answers.js and
memory.js keep answers, device.js runs the device controls, facts.js holds the site's facts (filled in by the
build). Those modules are not served on their own: no page would ask for them, and the offline copy would
store them for nothing. plan.js loads on the plan page only."""
FACTS_MARK = "/*FACTS*/ (null)"
_IMPORT = re.compile(r'^import (?:\* as (\w+)|\{ ([\w, ]+) \}) from "\./([\w-]+)\.js";\n', re.MULTILINE)
_EXPORT = re.compile(r"^export ((?:async )?function|const|let|class) (\w+)", re.MULTILINE)

PACKAGE_DIR = Path(__file__).parent
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The date every entry of our reproducible archives carries."""


class RuntimeMissing(RuntimeError):
    """Pyodide is not installed as pinned; the message is one line naming the command that fixes it."""


@dataclass(frozen=True)
class Pyodide:
    folder: Path
    lock_info: dict[str, Any]

    def files(self) -> list[Path]:
        return [self.folder / name for name in PYODIDE_FILES]


# The pinned files by size: a folder of another Pyodide build or version differs in at least one of them.
PYODIDE_SIZES = {"pyodide.mjs": 17931, "pyodide.asm.mjs": 1250344, "pyodide.asm.wasm": 9598218,
                 FULL_STDLIB: PYODIDE_STDLIB_SIZE}
# What the runtime files weigh as a static host sends them (gzip; GitHub Pages compresses .wasm too): what a
# reader saving data is told before Python loads. A test checks them against the files.
PYODIDE_GZIP_SIZES = {"pyodide.mjs": 7156, "pyodide.asm.mjs": 260107, "pyodide.asm.wasm": 3546122}
DEFAULT_PYODIDE_DIR = "node_modules/pyodide"
_NPM_FIX = "run `npm ci` in the project folder (or ./scripts/setup)"


def link_or_copy(source: Path, target: Path) -> None:
    """`target` as a hard link to `source` (the runtime's files never change, and linking 13 MB is free),
    or a copy where the two are on different file systems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        target.hardlink_to(source)
    except OSError:
        shutil.copyfile(source, target)


def find_pyodide(folder: Path) -> Pyodide:
    """The Pyodide files in `folder`, checked to be the pinned version's: the npm package that `npm ci`
    installs, or any folder holding the same files. A problem is one line that names its fix."""
    npm = (folder / "package.json").is_file() or (folder.name == "pyodide" and folder.parent.name == "node_modules")
    fix = _NPM_FIX if npm else (f"copy the files of Pyodide {PYODIDE_VERSION} ({', '.join(PYODIDE_FILES)}, "
                                f"pyodide-lock.json) into it, or point pyodide_dir at node_modules/pyodide")
    if npm:
        try:
            installed = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError):
            raise RuntimeMissing(f"Pyodide {PYODIDE_VERSION} is not installed in {folder}: {fix}.") from None
        if installed != PYODIDE_VERSION:
            raise RuntimeMissing(f"Pyodide {installed} is installed in {folder}, but this site needs "
                                 f"{PYODIDE_VERSION}: {fix}.")
    elif not folder.is_dir():
        raise RuntimeMissing(f"The Pyodide folder {folder} does not exist: {fix}.")
    missing = [name for name in (*PYODIDE_FILES, "pyodide-lock.json") if not (folder / name).is_file()]
    if missing:
        raise RuntimeMissing(f"Pyodide in {folder} lacks {', '.join(missing)}: {fix}.")
    other = [name for name, size in PYODIDE_SIZES.items() if (folder / name).stat().st_size != size]
    if other or f'"{PYODIDE_VERSION}"'.encode() not in (folder / "pyodide.mjs").read_bytes():
        raise RuntimeMissing(f"The Pyodide files in {folder} are not those of Pyodide {PYODIDE_VERSION} "
                             f"({', '.join(other or ['pyodide.mjs'])} differ): {fix}.")
    lock = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    return Pyodide(folder=folder, lock_info=lock["info"])


def logic_sources(kinds: Iterable[Kind]) -> list[tuple[str, bytes]]:
    """(archive name, content) for each Python file that runs in the browser, in a stable order."""
    files = [("guide_widgets/__init__.py", PACKAGE_DIR / "__init__.py")]
    files += [(f"guide_widgets/logic/{path.name}", path) for path in sorted((PACKAGE_DIR / "logic").glob("*.py"))]
    chosen = list(kinds)
    if any(kind.builtin for kind in chosen):
        files.append(("guide_widgets/kinds/__init__.py", PACKAGE_DIR / "kinds" / "__init__.py"))
    for kind in chosen:
        folder = kind.logic_module.rsplit(".", 1)[0].replace(".", "/")
        if kind.builtin:
            files.append((f"{folder}/__init__.py", kind.folder / "__init__.py"))
        files.append((f"{folder}/logic.py", kind.logic))
    return [(name, python_code_only(path.read_bytes())) for name, path in files] + \
        [("guide_widgets_registry.py", registry_module({k.name: k for k in chosen}).encode())]


def python_code_only(source: bytes) -> bytes:
    """Python as the reader's browser gets it: without comments and docstrings (a tenth of a widget page's own
    download was the logic's prose), on the same lines, so that a traceback still names the right one. A
    file that does not parse goes as it is."""
    text = source.decode("utf-8")
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return source
    lines = text.splitlines(keepends=True)
    strings = [node for parent in ast.walk(tree) for field in ("body", "orelse", "finalbody")
               if isinstance(body := getattr(parent, field, None), list)
               for node in body if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
               and isinstance(node.value.value, str)]

    def column(line: int, offset: int) -> int:  # ast counts UTF-8 bytes; the lines are text
        return len(lines[line - 1].encode("utf-8")[:offset].decode("utf-8"))

    for node in sorted(strings, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        assert node.end_lineno is not None and node.end_col_offset is not None
        start, end = column(node.lineno, node.col_offset), column(node.end_lineno, node.end_col_offset)
        if node.lineno == node.end_lineno:
            lines[node.lineno - 1] = lines[node.lineno - 1][:start] + '""' + lines[node.lineno - 1][end:]
            continue
        lines[node.lineno - 1] = lines[node.lineno - 1][:start] + '"""\n'
        for number in range(node.lineno, node.end_lineno - 1):
            lines[number] = "\n"
        lines[node.end_lineno - 1] = '"""' + lines[node.end_lineno - 1][end:]
    text = "".join(lines)
    lines = text.splitlines(keepends=True)
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col].rstrip() + ("\n" if lines[row - 1].endswith("\n") else "")
    return "".join(lines).encode("utf-8")


def logic_archive(kinds: Iterable[Kind]) -> tuple[str, bytes]:
    """The logic as a reproducible zip, and its file name carrying the content hash."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in logic_sources(kinds):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    data = utf8_names(buffer.getvalue())
    return f"logic-{hashlib.sha256(data).hexdigest()[:12]}.zip", data


_UTF8_NAMES = 0x800


def utf8_names(data: bytes) -> bytes:
    """The zip with every name marked as UTF-8 (its general-purpose flag bit 11), in the local and central
    headers. Unmarked names are decoded as cp437 by Python's zipfile, which would cost the browser that codec's
    module; Python's zipfile clears the flag when it writes an ASCII name, so it is set here afterwards."""
    patched = bytearray(data)

    def mark(flags: int) -> None:
        value = int.from_bytes(patched[flags:flags + 2], "little") | _UTF8_NAMES
        patched[flags:flags + 2] = value.to_bytes(2, "little")

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            assert patched[info.header_offset:info.header_offset + 4] == b"PK\x03\x04"
            mark(info.header_offset + 6)
    central = data.rfind(b"PK\x05\x06")
    offset = int.from_bytes(data[central + 16:central + 20], "little")
    while patched[offset:offset + 4] == b"PK\x01\x02":
        mark(offset + 8)
        name, extra, comment = (int.from_bytes(patched[offset + i:offset + i + 2], "little") for i in (28, 30, 32))
        offset += 46 + name + extra + comment
    return bytes(patched)


def asset_path(name: str) -> Path:
    return PACKAGE_DIR / "assets" / name


def bundled(entry: str) -> str:
    """`entry` (widgets.js) with the modules it imports, directly or not, in one file: each imported module's
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
    text = bundled(name) if name == "widgets.js" else asset_path(name).read_text(encoding="utf-8")
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


def download_size(stdlib: bytes | None, logic_bytes: int) -> int:
    """Bytes that starting Python downloads, as a server that compresses sends them: the runtime, the standard
    library (reduced, or Pyodide's whole archive when `stdlib` is None) and the logic archive."""
    stdlib_bytes = len(stdlib) if stdlib is not None else PYODIDE_SIZES[FULL_STDLIB]
    return sum(PYODIDE_GZIP_SIZES.values()) + stdlib_bytes + logic_bytes


def page_runtime(pyodide: Pyodide, logic_name: str, frame_strings: dict[str, Any], stdlib: str,
                 download: int, prepared: dict[str, Any] | None) -> dict[str, Any]:
    """What a widget page tells its script and the worker: file names (the logic archive, the standard-library
    archive to boot with), the Pyodide facts to check and boot with, the frame's words in the page's language,
    the names of what it may store (storage.py), how many bytes starting Python downloads, and the Python made
    ready at build time, if there is one (snapshot.py: its file, the archive it boots with, its size)."""
    return {"version": PYODIDE_VERSION, "logic": logic_name, "stdlib": stdlib, "fullStdlib": FULL_STDLIB,
            "lock": pyodide.lock_info, "strings": frame_strings, "storage": storage_names(), "download": download,
            "prepared": prepared}


def boot_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """The part of the site's facts that the head's starter boots Python with (start.js): a widget page carries
    these in its head, and facts.js carries them all (words included) once for the site."""
    return {**{key: facts[key] for key in ("version", "logic", "stdlib", "fullStdlib", "lock", "prepared")},
            "storage": {"snapshot": facts["storage"]["snapshot"]}}


def head_tags(script_url: str, runtime: dict[str, Any] | None, starter: str) -> str:
    """What every page's head gets, early (after the charset, before the stylesheets): on widget pages the
    site's facts, then the inline starter (start.js: it starts Python at once on a widget page, and is how
    python.js starts any later worker; `starter` is its text, from `starter_script`; it learns where our
    assets are from its `data-assets`), then our module (with what it imports bundled in, see `bundled`).

    The module is async: it runs as soon as it has arrived, binds the widgets once the document is ready,
    and again after each of Material's instant page changes.
    """
    tags = ""
    if runtime is not None:
        tags += f'<meta name="guide-widgets" content="{html.escape(compact_json(runtime))}">'
    assets = posixpath.dirname(script_url) + "/"
    tags += f'<script data-assets="{html.escape(assets)}">{starter}</script>'
    tags += f'<script type="module" async src="{html.escape(script_url)}"></script>'
    return tags


def starter_script() -> str:
    """start.js as every page carries it inline, without its comment lines."""
    return _code_lines(asset_path("start.js").read_text(encoding="utf-8"))


def compact_json(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
