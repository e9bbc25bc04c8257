"""The vocabulary of widget options, and the validation of a block's YAML body against a kind's spec.

A kind's `spec.py` declares a `Spec(WidgetSpec)` class whose attributes are options built from what this
module offers to authors (`__all__`: `WidgetSpec`, `Text`, `Number`, `Anchor`, `Items`, `Band`, `optional`,
`switch`, and `Problem` for checks across options), the way MkDocs plugins declare their config. An option
whose YAML name is a Python keyword or a mapping method (`from`, `items`) is written with a trailing underscore
(`from_` is `from:`).

The rest is the engine's: `parse_spec()` loads a block's YAML, checks it against that class with MkDocs' own
config machinery, and returns the spec as plain data, or raises `SpecError` naming the line inside the body,
the problem and the fix.
"""

from __future__ import annotations

import functools
import keyword
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from guide_widgets._internal.suggest import did_you_mean, nearest

__all__ = ["Anchor", "Band", "Items", "Number", "Problem", "Text", "WidgetSpec", "optional", "renamed", "switch"]


class _Loader(yaml.SafeLoader):
    """YAML without the 1.1 surprises: `Yes`, `No`, `on` and `off` stay text; only true/false are booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


class SpecError(ValueError):
    """A bad widget block body: `line` is 1-based inside the body (0 when it is the block as a whole)."""

    def __init__(self, line: int, problem: str, fix: str) -> None:
        super().__init__(f"{problem} Fix: {fix}")
        self.line = line
        self.problem = problem
        self.fix = fix


class SpecErrors(SpecError):
    """Every problem of one block, in the order of its lines (itself the first, for who reads one)."""

    def __init__(self, errors: list[SpecError]) -> None:
        first = errors[0]
        super().__init__(first.line, first.problem, first.fix)
        self.errors = errors


class OptionError(ValidationError):
    """What an option type raises for a value it refuses: what is wrong, and what to give instead. The build
    names the block's file and line, and words the fix from `give` ("Give 'days' a number from 1 to 365.").

        >>> OptionError("expected a colour, got 'blu'.", "a colour: red, green or blue").give
        'a colour: red, green or blue'
    """

    __module__ = "guide_widgets.specs"  # where authors import it from, and how tracebacks name it

    def __init__(self, problem: str, give: str) -> None:
        super().__init__(problem)
        self.give = give


class PathError(ValidationError):
    """A validation error deep inside the body: the path of keys and item numbers that leads to it, what is
    wrong, the fix, and for an unknown name the one the author most likely meant (`suggestion`)."""

    def __init__(self, path: tuple[str | int, ...], message: str, fix: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.fix = fix
        self.suggestion = suggestion


def _give(name: str | int, error: Exception) -> str:
    """The fix for a refused value: what the option takes, when it says; else a plain "Correct"."""
    if isinstance(error, OptionError):
        return f"Give '{name}' {error.give}."
    return f"Correct '{name}'."


class PathErrors(ValidationError):
    """Several validation errors found in one option (its items, one by one)."""

    def __init__(self, errors: list[PathError]) -> None:
        super().__init__(str(errors[0]))
        self.errors = errors


def _options_of(cls: type, names: Iterable[str]) -> Callable[..., None]:
    """An option type's `__init__` that refuses a keyword it does not take with the call it most likely meant
    (`Text(default=...)` is fine; `Number(min=0)` names `minimum=`; `Text(optional=True)` names `optional()`)."""
    allowed = list(names)

    def refuse(unknown: str) -> None:
        longer = next((name for name in allowed if name.startswith(unknown)), None)  # min= for minimum=
        hint = f"Did you mean '{longer}='? " if longer else did_you_mean(unknown, allowed, "'{}='")
        instead = (f"For an option a block may leave out, write optional({cls.__name__}())."
                   if unknown in ("optional", "required") else "")
        takes = ", ".join(f"{name}=" for name in allowed) or "nothing"
        raise TypeError(f"{cls.__name__}() takes no '{unknown}='; it takes {takes}. {hint}{instead}".rstrip())

    return refuse


class Text(c.BaseConfigOption[str]):
    """Text: a non-empty string (numbers are read as their text), trimmed. Required unless it has a `default`;
    `optional(Text())` may be left out and is then None.

        >>> Text().validate("  Your weight  ")
        'Your weight'
        >>> Text().validate("")
        Traceback (most recent call last):
          ...
        guide_widgets.specs.OptionError: expected text, got an empty value.
        >>> Text(default="Read more").default
        'Read more'
        >>> Text(optional=True)
        Traceback (most recent call last):
          ...
        TypeError: Text() takes no 'optional='; it takes default=. For an option a block may leave out, write optional(Text()).
    """

    def __init__(self, *args: Any, default: str | None = None, **unknown: Any) -> None:
        for name in [*unknown][:1]:
            _options_of(Text, ["default"])(name)
        if args:
            raise TypeError("Text() takes its default by name: Text(default=\"...\").")
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise OptionError(f"expected text, got {_describe(value)}.", "text")
        if not str(value).strip():
            raise OptionError("expected text, got an empty value.", "text")
        return str(value).strip()


class Number(c.BaseConfigOption[float]):
    """A number, whole (`integer=True`) or not, within `minimum` and `maximum` when they are given. Required
    unless it has a `default`. A whole value comes back as an int.

        >>> Number(minimum=1, maximum=365, integer=True, default=30).validate(21)
        21
        >>> Number(minimum=0, maximum=100).validate(12.5)
        12.5
        >>> Number(minimum=1, maximum=365).validate(400)
        Traceback (most recent call last):
          ...
        guide_widgets.specs.OptionError: expected a number from 1 to 365, got 400.
        >>> Number(min=1)
        Traceback (most recent call last):
          ...
        TypeError: Number() takes no 'min='; it takes minimum=, maximum=, integer=, default=. Did you mean 'minimum='?
    """

    def __init__(self, minimum: float | None = None, maximum: float | None = None,
                 integer: bool = False, default: float | None = None, **unknown: Any) -> None:
        for name in [*unknown][:1]:
            _options_of(Number, ["minimum", "maximum", "integer", "default"])(name)
        super().__init__()
        self.minimum, self.maximum, self.integer = minimum, maximum, integer
        self.default = default

    def run_validation(self, value: object) -> float:
        kind = "a whole number" if self.integer else "a number"
        within = (f"{kind} from {number_text(self.minimum)} to {number_text(self.maximum)}"
                  if self.minimum is not None or self.maximum is not None else kind)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise OptionError(f"expected {kind}, got {_describe(value)}.", within)
        if self.integer and value != int(value):
            raise OptionError(f"expected {kind}, got {value}.", within)
        if (self.minimum is not None and value < self.minimum) or \
                (self.maximum is not None and value > self.maximum):
            raise OptionError(f"expected {within}, got {number_text(value)}.", within)
        return int(value) if self.integer or value == int(value) else float(value)


class Anchor(c.BaseConfigOption[str]):
    """A link to a heading or a page of the site: '#anchor' (a heading of the block's page, or of its guide),
    'page.md#anchor' or 'page.md' (written from the block's file). The build checks where it goes and gives
    the form and the logic the address it has on the built site (`hrefs[link]` in a form).

        >>> Anchor().validate("glossary.md#apr")
        'glossary.md#apr'
        >>> Anchor().validate("https://example.org")
        Traceback (most recent call last):
          ...
        guide_widgets.specs.OptionError: expected a link to a heading or a page of the site, written like '#section-slug' or 'other-page.md#heading', got 'https://example.org'.
    """

    def __init__(self, **unknown: Any) -> None:
        for name in [*unknown][:1]:
            _options_of(Anchor, [])(name)
        super().__init__()

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not is_site_link(value):
            wanted = "a link to a heading or a page of the site, written like '#section-slug' or 'other-page.md#heading'"
            raise OptionError(f"expected {wanted}, got {_describe(value)}.", wanted)
        return value


_SITE_LINK = re.compile(r"^(?:#[^\s#]+|(?![a-z][a-z0-9+.-]*:|/)[^\s#?]+\.md(?:#[^\s#]+)?)$", re.IGNORECASE)


def is_site_link(link: str) -> bool:
    """Whether a link names a heading or a page of the site: '#anchor', 'page.md', 'folder/page.md#anchor'."""
    return bool(_SITE_LINK.match(link))


class Items(c.BaseConfigOption[list[dict[str, Any]]]):
    """A list of at least `min_items` items, each a `WidgetSpec` of its own (a mapping of options) or one option
    (`Items(Text())`: a list of texts). `ascending="min"` checks that the items' `min` starts at 0 and rises, as
    result bands need. A problem names the item by its number.

        >>> Items(Text(), min_items=2).validate(["A pen", "Water"])
        ['A pen', 'Water']
        >>> Items(Band, ascending="min").validate([{"min": 0, "title": "Not yet", "text": "Keep going."}])[0]["title"]
        'Not yet'
        >>> Items(Text()).validate("A pen")
        Traceback (most recent call last):
          ...
        guide_widgets.specs.OptionError: expected a list (lines starting with '- '), got 'A pen'.
    """

    def __init__(self, item: type[base.Config] | c.BaseConfigOption[Any], min_items: int = 1,
                 ascending: str = "", **unknown: Any) -> None:
        for name in [*unknown][:1]:
            _options_of(Items, ["min_items", "ascending"])(name)
        super().__init__()
        self.item = item
        self.min_items = min_items
        self.ascending = ascending
        """A numeric field of the items that must start at 0 and rise from item to item (thresholds)."""

    def run_validation(self, value: object) -> list[Any]:
        if not isinstance(value, list):
            raise OptionError(f"expected a list (lines starting with '- '), got {_describe(value)}.",
                              "a list (lines starting with '- ')")
        least = f"at least {self.min_items} item{'s' * (self.min_items > 1)}"
        if len(value) < self.min_items:
            raise OptionError(f"needs {least}, got {len(value)}.", least)
        items, problems = [], []
        for number, entry in enumerate(value, 1):
            try:
                items.append(self._item(number, entry))
            except PathErrors as exc:
                problems += exc.errors
            except PathError as exc:
                problems.append(exc)
        if problems:
            raise PathErrors(problems)
        return items

    def _item(self, number: int, entry: object) -> Any:
        if isinstance(self.item, c.BaseConfigOption):
            try:
                return self.item.validate(entry)
            except ValidationError as exc:
                raise PathError((number,), f"item {number}: {exc}", _give("the item", exc)) from exc
        if not isinstance(entry, dict):
            raise PathError((number,), f"item {number}: expected 'name: value' lines, got {_describe(entry)}.",
                            "Write the item as 'name: value' lines, indented under its '- '.")
        return validate_config(self.item, entry, prefix=(number,), label=f"item {number}")


def validate_config(schema: type[base.Config], data: dict[str, Any],
                    prefix: tuple[str | int, ...] = (), label: str = "") -> dict[str, Any]:
    """Validate `data` against `schema`, raising PathErrors with every problem found (PathError for one)."""
    lead = f"{label}, " if label else ""
    known = [name for name, _ in schema._schema]
    problems = []
    for key in data:
        if key not in known:
            meant = nearest(str(key), known)
            fix = (f"Did you mean '{meant}'? Correct the spelling, or remove '{key}'." if meant else
                   f"Remove '{key}' or correct its spelling.")
            problems.append(PathError((*prefix, key), f"{lead}unknown option '{key}'. The options are: "
                                      f"{', '.join(known)}.", fix, meant))
    config = schema()
    config.load_dict({key: value for key, value in data.items() if key in known})
    failed, _warnings = config.validate()
    meant_names = {problem.suggestion for problem in problems}  # a misspelt option is not also a missing one
    for key, error in failed:
        if key in meant_names and key not in data:
            continue
        if key not in data and not isinstance(error, OptionError | PathError | PathErrors):
            problems.append(PathError((*prefix, key), f"{lead}'{key}': this option is required but missing.",
                                      f"Add a line '{key}: ...' to this item."))
            continue
        for inner in (error.errors if isinstance(error, PathErrors) else [error]):
            if isinstance(inner, PathError):
                problems.append(PathError((*prefix, key, *inner.path), f"{lead}'{key}': {inner}", inner.fix,
                                          inner.suggestion))
            else:
                problems.append(PathError((*prefix, key), f"{lead}'{key}': {inner}", _give(key, inner)))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise PathErrors(problems)
    return {name: config[name] for name in known}


# --- What every kind builds on -----------------------------------------------------------------------------

class Problem(NamedTuple):
    """A problem a kind finds across its options, from its `Spec.problems`: the path to the option (names and
    1-based item numbers, which the build turns into the block's line), what is wrong, and the fix.

        >>> Problem(("bands", 2, "min"), "two bands start at the same score.", "Give each band its own 'min'.").path
        ('bands', 2, 'min')
    """

    path: tuple[str | int, ...]
    problem: str
    fix: str


class WidgetSpec(base.Config):
    """The base of every kind's `class Spec(WidgetSpec)`, and of the items of its lists: each option is a class
    attribute (its docstring, written under it, is its description in `guide-widgets reference`). `RESULTS`
    names the options whose items are the author's result texts ("bands" unless set); a classmethod
    `problems(spec)` yields a `Problem` for each mistake across options, once each option is valid on its own.

        >>> class Spec(WidgetSpec):
        ...     days = Number(minimum=1, maximum=365, integer=True, default=30)
        ...     bands = Items(Band, ascending="min")
        ...
        ...     @classmethod
        ...     def problems(cls, spec):
        ...         if spec["days"] > 90 and len(spec["bands"]) < 2:
        ...             yield Problem(("bands",), "a long period with one text.", "Add a band for later on.")
        >>> [name for name, _ in Spec._schema]
        ['days', 'bands']
    """

    def __init_subclass__(cls) -> None:
        # `from_ = Number()` is the option `from:`: a YAML name that is a Python keyword, or the name of one of
        # the mapping methods every spec has (`items`, `keys`, `get`), is written with an underscore.
        for name, option in cls.__dict__.items():
            stem = name[:-1]
            if isinstance(option, c.BaseConfigOption) and name.endswith("_") and (
                    keyword.iskeyword(stem) or hasattr(base.Config, stem)):
                option._name = stem  # MkDocs' own way to give an option another name
        super().__init_subclass__()

    RESULTS: str | tuple[str, ...] = "bands"
    """The option (or options, one after the other) whose items are the author's result texts, rendered into
    the page at build time; logic shows them by position."""

    @classmethod
    def results(cls, spec: dict[str, Any]) -> list[dict[str, Any]]:
        """The author's result texts of a spec, in the positions `band(index)` refers to."""
        names = (cls.RESULTS,) if isinstance(cls.RESULTS, str) else cls.RESULTS
        return [item for name in names for item in spec.get(name) or []]

    @classmethod
    def problems(cls, spec: dict[str, Any]) -> Iterator[Problem]:
        """Checks across options once each one is valid on its own; a kind overrides it when it needs them."""
        return iter(())


_Spec = TypeVar("_Spec", bound=type[base.Config])


def renamed(**names: str) -> Callable[[_Spec], _Spec]:
    """Class decorator for options whose name in a block is not a Python name: `@renamed(item_list="item-list")`
    on a `Spec` makes its option `item_list` the block's `item-list:`. A Python keyword or a mapping method
    needs none: `from_ = Number()` is `from:` already.

        >>> @renamed(item_list="item-list")
        ... class Spec(WidgetSpec):
        ...     item_list = Items(Text())
        >>> [name for name, _ in Spec._schema]
        ['item-list']
    """
    def rename(schema: _Spec) -> _Spec:
        schema._schema = tuple((names.get(name, name), option) for name, option in schema._schema)
        return schema
    return rename


def optional(option: c.BaseConfigOption[Any]) -> c.Optional[Any]:
    """An option a block may leave out: it is then None. What is given is checked as `option` checks it.

        >>> optional(Number(minimum=1)).validate(None) is None
        True
        >>> optional(Number(minimum=1)).validate(3)
        3
    """
    return c.Optional(option)


class Switch(c.BaseConfigOption[bool]):
    """`true` or `false` (see `switch`)."""

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise OptionError(f"expected true or false, got {_describe(value)}.", "true or false")
        return value


def switch(default: bool) -> c.BaseConfigOption[bool]:
    """`true` or `false`, with the value a block that leaves it out gets.

        >>> switch(default=False).validate(True)
        True
        >>> switch(default=False).validate("yes please")
        Traceback (most recent call last):
          ...
        guide_widgets.specs.OptionError: expected true or false, got 'yes please'.
    """
    return Switch(default)


class Band(WidgetSpec):
    """One result text, for `Items(Band, ascending="min")`: shown when the score (in percent) reaches `min`,
    with its `title`, its `text` (Markdown) and, optionally, a `link` (an `Anchor`) and the `link_text`.

        >>> [name for name, _ in Band._schema]
        ['min', 'title', 'text', 'link', 'link_text']
    """

    min = Number(minimum=0, maximum=100)
    """The score, in percent, from which this band is shown; the first band has 0."""
    title = Text()
    """The band's heading."""
    text = Text()
    """What it says (Markdown)."""
    link = optional(Anchor())
    """A heading or a page to point to: `#anchor`, `page.md#anchor`."""
    link_text = optional(Text())
    """The link's words; "Read more" when left out."""


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of 'name: value' lines"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def number_text(value: float | None) -> str:
    """A number as an author wrote it: `12`, not `12.0`; empty for none."""
    return "" if value is None else (str(int(value)) if value == int(value) else str(value))


def _line_of(root: yaml.Node | None, path: tuple[str | int, ...]) -> int:
    """The 1-based line of the deepest YAML node that `path` reaches."""
    node, line = root, (root.start_mark.line + 1 if root is not None else 0)
    for step in path:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key, value in node.value:
                if key.value == step:
                    child, line = value, key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 < step <= len(node.value):
            child = node.value[step - 1]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def _ordered(schema: type[base.Config], spec: dict[str, Any], root: yaml.Node | None) -> list[SpecError]:
    """Thresholds ascend from zero in every `Items(..., ascending=field)`; then the kind's own checks."""
    problems: list[SpecError] = []
    for key, option in schema._schema:
        inner = getattr(option, "option", option)  # an optional(Items(...)) is checked like Items
        field = inner.ascending if isinstance(inner, Items) else ""
        items = spec.get(key)
        if not field or not items:
            continue
        if items[0][field] != 0:
            problems.append(SpecError(_line_of(root, (key, 1, field)), f"the first of '{key}' starts at "
                                      f"{items[0][field]}.", f"Give the first item '{field}: 0' so that every "
                                      "result has a text."))
        for number in range(1, len(items)):
            if items[number][field] <= items[number - 1][field]:
                problems.append(SpecError(_line_of(root, (key, number + 1, field)),
                                          f"'{key}' item {number + 1} has '{field}: "
                                          f"{number_text(items[number][field])}', not above the item before it.",
                                          f"List '{key}' from the lowest '{field}' to the highest, each one higher."))
    if issubclass(schema, WidgetSpec):
        problems += [SpecError(_line_of(root, problem.path), problem.problem, problem.fix)
                     for problem in schema.problems(spec)]
    return problems


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """_Loader's rules on libyaml's parser, when PyYAML has it (its wheels do): several times faster."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _compose_and_load(body: str) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and the data built from it, parsing the text once.

    Valid YAML goes through libyaml; invalid YAML is read again by the pure-Python parser, so that the
    message an author sees is the same on every machine.
    """
    try:
        return _parse_once(_FastLoader, body)
    except yaml.YAMLError:
        return _parse_once(_Loader, body)


def _parse_once(loader_class: type[Any], body: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(str(body))  # libyaml wants a plain str, not a subclass such as AtomicString
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()


def parse_spec(schema: type[base.Config], body: str, words: Iterable[str] = ()) -> dict[str, Any]:
    """Parse and validate the YAML body of a widget block against its kind's `Spec`.

    Every kind also takes `strings:`, the block's own words for any of the kind's strings (`words`): they come
    back under the spec's "strings"."""
    try:
        root, data = _compose_and_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(exc, "problem", None) or str(exc)
        raise SpecError(line, f"the block's options are not valid YAML ({reason}).",
                        "Write one 'name: value' per line; indent list items under their name.") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SpecError(1, f"the block's body is {_describe(data)}, not options.",
                        "Write the widget's options as 'name: value' lines.")
    problems: list[SpecError] = []
    try:
        own_words = _own_words(data.pop("strings", None), sorted(words), root)
    except SpecErrors as exc:
        problems += exc.errors
    except SpecError as exc:
        problems.append(exc)
    try:
        spec = validate_config(schema, data)
    except (PathError, PathErrors) as exc:
        problems += [SpecError(_line_of(root, error.path), f"{error}", error.fix)
                     for error in (exc.errors if isinstance(exc, PathErrors) else [exc])]
    else:
        problems += _ordered(schema, spec, root)
    if problems:
        problems.sort(key=lambda problem: problem.line)
        raise problems[0] if len(problems) == 1 else SpecErrors(problems)
    if own_words:
        spec["strings"] = own_words
    return spec


def _own_words(value: object, words: list[str], root: yaml.Node | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SpecError(_line_of(root, ("strings",)), f"'strings': expected 'name: text' lines, got "
                        f"{_describe(value)}.", "Write one 'name: text' per line, indented under 'strings:'.")
    problems = []
    for key, text in value.items():
        if key not in words:
            problems.append(SpecError(_line_of(root, ("strings", key)), f"'strings': this kind has no string "
                                      f"'{key}'.", f"{did_you_mean(str(key), words)}Use one of: {', '.join(words)}."))
        elif not isinstance(text, str | dict) or not text:
            problems.append(SpecError(_line_of(root, ("strings", key)), f"'strings': '{key}' is "
                                      f"{_describe(text)}, not text.", f"Give '{key}' a text."))
    if problems:
        raise problems[0] if len(problems) == 1 else SpecErrors(problems)
    return dict(value)


def _is_anchor(option: object) -> bool:
    return isinstance(option, Anchor) or isinstance(getattr(option, "option", None), Anchor)


def links_in(schema: type[base.Config], spec: dict[str, Any],
             prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every link in a spec, with its path, wherever the spec declares an `Anchor`."""
    for key, option in schema._schema:
        value = spec.get(key)
        if not value:
            continue
        inner = getattr(option, "option", option)  # optional(...) wraps the option it makes optional
        if _is_anchor(option):
            yield (*prefix, key), value
        elif isinstance(inner, Items) and isinstance(inner.item, type):
            for number, item in enumerate(value, 1):
                yield from links_in(inner.item, item, (*prefix, key, number))


_MARKDOWN_LINK = re.compile(r"\]\(<?([^)\s>]+)")


def markdown_links(spec: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every '[words](#anchor)' or '[words](page.md#anchor)' link written in the spec's Markdown texts, with its
    path (item numbers 1-based). Links elsewhere (other sites, files that are not pages) are left as written."""
    if isinstance(spec, str):
        for match in _MARKDOWN_LINK.finditer(spec):
            if is_site_link(match.group(1)):
                yield prefix, match.group(1)
    elif isinstance(spec, dict):
        for key, value in spec.items():
            yield from markdown_links(value, (*prefix, key))
    elif isinstance(spec, list):
        for number, value in enumerate(spec, 1):
            yield from markdown_links(value, (*prefix, number))


def line_of(body: str, path: tuple[str | int, ...]) -> int:
    """The 1-based line inside `body` that `path` points to."""
    return _line_of(_nodes(body), path)


@functools.lru_cache(maxsize=32)
def _nodes(body: str) -> yaml.Node | None:
    """The YAML node tree of a block's body (its lines, not its data), kept for the block's other links."""
    for loader_class in (_FastLoader, _Loader):
        loader = loader_class(str(body))
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            continue
        finally:
            loader.dispose()
    return None
