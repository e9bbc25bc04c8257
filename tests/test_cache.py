"""The build's cache keeps the few large results most recently made or used, not one per edit ever made: a
made-ready Python is about 2.7 MB, and every change to a kind's logic makes a new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from guide_widgets._internal.cache import cache_folder, keep, used
from guide_widgets._internal.runtime import snapshot, stdlib


def test_a_full_folder_drops_the_results_least_recently_made_or_used(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GUIDE_WIDGETS_CACHE", str(tmp_path))
    folder = cache_folder("snapshot")
    for number in range(5):
        keep(folder / f"key{number}.gz", b"memory")
        keep(folder / f"key{number}.json", b"{}", most=3)
        for name in (f"key{number}.gz", f"key{number}.json"):
            os.utime(folder / name, (1000 + number, 1000 + number))  # made one after the other
    # Every result was kept whole while the folder had room; now only the three newest are left, both files each.
    assert sorted(path.name for path in folder.iterdir()) == [
        "key2.gz", "key2.json", "key3.gz", "key3.json", "key4.gz", "key4.json"]
    used(folder / "key2.gz")  # read by a build: it is now the most recently used
    keep(folder / "key5.gz", b"memory")
    keep(folder / "key5.json", b"{}", most=3)
    assert sorted(path.name for path in folder.iterdir()) == [
        "key2.gz", "key2.json", "key4.gz", "key4.json", "key5.gz", "key5.json"]
    keep(cache_folder("code") / "other", b"x")  # a folder kept without a limit is left as it is
    assert (cache_folder("code") / "other").is_file()


def test_builds_of_ever_new_logic_keep_only_a_few_made_ready_pythons(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    import io
    import zipfile

    from conftest import ROOT
    from guide_widgets._internal.runtime.pyodide import find_pyodide

    monkeypatch.setenv("GUIDE_WIDGETS_CACHE", str(tmp_path))
    pyodide = find_pyodide(ROOT / "node_modules" / "pyodide")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("abc.py", "")
    library = stdlib.Stdlib("python_stdlib-test.zip", buffer.getvalue())
    # Making one takes seconds in Node: a made-up one stands in, as many times as a kind's logic is edited.
    monkeypatch.setattr(snapshot, "make_snapshot", lambda *_: (b"GWPYSNP1" + bytes(12), {"memory": 20, "files": []}))
    for edit in range(snapshot.KEPT + 4):
        made = snapshot.prepared_python(pyodide, f"logic-{edit}.zip", b"logic", library)
        assert made.note == "" and made.data
    kept = {path.name.split(".", 1)[0] for path in cache_folder("snapshot").iterdir()}
    assert len(kept) == snapshot.KEPT
