"""`guide_widgets.testing.Widget` as an author's tests use it: it reads the site's words from mkdocs.yml as the
build does, and needs Pyodide only when asked to run in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser.existing_site import the_site_after
from conftest import FIXTURES
from guide_widgets.testing import Widget

QUIZ = ("questions:\n  - text: Une ?\n    answers:\n      - {label: Oui, weight: 0}\n      - {label: Non, weight: 1}\n"
        "bands:\n  - {min: 0, title: Bien, text: Bien.}\nmin_answered: 1\n")


def test_the_sites_language_and_strings_file_are_the_widgets_words(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch):
    project = tmp_path / "carnet"
    shutil.copytree(FIXTURES / "french-site", project)
    (project / "tests").mkdir()
    monkeypatch.chdir(project / "tests")  # where an author's tests run: mkdocs.yml is found in a folder above
    quiz = Widget("quiz")
    assert quiz.language == "fr"
    assert quiz.words["answered"] == "{answered} réponses sur {total} questions."
    answer = quiz(quiz.spec(QUIZ), {})
    assert "Répondez à encore 1 question pour voir un résultat." in read(answer["view"])
    # Asked for another language, the site's French words stay out of it.
    assert Widget("quiz", language="de").words["answered"] != quiz.words["answered"]


def test_an_authors_kind_answers_without_pyodide_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    handbook = the_site_after(tmp_path / "handbook")
    (handbook / "node_modules").unlink()  # no Pyodide in this project at all
    monkeypatch.chdir(handbook)
    payoff = Widget("widgets/payoff")
    answer = payoff(payoff.spec("apr: 22\n"), {"balance": "1200", "payment": "100", "apr": "22"})
    assert answer["facts"]["months"] == 14
    assert answer["errors"] == {}


def read(nodes: object) -> str:
    """A result's words as the page shows them (numbers as written here)."""
    if isinstance(nodes, list):
        return "".join(read(node) for node in nodes)
    if isinstance(nodes, dict):
        if nodes.get("t") == "text":
            return str(nodes["v"])
        if nodes.get("t") == "number":
            return str(nodes["v"])
        return read(nodes.get("c", []))
    return ""
