"""Widget blocks on a bare Markdown(): golden HTML for each kind, and the message for every bad block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from guide_widgets._internal.site.pages import Target
from guide_widgets._internal.widgets.blocks import (
    PageBlocks,
    SiteBlocks,
    WidgetBlocks,
    WidgetError,
    WidgetsExtension,
)
from markdown import Markdown

GOLDEN = Path(__file__).parent / "golden"
KINDS = ["checklist", "period", "quiz"]


def convert(text: str, anchors: set[str] | None = None) -> str:
    known = anchors if anchors is not None else {"a", "b", "c"}
    md = Markdown(extensions=["attr_list", "pymdownx.blocks.admonition",
                              WidgetsExtension(WidgetBlocks(page=guide_page(known)))])
    return md.convert(text)


def guide_page(known: set[str], first_line: int = 1) -> PageBlocks:
    """A page cut from a guide whose sections have the anchors `known`, all on one other page."""

    def resolve(link: str) -> Target | None:
        anchor = link.removeprefix("#")
        if anchor in known:
            return Target(f"../page/#{anchor}", "page.md", anchor, known=True)
        return Target("", "guide.md", anchor, known=False, missing="section or heading of the guide")

    return PageBlocks("docs/guide.md", first_line, resolve=resolve, near=sorted(known))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_its_golden_html(kind: str, request: pytest.FixtureRequest):
    source = (GOLDEN / f"{kind}.md").read_text(encoding="utf-8")
    html = convert(source)
    golden = GOLDEN / f"{kind}.html"
    if request.config.getoption("--update-golden"):
        golden.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_every_control_has_a_label_and_the_result_is_a_live_region(kind: str):
    html = convert((GOLDEN / f"{kind}.md").read_text(encoding="utf-8"))
    ids = re.findall(r'<(?:input|textarea)[^>]* id="([^"]+)"', html)
    assert ids
    for control in ids:
        assert f'for="{control}"' in html
    assert 'aria-live="polite"' in html
    assert "<noscript>" in html
    assert html.count("<fieldset") >= 1 and html.count("<legend>") == html.count("<fieldset")


def test_author_text_is_markdown_and_links_resolve_through_the_guide():
    html = convert((GOLDEN / "quiz.md").read_text(encoding="utf-8"))
    assert "<em>honestly</em>" in html
    assert '<a href="../page/#b">' in html


def test_a_markdown_link_to_a_heading_in_any_author_text_goes_where_the_heading_is_published():
    html = convert(GOOD.replace("text: Keep going.", "text: Keep going, or [read this](#c) first."))
    assert '<a href="../page/#c">read this</a>' in html


def test_blocks_that_are_not_widgets_still_work():
    assert '<div class="admonition note">' in convert("/// admonition | Note\n    type: note\n\nHello\n///\n")


GOOD = """Intro line

/// quiz | Quiz
questions:
  - text: One?
    answers:
      - label: Yes
        weight: 0
      - label: No
        weight: 2
bands:
  - min: 0
    title: Fine
    text: Keep going.
    link: "#a"
///
"""


@pytest.mark.parametrize(("text", "message"), [
    (GOOD.replace("quiz", "quizz"),
     "docs/guide.md:3: unknown block '/// quizz'. Fix: Did you mean '/// quiz'? Use a widget kind (checklist, "
     "period, quiz), or another block this site knows (admonition, attention, caution, danger, "
     "error, hint, important, note, tip, warning)."),
    (GOOD.replace("    title: Fine\n", "    title: Fine\n    colour: red\n"),
     "docs/guide.md:14: widget '/// quiz': 'bands': item 1, unknown option 'colour'. The options are: "
     "min, title, text, link, link_text. Fix: Remove 'colour' or correct its spelling."),
    (GOOD.replace("questions:", "questons:"),
     "docs/guide.md:4: widget '/// quiz': unknown option 'questons'. The options are: questions, bands, "
     "min_answered. Fix: Did you mean 'questions'? Correct the spelling, or remove 'questons'."),
    (GOOD.replace("    title: Fine\n", "    title: Fine\n    Text: Hi\n"),
     "docs/guide.md:14: widget '/// quiz': 'bands': item 1, unknown option 'Text'. The options are: "
     "min, title, text, link, link_text. Fix: Did you mean 'text'? Correct the spelling, or remove 'Text'."),
    (GOOD.replace("bands:", "strings:\n  answred: Done\nbands:"),
     "docs/guide.md:12: widget '/// quiz': 'strings': this kind has no string 'answred'. Fix: Did you mean "
     "'answered'? Use one of: answer_more, answered, based_on, because, because_answer, choose, floor, scale, "
     "scale_floor, scale_floor_only, scale_settled, settled, still_open."),
    (GOOD.replace("weight: 2", "weight: a lot"),
     "docs/guide.md:10: widget '/// quiz': 'questions': item 1, 'answers': item 2, 'weight': "
     "expected a number, got 'a lot'. Fix: Give 'weight' a number."),
    (GOOD.replace("  - text: One?\n    answers:\n      - label: Yes\n        weight: 0\n      - label: No\n"
                  "        weight: 2\n", ""),
     "docs/guide.md:4: widget '/// quiz': 'questions': expected a list (lines starting with '- '), "
     "got nothing. Fix: Give 'questions' a list (lines starting with '- ')."),
    (GOOD.replace('link: "#a"', 'link: "#Ä"'),
     "docs/guide.md:15: widget '/// quiz': the link '#Ä' points to no section or heading of the "
     "guide. Fix: Did you mean '#a'? Link to a heading by its anchor: '#anchor' on this page or in its guide, "
     "'page.md#anchor' on another page."),
    (GOOD.replace("///\n", ""),
     "docs/guide.md:3: the widget block '/// quiz' is never closed: the rest of the page would be read as its "
     "options. Fix: End the block with a line of '///' after its options."),
    (GOOD.replace('link: "#a"', 'link: "#nowhere"'),
     "docs/guide.md:15: widget '/// quiz': the link '#nowhere' points to no section or heading of the "
     "guide. Fix: Link to a heading by its anchor: '#anchor' on this page or in its guide, 'page.md#anchor' "
     "on another page."),
    (GOOD.replace('link: "#a"', "link: a"),
     "docs/guide.md:15: widget '/// quiz': 'bands': item 1, 'link': expected a link to a heading or a page "
     "of the site, written like '#section-slug' or 'other-page.md#heading', got 'a'. Fix: Give 'link' a link "
     "to a heading or a page of the site, written like '#section-slug' or 'other-page.md#heading'."),
    (GOOD.replace("text: Keep going.", "text: Keep going, or [read](#gone)."),
     "docs/guide.md:14: widget '/// quiz': the link '#gone' points to no section or heading of the "
     "guide. Fix: Link to a heading by its anchor: '#anchor' on this page or in its guide, 'page.md#anchor' "
     "on another page."),
    (GOOD.replace("        weight: 2\n", "        settles: Fin\n"),
     "docs/guide.md:10: widget '/// quiz': 'settles' names no band: 'Fin'. Fix: Did you mean 'Fine'? "
     "Use the title of one of the bands: 'Fine'."),
    (GOOD.replace("        weight: 2\n", ""),
     "docs/guide.md:9: widget '/// quiz': question 1, answer 2 has no 'weight'. Fix: Give it "
     "'weight: <number>', or 'settles: <band title>' if it decides the result."),
    (GOOD.replace("        weight: 2\n", "        weight: 2\n        because: why\n"),
     "docs/guide.md:11: widget '/// quiz': 'because' is only shown for an answer that settles the result or "
     "sets its floor. Fix: Add 'settles: <band title>' or 'at_least: <band title>', or remove 'because'."),
    (GOOD.replace("        weight: 2\n", "        weight: 2\n        help: Call someone.\n"),
     "docs/guide.md:11: widget '/// quiz': 'help' is only shown for an answer that settles the result or "
     "sets its floor. Fix: Add 'settles: <band title>' or 'at_least: <band title>', or remove 'help'."),
    (GOOD.replace("        weight: 2\n", "        weight: 2\n        at_least: Fin\n"),
     "docs/guide.md:11: widget '/// quiz': 'at_least' names no band: 'Fin'. Fix: Did you mean 'Fine'? "
     "Use the title of one of the bands: 'Fine'."),
    (GOOD.replace("        weight: 2\n", "        weight: 2\n        at_least: Fine\n"),
     "docs/guide.md:11: widget '/// quiz': 'at_least' names the mildest band, 'Fine': no result is milder, "
     "so it changes nothing. Fix: Name a more serious band, or remove 'at_least'."),
    (GOOD.replace("        weight: 2\n", "        settles: Fine\n        at_least: Fine\n"),
     ["docs/guide.md:11: widget '/// quiz': 'at_least' names the mildest band, 'Fine': no result is milder, "
      "so it changes nothing. Fix: Name a more serious band, or remove 'at_least'.",
      "docs/guide.md:11: widget '/// quiz': question 1, answer 2 both settles the result and sets its floor. "
      "Fix: Keep 'settles' if the answer decides the result on its own, or 'at_least' if the result may still "
      "go higher; remove the other."]),
    (GOOD.replace("    title: Fine\n", ""),
     "docs/guide.md:12: widget '/// quiz': 'bands': item 1, 'title': expected text, got nothing. "
     "Fix: Give 'title' text."),
    (GOOD.replace("  - min: 0", "  - min: 10"),
     "docs/guide.md:12: widget '/// quiz': the first of 'bands' starts at 10. Fix: Give the first item "
     "'min: 0' so that every result has a text."),
    (GOOD.replace("/// quiz | Quiz", "/// quiz"),
     "docs/guide.md:3: widget '/// quiz': the widget has no title. Fix: Write one after the name: "
     "/// quiz | Title"),
    (GOOD.replace("questions:", "questions: [oops"),
     "docs/guide.md:5: widget '/// quiz': the block's options are not valid YAML (expected ',' or ']', "
     "but got ':'). Fix: Write one 'name: value' per line; indent list items under "
     "their name."),
    ("/// period | Days\n    days: 3\n///\n",
     "docs/guide.md:1: widget '/// period': options under the header line (days) are not read. Fix: Write "
     "every option in the block's body, unindented, one 'name: value' per line."),
    ("/// period | Days\ndays: 400\nstages:\n  - from: 0\n    text: Hi\n///\n",
     "docs/guide.md:2: widget '/// period': 'days': expected a whole number from 1 to 365, got 400. "
     "Fix: Give 'days' a whole number from 1 to 365."),
    ("/// checklist | A\ngroups:\n  - legend: L\n    items: []\nbands:\n  - {min: 0, title: t, text: t}\n///\n",
     "docs/guide.md:4: widget '/// checklist': 'groups': item 1, 'items': needs at least 1 item, got 0. "
     "Fix: Give 'items' at least 1 item."),
])
def test_bad_blocks_stop_with_file_line_and_fix(text: str, message: str | list[str]):
    with pytest.raises(WidgetError) as caught:
        convert(text)
    assert [str(error) for error in caught.value.errors] == ([message] if isinstance(message, str) else message)


def test_every_bad_block_on_a_page_is_listed():
    text = GOOD.replace("weight: 2", "weight: x") + "\n" + GOOD.replace("quiz", "nope")
    with pytest.raises(WidgetError) as caught:
        convert(text)
    lines = str(caught.value).splitlines()
    assert lines[0] == "Bad widget blocks:"
    assert [line.split(":")[1] for line in lines[1:]] == ["10", "20"]  # from the top of the page down


def test_line_numbers_count_from_the_page_start_in_the_guide():
    state = WidgetBlocks()
    md = Markdown(extensions=[WidgetsExtension(state)])
    state.start_page(PageBlocks("docs/guide.md", first_line=100))
    with pytest.raises(WidgetError, match=r"docs/guide.md:109: "):
        md.convert(GOOD.replace("weight: 2", "weight: x"))


def test_a_block_left_open_is_named_once_at_its_header_and_the_blocks_before_it_still_count():
    text = GOOD.replace("weight: 2", "weight: x") + "\n" + GOOD.replace("///\n", "") + "\n" + GOOD
    with pytest.raises(WidgetError) as caught:
        convert(text)
    lines = str(caught.value).splitlines()[1:]
    assert [line.split(":")[1] for line in lines] == ["10", "20"]
    assert "is never closed" in lines[1]


def test_collected_problems_of_several_pages_are_raised_together_at_the_end():
    state = WidgetBlocks(SiteBlocks(), collect=True)
    md = Markdown(extensions=[WidgetsExtension(state)])
    state.start_page(guide_page({"a"}))
    md.reset().convert(GOOD.replace("weight: 2", "weight: x"))
    state.start_page(guide_page({"a"}, first_line=100))
    md.reset().convert(GOOD.replace("quiz", "quizz"))
    with pytest.raises(WidgetError) as caught:
        state.site.raise_problems()
    assert [line.split(":")[1] for line in str(caught.value).splitlines()[1:]] == ["10", "102"]
    state.site.raise_problems()  # raised once: the next build starts clean
