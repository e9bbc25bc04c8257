"""The splitter as a pure function: no MkDocs, just a guide's text in and pages out."""

from __future__ import annotations

import subprocess
import sys

import pytest
from guide_widgets.splitter import GuideError, contents_markdown, split_guide

GUIDE = """# The guide

Intro text.

### A note in the intro

## First part

Body of the first part, linking to [the second](#second).

### Detail

```
## Not a heading: inside a fence
```

## Second part {#second}

### Detail

#### Deeper
"""


def test_the_splitter_imports_nothing_of_mkdocs():
    code = "import sys, guide_widgets.splitter; print(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_each_top_level_section_becomes_a_page_in_order():
    guide = split_guide(GUIDE)
    assert guide.title == "The guide"
    assert [(p.title, p.slug, p.first_line) for p in guide.sections] == [
        ("First part", "first-part", 7), ("Second part", "second", 17)]


def test_headings_move_up_one_level_and_lines_are_kept():
    guide = split_guide(GUIDE)
    first, second = guide.sections
    assert first.markdown.splitlines()[0] == "# First part"
    assert "### Detail" not in first.markdown
    assert "## Detail" in first.markdown
    assert "## Not a heading: inside a fence" in first.markdown  # fenced code is left alone
    assert second.markdown.splitlines()[0] == "# Second part {#second}"
    assert "### Deeper" in second.markdown
    assert len(first.markdown.splitlines()) == second.first_line - first.first_line


def test_anchors_are_unique_per_page_like_the_toc_makes_them():
    guide = split_guide(GUIDE)
    assert guide.sections[0].anchors == ("detail",)
    assert guide.sections[1].anchors == ("detail", "deeper")
    pages = guide.anchor_pages()
    assert pages["second"] is guide.sections[1]
    assert pages["detail"] is guide.sections[0]  # first one wins for an ambiguous link
    assert pages["a-note-in-the-intro"] is guide.landing
    assert pages["the-guide"] is guide.landing


def test_landing_page_holds_title_intro_and_contents():
    guide = split_guide(GUIDE)
    assert guide.landing.markdown.startswith("# The guide\n\nIntro text.\n")
    contents = contents_markdown(guide, lambda page: f"{page.slug}.md")
    assert "1. [First part](first-part.md)\n2. [Second part](second.md)" in contents


def test_custom_slugify_is_used():
    guide = split_guide("# T\n\n## Hello World\n", slugify=lambda text, sep: text.upper().replace(" ", sep))
    assert guide.sections[0].slug == "HELLO-WORLD"


@pytest.mark.parametrize(("text", "message"), [
    ("", "line 1: the guide has no title. Fix: Start the guide with a '# Title' line."),
    ("# Only a title\n\nSome words.\n",
     "line 1: the guide has no sections. Fix: Start each section with a '## Heading' line below the title."),
    ("# T\n\n## Same\n\ntext\n\n## Same\n",
     "line 7: the section 'Same' has the slug 'same', already used by the section on line 3. "
     "Fix: Rename it, or give it its own slug: ## Same {#another-slug}"),
    ("# T\n\n## A {#x}\n\n## B {#x}\n",
     "line 5: the section 'B' has the slug 'x', already used by the section on line 3. "
     "Fix: Rename it, or give it its own slug: ## B {#another-slug}"),
    ("# T\n\n## Index\n",
     "line 3: the section 'Index' has the slug 'index', already used by the landing page. "
     "Fix: Rename it, or give it its own slug: ## Index {#another-slug}"),
    ("# T\n\n## !!!\n",
     "line 3: the heading '!!!' gives an empty URL slug. "
     "Fix: Add letters or digits to it, or give it a slug: ## !!! {#my-slug}"),
    ("Stray words\n\n# T\n\n## A\n",
     "line 1: text before the guide's title cannot be placed on any page. "
     "Fix: Move it below the '# ' title line, where it opens the landing page."),
    ("# T\n\n## A\n\n# Another\n",
     "line 5: the guide has a second title 'Another'. Fix: A guide has one '# ' title; start sections with '## '."),
])
def test_bad_guides_name_the_line_and_the_fix(text, message):
    with pytest.raises(GuideError) as caught:
        split_guide(text)
    assert str(caught.value) == message
