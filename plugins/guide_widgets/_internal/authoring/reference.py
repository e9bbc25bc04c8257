"""The authors' reference of widget options, written from the `Spec` classes the build validates with.

Each option's name, type, default and range come from the option objects themselves; its meaning is the
docstring written under it in `spec.py` (as MkDocs documents its own config). The README's reference is this
module's output, and a test fails when the two differ, so the docs and the validator cannot disagree.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Iterator
from itertools import pairwise
from typing import Any, is_typeddict

from mkdocs.config import base
from mkdocs.config import config_options as c

from guide_widgets._internal import pins
from guide_widgets._internal.widgets.registry import Kind
from guide_widgets._internal.widgets.validation import Anchor, Items, Number, Switch, Text, number_text

START = "<!-- reference: written by `guide-widgets reference`; do not edit by hand -->"
END = "<!-- end of reference -->"
OPTIONS_START = "<!-- plugin options: written by `guide-widgets reference`; do not edit by hand -->"
OPTIONS_END = "<!-- end of plugin options -->"
API_START = "<!-- widget API: written by `guide-widgets reference`; do not edit by hand -->"
API_END = "<!-- end of widget API -->"

SPEC_NAMES = ("WidgetSpec", "Text", "Number", "Anchor", "Items", "Band", "optional", "switch", "renamed", "Problem",
              "OptionError", "did_you_mean", "SpecError")
"""guide_widgets.specs, in the order a kind's author meets them."""
LOGIC_NAMES = ("Context", "result", "Result", "el", "text", "say", "say_text", "number", "date", "band", "reached",
               "BandSpec", "part", "scale", "parts", "days", "bars", "progress", "download")
"""guide_widgets.logic, in the order a kind's logic uses them."""
ENGINE_NAMES = {"Node", "evaluate_json"}
"""guide_widgets.logic's names that are the engine's door and type, not for a kind's logic."""


def _docstrings(schema: type[base.Config]) -> dict[str, str]:
    """The docstring under each option of a class, read from its source."""
    try:
        tree = ast.parse(inspect.getsource(schema))
    except (OSError, TypeError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    found: dict[str, str] = {}
    for statement, following in pairwise(body):
        target = statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else None
        if isinstance(target, ast.Name) and isinstance(following, ast.Expr) \
                and isinstance(following.value, ast.Constant) and isinstance(following.value.value, str):
            found[target.id] = " ".join(following.value.value.split())
    return found


def describe(option: Any) -> tuple[str, str]:
    """(type, range) of an option, in an author's words."""
    if isinstance(option, c.Optional):
        kind, limits = describe(option.option)
        return kind, limits
    if isinstance(option, Number):
        kind = "whole number" if option.integer else "number"
        if option.minimum is not None and option.maximum is not None:
            return kind, f"{number_text(option.minimum)} to {number_text(option.maximum)}"
        if option.minimum is not None:
            return kind, f"{number_text(option.minimum)} or more"
        return kind, ""
    if isinstance(option, Text):
        return "text", ""
    if isinstance(option, Anchor):
        return "link to a heading or page: `#anchor`, `page.md#anchor`", ""
    if isinstance(option, Switch) or (isinstance(option, c.Type) and option._type is bool):
        return "`true` or `false`", ""
    if isinstance(option, c.Type) and option._type is str:
        return "text", ""
    if isinstance(option, c.Type) and option._type is dict:
        return "mapping", ""
    if isinstance(option, c.Type) and option._type == (dict, str):
        return "mapping, or a file's name", ""
    if isinstance(option, c.Choice):
        return "one of " + ", ".join(f"`{choice}`" for choice in option.choices), ""
    if isinstance(option, c.ListOfItems):
        return "list of items (below)", ""
    if isinstance(option, Items):
        item = "items (below)" if isinstance(option.item, type) else f"{describe(option.item)[0]} items"
        limits = f"at least {option.min_items}"
        if option.ascending:
            limits += f"; `{option.ascending}` starts at 0 and rises"
        return f"list of {item}", limits
    return type(option).__name__, ""


def _default(option: Any) -> str:
    if isinstance(option, c.Optional):
        return "none (optional)"
    if getattr(option, "default", None) is None:
        return "required"
    value = option.default
    if value == "":
        return "empty"
    return f"`{str(value).lower()}`" if isinstance(value, bool) else f"`{number_text(value) if isinstance(value, float | int) else value}`"


def option_rows(schema: type[base.Config], prefix: str = "") -> Iterator[tuple[str, str, str, str, str]]:
    """(name, type, default, range, meaning) of every option, items' options after their list's."""
    meanings: dict[int, str] = {}
    for cls in reversed([k for k in schema.__mro__ if issubclass(k, base.Config)]):
        docs = _docstrings(cls)
        meanings |= {id(v): docs.get(k, "") for k, v in vars(cls).items() if isinstance(v, c.BaseConfigOption)}
    for name, option in schema._schema:
        if isinstance(option, c.Deprecated):
            continue  # refused with a message naming its replacement, never documented
        kind, limits = describe(option)
        yield f"{prefix}{name}", kind, _default(option), limits, meanings.get(id(option), "")
        inner = option.option if isinstance(option, c.Optional) else option
        if isinstance(inner, Items) and isinstance(inner.item, type):
            yield from option_rows(inner.item, f"{prefix}{name}[].")
        if isinstance(inner, c.ListOfItems) and isinstance(inner.option_type, c.SubConfig):
            yield from option_rows(inner.option_type.config_class, f"{prefix}{name}[].")


def reference_markdown(kinds: dict[str, Kind]) -> str:
    """One table per kind, in the order given."""
    parts = []
    for kind in kinds.values():
        doc = " ".join((kind.spec.__doc__ or "").split())
        rows = "\n".join(f"| `{n}` | {t} | {d} | {r} | {m} |" for n, t, d, r, m in option_rows(kind.spec))
        parts.append(f"### `/// {kind.name}`\n\n{doc}\n\n| option | type | default | range | meaning |\n"
                     f"| --- | --- | --- | --- | --- |\n{rows}\n")
    return "\n".join(parts)


def measured(text: str) -> str:
    """A docstring with each `{NAME}` of a size measured once (pins.py, `MEASURED_MB`) written as its figure,
    with one decimal: "{PREPARED_SITE_MB} MB" as the megabytes pins.py gives."""
    return _MEASURED.sub(lambda match: f"{MEASURED_MB[match.group(1)]:.1f}", text)


MEASURED_MB = {"PREPARED_EXTRA_MB": pins.PREPARED_EXTRA_MB, "PREPARED_SITE_MB": pins.PREPARED_SITE_MB}
"""The sizes the plugin's option texts may name, by their names in pins.py."""
_MEASURED = re.compile(r"\{(" + "|".join(MEASURED_MB) + r")\}")


def plugin_options_markdown() -> str:
    """The plugin's own options (under `plugins: - guide_widgets:`), from the class MkDocs validates them with;
    the sizes they name are written from pins.py (`measured`)."""
    from guide_widgets._internal.config import GuideWidgetsConfig

    rows = "\n".join(f"| `{n}` | {t} | {d} | {measured(m)} |" for n, t, d, _r, m in option_rows(GuideWidgetsConfig))
    return f"| option | type | default | meaning |\n| --- | --- | --- | --- |\n{rows}\n"


def _replace(text: str, start: str, end: str, body: str) -> str:
    head, found, rest = text.partition(start)
    if not found:
        return text
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n\n{body}\n{end}{tail}"


def _signature(name: str, thing: Any) -> str:
    """How an author calls it, by its parameters' names and defaults: a class by its constructor (without the
    catch-all that words a wrong call); a TypedDict by its keys."""
    if is_typeddict(thing):
        return f"{name}({', '.join(thing.__annotations__)})"
    target = vars(thing)["__init__"] if isinstance(thing, type) and "__init__" in vars(thing) else thing
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return name
    shown = []
    for parameter in signature.parameters.values():
        if parameter.name == "self" or (isinstance(thing, type) and parameter.kind in (parameter.VAR_KEYWORD,
                                                                                      parameter.VAR_POSITIONAL)):
            continue
        prefix = "**" if parameter.kind is parameter.VAR_KEYWORD else "*" if parameter.kind is \
            parameter.VAR_POSITIONAL else ""
        default = "" if parameter.default is parameter.empty else f"={parameter.default!r}".replace("'", '"')
        shown.append(f"{prefix}{parameter.name}{default}")
    return f"{name}({', '.join(shown)})"


def _paragraph(block: str) -> str:
    """A docstring paragraph on one line; a list keeps one item a line."""
    if not block.lstrip().startswith("- "):
        return " ".join(block.split())
    items = ("\n" + block.strip()).split("\n- ")[1:]
    return "\n".join(f"- {' '.join(item.split())}" for item in items)


def _entry(name: str, thing: Any) -> str:
    """A name's heading, its description and, when its docstring has them, its examples (run by the tests)."""
    doc = inspect.cleandoc(thing.__doc__ or "")
    prose: list[str] = []
    examples: list[str] = []
    for block in doc.split("\n\n"):
        # Examples are indented in the docstring, so that Markdown (mkdocstrings' API page) shows them as code.
        (examples if block.lstrip().startswith(">>>") else prose).append(textwrap.dedent(block))
    text = "\n\n".join(_paragraph(block) for block in prose)
    shown = f"\n\n```pycon\n{chr(10).join(examples)}\n```" if examples else ""
    return f"#### `{_signature(name, thing)}`\n\n{text}{shown}\n"


def api_markdown() -> str:
    """The own-kind API: every name of guide_widgets.specs and guide_widgets.logic an author uses, with how it
    is called, what it does or returns, and examples."""
    import guide_widgets.logic as logic
    import guide_widgets.specs as specs

    missing = (set(specs.__all__) - set(SPEC_NAMES)) | (set(logic.__all__) - set(LOGIC_NAMES) - ENGINE_NAMES)
    assert not missing, f"document {sorted(missing)} here"
    parts = ["### In `spec.py`: `from guide_widgets.specs import ...`\n"]
    parts += [_entry(name, getattr(specs, name)) for name in SPEC_NAMES]
    parts.append("### In `logic.py`: `from guide_widgets.logic import ...`\n")
    parts += [_entry(name, getattr(logic, name)) for name in LOGIC_NAMES]
    return "\n".join(parts)


def readme_with_reference(readme: str, kinds: dict[str, Kind]) -> str:
    """The README with its reference sections (the kinds' options, and the plugin's and the widget API where
    it has those sections) replaced by fresh ones."""
    readme = _replace(readme, OPTIONS_START, OPTIONS_END, plugin_options_markdown())
    readme = _replace(readme, API_START, API_END, api_markdown())
    return _replace(readme, START, END, reference_markdown(kinds))
