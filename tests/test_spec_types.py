"""The types the built-in kinds' logic is checked with (mypy) are the specs the build validates: each kind's
TypedDict names every option of its `Spec` with the type its option gives, items' options included."""

from __future__ import annotations

import typing
from typing import Any, NotRequired, get_args, get_origin, get_type_hints

import pytest
from conftest import ROOT
from guide_widgets._internal.widgets.registry import builtin_kinds
from guide_widgets._internal.widgets.validation import Anchor, Items, Number, Switch, Text, WidgetSpec
from guide_widgets.kinds.checklist.logic import ChecklistSpec
from guide_widgets.kinds.period.logic import PeriodSpec
from guide_widgets.kinds.quiz.logic import QuizSpec
from guide_widgets.logic import BandSpec, Result
from guide_widgets.specs import Band
from guide_widgets.testing import Widget
from mkdocs.config import config_options as c

TYPES = {"checklist": ChecklistSpec, "period": PeriodSpec, "quiz": QuizSpec}


def _option_type(option: Any, typed: Any) -> None:
    """Checks that `typed` is the type of what `option` validates to (an item type is checked in depth)."""
    if isinstance(option, c.Optional):
        args = get_args(typed)
        assert type(None) in args, f"{typed} is not optional"
        (inner,) = [arg for arg in args if arg is not type(None)]
        _option_type(option.option, inner)
        return
    assert type(None) not in get_args(typed), f"{typed} is optional, the option is not"
    if isinstance(option, Items):
        assert get_origin(typed) is list, typed
        (item,) = get_args(typed)
        if isinstance(option.item, type):
            _spec_type(option.item, item)
        else:
            _option_type(option.item, item)
    elif isinstance(option, Number):
        assert typed is (int if option.integer else float), (option, typed)
    elif isinstance(option, Text | Anchor):
        assert typed is str
    elif isinstance(option, Switch):
        assert typed is bool
    else:
        raise AssertionError(f"no type known for {option!r}")


def _spec_type(schema: type[WidgetSpec], typed: Any) -> None:
    """Checks a TypedDict against a spec class: the same names, each of the option's type."""
    assert typing.is_typeddict(typed), typed
    hints = get_type_hints(typed, include_extras=True)
    own_words = hints.pop("strings", None)  # the block's own words, which every kind takes
    if own_words is not None:
        assert get_origin(own_words) is NotRequired
    options = dict(schema._schema)
    assert list(hints) == list(options), f"{typed.__name__} has {list(hints)}, {schema.__name__} {list(options)}"
    for name, option in options.items():
        _option_type(option, hints[name])


@pytest.mark.parametrize("kind", sorted(builtin_kinds()))
def test_each_built_in_kinds_spec_type_is_what_its_spec_class_validates(kind: str):
    _spec_type(builtin_kinds()[kind].spec, TYPES[kind])
    assert "strings" in get_type_hints(TYPES[kind])


def test_a_result_text_has_the_type_logic_gives_it():
    _spec_type(Band, BandSpec)


def test_the_check_above_can_fail():
    class Wrong(typing.TypedDict):
        min: int
        title: str
        text: str
        link: str
        link_text: str | None

    with pytest.raises(AssertionError):
        _spec_type(Band, Wrong)


def test_a_result_has_the_keys_its_type_names():
    quiz = Widget("quiz")
    body = (ROOT / "tests" / "golden" / "quiz.md").read_text(encoding="utf-8").split("\n", 1)[1].rsplit("///", 1)[0]
    answer = quiz(quiz.spec(body), {}, today="2026-12-05")
    assert list(answer) == list(get_type_hints(Result)) == ["view", "errors", "facts"]
