"""Helpers the tests/test_build*.py files share: a project with plugin options and a site language, and a
page as `mkdocs serve` serves it."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from building import dev_server


def with_plugin_options(project: Path, theme_language: str, options: str) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text().replace("pages_dir: plants", f"pages_dir: plants\n{options}")
    config.write_text(text.replace("  font: false", f"  font: false\n  language: {theme_language}"))
    return project


def served_page(project: Path, path: str) -> tuple[str, str]:
    """A page as `mkdocs serve` of `project` serves it on a free local port, and what the server printed."""
    with dev_server(project, path) as server, urllib.request.urlopen(server.url + path) as reply:
        page = reply.read().decode("utf-8")
    return page, server.said
