"""The MkDocs adapter: each event hands its work to the modules that own it."""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import get_relative_url, nest_paths
from mkdocs.utils.meta import get_data

from .blocks import WidgetContext, WidgetsExtension, relative_md_path
from .config import GuideWidgetsConfig
from .csp import early_in_head, with_policy
from .guide_pages import GuideLinkMessages, GuidePages, GuidePagesExtension
from .offline import SIZE_TOKEN, write_offline_copy
from .outline import outline_markdown, unicode_fallback
from .plan import MarkerError, PlanContext, fill_markers, plan_html, plan_markdown
from .registry import Kind, KindError, builtin_kinds, own_kinds, stdlib_modules
from .runtime import (
    ASSET_FILES,
    ASSETS_DIR,
    FULL_STDLIB,
    PACKAGE_DIR,
    PYODIDE_DIR,
    PYODIDE_GZIP_SIZES,
    PYODIDE_SIZES,
    RuntimeMissing,
    find_pyodide,
    head_tags,
    logic_archive,
    page_runtime,
    served_asset,
    starter_script,
)
from .splitter import Guide, GuideErrors, Page, contents_markdown, split_guide
from .stdlib import reduced_stdlib
from .strings import FRAME, StringsError, site_strings

if TYPE_CHECKING:  # `mkdocs build` never needs the dev server's module (it pulls in the file watcher)
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


SCRIPT = f"{ASSETS_DIR}/widgets.js"


class _LinkedFile(File):
    """A large file that never changes (the Pyodide runtime): hard-linked into the site, copied where the
    site is on another file system. Copying its 13 MB on every build was a good part of the build's time."""

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        target = Path(self.abs_dest_path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            target.hardlink_to(self.abs_src_path)
        except OSError:
            super().copy_file(dirty)


class _GuideNav(list[Any]):
    """The nav this plugin writes when mkdocs.yml has none: told apart so that a rebuild writes it anew."""

REQUIRED_EXTENSIONS = {
    "toc": "it gives headings the anchors that links between sections use",
    "attr_list": "it reads explicit slugs such as '## Heading {#my-slug}'",
}


class GuideWidgetsPlugin(BasePlugin[GuideWidgetsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.context = WidgetContext(kinds={})  # on_config sets the kinds: load them once per build
        self.pages = GuidePages()
        self.guide_source = ""
        self.guide_pages: dict[str, Page] = {}
        self.anchor_pages: dict[str, Page] = {}
        self.messages: GuideLinkMessages | None = None
        self.guide: Guide | None = None
        self.plan_src = ""
        self.page_by_src: dict[str, MkDocsPage] = {}
        self.files: Files | None = None
        self.sized_pages: list[Path] = []
        self.widgets_dir: Path | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving:
            log.info("Pages are served without their Content-Security-Policy: the live-reload script that "
                     "`mkdocs serve` injects would be refused. `mkdocs build` adds it.")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for name, reason in REQUIRED_EXTENSIONS.items():
            if name not in config.markdown_extensions:
                raise PluginError(f"guide_widgets needs the Markdown extension '{name}': {reason}. "
                                  f"Fix: add '- {name}' under markdown_extensions in mkdocs.yml.")
        # A config read from stdin (`mkdocs build -f -`) has no file: paths are then relative to the working folder.
        project = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        try:
            pyodide = find_pyodide(project / self.config.pyodide_dir)
        except RuntimeMissing as exc:
            raise PluginError(str(exc)) from exc
        self.pyodide = pyodide
        self.auto_nav = config.nav is None or isinstance(config.nav, _GuideNav)
        self.kinds = self._kinds(project, pyodide.folder / FULL_STDLIB)
        self.context.kinds = self.kinds
        self.context.language = str(config.theme.get("language") or "en")
        try:
            self.context.strings = site_strings(self.kinds, self.context.language, self.config.strings)
        except StringsError as exc:
            raise PluginError(f"guide_widgets: {exc}") from exc
        self.context.placed.clear()
        self.page_by_src.clear()
        self.sized_pages = []
        self.logic_name, self.logic_bytes = logic_archive(self.kinds.values())
        self.starter = starter_script()  # once per build, for every page's head
        self.stdlib = reduced_stdlib(pyodide.folder, self.logic_name, self.logic_bytes)
        if self.stdlib.note:
            log.info(f"guide_widgets: no reduced standard library: {self.stdlib.note}")
        stdlib_bytes = len(self.stdlib.data) if self.stdlib.data is not None else PYODIDE_SIZES[FULL_STDLIB]
        download = sum(PYODIDE_GZIP_SIZES.values()) + stdlib_bytes + len(self.logic_bytes)
        self.context.runtime = page_runtime(pyodide, self.logic_name, self.context.strings[FRAME], self.stdlib.name,
                                            download)
        self.docs_label = posixpath.relpath(Path(config.docs_dir).resolve().as_posix(), project.as_posix())

        # Headings whose slug would be empty (a Japanese heading with the default slugify) get a Unicode one.
        toc = config.mdx_configs.setdefault("toc", {})
        toc["slugify"] = unicode_fallback(toc.get("slugify"))
        extensions: list[Any] = config.markdown_extensions  # names, and instances such as ours
        extensions[:] = [e for e in extensions if not isinstance(e, WidgetsExtension | GuidePagesExtension)]
        self.site_extensions = list(extensions)
        extensions += [WidgetsExtension(self.context), GuidePagesExtension(self.pages)]
        config.extra_css.append(f"{ASSETS_DIR}/widgets.css")
        return config

    def _kinds(self, project: Path, stdlib_zip: Path) -> dict[str, Kind]:
        """The built-in widget kinds and, when `widgets_dir` names them, the author's own."""
        kinds = builtin_kinds()
        if not self.config.widgets_dir:
            return kinds
        folder = project / self.config.widgets_dir
        label = posixpath.relpath(folder.resolve().as_posix(), project.as_posix())
        self.widgets_dir = folder
        if not folder.is_dir():
            raise PluginError(f"{label}: the folder of your own widget kinds was not found. Fix: create it, or "
                              "correct 'widgets_dir' under 'plugins: - guide_widgets:' in mkdocs.yml.")
        try:
            return kinds | own_kinds(folder, label, kinds, stdlib_modules(stdlib_zip))
        except KindError as exc:
            problems = "\n".join(f"  {problem}" for problem in exc.problems)
            raise PluginError(f"Bad widget kind{'s' * (len(exc.problems) > 1)}:\n{problems}") from exc

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        guide_file = files.get_file_from_path(self.config.guide)
        self.guide_source = f"{self.docs_label}/{self.config.guide}"
        if guide_file is None:
            raise PluginError(f"{self.guide_source}: the guide document was not found. Fix: create it, or set "
                              "'guide:' under 'plugins: - guide_widgets:' in mkdocs.yml to the guide's path "
                              "inside docs_dir.")
        text = guide_file.content_string
        self.guide = guide = self._split(text, config)
        self.anchor_pages = guide.anchor_pages()
        files.remove(guide_file)
        generated = self._guide_files(guide, files, config)
        self.plan_src = ""
        if self.config.plan_page:
            self.plan_src = posixpath.join(self.config.pages_dir, f"{self.config.plan_page}.md")
            if self.plan_src in self.guide_pages or files.get_file_from_path(self.plan_src) is not None:
                raise PluginError(f"{self.docs_label}/{self.plan_src}: the \"My plan\" page would take this "
                                  "address, which a page already has. Fix: set 'plan_page:' under 'plugins: - "
                                  "guide_widgets:' in mkdocs.yml to another slug (or to '' for no such page).")
            generated.append(File.generated(config, self.plan_src,
                                            content=plan_markdown(self.context.strings[FRAME])))
        self.pages.guide_src = self.config.guide
        self.pages.landing_src = self._src_of(guide.landing)
        self.pages.targets = {anchor: (self._src_of(page), "" if anchor == page.slug else anchor)
                              for anchor, page in self.anchor_pages.items()}
        self.messages = GuideLinkMessages(self.guide_source, text, self.guide_pages, self.pages)
        logging.getLogger("mkdocs.structure.pages").addFilter(self.messages)

        generated += [_LinkedFile.generated(config, f"{PYODIDE_DIR}/{path.name}", abs_src_path=str(path))
                      for path in self.pyodide.files()]
        generated += [File.generated(config, f"{ASSETS_DIR}/{name}", content=served_asset(name))
                      for name in ASSET_FILES]
        generated.append(File.generated(config, f"{ASSETS_DIR}/{self.logic_name}", content=self.logic_bytes))
        if self.stdlib.data is not None:
            generated.append(File.generated(config, f"{PYODIDE_DIR}/{self.stdlib.name}", content=self.stdlib.data))

        files = Files([*generated, *files])
        if self.auto_nav:
            # MkDocs would sort pages by name: list the guide first, in document order, then the rest.
            rest = sorted((f for f in files.documentation_pages() if f.src_uri not in self.guide_pages
                           and f.inclusion.is_in_nav()), key=file_sort_key)
            rest = [f for f in rest if f.src_uri != self.plan_src]
            plan = [self.plan_src] if self.plan_src else []
            config.nav = _GuideNav([*self.guide_pages, *plan, *nest_paths(f.src_uri for f in rest)])
        self.files = files
        return files

    def _split(self, text: str, config: MkDocsConfig) -> Guide:
        """The guide read with the site's own Markdown extensions and cut into pages; every problem at once."""
        front_matter = len(text.splitlines()) - len(get_data(text)[0].splitlines())
        reader = outline_markdown(self.site_extensions, config.mdx_configs, raw_blocks=self.kinds)
        try:
            guide = split_guide(text, reader, front_matter_lines=front_matter)
        except GuideErrors as exc:
            problems = "\n".join(f"  {self.guide_source}:{e.line}: {e.problem} Fix: {e.fix}" for e in exc.errors)
            raise PluginError(f"The guide cannot be split into pages:\n{problems}"
                              if len(exc.errors) > 1 else problems.strip()) from exc
        for warning in guide.warnings:
            log.warning(f"{self.guide_source}:{warning.line}: {warning.problem} Fix: {warning.fix}")
        return guide

    def _guide_files(self, guide: Guide, files: Files, config: MkDocsConfig) -> list[File]:
        """One generated Markdown file per page: its text, the landing page's contents, the definitions."""
        generated: list[File] = []
        self.guide_pages = {}
        for page in guide.pages:
            src = self._src_of(page)
            if files.get_file_from_path(src) is not None:
                raise PluginError(f"{self.guide_source}:{page.first_line}: the page for '{page.title}' would be "
                                  f"{self.docs_label}/{src}, which already exists. Fix: rename or move that "
                                  "file, give the section another slug, or set 'pages_dir' for the guide.")
            markdown = page.markdown
            if page is guide.landing:
                # Written from the guide's folder, like every link on its pages.
                markdown += contents_markdown(guide, lambda p: relative_md_path(self._src_of(p), self.config.guide))
            if page.definitions:
                markdown += "\n" + page.definitions + "\n"
            generated.append(File.generated(config, src, content=markdown))
            self.guide_pages[src] = page
        return generated

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        own = self.guide_pages.get(src)
        # Lines that MkDocs took off the top as meta-data (front matter) are not in `markdown`.
        first_line = max(len(page.file.content_string.splitlines()) - len(markdown.splitlines()), 0) + 1
        if own is not None:
            source, first_line = self.guide_source, own.first_line + first_line - 1
            if self.guide is not None and own is self.guide.landing:
                # Badges or a comment before the title hide it from MkDocs' title finder.
                page.meta.setdefault("title", own.title)
        else:
            source = f"{self.docs_label}/{src}"
        self.context.start_page(source, first_line, self._href_resolver(page, files), src, page.file.url)
        self.pages.start_page(src, own)
        self.page_by_src[src] = page
        return markdown

    def on_page_content(self, html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if "guide-widgets:" not in html:
            return html
        scope = urlsplit(config.site_url or "/").path or "/"
        try:
            return fill_markers(html, f"{self.docs_label}/{page.file.src_uri}", page.file.content_string,
                                self.context.strings, self.context.runtime, scope)
        except MarkerError as exc:
            raise PluginError(str(exc)) from exc

    def on_post_page(self, output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
        plan = page.file.src_uri == self.plan_src
        if plan:
            output = output.replace("<!-- guide-widgets: plan -->", plan_html(self.context.placed, self._plan(page)))
        if SIZE_TOKEN in output:
            self.sized_pages.append(Path(page.file.abs_dest_path))
        # The plan starts Python only when there is something to work out: no early start there.
        return self._finish_html(output, get_relative_url(SCRIPT, page.url), early=not plan)

    def _plan(self, plan_page: MkDocsPage) -> PlanContext:
        anchor_href = self._href_resolver(plan_page, self.files) if self.files is not None else None

        def link_for(widget: Any, anchor: str) -> str | None:
            if anchor:
                return anchor_href(anchor[1:]) if anchor_href is not None else None
            page = self.page_by_src.get(widget.page_src)
            if page is None:
                return None
            return f"{page.file.url_relative_to(plan_page.file)}#{widget.key.rsplit('#', 1)[1]}"

        def title_for(widget: Any) -> str:
            page = self.page_by_src.get(widget.page_src)
            return str(page.title) if page is not None and page.title else widget.title

        return PlanContext(self.kinds, self.context.strings, self.context.language, self.context.runtime,
                           link_for, title_for)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # Extra templates: 404.html is served at any depth, so it links from the site's root path, as
        # Material does; sitemap.xml and the like are left alone.
        if not template_name.endswith(".html"):
            return output_content
        return self._finish_html(output_content, urlsplit(config.site_url or "/").path.rstrip("/") + "/" + SCRIPT)

    def _finish_html(self, output: str, script_url: str, early: bool = True) -> str:
        """Every page: our scripts (and, on widget pages, the runtime facts) early in the head, then the policy."""
        runtime = self.context.runtime if early and 'data-gw-kind="' in output else None
        output = early_in_head(output, head_tags(script_url, runtime, self.starter))
        return output if self.serving else with_policy(output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._stop_messages()
        write_offline_copy(Path(config.site_dir), self.sized_pages, [Path(d) for d in config.theme.dirs])

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_messages()

    def _stop_messages(self) -> None:
        if self.messages is not None:
            logging.getLogger("mkdocs.structure.pages").removeFilter(self.messages)
            self.messages = None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(PACKAGE_DIR))
        if self.widgets_dir is not None:
            server.watch(str(self.widgets_dir))
        return server

    def _src_of(self, page: Page) -> str:
        return posixpath.join(self.config.pages_dir, f"{page.slug}.md")

    def _href_resolver(self, page: MkDocsPage, files: Files) -> Any:
        anchors = self.anchor_pages

        def href_for(anchor: str) -> str | None:
            target = anchors.get(anchor)
            if target is None:
                return None
            target_file = files.get_file_from_path(self._src_of(target))
            if target_file is None:
                return None
            if target_file is page.file:
                return f"#{anchor}"
            url = target_file.url_relative_to(page.file)
            return url if anchor == target.slug else f"{url}#{anchor}"

        return href_for
