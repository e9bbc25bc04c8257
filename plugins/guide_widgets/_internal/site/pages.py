"""The guide as a site: its pages cut from one document, their files, the nav, links and source lines.

`GuideSite` owns everything the plugin knows about where a page came from and where a link goes: it reads
the guide and cuts it into page files, adds the "My plan" page, orders the navigation, tells each page's
blocks which file and line they stand on, and turns an anchor into an address from any page. The plugin's
events hand it their work.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import nest_paths
from mkdocs.utils.meta import get_data

from guide_widgets._internal.config import GuideWidgetsConfig
from guide_widgets._internal.site.links import GuideLinkMessages, GuidePages
from guide_widgets._internal.site.outline import outline_markdown
from guide_widgets._internal.site.split import Guide, GuideErrors, Page, contents_markdown, split_guide
from guide_widgets._internal.widgets.blocks import PlacedWidget, relative_md_path

log = get_plugin_logger(__name__)

HrefFor = Callable[[str], "str | None"]


class GuideNav(list[Any]):
    """The nav this plugin writes when mkdocs.yml has none: told apart so that a rebuild writes it anew."""


def meta_lines(text: str) -> int:
    """How many lines at the top of a Markdown file MkDocs takes as meta-data (front matter)."""
    return len(text.splitlines()) - len(get_data(text)[0].splitlines())


class GuideSite:
    """The guide's pages, links and lines, for one build at a time (`read` starts a build)."""

    def __init__(self, options: GuideWidgetsConfig) -> None:
        self.options = options
        self.links = GuidePages()
        """The state that the link-and-heading Markdown extension reads per page."""
        self.docs_label = ""
        self.label = ""
        """The guide file as messages name it, from the folder of mkdocs.yml (`docs/guide.md`)."""
        self.guide: Guide | None = None
        self.cut_pages: dict[str, Page] = {}
        """Path inside docs_dir of each page cut from the guide -> its part of the guide, in guide order."""
        self.anchor_pages: dict[str, Page] = {}
        self.plan_src = ""
        self.files: Files | None = None
        self.page_by_src: dict[str, MkDocsPage] = {}
        self._messages: GuideLinkMessages | None = None

    # -- reading the guide -------------------------------------------------------------------------------

    def read(self, files: Files, config: MkDocsConfig, docs_label: str, extensions: list[Any],
             raw_blocks: Collection[str], plan_markdown: str, plan_slug: str) -> list[File]:
        """Takes the guide out of `files` and returns the files that stand for it: one per page, and the
        plan page's (given its Markdown and slug; none when the slug is empty). Every problem of the guide
        stops the build."""
        options = self.options
        self.docs_label = docs_label
        self.label = f"{docs_label}/{options.guide}"
        self.page_by_src.clear()
        guide_file = files.get_file_from_path(options.guide)
        if guide_file is None:
            raise PluginError(f"{self.label}: the guide document was not found. Fix: create it, or set "
                              "'guide:' under 'plugins: - guide_widgets:' in mkdocs.yml to the guide's path "
                              "inside docs_dir.")
        text = guide_file.content_string
        self.guide = guide = self._split(text, extensions, config.mdx_configs, raw_blocks, config.site_name)
        self.anchor_pages = guide.anchor_pages()
        files.remove(guide_file)
        generated = self._page_files(guide, files, config)
        self.plan_src = ""
        if plan_slug:
            self.plan_src = posixpath.join(options.pages_dir, f"{plan_slug}.md")
            if self.plan_src in self.cut_pages or files.get_file_from_path(self.plan_src) is not None:
                raise PluginError(f"{docs_label}/{self.plan_src}: the \"My plan\" page would take this address, "
                                  "which a page already has. Fix: set 'plan_page:' under 'plugins: - "
                                  "guide_widgets:' in mkdocs.yml to another slug (or to '' for no such page).")
            generated.append(File.generated(config, self.plan_src, content=plan_markdown))
        links = self.links
        links.guide_src = options.guide
        links.landing_src = self.src_of(guide.landing)
        links.targets = {anchor: (self.src_of(page), "" if anchor == page.slug else anchor)
                         for anchor, page in self.anchor_pages.items()}
        self.stop_messages()
        self._messages = GuideLinkMessages(self.label, text, self.cut_pages, links)
        logging.getLogger("mkdocs.structure.pages").addFilter(self._messages)
        return generated

    def _split(self, text: str, extensions: list[Any], mdx_configs: dict[str, Any],
               raw_blocks: Collection[str], site_name: str) -> Guide:
        """The guide read with the site's own Markdown extensions and cut into pages; every problem at once."""
        reader = outline_markdown(extensions, mdx_configs, raw_blocks=raw_blocks)
        try:
            guide = split_guide(text, reader, front_matter_lines=meta_lines(text), untitled=site_name)
        except GuideErrors as exc:
            problems = "\n".join(f"  {self.label}:{e.line}: {e.problem} Fix: {e.fix}" for e in exc.errors)
            raise PluginError(f"The guide cannot be split into pages:\n{problems}"
                              if len(exc.errors) > 1 else problems.strip()) from exc
        for warning in guide.warnings:
            log.warning(f"{self.label}:{warning.line}: {warning.problem} Fix: {warning.fix}")
        return guide

    def _page_files(self, guide: Guide, files: Files, config: MkDocsConfig) -> list[File]:
        """One generated Markdown file per page: its text, the landing page's contents, the definitions."""
        generated: list[File] = []
        self.cut_pages = {}
        for page in guide.pages:
            src = self.src_of(page)
            if files.get_file_from_path(src) is not None:
                raise PluginError(f"{self.label}:{page.first_line}: the page for '{page.title}' would be "
                                  f"{self.docs_label}/{src}, which already exists. Fix: rename or move that "
                                  "file, give the section another slug, or set 'pages_dir' for the guide.")
            markdown = page.markdown
            if page is guide.landing:
                # Written from the guide's folder, like every link on its pages.
                markdown += contents_markdown(guide, lambda p: relative_md_path(self.src_of(p), self.options.guide))
            if page.definitions:
                markdown += "\n" + page.definitions + "\n"
            generated.append(File.generated(config, src, content=markdown))
            self.cut_pages[src] = page
        return generated

    def src_of(self, page: Page) -> str:
        return posixpath.join(self.options.pages_dir, f"{page.slug}.md")

    # -- the site's files and navigation -------------------------------------------------------------------

    def nav(self, files: Files) -> GuideNav:
        """The guide's pages in document order, then the plan, then the other pages as MkDocs would list them."""
        rest = sorted((f for f in files.documentation_pages() if f.src_uri not in self.cut_pages
                       and f.src_uri != self.plan_src and f.inclusion.is_in_nav()), key=file_sort_key)
        plan = [self.plan_src] if self.plan_src else []
        return GuideNav([*self.cut_pages, *plan, *nest_paths(f.src_uri for f in rest)])

    # -- each page -------------------------------------------------------------------------------------

    def start_page(self, page: MkDocsPage, markdown: str) -> tuple[str, int]:
        """Notes the page as the one being converted; returns the file and line its Markdown starts at, as an
        author would open them (a cut page's line in the guide)."""
        src = page.file.src_uri
        cut = self.cut_pages.get(src)
        self.page_by_src[src] = page
        self.links.start_page(src, cut)
        # MkDocs took the meta-data lines off the top of `markdown`.
        first_line = max(len(page.file.content_string.splitlines()) - len(markdown.splitlines()), 0) + 1
        if cut is None:
            return f"{self.docs_label}/{src}", first_line
        if self.guide is not None and cut is self.guide.landing:
            # Badges or a comment before the title hide it from MkDocs' title finder.
            page.meta.setdefault("title", cut.title)
        return self.label, cut.first_line + first_line - 1

    def is_plan(self, page: MkDocsPage) -> bool:
        return bool(self.plan_src) and page.file.src_uri == self.plan_src

    def href_resolver(self, page: MkDocsPage) -> HrefFor:
        """Anchor -> the address that reaches it from `page` (None for an anchor the guide does not have)."""
        anchors, files = self.anchor_pages, self.files

        def href_for(anchor: str) -> str | None:
            target = anchors.get(anchor)
            if target is None or files is None:
                return None
            target_file = files.get_file_from_path(self.src_of(target))
            if target_file is None:
                return None
            if target_file is page.file:
                return f"#{anchor}"
            url = target_file.url_relative_to(page.file)
            return url if anchor == target.slug else f"{url}#{anchor}"

        return href_for

    def link_to_widget(self, plan_page: MkDocsPage) -> Callable[[PlacedWidget, str], str | None]:
        """From the plan page: where a widget is (`anchor` empty), or one of the anchors its results name."""
        anchor_href = self.href_resolver(plan_page)

        def link(widget: PlacedWidget, anchor: str) -> str | None:
            if anchor:
                return anchor_href(anchor[1:])
            page = self.page_by_src.get(widget.page_src)
            if page is None:
                return None
            return f"{page.file.url_relative_to(plan_page.file)}#{widget.key.rsplit('#', 1)[1]}"

        return link

    def title_of(self, widget: PlacedWidget) -> str:
        """The title of the page a widget stands on, as the nav shows it."""
        page = self.page_by_src.get(widget.page_src)
        return str(page.title) if page is not None and page.title else widget.title

    def stop_messages(self) -> None:
        """Stops re-pointing MkDocs' link warnings to the guide (at the end of a build, or when it fails)."""
        if self._messages is not None:
            logging.getLogger("mkdocs.structure.pages").removeFilter(self._messages)
            self._messages = None


def folder_label(folder: Path, project: Path) -> str:
    """A folder as messages name it: relative to the folder of mkdocs.yml, with forward slashes."""
    return posixpath.relpath(folder.resolve().as_posix(), project.as_posix())
