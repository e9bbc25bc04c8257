"""Split one guide document into a landing page and one page per top-level section.

What splits is what the one-page build renders as headings, read by the outline with the site's own Markdown
extensions, by these rules (stated for authors in the documentation):

- The first `#` heading is the guide's title, unless a section comes before it. A guide without a title (a
  README that starts with its sections) takes the site's name as its title; its landing page is what comes
  before the first section.
- Sections are the `##` headings. A guide with no `##` heading has its sections at the highest level it
  uses below the title (`###`, say): each such heading is a page.
- Every other `#` heading (an appendix at the end, a README's reference part) starts a section of its own.
- What is truly ambiguous stops the build: a heading with no slug, two sections with one slug.
 The landing page holds everything before the first section
(front matter, badges, the title and the introduction); each section page runs from its heading to the next.
Pages are cut from the guide's lines without rewriting them, so a line on a page maps back to a line of the
guide by adding the page's `first_line - 1`. What a page needs from elsewhere in the guide (link reference
definitions, abbreviations, the footnotes it cites) is carried in its `definitions`, read after its text.

This module is pure: it knows Markdown, nothing of MkDocs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions.toc import unique

from guide_widgets._internal.site.outline import (
    FOOTNOTE_DEFINITION,
    Heading,
    Outline,
    outline_markdown,
    read_outline,
)

LANDING_SLUG = "index"
CONTENTS = "contents"

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class GuideError(ValueError):
    """A problem in the guide document, with the line it is on and how to fix it."""

    def __init__(self, line: int, problem: str, fix: str) -> None:
        super().__init__(f"line {line}: {problem} Fix: {fix}")
        self.line = line
        self.problem = problem
        self.fix = fix


class GuideErrors(ValueError):
    """Every problem found in the guide, each with its line and fix."""

    def __init__(self, errors: list[GuideError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class Page:
    """One page cut from the guide: the landing page or a section."""

    title: str
    slug: str
    first_line: int
    markdown: str
    definitions: str
    """Definitions the page's text uses but the guide holds elsewhere: Markdown to read after the page."""
    anchors: tuple[str, ...]
    heading_ids: tuple[str, ...]
    """The id of each heading on the page, in order, as the one-page build gives them."""
    promote: int
    """By how many levels the page's headings move up, so that a section's own heading is its `h1` (1 for a
    `##` section, 2 for a `###` one, 0 for the landing page and for a later `#` heading)."""
    last_line: int


@dataclass(frozen=True)
class Guide:
    """The guide split into its landing page and its sections, in document order."""

    title: str
    landing: Page
    sections: tuple[Page, ...]
    contents_anchor: str = CONTENTS
    warnings: tuple[GuideError, ...] = field(default=())

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


def fence_spans(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) index of each fenced code block (``` or ~~~); last is -1 for a fence never closed."""
    spans: list[tuple[int, int]] = []
    fence, opened = "", 0
    for index, line in enumerate(lines):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) \
                    and not line.strip().lstrip(fence[0]):
                spans.append((opened, index))
                fence = ""
        elif opener:
            fence, opened = opener.group(1), index
    if fence:
        spans.append((opened, -1))
    return spans


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Yield (index, line) for each line that is not part of fenced code."""
    fenced = {i for first, last in fence_spans(lines) for i in range(first, (last if last >= 0 else len(lines)) + 1)}
    return ((index, line) for index, line in enumerate(lines) if index not in fenced)


def _footnote_end(lines: list[str], start: int, stop: int) -> int:
    """Index after the footnote definition on line index `start`, as Python-Markdown's footnotes read it:
    the rest of its paragraph, then any blocks indented by four spaces."""
    end = start + 1
    while end < stop and lines[end].strip() and not FOOTNOTE_DEFINITION.match(lines[end]):
        end += 1
    while True:
        after = end
        while after < stop and not lines[after].strip():
            after += 1
        if after == end or after >= stop or not lines[after].startswith(("    ", "\t")):
            return end
        end = after
        while end < stop and lines[end].strip():
            end += 1


def _definitions(outline: Outline, cited: list[str], footnote_text: dict[str, str]) -> str:
    parts: list[str] = []
    for key, (url, title) in outline.references.items():
        quoted = f' "{title}"' if title is not None else ""
        parts.append(f"[{key}]: <{url}>{quoted}")
    parts += [f"*[{abbr}]: {title}" for abbr, title in outline.abbreviations.items()]
    text = "\n".join(parts)
    cited_here = set(cited)
    notes = [footnote_text[key] for key in outline.footnote_lines if key in cited_here and key in footnote_text]
    return "\n\n".join(filter(None, [text, *notes]))


def _check(outline: Outline, title: Heading | None, sections: list[Heading], untitled: bool) -> list[GuideError]:
    errors: list[GuideError] = []
    if title is None and not untitled:
        errors.append(GuideError(1, "the guide has no title.",
                                 "Start the guide with a '# Title' line (or a title underlined with '===')."))
    if not sections and (title is not None or untitled):
        errors.append(GuideError(title.line if title else 1, "the guide has no sections.",
                                 "Start each section with a '## Heading' line below the title."))
    used: dict[str, int] = {LANDING_SLUG: title.line if title else 1}
    for heading in sections:
        if outline.empty_slug(heading):
            errors.append(GuideError(
                heading.line, f"the heading '{heading.text}' gives an empty URL slug.",
                f"Add letters or digits to it, or give it a slug: ## {heading.text} {{#my-slug}}"))
            continue
        if heading.anchor in used:
            where = "the landing page" if heading.anchor == LANDING_SLUG else f"the section on line {used[heading.anchor]}"
            errors.append(GuideError(
                heading.line, f"the section '{heading.text}' has the slug '{heading.anchor}', already used by {where}.",
                f"Rename it, or give it its own slug: ## {heading.text} {{#another-slug}}"))
        used.setdefault(heading.anchor, heading.line)
    return errors


def title_and_sections(tops: list[Heading]) -> tuple[Heading | None, list[Heading]]:
    """The guide's title and the headings that start pages. The sections are the `##` headings (or, in a guide
    without any, those of the highest level it uses below `#`), and every `#` heading but the title. The title
    is the first `#` heading when no section comes before it; a guide that starts with its sections (a README)
    has none, and each of its `#` headings starts a part of its own."""
    below = [h for h in tops if h.level > 1]
    level = 2 if any(h.level == 2 for h in below) else min((h.level for h in below), default=2)
    first = next((h for h in tops if h.level == 1), None)
    title = first if first is not None and not any(h.level == level and h.line < first.line for h in tops) else None
    return title, [h for h in tops if h is not title and h.level in (1, level)]


def split_guide(text: str, md: Markdown | None = None, front_matter_lines: int = 0,
                untitled: str | None = None) -> Guide:
    """Split a guide document into pages, or raise GuideErrors naming every bad line and its fix.

    `md` is a converter from `outline_markdown()` with the site's extensions; the first `front_matter_lines`
    lines (the page's meta-data, which MkDocs reads itself) stay on the landing page and are not parsed.
    `untitled` is the title of a guide without a `#` heading (the site's name); without it, such a guide
    is refused.
    """
    lines = text.splitlines()
    parsed = [""] * front_matter_lines + lines[front_matter_lines:]
    outline = read_outline("\n".join(parsed), md or outline_markdown())

    tops = [h for h in outline.headings if h.top and h.line]
    title, sections = title_and_sections(tops)
    errors = _check(outline, title, sections, untitled is not None)
    if errors:
        raise GuideErrors(errors)
    guide_title = title.text if title is not None else str(untitled)

    # Footnote definitions move to the pages that cite them: blank them where they stand (lines keep their
    # numbers) and keep their text to append.
    body = list(lines)
    footnote_text: dict[str, str] = {}
    starts = [h.line - 1 for h in sections]
    for key, line in outline.footnote_lines.items():
        stop = next((s for s in starts if s > line - 1), len(lines))
        end = _footnote_end(lines, line - 1, stop)
        footnote_text[key] = "\n".join(lines[line - 1:end])
        body[line - 1:end] = [""] * (end - line + 1)

    taken = {anchor for anchor, _ in outline.anchors} | {h.anchor for h in sections}
    contents_anchor = unique(CONTENTS, set(taken)) if CONTENTS in taken else CONTENTS

    section_lines = [h.line for h in sections]

    def section_of(after: int) -> int:
        """The section (by its heading's line) that holds what follows the top-level heading on line `after`."""
        index = bisect_right(section_lines, after)
        return section_lines[index - 1] if index else 0

    # Each anchor, heading and footnote citation goes to its section once (a page then takes its own, instead
    # of every page scanning the whole guide: the split stays linear in the guide's length).
    cited_in: dict[int, list[str]] = defaultdict(list)
    for key, where in outline.footnote_refs:
        cited_in[section_of(where)].append(key)
    anchors_in: dict[int, list[str]] = defaultdict(list)
    for anchor, where in outline.anchors:
        anchors_in[section_of(where)].append(anchor)
    ids_in: dict[int, list[str]] = defaultdict(list)
    for heading in outline.headings:
        ids_in[section_of(heading.part)].append(heading.anchor)

    def page(heading_text: str, part: int, start: int, end: int, slug: str, promote: int) -> Page:
        return Page(
            title=heading_text, slug=slug, first_line=start + 1, last_line=end,
            markdown="\n".join(body[start:end]) + "\n",
            definitions=_definitions(outline, cited_in[part], footnote_text),
            anchors=tuple(dict.fromkeys(anchors_in[part])),
            heading_ids=tuple(ids_in[part]),
            promote=promote,
        )

    bounds = [*starts, len(lines)]
    landing = page(guide_title, 0, 0, bounds[0], LANDING_SLUG, promote=0)
    pages = [page(h.text, h.line, bounds[n], bounds[n + 1], h.anchor, promote=h.level - 1)
             for n, h in enumerate(sections)]

    warnings: list[GuideError] = []
    for first, _ in (span for span in fence_spans(parsed) if span[1] < 0):
        warnings.append(GuideError(first + 1, "this code fence is never closed, so Markdown shows it and "
                                          "everything after it as plain text.",
                                   "Close it with a line of the same backticks or tildes."))
    return Guide(title=guide_title, landing=landing, sections=tuple(pages), contents_anchor=contents_anchor,
                 warnings=tuple(warnings))


def contents_markdown(guide: Guide, path_of: Callable[[Page], str]) -> str:
    """The landing page's list of sections, as Markdown links to their pages."""
    items = "\n".join(f"{n}. [{page.title}]({path_of(page)})" for n, page in enumerate(guide.sections, 1))
    return f"\n## Contents {{#{guide.contents_anchor}}}\n\n{items}\n"
