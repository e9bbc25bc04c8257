"""The published pages are in the project's own words, and plain enough to read when it hurts.

No run of eight words of docs/ may stand in the source material (../shared/seed/), contractions expanded. The
source's runs are kept here only as fingerprints (tests/data/seed-runs.txt), checked against the source itself
wherever it is beside this checkout (as on CI). Reading ease is measured by the `readability` package's
Flesch formula on the guide's prose, as a reader sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import readability
from conftest import ROOT
from markdown import Markdown
from own_words import HEADER, NEAR_COPY, RUN, fingerprint, fingerprints, near_copies, words

SEED = ROOT.parent / "shared" / "seed"
RUNS = ROOT / "tests" / "data" / "seed-runs.txt"
SEED_RUNS = {line for line in RUNS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def test_the_fingerprints_are_those_of_the_source_material():
    if not SEED.is_dir():
        pytest.skip(f"the source material is not beside this checkout ({SEED}); CI has it")
    found: set[str] = set()
    for source in sorted(SEED.glob("*.txt")):
        found |= fingerprints(source.read_text(encoding="utf-8", errors="ignore"))
    assert found == SEED_RUNS, "run: python tests/own_words.py ../shared/seed > tests/data/seed-runs.txt"
    assert RUNS.read_text(encoding="utf-8").startswith(HEADER)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_run_of_eight_words_is_taken_from_the_source(page: Path):
    found = words(page.read_text(encoding="utf-8"))
    shared = [" ".join(found[i:i + RUN]) for i in range(len(found) - RUN + 1)
              if fingerprint(found[i:i + RUN]) in SEED_RUNS]
    assert shared == []


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_sentence_is_a_near_copy_of_one_in_the_source(page: Path):
    if not SEED.is_dir():
        pytest.skip(f"the source material is not beside this checkout ({SEED}); CI has it")
    source = "\n".join(path.read_text(encoding="utf-8", errors="ignore") for path in sorted(SEED.glob("*.txt")))
    assert near_copies(page.read_text(encoding="utf-8"), source) == []


def test_a_reworded_sentence_is_still_seen_as_a_near_copy():
    source = "Spend your evenings with friends who lift you up and remind you of your worth."
    assert near_copies("Spend the evenings with friends who lift you up and remind you what you are worth.", source)
    assert not near_copies("Friends who are glad you exist will carry you through the hard weeks.", source)
    assert NEAR_COPY < 1


def test_the_check_would_see_a_copied_run():
    assert SEED_RUNS  # a known run of the source, as its fingerprint: the test above is not vacuous
    if SEED.is_dir():
        source = words(next(SEED.glob("*.txt")).read_text(encoding="utf-8", errors="ignore"))
        assert fingerprint(source[100:100 + RUN]) in SEED_RUNS


def prose(markdown: str) -> str:
    """The guide's text as a reader reads it: widget blocks, tables and markup left out. As the `readability`
    package wants it: one sentence a line, punctuation apart from the words."""
    markdown = re.sub(r"^///.*?^///\s*$", "", markdown, flags=re.S | re.M)
    markdown = "\n".join(line for line in markdown.splitlines() if not line.lstrip().startswith("|"))
    html = Markdown(extensions=["attr_list", "admonition"]).convert(markdown)
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"([.,!?;:()\"“”])", r" \1 ", text)
    return "\n".join(" ".join(s.split()) for s in re.split(r"(?<=[.!?:;])\s+", text) if s.strip())


def test_the_guide_reads_easily():
    guide = prose((ROOT / "docs" / "guide.md").read_text(encoding="utf-8"))
    ease = readability.getmeasures(guide, lang="en")["readability grades"]["FleschReadingEase"]
    assert ease >= 60, f"Flesch reading ease {ease:.1f}"
