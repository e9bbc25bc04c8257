"""Every word a reader sees around a widget, from one catalogue per language, picked by `theme.language`.

The frame's strings (loading, failure, retry…) are in `templates/strings.yml`; each kind keeps its own in its
folder's `strings.yml`. A language may have an informal variant (`de-informal`: "du" instead of "Sie") that
gives only the strings that differ; the plugin's `informal: true` picks it. A catalogue maps a language to keys and texts; a text may hold `{name}` places that
the logic or the template fills, and a text that depends on a count is a pair `one:` / `other:`. English is
the reference: a language must give every key English has, or the build stops naming the missing keys. An
author overrides any string under `strings:` in the plugin's options, as `widget.retry` or `quiz.answered`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from guide_widgets._internal.widgets.registry import Kind

FRAME = "widget"
FRAME_FILE = Path(__file__).resolve().parent / "templates" / "strings.yml"
REFERENCE = "en"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: several times faster

Strings = dict[str, dict[str, Any]]
"""Namespace (`widget` or a kind's name) -> key -> text."""


class StringsError(ValueError):
    """Strings missing for the chosen language, or overrides naming no string; the message says the fix."""


def catalogue(path: Path) -> dict[str, dict[str, Any]]:
    """Language -> key -> text, from a strings.yml (empty when the kind has none)."""
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    return {str(language): dict(texts or {}) for language, texts in data.items()}


INFORMAL = "-informal"
"""A catalogue's informal variant of a language (`de-informal`: "du" for "Sie") holds only what differs."""


def site_strings(kinds: dict[str, Kind], language: str, overrides: dict[str, Any], informal: bool = False) -> Strings:
    """The strings of the frame and of every kind in `language` (its informal variant's where there is one and
    `informal` is set), with the author's overrides applied."""
    sources = {FRAME: catalogue(FRAME_FILE)} | {name: catalogue(kind.folder / "strings.yml")
                                               for name, kind in kinds.items()}
    chosen: Strings = {}
    for namespace, languages in sources.items():
        reference = languages.get(REFERENCE, {})
        texts = {**languages.get(language, {}), **(languages.get(language + INFORMAL, {}) if informal else {})}
        chosen[namespace] = {key: texts.get(key) for key in reference}
    unknown = []
    for name, text in overrides.items():
        namespace, _, key = str(name).partition(".")
        if namespace not in chosen or key not in chosen[namespace]:
            unknown.append(str(name))
        else:
            chosen[namespace][key] = text
    if unknown:
        raise StringsError(f"'strings' names {', '.join(sorted(unknown))}, which no widget uses. Fix: correct "
                           "the names under 'strings:' in mkdocs.yml; they are written 'widget.key' or "
                           "'kind.key', as in the plugin's strings.yml files.")
    missing = sorted(f"{namespace}.{key}" for namespace, texts in chosen.items()
                     for key, text in texts.items() if text is None)
    own = {name: kind for name, kind in kinds.items() if not kind.builtin and kind.label}
    problems = [_own_missing(own[namespace], language, [m.partition(".")[2] for m in missing
                                                       if m.partition(".")[0] == namespace])
                for namespace in sorted({m.partition(".")[0] for m in missing} & set(own))]
    shared = [m for m in missing if m.partition(".")[0] not in own]
    if shared:
        available = sorted({lang for name, languages in sources.items() if name not in own for lang in languages
                            if not lang.endswith(INFORMAL)})
        other = f", or set theme.language to one of: {', '.join(available)}" if language not in available else ""
        problems.insert(0, f"the widgets have no '{language}' text for {', '.join(shared)}. Fix: give them under "
                           f"'strings:' for the plugin in mkdocs.yml{other}.")
    if problems:
        raise StringsError("\n".join(problems))
    return chosen


def _own_missing(kind: Kind, language: str, keys: list[str]) -> str:
    """An author's kind lacks strings in the site's language: name its strings.yml, where they go, the keys."""
    path = kind.folder / "strings.yml"
    label = f"{kind.label}/strings.yml"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    line = next((number for number, text in enumerate(lines, 1) if text.rstrip() == f"{language}:"), 1)
    where = f"under '{language}:'" if line > 1 or lines[:1] == [f"{language}:"] else f"in a new '{language}:' section"
    them = "them" if len(keys) > 1 else "it"
    return (f"{label}:{line}: no '{language}' text for {', '.join(repr(key) for key in keys)}. Fix: add {them} "
            f"{where} in {label} (or under 'strings:' for the plugin in mkdocs.yml, as "
            f"'{kind.name}.{keys[0]}').")
