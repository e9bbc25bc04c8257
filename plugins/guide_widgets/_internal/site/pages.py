"""The site's pages: the guides cut into pages (none, one or several), the plan page, the nav, links and lines.

`GuideSite` owns everything the plugin knows about where a page came from and where a link goes: it reads each
guide and cuts it into page files, adds the "My plan" page, orders the navigation, tells each page's blocks
which file and line they stand on, and turns a link written in a block (`#anchor`, `other.md#anchor`) into an
address from the page it stands on. A site without a guide is split nowhere: widgets live on its own pages.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import nest_paths
from mkdocs.utils.meta import get_data

from guide_widgets._internal.config import GuideWidgetsConfig
from guide_widgets._internal.site.links import GuideLinkMessages, GuidePages, GuideSource, SplitGuide
from guide_widgets._internal.site.outline import outline_markdown, read_outline
from guide_widgets._internal.site.split import Guide, GuideErrors, Page, contents_markdown, split_guide
from guide_widgets._internal.suggest import nearest

log = get_plugin_logger(__name__)

DEFAULT_GUIDE = "guide.md"


class GuideNav(list[Any]):
    """The nav this plugin writes when mkdocs.yml has none: told apart so that a rebuild writes it anew."""


class Placed(Protocol):
    """What the site needs to know of a widget placed on one of its pages."""

    @property
    def page_src(self) -> str: ...

    @property
    def key(self) -> str: ...

    @property
    def title(self) -> str: ...


@dataclass(frozen=True)
class GuideFile:
    """One guide document of the site, and the folder its pages go to (both inside docs_dir)."""

    src: str
    pages_dir: str


@dataclass(frozen=True)
class CutGuide:
    """A guide as it was cut: its file, the split, and how its links find its pages."""

    file: GuideFile
    guide: Guide
    split: SplitGuide


@dataclass(frozen=True)
class Target:
    """Where a link written in a block goes: its address from the page, the page, and the anchor to check."""

    href: str
    src: str
    anchor: str
    known: bool
    """Whether the anchor is known to exist now (a guide's); else it is checked once the page is built."""
    missing: str = ""
    """What the link names that the site lacks ("section or heading of the guide"); empty when it resolves."""
    near: str = ""
    """For a link to a page the site lacks: the page it most likely meant, written as the link was."""


def meta_lines(text: str) -> int:
    """How many lines at the top of a Markdown file MkDocs takes as meta-data (front matter)."""
    return len(text.splitlines()) - len(get_data(text)[0].splitlines())


def relative_md_path(target: str, current: str) -> str:
    """The Markdown link from one docs-relative file to another, e.g. 'a/b.md' -> 'c.md' gives '../c.md'."""
    return posixpath.relpath(target, posixpath.dirname(current) or ".")


def guide_files(options: GuideWidgetsConfig, files: Files, docs_label: str) -> list[GuideFile]:
    """The guides to split: `guides:` as listed, else `guide:` as set, else `guide.md` if the site has one."""
    if options.guides:
        if options.guide is not None or options.pages_dir:
            raise PluginError("guide_widgets: 'guides' lists every guide with its own folder, so 'guide' and "
                              "'pages_dir' are not used with it. Fix: remove 'guide' and 'pages_dir' under "
                              "'plugins: - guide_widgets:' in mkdocs.yml, or list that guide under 'guides'.")
        found = [GuideFile(entry["file"], entry["pages_dir"] if entry["pages_dir"] is not None else
                           entry["file"].removesuffix(".md")) for entry in options.guides]
        folders = [guide.pages_dir for guide in found]
        if len(set(folders)) < len(folders):
            raise PluginError("guide_widgets: two guides under 'guides' would put their pages in the same "
                              "folder. Fix: give each guide its own 'pages_dir'.")
        return found
    if options.guide is None:
        present = files.get_file_from_path(DEFAULT_GUIDE) is not None
        return [GuideFile(DEFAULT_GUIDE, options.pages_dir)] if present else []
    if not options.guide.strip():
        return []
    return [GuideFile(options.guide, options.pages_dir)]


class GuideSite:
    """The site's guides, pages, links and lines, for one build at a time (`read` starts a build)."""

    def __init__(self, options: GuideWidgetsConfig, docs_label: str = "docs") -> None:
        self.options = options
        self.docs_label = docs_label
        """docs_dir as messages name it, from the folder of mkdocs.yml (`docs`)."""
        self.links = GuidePages()
        """The state that the link-and-heading Markdown extension reads per page."""
        self.guides: list[CutGuide] = []
        self.cut_pages: dict[str, tuple[Page, CutGuide]] = {}
        """Path inside docs_dir of each page cut from a guide -> its part, and its guide; in guide order."""
        self.plan_src = ""
        self.files: Files | None = None
        self.page_by_src: dict[str, MkDocsPage] = {}
        self.nav_order: dict[str, int] = {}
        """Page path -> its place in the site's navigation (the plan and the offline copy follow it)."""
        self._messages: GuideLinkMessages | None = None
        self._own_anchors: dict[str, set[str]] = {}

    # -- reading the guides -----------------------------------------------------------------------------

    def read(self, files: Files, config: MkDocsConfig, extensions: list[Any], raw_blocks: Collection[str],
             plan_markdown: str, plan_slug: str) -> list[File]:
        """Takes each guide out of `files` and returns the files that stand for them: one per page, and the
        plan page's (given its Markdown and slug; none when the slug is empty). Every problem stops the build."""
        self.page_by_src.clear()
        self._own_anchors.clear()
        self.cut_pages = {}
        self.guides = []
        generated: list[File] = []
        sources: list[GuideSource] = []
        for guide_file in guide_files(self.options, files, self.docs_label):
            found = files.get_file_from_path(guide_file.src)
            label = f"{self.docs_label}/{guide_file.src}"
            if found is None:
                raise PluginError(f"{label}: the guide document was not found. Fix: create it, or set 'guide:' "
                                  "under 'plugins: - guide_widgets:' in mkdocs.yml to the guide's path inside "
                                  "docs_dir (or remove 'guide:' to add widgets to the site's own pages).")
            text = found.content_string
            guide = self._split(label, text, extensions, config.mdx_configs, raw_blocks, config.site_name)
            files.remove(found)
            cut = CutGuide(guide_file, guide, SplitGuide(guide_file.src, self._src_of(guide_file, guide.landing),
                                                         self._targets(guide_file, guide)))
            self.guides.append(cut)
            generated += self._page_files(cut, files, config, label)
            sources.append(GuideSource(label, text.splitlines(), {src: part for src, (part, owner) in
                                                                  self.cut_pages.items() if owner is cut},
                                       cut.split))
        self.plan_src = ""
        if plan_slug:
            folder = self.guides[0].file.pages_dir if len(self.guides) == 1 else ""
            self.plan_src = posixpath.join(folder, f"{plan_slug}.md")
            if self.plan_src in self.cut_pages or files.get_file_from_path(self.plan_src) is not None:
                raise PluginError(f"{self.docs_label}/{self.plan_src}: the \"My plan\" page would take this "
                                  "address, which a page already has. Fix: set 'plan_page:' under 'plugins: - "
                                  "guide_widgets:' in mkdocs.yml to another slug (or to '' for no such page).")
            generated.append(File.generated(config, self.plan_src, content=plan_markdown))
        self.links.guides = {cut.file.src: cut.split for cut in self.guides}
        self.stop_messages()
        if sources:
            self._messages = GuideLinkMessages(sources, self.links)
            logging.getLogger("mkdocs.structure.pages").addFilter(self._messages)
        return generated

    def _split(self, label: str, text: str, extensions: list[Any], mdx_configs: dict[str, Any],
               raw_blocks: Collection[str], site_name: str) -> Guide:
        """A guide read with the site's own Markdown extensions and cut into pages; every problem at once."""
        reader = outline_markdown(extensions, mdx_configs, raw_blocks=raw_blocks)
        try:
            guide = split_guide(text, reader, front_matter_lines=meta_lines(text), untitled=site_name)
        except GuideErrors as exc:
            problems = "\n".join(f"  {label}:{e.line}: {e.problem} Fix: {e.fix}" for e in exc.errors)
            raise PluginError(f"The guide cannot be split into pages:\n{problems}"
                              if len(exc.errors) > 1 else problems.strip()) from exc
        for warning in guide.warnings:
            log.warning(f"{label}:{warning.line}: {warning.problem} Fix: {warning.fix}")
        return guide

    @staticmethod
    def _src_of(guide_file: GuideFile, page: Page) -> str:
        return posixpath.join(guide_file.pages_dir, f"{page.slug}.md")

    def _targets(self, guide_file: GuideFile, guide: Guide) -> dict[str, tuple[str, str]]:
        return {anchor: (self._src_of(guide_file, page), "" if anchor == page.slug else anchor)
                for anchor, page in guide.anchor_pages().items()}

    def _page_files(self, cut: CutGuide, files: Files, config: MkDocsConfig, label: str) -> list[File]:
        """One generated Markdown file per page: its text, the landing page's contents, the definitions."""
        generated: list[File] = []
        for page in cut.guide.pages:
            src = self._src_of(cut.file, page)
            if files.get_file_from_path(src) is not None or src in self.cut_pages:
                raise PluginError(f"{label}:{page.first_line}: the page for '{page.title}' would be "
                                  f"{self.docs_label}/{src}, which already exists. Fix: rename or move that "
                                  "file, give the section another slug, or set 'pages_dir' for the guide.")
            markdown = page.markdown
            if page is cut.guide.landing:
                # Written from the guide's folder, like every link on its pages.
                markdown += contents_markdown(
                    cut.guide, lambda p: relative_md_path(self._src_of(cut.file, p), cut.file.src))
            if page.definitions:
                markdown += "\n" + page.definitions + "\n"
            generated.append(File.generated(config, src, content=markdown))
            self.cut_pages[src] = (page, cut)
        return generated

    # -- the site's files and navigation -------------------------------------------------------------------

    def nav(self, files: Files) -> GuideNav:
        """Each guide's pages in document order, then the plan, then the other pages as MkDocs would list them."""
        rest = sorted((f for f in files.documentation_pages() if f.src_uri not in self.cut_pages
                       and f.src_uri != self.plan_src and f.inclusion.is_in_nav()), key=file_sort_key)
        guides = [src for cut in self.guides for src, (_, owner) in self.cut_pages.items() if owner is cut]
        plan = [self.plan_src] if self.plan_src else []
        return GuideNav([*guides, *nest_paths(f.src_uri for f in rest), *plan] if not self.guides else
                        [*guides, *plan, *nest_paths(f.src_uri for f in rest)])

    def check_plan_in_nav(self, nav: list[Any] | None, files: Files, other_slugs: Collection[str],
                          chosen: bool) -> None:
        """Says where the plan page is when its address follows the language (`chosen`: it does) or the site's
        own nav (`nav`) leaves it out; a nav entry to the plan's address in another language stops the build."""
        if not self.plan_src:
            return
        url = self.plan_src.removesuffix(".md") + "/"
        if nav is None:
            if chosen and not self.plan_src.endswith("my-plan.md"):
                log.info(f"The plan page is {url} (its address follows theme.language; 'plan_page' sets another).")
            return
        listed = list(_nav_paths(nav))
        folder = posixpath.dirname(self.plan_src)
        for path in listed:
            stem = posixpath.basename(path).removesuffix(".md")
            if (path != self.plan_src and stem in other_slugs and posixpath.dirname(path) == folder
                    and files.get_file_from_path(path) is None):
                raise PluginError(f"mkdocs.yml: the nav lists '{path}', the plan page's address in another "
                                  f"language; in this site's language the plugin makes it '{self.plan_src}'. Fix: "
                                  f"write '{self.plan_src}' in the nav, or set 'plan_page: {stem}' under 'plugins: "
                                  "- guide_widgets:' in mkdocs.yml to keep the old address.")
        if self.plan_src not in listed:
            log.info(f"The plan page, {self.plan_src}, is made by the plugin and your nav does not list it: add "
                     f"'- {self.plan_src}' to nav in mkdocs.yml where readers should find it.")

    def note_nav(self, nav: Navigation) -> None:
        """Remembers the order of the site's pages in its navigation."""
        self.nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}

    def order_of(self, widget: Placed) -> int:
        """The place of a widget's page in the navigation (pages outside it come after every page in it)."""
        return self.nav_order.get(widget.page_src, len(self.nav_order))

    def pages_in_nav_order(self) -> list[Path]:
        """The built pages' files, in the order of the navigation, then the pages outside it."""
        last = len(self.nav_order)
        pages = sorted(self.page_by_src.values(), key=lambda page: self.nav_order.get(page.file.src_uri, last))
        return [Path(page.file.abs_dest_path) for page in pages]

    # -- each page -------------------------------------------------------------------------------------

    def start_page(self, page: MkDocsPage, markdown: str) -> tuple[str, int]:
        """Notes the page as the one being converted; returns the file and line its Markdown starts at, as an
        author would open them (a cut page's line in its guide)."""
        src = page.file.src_uri
        cut = self.cut_pages.get(src)
        self.page_by_src[src] = page
        self.links.start_page(src, cut[0] if cut else None, cut[1].split if cut else None)
        # MkDocs took the meta-data lines off the top of `markdown`.
        first_line = max(len(page.file.content_string.splitlines()) - len(markdown.splitlines()), 0) + 1
        if cut is None:
            return f"{self.docs_label}/{src}", first_line
        part, owner = cut
        if part is owner.guide.landing:
            # Badges or a comment before the title hide it from MkDocs' title finder.
            page.meta.setdefault("title", part.title)
        return f"{self.docs_label}/{owner.file.src}", part.first_line + first_line - 1

    def note_own_anchors(self, src: str, markdown: str, extensions: list[Any], mdx_configs: dict[str, Any],
                         raw_blocks: Collection[str] = ()) -> None:
        """The anchors an ordinary page's own headings will have (read only for a page with widget blocks, whose
        links to '#anchor' may mean a heading of that very page)."""
        if src in self.cut_pages:
            return
        reader = outline_markdown(extensions, mdx_configs, raw_blocks=raw_blocks)
        self._own_anchors[src] = {anchor for anchor, _ in read_outline(markdown, reader).anchors}

    def is_plan(self, page: MkDocsPage) -> bool:
        return bool(self.plan_src) and page.file.src_uri == self.plan_src

    def link_resolver(self, page: MkDocsPage) -> Callable[[str], Target | None]:
        """A link written in a block on `page` (`#anchor`, `other.md#anchor`, `other.md`) -> where it goes, or
        None for a page the site does not have. A fragment alone is a heading of that page, or of its guide."""
        src = page.file.src_uri
        cut = self.cut_pages.get(src)
        written_from = cut[1].file.src if cut else src

        def resolve(link: str) -> Target | None:
            path, _, fragment = link.partition("#")
            if not path:
                own = self._own_anchors.get(src, set())
                guide = cut[1].split if cut else None
                if cut is None and fragment not in own:
                    guide = next((g.split for g in self.guides if fragment in g.split.targets), None)
                if guide is not None and fragment in guide.targets:
                    return self._to(page, *guide.targets[fragment], fragment)
                if cut is not None:
                    return Target("", src, fragment, known=False, missing="section or heading of the guide")
                return Target(f"#{fragment}", src, fragment, known=fragment in own)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(written_from), path))
            guide = next((g.split for g in self.guides if g.file.src == target), None)
            if guide is not None:
                if fragment and fragment not in guide.targets:
                    return Target("", target, fragment, known=False,
                                  missing=f"section or heading of the guide {guide.src}")
                where, anchor = guide.targets.get(fragment, (guide.landing_src, ""))
                return self._to(page, where, anchor, fragment)
            if self.files is None:
                return None
            if self.files.get_file_from_path(target) is None:
                here = posixpath.dirname(written_from) or "."
                pages = [posixpath.relpath(file.src_uri, here) for file in self.files.documentation_pages()]
                near = nearest(path, pages)
                return Target("", target, fragment, known=False, missing="page of the site",
                              near=f"{near}#{fragment}" if near and fragment else near or "")
            return self._to(page, target, fragment, fragment, known=not fragment)

        return resolve

    def _to(self, page: MkDocsPage, target_src: str, anchor: str, written: str, known: bool = True) -> Target:
        target = self.files.get_file_from_path(target_src) if self.files is not None else None
        if target is None:
            return Target(f"#{anchor}", target_src, written, known=known)
        if target is page.file:
            return Target(f"#{anchor or written}" if (anchor or written) else "#", target_src, written, known=known)
        url = target.url_relative_to(page.file)
        return Target(f"{url}#{anchor}" if anchor else url, target_src, written, known=known)

    def anchors_near(self, page: MkDocsPage) -> list[str]:
        """The anchors a link on `page` most likely meant, for "did you mean": its own and its guides'."""
        src = page.file.src_uri
        cut = self.cut_pages.get(src)
        own = sorted(self._own_anchors.get(src, set()))
        guides = [cut[1]] if cut else self.guides
        return own + [anchor for guide in guides for anchor in guide.split.targets]

    def anchors_of(self, src: str) -> set[str] | None:
        """The anchors a built page has (None before it is built, or for a page the site does not have)."""
        page = self.page_by_src.get(src)
        return getattr(page, "present_anchor_ids", None) if page is not None else None

    def link_to_widget(self, plan_page: MkDocsPage) -> Callable[[Placed, str], str | None]:
        """From the plan page: where a widget is (`anchor` empty), or one of the links its results name."""
        resolve = self.link_resolver(plan_page)

        def link(widget: Placed, anchor: str) -> str | None:
            if anchor:
                page = self.page_by_src.get(widget.page_src)
                found = (self.link_resolver(page) if page is not None else resolve)(anchor)
                if found is None or page is None:
                    return None
                target = self.files.get_file_from_path(found.src) if self.files is not None else None
                if target is None:
                    return None
                url = target.url_relative_to(plan_page.file)
                fragment = urlsplit(found.href).fragment
                return f"{url}#{fragment}" if fragment else url
            page = self.page_by_src.get(widget.page_src)
            if page is None:
                return None
            return f"{page.file.url_relative_to(plan_page.file)}#{widget.key.rsplit('#', 1)[1]}"

        return link

    def title_of(self, widget: Placed) -> str:
        """The title of the page a widget stands on, as the nav shows it."""
        page = self.page_by_src.get(widget.page_src)
        return str(page.title) if page is not None and page.title else widget.title

    def stop_messages(self) -> None:
        """Stops re-pointing MkDocs' link warnings to the guides (at the end of a build, or when it fails)."""
        if self._messages is not None:
            logging.getLogger("mkdocs.structure.pages").removeFilter(self._messages)
            self._messages = None


def folder_label(folder: Path, project: Path) -> str:
    """A folder as messages name it: relative to the folder of mkdocs.yml, with forward slashes."""
    return posixpath.relpath(folder.resolve().as_posix(), project.as_posix())


def _nav_paths(nav: Any) -> Iterator[str]:
    """Every page path a nav setting of mkdocs.yml names (external links too; they never match a page)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)
