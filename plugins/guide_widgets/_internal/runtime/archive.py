"""The logic archive: the Python that runs in the reader's browser, as one reproducible zip named by its hash.

It holds the `logic/` vocabulary, every kind's `logic.py` and a generated registry of the kinds, without
comments and docstrings (on the same lines, so tracebacks still point right), so a browser never runs a
stale copy and downloads no prose.
"""

from __future__ import annotations

import ast
import hashlib
import io
import tokenize
import zipfile
from collections.abc import Iterable
from pathlib import Path

from guide_widgets._internal.cache import remembered
from guide_widgets._internal.widgets.registry import Kind, registry_module

PACKAGE_DIR = Path(__file__).resolve().parents[2]
"""The `guide_widgets` package: its `logic/` and built-in kinds ship to the browser."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The date every entry of our reproducible archives carries."""


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
    return [(name, _code_only(path.read_bytes())) for name, path in files] + \
        [("guide_widgets_registry.py", registry_module({k.name: k for k in chosen}).encode())]


def _code_only(source: bytes) -> bytes:
    """`python_code_only`, kept in the build's cache: the draft review's 130 KB alone took a tenth of a build."""
    return remembered("code", _CODE_ONLY_VERSION + source, lambda: python_code_only(source))


_CODE_ONLY_VERSION = b"code-only 1\0"
"""Names the way `python_code_only` works: change it when that does, so no build reads an older result."""


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
