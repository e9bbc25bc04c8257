"""Each page cut from the guide renders as its part did in the whole guide; links follow what moved.

A Markdown extension that MkDocs runs for every page. On a page cut from the guide it moves the headings of
a section up one level (the section's own heading becomes the page's `h1`) and gives every heading the id
that the one-page build gives it, so that a heading has one slug everywhere: in the page URL, in its id and
in every link. On every page it points links at where their targets now are: `#anchor` and
`guide.md#anchor` to the page that holds the anchor, and paths written from the guide's folder to the
page's folder. MkDocs then turns the `.md` paths into URLs and checks them as for any page.

It also re-points MkDocs' own link warnings from the generated pages to the guide's file and line.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from guide_widgets._internal.site.outline import HEADING_TAGS
from guide_widgets._internal.site.split import Page
from guide_widgets._internal.suggest import did_you_mean


@dataclass(frozen=True)
class SplitGuide:
    """One guide as its links know it: where it was, and where each of its anchors is now."""

    src: str
    """The guide's path inside docs_dir, as authors link to it (`guide.md`)."""
    landing_src: str
    targets: dict[str, tuple[str, str]]
    """Anchor -> (path inside docs_dir of the page that holds it, fragment to link with)."""


@dataclass
class GuidePages:
    """What the extension knows of the split guides, and of the page being converted (set per page)."""

    guides: dict[str, SplitGuide] = field(default_factory=dict)
    """Every guide of the site, by its path inside docs_dir."""
    src: str = ""
    cut: Page | None = None
    """The part of a guide the current page was cut from; None for an ordinary page."""
    guide: SplitGuide | None = None
    """The guide the current page was cut from."""
    rewritten: dict[str, dict[str, str]] = field(default_factory=dict)
    """Page path -> {link as rewritten: link as the author wrote it}, for messages."""

    def start_page(self, src: str, cut: Page | None, guide: SplitGuide | None = None) -> None:
        self.src, self.cut, self.guide = src, cut, guide
        self.rewritten[src] = {}

    def moved(self, url: str) -> str:
        """Where a link written on the current page points now; unchanged when nothing moved."""
        scheme, netloc, path, query, fragment = urlsplit(url)
        if scheme or netloc or path.startswith("/") or not (path or fragment):
            return url
        here = posixpath.dirname(self.src) or "."
        if path:
            written_from = self.guide.src if self.guide is not None and self.cut is not None else self.src
            target = posixpath.normpath(posixpath.join(posixpath.dirname(written_from), path))
            split = self.guides.get(target)
            if split is None:
                if self.cut is None:
                    return url
                moved = posixpath.relpath(target, here) + ("/" if path.endswith("/") else "")
                return urlunsplit(("", "", moved, query, fragment))
            src, anchor = split.targets.get(fragment, (split.landing_src, fragment))
        elif self.cut is not None and self.guide is not None and fragment in self.guide.targets:
            src, anchor = self.guide.targets[fragment]
        else:
            return url
        if src == self.src:
            return f"#{fragment}" if fragment else posixpath.basename(src)
        return urlunsplit(("", "", posixpath.relpath(src, here), query, anchor))


def _outside_footnotes(element: etree.Element) -> Iterator[etree.Element]:
    for child in element:
        if child.tag == "div" and "footnote" in (child.get("class") or "").split():
            continue
        yield child
        yield from _outside_footnotes(child)


class _AsInTheGuide(Treeprocessor):
    def __init__(self, md: Markdown, pages: GuidePages) -> None:
        super().__init__(md)
        self.pages = pages

    def run(self, root: etree.Element) -> None:
        pages = self.pages
        if pages.cut is not None:
            ids = iter(pages.cut.heading_ids)
            for element in _outside_footnotes(root):
                if element.tag not in HEADING_TAGS:
                    continue
                if pages.cut.promote:
                    element.tag = f"h{max(int(element.tag[1]) - pages.cut.promote, 1)}"
                if anchor := next(ids, ""):
                    element.set("id", anchor)
        rewritten = pages.rewritten.setdefault(pages.src, {})
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else ""
            url = element.get(key) if key else None
            if url is None:
                continue
            moved = pages.moved(url)
            if moved != url:
                element.set(key, moved)
                rewritten.setdefault(moved, url)


class GuidePagesExtension(Extension):
    """Markdown extension: headings as in the whole guide, links to where their targets now are."""

    def __init__(self, pages: GuidePages | None = None, **kwargs: object) -> None:
        self.pages = pages or GuidePages()
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8) and abbr (7); before toc (5) reads ids and levels, and before MkDocs turns
        # '.md' paths into URLs (0).
        md.treeprocessors.register(_AsInTheGuide(md, self.pages), "gw_as_in_the_guide", 6)


_DOC_FILE = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?P<rest>.*)$", re.DOTALL)
_LINK = re.compile(r"link '(?P<link>[^']*)'")
_FIXES = (  # MkDocs' own warning, told apart by its words -> the fix for a link written in a guide
    ("not found among documentation files", "Link to a file inside the docs folder, written relative to the "
                                            "guide file."),
    ("anchor", "Link to a heading or an anchor that the guide has."),
    ("absolute link", "Write the link relative to the guide file."),
    ("unrecognized relative link", "Link to a Markdown file or an anchor, written relative to the guide file."),
)


@dataclass(frozen=True)
class GuideSource:
    """A guide as its messages name it: its label, its lines and the pages cut from it."""

    label: str
    lines: list[str]
    pages: dict[str, Page]
    split: SplitGuide


class GuideLinkMessages(logging.Filter):
    """Re-points MkDocs' warnings about links on generated pages to their guide's file and line."""

    def __init__(self, guides: list[GuideSource], links: GuidePages) -> None:
        super().__init__()
        self.guides, self.links = guides, links
        self.by_page = {src: guide for guide in guides for src in guide.pages}

    def filter(self, record: logging.LogRecord) -> bool:
        match = _DOC_FILE.match(str(record.msg))
        if not match:
            return True
        src, rest = match["src"], match["rest"]
        if link := _LINK.search(rest):
            original = self.links.rewritten.get(src, {}).get(link["link"], link["link"])
            rest = rest.replace(f"'{link['link']}'", f"'{original}'", 1)
        guide = self.by_page.get(src)
        for each in self.guides:
            for generated in each.pages:
                rest = rest.replace(f"the doc '{generated}'", "the guide" if each is guide else
                                    f"the guide {each.split.src}")
        if guide is None:
            record.msg = f"Doc file '{src}' contains {rest}"
        else:
            page = guide.pages[src]
            line = self._line_of(guide, original if link else "", page)
            fix = next((fix for clue, fix in _FIXES if clue in rest), "")
            if fix and link and "anchor" in rest and "#" in original:
                fix = did_you_mean(original.rsplit("#", 1)[1], guide.split.targets, "'#{}'") + fix
            record.msg = f"{guide.label}:{line}: the guide contains {rest}" + (f" Fix: {fix}" if fix else "")
        record.args = ()
        return True

    @staticmethod
    def _line_of(guide: GuideSource, link: str, page: Page) -> int:
        """The first guide line that holds the link: on the page's own lines, else anywhere in the guide."""
        if link:
            for first, last in ((page.first_line, page.last_line), (1, len(guide.lines))):
                for number in range(first, last + 1):
                    if link in guide.lines[number - 1]:
                        return number
        return page.first_line
