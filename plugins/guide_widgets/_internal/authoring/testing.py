"""Test a widget kind exactly as a reader's browser runs it, with pytest: in CPython, or in the real Pyodide.

    from guide_widgets._internal.authoring.testing import Widget

    goal = Widget("widgets/savings_goal")          # your kind's folder, or a built-in kind's name
    spec = goal.spec("goal: 1200\\ncurrency: EUR\\nbands: ...")   # a block's body, checked as the build does
    # Widget(..., language="de") answers in German, with the kind's German strings, as a German page would;
    # left out, the language, the 'strings:' and 'informal:' of the site's mkdocs.yml are used, as its build does.
    answer = goal(spec, {"saved": "600", "monthly": "100"}, today="2026-11-28")
    assert answer["facts"]["months"] == 6

A call goes through the same door as in the browser's worker: the request is JSON, `evaluate_json` finds the
kind through the registry, and the answer comes back as JSON, so a result that only works in CPython (a
`date` object, a set) fails here too. `Widget(..., pyodide=True)` makes the same calls in the pinned Pyodide
under Node, from the same logic archive the site ships; one Node process serves the whole test session.
"""

from __future__ import annotations

import atexit
import base64
import datetime
import hashlib
import json
import shutil
import subprocess
import sys
import types
import warnings
from pathlib import Path
from typing import Any

import yaml

from guide_widgets._internal.pins import DEFAULT_PYODIDE_DIR, FULL_STDLIB
from guide_widgets._internal.runtime.archive import logic_archive
from guide_widgets._internal.runtime.pyodide import find_pyodide
from guide_widgets._internal.widgets.registry import Kind, builtin_kinds, own_kind, run_module, stdlib_modules
from guide_widgets._internal.widgets.strings import load_strings_file, site_strings
from guide_widgets._internal.widgets.validation import parse_spec
from guide_widgets.logic import REGISTRY, evaluate_json

__all__ = ["Widget", "WidgetLogicError", "pyodide_python"]

SESSION_SCRIPT = Path(__file__).resolve().parents[1] / "runtime" / "node" / "pyodide_session.mjs"


class WidgetLogicError(RuntimeError):
    """The logic raised an error: in the browser the widget would show its failure message."""


def _pyodide_folder(pyodide_dir: str | Path | None, node_modules: str | Path | None = None,
                    find: bool = True) -> Path:
    """The pinned Pyodide's folder: `pyodide_dir` as given (like the plugin's option of that name), else
    `node_modules/pyodide` in the working folder or the nearest folder above it that has one."""
    if node_modules is not None:
        warnings.warn("guide_widgets.testing: 'node_modules=' is now 'pyodide_dir=', the Pyodide folder itself. "
                      f"Fix: write pyodide_dir='{Path(node_modules) / 'pyodide'}'.", DeprecationWarning, stacklevel=3)
        pyodide_dir = pyodide_dir or Path(node_modules) / "pyodide"
    if not find:
        return Path(pyodide_dir or DEFAULT_PYODIDE_DIR)
    if pyodide_dir is not None:
        return find_pyodide(Path(pyodide_dir)).folder
    here = Path.cwd().resolve()
    candidates = [folder / DEFAULT_PYODIDE_DIR for folder in (here, *here.parents)]
    found = next((candidate for candidate in candidates if candidate.is_dir()), candidates[0])
    return find_pyodide(found).folder  # raises for a missing folder, naming the command that installs it


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml as data: tags such as `!!python/name:` (Material's emoji) or `!ENV` stay unread."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def site_settings(config_file: str | Path | None = None) -> dict[str, Any]:
    """What a site's mkdocs.yml says of its widgets' words: `language` (theme.language), and the plugin's
    `strings` (read from the file it names, when it names one) and `informal`. `config_file` as given, else the
    mkdocs.yml of the working folder or of the nearest folder above it; empty when there is none."""
    if config_file is None:
        here = Path.cwd().resolve()
        config_file = next((folder / "mkdocs.yml" for folder in (here, *here.parents)
                            if (folder / "mkdocs.yml").is_file()), None)
        if config_file is None:
            return {}
    path = Path(config_file)
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTag) or {}
    theme: dict[str, Any] = config["theme"] if isinstance(config.get("theme"), dict) else {}
    options: dict[str, Any] = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("guide_widgets"), dict):
            options = plugin["guide_widgets"]
    strings = options.get("strings") or {}
    if isinstance(strings, str):
        strings = load_strings_file(path.parent / strings, strings)
    return {"language": str(theme.get("language") or "en"), "strings": strings,
            "informal": bool(options.get("informal", False))}


class Widget:
    """One widget kind, called as the browser calls it."""

    def __init__(self, kind: str | Path, *, pyodide: bool = False, pyodide_dir: str | Path | None = None,
                 language: str | None = None, strings: dict[str, Any] | None = None, informal: bool | None = None,
                 config_file: str | Path | None = None, node_modules: str | Path | None = None) -> None:
        """`kind`: a built-in kind's name or your kind's folder. `pyodide=True` runs the logic in the pinned
        Pyodide, found in `pyodide_dir` (default: `node_modules/pyodide` here or in a folder above); without it,
        Pyodide is not needed at all. `language`, `strings` and `informal` choose the kind's words as the same
        options do in mkdocs.yml; each left out is read from the site's mkdocs.yml (`config_file`, else the one
        here or in a folder above), as its build reads it."""
        builtins = builtin_kinds()
        self.pyodide = pyodide
        if node_modules is not None and not pyodide:
            _pyodide_folder(None, node_modules, find=False)  # says what the old argument is now
        self._pyodide_dir = _pyodide_folder(pyodide_dir, node_modules) if pyodide else None
        if isinstance(kind, str) and kind in builtins:
            self.kind = builtins[kind]
        else:
            folder = Path(kind).resolve()
            # The modules the reader's browser has: the pinned Pyodide's, known without it.
            stdlib = stdlib_modules((self._pyodide_dir or Path(DEFAULT_PYODIDE_DIR)) / FULL_STDLIB)
            self.kind = own_kind(folder, str(kind), builtins, stdlib)
        site = site_settings(config_file) if None in (language, strings, informal) else {}
        if language is not None and language != site.get("language", language):
            site = {}  # the site's words are for its own language, not for the one asked for
        self.language = language if language is not None else site.get("language", "en")
        overrides = strings if strings is not None else site.get("strings", {})
        chosen = informal if informal is not None else site.get("informal", False)
        # The kind's words in its language, with overrides named as in mkdocs.yml ("quiz.answered"); the site's
        # overrides for other kinds are not this widget's business.
        mine = {name: text for name, text in overrides.items()
                if strings is not None or str(name).partition(".")[0] in ("widget", self.kind.name)}
        self.words = site_strings({self.kind.name: self.kind}, self.language, mine, chosen,
                                  used=[self.kind.name], framed=False)[self.kind.name]
        # As on a site: the built-in kinds' logic too, which an author's kind may build on.
        self._archive = logic_archive((builtins | {self.kind.name: self.kind}).values())[1]
        if not pyodide:
            _import_logic(self.kind)

    def spec(self, options: str | dict[str, Any]) -> dict[str, Any]:
        """A block's options (its YAML body, or the same as a dict), checked exactly as the build checks them."""
        body = options if isinstance(options, str) else yaml.safe_dump(options, sort_keys=False)
        return parse_spec(self.kind.spec, body, self.words)

    def __call__(self, spec: dict[str, Any], fields: dict[str, Any],
                 today: str | datetime.date | None = None) -> dict[str, Any]:
        """The widget's answer to the form's `fields` on the reader's date `today` (a date, or YYYY-MM-DD; this
        machine's date when left out)."""
        if today is None:
            today = datetime.date.today()
        if isinstance(today, datetime.date):
            today = today.isoformat()
        # As the page sends it: the spec, and beside it the kind's words (the block's own first) and the language.
        request = json.dumps({"widget": self.kind.name, "spec": spec, "fields": fields, "today": today,
                              "language": self.language, "words": {**self.words, **spec.get("strings", {})}})
        if self._pyodide_dir is not None:
            session = _Session.for_folder(self._pyodide_dir)
            session.load(self._archive)
            answer: dict[str, Any] = json.loads(session.ask({"request": request}))
            return answer
        try:
            answer = json.loads(evaluate_json(request))
        except Exception as exc:
            raise WidgetLogicError(f"{self.kind.name}: {type(exc).__name__}: {exc}") from exc
        return answer


def _import_logic(kind: Kind) -> None:
    """Puts the kind's logic where the browser's registry points, under the same module name."""
    registry = sys.modules.get(REGISTRY) or types.ModuleType(REGISTRY)
    registry.KINDS = {**getattr(registry, "KINDS", {}), kind.name: kind.logic_module}  # type: ignore[attr-defined]
    sys.modules[REGISTRY] = registry
    if kind.builtin:
        return
    run_module(kind.logic, kind.logic_module)


class _Session:
    """One Node process running the pinned Pyodide, shared by every Widget(pyodide=True) of a test run."""

    _open: dict[Path, _Session] = {}

    def __init__(self, folder: Path) -> None:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("Node.js 20+ is needed to run widget logic in Pyodide: install it.")
        self.process = subprocess.Popen([node, str(SESSION_SCRIPT), str(folder)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self.loaded = ""
        self.version = self._read()["version"]

    @classmethod
    def for_folder(cls, folder: Path) -> _Session:
        if folder not in cls._open:
            cls._open[folder] = cls(folder)
        return cls._open[folder]

    def load(self, archive: bytes) -> None:
        digest = hashlib.sha256(archive).hexdigest()
        if digest != self.loaded:
            self.ask({"archive": base64.b64encode(archive).decode()})
            self.loaded = digest

    def ask(self, message: dict[str, str]) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        return self._read().get("answer")

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise WidgetLogicError("the Pyodide session in Node ended; its error output says why")
        answer: dict[str, Any] = json.loads(line)
        if not answer.get("ok"):
            raise WidgetLogicError(answer.get("error", "unknown error"))
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=30)


def pyodide_python(expression: str, pyodide_dir: str | Path | None = None) -> Any:
    """The value of a Python expression (JSON-able) evaluated in the pinned Pyodide, for checks of Pyodide itself."""
    return json.loads(_Session.for_folder(_pyodide_folder(pyodide_dir)).ask({"python": expression}))


@atexit.register
def _close_sessions() -> None:
    for session in _Session._open.values():
        session.close()
