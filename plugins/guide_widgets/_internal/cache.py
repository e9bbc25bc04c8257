"""The build's cache on this machine: results that take long to make and depend only on what names them.

One folder per user (`$GUIDE_WIDGETS_CACHE`, else `$XDG_CACHE_HOME/guide-widgets`, else
`~/.cache/guide-widgets`), a sub-folder per kind of result. A result is written whole or not at all; without a
cache to be had (a read-only home), the next build makes it again. The large results (the Python made ready
at build time, a few MB each, and the reduced standard libraries) are kept for the few most recently made or
used, so that a cache does not grow with every edit of a kind's logic.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path


def cache_folder(part: str) -> Path:
    """The cache's folder for one kind of result (`stdlib`, `snapshot`, `code`)."""
    base = os.environ.get("GUIDE_WIDGETS_CACHE")
    root = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "guide-widgets"
    return root / part


def keep(path: Path, data: bytes, *, most: int | None = None) -> None:
    """Writes a result to the cache whole or not at all; with `most`, then drops all but the `most` results
    of its folder most recently made or used (`used`). A result is a file, or the files whose names share
    what comes before their first dot (`<key>.gz` and `<key>.json`)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)
        if most is not None:
            _keep_newest(path.parent, most)
    except OSError:
        pass


def used(path: Path) -> None:
    """Marks a result as just used, so that it is among the last a full folder drops."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _keep_newest(folder: Path, most: int) -> None:
    results: dict[str, list[Path]] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".part"):
            results.setdefault(entry.name.split(".", 1)[0], []).append(entry)
    by_age = sorted(results.values(), key=lambda files: max(file.stat().st_mtime for file in files), reverse=True)
    for files in by_age[most:]:
        for file in files:
            file.unlink(missing_ok=True)


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
