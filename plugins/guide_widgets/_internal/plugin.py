"""The MkDocs adapter: each event is a few lines that hand the work to the object that owns it.

- `GuideSite` (site/pages.py): the site's guides and pages, their files and nav, links and source lines;
- `WidgetSet` (build.py): the widget kinds, their words and Python files, and what they add to pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from guide_widgets._internal.build import WidgetSet
from guide_widgets._internal.config import GuideWidgetsConfig
from guide_widgets._internal.page.bundle import ASSETS_DIR
from guide_widgets._internal.runtime.archive import PACKAGE_DIR
from guide_widgets._internal.serving.build_errors import BuildErrors
from guide_widgets._internal.site.links import GuidePagesExtension
from guide_widgets._internal.site.outline import unicode_fallback
from guide_widgets._internal.site.pages import GuideNav, GuideSite, folder_label
from guide_widgets._internal.widgets.blocks import PageBlocks, WidgetsExtension

if TYPE_CHECKING:  # `mkdocs build` never needs the dev server's module (it pulls in the file watcher)
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

REQUIRED_EXTENSIONS = {
    "toc": "it gives headings the anchors that links between sections use",
    "attr_list": "it reads explicit slugs such as '## Heading {#my-slug}'",
}


class GuideWidgetsPlugin(BasePlugin[GuideWidgetsConfig]):
    supports_multiple_instances = False

    # Made anew for every build by on_config, from the options as MkDocs has just read them.
    site: GuideSite
    widgets: WidgetSet

    def __init__(self) -> None:
        self.serving = False
        self.auto_nav = True
        self.site_extensions: list[Any] = []

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
        self.site = GuideSite(self.config, folder_label(Path(config.docs_dir), project))
        self.widgets = WidgetSet(self.config, serving=self.serving)
        self.widgets.load(config, project)
        self.auto_nav = config.nav is None or isinstance(config.nav, GuideNav)
        # Headings whose slug would be empty (a Japanese heading with the default slugify) get a Unicode one.
        toc = config.mdx_configs.setdefault("toc", {})
        toc["slugify"] = unicode_fallback(toc.get("slugify"))
        extensions: list[Any] = config.markdown_extensions  # names, and instances such as ours (on a rebuild)
        extensions[:] = [e for e in extensions if not isinstance(e, WidgetsExtension | GuidePagesExtension)]
        self.site_extensions = list(extensions)
        extensions += [WidgetsExtension(self.widgets.blocks), GuidePagesExtension(self.site.links)]
        config.extra_css.append(f"{ASSETS_DIR}/widgets.css")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # A site without a widget block gets no plan page and ships no Python.
        uses_widgets = bool(self.widgets.choose_words(files))
        plan_slug = self.widgets.plan_slug(self.config.plan_page) if uses_widgets else ""
        generated = self.site.read(files, config, self.site_extensions, self.widgets.kinds,
                                   self.widgets.plan_markdown(), plan_slug)
        files = Files([*generated, *self.widgets.files(config, python=uses_widgets), *files])
        self.site.check_plan_in_nav(None if self.auto_nav else config.nav, files, self.widgets.plan_slugs(),
                                    chosen=self.config.plan_page is None)
        if self.auto_nav:
            # MkDocs would sort pages by name: the guide comes first, in document order.
            config.nav = self.site.nav(files)
        self.site.files = files
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.site.note_nav(nav)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        source, first_line = self.site.start_page(page, markdown)
        if self.widgets.has_blocks(markdown):
            self.site.note_own_anchors(page.file.src_uri, markdown, self.site_extensions, config.mdx_configs,
                                       self.widgets.kinds)
        self.widgets.blocks.start_page(PageBlocks(source, first_line, page.file.src_uri, page.file.url,
                                                  self.site.link_resolver(page), self.site.anchors_near(page)))
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.widgets.fill_markers(html, f"{self.site.docs_label}/{page.file.src_uri}",
                                         page.file.content_string, config.site_url or "/")

    # Last: the policy hashes the page's inline scripts, so no plugin may change the HTML after us.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        plan = self.site.is_plan(page)
        if plan:
            output = self.widgets.fill_plan(output, self.site.link_to_widget(page), self.site.title_of,
                                            self.site.order_of)
        return self.widgets.finish_page(output, page.url, Path(page.file.abs_dest_path), early=not plan)

    # Last, for the same reason as on_post_page. Extra templates other than HTML (sitemap.xml) are left alone.
    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self.widgets.finish_template(output_content, config.site_url or "/")

    # Last: the offline copy lists and hashes every file of the site, so every other plugin must have written its own.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.site.stop_messages()
        # Every page has been read and MkDocs has checked every link: the widget blocks' problems of all pages
        # stop the build together, after its link warnings, so that an author fixes everything in one round.
        self.widgets.blocks.site.raise_problems(self.site.anchors_of)
        self.widgets.warn_blocked()
        self.widgets.write_offline_copy(config, self.site.pages_in_nav_order())

    def on_build_error(self, *, error: Exception) -> None:
        self.site.stop_messages()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        for folder in (PACKAGE_DIR, *self.widgets.watched()):
            server.watch(str(folder))
        # A rebuild that fails shows its messages on the page being viewed, which recovers once it is fixed.
        errors = BuildErrors()
        server.builder = errors.builder(server.builder)
        app = server.get_app()
        if app is not None:
            server.set_app(errors.app(app))
        return server
