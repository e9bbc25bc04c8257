"""manual/docs/existing-site.md, read as the steps it gives: shell commands, and files to write, to append to
or to add lines to under a key. Its tests follow it (test_existing_site.py, and test_webkit.py for WebKit)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "manual" / "docs" / "existing-site.md"
FIXTURE = ROOT / "tests" / "fixtures" / "existing-site"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.M | re.S)
SKIPPED = re.compile(r"<!-- existing-site: runs until stopped -->\n$")
UNDER = re.compile(r"(under|at the end of) `(\w+):` in `([\w./-]+)`, add:$", re.I)


@dataclass(frozen=True)
class Step:
    """A command (`path` empty), or a file's text: written whole, appended (`how` "append"), or put under a
    top-level key of a YAML file, first (`how` "under") or last ("end of")."""

    text: str
    path: str = ""
    how: str = "write"
    key: str = ""


def fenced_blocks(page: Path, skipped: re.Pattern[str]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """A manual page's fenced blocks in order, as (language, text, caption: the paragraph before it), and the
    lines of those that a `skipped` comment just before leaves out (the tutorial reads its page this way too)."""
    text = page.read_text(encoding="utf-8")
    blocks: list[tuple[str, str, str]] = []
    left_out: list[str] = []
    last = 0
    for fence in FENCE.finditer(text):
        before = text[last:fence.start()]
        last = fence.end()
        language, body = fence.groups()
        if skipped.search(before):
            left_out += body.splitlines()
        else:
            blocks.append((language, body, before.strip().split("\n\n")[-1]))
    return blocks, left_out


def page_steps() -> tuple[list[Step], list[str]]:
    """The page's steps in order, and the commands it leaves out (those that run until stopped)."""
    blocks, skipped = fenced_blocks(PAGE, SKIPPED)
    steps: list[Step] = []
    for language, body, caption in blocks:
        if language == "sh":
            steps.append(Step(body))
            continue
        under = UNDER.search(" ".join(caption.split()))
        if under:
            how = "under" if under.group(1).lower() == "under" else "end of"
            steps.append(Step(body, under.group(3), how, under.group(2)))
            continue
        paths = re.findall(r"`([\w./-]+)`", caption)
        assert caption.endswith(":") and paths, f"a {language} block with no file named before it:\n{caption}"
        steps.append(Step(body, paths[-1], "append" if "At the end of" in caption else "write"))
    return steps, skipped


def apply(step: Step, folder: Path) -> None:
    """Writes a file step into the site in `folder`."""
    path = folder / step.path
    path.parent.mkdir(parents=True, exist_ok=True)
    if step.how == "write":
        path.write_text(step.text, encoding="utf-8")
    elif step.how == "append":
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + step.text, encoding="utf-8")
    else:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[:_place(lines, step)]) + step.text + "".join(lines[_place(lines, step):]),
                        encoding="utf-8")


def _place(lines: list[str], step: Step) -> int:
    """Where a step's lines go in a YAML file: right after its key's line, or after the key's last line."""
    at = lines.index(f"{step.key}:\n") + 1
    if step.how == "end of":
        while at < len(lines) and (lines[at].startswith((" ", "#")) or not lines[at].strip()):
            at += 1
        while not lines[at - 1].strip():
            at -= 1
    return at


def shell_script(steps: list[Step]) -> str:
    """The steps as one shell script: commands as written, files by here-documents or a one-line edit."""
    script = ["set -eo pipefail"]
    for step in steps:
        if not step.path:
            script.append(step.text)
        elif step.how in ("under", "end of"):
            script.append(f"cat > .gw-lines <<'GW_PAGE'\n{step.text}GW_PAGE\n"
                          f"python3 '{Path(__file__)}' '{step.path}' '{step.key}' '{step.how}' .gw-lines && rm .gw-lines")
        elif step.how == "append":
            script.append(f"echo >> '{step.path}'\ncat >> '{step.path}' <<'GW_PAGE'\n{step.text}GW_PAGE")
        else:
            script.append(f"mkdir -p \"$(dirname '{step.path}')\"\ncat > '{step.path}' <<'GW_PAGE'\n{step.text}GW_PAGE")
    return "\n".join(script) + "\n"


def the_site_before(folder: Path) -> Path:
    """The handbook as it was before it had widgets, copied into `folder`."""
    shutil.copytree(FIXTURE, folder)
    return folder


def the_site_after(folder: Path) -> Path:
    """The handbook with every file step of the page applied (commands left to the caller), its Pyodide the
    project's own."""
    the_site_before(folder)
    for step in page_steps()[0]:
        if step.path:
            apply(step, folder)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


if __name__ == "__main__":  # the shell script's way to add lines to a YAML file (python3 THIS FILE KEY HOW LINES)
    import sys

    target, key, how, lines = sys.argv[1:5]
    apply(Step(Path(lines).read_text(encoding="utf-8"), target, how, key), Path.cwd())
