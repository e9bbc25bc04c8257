"""The widget kinds a site can use: the built-in ones and the author's own, each one folder of one shape.

A kind is a folder named after it (`savings_goal/` is the block `/// savings-goal`) holding:

- `spec.py`: a `Spec(WidgetSpec)` class, the options its block accepts (see `specs`);
- `form.html`: its form, a Jinja template that extends `_widget.html` and fills `{% block fields %}`;
- `logic.py`: `evaluate(spec, fields, context)`, stdlib-only Python returning `result(...)` (see `logic`):
  `spec` is the block's options, `fields` the reader's answers, `context` the reader's day, the page's
  language and the kind's words (`guide_widgets.logic.Context`). A kind written with the older
  `evaluate(spec, fields, today)` still works, and the build says how to update it.

The engine learns kinds only from here: the blocks, the renderer and the browser's logic archive all take
the `Kind`s this module finds. An author's kind is checked when the site builds, so that a mistake stops
the build with the file, the line and the fix, never in a reader's browser.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateSyntaxError

from guide_widgets._internal.cache import cache_folder, keep, remembered
from guide_widgets._internal.errors import author_words
from guide_widgets._internal.pins import PYODIDE_BUILTIN_MODULES, PYODIDE_STDLIB_MODULES, PYODIDE_STDLIB_SIZE
from guide_widgets._internal.suggest import did_you_mean
from guide_widgets._internal.widgets.validation import WidgetSpec

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "kinds"
OWN_PACKAGE = "guide_kinds"
"""The package an author's kinds' logic is imported from in the browser (and by the test helper)."""

_NAME = re.compile(r"[a-z][a-z0-9_]*")
PARTS = ("spec.py", "form.html", "logic.py")


class KindError(ValueError):
    """Problems with the author's widget kinds, each with file, line and fix."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Kind:
    """One widget kind, as the engine knows it."""

    name: str
    """As written in a block: `/// period | Title`."""
    folder: Path
    spec: type[WidgetSpec]
    logic_module: str
    """Where `evaluate` is imported from in the browser."""
    builtin: bool
    note: str | None = None
    """Something the build tells the author about this kind that does not stop it (an older form, say)."""
    label: str = ""
    """The kind's folder as messages name it (`widgets/savings_goal`); empty for a built-in kind."""

    @property
    def template(self) -> Path:
        return self.folder / "form.html"

    @property
    def logic(self) -> Path:
        return self.folder / "logic.py"


def kind_name(folder: Path) -> str:
    return folder.name.replace("_", "-")


class _NoSpec(LookupError):
    """spec.py ran, but declares no `Spec(WidgetSpec)` class."""


def run_module(path: Path, module_name: str) -> object:
    """Runs a kind's file as the module `module_name` (in sys.modules while it runs, and after, unless it
    failed): the one way a kind's `spec.py` or `logic.py` is loaded, by the build and by the test helper."""
    loaded = importlib.util.spec_from_file_location(module_name, path)
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    sys.modules[module_name] = module
    try:
        loaded.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def _load_spec(folder: Path, module_name: str) -> type[WidgetSpec]:
    spec = getattr(run_module(folder / "spec.py", module_name), "Spec", None)
    if not (isinstance(spec, type) and issubclass(spec, WidgetSpec)):
        raise _NoSpec(module_name)
    return spec


def _failure(exc: BaseException, path: Path, label: str) -> str:
    """An exception raised while running an author's file, at the line of that file where it happened."""
    line = (exc.lineno or 1) if isinstance(exc, SyntaxError) and exc.filename == str(path) else _line_in(exc, path)
    said = str(exc).rstrip()
    ending = "" if said.endswith((".", "?", "!")) else "."
    return (f"{label}:{line}: running it failed: {type(exc).__name__}: {said}{ending} Fix: correct {path.name} at "
            "that line.")


def builtin_kinds() -> dict[str, Kind]:
    """The kinds that ship with the plugin."""
    kinds: dict[str, Kind] = {}
    for folder in sorted(p for p in BUILTIN_DIR.iterdir() if (p / "spec.py").is_file()):
        package = f"guide_widgets.kinds.{folder.name}"
        kinds[kind_name(folder)] = Kind(kind_name(folder), folder, _load_spec(folder, f"{package}.spec"),
                                        f"{package}.logic", builtin=True)
    return kinds


def stdlib_modules(stdlib_zip: Path) -> frozenset[str]:
    """Top-level modules the reader's browser can import: those in Pyodide's standard-library archive (the
    pinned one's names are known; another archive is read) and those compiled into Pyodide."""
    if stdlib_zip.is_file() and stdlib_zip.stat().st_size != PYODIDE_STDLIB_SIZE:
        with zipfile.ZipFile(stdlib_zip) as archive:
            names = {name.split("/", 1)[0].removesuffix(".py").removesuffix(".pyc") for name in archive.namelist()}
        return frozenset(names | PYODIDE_BUILTIN_MODULES)
    return PYODIDE_STDLIB_MODULES | PYODIDE_BUILTIN_MODULES


def _check_logic(path: Path, label: str, allowed: frozenset[str]) -> list[str]:
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        return [f"{label}:{exc.lineno or 1}: the logic is not valid Python ({exc.msg}). Fix: correct the syntax."]
    problems: list[str] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            if node.level:
                problems.append(f"{label}:{node.lineno}: a relative import; the logic is one module. Fix: "
                                "import from the standard library, guide_widgets.logic or a built-in kind's logic only.")
                continue
            names = [node.module or ""]
        for name in names:
            top = name.split(".", 1)[0]
            if name == "guide_widgets.logic" or name.startswith("guide_widgets.logic.") or \
                    re.fullmatch(r"guide_widgets\.kinds\.\w+\.logic", name):
                continue
            if top == "guide_widgets" or top not in allowed:
                problems.append(
                    f"{label}:{node.lineno}: imports '{name}', which the reader's browser does not have: widget "
                    "logic runs in Pyodide with its standard library only. Fix: use the standard library, "
                    "guide_widgets.logic and the built-in kinds' logic, or copy the code you need into logic.py.")
    evaluate = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "evaluate"), None)
    if evaluate is None:
        problems.append(f"{label}:1: there is no top-level 'def evaluate(spec, fields, context)'. Fix: add it: "
                        "it gets the block's options, the form's values and the context (the reader's date, "
                        "the page's language, the kind's words), and returns result(...).")
    else:
        arguments = evaluate.args
        positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
        if len(positional) != 3 or arguments.vararg or arguments.kwonlyargs or arguments.kwarg:
            problems.append(f"{label}:{evaluate.lineno}: 'evaluate' takes ({', '.join(positional)}), not three "
                            "arguments. Fix: define it as 'def evaluate(spec, fields, context)'.")
    return problems


def older_form(path: Path, label: str) -> str | None:
    """A note for a kind whose `evaluate` has the form before `context` (its third argument is not named
    `context`): it still works, and this says how to update it. None for a kind in today's form."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError:
        return None
    evaluate = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "evaluate"), None)
    if evaluate is None:
        return None
    arguments = [a.arg for a in (*evaluate.args.posonlyargs, *evaluate.args.args)]
    if len(arguments) != 3 or arguments[2] == "context":
        return None
    return (f"{label}:{evaluate.lineno}: 'evaluate(spec, fields, {arguments[2]})' is the older form: it still "
            "works, with the kind's words and the page's language put into its spec as 'strings' and 'lang' (an "
            "option of either name is then overwritten). Fix: write 'def evaluate(spec, fields, context)'; pass "
            "'context' where it passes 'spec' to say() and say_text(), and use 'context.today' (a date) for "
            f"'{arguments[2]}'.")


_SAYING = frozenset({"say", "say_text"})


def _check_said_keys(logic: Path, label: str, strings: Path, strings_label: str) -> list[str]:
    """Each `say(context, "key")` and `say_text(context, "key")` must name a string of the kind: one that
    no language of its strings.yml defines would show the reader an error instead of a sentence."""
    try:
        tree = ast.parse(logic.read_text(encoding="utf-8"), filename=str(logic))
        data = yaml.safe_load(strings.read_text(encoding="utf-8")) if strings.is_file() else {}
    except (SyntaxError, yaml.YAMLError):
        return []  # reported by the checks of the logic and of the strings
    keys = sorted({str(key) for texts in (data or {}).values() if isinstance(texts, dict) for key in texts})
    problems = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)):
            continue
        called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        key = node.args[1].value
        if called in _SAYING and key not in keys:
            hint = did_you_mean(key, keys)
            where = f"under 'en:' in {strings_label}" if keys or strings.is_file() else f"in a new {strings_label}"
            # A near key is most likely a slip: correcting it comes first, adding the string second.
            add = f"{hint}Correct it, or add" if hint else "Add"
            problems.append(f"{label}:{node.lineno}: {called}() names the string '{key}', which {strings_label} "
                            f"does not define. Fix: {add} '{key}: <text>' {where}, and in every other "
                            "language there.")
    return problems


FRAME_FILE = Path(__file__).resolve().parent / "templates" / "strings.yml"
"""The frame's words (the buttons and notes every widget has), which every form's `t` holds too."""
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_T_WORD = re.compile(r"(?<![\w.])t\.(\w+)")


def _check_form_words(form: Path, label: str, strings: Path, strings_label: str) -> list[str]:
    """Each `t.key` a form shows is one of the kind's strings or the frame's: else every page with the widget
    would stop the build at rendering, naming the template engine's objects instead of the key."""
    if not form.is_file():
        return []
    try:
        text = form.read_text(encoding="utf-8")
        own = yaml.safe_load(strings.read_text(encoding="utf-8")) if strings.is_file() else {}
        frame = yaml.safe_load(FRAME_FILE.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # reported by the checks of the form and of the strings
    keys = {str(key) for data in (own, frame) if isinstance(data, dict)
            for texts in data.values() if isinstance(texts, dict) for key in texts}
    problems = []
    for tag in _JINJA.finditer(text):
        for word in _T_WORD.finditer(tag.group()):
            key = word.group(1)
            if key in keys:
                continue
            line = text.count("\n", 0, tag.start() + word.start()) + 1
            hint = did_you_mean(key, sorted(keys))
            add = f"{hint}Correct it, or add" if hint else "Add"
            problems.append(f"{label}:{line}: the form shows the string 't.{key}', which {strings_label} does not "
                            f"define. Fix: {add} '{key}: <text>' under 'en:' in {strings_label}, and in every "
                            "other language there.")
    return problems


def _check_template(path: Path, label: str) -> list[str]:
    try:
        Environment().parse(path.read_text(encoding="utf-8"))
    except TemplateSyntaxError as exc:
        return [f"{label}:{exc.lineno}: the form template has an error: {exc.message}. Fix: correct the "
                "Jinja syntax."]
    return []


def _check_strings(path: Path, label: str) -> list[str]:
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [f"{label}:{mark.line + 1 if mark else 1}: not valid YAML ({getattr(exc, 'problem', exc)}). Fix: "
                "write each language as 'en:' with 'key: text' lines indented under it."]
    if not isinstance(data, dict) or not isinstance(data.get("en"), dict):
        return [f"{label}:1: there are no English strings. Fix: give every string under 'en:', the reference "
                "other languages are checked against."]
    return []


def own_kinds(folder: Path, label: str, builtins: dict[str, Kind], stdlib: frozenset[str]) -> dict[str, Kind]:
    """The author's kinds in `folder` (shown to authors as `label`), checked; KindError lists every problem."""
    kinds: dict[str, Kind] = {}
    problems: list[str] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        try:
            kind = own_kind(sub, f"{label}/{sub.name}", builtins, stdlib)
        except KindError as exc:
            problems += exc.problems
        else:
            kinds[kind.name] = kind
    if problems:
        raise KindError(problems)
    return kinds


def own_kind(folder: Path, label: str, builtins: dict[str, Kind], stdlib: frozenset[str]) -> Kind:
    """One of the author's kinds, checked as the build checks it; KindError lists every problem."""
    if not _NAME.fullmatch(folder.name):
        raise KindError([f"{label}: a kind's folder name is its block name, in lower case with '_' between "
                         "words. Fix: rename the folder, for example to 'savings_goal'."])
    name = kind_name(folder)
    missing = [part for part in PARTS if not (folder / part).is_file()]
    if missing:
        raise KindError([f"{label}: the kind '{name}' lacks {', '.join(missing)}. Fix: add "
                         f"{'them' if len(missing) > 1 else 'it'}; every kind has spec.py, form.html and "
                         "logic.py."])
    if name in builtins:
        raise KindError([f"{label}: the kind '{name}' has the name of a built-in kind. Fix: rename the folder."])
    problems = _checked_files(folder, label, stdlib)
    package = f"{OWN_PACKAGE}.{folder.name}"
    try:
        spec = _load_spec(folder, f"{package}.spec")
    except _NoSpec:
        problems.append(f"{label}/spec.py:1: there is no 'class Spec(WidgetSpec)'. Fix: declare the block's "
                        "options in a class named Spec that extends guide_widgets.specs.WidgetSpec.")
    except Exception as exc:  # an author's module can fail in any way; report its own error, at its line
        problems.append(_failure(exc, folder / "spec.py", f"{label}/spec.py"))
    ran = _ran_key(folder / "logic.py")
    if not problems and not _ran_before(ran):
        # The logic runs in the reader's browser; run its top level here too, so that a mistake there stops
        # the build instead of every reader's widget. (Once it has run, the same code needs no second run.)
        try:
            run_module(folder / "logic.py", f"{package}.logic")
        except Exception as exc:
            problems.append(_failure(exc, folder / "logic.py", f"{label}/logic.py"))
        else:
            keep(cache_folder("ran") / ran, b"")
    if problems:
        raise KindError(problems)
    return Kind(name, folder, spec, f"{package}.logic", builtin=False,
                note=older_form(folder / "logic.py", f"{label}/logic.py"), label=label)


def _checks_version() -> str:
    """Names the static checks below by their own code (this module and the suggestions' wording): a change
    to either, a plugin upgrade among them, and no build reads an older verdict."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update((Path(__file__).resolve().parent.parent / "suggest.py").read_bytes())
    return digest.hexdigest()[:16]


def _checked_files(folder: Path, label: str, stdlib: frozenset[str]) -> list[str]:
    """The problems the static checks find in a kind's logic, form and strings; a verdict on the same files
    (and the same standard library) is read from the build's cache instead of found again."""
    parts = [_checks_version(), label, ",".join(sorted(stdlib))]
    parts += [(folder / name).read_text(encoding="utf-8") if (folder / name).is_file() else ""
              for name in ("logic.py", "form.html", "strings.yml")]

    def check() -> bytes:
        found = _check_logic(folder / "logic.py", f"{label}/logic.py", stdlib)
        found += _check_template(folder / "form.html", f"{label}/form.html")
        found += _check_form_words(folder / "form.html", f"{label}/form.html", folder / "strings.yml",
                                   f"{label}/strings.yml")
        found += _check_strings(folder / "strings.yml", f"{label}/strings.yml")
        found += _check_said_keys(folder / "logic.py", f"{label}/logic.py", folder / "strings.yml",
                                  f"{label}/strings.yml")
        return json.dumps(found).encode()

    found: list[str] = json.loads(remembered("checked", "\0".join(parts).encode(), check))
    return found


def _ran_key(logic: Path) -> str:
    """Names a kind's logic as it would run: its own code and the engine's logic it may import."""
    digest = hashlib.sha256(logic.read_bytes())
    for path in sorted((BUILTIN_DIR.parent / "logic").glob("*.py")) + sorted(BUILTIN_DIR.glob("*/logic.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _ran_before(key: str) -> bool:
    return (cache_folder("ran") / key).is_file()


@author_words
def form_failure(exc: BaseException, kind: Kind) -> tuple[str, str]:
    """(problem, fix) for an exception raised while rendering a kind's form, naming its line in form.html."""
    where = f"{kind.label or 'kinds/' + kind.folder.name}/form.html"
    line = getattr(exc, "lineno", None) or _line_in(exc, kind.template)
    return (f"its form failed at {where}:{line}: {type(exc).__name__}: {exc}.",
            f"Correct {where} at line {line}.")


def _line_in(exc: BaseException, path: Path) -> int:
    frames = [frame for frame in _frames(exc) if Path(frame[0]) == path]
    return frames[-1][1] if frames else 1


def _frames(exc: BaseException) -> list[tuple[str, int]]:
    found, tb = [], exc.__traceback__
    while tb is not None:
        found.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return found


def registry_module(kinds: dict[str, Kind]) -> str:
    """The browser's registry: each kind's name and the module its `evaluate` comes from."""
    lines = "".join(f"    {kind.name!r}: {kind.logic_module!r},\n" for kind in kinds.values())
    return f'"""Generated at build time: the widget kinds of this site."""\n\nKINDS = {{\n{lines}}}\n'
