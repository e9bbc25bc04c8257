"""The two forms Python's memory is kept in (runtime/snapshot_format.md), on the shared test vectors
(fixtures/snapshot-vectors.json): the Node writer of the prepared file, the worker's own module (run in Node:
the code the browser runs) and the Python reader must all agree with the vectors, and refuse the bad ones."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import ROOT
from guide_widgets._internal.runtime.snapshot import read_snapshot

VECTORS = ROOT / "tests" / "fixtures" / "snapshot-vectors.json"


@pytest.fixture(scope="module")
def vectors() -> dict:
    return json.loads(VECTORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def node_sides() -> dict:
    """What the Node writer and the worker's module make of every vector."""
    done = subprocess.run(["node", str(ROOT / "tests" / "snapshot_vectors.mjs"), str(VECTORS), str(ROOT)],
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_the_worker_keeps_only_the_stretches_that_hold_something_and_gets_the_memory_back(vectors, node_sides):
    for vector, made in zip(vectors["kept"], node_sides["kept"], strict=True):
        assert (made["runs"], made["body"]) == (vector["runs"], vector["body"]), vector["name"]
        assert made["unpacked"] == vector["memory"], vector["name"]


def test_the_worker_refuses_a_kept_snapshot_that_does_not_add_up(vectors, node_sides):
    assert [entry["name"] for entry in node_sides["kept_refused"]] == [v["name"] for v in vectors["kept_refused"]]
    for entry in node_sides["kept_refused"]:
        assert entry["refused"] == "the stored snapshot is incomplete", entry["name"]


def test_the_build_writes_the_prepared_file_the_worker_and_python_read(vectors, node_sides):
    for vector, made in zip(vectors["prepared"], node_sides["prepared"], strict=True):
        assert made["file"] == vector["file"], vector["name"]  # the Node writer
        assert made["filled"] == vector["snapshot"], vector["name"]  # the worker's reader
        length, base_end, runs, data = read_snapshot(bytes.fromhex(vector["file"]))  # Python's reader
        assert (length, base_end, [list(run) for run in runs], data.hex()) == \
            (vector["length"], vector["base_end"], vector["runs"], vector["data"]), vector["name"]


def test_the_worker_refuses_a_prepared_file_of_another_form_or_page_and_leaves_the_memory_empty(vectors, node_sides):
    assert [entry["name"] for entry in node_sides["prepared_refused"]] == \
        [v["name"] for v in vectors["prepared_refused"]]
    for entry in node_sides["prepared_refused"]:
        assert entry["refused"] and entry["untouched"], entry
    with pytest.raises(ValueError, match="not a ready-Python snapshot"):
        read_snapshot(bytes.fromhex(vectors["prepared_refused"][0]["file"]))


def test_memory_of_real_sizes_comes_back_whole_from_both_forms(node_sides):
    assert node_sides["round_trips"] == {"kept": True, "kept_smaller": True, "prepared": True,
                                         "prepared_smaller": True}
