"""The Markdown side of widgets: `/// kind | Title` blocks (pymdownx.blocks) whose YAML body is the spec.

pymdownx.blocks quietly leaves a block it cannot read as plain text. Here every widget block is accepted
by the parser and checked by us instead, and every problem stops the conversion with the file, the line
and the fix. pymdownx does not report lines, so a preprocessor notes where each `///` header sits in
the source before any other extension rewrites it; blocks meet their headers in document order.

"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from guide_widgets._internal.site.split import outside_fences
from guide_widgets._internal.suggest import did_you_mean
from guide_widgets._internal.widgets.registry import Kind, builtin_kinds, form_failure
from guide_widgets._internal.widgets.render import render_widget
from guide_widgets._internal.widgets.strings import Strings, site_strings
from guide_widgets._internal.widgets.validation import (
    SpecError,
    anchors_in,
    line_of,
    markdown_anchors,
    parse_spec,
)

_HEADER = re.compile(r"^ {0,3}/{3,}[ \t]*([\w-]+)")
_FENCE = re.compile(r"^ {0,3}(/{3,})[ \t]*(?:([\w-]+).*)?$")


class WidgetError(PluginError):
    """One or more bad widget blocks; the message lists each with file, line and fix."""


@dataclass(frozen=True)
class PlacedWidget:
    """A widget as the build placed it: on which page, under which key, with which spec."""

    page_src: str
    key: str
    kind: str
    title: str
    spec: dict[str, Any]
    anchors: list[str]


@dataclass
class WidgetContext:
    """What the blocks need to know about the page being converted. The plugin sets it per page."""

    source: str = "<markdown>"
    first_line: int = 1
    href_for: Callable[[str], str | None] = lambda anchor: f"#{anchor}"
    kinds: dict[str, Kind] = field(default_factory=builtin_kinds)
    strings: Strings = field(default_factory=dict)
    language: str = "en"
    headers: list[tuple[int, str]] = field(default_factory=list)
    unclosed: set[int] = field(default_factory=set)
    """Lines of the page's widget headers that no `///` line closes (reported once, at the header)."""
    anchors: Collection[str] = ()
    """Every anchor a link may name, for "did you mean" when one names none."""
    errors: list[str] = field(default_factory=list)
    collect: bool = False
    """Keep each page's problems in `site_errors` instead of stopping at the page (the plugin raises them
    all at once, when every page has been read)."""
    site_errors: list[str] = field(default_factory=list)
    kinds_used: list[str] = field(default_factory=list)
    page_src: str = ""
    page_url: str = ""
    placed: list[PlacedWidget] = field(default_factory=list)
    """Every widget of the site so far, in the order the pages were converted (the guide's, then the rest)."""

    def start_page(self, source: str, first_line: int = 1,
                   href_for: Callable[[str], str | None] | None = None, page_src: str = "",
                   page_url: str = "", anchors: Collection[str] | None = None) -> None:
        self.source, self.first_line = source, first_line
        self.page_src, self.page_url = page_src, page_url
        if href_for is not None:
            self.href_for = href_for
        if anchors is not None:
            self.anchors = anchors
        self.reset()

    def reset(self) -> None:
        self.headers.clear()
        self.unclosed.clear()
        self.errors.clear()
        self.kinds_used.clear()

    def raise_site_errors(self) -> None:
        """Stops the build with every problem the site's pages had (when `collect` kept them)."""
        errors, self.site_errors = self.site_errors, []
        if errors:
            raise WidgetError(_listed(errors))

    def report(self, page_line: int, problem: str, fix: str) -> None:
        line = self.first_line + max(page_line, 1) - 1
        self.errors.append(f"{self.source}:{line}: {problem} Fix: {fix}")


def _listed(errors: list[str]) -> str:
    problems = "\n".join(f"  {error}" for error in errors)
    return f"Bad widget block{'s' * (len(errors) > 1)}:\n{problems}"


def scan_headers(lines: list[str]) -> list[tuple[int, str]]:
    """(1-based line, lower-case name) of each `///` block header outside fenced code."""
    return [(index + 1, header.group(1).lower()) for index, line in outside_fences(lines)
            if (header := _HEADER.match(line))]


def unclosed_headers(lines: list[str]) -> list[tuple[int, str]]:
    """(1-based line, lower-case name) of each `///` header that no closing `///` line (with as many
    slashes) ends: pymdownx would read the rest of the page into that block."""
    open_blocks: list[tuple[int, str, int]] = []
    for index, line in outside_fences(lines):
        fence = _FENCE.match(line)
        if fence is None:
            continue
        slashes, name = len(fence.group(1)), fence.group(2)
        if name:
            open_blocks.append((index + 1, name.lower(), slashes))
        else:
            found = next((i for i in range(len(open_blocks) - 1, -1, -1) if open_blocks[i][2] == slashes), None)
            if found is not None:
                del open_blocks[found:]
    return [(line, name) for line, name, _ in open_blocks]


class _HeaderLines(Preprocessor):
    """Remembers the line of every block header and rejects names that no block extension knows."""

    def __init__(self, md: Markdown, context: WidgetContext, manager: BlocksProcessor) -> None:
        super().__init__(md)
        self.context = context
        self.manager = manager

    def run(self, lines: list[str]) -> list[str]:
        known = sorted(self.manager.blocks)
        kinds = self.context.kinds
        for line, name in scan_headers(lines):
            if name in kinds:
                self.context.headers.append((line, name))
            elif name not in self.manager.blocks:
                others = [n for n in known if n not in kinds]
                also = f", or another block this site knows ({', '.join(others)})" if others else ""
                hint = did_you_mean(name, known, "'/// {}'")
                self.context.report(line, f"unknown block '/// {name}'.",
                                    f"{hint}Use a widget kind ({', '.join(sorted(kinds))}){also}.")
        for line, name in unclosed_headers(lines):
            if name in kinds:
                self.context.unclosed.add(line)
                self.context.report(line, f"the widget block '/// {name}' is never closed: the rest of the page "
                                    "would be read as its options.", "End the block with a line of '///' after "
                                    "its options.")
        return lines


class _AnyOption(dict[str, Any]):
    """The header options a widget block accepts, in pymdownx's public `OPTIONS` form: any name, kept as written.
    pymdownx turns a block with an unknown header option back into plain text without a word; accepted, the
    block can say that options belong in its body. (`attrs` is pymdownx's own and is added by it.)"""

    def __contains__(self, name: object) -> bool:
        return name != "attrs" or dict.__contains__(self, name)

    def __missing__(self, name: str) -> tuple[Any, None]:
        return (None, None)  # no default, no parser: the value as written


class WidgetBlock(Block):
    """A widget: `/// kind | Title`, then YAML options, then `///`."""

    ARGUMENT = None  # the title: optional for pymdownx, so that a missing one is reported by us
    OPTIONS = _AnyOption()

    def on_init(self) -> None:
        self.context: WidgetContext = self.config["context"]

    def on_validate(self, parent: etree.Element) -> bool:
        # Accept every header: problems are reported, never silently turned back into text.
        self.header_options = {name: value for name, value in self.options.items() if name != "attrs" or value}
        return True

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent = parent
        return etree.SubElement(parent, "div")

    def on_end(self, block: etree.Element) -> None:
        context = self.context
        number = len(context.kinds_used)
        context.kinds_used.append(self.NAME)
        line = next((ln for i, (ln, name) in enumerate(context.headers) if i == number), 1)
        body = block.text or ""
        if any(header <= line for header in context.unclosed):
            return  # already reported at its header; what the parser made of the rest says nothing more
        # The template renders the whole widget: swap the parser's element for the stashed HTML.
        position = list(self.parent).index(block)
        self.parent.remove(block)
        try:
            html = self._render(number, body)
        except SpecError as exc:
            context.report(line + exc.line, f"widget '/// {self.NAME}': {exc.problem}", exc.fix)
            return
        holder = etree.Element("p")
        holder.text = self.md.htmlStash.store(html)
        self.parent.insert(position, holder)

    def _render(self, number: int, body: str) -> str:
        if self.header_options:
            names = ", ".join(sorted(self.header_options))
            raise SpecError(0, f"options under the header line ({names}) are not read.",
                            "Write every option in the block's body, unindented, one 'name: value' per line.")
        title = (self.argument or "").strip()
        if not title:
            raise SpecError(0, "the widget has no title.", f"Write one after the name: /// {self.NAME} | Title")
        kind = self.context.kinds[self.NAME]
        if not self.context.strings:
            self.context.strings = site_strings(self.context.kinds, self.context.language, {})
        spec = parse_spec(kind.spec, body, self.context.strings.get(kind.name, {}))
        hrefs: dict[str, str] = {}
        for path, anchor in [*anchors_in(kind.spec, spec), *markdown_anchors(spec)]:
            href = self.context.href_for(anchor[1:])
            if href is None:
                hint = did_you_mean(anchor[1:], self.context.anchors, "'#{}'")
                raise SpecError(line_of(body, path), f"the link '{anchor}' points to no section or heading "
                                "of the guide.", f"{hint}Link to an existing heading's anchor, such as '#' "
                                "plus a section's slug.")
            hrefs[anchor] = href
        widget_id = f"gw-{number + 1}"
        key = f"{self.context.page_url}#{widget_id}"
        try:
            html = render_widget(kind, widget_id, title, spec, hrefs, self.context.strings,
                                 self.context.language, key=key)
        except SpecError:
            raise
        except Exception as exc:  # an author's form can fail in any way: name its own line and error
            raise SpecError(0, *form_failure(exc, kind)) from exc
        self.context.placed.append(PlacedWidget(self.context.page_src, key, kind.name, title, spec, list(hrefs)))
        return html


class _RaiseErrors(Treeprocessor):
    """Stops the conversion once the whole page has been read, listing every problem found."""

    def __init__(self, md: Markdown, context: WidgetContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        context = self.context
        if len(context.kinds_used) < len(context.headers) and not context.unclosed:
            line, name = context.headers[len(context.kinds_used)]
            context.report(line, f"the widget block '/// {name}' could not be read.",
                           "Check that its first line is '/// " + name + " | Title' with nothing indented "
                           "below it, and that it ends with a '///' line.")
        if context.errors:
            errors = sorted(context.errors, key=_line_number)
            if context.collect:
                context.site_errors += errors
            else:
                raise WidgetError(_listed(errors))


def _line_number(error: str) -> int:
    """The line an error names (`file:line: ...`), to list a page's problems from top to bottom."""
    parts = error.split(":", 2)
    return int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else 0


def _block_class(kind: str) -> type[WidgetBlock]:
    return type(f"{kind.title().replace('-', '')}Block", (WidgetBlock,), {"NAME": kind})


class WidgetsExtension(BlocksExtension):
    """Markdown extension: the widget blocks and the header scanner."""

    def __init__(self, context: WidgetContext | None = None, **kwargs: Any) -> None:
        self.context = context or WidgetContext()
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        for kind in self.context.kinds:
            block_mgr.register(_block_class(kind), {"context": self.context})
        # Before normalize_whitespace (30) and before any fence extension stashes code away.
        md.preprocessors.register(_HeaderLines(md, self.context, block_mgr), "gw_header_lines", 40)
        # Last of all tree work, once per page (postprocessors also run for every heading's TOC entry).
        md.treeprocessors.register(_RaiseErrors(md, self.context), "gw_raise_errors", -100)

    def reset(self) -> None:
        self.context.reset()


def relative_md_path(target: str, current: str) -> str:
    """The Markdown link from one docs-relative file to another, e.g. 'a/b.md' -> 'c.md' gives '../c.md'."""
    return posixpath.relpath(target, posixpath.dirname(current) or ".")
