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


@dataclass
class GuidePages:
    """What the extension knows of the split guide, and of the page being converted (set per page)."""

    guide_src: str = ""
    """The guide's path inside docs_dir, as authors link to it (`guide.md`)."""
    landing_src: str = ""
    targets: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Anchor -> (path inside docs_dir of the page that holds it, fragment to link with)."""
    src: str = ""
    cut: Page | None = None
    """The part of the guide the current page was cut from; None for an ordinary page."""
    rewritten: dict[str, dict[str, str]] = field(default_factory=dict)
    """Page path -> {link as rewritten: link as the author wrote it}, for messages."""

    def start_page(self, src: str, cut: Page | None) -> None:
        self.src, self.cut = src, cut
        self.rewritten[src] = {}

    def moved(self, url: str) -> str:
        """Where a link written on the current page points now; unchanged when nothing moved."""
        scheme, netloc, path, query, fragment = urlsplit(url)
        if scheme or netloc or path.startswith("/") or not (path or fragment):
            return url
        here = posixpath.dirname(self.src) or "."
        if path:
            written_from = self.guide_src if self.cut is not None else self.src
            target = posixpath.normpath(posixpath.join(posixpath.dirname(written_from), path))
            if target != self.guide_src:
                if self.cut is None:
                    return url
                moved = posixpath.relpath(target, here) + ("/" if path.endswith("/") else "")
                return urlunsplit(("", "", moved, query, fragment))
            src, anchor = self.targets.get(fragment, (self.landing_src, fragment))
        elif self.cut is not None and fragment in self.targets:
            src, anchor = self.targets[fragment]
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
_FIXES = (
    ("not found among documentation files", "link to a file inside the docs folder, written relative to the "
                                            "guide file."),
    ("anchor", "link to a heading or an anchor that the guide has."),
    ("absolute link", "write the link relative to the guide file."),
    ("unrecognized relative link", "link to a Markdown file or an anchor, written relative to the guide file."),
)


class GuideLinkMessages(logging.Filter):
    """Re-points MkDocs' warnings about links on generated pages to the guide's file and line."""

    def __init__(self, label: str, text: str, pages: dict[str, Page], guide: GuidePages) -> None:
        super().__init__()
        self.label, self.lines, self.pages, self.guide = label, text.splitlines(), pages, guide

    def filter(self, record: logging.LogRecord) -> bool:
        match = _DOC_FILE.match(str(record.msg))
        if not match:
            return True
        src, rest = match["src"], match["rest"]
        if link := _LINK.search(rest):
            original = self.guide.rewritten.get(src, {}).get(link["link"], link["link"])
            rest = rest.replace(f"'{link['link']}'", f"'{original}'", 1)
        for generated in self.pages:
            rest = rest.replace(f"the doc '{generated}'", "the guide")
        page = self.pages.get(src)
        if page is None:
            record.msg = f"Doc file '{src}' contains {rest}"
        else:
            line = self._line_of(original if link else "", page)
            fix = next((f" Fix: {fix}" for clue, fix in _FIXES if clue in rest), "")
            if link and "anchor" in rest and "#" in original:
                hint = did_you_mean(original.rsplit("#", 1)[1], self.guide.targets, "'#{}'")
                fix = f" Fix: {hint}{fix[6].upper()}{fix[7:]}" if hint and fix else fix
            record.msg = f"{self.label}:{line}: the guide contains {rest}{fix}"
        record.args = ()
        return True

    def _line_of(self, link: str, page: Page) -> int:
        """The first guide line that holds the link: on the page's own lines, else anywhere in the guide."""
        if link:
            for first, last in ((page.first_line, page.last_line), (1, len(self.lines))):
                for number in range(first, last + 1):
                    if link in self.lines[number - 1]:
                        return number
        return page.first_line
