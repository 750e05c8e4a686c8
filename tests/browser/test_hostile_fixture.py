"""The adversarial fixture `script-everywhere` (Tests/FrontDoorKitTests/Fixtures/hostile/, laid
over the valid example tree as the Swift test does), built and opened in headless Chromium
without a Content Security Policy: no payload runs on any page that shows the profile, and
the link that survives is the safe one.
"""
import shutil

import pytest
from selenium.webdriver.common.by import By

from conftest import ROOT, SiteServer, base_path_of, build_site

FIXTURES = ROOT / "Tests" / "FrontDoorKitTests" / "Fixtures"
PAGES = ["companies/example-xss/", "companies/", "", "areas/womens-health/", "search/?q=example+xss", "sitemap.xml",
         "feed.xml"]


@pytest.fixture(scope="module")
def xss_server(scratch):
    content = scratch / "script-everywhere" / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(FIXTURES / "diagnostics" / "valid" / "content", content)
    shutil.copytree(FIXTURES / "hostile" / "script-everywhere" / "content", content, dirs_exist_ok=True)
    site = build_site(content, scratch / "script-everywhere" / "site")
    running = SiteServer(site, base_path_of(site), None)
    yield running
    running.close()


@pytest.mark.parametrize("page", PAGES)
def test_no_payload_runs(driver, xss_server, page):
    driver.get(xss_server.url(page))
    if page.startswith("search/"):
        driver.implicitly_wait(5)
        driver.find_elements(By.CSS_SELECTOR, "[data-search-results] li")
    # Hover and focus everything, so handlers that wait for a reader would fire too.
    driver.execute_script("document.querySelectorAll('*').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })")
    assert driver.execute_script("return typeof window.__xss") == "undefined", driver.execute_script("return window.__xss")
    if page.endswith(".xml"):
        return
    assert driver.find_elements(By.CSS_SELECTOR, "iframe, object, embed, svg") == []
    scripts = driver.find_elements(By.TAG_NAME, "script")
    assert all("/static/" in (s.get_attribute("src") or "") or s.get_attribute("type") == "application/ld+json" for s in scripts), \
        [s.get_attribute("outerHTML") for s in scripts]
    assert driver.execute_script(
        "return [...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))") is False
    hrefs = driver.execute_script("return [...document.querySelectorAll('a[href], img[src]')].map(e => e.href || e.src)")
    assert all(h.split(":", 1)[0] in {"http", "https", "mailto"} for h in hrefs if h), [h for h in hrefs if not h.startswith("http")]


def test_the_profile_shows_the_payloads_as_text(driver, xss_server):
    driver.get(xss_server.url("companies/example-xss/"))
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "<script>window.__xss='title'</script> {{site.title}} Example XSS" in text
    assert "<svg onload=window.__xss='tag'>" in text
    links = {a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a")}
    assert links.get("ok") == "https://example.org/ok"
    for removed in ["click", "data", "vb"]:
        assert not (links.get(removed) or "").split(":", 1)[0] in {"javascript", "data", "vbscript"}, links
