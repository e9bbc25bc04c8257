"""The Markdown side of widgets: `/// kind | Title` blocks (pymdownx.blocks) whose YAML body is the spec.

pymdownx.blocks quietly leaves a block it cannot read as plain text. Here every widget block is accepted
by the parser and checked by us instead, and every problem stops the conversion with the file, the line
and the fix. pymdownx does not report lines, so a preprocessor notes where each `///` header sits in
the source before any other extension rewrites it; blocks meet their headers in document order.

"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from guide_widgets._internal.errors import AuthorError, AuthorErrors
from guide_widgets._internal.site.pages import Target
from guide_widgets._internal.site.split import outside_fences
from guide_widgets._internal.suggest import did_you_mean
from guide_widgets._internal.widgets.registry import Kind, builtin_kinds, form_failure
from guide_widgets._internal.widgets.render import Renderer
from guide_widgets._internal.widgets.strings import Strings, site_strings
from guide_widgets._internal.widgets.validation import (
    SpecError,
    SpecErrors,
    line_of,
    links_in,
    markdown_links,
    parse_spec,
)

_HEADER = re.compile(r"^ {0,3}/{3,}[ \t]*([\w-]+)")
_FENCE = re.compile(r"^ {0,3}(/{3,})[ \t]*(?:([\w-]+).*)?$")

Resolver = Callable[[str], "Target | None"]
"""A link written in a block -> where it goes from the page (None: to no page or heading the site has)."""


class WidgetError(AuthorErrors):
    """One or more bad widget blocks; the message lists each with file, line and fix."""

    def __init__(self, errors: list[AuthorError]) -> None:
        super().__init__(f"Bad widget block{'s' * (len(errors) > 1)}", errors)


@dataclass(frozen=True)
class PlacedWidget:
    """A widget as the build placed it: on which page, under which key, with which spec."""

    page_src: str
    key: str
    kind: str
    title: str
    spec: dict[str, Any]
    links: list[str]
    """Every link its options and texts name, as written (the plan resolves them from its own page)."""


@dataclass(frozen=True)
class PendingAnchor:
    """A link to a heading of a page not built yet: checked once every page is (`SiteBlocks.raise_problems`)."""

    file: str
    line: int
    block: str
    link: str
    target_src: str
    anchor: str


def same_page(link: str) -> Target | None:
    """Where links go on a page that is not part of a site (a bare `Markdown()`): `#anchor` to this page."""
    if not link.startswith("#"):
        return None
    return Target(link, "", link[1:], known=False)


@dataclass
class SiteBlocks:
    """What widget blocks share across a build: the kinds and their words, what renders them, and what every
    page found."""

    kinds: dict[str, Kind] = field(default_factory=builtin_kinds)
    strings: Strings = field(default_factory=dict)
    language: str = "en"
    placed: list[PlacedWidget] = field(default_factory=list)
    """Every widget of the site so far, in the order the pages were converted."""
    problems: list[AuthorError] = field(default_factory=list)
    """Every page's problems, raised together once every page is read."""
    pending: list[PendingAnchor] = field(default_factory=list)
    renderer: Renderer = field(default_factory=Renderer, repr=False, compare=False)

    def start_build(self) -> None:
        self.placed.clear()
        self.problems.clear()
        self.pending.clear()

    def words(self) -> Strings:
        if not self.strings:
            self.strings = site_strings(self.kinds, self.language, {})
        return self.strings

    def raise_problems(self, anchors_of: Callable[[str], Collection[str] | None] | None = None) -> None:
        """Stops the build with every problem the site's pages had, and every link to a heading that the built
        page it names does not have (`anchors_of(src)`: that page's anchors)."""
        problems, self.problems = self.problems, []
        pending, self.pending = self.pending, []
        for link in pending if anchors_of is not None else ():
            anchors = anchors_of(link.target_src)  # type: ignore[misc]
            if anchors is None or link.anchor in anchors:
                continue
            page = link.link.split("#")[0]  # the link as written names the page, and so does the suggestion
            hint = did_you_mean(link.anchor, sorted(anchors), f"'{page}#{{}}'")
            where = "this page" if not page else link.target_src
            problems.append(AuthorError(link.file, link.line, f"widget '/// {link.block}': the link '{link.link}' "
                                        f"points to no heading of {where}.", f"{hint}Link to a heading that "
                                        f"{where} has, by its anchor."))
        if problems:
            raise WidgetError(sorted(problems))


@dataclass
class PageBlocks:
    """The page being converted, as its blocks see it."""

    source: str = "<markdown>"
    """The file that messages name (the guide, for a page cut from it)."""
    first_line: int = 1
    """The line of that file where the page's Markdown starts."""
    src: str = ""
    url: str = ""
    resolve: Resolver = same_page
    near: Collection[str] = ()
    """The anchors a link on this page most likely meant, for "did you mean"."""
    headers: list[tuple[int, str]] = field(default_factory=list)
    unclosed: set[int] = field(default_factory=set)
    """Lines of the page's widget headers that no `///` line closes (reported once, at the header)."""
    problems: list[AuthorError] = field(default_factory=list)
    kinds_used: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.headers.clear()
        self.unclosed.clear()
        self.problems.clear()
        self.kinds_used.clear()

    def at(self, page_line: int) -> int:
        """The line of the source file for a line of the page."""
        return self.first_line + max(page_line, 1) - 1

    def report(self, page_line: int, problem: str, fix: str) -> None:
        self.problems.append(AuthorError(self.source, self.at(page_line), problem, fix))


class WidgetBlocks:
    """The state the widget-block extension reads: the build's (`site`) and the current page's (`page`).
    `collect` keeps each page's problems for `site.raise_problems()`; without it a page stops at its own."""

    def __init__(self, site: SiteBlocks | None = None, page: PageBlocks | None = None, *,
                 collect: bool = False) -> None:
        self.site = site or SiteBlocks()
        self.page = page or PageBlocks()
        self.collect = collect

    @property
    def kinds(self) -> dict[str, Kind]:
        return self.site.kinds

    def start_page(self, page: PageBlocks) -> None:
        self.page = page


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

    def __init__(self, md: Markdown, state: WidgetBlocks, manager: BlocksProcessor) -> None:
        super().__init__(md)
        self.state = state
        self.manager = manager

    def run(self, lines: list[str]) -> list[str]:
        known = sorted(self.manager.blocks)
        kinds, page = self.state.kinds, self.state.page
        for line, name in scan_headers(lines):
            if name in kinds:
                page.headers.append((line, name))
            elif name not in self.manager.blocks:
                others = [n for n in known if n not in kinds]
                also = f", or another block this site knows ({', '.join(others)})" if others else ""
                hint = did_you_mean(name, known, "'/// {}'")
                page.report(line, f"unknown block '/// {name}'.",
                            f"{hint}Use a widget kind ({', '.join(sorted(kinds))}){also}.")
        for line, name in unclosed_headers(lines):
            if name in kinds:
                page.unclosed.add(line)
                page.report(line, f"the widget block '/// {name}' is never closed: the rest of the page would be "
                            "read as its options.", "End the block with a line of '///' after its options.")
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
        self.state: WidgetBlocks = self.config["state"]

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
        page = self.state.page
        number = len(page.kinds_used)
        page.kinds_used.append(self.NAME)
        line = next((ln for i, (ln, name) in enumerate(page.headers) if i == number), 1)
        body = block.text or ""
        if any(header <= line for header in page.unclosed):
            return  # already reported at its header; what the parser made of the rest says nothing more
        # The template renders the whole widget: swap the parser's element for the stashed HTML.
        position = list(self.parent).index(block)
        self.parent.remove(block)
        try:
            html = self._render(number, line, body)
        except SpecError as exc:
            for error in exc.errors if isinstance(exc, SpecErrors) else [exc]:
                page.report(line + error.line, f"widget '/// {self.NAME}': {error.problem}", error.fix)
            return
        holder = etree.Element("p")
        holder.text = self.md.htmlStash.store(html)
        self.parent.insert(position, holder)

    def _render(self, number: int, line: int, body: str) -> str:
        problems: list[SpecError] = []
        if self.header_options:
            names = ", ".join(sorted(self.header_options))
            problems.append(SpecError(0, f"options under the header line ({names}) are not read.",
                                      "Write every option in the block's body, unindented, one 'name: value' "
                                      "per line."))
        title = (self.argument or "").strip()
        if not title:
            problems.append(SpecError(0, "the widget has no title.",
                                      f"Write one after the name: /// {self.NAME} | Title"))
        if self.header_options and not body.strip():
            raise problems[0]  # the options are all up there: the body's own problems would only repeat it
        site, page = self.state.site, self.state.page
        kind = site.kinds[self.NAME]
        strings = site.words()
        try:
            spec = parse_spec(kind.spec, body, strings.get(kind.name, {}))
        except SpecErrors as exc:
            raise SpecErrors([*problems, *exc.errors]) from exc
        except SpecError as exc:
            if problems:
                raise SpecErrors([*problems, exc]) from exc
            raise
        hrefs, pending = self._links(kind, spec, line, body, problems)
        if problems:
            raise problems[0] if len(problems) == 1 else SpecErrors(problems)
        widget_id = f"gw-{number + 1}"
        key = f"{page.url}#{widget_id}"
        try:
            html = site.renderer.widget(kind, widget_id, title, spec, hrefs, strings, site.language, key=key)
        except SpecError:
            raise
        except Exception as exc:  # an author's form can fail in any way: name its own line and error
            raise SpecError(0, *form_failure(exc, kind)) from exc
        site.pending += pending
        site.placed.append(PlacedWidget(page.src, key, kind.name, title, spec, list(hrefs)))
        return html

    def _links(self, kind: Kind, spec: dict[str, Any], line: int, body: str,
               problems: list[SpecError]) -> tuple[dict[str, str], list[PendingAnchor]]:
        """Where each link of the block goes from its page; a link to nowhere is a problem, a link to a heading
        of a page not built yet is checked once it is."""
        page = self.state.page
        hrefs: dict[str, str] = {}
        pending: list[PendingAnchor] = []
        for path, link in [*links_in(kind.spec, spec), *markdown_links(spec)]:
            if link in hrefs:
                continue
            target = page.resolve(link)
            at = line_of(body, path)
            if target is None or target.missing:
                fragment = link.split("#", 1)[1] if "#" in link else ""
                where = target.missing if target is not None else "page of the site"
                hint = did_you_mean(fragment, page.near, "'#{}'") if fragment and not link.split("#")[0] else ""
                if target is not None and target.near:  # a page the site lacks, named close to one it has
                    hint = f"Did you mean '{target.near}'? "
                problems.append(SpecError(at, f"the link '{link}' points to no {where}.",
                                          f"{hint}Link to a heading by its anchor: '#anchor' on this page or in its "
                                          "guide, 'page.md#anchor' on another page."))
                continue
            hrefs[link] = target.href
            if not target.known and target.anchor:
                pending.append(PendingAnchor(page.source, page.at(line + at), self.NAME, link,
                                             target.src or page.src, target.anchor))
        return hrefs, pending


class _RaiseErrors(Treeprocessor):
    """Stops the conversion once the whole page has been read, listing every problem found."""

    def __init__(self, md: Markdown, state: WidgetBlocks) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        page = self.state.page
        if len(page.kinds_used) < len(page.headers) and not page.unclosed:
            line, name = page.headers[len(page.kinds_used)]
            page.report(line, f"the widget block '/// {name}' could not be read.",
                        "Check that its first line is '/// " + name + " | Title' with nothing indented "
                        "below it, and that it ends with a '///' line.")
        if page.problems:
            problems = sorted(page.problems)
            if self.state.collect:
                self.state.site.problems += problems
            else:
                raise WidgetError(problems)


def _block_class(kind: str) -> type[WidgetBlock]:
    return type(f"{kind.title().replace('-', '')}Block", (WidgetBlock,), {"NAME": kind})


class WidgetsExtension(BlocksExtension):
    """Markdown extension: the widget blocks and the header scanner."""

    def __init__(self, state: WidgetBlocks | None = None, **kwargs: Any) -> None:
        self.state = state or WidgetBlocks()
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        for kind in self.state.kinds:
            block_mgr.register(_block_class(kind), {"state": self.state})
        # Before normalize_whitespace (30) and before any fence extension stashes code away.
        md.preprocessors.register(_HeaderLines(md, self.state, block_mgr), "gw_header_lines", 40)
        # Last of all tree work, once per page (postprocessors also run for every heading's TOC entry).
        md.treeprocessors.register(_RaiseErrors(md, self.state), "gw_raise_errors", -100)

    def reset(self) -> None:
        self.state.page.reset()
