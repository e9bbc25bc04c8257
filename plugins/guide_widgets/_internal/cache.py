"""The build's cache on this machine: results that take long to make and depend only on what names them.

One folder per user (`$GUIDE_WIDGETS_CACHE`, else `$XDG_CACHE_HOME/guide-widgets`, else
`~/.cache/guide-widgets`), a sub-folder per kind of result. A result is written whole or not at all; without a
cache to be had (a read-only home), the next build makes it again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path


def cache_folder(part: str) -> Path:
    """The cache's folder for one kind of result (`stdlib`, `snapshot`, `code`)."""
    base = os.environ.get("GUIDE_WIDGETS_CACHE")
    root = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "guide-widgets"
    return root / part


def keep(path: Path, data: bytes) -> None:
    """Writes a result to the cache whole or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        pass


def remembered(part: str, key: bytes, make: Callable[[], bytes]) -> bytes:
    """`make()`'s result for `key` (any bytes that name everything it depends on): from the cache, else made
    now and kept."""
    path = cache_folder(part) / hashlib.sha256(key).hexdigest()[:32]
    try:
        return path.read_bytes()
    except OSError:
        data = make()
        keep(path, data)
        return data
