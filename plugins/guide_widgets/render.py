"""Spec to HTML: each widget kind has one Jinja2 template in templates/, rendered at build time.

The HTML is complete and usable before any script runs: every control is labelled, grouped in fieldsets,
and followed by a live region where results appear. Author texts are Markdown rendered here once.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markdown import Markdown
from markupsafe import Markup

from .runtime import compact_json


def _bytecode_cache() -> BytecodeCache | None:
    """Jinja's own per-user cache of compiled templates: compiling them was a tenth of every build."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no private temporary folder to be had: compile every time
        return None


_env = Environment(
    loader=PackageLoader("guide_widgets", "templates"),
    bytecode_cache=_bytecode_cache(),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


_markdown = Markdown()  # one converter, reset per text: making a new one each time costs more than converting


def inline_markdown(text: str) -> Markup:
    """Author text as HTML without the surrounding paragraph: emphasis and code, on one line."""
    html = _markdown.reset().convert(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


_env.filters["md"] = inline_markdown


def render_widget(kind: str, widget_id: str, title: str, spec: dict[str, Any], hrefs: dict[str, str],
                  runtime: dict[str, Any]) -> str:
    """The inner HTML of one widget of `kind`, from its validated spec."""
    template = _env.get_template(f"{kind}.html")
    return template.render(
        id=widget_id,
        kind=kind,
        title=title,
        spec=spec,
        bands=spec.get("bands") or spec.get("stages") or [],
        hrefs=hrefs,
        spec_json=compact_json(spec),
        runtime_json=compact_json(runtime),
    )
