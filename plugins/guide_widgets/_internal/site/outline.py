"""Read a guide the way Python-Markdown reads it: its headings with their lines and ids, and its anchors.

The split must follow what the one-page build renders, not rules of its own: a `## ` line inside an HTML
comment, a code block or a `<details>` element is no heading, while a setext heading or `##Heading` is one.
So the whole guide is converted once with the site's own Markdown extensions, after every line that could
become a heading or a footnote definition has been tagged with a marker word naming its line. Whatever the
parser turns into a heading carries its marker; whatever it swallows (comments, raw HTML, code) does not.
The markers leave the headings before the table-of-contents extension gives them their ids, so the ids are
exactly those of the one-page build.

This module knows Python-Markdown, nothing of MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.toc import TocExtension, slugify_unicode
from markdown.extensions.toc import slugify as ascii_slugify
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

Slugify = Callable[[str, str], str]

HEADING_TAGS = {f"h{level}" for level in range(1, 7)}

_MARK = "zgwq{}qgwz"
_MARK_WORD = re.compile(r"zgwq(\d+)qgwz")
_MARK_AT_EDGE = re.compile(r"^zgwq\d+qgwz\s*|\s*zgwq\d+qgwz\s*$")
_HASHES = re.compile(r"#+")
_UNDERLINE = re.compile(r"[=-]+[ ]*$")
_HTML_BLOCK = re.compile(r"[ ]{0,3}<(?:!--|/?(?:address|article|aside|blockquote|details|dialog|div|dl|figure|footer|"
                         r"form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul|script|style)\b)", re.IGNORECASE)
"""A line that starts raw HTML (a comment, a block element): never a setext heading's text, and a marker after
it would make it one."""
FOOTNOTE_DEFINITION = re.compile(r"[ ]{0,3}\[\^[^\]]*\]:[ ]*")
_TRAILING_ATTRS = re.compile(r"[ ]+\{:?[^}\n]*\}[ ]*$")
_PLACEHOLDERS = re.compile("\x02[^\x03]*\x03")


@dataclass(frozen=True)
class Heading:
    """A heading as the one-page build renders it."""

    level: int
    text: str
    anchor: str
    line: int
    """1-based line of the guide it starts on (a setext heading: its text line); 0 when not known."""
    top: bool
    """A child of the document itself, not nested in a list, a quote or a block: only these split."""
    part: int
    """The line of the last top-level heading (of any level) at or before it; 0 before the first one. The
    splitter maps it to the section that holds it."""


@dataclass(frozen=True)
class Outline:
    """Everything the split needs to know about how Python-Markdown reads the guide."""

    headings: tuple[Heading, ...]
    anchors: tuple[tuple[str, int], ...]
    """Every id (and `<a name>`) outside the footnotes, with the part that holds it, in document order."""
    footnote_lines: dict[str, int]
    """Each footnote's id and the line of its definition, in the order the guide defines them."""
    footnote_refs: tuple[tuple[str, int], ...]
    """Each footnote reference's id and the part that holds it, in document order."""
    references: dict[str, tuple[str, str | None]]
    """Link reference definitions, `[id]: url "title"`, as the whole guide defines them."""
    abbreviations: dict[str, str]
    slugify: Slugify
    separator: str

    def empty_slug(self, heading: Heading) -> bool:
        """True when the heading's id is the table of contents' stand-in for text that slugifies to nothing."""
        return re.fullmatch(r"_\d+", heading.anchor) is not None and not self.slugify(heading.text, self.separator)


def mark_lines(lines: list[str]) -> list[str]:
    """The guide's lines with a marker word on each line that could start a heading or a footnote."""
    marked = list(lines)
    for index, line in enumerate(lines):
        mark = _MARK.format(index + 1)
        if match := _HASHES.match(line) or FOOTNOTE_DEFINITION.match(line):
            marked[index] = f"{line[:match.end()]}{mark} {line[match.end():]}"
        elif line.strip() and index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1]) \
                and not _HTML_BLOCK.match(line):
            # Setext: the marker goes at the end, where it cannot change how the line starts.
            attrs = _TRAILING_ATTRS.search(line)
            cut = attrs.start() if attrs else len(line.rstrip())
            marked[index] = f"{line[:cut]} {mark}{line[cut:]}"
    return marked


class _AnchorsInHTML(HTMLParser):
    """Ids in raw HTML, counted the way MkDocs counts them: any `id`, and `name` on `<a>`."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.found.append(value)


def _texts(element: etree.Element) -> Iterator[str]:
    for node in element.iter():
        if node.text:
            yield node.text
        if node is not element and node.tail:
            yield node.tail


def _is_footnotes(element: etree.Element) -> bool:
    return element.tag == "div" and "footnote" in (element.get("class") or "").split()


def _is_footnote_ref(element: etree.Element) -> bool:
    return element.tag == "sup" and len(element) > 0 and "footnote-ref" in (element[0].get("class") or "")


class _TakeMarkers(Treeprocessor):
    """Notes the line of each heading from its marker and removes the marker, before ids are given."""

    def __init__(self, md: Markdown, outline: OutlineExtension) -> None:
        super().__init__(md)
        self.outline = outline

    def run(self, root: etree.Element) -> None:
        reading = self.outline.reading
        for element in root.iter():
            if element.tag not in HEADING_TAGS:
                continue
            lines = [int(number) for text in _texts(element) for number in _MARK_WORD.findall(text)]
            if lines:
                reading.lines[element] = lines[0]
            for node in element.iter():
                if node.text:
                    node.text = _MARK_AT_EDGE.sub("", node.text)
                if node is not element and node.tail:
                    node.tail = _MARK_AT_EDGE.sub("", node.tail)
            reading.texts[element] = _PLACEHOLDERS.sub("", "".join(_texts(element))).strip()
            reading.levels[element] = int(element.tag[1])  # before toc's `baselevel` moves it


class _Collect(Treeprocessor):
    """After ids are given: every heading and anchor, with the part of the guide it falls in."""

    def __init__(self, md: Markdown, outline: OutlineExtension) -> None:
        super().__init__(md)
        self.outline = outline

    def run(self, root: etree.Element) -> None:
        reading = self.outline.reading
        part = 0
        for child in root:
            if _is_footnotes(child):
                continue
            if child in reading.levels and child in reading.lines:
                part = reading.lines[child]
            for element in child.iter():
                if element.tag in HEADING_TAGS:
                    reading.headings.append(Heading(
                        level=reading.levels.get(element, int(element.tag[1])), text=reading.texts.get(element, ""),
                        anchor=element.get("id", ""), line=reading.lines.get(element, 0),
                        top=element is child, part=part))
                if _is_footnote_ref(element):
                    reading.footnote_refs.append((element[0].get("href", "")[1:], part))
                elif anchor := element.get("id"):
                    reading.anchors.append((anchor, part))
                if element.tag == "a" and (name := element.get("name")):
                    reading.anchors.append((name, part))
                for text in (element.text, element.tail):
                    reading.anchors += [(anchor, part) for anchor in self._raw_anchors(text or "")]

    def _raw_anchors(self, text: str) -> list[str]:
        found: list[str] = []
        for match in HTML_PLACEHOLDER_RE.finditer(text):
            index = int(match.group(1))
            stash = self.md.htmlStash.rawHtmlBlocks
            if index < len(stash) and isinstance(stash[index], str):
                parser = _AnchorsInHTML()
                parser.feed(str(stash[index]))
                found += parser.found
        return found


class _RawBlock(Block):
    """A stand-in for a widget block: its body is kept away from the parser, as the real widget keeps it."""

    ARGUMENT = None
    OPTIONS: dict[str, Any] = {}

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        self.options: dict[str, Any] = {"attrs": {}}
        return True

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div")


class _Reading:
    """What one conversion found."""

    def __init__(self) -> None:
        self.lines: dict[etree.Element, int] = {}
        self.texts: dict[etree.Element, str] = {}
        self.levels: dict[etree.Element, int] = {}
        self.headings: list[Heading] = []
        self.anchors: list[tuple[str, int]] = []
        self.footnote_refs: list[tuple[str, int]] = []


class OutlineExtension(BlocksExtension):
    """Registers the marker and collection steps, and raw stand-ins for the named widget blocks."""

    def __init__(self, raw_blocks: Iterable[str] = (), **kwargs: Any) -> None:
        self.raw_blocks = tuple(raw_blocks)
        self.reading = _Reading()
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        for name in self.raw_blocks:
            if name not in block_mgr.blocks:
                block_mgr.register(type(f"Raw{len(block_mgr.blocks)}", (_RawBlock,), {"NAME": name}), {})
        # After attr_list (8) and abbr (7) have read the heading text; before toc (5) makes ids from it.
        md.treeprocessors.register(_TakeMarkers(md, self), "gw_take_markers", 6)
        md.treeprocessors.register(_Collect(md, self), "gw_collect", 4)

    def reset(self) -> None:
        self.reading = _Reading()

    def extension(self, kind: type[Extension]) -> Any:
        return next((e for e in self.md.registeredExtensions if isinstance(e, kind)), None)


@dataclass(frozen=True)
class UnicodeFallback:
    """A slugify that falls back to a Unicode-aware slug where the chosen one gives nothing (non-Latin text)."""

    slugify: Slugify

    def __call__(self, text: str, separator: str) -> str:
        return self.slugify(text, separator) or slugify_unicode(text, separator)


def unicode_fallback(slugify: Slugify | None) -> Slugify:
    """The site's slugify (toc's own by default) with a Unicode fallback, wrapped once."""
    return slugify if isinstance(slugify, UnicodeFallback) else UnicodeFallback(slugify or ascii_slugify)


def outline_markdown(extensions: Iterable[str | Extension] = ("toc", "attr_list"),
                     configs: dict[str, dict[str, Any]] | None = None,
                     raw_blocks: Iterable[str] = ()) -> Markdown:
    """A converter with the site's extensions plus the outline's own steps."""
    extension = OutlineExtension(raw_blocks)
    md = Markdown(extensions=[*extensions, extension], extension_configs=configs or {})
    extension.md = md
    return md


def read_outline(text: str, md: Markdown | None = None) -> Outline:
    """Convert the guide once and report what the one-page build makes of it."""
    md = md or outline_markdown()
    outline = next(e for e in md.registeredExtensions if isinstance(e, OutlineExtension))
    toc = outline.extension(TocExtension)
    if toc is None:
        raise ValueError("the outline needs the 'toc' Markdown extension")
    md.reset()
    md.convert("\n".join(mark_lines(text.splitlines())))
    reading = outline.reading

    footnote_lines: dict[str, int] = {}
    footnote_ids: dict[str, str] = {}
    footnotes = outline.extension(FootnoteExtension)
    if footnotes is not None:
        for key, body in footnotes.footnotes.items():
            footnote_ids[footnotes.makeFootnoteId(key)] = key
            if match := _MARK_WORD.match(body):
                footnote_lines[key] = int(match.group(1))
    abbreviations = outline.extension(AbbrExtension)
    return Outline(
        headings=tuple(reading.headings),
        anchors=tuple(reading.anchors),
        footnote_lines=dict(sorted(footnote_lines.items(), key=lambda item: item[1])),
        footnote_refs=tuple((footnote_ids.get(ref, ref), part) for ref, part in reading.footnote_refs),
        references=dict(md.references),
        abbreviations=dict(abbreviations.abbrs) if abbreviations is not None else {},
        slugify=toc.getConfig("slugify"),
        separator=toc.getConfig("separator"),
    )

