"""The widgets of a site: their kinds, words, Python files and runtime facts, and what they add to pages.

`WidgetSet` loads the widget kinds (built-in and the author's own) and their strings once per build, knows the
facts every widget page tells its script, and adds to the site what the widgets need: the Pyodide runtime and
our assets as files, the markers' HTML, the plan's entries, the scripts and the policy in every page's head,
and the offline copy at the end. What the widgets run on (the runtime, the logic archive, the reduced standard
library, the Python made ready) is a `BuildRuntime`, made whole by `load_runtime` at each load and never
changed; what renders their HTML is the set's one `Renderer`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from guide_widgets._internal.config import GuideWidgetsConfig
from guide_widgets._internal.page.bundle import ASSET_FILES, ASSETS_DIR, served_asset, starter_script
from guide_widgets._internal.page.head import boot_facts, download_size, head_tags, page_runtime
from guide_widgets._internal.page.markers import MarkerError, fill_markers
from guide_widgets._internal.page.offline import SIZE_TOKEN, write_offline_copy
from guide_widgets._internal.page.policy import (
    blocked_fix,
    blocked_urls,
    early_in_head,
    has_widgets,
    with_policy,
)
from guide_widgets._internal.pins import FULL_STDLIB
from guide_widgets._internal.runtime.archive import logic_archive
from guide_widgets._internal.runtime.pyodide import (
    PYODIDE_DIR,
    Pyodide,
    RuntimeMissing,
    find_pyodide,
    link_or_copy,
)
from guide_widgets._internal.runtime.snapshot import Prepared, prepared_python
from guide_widgets._internal.runtime.stdlib import Stdlib, reduced_stdlib
from guide_widgets._internal.serving.preview import site_prefix
from guide_widgets._internal.site.pages import folder_label
from guide_widgets._internal.widgets.blocks import PlacedWidget, SiteBlocks, WidgetBlocks, scan_headers
from guide_widgets._internal.widgets.plan import PLAN, PlanContext, plan_html, plan_markdown
from guide_widgets._internal.widgets.registry import Kind, KindError, builtin_kinds, own_kinds, stdlib_modules
from guide_widgets._internal.widgets.render import Renderer
from guide_widgets._internal.widgets.strings import (
    FRAME,
    FRAME_FILE,
    StringsError,
    catalogue,
    load_strings_file,
    site_strings,
)

log = get_plugin_logger(__name__)

SCRIPT = f"{ASSETS_DIR}/widgets.js"
PLAN_MARKER = f"<!-- guide-widgets: {PLAN} -->"


class LinkedFile(File):
    """A large file that never changes (the Pyodide runtime): hard-linked into the site, copied where the
    site is on another file system. Copying its 13 MB on every build was a good part of the build's time."""

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        link_or_copy(Path(self.abs_src_path), Path(self.abs_dest_path))


@dataclass(frozen=True)
class BuildRuntime:
    """What one build's widgets run on and ship, found and made once by `load_runtime`: never changed, only
    replaced whole by the next load."""

    pyodide: Pyodide
    logic_name: str
    """The logic archive's file name (it holds its hash)."""
    logic_bytes: bytes
    starter: str
    """The script inline in every page's head (made once per build)."""
    stdlib: Stdlib
    """The reduced standard library (or, with its `note`, none)."""
    prepared: Prepared
    """The Python made ready at build time (or, with its `note`, none)."""


def load_runtime(pyodide: Pyodide, kinds: Iterable[Kind], *, ready_python: bool) -> BuildRuntime:
    """The logic archive of `kinds`, the page's starter, the reduced standard library and (`ready_python`) the
    Python made ready at build time, on the runtime found; what could not be made is logged with its reason."""
    logic_name, logic_bytes = logic_archive(kinds)
    starter = starter_script()
    stdlib = reduced_stdlib(pyodide.folder, logic_name, logic_bytes)
    if stdlib.note:
        log.info(f"no reduced standard library: {stdlib.note}")
    prepared = prepared_python(pyodide, logic_name, logic_bytes, stdlib) if ready_python else Prepared(note="")
    if prepared.note:
        log.info(f"no Python made ready at build time: {prepared.note}")
    return BuildRuntime(pyodide, logic_name, logic_bytes, starter, stdlib, prepared)


class WidgetSet:
    """Everything about the site's widgets for one build (`load` starts a build)."""

    runtime: BuildRuntime
    """What the widgets run on: made by `load`, replaced whole by the next."""

    def __init__(self, options: GuideWidgetsConfig, *, serving: bool = False) -> None:
        self.options = options
        self.serving = serving
        """`mkdocs serve`: pages go without their policy (it would refuse the live-reload script)."""
        self.renderer = Renderer()
        """The widgets' HTML, the plan's and the markers': one Jinja environment and Markdown converter."""
        # collect: every page's problems, raised at once
        self.blocks = WidgetBlocks(SiteBlocks(kinds={}, renderer=self.renderer), collect=True)
        """The state that the widget-block Markdown extension reads per page, and the widgets it placed."""
        self.widgets_dir: Path | None = None
        self.project = Path.cwd()
        self._sized_pages: list[Path] = []
        self._blocked: dict[str, list[str]] = {}
        """Address of something from another origin -> the pages with the policy that ask for it."""

    @property
    def kinds(self) -> dict[str, Kind]:
        return self.blocks.site.kinds

    def load(self, config: MkDocsConfig, project: Path) -> None:
        """Finds the runtime, loads the kinds, and makes the Python archives (the words wait for the pages:
        `choose_words`). Every problem stops the build with its file and fix."""
        options = self.options
        self.project = project
        try:
            pyodide = find_pyodide(project / options.pyodide_dir)
        except RuntimeMissing as exc:
            raise PluginError(str(exc)) from exc
        blocks = self.blocks.site
        blocks.kinds = self._kinds(project, pyodide)
        blocks.language = str(config.theme.get("language") or "en")
        blocks.strings = {}
        blocks.start_build()
        self._sized_pages = []
        self.runtime = load_runtime(pyodide, blocks.kinds.values(), ready_python=options.ready_python)

    def choose_words(self, files: Files) -> list[str]:
        """The words of the frame and of the kinds the site's pages use, in the site's language (a language
        owes texts only for those); returns the kinds used, in name order. Then the facts every page tells its
        script, which hold the frame's words."""
        options, blocks = self.options, self.blocks.site
        used = self.kinds_used(files)
        # The frame's words are owed where something shows them: a widget, or a page's marker.
        framed = bool(used) or any("guide-widgets:" in file.content_string for file in files.documentation_pages())
        try:
            setting: Any = options.strings  # a mapping, or the name of a file of one
            given: dict[str, Any] = (load_strings_file(self.project / setting, setting)
                                     if isinstance(setting, str) else setting)
            blocks.strings = site_strings(blocks.kinds, blocks.language, given, options.informal, used, framed)
        except StringsError as exc:
            raise PluginError(f"guide_widgets: {exc}") from exc
        runtime = self.runtime
        download = download_size(runtime.stdlib.data, len(runtime.logic_bytes))
        self.facts = page_runtime(runtime.pyodide, runtime.logic_name, blocks.strings[FRAME], runtime.stdlib.name,
                                  download, runtime.prepared.facts())
        self.facts["policy"] = "off" if self.serving else options.policy
        return used

    def _kinds(self, project: Path, pyodide: Pyodide) -> dict[str, Kind]:
        """The built-in widget kinds and, when `widgets_dir` names them, the author's own."""
        kinds = builtin_kinds()
        self.widgets_dir = None
        if not self.options.widgets_dir:
            return kinds
        folder = project / self.options.widgets_dir
        label = folder_label(folder, project)
        self.widgets_dir = folder
        if not folder.is_dir():
            raise PluginError(f"{label}: the folder of your own widget kinds was not found. Fix: create it, or "
                              "correct 'widgets_dir' under 'plugins: - guide_widgets:' in mkdocs.yml.")
        try:
            own = own_kinds(folder, label, kinds, stdlib_modules(pyodide.folder / FULL_STDLIB))
        except KindError as exc:
            problems = "\n".join(f"  {problem}" for problem in exc.problems)
            raise PluginError(f"Bad widget kind{'s' * (len(exc.problems) > 1)}:\n{problems}") from exc
        for kind in own.values():
            if kind.note:
                log.info(kind.note)
        return kinds | own

    # -- the site's files ------------------------------------------------------------------------------

    def has_blocks(self, markdown: str) -> bool:
        """Whether a page's Markdown has a widget block."""
        kinds = self.kinds
        return "///" in markdown and any(name in kinds for _, name in scan_headers(markdown.splitlines()))

    def kinds_used(self, files: Files) -> list[str]:
        """The widget kinds that the site's pages (its guides among them) have blocks of, in name order: a site
        without one gets no plan page and ships no Python."""
        kinds = self.kinds
        return sorted({name for file in files.documentation_pages() if "///" in file.content_string
                       for _, name in scan_headers(file.content_string.splitlines()) if name in kinds})

    def files(self, config: MkDocsConfig, *, python: bool = True) -> list[File]:
        """Our scripts and styles and, for a site with widgets (`python`), the runtime (linked, not copied) and
        the logic and standard-library archives."""
        files = [File.generated(config, f"{ASSETS_DIR}/{name}", content=served_asset(name, self.facts))
                 for name in ASSET_FILES]
        if not python:
            return files
        runtime = self.runtime
        stdlib, prepared = runtime.stdlib, runtime.prepared
        files += [LinkedFile.generated(config, f"{PYODIDE_DIR}/{path.name}", abs_src_path=str(path))
                  for path in runtime.pyodide.files()]
        files.append(File.generated(config, f"{ASSETS_DIR}/{runtime.logic_name}", content=runtime.logic_bytes))
        if stdlib.data is not None:
            files.append(File.generated(config, f"{PYODIDE_DIR}/{stdlib.name}", content=stdlib.data))
        if prepared.name:
            files.append(File.generated(config, f"{PYODIDE_DIR}/{prepared.name}", content=prepared.data))
            files.append(File.generated(config, f"{PYODIDE_DIR}/{prepared.stdlib_name}",
                                        content=prepared.stdlib_data))
        return files

    def plan_markdown(self) -> str:
        return plan_markdown(self.blocks.site.strings[FRAME])

    def plan_slugs(self) -> set[str]:
        """The plan page's slug in every language the frame's catalogue has: the address it had before a
        change of language."""
        return {plain_slug(str(texts["plan_title"])) for texts in catalogue(FRAME_FILE).values()
                if texts.get("plan_title")}

    def plan_slug(self, option: str | None) -> str:
        """The plan page's slug: the option as set (empty: no page), else its title in the site's language."""
        if option is not None:
            return option.strip().strip("/")
        return plain_slug(self.blocks.site.strings[FRAME]["plan_title"])

    # -- each page -------------------------------------------------------------------------------------

    def fill_markers(self, html: str, source: str, markdown: str, site_url: str) -> str:
        """A page's `<!-- guide-widgets: ... -->` markers as HTML (the plan's is filled once every page is known)."""
        if "guide-widgets:" not in html:
            return html
        try:
            return fill_markers(html, source, markdown, self.blocks.site.strings, site_prefix(site_url),
                                self.renderer)
        except MarkerError as exc:
            raise PluginError(str(exc)) from exc

    def fill_plan(self, output: str, link_for: Callable[[PlacedWidget, str], str | None],
                  title_for: Callable[[PlacedWidget], str], order: Callable[[PlacedWidget], int]) -> str:
        """The plan page with an entry for every widget the site placed, in the order of their pages in the
        site's navigation (`order`), and on one page from top to bottom."""
        blocks = self.blocks.site
        plan = PlanContext(self.renderer, blocks.kinds, blocks.strings, blocks.language, link_for, title_for)
        return output.replace(PLAN_MARKER, plan_html(sorted(blocks.placed, key=order), plan))

    def finish_page(self, output: str, page_url: str, dest: Path, *, early: bool = True) -> str:
        """A page as it is written: our scripts (and, on widget pages, the runtime facts) early in the head,
        then the policy. `early=False` keeps Python from starting as the page opens (the plan starts it only
        when there is something to work out)."""
        if SIZE_TOKEN in output:
            self._sized_pages.append(dest)
        return self._finish(output, get_relative_url(SCRIPT, page_url), early, page_url or "/")

    def finish_template(self, output: str, site_url: str) -> str:
        """An extra template (404.html): served at any depth, so it links from the site's root path, as
        Material does."""
        return self._finish(output, site_prefix(site_url) + SCRIPT)

    def _finish(self, output: str, script_url: str, early: bool = True, page: str = "") -> str:
        boot = boot_facts(self.facts) if early and 'data-gw-kind="' in output else None
        output = early_in_head(output, head_tags(script_url, boot, self.runtime.starter))
        if self.serving or not (self.options.policy == "everywhere" or has_widgets(output)):
            return output
        for url in blocked_urls(output):
            self._blocked.setdefault(url, []).append(page or "404.html")
        return with_policy(output)

    def warn_blocked(self) -> None:
        """Once the site is written: what its pages with the policy load from another origin, which the policy
        keeps them from loading (each with its fix)."""
        for url, pages in sorted(self._blocked.items()):
            shown = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
            log.warning(f"{url} comes from another site, and the pages that keep the reader's "
                        f"answers on the device ({shown}) refuse it: there it will not load. Fix: "
                        f"{blocked_fix(url)}")
        self._blocked.clear()

    def write_offline_copy(self, config: MkDocsConfig, first: list[Path] | None = None) -> None:
        """Once the site is written: the offline copy's size on the pages that state it, and its service worker
        (listing the pages in `first`, the navigation's order, before every other file)."""
        write_offline_copy(Path(config.site_dir), self._sized_pages, [Path(d) for d in config.theme.dirs], first)

    def watched(self) -> list[Path]:
        """What `mkdocs serve` rebuilds on besides the docs: the author's own kinds."""
        return [self.widgets_dir] if self.widgets_dir is not None else []


def plain_slug(title: str) -> str:
    """A title as a path segment: lower case, accents and umlauts taken off, words joined by '-'
    ("Mein Plan" -> "mein-plan")."""
    decomposed = unicodedata.normalize("NFKD", title.casefold().replace("ß", "ss"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^\w]+", "-", plain, flags=re.ASCII).strip("-") or "plan"



