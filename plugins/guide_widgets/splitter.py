"""Split one guide document into a landing page and one page per top-level section.

A guide is a Markdown document with one `# Title`, an optional introduction, and sections that each start
with a `## Heading`. Each section becomes its own page: its heading becomes the page title and its
sub-headings move up one level so that they fill the page's table of contents. Line counts never change,
so a line on a page maps back to a line of the guide by adding the page's `first_line - 1`.

This module is pure: it knows Markdown headings and fences, nothing of MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions.toc import slugify as toc_slugify
from markdown.extensions.toc import unique

Slugify = Callable[[str, str], str]

LANDING_SLUG = "index"

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?([^}]*)\}$")
_TAG = re.compile(r"<[^>]+>")


class GuideError(ValueError):
    """A problem in the guide document, with the line it is on and how to fix it."""

    def __init__(self, line: int, problem: str, fix: str) -> None:
        super().__init__(f"line {line}: {problem} Fix: {fix}")
        self.line = line
        self.problem = problem
        self.fix = fix


@dataclass(frozen=True)
class Heading:
    """An ATX heading of the guide: its level, visible text, anchor id and 1-based line."""

    level: int
    text: str
    anchor: str
    line: int
    explicit: bool


@dataclass(frozen=True)
class Page:
    """One page cut from the guide: the landing page or a section."""

    title: str
    slug: str
    first_line: int
    markdown: str
    anchors: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    """The guide split into its landing page and its sections, in document order."""

    title: str
    landing: Page
    sections: tuple[Page, ...]

    @property
    def pages(self) -> tuple[Page, ...]:
        return (self.landing, *self.sections)

    def anchor_pages(self) -> dict[str, Page]:
        """Map each anchor to the page that holds it; a section's slug maps to its own page."""
        found: dict[str, Page] = {}
        for page in self.pages:
            for anchor in (page.slug, *page.anchors):
                found.setdefault(anchor, page)
        return found


_markdown = Markdown()  # one converter, reset for each heading: building one costs more than a conversion


def plain_text(markdown_text: str) -> str:
    """The visible text of inline Markdown, as the table of contents would see it."""
    rendered = _markdown.reset().convert(markdown_text)
    return html.unescape(_TAG.sub("", rendered)).strip()


def _parse_heading(match: re.Match[str], line: int, slugify: Slugify) -> Heading:
    level = len(match.group(1))
    raw = _CLOSING_HASHES.sub("", match.group(2) or "").strip()
    anchor = ""
    explicit = False
    attrs = _ATTR_LIST.search(raw)
    if attrs:
        raw = raw[: attrs.start()].strip()
        for part in attrs.group(1).split():
            if part.startswith("#") and len(part) > 1:
                anchor, explicit = part[1:], True
    text = plain_text(raw) if raw else ""
    if not explicit:
        anchor = slugify(text, "-")
    return Heading(level=level, text=text, anchor=anchor, line=line, explicit=explicit)


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Yield (index, line) for each line that is not part of fenced code (``` or ~~~)."""
    fence = ""
    for index, line in enumerate(lines):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) \
                    and not line.strip().lstrip(fence[0]):
                fence = ""
        elif opener:
            fence = opener.group(1)
        else:
            yield index, line


def iter_headings(lines: list[str], slugify: Slugify = toc_slugify) -> Iterator[tuple[int, Heading]]:
    """Yield (index, heading) for each ATX heading outside fenced code."""
    for index, line in outside_fences(lines):
        match = _HEADING.match(line)
        if match:
            yield index, _parse_heading(match, index + 1, slugify)


def _promote(line: str) -> str:
    """Move a heading line up one level: '### Sub' becomes '## Sub'."""
    stripped = line.lstrip(" ")
    return line[: len(line) - len(stripped)] + stripped[1:]


def _page(title: Heading, slug: str, lines: list[str], first_index: int,
          headings: list[tuple[int, Heading]], promote: bool) -> Page:
    body = list(lines)
    seen: set[str] = set()
    unique(slug, seen)
    anchors: list[str] = [title.anchor] if title.anchor and title.anchor != slug else []
    seen.update(anchors)
    for index, heading in headings:
        if promote:
            body[index - first_index] = _promote(body[index - first_index])
        if heading is not title:
            anchors.append(heading.anchor if heading.explicit else unique(heading.anchor, seen))
    return Page(title=title.text, slug=slug, first_line=first_index + 1,
                markdown="\n".join(body) + "\n", anchors=tuple(anchors))


def split_guide(text: str, slugify: Slugify = toc_slugify) -> Guide:
    """Split a guide document into pages, or raise GuideError naming the line and the fix."""
    lines = text.splitlines()
    headings = list(iter_headings(lines, slugify))

    titles = [(i, h) for i, h in headings if h.level == 1]
    if not titles:
        raise GuideError(1, "the guide has no title.", "Start the guide with a '# Title' line.")
    title_index, title = titles[0]
    if len(titles) > 1:
        raise GuideError(titles[1][1].line, f"the guide has a second title '{titles[1][1].text}'.",
                         "A guide has one '# ' title; start sections with '## '.")
    for index in range(title_index):
        if lines[index].strip():
            raise GuideError(index + 1, "text before the guide's title cannot be placed on any page.",
                             "Move it below the '# ' title line, where it opens the landing page.")

    starts = [(i, h) for i, h in headings if h.level == 2]
    if not starts:
        raise GuideError(title.line, "the guide has no sections.",
                         "Start each section with a '## Heading' line below the title.")

    first_section = starts[0][0]
    intro_headings = [(i, h) for i, h in headings if title_index <= i < first_section]
    landing = _page(title, LANDING_SLUG, lines[title_index:first_section], title_index,
                    intro_headings, promote=False)

    sections: list[Page] = []
    used: dict[str, int] = {LANDING_SLUG: title.line}
    for number, (start, heading) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        slug = heading.anchor
        if not slug:
            raise GuideError(heading.line, f"the heading '{heading.text}' gives an empty URL slug.",
                             f"Add letters or digits to it, or give it a slug: ## {heading.text} {{#my-slug}}")
        if slug in used:
            where = "the landing page" if slug == LANDING_SLUG else f"the section on line {used[slug]}"
            raise GuideError(heading.line,
                             f"the section '{heading.text}' has the slug '{slug}', already used by {where}.",
                             f"Rename it, or give it its own slug: ## {heading.text} {{#another-slug}}")
        used[slug] = heading.line
        own = [(i, h) for i, h in headings if start <= i < end]
        sections.append(_page(heading, slug, lines[start:end], start, own, promote=True))

    return Guide(title=title.text, landing=landing, sections=tuple(sections))


def contents_markdown(guide: Guide, path_of: Callable[[Page], str]) -> str:
    """The landing page's list of sections, as Markdown links to their pages."""
    items = "\n".join(f"{n}. [{page.title}]({path_of(page)})" for n, page in enumerate(guide.sections, 1))
    return f"\n## Contents {{#contents}}\n\n{items}\n"
