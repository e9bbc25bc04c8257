"""The plugin's options, as set under `plugins: - guide_widgets:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GuideWidgetsConfig(base.Config):
    guide = c.Type(str, default="guide.md")
    """The guide document, relative to docs_dir. It is split into one page per `## ` section."""

    pages_dir = c.Type(str, default="")
    """Folder (relative to docs_dir) that receives the guide's pages; empty puts them at the site root."""

    node_modules = c.Type(str, default="node_modules")
    """Where `npm ci` installed the pinned `pyodide` package, relative to the folder of mkdocs.yml."""

    strings = c.Type(dict, default={})
    """Your own words for any string a reader sees around a widget, by name: `widget.retry` for the frame,
    `quiz.answered` for a kind's. Required for every string when theme.language has no catalogue."""

    widgets_dir = c.Type(str, default="")
    """Folder of your own widget kinds, relative to the folder of mkdocs.yml: one sub-folder per kind, each
    with spec.py, form.html and logic.py. Empty: the built-in kinds only."""
