"""Hostile content: markup in titles, summaries, tags and labels is shown as text, never run."""
import pytest
from selenium.webdriver.common.by import By

from support import result_items, wait, wait_status

QUERIES = ["zanzibar", "script", "img onerror", "menopause", "example"]


@pytest.mark.parametrize("query", QUERIES)
def test_hostile_content_is_text(driver, hostile_server, query):
    driver.get(hostile_server.url("search/"))
    box = driver.find_element(By.CSS_SELECTOR, 'input[type="search"][name="q"]')
    box.send_keys(query)
    wait_status(driver, rf"^\d+ results? for {query}")
    items = result_items(driver)
    assert items, f"the hostile site should have results for {query!r}"
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    # Nothing from the content became an element, in the results or anywhere on the page.
    results = driver.find_element(By.CSS_SELECTOR, "[data-search-results]")
    assert results.find_elements(By.CSS_SELECTOR, "img, script, iframe, object, svg, style") == []
    assert driver.find_elements(By.CSS_SELECTOR, "img") == []
    scripts = driver.find_elements(By.TAG_NAME, "script")
    assert all("/static/" in (s.get_attribute("src") or "") for s in scripts), \
        [s.get_attribute("outerHTML") for s in scripts]
    assert driver.execute_script(
        "return [...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))"
    ) is False
    if query == "zanzibar":
        # The payloads are there, as text.
        text = results.text
        assert "<script>window.__xss=1</script>" in text or "</script>" in text
        assert '"><img src=x onerror="window.__xss=1">' in text
    # Filter labels from site.yml (capabilities) are text too.
    assert driver.execute_script("return document.querySelectorAll('.filter img').length") == 0
    assert driver.execute_script("return typeof window.__xss") == "undefined"
