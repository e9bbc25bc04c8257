"""Pictures of a result in Chromium: each kind's picture says what its words say, appears with them, fits a
320 px screen, grows with the text, shows on the plan, and is drawn as its reviewed reference, light and dark.
(WebKit and Firefox draw the same references: test_webkit.py, test_firefox.py.)"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import watched
from .pictures import NODES, PAGE, SCHEMES, check, drawing_site
from .reader import answer_quiz, open_page, ready
from .site_server import SiteServer

QUIZ = "knowing-when-to-walk-away/"
NO_CONTACT = "the-no-contact-rule/"


@pytest.fixture(scope="module")
def drawing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    with drawing_site(tmp_path_factory.mktemp("pictures-site")) as server:
        yield server


def shots(page: Page, site: SiteServer) -> dict[tuple[str, str], bytes]:
    found = {}
    for scheme in SCHEMES:
        page.goto(f"{site.url}{PAGE}?scheme={scheme}")
        expect(page.locator("html[data-drawn=yes]")).to_have_count(1)
        for name in NODES:
            found[(scheme, name)] = page.locator(f'[data-shot="{name}"] > *').screenshot()
    return found


def test_each_picture_is_drawn_as_its_reviewed_reference_light_and_dark(browser: Browser, drawing: SiteServer,
                                                                        request: pytest.FixtureRequest):
    with watched(browser, drawing.origin, viewport={"width": 480, "height": 900}) as (context, _):
        page = context.new_page()
        drawn = shots(page, drawing)
        # Light and dark are drawn apart: the theme's colours, not fixed ones.
        assert drawn[("default", "days")] != drawn[("slate", "days")]
    assert check("chromium", drawn, request.config.getoption("--update-golden")) == []


def test_a_quiz_result_draws_its_scale_in_the_same_frame_as_its_words(browser: Browser, drawing: SiteServer):
    with watched(browser, drawing.origin) as (context, _):
        page = context.new_page()
        open_page(page, drawing, QUIZ)
        region = ready(page)
        # Every change of the result brings its words and its picture together, never one without the other.
        page.evaluate("""() => {
            window.apart = 0;
            new MutationObserver(() => {
                const result = document.querySelector('[data-gw-result]');
                const words = result.querySelector('.gw-headline');
                if (words && /Based on/.test(words.textContent) && !result.querySelector('svg.gw-scale')) window.apart++;
            }).observe(document.querySelector('[data-gw-result]'), {childList: true, subtree: true});
        }""")
        answer_quiz(page, {2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0})
        scale = region.get_by_role("img", name="Your answers score")
        expect(scale).to_have_count(1)
        expect(scale.locator("rect.gw-mark")).to_have_count(1)  # the score, marked
        expect(scale.locator("rect.gw-chosen")).to_have_count(1)  # the band it is in
        assert page.evaluate("() => window.apart") == 0
        # An answer that settles the result: the band chosen and drawn as settled, no score to mark.
        page.get_by_label("They've blocked me.").check()
        settled = region.get_by_role("img", name="One of your answers settles the result")
        expect(settled.locator("rect.gw-settled")).to_have_count(1)
        expect(settled.locator("rect.gw-mark")).to_have_count(0)


def test_a_picture_fits_a_narrow_screen_and_grows_with_the_text(browser: Browser, drawing: SiteServer):
    with watched(browser, drawing.origin, viewport={"width": 320, "height": 700}) as (context, _):
        page = context.new_page()
        open_page(page, drawing, NO_CONTACT)
        region = ready(page)
        page.get_by_label("We both agreed on a break that ends on a date").check()
        page.get_by_label("Date of your last contact").fill((datetime.date.today()
                                                             - datetime.timedelta(days=12)).isoformat())
        picture = region.get_by_role("img", name="Day 12 of 30")
        expect(picture).to_have_count(1)
        box, area = picture.bounding_box(), region.bounding_box()
        assert box and area and box["x"] >= area["x"] and box["x"] + box["width"] <= area["x"] + area["width"] + 0.5
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        height = box["height"]
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")  # the reader's larger text
        page.wait_for_timeout(100)
        grown = picture.bounding_box()
        assert grown and grown["height"] > height * 1.5  # Material's text grows by 1.6 of what the reader asks


def test_bars_share_one_edge_and_one_scale_whatever_their_names(browser: Browser, drawing: SiteServer):
    with watched(browser, drawing.origin, viewport={"width": 900, "height": 700}) as (context, _):
        page = context.new_page()
        page.goto(f"{drawing.url}{PAGE}")
        expect(page.locator("html[data-drawn=yes]")).to_have_count(1)
        bars = page.evaluate("""async () => {
            const { picture } = await import('./assets/guide-widgets/pictures-src.js');
            const box = document.createElement('div');
            box.className = 'gw-result';
            document.querySelector('.md-typeset').append(box);
            box.append(picture({t: 'bars', label: 'Long run 18, all other runs 22.', digits: 0, items: [
                {name: 'Long run', value: 18}, {name: 'All other runs this week', value: 22}]}, String));
            const figure = box.querySelector('figure').getBoundingClientRect();
            const style = getComputedStyle(box);
            const inside = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return {figure: figure.width, box: inside,
                    rects: [...box.querySelectorAll('rect.gw-bar-fill')].map((rect) => {
                        const drawn = rect.getBoundingClientRect();
                        return [drawn.left, drawn.width];
                    })};
        }""")
    (left_1, width_1), (left_2, width_2) = bars["rects"]
    assert abs(left_1 - left_2) < 1  # one edge, whatever the names' lengths
    assert abs(width_1 / width_2 - 18 / 22) < 0.02  # one scale
    assert bars["figure"] >= bars["box"] - 1  # as wide as the result


def test_the_plan_shows_each_picture_and_its_download_keeps_the_words(browser: Browser, drawing: SiteServer,
                                                                     tmp_path: Path):
    with watched(browser, drawing.origin, accept_downloads=True) as (context, _):
        page = context.new_page()
        open_page(page, drawing, "taking-responsibility/")
        ready(page)
        for box in page.locator("input[name=g3]").all()[:3]:
            box.check()
        page.get_by_role("link", name="My plan").first.click()
        entry = page.locator("[data-gw-plan-entry]").first
        picture = entry.get_by_role("img", name="3 of 8 parts in place.")
        expect(picture).to_have_count(1)
        expect(picture.locator("rect.gw-part-done")).to_have_count(3)
        with page.expect_download() as info:
            page.get_by_role("button", name="Download my plan").click()
        saved = tmp_path / "plan.md"
        info.value.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert "3 of 8 parts in place." in text and "<svg" not in text  # the words, not the drawing


def test_the_comparison_sees_a_picture_drawn_otherwise():
    import io

    from PIL import Image, ImageDraw

    from .pictures import REFERENCES, differs

    reference = REFERENCES / "chromium-default-scale.png"
    moved = Image.open(reference).convert("RGB")
    ImageDraw.Draw(moved).rectangle((0, 0, moved.width // 10, moved.height), fill=(0, 0, 0))  # the first zone gone
    buffer = io.BytesIO()
    moved.save(buffer, format="PNG")
    assert differs(buffer.getvalue(), reference).endswith("of the pixels differ")
    assert differs(reference.read_bytes(), reference) == ""
