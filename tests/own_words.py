"""Words as the own-words test compares them: lower case, contractions expanded, punctuation dropped; and the
fingerprint of a run of eight of them, so that the test data holds no sentence of the source material."""

from __future__ import annotations

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
