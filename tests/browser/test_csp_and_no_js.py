"""The site under the strict Content-Security-Policy the README gives (the test server sends
it, conftest.STRICT_CSP): search and match work and the browser reports no violation; and with
JavaScript off, a reader can browse home -> list -> profile -> area."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import console_problems, wait, wait_ready, wait_status

# Records every CSP violation the page reports. Added through the DevTools protocol, which
# the page's policy does not govern, before any of the page's own scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
                              ' at ' + event.sourceFile + ':' + event.lineNumber);
});
"""

PAGES = ["", "companies/", "companies/example-nari-health/", "partnerships/abhi-bhp-mou/",
         "areas/womens-health/", "match/", "404.html"]


def csp_violations(driver) -> list:
    recorded = driver.execute_script("return window.__cspViolations || []")
    logged = [entry["message"] for entry in console_problems(driver)
              if "Content Security Policy" in entry.get("message", "") or "Refused to" in entry.get("message", "")]
    return recorded + logged


def test_server_sends_the_policy(server):
    import urllib.request
    with urllib.request.urlopen(server.url("")) as response:
        policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy


def test_pages_search_and_match_run_under_the_strict_policy(driver, server):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})
    for path in PAGES:
        driver.get(server.url(path))
        assert driver.find_element(By.TAG_NAME, "h1").text.strip()
        # The stylesheet applied: the skip link sits off screen until focused.
        assert driver.find_element(By.CSS_SELECTOR, ".skip-link").location["x"] < 0, f"{path}: style.css not applied"
        assert csp_violations(driver) == [], f"{path}: CSP violations"

    driver.get(server.url("search/"))
    wait_ready(driver)
    box = driver.find_element(By.CSS_SELECTOR, 'input[type="search"][name="q"]')
    box.send_keys("menopause")
    wait_status(driver, r"^\d+ results? for menopause$")
    box.send_keys(Keys.ENTER)
    assert driver.find_elements(By.CSS_SELECTOR, "[data-search-results] > li")
    assert csp_violations(driver) == [], "search: CSP violations"

    driver.get(server.url("match/virtual-wards/"))
    first = driver.find_element(By.CSS_SELECTOR, "[data-capability]:not([data-capability=''])")
    first.click()
    wait(driver, lambda d: first.get_attribute("aria-current") == "page", "the capability choice did not apply")
    assert csp_violations(driver) == [], "match: CSP violations"


def follow(driver, selector: str) -> str:
    """Clicks the first link matching selector and waits for the next page; returns its h1."""
    link = driver.find_element(By.CSS_SELECTOR, selector)
    href = link.get_attribute("href")
    link.click()
    wait(driver, lambda d: d.current_url == href, f"did not reach {href}")
    return driver.find_element(By.TAG_NAME, "h1").text.strip()


def test_browsing_works_without_javascript(driver_without_js, server):
    driver = driver_without_js
    driver.get(server.url(""))
    assert follow(driver, ".nav__link[href$='/companies/']") == "Companies"
    title = driver.find_element(By.CSS_SELECTOR, ".card-list .card__link").text.strip()
    assert follow(driver, ".card-list .card__link") == title
    area = driver.find_element(By.CSS_SELECTOR, "main .tag-list .tag").text.strip()
    assert follow(driver, "main .tag-list .tag") == area
    assert driver.find_elements(By.CSS_SELECTOR, "main .card-list .card"), "the area page lists nobody"
    # Back home through the breadcrumbs, then the match grid and a prebuilt capability page.
    follow(driver, ".breadcrumbs__link")
    assert follow(driver, ".nav__link[href$='/match/']") == "Find partners"
    follow(driver, ".coverage tbody td a[href*='/match/']")
    follow(driver, ".match-filter__choice[data-capability]:not([aria-current])")
    assert driver.find_elements(By.CSS_SELECTOR, "[data-match-partners] > li")
