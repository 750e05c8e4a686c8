"""The search page in a real browser: search as you type, filters, history, reload, console."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import (assert_no_console_errors, checked_values, filter_choice, query_params, result_items,
                     result_slugs, status_text, wait, wait_params, wait_ready, wait_status)


def search_input(driver):
    return driver.find_element(By.CSS_SELECTOR, 'input[type="search"][name="q"]')


def type_query(driver, text):
    box = search_input(driver)
    box.clear()
    box.send_keys(text)


def visible_choices(driver, facet):
    """(value, label, count) of the visible options of one filter."""
    found = []
    for label in driver.find_elements(By.CSS_SELECTOR, f'[data-facet="{facet}"] .filter__choice'):
        value = label.find_element(By.CSS_SELECTOR, "input").get_attribute("value")
        if value and label.is_displayed():
            text = label.find_element(By.CSS_SELECTOR, "[data-choice-label]").text
            count = int(re.search(r"\((\d+)\)", label.text).group(1))
            found.append((value, text, count))
    return found


def test_page_is_labelled_and_announces(driver, server):
    driver.get(server.url("search/"))
    wait_ready(driver)
    box = search_input(driver)
    assert box.get_attribute("type") == "search"
    label = driver.find_element(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"]')
    assert label.is_displayed() and label.text.strip()
    status = driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    # The no-JavaScript browsing is hidden once the script runs.
    assert not driver.find_element(By.CSS_SELECTOR, "[data-search-fallback]").is_displayed()
    assert_no_console_errors(driver)


def test_search_as_you_type(driver, server):
    driver.get(server.url("search/"))
    wait_ready(driver)
    entries = driver.execute_script("return history.length")
    type_query(driver, "menopause")
    text = wait_status(driver, r"^\d+ results? for menopause$")
    count = int(text.split()[0])
    items = result_items(driver)
    assert items and len(items) == min(count, 50)
    wait_params(driver, {"q": "menopause"})
    # Typing replaces the history entry rather than adding one per keystroke.
    assert driver.execute_script("return history.length") == entries
    first = items[0]
    assert first.find_element(By.CSS_SELECTOR, ".search-result__type").text.strip()
    link = first.find_element(By.CSS_SELECTOR, "h2 a")
    assert link.text.strip() and link.get_attribute("href").startswith(server.base)
    assert first.find_elements(By.CSS_SELECTOR, ".search-result__summary")
    marks = driver.find_elements(By.CSS_SELECTOR, "[data-search-results] mark")
    assert marks, "no matched word is highlighted"
    assert all(mark.text.strip() for mark in marks)
    # Area tags link to area pages.
    tags = driver.find_elements(By.CSS_SELECTOR, "[data-search-results] .tag-list a")
    assert tags and all("/areas/" in tag.get_attribute("href") for tag in tags)
    # A result link leads to a real page.
    href = link.get_attribute("href")
    link.click()
    wait(driver, lambda d: d.current_url == href)
    assert driver.find_element(By.TAG_NAME, "h1").text.strip()
    assert "Page not found" not in driver.title
    assert_no_console_errors(driver)


def test_enter_and_no_results(driver, server):
    driver.get(server.url("search/"))
    wait_ready(driver)
    box = search_input(driver)
    box.send_keys("qqqxxyyzzq", Keys.ENTER)
    wait_status(driver, r"^No results for qqqxxyyzzq$")
    assert result_slugs(driver) == []
    wait_params(driver, {"q": "qqqxxyyzzq"})
    assert_no_console_errors(driver)


def test_filter_back_forward_reload(driver, server):
    driver.get(server.url("search/?q=clinical+trials"))
    wait_status(driver, r"^\d+ results? for clinical trials$")
    assert search_input(driver).get_attribute("value") == "clinical trials"
    before = result_slugs(driver)
    before_status = status_text(driver)
    assert len(before) > 1

    # Pick a type that keeps some results but not all, so both results and address change.
    choices = [c for c in visible_choices(driver, "type") if 0 < c[2] < len(before)]
    assert choices, f"no type filter narrows {before_status!r}: {visible_choices(driver, 'type')}"
    value, label, count = choices[0]
    filter_choice(driver, "type", value).click()
    wait_params(driver, {"q": "clinical trials", "type": value})
    wait(driver, lambda d: result_slugs(d) != before and len(result_slugs(d)) == count,
         "the results did not change to the filtered ones")
    filtered = result_slugs(driver)
    assert all(item.find_element(By.CSS_SELECTOR, ".search-result__type").text.strip() == label
               for item in result_items(driver))
    assert status_text(driver).startswith(f"{count} result")
    assert label in status_text(driver)
    # The selected filter is listed (MoJ pattern) with a way to remove it.
    selected = driver.find_element(By.CSS_SELECTOR, "[data-search-selected]")
    assert selected.is_displayed() and label in selected.text

    # Back restores the unfiltered search.
    driver.back()
    wait_params(driver, {"q": "clinical trials"})
    wait(driver, lambda d: result_slugs(d) == before, "back did not restore the results")
    assert checked_values(driver, "type") == []
    assert search_input(driver).get_attribute("value") == "clinical trials"
    assert status_text(driver) == before_status

    # Forward applies the filter again.
    driver.forward()
    wait_params(driver, {"q": "clinical trials", "type": value})
    wait(driver, lambda d: result_slugs(d) == filtered, "forward did not restore the filter")
    assert checked_values(driver, "type") == [value]

    # Reload keeps the state.
    driver.refresh()
    wait_ready(driver)
    wait(driver, lambda d: result_slugs(d) == filtered, "reload lost the filtered results")
    assert checked_values(driver, "type") == [value]
    assert search_input(driver).get_attribute("value") == "clinical trials"
    assert query_params(driver) == {"q": "clinical trials", "type": value}

    # Removing the filter from the selected list goes back to all results.
    driver.find_element(By.CSS_SELECTOR, "[data-search-selected-list] a").click()
    wait_params(driver, {"q": "clinical trials"})
    wait(driver, lambda d: result_slugs(d) == before, "removing the filter did not restore the results")
    assert_no_console_errors(driver)


def test_every_facet_filters(driver, server):
    """Each of the four filters narrows the results and is kept in the address."""
    driver.get(server.url("search/?q=health"))
    wait_status(driver, r"^\d+ results? for health$")
    total = len(result_slugs(driver))
    for facet in ("type", "area", "region", "capability"):
        choices = visible_choices(driver, facet)
        assert choices, f"the {facet} filter offers nothing for 'health'"
        value, label, count = choices[0]
        filter_choice(driver, facet, value).click()
        wait_params(driver, {"q": "health", facet: value})
        wait(driver, lambda d: len(result_slugs(d)) == min(count, 50),
             f"{facet}={value} should leave {count} results")
        assert count <= total
        # Back to the unfiltered search before the next facet.
        driver.back()
        wait_params(driver, {"q": "health"})
        wait(driver, lambda d: len(result_slugs(d)) == total)
    assert_no_console_errors(driver)


def test_typing_after_filter_keeps_filter(driver, server):
    driver.get(server.url("search/?q=clinical+trials"))
    wait_status(driver, r"^\d+ results? for clinical trials$")
    value, _, _ = visible_choices(driver, "type")[0]
    filter_choice(driver, "type", value).click()
    wait_params(driver, {"q": "clinical trials", "type": value})
    type_query(driver, "evaluation")
    wait_params(driver, {"q": "evaluation", "type": value})
    wait_status(driver, r"^(\d+ results?|No results) for evaluation")
    assert_no_console_errors(driver)


def test_home_search_box(driver, server):
    driver.get(server.url(""))
    box = driver.find_element(By.CSS_SELECTOR, 'form[role="search"] input[name="q"]')
    label = driver.find_element(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"]')
    assert label.is_displayed() and label.text.strip(), "the home search box needs a visible label"
    box.send_keys("virtual ward", Keys.ENTER)
    wait(driver, lambda d: d.current_url.split("?")[0] == server.url("search/"))
    assert query_params(driver) == {"q": "virtual ward"}
    wait_status(driver, r"^\d+ results? for virtual ward$")
    assert result_slugs(driver)
    assert search_input(driver).get_attribute("value") == "virtual ward"
    assert_no_console_errors(driver)


def test_without_javascript_offers_browsing(driver_without_js, server):
    driver = driver_without_js
    driver.get(server.url("search/?q=menopause"))
    fallback = driver.find_element(By.CSS_SELECTOR, "[data-search-fallback]")
    assert fallback.is_displayed()
    assert "Search needs JavaScript" in fallback.text
    assert not driver.find_element(By.CSS_SELECTOR, "[data-search]").is_displayed()
    type_links = driver.find_elements(By.CSS_SELECTOR, '[data-browse="types"] a')
    area_links = driver.find_elements(By.CSS_SELECTOR, '[data-browse="areas"] a')
    assert {link.text for link in type_links} >= {"Companies", "NHS trusts", "Institutions", "Networks"}
    assert len(area_links) >= 5 and all(link.is_displayed() for link in area_links)
    assert all(link.get_attribute("href").startswith(server.url("areas/")) for link in area_links)
    # The links work.
    href = area_links[0].get_attribute("href")
    area_links[0].click()
    wait(driver, lambda d: d.current_url == href)
    assert "Page not found" not in driver.title
    assert driver.find_elements(By.CSS_SELECTOR, ".card-list .card")
    # And the home page's search box still leads to the search page, which explains itself.
    driver.get(server.url(""))
    driver.find_element(By.CSS_SELECTOR, 'form[role="search"] input[name="q"]').send_keys("copd", Keys.ENTER)
    wait(driver, lambda d: "search/" in d.current_url)
    assert "Search needs JavaScript" in driver.find_element(By.CSS_SELECTOR, "[data-search-fallback]").text


def test_sub_path_site(driver, hostile_server):
    """A site under /frontdoor/ loads its index and links under the base path. The hostile site is
    built from the spec's example tree (or the repository's copy), whose base_url ends in /frontdoor/."""
    assert hostile_server.prefix == "/frontdoor/"
    driver.get(hostile_server.url("search/?q=menopause"))
    wait_status(driver, r"^\d+ results? for menopause$")
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "[data-search-results] a")]
    assert hrefs and all(href.startswith(hostile_server.origin + "/frontdoor/") for href in hrefs)


def test_browse_by_filter_without_words(driver, server):
    """Before any words, every filter option is offered; choosing one lists what has it."""
    driver.get(server.url("search/"))
    wait_status(driver, r"^Type a word")
    companies = filter_choice(driver, "type", "company")
    assert companies.is_displayed()
    companies.click()
    wait_params(driver, {"type": "company"})
    text = wait_status(driver, r"^\d+ results? \(Company\)$")
    count = int(text.split()[0])
    assert count == len(result_slugs(driver)) > 0
    assert all(item.find_element(By.CSS_SELECTOR, ".search-result__type").text == "Company"
               for item in result_items(driver))
    assert_no_console_errors(driver)


def test_narrow_screen_folds_filters(driver, server):
    driver.set_window_size(400, 900)
    driver.get(server.url("search/?q=health"))
    wait_status(driver, r"^\d+ results? for health$")
    toggle = driver.find_element(By.CSS_SELECTOR, "[data-filter-toggle]")
    assert toggle.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    assert not filter_choice(driver, "type", "company").is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    choice = filter_choice(driver, "type", "company")
    assert choice.is_displayed()
    choice.click()
    wait_params(driver, {"q": "health", "type": "company"})
    assert_no_console_errors(driver)


def selected_tags(driver) -> dict:
    """The selected-filter tags, grouped under their filter's heading: {heading: [tag text]}."""
    groups = {}
    panel = driver.find_element(By.CSS_SELECTOR, "[data-search-selected-list]")
    heading = None
    for element in panel.find_elements(By.CSS_SELECTOR, "h4, .filter__tag"):
        if element.tag_name == "h4":
            heading = element.text.strip()
            groups[heading] = []
        else:
            groups[heading].append(element.text.strip())
    return groups


def test_filters_are_checkboxes_with_counts_in_their_labels(driver, server):
    """MoJ filter pattern: a fieldset with a legend per filter, checkboxes, each option's
    label naming its count, e.g. "Company (12)", so screen readers read it with the option."""
    driver.get(server.url("search/?q=health"))
    wait_status(driver, r"^\d+ results? for health$")
    for facet in ("type", "area", "region", "capability"):
        group = driver.find_element(By.CSS_SELECTOR, f'fieldset[data-facet="{facet}"]')
        assert group.find_element(By.CSS_SELECTOR, "legend").text.strip()
        assert not group.find_elements(By.CSS_SELECTOR, 'input[type="radio"]')
        boxes = group.find_elements(By.CSS_SELECTOR, f'input[type="checkbox"][name="{facet}"]')
        assert boxes, f"the {facet} filter has no checkboxes"
    for value, label, count in visible_choices(driver, "type"):
        box = filter_choice(driver, "type", value).find_element(By.CSS_SELECTOR, "input")
        assert box.accessible_name == f"{label} ({count})"
    assert_no_console_errors(driver)


def test_several_options_combine_with_or_and_filters_with_and(driver, server):
    driver.get(server.url("search/?q=health"))
    wait_status(driver, r"^\d+ results? for health$")
    total = len(result_slugs(driver))
    types = [c for c in visible_choices(driver, "type") if c[2] > 0]
    assert len(types) >= 2, types
    (first, first_label, first_count), (second, second_label, second_count) = types[:2]
    before_counts = visible_choices(driver, "type")

    filter_choice(driver, "type", first).click()
    wait_params(driver, {"q": "health", "type": first})
    wait(driver, lambda d: len(result_slugs(d)) == first_count)
    filter_choice(driver, "type", second).click()
    wait_params(driver, {"q": "health", "type": [first, second]})
    # OR: a result has either type (a profile has one type, so the counts add up).
    wait(driver, lambda d: len(result_slugs(d)) == min(first_count + second_count, 50),
         "two types should give the results of both")
    assert checked_values(driver, "type") == [first, second]
    labels = {item.find_element(By.CSS_SELECTOR, ".search-result__type").text.strip() for item in result_items(driver)}
    assert labels == {first_label, second_label}
    # A type's count is what it has given the other filters: choosing types does not change them.
    assert visible_choices(driver, "type") == before_counts
    wait_status(driver, rf"^{first_count + second_count} results for health \({re.escape(first_label)} or {re.escape(second_label)}\)$")
    tags = selected_tags(driver)
    assert list(tags) == ["Type"] and len(tags["Type"]) == 2
    assert tags["Type"][0].endswith(first_label) and tags["Type"][1].endswith(second_label)

    # AND: an area narrows the two types together, to the area's count.
    areas = [c for c in visible_choices(driver, "area") if 0 < c[2] < first_count + second_count]
    assert areas, visible_choices(driver, "area")
    area, area_label, area_count = areas[0]
    filter_choice(driver, "area", area).click()
    wait_params(driver, {"q": "health", "type": [first, second], "area": area})
    wait(driver, lambda d: len(result_slugs(d)) == area_count)
    assert set(selected_tags(driver)) == {"Type", "Area of expertise"}
    # With the area chosen, the type counts follow it and add up to the results.
    assert sum(c[2] for c in visible_choices(driver, "type") if c[0] in (first, second)) == area_count

    # Removing one tag removes just that option; the address follows.
    tag = next(link for link in driver.find_elements(By.CSS_SELECTOR, "[data-search-selected-list] .filter__tag")
               if link.text.strip().endswith(first_label))
    assert "type=" + second in tag.get_attribute("href") and "type=" + first not in tag.get_attribute("href")
    tag.click()
    wait_params(driver, {"q": "health", "type": second, "area": area})
    assert checked_values(driver, "type") == [second]
    # Focus stays in the tags (the next one) rather than being lost with the removed tag.
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("class") == "filter__tag")

    # Back restores the removed option; reload keeps it all.
    driver.back()
    wait_params(driver, {"q": "health", "type": [first, second], "area": area})
    wait(driver, lambda d: len(result_slugs(d)) == area_count)
    driver.refresh()
    wait_ready(driver)
    wait(driver, lambda d: len(result_slugs(d)) == area_count)
    assert checked_values(driver, "type") == [first, second]
    assert checked_values(driver, "area") == [area]

    # Clear filters keeps the words and drops every filter.
    driver.find_element(By.CSS_SELECTOR, "[data-search-clear]").click()
    wait_params(driver, {"q": "health"})
    wait(driver, lambda d: len(result_slugs(d)) == total)
    assert not driver.find_element(By.CSS_SELECTOR, "[data-search-selected]").is_displayed()
    assert checked_values(driver, "type") == [] and checked_values(driver, "area") == []
    assert_no_console_errors(driver)


def test_shared_address_with_repeated_parameters(driver, server):
    """A shared address with repeated parameters (and a type given as its folder name) opens
    with those options ticked."""
    driver.get(server.url("search/?q=health&type=companies&type=trust"))
    wait_status(driver, r"^\d+ results? for health \((Company or NHS trust|NHS trust or Company)\)$")
    assert sorted(checked_values(driver, "type")) == ["company", "trust"]
    kinds = {item.find_element(By.CSS_SELECTOR, ".search-result__type").text.strip() for item in result_items(driver)}
    assert kinds <= {"Company", "NHS trust"} and kinds
    assert_no_console_errors(driver)
