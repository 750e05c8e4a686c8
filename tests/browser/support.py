"""Helpers shared by the browser tests: waiting for the search page and reading it."""
import json
import re
import urllib.parse

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15
LOADING = "Loading search…"


def wait(driver, condition, message="", timeout=TIMEOUT):
    def safe(d):
        try:
            return condition(d)
        except StaleElementReferenceException:
            return False
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(safe, message)


def status_text(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text.strip()


def wait_ready(driver):
    """Waits until the engine has loaded and the page shows its first answer."""
    wait(driver, lambda d: status_text(d) not in ("", LOADING),
         "the search page never finished loading its index")


def wait_status(driver, pattern: str):
    regex = re.compile(pattern)
    wait(driver, lambda d: regex.search(status_text(d)),
         f"the status never matched {pattern!r}")
    return status_text(driver)


def query_params(driver) -> dict:
    """The address's parameters: a value, or a list of values in order when repeated."""
    query = urllib.parse.urlsplit(driver.current_url).query
    return {key: values[0] if len(values) == 1 else values
            for key, values in urllib.parse.parse_qs(query).items()}


def wait_params(driver, expected: dict):
    wait(driver, lambda d: query_params(d) == expected,
         f"the address never had exactly {expected}")


def result_slugs(driver) -> list:
    return [item.get_attribute("data-slug")
            for item in driver.find_elements(By.CSS_SELECTOR, "[data-search-results] > li")]


def result_items(driver):
    return driver.find_elements(By.CSS_SELECTOR, "[data-search-results] > li")


def checked_values(driver, facet: str) -> list:
    """The values of a filter's ticked checkboxes, in page order."""
    return [box.get_attribute("value")
            for box in driver.find_elements(By.CSS_SELECTOR, f'input[type="checkbox"][name="{facet}"]:checked')]


def filter_choice(driver, facet: str, value: str):
    """The clickable label of one filter option."""
    for label in driver.find_elements(By.CSS_SELECTOR, f'[data-facet="{facet}"] .filter__choice'):
        radio = label.find_element(By.CSS_SELECTOR, "input")
        if radio.get_attribute("value") == value:
            return label
    raise AssertionError(f"no {facet} filter option {value!r}")


def console_problems(driver) -> list:
    """Browser console entries at WARNING or above (reading them empties the buffer). The
    browser's own request for /favicon.ico is left out: the site ships no favicon."""
    return [entry for entry in driver.get_log("browser")
            if entry.get("level") in ("SEVERE", "WARNING")
            and not (entry.get("source") == "network" and "/favicon.ico " in entry.get("message", ""))]


def assert_no_console_errors(driver):
    problems = console_problems(driver)
    assert not problems, "console errors or warnings:\n" + json.dumps(problems, indent=1)


ENGINE_SEARCH = """
const [base, query, options, done] = arguments;
FrontDoorSearch.load(base)
  .then(engine => engine.search(query, options))
  .then(response => done({ok: true, response: response}),
        error => done({ok: false, error: String(error && error.stack || error)}));
"""


def engine_search(driver, base_path: str, query: str, **options):
    """Runs the page's engine directly (the page must have loaded search-core.js)."""
    answer = driver.execute_async_script(ENGINE_SEARCH, base_path, query, options)
    assert answer["ok"], f"engine.search({query!r}) failed: {answer['error']}"
    return answer["response"]
