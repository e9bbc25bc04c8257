"""Every word a reader sees around a widget, from one catalogue per language, picked by `theme.language`.

The frame's strings (loading, failure, retry…) are in `templates/strings.yml`; each kind keeps its own in its
folder's `strings.yml`. A language may have an informal variant (`de-informal`: "du" instead of "Sie") that
gives only the strings that differ; the plugin's `informal: true` picks it. A catalogue maps a language to keys and texts; a text may hold `{name}` places that
the logic or the template fills, and a text that depends on a count is a pair `one:` / `other:`. English is
the reference: a language must give every key English has, or the build stops naming the missing keys. An
author overrides any string under `strings:` in the plugin's options, as `widget.retry` or `quiz.answered`.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from guide_widgets._internal.errors import author_words
from guide_widgets._internal.widgets.registry import FRAME_FILE, Kind

FRAME = "widget"
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


def site_strings(kinds: dict[str, Kind], language: str, overrides: dict[str, Any], informal: bool = False,
                 used: Collection[str] | None = None, framed: bool = True) -> Strings:
    """The strings of the frame and of every kind in `language` (its informal variant's where there is one and
    `informal` is set), with the author's overrides applied. Texts are owed for the frame and the kinds in
    `used` (every kind when None): a kind no page uses may lack some; it shows nothing. The frame's are owed
    where something shows them (`framed`)."""
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
    owed = {*([FRAME] if framed else []), *(kinds if used is None else used)}
    missing = sorted(f"{namespace}.{key}" for namespace, texts in chosen.items() if namespace in owed
                     for key, text in texts.items() if _blank(text))
    own = {name: kind for name, kind in kinds.items() if not kind.builtin and kind.label}
    problems = [_own_missing(own[namespace], language, [m.partition(".")[2] for m in missing
                                                       if m.partition(".")[0] == namespace])
                for namespace in sorted({m.partition(".")[0] for m in missing} & set(own))]
    shared = [m for m in missing if m.partition(".")[0] not in own]
    if shared:
        available = sorted({lang for name, languages in sources.items() if name not in own for lang in languages
                            if not lang.endswith(INFORMAL)})
        other = f" Or set theme.language to one of: {', '.join(available)}." if language not in available else ""
        english = {name: sources[name.partition(".")[0]].get(REFERENCE, {}).get(name.partition(".")[2])
                   for name in shared}
        shown = "; ".join(f"{name} (en: {_english(text)})" for name, text in list(english.items())[:3])
        more = f"; and {len(shared) - 3} more" if len(shared) > 3 else ""
        problems.insert(0, f"the widgets this site uses have no '{language}' text for {len(shared)} "
                           f"string{'s' * (len(shared) > 1)}: {shown}{more}. Fix: run `guide-widgets strings "
                           f"{language}`: it writes them all, with the English beside each, into "
                           f"{skeleton_name(language)}; fill them in and set 'strings: {skeleton_name(language)}' "
                           f"for the plugin in mkdocs.yml.{other}")
    if problems:
        raise StringsError("\n".join(problems))
    return chosen


def _blank(text: Any) -> bool:
    """A text not given: missing, empty, or a count pair with an empty side."""
    if isinstance(text, dict):
        return not text or any(_blank(value) for value in text.values())
    return text is None or text == ""


def _english(text: Any) -> str:
    if isinstance(text, dict):
        return " / ".join(f"{form}: \"{value}\"" for form, value in text.items())
    return f"\"{text}\""


def skeleton_name(language: str) -> str:
    """The file `guide-widgets strings` writes a language's texts into, beside mkdocs.yml."""
    return f"widget-strings.{language}.yml"


def skeleton(kinds: dict[str, Kind], used: Collection[str], language: str, given: dict[str, Any]) -> str:
    """The texts a language owes for the frame and the kinds in `used`, as the YAML that 'strings:' reads
    ('kind.key: text'): each with its English in a comment above it, the texts in `given` (or in the language's
    catalogue) kept, every other one empty to be filled in."""
    sources = {FRAME: catalogue(FRAME_FILE)} | {name: catalogue(kinds[name].folder / "strings.yml")
                                               for name in sorted(used) if name in kinds}
    lines = [f"# The '{language}' texts of the widgets this site uses, for 'strings:' under the plugin in "
             "mkdocs.yml.",
             "# Each comment gives the English; '{name}' places are filled in by the widget and stay as they are.",
             "# 'one:' and 'other:' are the texts for a count of one and for any other count."]
    for namespace, languages in sources.items():
        reference = languages.get(REFERENCE, {})
        known = languages.get(language, {})
        lines.append("")
        lines.append(f"# {namespace}")
        for key, english in reference.items():
            name = f"{namespace}.{key}"
            text = given.get(name, known.get(key))
            if isinstance(english, dict):
                lines.append(f"{name}:")
                for form, form_english in english.items():
                    value = text.get(form, "") if isinstance(text, dict) else ""
                    lines.append(f"  # en: {form_english}")
                    lines.append(f"  {form}: {_quoted(value)}")
            else:
                lines.append(f"# en: {english}")
                lines.append(f"{name}: {_quoted(text if isinstance(text, str) else '')}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def load_strings_file(path: Path, label: str) -> dict[str, Any]:
    """The texts of a strings file (as 'strings:' holds them in mkdocs.yml); StringsError names the fix."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as exc:
        raise StringsError(f"{label}: the strings file could not be read ({exc.strerror}). Fix: correct "
                           "'strings:' for the plugin in mkdocs.yml, or write the file with `guide-widgets "
                           "strings <language>`.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise StringsError(f"{label}{line}: the strings file is not valid YAML "
                           f"({getattr(exc, 'problem', None) or exc}). Fix: write one 'kind.key: \"text\"' per "
                           "line, as `guide-widgets strings` does.") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise StringsError(f"{label}: the strings file holds no 'kind.key: text' lines. Fix: write one "
                           "'kind.key: \"text\"' per line, as `guide-widgets strings` does.")
    return data


@author_words
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
