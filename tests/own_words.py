"""Words as the own-words test compares them: lower case, contractions expanded, punctuation dropped; the
fingerprint of a run of eight of them, so that the test data holds no sentence of the source material; and the
sentences of a text, for the sentence-level comparison."""

from __future__ import annotations

import difflib
import hashlib
import re

RUN = 8
_CONTRACTIONS = {"n't": " not", "'re": " are", "'ll": " will", "'ve": " have", "'m": " am", "'d": " would"}


def words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"\bcan't\b", "can not", text)
    text = re.sub(r"\bwon't\b", "will not", text)
    for short, long in _CONTRACTIONS.items():
        text = text.replace(short, long)
    text = re.sub(r"\b(it|that|there|what|he|she|who)'s\b", r"\1 is", text)
    return re.findall(r"[a-z0-9]+", text)


def fingerprint(run: list[str] | tuple[str, ...]) -> str:
    return hashlib.blake2b(" ".join(run).encode(), digest_size=8).hexdigest()


def fingerprints(text: str) -> set[str]:
    found = words(text)
    return {fingerprint(found[i:i + RUN]) for i in range(len(found) - RUN + 1)}


SENTENCE_WORDS = 6
"""Shorter sentences ("This is not a tactic.") are too common to say anything about where they came from."""
NEAR_COPY = 0.6
"""Two sentences whose word sequences match this much (difflib's ratio: twice the matched words over both
lengths) say the same thing in nearly the same words."""


def sentences(text: str, plain_headings: bool = False) -> list[str]:
    """The sentences of a text: headings (the structure, which may carry over) left out, wrapped lines joined.
    `plain_headings`: a text without Markdown (the source) has its headings as short lines of their own,
    without a sentence's final stop."""
    kept = [line for line in text.splitlines() if not line.lstrip().startswith("#")
            and not (plain_headings and len(words(line)) <= 12 and re.search(r"[\w:]\W*$", line.strip()))]
    joined = re.sub(r"(?<!\n)\n(?!\n)", " ", "\n".join(kept))
    parts = re.split(r"(?<=[.!?:;])\s+|\n+|(?<=\w)\s+-\s+", joined)
    return [" ".join(part.split()) for part in parts if len(words(part)) >= SENTENCE_WORDS]


def near_copies(text: str, source: str) -> list[tuple[float, str, str]]:
    """(likeness, sentence, source sentence) for each sentence of `text` that nearly repeats one of `source`."""
    theirs = [(sentence, words(sentence)) for sentence in sentences(source, plain_headings=True)]
    found = []
    for sentence in sentences(text):
        mine = words(sentence)
        matcher = difflib.SequenceMatcher(None, [], mine, autojunk=False)  # b is the one it indexes
        for other, other_words in theirs:
            matcher.set_seq1(other_words)
            if matcher.real_quick_ratio() >= NEAR_COPY and matcher.quick_ratio() >= NEAR_COPY and \
                    (likeness := matcher.ratio()) >= NEAR_COPY:
                found.append((round(likeness, 2), sentence, other))
    return found


HEADER = ("# Fingerprints (BLAKE2b, 8 bytes) of every run of eight words in ../shared/seed/, made by\n"
          "# `python tests/own_words.py ../shared/seed > tests/data/seed-runs.txt`: the source's sentences are not "
          "kept here.\n")

if __name__ == "__main__":
    import sys
    from pathlib import Path

    found: set[str] = set()
    for source in sorted(Path(sys.argv[1]).glob("*.txt")):
        found |= fingerprints(source.read_text(encoding="utf-8", errors="ignore"))
    sys.stdout.write(HEADER + "\n".join(sorted(found)) + "\n")
