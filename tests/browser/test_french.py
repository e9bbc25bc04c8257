"""A language without a catalogue, end to end: tests/fixtures/french-site, its words in the file that
`guide-widgets strings fr` writes (filled in), shows no English word in any widget, neither as built (forms,
hints, the device panel, the plan) nor live (results, messages, the plan's entries), and dates and numbers in
French."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from .conftest import ROOT, build_for, watched
from .reader import ready
from .site_server import SiteServer

FIXTURE = ROOT / "tests" / "fixtures" / "french-site"
CATALOGUES = [ROOT / "plugins" / "guide_widgets" / "_internal" / "widgets" / "templates" / "strings.yml",
              *(ROOT / "plugins" / "guide_widgets" / "kinds" / kind / "strings.yml"
                for kind in ("checklist", "period", "quiz"))]
WIDGETS = "[data-gw-kind], [data-gw-plan-root]"
FRENCH_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"]


def _words(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for inner in value.values():
            yield from _words(inner)
    elif isinstance(value, str):
        yield from re.findall(r"[a-zà-ÿ']{3,}", re.sub(r"\{\w+\}", " ", value.lower()))


def english_only_words() -> set[str]:
    """Every word the built-in English texts use that the French ones never do ("your", "answers", "days")."""
    english = {word for path in CATALOGUES for word in _words(yaml.safe_load(path.read_text("utf-8"))["en"])}
    french = set(_words(yaml.safe_load((FIXTURE / "widget-strings.fr.yml").read_text("utf-8"))))
    return english - french


ENGLISH = english_only_words()


def english_in(text: str) -> set[str]:
    """The English words a text shows (a `{place}` the widget fills in is not shown as such)."""
    return set(re.findall(r"[a-zà-ÿ']{3,}", re.sub(r"\{\w+\}", " ", text).lower())) & ENGLISH


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    project = tmp_path_factory.mktemp("french") / "carnet"
    shutil.copytree(FIXTURE, project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    with SiteServer("/carnet/") as server:
        server.directory = build_for(server.url, project / "site", project)
        yield server


def test_the_check_knows_english_when_it_sees_it():
    assert {"your", "answers", "remember", "days"} <= ENGLISH
    assert english_in("Effacer mes réponses") == set()
    assert english_in("Clear my answers") == {"clear", "answers"}


def test_every_widget_as_built_is_french(french: SiteServer, browser: Browser):
    """As the page reads before any script runs (or without JavaScript): forms, hints, labels, the device panel
    and the plan, and the words each widget carries for its logic."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for name in ("arrosage", "semis", "sol", "mon-plan"):
            page.goto(french.url + f"{name}/")
            expect(page.locator("html")).to_have_attribute("lang", "fr")
            words = page.locator("[data-gw-words]").evaluate_all(
                "(roots) => roots.map((root) => root.dataset.gwWords)")
            labels = page.locator(WIDGETS).evaluate_all("""(roots) => roots.flatMap((root) =>
                [...root.querySelectorAll("[aria-label], [title], [placeholder]")].map((el) =>
                    [el.getAttribute("aria-label"), el.title, el.placeholder].join(" ")))""")
            texts = [shown(page), *labels, *(text for found in words for text in _strings(json.loads(found)))]
            assert "Cet outil fonctionne sur votre propre appareil" in texts[0] or name == "mon-plan"
            assert english_in(" ".join(texts)) == set(), name
    finally:
        context.close()


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, str):
        yield value


def shown(page: Page) -> str:
    return " ".join(page.locator(WIDGETS).all_inner_texts())


def test_every_widget_answers_in_french(french: SiteServer, browser: Browser):
    with watched(browser, french.origin) as (context, _):  # a browser in English: the page's language wins
        page = context.new_page()
        page.goto(french.url + "arrosage/")
        region = ready(page)
        assert english_in(shown(page)) == set()
        yesterday = datetime.datetime.now(datetime.UTC).date() - datetime.timedelta(days=1)
        page.get_by_label("Le jour où la période a commencé").fill(yesterday.isoformat())
        expect(region.locator(".gw-headline")).to_have_text("Jour 1 sur 4")
        ends = yesterday + datetime.timedelta(days=4)
        expect(region).to_contain_text(f"La période se termine le {FRENCH_DAYS[ends.weekday()]} {ends.day} "
                                       f"{FRENCH_MONTHS[ends.month - 1]} {ends.year}")
        length = page.get_by_label(re.compile("Durée de la période"))
        length.fill("400")
        expect(page.locator("#gw-1-days-message")).not_to_be_empty()
        assert english_in(shown(page)) == set()
        length.fill("4")
        expect(page.locator("#gw-1-days-message")).to_be_empty()

        page.locator(".md-nav--primary").get_by_role("link", name="Semis", exact=True).click()
        region = ready(page)
        page.get_by_label("Elle est ameublie sur la profondeur d'une bêche.").check()
        expect(region.locator(".gw-band-title")).to_have_text("Pas encore")
        assert english_in(shown(page)) == set()

        page.locator(".md-nav--primary").get_by_role("link", name="Le sol", exact=True).click()
        region = ready(page)
        page.get_by_label("Oui, longtemps").check()
        expect(region).not_to_contain_text("Un sol")
        assert english_in(shown(page)) == set()
        page.get_by_label("Aucun").check()
        expect(region.locator(".gw-band-title")).to_have_text("Un sol à nourrir")
        assert english_in(shown(page)) == set()

        page.locator(".md-nav--primary").get_by_role("link", name="Mon plan", exact=True).click()
        expect(page.locator("[data-gw-plan-entry] h2")).to_have_text(["Arrosage", "Semis", "Le sol"])
        expect(page.locator("[data-gw-plan-entry]").last).to_contain_text("Un sol à nourrir")
        assert english_in(shown(page)) == set()
