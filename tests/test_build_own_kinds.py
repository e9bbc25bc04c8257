"""An author's own widget kinds (`widgets_dir`), built with `mkdocs build --strict`: a good kind used like a
built-in one, a kind in the older form, and every mistake in a kind's files, strings and folder, named with
its file, line and fix."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

from build_helpers import with_plugin_options
from building import failed_build
from conftest import ROOT, make_project, mkdocs_build, problems
from guide_widgets.testing import Widget


def _own_kinds_project(tmp_path: Path, kinds: dict[str, dict[str, str]], guide: str = "# T\n\n## A\n") -> Path:
    project = make_project(tmp_path, guide)
    for kind, parts in kinds.items():
        folder = project / "widgets" / kind
        folder.mkdir(parents=True)
        for name, text in parts.items():
            (folder / name).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("pages_dir: plants", "pages_dir: plants\n      widgets_dir: widgets"))
    return project


GOOD_SPEC = "from guide_widgets.specs import Text, WidgetSpec\n\n\nclass Spec(WidgetSpec):\n    label = Text()\n"


GOOD_FORM = ('{% extends "_widget.html" %}\n{% block fields %}\n<label for="{{ id }}-n">{{ spec.label }}</label>\n'
             '<input id="{{ id }}-n" name="n">\n{% endblock %}\n')


GOOD_LOGIC = ("from guide_widgets.logic import el, result, say, say_text\n\n\ndef evaluate(spec, fields, context):\n"
              "    return result([el('p', spec['label'] + ': ' + str(fields.get('n', '')))])\n")


# A kind written before `context`: its words and language came in the spec, today as a string.
OLDER_LOGIC = ("from datetime import date\n\nfrom guide_widgets.logic import el, result, say\n\n\n"
               "def evaluate(spec, fields, today):\n"
               "    return result([el('p', *say(spec, 'said', word=fields.get('n', '')))],\n"
               "                  weekday=date.fromisoformat(today).isoweekday(), lang=spec['lang'])\n")


OLDER_STRINGS = "en:\n  said: \"You said {word}.\"\n"


def test_an_authors_kind_is_used_like_a_built_in_one(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// echo | Say it\nlabel: Your word\n///\n"
    project = _own_kinds_project(tmp_path, {"echo": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM,
                                                     "logic.py": GOOD_LOGIC}}, guide)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "plants" / "a.html").read_text()
    assert 'data-gw-kind="echo"' in page and '<label for="gw-1-n">Your word</label>' in page
    archive = next((site / "assets" / "guide-widgets").glob("logic-*.zip"))
    with zipfile.ZipFile(archive) as logic:
        assert logic.read("guide_kinds/echo/logic.py").decode() == GOOD_LOGIC
        assert "'echo': 'guide_kinds.echo.logic'" in logic.read("guide_widgets_registry.py").decode()


def test_a_kind_in_the_older_form_still_works_and_the_build_says_how_to_update_it(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// echo | Say it\nlabel: Your word\n///\n"
    kind = {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": OLDER_LOGIC, "strings.yml": OLDER_STRINGS}
    project = _own_kinds_project(tmp_path, {"echo": kind}, guide)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0 and problems(result) == [], result.stderr  # a note, not a warning: --strict passes
    assert ("INFO    -  guide_widgets: widgets/echo/logic.py:6: 'evaluate(spec, fields, today)' is the older form: it still works, "
            "with the kind's words and the page's language put into its spec as 'strings' and 'lang'") in result.stderr
    assert "Fix: write 'def evaluate(spec, fields, context)'" in result.stderr
    # It answers as before, in CPython and in Pyodide.
    for pyodide in (False, True):
        echo = Widget(project / "widgets" / "echo", pyodide=pyodide, pyodide_dir=ROOT / "node_modules" / "pyodide")
        answer = echo(echo.spec("label: Word"), {"n": "yes"}, today="2026-12-03")
        assert answer["facts"] == {"weekday": 4, "lang": "en"}
        assert "".join(child["v"] for child in answer["view"][0]["c"]) == "You said yes."


def test_in_todays_form_the_spec_is_the_authors_options_alone(tmp_path: Path):
    spec = ("from guide_widgets.specs import Text, WidgetSpec\n\n\nclass Spec(WidgetSpec):\n"
            "    lang = Text()\n")
    logic = ("from guide_widgets.logic import result\n\n\ndef evaluate(spec, fields, context):\n"
             "    return result([], options=spec, today=context.today.isoformat(), language=context.language,\n"
             "                  words=dict(context.words))\n")
    folder = tmp_path / "widgets" / "langs"
    folder.mkdir(parents=True)
    for name, text in {"spec.py": spec, "form.html": GOOD_FORM, "logic.py": logic, "strings.yml": OLDER_STRINGS}.items():
        (folder / name).write_text(text)
    langs = Widget(folder, language="en")
    answer = langs(langs.spec("lang: Latin"), {}, today=datetime.date(2026, 12, 3))
    assert answer["facts"] == {"options": {"lang": "Latin"}, "today": "2026-12-03",
                               "language": "en", "words": {"said": "You said {word}."}}


def test_every_mistake_in_an_authors_kinds_is_named_with_file_line_and_fix(tmp_path: Path):
    kinds = {
        "no_logic": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": "import json\n"},
        "bad_args": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": "def evaluate(spec, fields):\n    pass\n"},
        "heavy": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": "import math\n\nimport numpy\n\n\n" +
                  GOOD_LOGIC.split("\n\n\n", 1)[1]},
        "bad_form": {"spec.py": GOOD_SPEC, "form.html": "{% block fields %}\n{% if %}\n", "logic.py": GOOD_LOGIC},
        "no_spec": {"spec.py": "LABEL = 1\n", "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC},
        "broken_spec": {"spec.py": "import guide_widgets.specs\n\nraise ValueError('oops')\n", "form.html": GOOD_FORM,
                        "logic.py": GOOD_LOGIC},
        "half": {"logic.py": GOOD_LOGIC},
        "quiz": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC},
        # An option given a keyword it does not take: the real TypeError, at its line, not "no Spec".
        "typo_spec": {"spec.py": GOOD_SPEC + '    note = Text(optional=True)\n', "form.html": GOOD_FORM,
                      "logic.py": GOOD_LOGIC},
        # The logic's top level runs at build, as in the browser.
        "top_level": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC + "LIMIT = 1 / 0\n"},
        # say() with a key no language of strings.yml has; say_text() with one that only German has is fine.
        "unsaid": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "strings.yml": "en:\n  said: Said.\nde:\n  only: Nur.\n",
                   "logic.py": GOOD_LOGIC + "\n\ndef _words(context):\n    return say(context, 'sayd'), say_text(context, 'only')\n"},
        # A form that shows a string its kind lacks (a frame's string, t.remember, is there for every form).
        "unshown": {"spec.py": GOOD_SPEC, "strings.yml": "en:\n  week: Week\n", "logic.py": GOOD_LOGIC,
                    "form.html": GOOD_FORM.replace("{{ spec.label }}", "{{ t.wek }} {{ t.week }}")},
    }
    stderr = failed_build(_own_kinds_project(tmp_path, kinds), tmp_path / "site")
    assert ("  widgets/unshown/form.html:3: the form shows the string 't.wek', which widgets/unshown/strings.yml "
            "does not define. Fix: Did you mean 'week'? Correct it, or add 'wek: <text>' under 'en:' in "
            "widgets/unshown/strings.yml, and in every other language there.\n") in stderr
    assert ("ERROR   -  Bad widget kinds:\n"
            "  widgets/bad_args/logic.py:1: 'evaluate' takes (spec, fields), not three arguments. Fix: define it "
            "as 'def evaluate(spec, fields, context)'.\n"
            "  widgets/bad_form/form.html:2: the form template has an error: Expected an expression, got 'end of "
            "statement block'. Fix: correct the Jinja syntax.\n"
            "  widgets/broken_spec/spec.py:3: running it failed: ValueError: oops. Fix: correct spec.py at that line.\n"
            "  widgets/half: the kind 'half' lacks spec.py, form.html. Fix: add them; every kind has spec.py, "
            "form.html and logic.py.\n"
            "  widgets/heavy/logic.py:3: imports 'numpy', which the reader's browser does not have: widget logic "
            "runs in Pyodide with its standard library only. Fix: use the standard library, guide_widgets.logic "
            "and the built-in kinds' logic, or copy the code you need into logic.py.\n"
            "  widgets/no_logic/logic.py:1: there is no top-level 'def evaluate(spec, fields, context)'. Fix: add "
            "it: it gets the block's options, the form's values and the context (the reader's date, the page's "
            "language, the kind's words), and returns result(...).\n"
            "  widgets/no_spec/spec.py:1: there is no 'class Spec(WidgetSpec)'. Fix: declare the block's options "
            "in a class named Spec that extends guide_widgets.specs.WidgetSpec.\n"
            "  widgets/quiz: the kind 'quiz' has the name of a built-in kind. Fix: rename the folder.\n"
            "  widgets/top_level/logic.py:6: running it failed: ZeroDivisionError: division by zero. Fix: correct "
            "logic.py at that line.\n"
            "  widgets/typo_spec/spec.py:6: running it failed: TypeError: Text() takes no 'optional='; it takes "
            "default=. For an option a block may leave out, write optional(Text()). Fix: correct spec.py at that "
            "line.\n"
            "  widgets/unsaid/logic.py:9: say() names the string 'sayd', which widgets/unsaid/strings.yml does "
            "not define. Fix: Did you mean 'said'? Correct it, or add 'sayd: <text>' under 'en:' in widgets/unsaid/strings.yml, "
            "and in every other language there.") in stderr


def test_a_form_that_fails_while_rendering_is_named_at_its_line(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// echo | Say it\nlabel: Your word\n///\n"
    form = GOOD_FORM.replace("{{ spec.label }}", "{{ spec.lable }}")
    project = _own_kinds_project(tmp_path, {"echo": {"spec.py": GOOD_SPEC, "form.html": form, "logic.py": GOOD_LOGIC}},
                                 guide)
    assert ("  docs/guide.md:5: widget '/// echo': its form failed at widgets/echo/form.html:3: UndefinedError: "
            "'dict object' has no attribute 'lable'. Fix: Correct widgets/echo/form.html at line 3.") \
        in failed_build(project, tmp_path / "site")


def test_a_missing_translation_names_the_kinds_strings_file_the_line_and_the_keys(tmp_path: Path):
    strings = "en:\n  said: Said.\n  heard: Heard.\nde:\n  said: Gesagt.\n"
    project = with_plugin_options(_own_kinds_project(tmp_path, {"echo": {
        "spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC, "strings.yml": strings}},
        "# T\n\n## A\n\n/// echo | Say it\nlabel: Dein Wort\n///\n"), "de", "")
    stderr = failed_build(project, tmp_path / "site")
    assert ("ERROR   -  guide_widgets: widgets/echo/strings.yml:4: no 'de' text for 'heard'. Fix: add it under "
            "'de:' in widgets/echo/strings.yml (or under 'strings:' for the plugin in mkdocs.yml, as 'echo.heard').") \
        in stderr
    assert "theme.language" not in stderr  # the language is set already: the file is what lacks it


def test_a_kind_no_page_uses_owes_no_texts_in_the_sites_language(tmp_path: Path):
    strings = "en:\n  said: Said.\n  heard: Heard.\n"  # English only
    project = with_plugin_options(_own_kinds_project(tmp_path, {"echo": {
        "spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC, "strings.yml": strings}},
        "# T\n\n## A\n\n/// quiz | Q\nquestions:\n  - text: Eins?\n    answers:\n      - label: Ja\n"
        "        weight: 1\n      - label: Nein\n        weight: 0\nbands:\n  - {min: 0, title: Gut, text: Gut.}\n///\n"), "de", "")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert problems(result) == []


def test_a_missing_widgets_dir_is_named(tmp_path: Path):
    project = _own_kinds_project(tmp_path, {})
    stderr = failed_build(project, tmp_path / "site")
    assert ("ERROR   -  widgets: the folder of your own widget kinds was not found. Fix: create it, or correct "
            "'widgets_dir' under 'plugins: - guide_widgets:' in mkdocs.yml.") in stderr


def test_an_authors_strings_file_is_checked(tmp_path: Path):
    kinds = {"echo": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC,
                      "strings.yml": "en:\n  a: [unclosed\n"},
             "echo_two": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC,
                          "strings.yml": "de:\n  a: Hallo\n"}}
    stderr = failed_build(_own_kinds_project(tmp_path, kinds), tmp_path / "site")
    assert "  widgets/echo/strings.yml:3: not valid YAML (" in stderr
    assert ("  widgets/echo_two/strings.yml:1: there are no English strings. Fix: give every string under 'en:', "
            "the reference other languages are checked against.") in stderr
