"""The login sketch as readers see it: sharp and whole at phone width, in the text colour."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SKETCH = "figure.screen-sketch[data-screen=login] svg"


def test_sketch_fits_a_phone_screen_and_keeps_its_shape(browser: Browser, site_url: str):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        tab = context.new_page()
        tab.goto(site_url + "log-in/steps/", wait_until="load")
        box = tab.locator(SKETCH).bounding_box()
        width, height = (int(v) for v in tab.locator(SKETCH).get_attribute("viewBox").split()[2:])
    finally:
        context.close()
    assert box["x"] > 0 and box["x"] + box["width"] <= 360
    assert box["height"] / box["width"] == pytest.approx(height / width, rel=0.02)


def test_sketch_is_drawn_in_the_page_text_colour_in_the_dark_palette(
    browser: Browser, site_url: str
):
    context = browser.new_context(color_scheme="dark")
    try:
        tab = context.new_page()
        tab.goto(site_url + "log-in/steps/", wait_until="load")
        colours = tab.evaluate(
            """(sel) => [getComputedStyle(document.querySelector(sel)).color,
                         getComputedStyle(document.querySelector('.md-typeset p')).color]""",
            SKETCH,
        )
    finally:
        context.close()
    assert colours[0] == colours[1]
