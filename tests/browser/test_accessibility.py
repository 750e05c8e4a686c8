"""Accessibility in a real browser: axe-core over one page of every kind, in light and dark
colour schemes (no violations of WCAG 2.0, 2.1 and 2.2 A and AA rules or of Deque's best
practices); the contrast of every heat-map shade, which axe cannot judge; reflow at 320 px;
and the skip link."""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe_audit import axe_violations, describe
from support import wait, wait_ready, wait_status

# One page of every kind the build writes, by path under the site's base.
PAGES = {
    "home": "",
    "institutions list": "institutions/",
    "trusts list": "trusts/",
    "networks list": "networks/",
    "companies list": "companies/",
    "partnerships list": "partnerships/",
    "areas list": "areas/",
    "institution": "institutions/university-of-birmingham/",
    "trust": "trusts/university-hospitals-birmingham/",
    "network": "networks/birmingham-health-partners/",
    "company": "companies/example-nari-health/",
    "partnership": "partnerships/abhi-bhp-mou/",
    "area": "areas/womens-health/",
    "match": "match/",
    "match area": "match/virtual-wards/",
    "match area and capability": "match/virtual-wards/evaluation/",
    "not found": "404.html",
}

SCHEMES = ["light", "dark"]


def emulate(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def assert_accessible(driver, name):
    violations = axe_violations(driver)
    assert not violations, f"axe found {len(violations)} violated rule(s) on the {name} page:\n" + describe(violations)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_axe_violations(shared_driver, server, name, scheme):
    emulate(shared_driver, scheme)
    shared_driver.get(server.url(PAGES[name]))
    wait(shared_driver, lambda d: d.find_element(By.TAG_NAME, "h1").text.strip(), "the page has no h1")
    assert_accessible(shared_driver, f"{name} ({scheme})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_later_pages_of_long_lists_have_no_axe_violations(shared_driver, large_server, large_site_dir, scheme):
    """A type's list and an area's page continue 200 to a page, with previous and next links;
    the bundled directory has no list that long, the generated large site (2,100 profiles) does."""
    areas = sorted(page.parents[2].name for page in (large_site_dir / "areas").glob("*/page/2/index.html"))
    assert areas, "no area of the large site has a second page"
    emulate(shared_driver, scheme)
    for path in ["companies/page/2/", f"areas/{areas[0]}/page/2/"]:
        shared_driver.get(large_server.url(path))
        wait(shared_driver, lambda d: d.find_element(By.CSS_SELECTOR, "nav.pagination a[rel=prev]"), "no link to the previous page")
        assert_accessible(shared_driver, f"{path} ({scheme})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_with_results_has_no_axe_violations(shared_driver, server, scheme):
    emulate(shared_driver, scheme)
    shared_driver.get(server.url("search/?q=menopause&type=company"))
    wait_ready(shared_driver)
    wait_status(shared_driver, r"^\d+ results? for menopause")
    assert_accessible(shared_driver, f"search results ({scheme})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_on_a_phone_has_no_axe_violations(shared_driver, server, scheme):
    """On a narrow screen the filters fold behind a button: that state is checked too."""
    emulate(shared_driver, scheme)
    shared_driver.set_window_size(375, 800)
    try:
        shared_driver.get(server.url("search/?q=virtual+ward"))
        wait_ready(shared_driver)
        assert_accessible(shared_driver, f"search on a phone ({scheme})")
    finally:
        shared_driver.set_window_size(1280, 1000)


# The contrast of every heat-map shade. axe leaves one-digit counts "incomplete" (too short to
# judge), so this measures them itself: a sample row with a linked and a plain count in each
# shade is added to the table, and each count's colour is compared with its cell's background.
CELL_CONTRASTS = """
const tbody = document.querySelector('table.coverage tbody');
const row = document.createElement('tr');
for (let level = 0; level <= 5; level++) {
  for (const linked of [true, false]) {
    const cell = document.createElement('td');
    cell.className = 'coverage__number coverage__cell--' + level;
    const text = linked ? document.createElement('a') : cell;
    if (linked) { text.href = '#'; cell.appendChild(text); }
    text.textContent = String(level);
    row.appendChild(cell);
  }
}
tbody.appendChild(row);
function rgb(value) { return value.match(/[\\d.]+/g).map(Number); }
function luminance(value) {
  const [r, g, b] = rgb(value).map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function background(element) {
  for (let e = element; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (rgb(colour).length === 3 || rgb(colour)[3] === 1) return colour;
  }
  return 'rgb(255, 255, 255)';
}
const found = [];
for (const cell of document.querySelectorAll('table.coverage td.coverage__number')) {
  const text = cell.querySelector('a') || cell;
  const [a, b] = [luminance(getComputedStyle(text).color), luminance(background(cell))];
  found.push({level: cell.className.match(/--(\\d)/)[1], linked: text !== cell, text: cell.textContent,
              ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)});
}
return found;
"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_heat_map_shade_keeps_aa_contrast(shared_driver, server, scheme):
    emulate(shared_driver, scheme)
    shared_driver.get(server.url("match/"))
    cells = shared_driver.execute_script(CELL_CONTRASTS)
    assert {cell["level"] for cell in cells} == {"0", "1", "2", "3", "4", "5"}
    low = [cell for cell in cells if cell["ratio"] < 4.5]
    assert not low, f"counts below 4.5:1 contrast ({scheme}):\n" + "\n".join(
        f"level {c['level']} {'link' if c['linked'] else 'text'} {c['text']!r}: {c['ratio']:.2f}:1" for c in low)


@pytest.mark.parametrize("name", list(PAGES) + ["search"])
def test_page_reflows_at_320_px(shared_driver, server, name):
    """WCAG 1.4.10 Reflow: at 320 CSS px nothing makes the page scroll sideways (the coverage
    table scrolls inside its own focusable region, which is allowed for data tables)."""
    shared_driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        shared_driver.get(server.url(PAGES.get(name, "search/?q=clinical+trials")))
        if name == "search":
            wait_ready(shared_driver)
        overflow = shared_driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the {name} page scrolls sideways by {overflow} px at 320 px wide"
    finally:
        shared_driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_skip_link_is_the_first_tab_stop_and_shows_when_focused(shared_driver, server):
    shared_driver.get(server.url("companies/"))
    ActionChains(shared_driver).send_keys(Keys.TAB).perform()
    focused = shared_driver.switch_to.active_element
    assert "skip-link" in focused.get_attribute("class")
    assert focused.location["x"] >= 0 and focused.is_displayed(), "the focused skip link is off screen"
    highlight = shared_driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", focused)
    assert highlight == "rgb(255, 235, 59)", f"the focused skip link is not highlighted: {highlight}"
    focused.send_keys(Keys.ENTER)
    wait(shared_driver, lambda d: d.current_url.endswith("#main"), "the skip link did not go to the main content")
    # The next tab stop is inside the main content, not back in the header.
    ActionChains(shared_driver).send_keys(Keys.TAB).perform()
    inside = shared_driver.execute_script("return document.querySelector('main').contains(document.activeElement)")
    assert inside, "after the skip link, the next tab stop is not in the main content"
