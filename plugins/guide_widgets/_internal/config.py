"""The plugin's options, as set under `plugins: - guide_widgets:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from guide_widgets._internal.pins import DEFAULT_PYODIDE_DIR


class GuideEntry(base.Config):
    """One guide of several, under `guides:`."""

    file = c.Type(str)
    """The guide document, relative to docs_dir."""

    pages_dir = c.Optional(c.Type(str))
    """Folder (relative to docs_dir) that receives its pages; the document's path without `.md` when left out
    (`course.md` puts its pages in `course/`)."""


class GuideWidgetsConfig(base.Config):
    guide = c.Optional(c.Type(str))
    """The guide document, relative to docs_dir, split into one page per `## ` section. Left out: `guide.md`
    if the site has one; otherwise nothing is split, and widget blocks work on the site's own pages (as they do
    on every page anyway). Empty: split nothing."""

    guides = c.ListOfItems(c.SubConfig(GuideEntry), default=[])
    """Several guides, each split into pages of its own folder: a list of `file:` (and `pages_dir:`) entries.
    Use it instead of `guide` and `pages_dir`."""

    pages_dir = c.Type(str, default="")
    """Folder (relative to docs_dir) that receives the guide's pages; empty puts them at the site root."""

    policy = c.Choice(("widget_pages", "everywhere"), default="widget_pages")
    """Which pages carry the strict Content-Security-Policy that keeps every request on the site itself:
    `widget_pages` (pages with a widget, the plan and the privacy page's controls), or `everywhere`. The build
    warns about fonts, scripts and styles from other origins that the policy would block on those pages."""

    pyodide_dir = c.Type(str, default=DEFAULT_PYODIDE_DIR)
    """Folder holding the pinned Pyodide files, relative to the folder of mkdocs.yml: the npm package that
    `npm ci` installs (the default), or any folder with the same files (pyodide.mjs, pyodide.asm.mjs,
    pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json of the pinned version)."""

    node_modules = c.Deprecated(removed=True, message=(
        "guide_widgets: the option '{}' is now 'pyodide_dir', the Pyodide folder itself. "
        "Fix: write 'pyodide_dir: <your node_modules>/pyodide' under guide_widgets in mkdocs.yml."))

    plan_page = c.Optional(c.Type(str))
    """Slug of the "My plan" page the plugin adds after the guide's sections (in pages_dir): every widget's
    answers and result in one place, to print or download. Left out, it is the page's title in the site's
    language (`my-plan`, `mein-plan`). Empty: no such page. A site with no widget has none either."""

    strings = c.Type((dict, str), default={})
    """Your own words for any string a reader sees around a widget, by name: `widget.retry` for the frame,
    `quiz.answered` for a kind's; or the name of a YAML file of such lines beside mkdocs.yml, as `guide-widgets
    strings <language>` writes it. When theme.language has no catalogue, required for the frame's strings and
    those of the kinds the site uses."""

    informal = c.Type(bool, default=False)
    """Address readers informally where the language has both forms: German "du" instead of "Sie", in every
    built-in word (and in an own kind's words where its strings.yml has a `de-informal:` section). English
    has one form, so nothing changes there."""

    # `{NAME}`: a size measured once (pins.py), which the reference writes as its figure (reference.py).
    ready_python = c.Type(bool, default=True)
    """Make Python ready at build time (needs Node.js): a first visit on a quick connection then downloads about
    {PREPARED_EXTRA_MB} MB more and is ready in well under half the time. Readers saving data or on a slow
    connection start Python as before. `false`: every first visit starts Python itself, and the site is about
    {PREPARED_SITE_MB} MB smaller."""

    widgets_dir = c.Type(str, default="")
    """Folder of your own widget kinds, relative to the folder of mkdocs.yml: one sub-folder per kind, each
    with spec.py, form.html and logic.py. Empty: the built-in kinds only."""
