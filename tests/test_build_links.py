"""Links in a guide, built with `mkdocs build --strict`: MkDocs' link warnings told at the guide's line with
a fix, a widget's link to a numbered heading, and link warnings coming before the widget blocks' errors."""

from __future__ import annotations

from pathlib import Path

from building import failed_build
from conftest import make_project, mkdocs_build, problems


def test_mkdocs_link_warnings_name_the_guide_line_and_the_fix(tmp_path: Path):
    guide = ("# T\n\nIntro with a [broken](missing.md) link.\n\n## A\n\nSee [nowhere](#nope) and "
             "[the guide](guide.md#nope-again).\n\n## B\n\nRead [A](#a), then [elsewhere](other.md).\n")
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert problems(stderr) == [
        "WARNING -  docs/guide.md:3: the guide contains a link 'missing.md', but the target 'missing.md' is not "
        "found among documentation files. Fix: Link to a file inside the docs folder, written relative to the "
        "guide file.",
        "WARNING -  docs/guide.md:11: the guide contains a link 'other.md', but the target 'other.md' is not "
        "found among documentation files. Fix: Link to a file inside the docs folder, written relative to the "
        "guide file.",
        "WARNING -  docs/guide.md:7: the guide contains a link '#nope', but there is no such anchor on this "
        "page. Fix: Link to a heading or an anchor that the guide has.",
        "WARNING -  docs/guide.md:7: the guide contains a link 'guide.md#nope-again', but the guide does not "
        "contain an anchor '#nope-again'. Fix: Link to a heading or an anchor that the guide has.",
    ]


def test_a_widget_may_link_to_a_numbered_heading(tmp_path: Path):
    guide = ("# T\n\n## 1. Glossary\n\nWords.\n\n## 2. Tools\n\n/// period | Days\ndays: 7\nstages:\n"
             "  - from: 0\n    text: Wait.\n    link: \"#1-glossary\"\n///\n")
    result = mkdocs_build(make_project(tmp_path, guide), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "plants" / "1-glossary.html").is_file()
    assert 'href="1-glossary.html"' in (tmp_path / "site" / "plants" / "2-tools.html").read_text()


def test_every_bad_block_of_every_page_stops_one_build_after_the_link_warnings(tmp_path: Path):
    guide = ("# T\n\n## Der Tag des Gesprächs\n\n/// quiz | One\nquestons: []\n///\n\n## Zwei\n\n"
             "See [the day](#der-tag-des-gesprächs).\n\n/// perod | Two\n///\n\n## Drei\n\n"
             "/// checklist | Three\ngroups:\n  - legend: L\n    items: [x]\n")
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert stderr.count("ERROR") == 1
    assert ("WARNING -  docs/guide.md:11: the guide contains a link '#der-tag-des-gesprächs', but there is no such "
            "anchor on this page. Fix: Did you mean '#der-tag-des-gesprachs'? Link to a heading or an anchor "
            "that the guide has.") in stderr
    assert ("ERROR   -  Bad widget blocks:\n"
            "  docs/guide.md:6: widget '/// quiz': unknown option 'questons'. The options are: questions, bands, "
            "min_answered. Fix: Did you mean 'questions'? Correct the spelling, or remove 'questons'.\n"
            "  docs/guide.md:13: unknown block '/// perod'. Fix: Did you mean '/// period'? Use a widget kind "
            "(checklist, period, quiz).\n"
            "  docs/guide.md:18: the widget block '/// checklist' is never closed: the rest of the page would be "
            "read as its options. Fix: End the block with a line of '///' after its options.\n") in stderr
    assert stderr.index("WARNING -  docs/guide.md:11") < stderr.index("Bad widget blocks")
