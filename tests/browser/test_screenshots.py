"""Screenshots of the home, search, profile and match pages at 375 px (a phone) and 1280 px (a
desktop), light and dark, and of a profile as printed, saved under .build/screenshots/ for people
to look at (docs/screenshots/ holds the copies the README shows). The test checks only that the
page fits the width: no sideways scrolling at 375 px, which WCAG 1.4.10 Reflow asks for at 320."""
import base64
import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import ROOT
from support import wait_ready, wait_status

OUTPUT = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", ROOT / ".build" / "screenshots"))

PAGES = {
    "home": "",
    "search": "search/?q=menopause&type=company&type=network",
    "profile": "companies/example-nari-health/",
    "match": "match/",
}
WIDTHS = [375, 1280]


def emulate(driver, scheme, media=""):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def full_page_png(driver, width: int, path: Path):
    """The whole page at one width, through DevTools (WebDriver shows only the viewport)."""
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(height, 8000), "deviceScaleFactor": 1, "mobile": width < 600})
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    path.write_bytes(base64.b64decode(shot["data"]))


def load(driver, server, name, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.get(server.url(PAGES[name]))
    if name == "search":
        wait_ready(driver)
        wait_status(driver, r"results? for menopause")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(shared_driver, server, name, width, scheme):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    emulate(shared_driver, scheme)
    try:
        load(shared_driver, server, name, width)
        overflow = shared_driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        full_page_png(shared_driver, width, OUTPUT / f"{name}-{width}{'-dark' if scheme == 'dark' else ''}.png")
        assert overflow <= 0, f"the {name} page scrolls sideways by {overflow} px at {width} px wide"
    finally:
        shared_driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        emulate(shared_driver, "light")


def test_print_stylesheet(shared_driver, server):
    """As printed: no header, navigation or footer, black text on white, links' addresses shown."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    emulate(shared_driver, "light", media="print")
    try:
        load(shared_driver, server, "profile", 1280)
        for selector in (".header", ".nav", ".footer", ".breadcrumbs"):
            for element in shared_driver.find_elements(By.CSS_SELECTOR, selector):
                assert not element.is_displayed(), f"{selector} is printed"
        colour = shared_driver.execute_script("return getComputedStyle(document.body).color")
        assert colour in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 1)"), colour
        full_page_png(shared_driver, 800, OUTPUT / "profile-print.png")
    finally:
        shared_driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        emulate(shared_driver, "light")
