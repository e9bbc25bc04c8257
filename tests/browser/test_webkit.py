"""WebKit (Safari's engine, and every browser on an iPhone): WebKitGTK's MiniBrowser walks the guide as a reader
does, and fails on any script error or policy violation it records in the page (tests/browser/webkit.py).

Every page; all three widgets; remembering and restoring; "My plan" after a full page load and by instant
navigation; the offline copy; "Forget everything"; the 404 page. WebKitGTK on a 2-core machine is not an
iPhone: this proves the engine runs the guide, not how it feels on a phone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from .conftest import SUB_PATH, build_for
from .existing_site import the_site_after
from .pictures import NODES, PAGE, SCHEMES, check, drawing_site
from .reader import APOLOGY, NO_CONTACT, QUIZ, site_pages
from .site_server import SiteServer
from .webkit import INSTALL, PROBE, PROBE_PATH, WebKit, missing_parts

PLAN = "my-plan/"
READY_S = 120  # WebKit boots Python about twice as slowly as Chromium here; a busy CI machine more so


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """Our guide under its sub-path, every page carrying the probe."""
    with SiteServer(SUB_PATH) as server:
        server.directory = build_for(server.url, tmp_path_factory.mktemp("webkit-site"))
        server.probe = (PROBE_PATH, PROBE)
        yield server


@pytest.fixture(scope="module")
def webkit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebKit]:
    missing = missing_parts()
    if missing:
        pytest.skip(f"WebKitGTK is not installed ({', '.join(missing)} missing): {INSTALL} (./scripts/test does "
                    "this when run as root)")
    browser = WebKit(tmp_path_factory.mktemp("webkit-profile"))
    yield browser
    browser.close()


@contextmanager
def clean(browser: WebKit, step: str) -> Iterator[None]:
    """A step of the walk, after which the page must have recorded no error and no policy violation."""
    yield
    problems = browser.problems()
    assert problems == [], f"{step}: {problems}"


def ready(browser: WebKit) -> None:
    browser.wait("(document.querySelector('[data-gw-result]') || {textContent: ''}).textContent.trim() !== ''",
                 timeout=READY_S, what="the widget's first result")


def typed_date(days_ago: int) -> str:
    """A date as a reader types it into WebKit's date field: in the order it displays (month/day/year)."""
    day = datetime.date.today() - datetime.timedelta(days=days_ago)
    return f"{day.month:02d}/{day.day:02d}/{day.year}"


def test_a_reader_walks_the_guide_in_webkit(webkit: WebKit, served: SiteServer):
    url = served.url
    for path in site_pages(served.directory):
        with clean(webkit, f"reading {path or 'the landing page'}"):
            webkit.open(url + path)
            assert webkit.js("return !!document.querySelector('article h1')"), path
            assert webkit.js("return getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color')")

    with clean(webkit, "the quiz"):
        webkit.open(url + QUIZ)
        ready(webkit)
        # WebKit does not rate connections: it restores the Python made ready at build time (or, if its
        # automation kept one, the snapshot of an earlier page), and never has to start Python itself.
        boot = webkit.js("return document.querySelector('[data-gw-kind]').dataset.gwBoot")
        assert boot in ("prepared", "snapshot"), boot
        webkit.click("label", "Remember my answers on this device")
        for answer in ("They've blocked me.", "Still clearly angry or bitter toward me.",
                       "Yes, they're with someone new.", "Mostly loneliness, or fear of being alone."):
            webkit.click("label", answer)
        webkit.wait_text("[data-gw-result] .gw-band-title", "It is time to step back")
        webkit.wait_text("[data-gw-result]", "Because you said they blocked you.")

    with clean(webkit, "the no-contact calculator, its date typed as WebKit displays it"):
        webkit.open(url + NO_CONTACT)
        ready(webkit)
        webkit.type_into("input[type=date]", typed_date(10))
        webkit.wait_text("[data-gw-result] .gw-headline", "Day 10, with no end date")
        webkit.click("label", "We both agreed on a break that ends on a date")
        webkit.wait_text("[data-gw-result] .gw-headline", "Day 10 of 30")

    with clean(webkit, "the apology checklist"):
        webkit.open(url + APOLOGY)
        ready(webkit)
        webkit.click("label", "Lying")
        webkit.click("label", "Betrayed")
        assert webkit.click_all("input[name=g3]") == 8  # every part of an apology
        webkit.wait_text("[data-gw-result] .gw-headline", "8 of 8 parts in place.")
        webkit.type_into("textarea", "I lied to you, but you made me.")
        webkit.wait_text("[data-gw-result] mark", "but you made me")

    with clean(webkit, "remembered answers after a full reload"):
        webkit.open(url + QUIZ)
        webkit.wait("document.querySelector('input[name=q2]:checked')", timeout=READY_S,
                    what="the remembered first answer")
        assert webkit.js("return document.querySelector('input[name=q2]:checked').labels[0].textContent.trim()") == \
            "They've blocked me."
        webkit.wait_text("[data-gw-result] .gw-band-title", "It is time to step back", timeout=READY_S)

    with clean(webkit, "My plan after a full page load"):
        webkit.open(url + PLAN)
        check_plan(webkit)

    with clean(webkit, "My plan by instant navigation"):
        webkit.open(url + QUIZ)
        ready(webkit)
        webkit.js("window.sameVisit = true")
        webkit.click("a.md-nav__link", "My plan")
        webkit.wait("location.pathname.endsWith('/my-plan/')", what="the plan page")
        assert webkit.js("return window.sameVisit === true"), "the link reloaded the page"
        check_plan(webkit)

    with clean(webkit, "the offline copy"):
        webkit.open(url + "privacy/")
        webkit.click("label", webkit.js("return [...document.querySelectorAll('label')].map((l) => "
                                        "l.textContent.replace(/\\s+/g, ' ').trim()).find((t) => "
                                        "t.startsWith('Keep this guide for offline use'))"))
        webkit.wait_text("[data-gw-device-note]", "This guide is kept on this device for offline use",
                         timeout=READY_S)
        with served.missing(""):  # the host answers nothing but 404 now: pages come from the copy
            webkit.open(url + "understanding-the-damage/")
            assert webkit.text("article h1").startswith("Understanding the damage")
            webkit.open(url + QUIZ)
            ready(webkit)

    with clean(webkit, "forgetting everything"):
        webkit.open(url + "privacy/")
        webkit.click("button", "Forget everything on this device")
        webkit.wait_text("[data-gw-device-note]", "the offline copy of the guide")
        assert webkit.js("return localStorage.length") == 0
        webkit.open(url + QUIZ)
        ready(webkit)
        assert not webkit.js("return document.querySelector('input[name=q2]:checked')"), "an answer survived"

    with clean(webkit, "the 404 page"):
        webkit.open(url + "no-such-page/deeper/")
        assert webkit.text("h1") == "404 - Not found"
        webkit.click("a.md-header__button.md-logo")  # the site's logo leads home, from any depth
        webkit.wait(f"location.href === {url!r}", what="the landing page")

    assert served.count("/assets/pyodide/pyodide.asm.wasm") >= 1  # Python really ran, from this site


def check_plan(webkit: WebKit) -> None:
    """The plan after remembered answers to all three widgets: every entry answered, the quiz with its answers
    and result, no "Nothing answered yet", and the Download and Print buttons shown."""
    webkit.wait("[...document.querySelectorAll('[data-gw-plan-entry] .gw-band-title')]"
                ".some((title) => title.textContent.includes('It is time to step back'))",
                timeout=READY_S, what="the quiz's result on the plan")
    assert webkit.js("return document.querySelector('[data-gw-plan-empty]').hidden"), "the plan says nothing is answered"
    assert not webkit.js("return document.querySelector('[data-gw-plan-actions]').hidden"), "no Download or Print"
    entries = webkit.js("return [...document.querySelectorAll('[data-gw-plan-entry]')].map((e) => ["
                        "e.querySelector('h2').textContent.trim(), !e.hasAttribute('data-gw-unanswered'), "
                        "(e.querySelector('[data-gw-answers]') || {textContent: ''}).textContent])")
    assert [title for title, _, _ in entries] == ["Taking responsibility", "The no-contact rule",
                                                  "Knowing when to walk away"]
    assert all(answered for _, answered, _ in entries), entries
    assert "They've blocked me." in entries[2][2]


def test_the_watch_in_webkit_sees_an_error_and_a_policy_violation(webkit: WebKit, served: SiteServer):
    """The walk above can fail: what the probe records is what a page did wrong."""
    webkit.open(served.url + "understanding-the-damage/")
    assert webkit.problems() == []
    webkit.js("setTimeout(() => { throw new Error('a script broke'); });"
              "const inline = document.createElement('script'); inline.textContent = 'window.ran = 1';"
              "document.head.append(inline);")
    webkit.until(lambda: len(webkit.js("return window.__probe")) >= 2, what="the probe's two records")
    found = webkit.problems()
    assert any("a script broke" in problem for problem in found), found
    assert any(problem.startswith("policy violation: script-src") for problem in found), found
    assert webkit.js("return window.ran") is None  # the policy held


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The handbook of manual/docs/existing-site.md, its steps applied, built for its address."""
    project = the_site_after(tmp_path_factory.mktemp("handbook") / "handbook")
    with SiteServer("/handbook/") as server:
        server.directory = build_for(server.url, project / "site", project)
        server.probe = (PROBE_PATH, PROBE)
        yield server


def test_an_existing_site_with_widgets_works_in_webkit(webkit: WebKit, handbook: SiteServer):
    """The existing-site page's result in WebKit: a page without widgets as it was, the author's own kind,
    the quiz with links to other pages, and the policy on the pages with widgets only."""
    with clean(webkit, "a page without widgets"):
        webkit.open(handbook.url + "glossary/")
        assert webkit.text("article h1").startswith("Glossary")
        assert not webkit.js("return !!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')")
    with clean(webkit, "the author's own kind"):
        webkit.open(handbook.url + "debt/")
        ready(webkit)
        assert webkit.js("return !!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')")
        webkit.type_into("input[name=balance]", "1200")
        webkit.type_into("input[name=payment]", "100")
        webkit.wait_text("[data-gw-result] .gw-headline", "Paid off in 14 months", timeout=READY_S)
    with clean(webkit, "the quiz, and a link to another page's heading"):
        webkit.open(handbook.url + "borrowing/")
        ready(webkit)
        webkit.click("label", "Probably not")
        webkit.click("label", "No")
        webkit.wait_text("[data-gw-result] .gw-band-title", "Wait")
        assert webkit.js("return document.querySelector('[data-gw-result] a[href$=\"glossary/#apr\"]') !== null")


@pytest.fixture(scope="module")
def drawing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    with drawing_site(tmp_path_factory.mktemp("webkit-pictures")) as server:
        yield server


def test_webkit_draws_each_picture_as_its_reviewed_reference(webkit: WebKit, drawing: SiteServer,
                                                             request: pytest.FixtureRequest):
    import io

    from PIL import Image

    shots = {}
    for scheme in SCHEMES:
        webkit.open(f"{drawing.url}{PAGE}?scheme={scheme}")
        webkit.wait("document.documentElement.dataset.drawn === 'yes'", what="the pictures")
        # WebKitGTK's driver gives an element's picture black under Xvfb: the window's, cut to the element.
        window = Image.open(io.BytesIO(webkit.driver.get_screenshot_as_png()))
        ratio = window.width / webkit.js("return window.innerWidth")
        for name in NODES:
            box = webkit.js("const r = document.querySelector(arguments[0]).getBoundingClientRect(); "
                            "return [r.left, r.top, r.right, r.bottom];", f'[data-shot="{name}"] > *')
            cut = window.crop(tuple(round(edge * ratio) for edge in box))
            buffer = io.BytesIO()
            cut.save(buffer, format="PNG")
            shots[(scheme, name)] = buffer.getvalue()
    assert check("webkit", shots, request.config.getoption("--update-golden")) == []
