"""The splitter as a pure function: no MkDocs, just a guide's text in and pages out."""

from __future__ import annotations

import subprocess
import sys

import pytest
from guide_widgets._internal.site.outline import outline_markdown, unicode_fallback
from guide_widgets._internal.site.split import GuideErrors, contents_markdown, split_guide

EXTENSIONS = ["toc", "attr_list", "fenced_code", "tables", "footnotes", "abbr", "md_in_html"]


def split(text: str, front_matter_lines: int = 0, **toc: object):
    md = outline_markdown(EXTENSIONS, {"toc": toc} if toc else {})
    return split_guide(text, md, front_matter_lines=front_matter_lines)

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
    code = "import sys, guide_widgets._internal.site.split; print(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_each_top_level_section_becomes_a_page_in_order():
    guide = split(GUIDE)
    assert guide.title == "The guide"
    assert [(p.title, p.slug, p.first_line) for p in guide.sections] == [
        ("First part", "first-part", 7), ("Second part", "second", 17)]


def test_pages_are_the_guide_lines_unchanged_and_sections_are_promoted_when_rendered():
    guide = split(GUIDE)
    first, second = guide.sections
    lines = GUIDE.splitlines()
    assert first.markdown.splitlines() == lines[first.first_line - 1:second.first_line - 1]
    assert second.markdown.splitlines() == lines[second.first_line - 1:]
    assert guide.landing.markdown.splitlines() == lines[:first.first_line - 1]
    assert (guide.landing.promote, first.promote, second.promote) == (False, True, True)


def test_anchors_and_heading_ids_are_those_of_the_one_page_build():
    guide = split(GUIDE)
    first, second = guide.sections
    assert first.heading_ids == ("first-part", "detail")
    assert second.heading_ids == ("second", "detail_1", "deeper")  # one id per heading, everywhere
    pages = guide.anchor_pages()
    assert pages["second"] is second
    assert pages["detail"] is first
    assert pages["detail_1"] is second
    assert pages["a-note-in-the-intro"] is guide.landing
    assert pages["the-guide"] is guide.landing


def test_landing_page_holds_title_intro_and_contents():
    guide = split(GUIDE)
    assert guide.landing.markdown.startswith("# The guide\n\nIntro text.\n")
    contents = contents_markdown(guide, lambda page: f"{page.slug}.md")
    assert "## Contents {#contents}" in contents
    assert "1. [First part](first-part.md)\n2. [Second part](second.md)" in contents


def test_custom_slugify_is_used():
    guide = split("# T\n\n## Hello World\n", slugify=lambda text, sep: text.upper().replace(" ", sep))
    assert guide.sections[0].slug == "HELLO-WORLD"


# --- What splits is what Python-Markdown renders as a heading ------------------------------------------------

def test_headings_in_comments_raw_html_and_code_do_not_split():
    guide = split("# T\n\n## A\n\n<!--\n## Draft\n-->\n\n<details>\n<summary>More</summary>\n\n"
                  "## Inside details\n\n</details>\n\n```\n## In code\n```\n\n    ## Indented code\n\n## B\n")
    assert [page.title for page in guide.sections] == ["A", "B"]
    assert "-->" in guide.sections[0].markdown
    assert "</details>" in guide.sections[0].markdown


def test_setext_headings_split_like_atx_headings():
    guide = split("The title\n=========\n\nIntro.\n\nFirst\n-----\n\nText.\n\n## Second\n\nMore.\n")
    assert guide.title == "The title"
    assert [(p.title, p.slug, p.first_line) for p in guide.sections] == [("First", "first", 6),
                                                                       ("Second", "second", 11)]


def test_a_heading_without_a_space_is_a_heading_as_python_markdown_reads_it():
    guide = split("# T\n\n##First\n\n##Second\n")
    assert [p.title for p in guide.sections] == ["First", "Second"]


def test_numbered_headings_keep_one_slug_for_url_id_and_links():
    guide = split("# T\n\n## 1. Glossary\n\nSee [terms](#1-glossary).\n\n## 2. Next\n")
    assert [p.slug for p in guide.sections] == ["1-glossary", "2-next"]
    assert guide.sections[0].heading_ids[0] == "1-glossary"


def test_nested_headings_do_not_split_but_keep_their_ids():
    guide = split("# T\n\n## A\n\n<div markdown>\n\n## Nested\n\n</div>\n\n> ## Quoted\n\n## B\n")
    assert [p.title for p in guide.sections] == ["A", "B"]
    assert guide.sections[0].heading_ids == ("a", "nested", "quoted")


def test_front_matter_stays_on_the_landing_page_unread():
    text = "---\ntitle: Custom\n# not a title\n---\n\n# Real title\n\n## A\n"
    guide = split(text, front_matter_lines=4)
    assert guide.title == "Real title"
    assert guide.landing.markdown.startswith("---\ntitle: Custom\n")
    assert [p.first_line for p in guide.sections] == [8]


def test_anything_before_the_title_opens_the_landing_page():
    text = "<!-- generated -->\n[![build](badge.svg)](https://example.org)\n\n# Title\n\n## A\n"
    guide = split(text)
    assert guide.title == "Title"
    assert guide.landing.markdown.startswith("<!-- generated -->\n[![build](badge.svg)]")


def test_anchors_that_are_not_headings_belong_to_their_page():
    guide = split('# T\n\n## A\n\n## B\n\nA <a name="old"></a> and <span id="here">x</span>.\n\n'
                  'A paragraph.\n{: #para }\n')
    pages = guide.anchor_pages()
    assert pages["old"] is pages["here"] is pages["para"] is guide.sections[1]


def test_non_latin_headings_get_unicode_slugs_with_the_fallback():
    guide = split("# ガイド\n\n## はじめに\n\n## 使い方\n", slugify=unicode_fallback(None))
    assert [p.slug for p in guide.sections] == ["はじめに", "使い方"]


def test_the_contents_heading_never_takes_the_guides_own_contents_anchor():
    guide = split("# T\n\n## Contents\n\n## B\n")
    assert guide.sections[0].slug == "contents"
    assert guide.contents_anchor == "contents_1"
    assert "{#contents_1}" in contents_markdown(guide, lambda page: f"{page.slug}.md")


# --- What a page needs from elsewhere in the guide -----------------------------------------------------------

def test_link_references_and_abbreviations_defined_anywhere_reach_every_page():
    guide = split("# T\n\nSee [the docs][docs].\n\n## A\n\nThe HTML spec.\n\n## B\n\n"
                  "[docs]: https://example.org \"Docs\"\n*[HTML]: Hyper Text Markup Language\n")
    for page in guide.pages:
        assert '[docs]: <https://example.org> "Docs"' in page.definitions
        assert "*[HTML]: Hyper Text Markup Language" in page.definitions


def test_footnotes_move_to_the_pages_that_cite_them():
    text = ("# T\n\n## A\n\nA claim[^a] and another[^b].\n\n## B\n\nOnly b[^b] here.\n\n## Notes\n\n"
            "[^a]: First note,\n    with a second line.\n\n[^b]: Second note.\n\n    A second paragraph.\n\n"
            "Closing words.\n")
    guide = split(text)
    a, b, notes = guide.sections
    assert a.definitions.endswith("[^a]: First note,\n    with a second line.\n\n"
                                  "[^b]: Second note.\n\n    A second paragraph.")
    assert b.definitions.endswith("[^b]: Second note.\n\n    A second paragraph.")
    assert "[^a]" not in b.definitions
    assert "[^" not in notes.markdown and "[^" not in notes.definitions
    assert "Closing words." in notes.markdown
    assert len(notes.markdown.splitlines()) == len(text.splitlines()) - notes.first_line + 1


def test_a_fence_never_closed_is_a_warning_with_its_line():
    guide = split("# T\n\n## A\n\n```python\nprint(1)\n\n## B\n")
    assert [(w.line, w.problem) for w in guide.warnings] == [
        (5, "this code fence is never closed, so Markdown shows it and everything after it as plain text.")]
    assert [p.title for p in guide.sections] == ["A", "B"]


@pytest.mark.parametrize(("text", "messages"), [
    ("", ["line 1: the guide has no title. Fix: Start the guide with a '# Title' line (or a title underlined "
          "with '===')."]),
    ("# Only a title\n\nSome words.\n",
     ["line 1: the guide has no sections. Fix: Start each section with a '## Heading' line below the title."]),
    ("# T\n\n## A {#x}\n\n## B {#x}\n",
     ["line 5: the section 'B' has the slug 'x', already used by the section on line 3. "
      "Fix: Rename it, or give it its own slug: ## B {#another-slug}"]),
    ("# T\n\n## Index\n",
     ["line 3: the section 'Index' has the slug 'index', already used by the landing page. "
      "Fix: Rename it, or give it its own slug: ## Index {#another-slug}"]),
    ("# T\n\n## !!!\n",
     ["line 3: the heading '!!!' gives an empty URL slug. "
      "Fix: Add letters or digits to it, or give it a slug: ## !!! {#my-slug}"]),
    ("# T\n\n## ???\n\n## ***\n\n# Again\n",  # every problem at once, in one build
     ["line 3: the heading '???' gives an empty URL slug. Fix: Add letters or digits to it, or give it a slug: "
      "## ??? {#my-slug}",
      "line 5: the heading '***' gives an empty URL slug. Fix: Add letters or digits to it, or give it a slug: "
      "## *** {#my-slug}"]),
])
def test_bad_guides_name_every_line_and_fix(text, messages):
    with pytest.raises(GuideErrors) as caught:
        split(text)
    assert [str(error) for error in caught.value.errors] == messages


def test_without_the_fallback_a_japanese_heading_names_the_fix():
    with pytest.raises(GuideErrors) as caught:
        split("# ガイド\n\n## はじめに\n")
    assert str(caught.value) == ("line 3: the heading 'はじめに' gives an empty URL slug. "
                                 "Fix: Add letters or digits to it, or give it a slug: ## はじめに {#my-slug}")


# --- The shapes real documents come in ------------------------------------------------------------------------

def test_a_guide_without_a_title_takes_the_sites_name_and_keeps_its_introduction():
    guide = split_guide("Some words first.\n\n## A\n\nText.\n\n## B\n", untitled="My site")
    assert guide.title == guide.landing.title == "My site"
    assert guide.landing.markdown == "Some words first.\n\n"
    assert [(p.title, p.slug, p.promote) for p in guide.sections] == [("A", "a", 1), ("B", "b", 1)]


def test_a_guide_whose_sections_are_at_level_three_is_split_there():
    guide = split("# T\n\nIntro.\n\n### A\n\n#### A1\n\n### B\n")
    assert [(p.title, p.promote, p.heading_ids) for p in guide.sections] == [("A", 2, ("a", "a1")), ("B", 2, ("b",))]


def test_a_later_level_one_heading_starts_a_section_of_its_own():
    guide = split("# T\n\n## A\n\n# Appendix\n\nKept for reference.\n\n## Terms\n")
    assert [(p.title, p.promote) for p in guide.sections] == [("A", 1), ("Appendix", 0), ("Terms", 1)]
    assert guide.sections[1].markdown == "# Appendix\n\nKept for reference.\n\n"


def test_level_two_headings_are_the_sections_even_when_level_three_comes_first():
    guide = split("# T\n\n### Part of the introduction\n\n## A\n\n### Under A\n")
    assert [p.title for p in guide.sections] == ["A"]
    assert "### Part of the introduction" in guide.landing.markdown
