"""The widgets' strings in the site's language: what a language without a catalogue owes, the `guide-widgets
strings` command, overrides under `strings:` and a block's own words, the plan page's address, and informal
German."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from build_helpers import with_plugin_options
from building import failed_build
from conftest import FIXTURES, make_project, mkdocs_build

QUIZ_BLOCK = ("/// quiz | Q\nquestions:\n  - text: Une ?\n    answers:\n      - label: Oui\n        weight: 1\n"
              "      - label: Non\n        weight: 0\nbands:\n  - {min: 0, title: Bien, text: Bien.}\n///\n")


def test_a_language_without_a_catalogue_owes_only_the_strings_of_the_kinds_in_use(tmp_path: Path):
    project = with_plugin_options(make_project(tmp_path, f"# T\n\n## A\n\n{QUIZ_BLOCK}"), "fr", "")
    stderr = failed_build(project, tmp_path / "site")
    error = next(line for line in stderr.splitlines() if line.startswith("ERROR"))
    owed = len(strings_of("widget")) + len(strings_of("quiz"))
    assert error.startswith(f"ERROR   -  guide_widgets: the widgets this site uses have no 'fr' text for {owed} "
                            "strings: quiz.answer_more (en: one: \"Answer {count} more question to see a result.\" "
                            "/ other: \"Answer {count} more questions to see a result.\"); ")
    assert "checklist." not in error and "period." not in error
    assert error.endswith("Fix: run `guide-widgets strings fr`: it writes them all, with the English beside each, "
                          "into widget-strings.fr.yml; fill them in and set 'strings: widget-strings.fr.yml' for "
                          "the plugin in mkdocs.yml. Or set theme.language to one of: de, en.")


def strings_of(namespace: str) -> dict[str, object]:
    from guide_widgets._internal.widgets.registry import builtin_kinds
    from guide_widgets._internal.widgets.strings import FRAME_FILE, catalogue

    path = FRAME_FILE if namespace == "widget" else builtin_kinds()[namespace].folder / "strings.yml"
    return catalogue(path)["en"]


def test_the_strings_command_writes_what_a_language_owes_and_a_filled_file_builds(tmp_path: Path):
    project = make_project(tmp_path, f"# T\n\n## A\n\n{QUIZ_BLOCK}")
    command = [sys.executable, "-m", "guide_widgets._internal.authoring.cli", "strings", "fr"]
    run = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    written = project / "widget-strings.fr.yml"
    text = written.read_text(encoding="utf-8")
    assert "# en: Try again\nwidget.retry: \"\"" in text
    assert "quiz.answer_more:\n  # en: Answer {count} more question to see a result.\n  one: \"\"" in text
    assert "period." not in text and "checklist." not in text  # the site uses neither
    assert run.stdout.startswith("Wrote widget-strings.fr.yml: the texts of the widget frame and of quiz in 'fr'")
    # Filled in (here: every text in capitals), it is what the build reads; a second run keeps what is filled.
    filled = re.sub(r'^(\s*[\w.]+): ""$', r'\1: "RÉPONSE"', text, flags=re.M)
    written.write_text(filled.replace('widget.retry: "RÉPONSE"', 'widget.retry: "Réessayer"'), encoding="utf-8")
    rerun = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert 'widget.retry: "Réessayer"' in written.read_text(encoding="utf-8")
    assert "0 of them still empty" in rerun.stdout
    with_plugin_options(project, "fr", "      strings: widget-strings.fr.yml\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "plants" / "a.html").read_text(encoding="utf-8")
    assert "Réessayer" in page or "RÉPONSE" in page


def test_an_override_naming_no_string_is_refused(tmp_path: Path):
    options = "      strings:\n        widget.retry: Encore\n        quiz.answred: typo\n"
    result = mkdocs_build(with_plugin_options(make_project(tmp_path, "# T\n\n## A\n"), "en", options),
                          tmp_path / "site")
    assert result.returncode == 1
    assert ("ERROR   -  guide_widgets: 'strings' names quiz.answred, which no widget uses. Fix: correct the names "
            "under 'strings:' in mkdocs.yml; they are written 'widget.key' or 'kind.key', as in the plugin's "
            "strings.yml files.") in result.stderr


def test_overrides_and_a_blocks_own_words_reach_the_page(tmp_path: Path):
    guide = ("# T\n\n## A\n\n/// period | Days\ndays: 7\nstages:\n  - from: 0\n    text: Wait.\nstrings:\n"
             "  start_label: The day you planted it\n///\n")
    options = "      strings:\n        widget.noscript: Turn on JavaScript for this one.\n"
    site = tmp_path / "site"
    result = mkdocs_build(with_plugin_options(make_project(tmp_path, guide), "en", options), site)
    assert result.returncode == 0, result.stderr
    page = (site / "plants" / "a.html").read_text()
    assert '<label for="gw-1-start">The day you planted it</label>' in page
    assert "Turn on JavaScript for this one." in page


def test_a_blocks_words_must_be_the_kinds_own(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// period | Days\nstages:\n  - from: 0\n    text: Wait.\nstrings:\n  start_lable: x\n///\n"
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert "docs/guide.md:10: widget '/// period': 'strings': this kind has no string 'start_lable'. Fix: Did you mean 'start_label'? Use one " \
           "of: calendar, calendar_file, date_invalid," in stderr


def test_the_plan_pages_address_follows_the_sites_language(tmp_path: Path):
    guide = (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8")
    project = with_plugin_options(make_project(tmp_path, guide), "de", "")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    assert not (site / "plants" / "my-plan.html").exists()
    assert "<h1 id=\"mein-plan\">Mein Plan</h1>" in (site / "plants" / "mein-plan.html").read_text()


FORMAL = re.compile(r"\b(Sie|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres|Ihnen)\b")


def test_informal_german_addresses_the_reader_with_du_in_every_built_in_word(tmp_path: Path):
    from guide_widgets._internal.widgets.registry import builtin_kinds
    from guide_widgets._internal.widgets.strings import site_strings

    def texts(informal: bool) -> dict[str, str]:
        chosen = site_strings(builtin_kinds(), "de", {}, informal)
        return {f"{space}.{key}.{form}": text for space, words in chosen.items() for key, value in words.items()
                for form, text in (value.items() if isinstance(value, dict) else [("", value)])}

    formal, informal = texts(False), texts(True)
    assert formal.keys() == informal.keys()
    assert [key for key, text in informal.items() if FORMAL.search(text)] == []
    changed = [key for key in formal if formal[key] != informal[key]]
    assert changed == [key for key, text in formal.items() if FORMAL.search(text)]  # exactly those, no others
    guide = (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8")
    project = with_plugin_options(make_project(tmp_path, guide), "de", "      informal: true\n")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    page = (site / "plants" / "repotting.html").read_text()
    assert "<legend>Deine Daten</legend>" in page and not FORMAL.search(re.sub(r"<[^>]+>", " ", page))
