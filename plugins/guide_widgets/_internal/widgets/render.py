"""Spec to HTML: each widget kind's `form.html`, in the frame of templates/, rendered at build time.

The HTML is complete and usable before any script runs: every control is labelled, grouped in fieldsets,
and followed by a live region where results appear. Author texts are Markdown rendered here once.

A `Renderer` does the rendering: one per build (`WidgetSet` makes it and hands it to the widget blocks, the
plan and the page markers), holding its Jinja environment, its Markdown converter and the forms it has loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FunctionLoader,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markdown import Markdown
from markupsafe import Markup, escape

from guide_widgets._internal.data import compact_json
from guide_widgets._internal.widgets.registry import BUILTIN_DIR, Kind
from guide_widgets._internal.widgets.strings import FRAME, Strings

_HREF = re.compile(r'href="([^"]+)"')
_INLINE_KEPT = 4096
"""How many author texts a renderer keeps as HTML (the plan page renders every widget's texts again)."""


@dataclass(frozen=True)
class PlanEntry:
    """One widget's read-only copy on the plan page, under the title of its section."""

    section: str
    link: str
    """From the plan page to the widget on its page."""
    copy: str
    """The widget rendered as a plan copy (`Renderer.widget(..., plan=True)`)."""


class Renderer:
    """The build's HTML from templates: widgets, the plan page's body, the privacy page's pieces. Made once per
    build (its environment compiles each template once; Jinja's own cache on disk keeps them across builds)."""

    def __init__(self) -> None:
        self._forms: dict[str, Path] = {}
        """Template name -> a kind's form.html, for the kinds rendered so far."""
        # One converter, reset per text: making a new one each time costs more than converting.
        self._markdown = Markdown()
        self._inline: dict[str, Markup] = {}
        """Author text -> its HTML (`inline_markdown`): guides repeat their answers' labels, the plan every text."""
        self._env = Environment(
            loader=ChoiceLoader([PackageLoader("guide_widgets", "_internal/widgets/templates"),
                                 FunctionLoader(self._form_source)]),
            bytecode_cache=_bytecode_cache(),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._env.filters["md"] = self._markdown_filter

    def _form_source(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        # A kind's form may extend a built-in kind's: "kinds/checklist/form.html".
        builtin = BUILTIN_DIR / name.removeprefix("kinds/").replace("-", "_") if name.startswith("kinds/") else None
        path = self._forms.get(name) or (builtin if builtin is not None and builtin.is_file() else None)
        if path is None:
            return None
        mtime = path.stat().st_mtime
        return path.read_text(encoding="utf-8"), str(path), lambda: path.is_file() and path.stat().st_mtime == mtime

    def inline_markdown(self, text: str) -> Markup:
        """Author text as HTML without the surrounding paragraph: emphasis and code, on one line. (Kept: the plan
        page renders every widget's texts again, and guides repeat their answers' labels.)"""
        html = self._inline.get(text)
        if html is None:
            converted = self._markdown.reset().convert(text).strip()
            if converted.startswith("<p>") and converted.endswith("</p>") and converted.count("<p>") == 1:
                converted = converted[3:-4]
            html = Markup(converted)
            if len(self._inline) >= _INLINE_KEPT:
                self._inline.clear()
            self._inline[text] = html
        return html

    @pass_context
    def _markdown_filter(self, context: Context, text: str) -> Markup:
        """`| md` in templates: a link to a heading or a page of the site ('#anchor', 'page.md#anchor') goes where
        it is published, as the build resolved it from the widget's page."""
        html = str(self.inline_markdown(text))
        hrefs: dict[str, str] = context.get("hrefs") or {}
        if hrefs and "href=" in html:
            html = _HREF.sub(lambda m: f'href="{escape(hrefs.get(m.group(1), m.group(1)))}"', html)
        return Markup(html)

    def widget(self, kind: Kind, widget_id: str, title: str, spec: dict[str, Any], hrefs: dict[str, str],
               strings: Strings, language: str, *, key: str = "", plan: bool = False) -> str:
        """The inner HTML of one widget of `kind`, from its validated spec, in the page's language.

        The logic gets the kind's words (`data-gw-words`) and the page's language beside the spec, as its
        context (`guide_widgets.logic.Context`), so that its sentences match the page; the spec stays the
        author's options. The form template gets `options`, the kind's option classes by name (their limits,
        say). `key` names the widget across the site (its page and id): answers are remembered under it. A
        `plan` copy (on the "My plan" page) shows the answers given to the widget under `key` and their result,
        not its form.
        """
        # A built-in kind's form by its name (an author's form may extend it); an author's by its folder, so that
        # two projects' kinds of one name built in one process never share a compiled template.
        name = f"kinds/{kind.name}/form.html" if kind.builtin else f"own:{kind.folder}/form.html"
        self._forms[name] = kind.template
        words = {**strings.get(kind.name, {}), **spec.get("strings", {})}
        return self._env.get_template(name).render(
            t=SimpleNamespace(**{**strings[FRAME], **words}),  # t.key: a dict would answer t.clear with its method
            id=widget_id,
            key=key or widget_id,
            plan=plan,
            kind=kind.name,
            title=title,
            spec=spec,
            bands=kind.spec.results(spec),
            hrefs=hrefs,
            spec_json=compact_json(spec),
            words_json=compact_json(words),
            language=language,
            options=dict(kind.spec._schema),
        )

    def device(self, strings: Strings, prefix: str, offline: bool) -> str:
        """The controls for what the guide keeps on this device, outside any widget (privacy and plan pages)."""
        template = self._env.from_string('{% from "_macros.html" import page_device with context %}'
                                         "{{ page_device(prefix, offline) }}")
        return template.render(t=SimpleNamespace(**strings[FRAME]), prefix=prefix, offline=offline)

    def plan(self, entries: list[PlanEntry], strings: Strings) -> str:
        """The plan page's body: its controls, an entry per widget in guide order, and this device's controls."""
        return self._env.get_template("_plan.html").render(
            t=SimpleNamespace(**strings[FRAME]),
            entries=[replace(entry, copy=Markup(entry.copy)) for entry in entries])

    def stored_items(self, frame: dict[str, Any], items: list[dict[str, str]]) -> str:
        """The privacy page's table of everything the site may store: `items` have name, where and key."""
        return self._env.get_template("_stored_items.html").render(t=SimpleNamespace(**frame), items=items)


def _bytecode_cache() -> BytecodeCache | None:
    """Jinja's own per-user cache of compiled templates: compiling them was a tenth of every build."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no private temporary folder to be had: compile every time
        return None
