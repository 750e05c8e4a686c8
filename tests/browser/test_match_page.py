"""The match pages in a real browser: in-place re-ranking by capability against the prebuilt
pages, history, the no-JavaScript path, the coverage table, and suggestions on company pages."""
import html.parser
import re
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By

from support import assert_no_console_errors, wait

AREA = "virtual-wards"


# -- Reading pages without a browser ------------------------------------------------------

class _PartnerListParser(html.parser.HTMLParser):
    """The prebuilt partner list of a match page: for each item, its first link's href, whether
    its "Offers ..." flag is shown, and its data attributes; and the note above the list."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = []
        self.note = ""
        self._in_list = False
        self._in_note = False
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "data-match-note" in attributes:
            self._in_note = True
        if tag == "ol" and "data-match-partners" in attributes:
            self._in_list = True
            return
        if not self._in_list:
            return
        if tag == "li" and "data-base-order" in attributes:
            self.items.append({"href": None, "flagged": False, "offers": attributes.get("data-offers", ""),
                               "base_score": attributes.get("data-base-score"),
                               "base_order": int(attributes.get("data-base-order"))})
        elif tag == "a" and self.items and self.items[-1]["href"] is None:
            self.items[-1]["href"] = attributes.get("href")
        elif "data-offers-flag" in attributes and self.items:
            self.items[-1]["flagged"] = "hidden" not in attributes

    def handle_endtag(self, tag):
        if tag == "ol" and self._in_list:
            self._in_list = False
        if tag == "p":
            self._in_note = False

    def handle_data(self, data):
        if self._in_note:
            self.note += data


def fetch(server, path_or_url: str) -> str:
    url = path_or_url if path_or_url.startswith("http") else server.url(path_or_url)
    with urllib.request.urlopen(url, timeout=15) as response:
        return response.read().decode("utf-8")


def exists(server, path: str) -> bool:
    try:
        with urllib.request.urlopen(server.origin + path, timeout=15) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


_prebuilt_cache = {}


def prebuilt(server, href: str) -> _PartnerListParser:
    """The prebuilt page at a site-absolute href (as in the page's links), parsed."""
    key = (server.origin, href)  # two sites are served, each on its own port
    if key not in _prebuilt_cache:
        parser = _PartnerListParser()
        parser.feed(fetch(server, server.origin + href))
        assert parser.items, f"{href} has no partner list"
        _prebuilt_cache[key] = parser
    return _prebuilt_cache[key]


# -- Reading the page in the browser ------------------------------------------------------

PAGE_STATE = """
const list = document.querySelector('[data-match-partners]');
const items = Array.from(list.children);
return {
  hrefs: items.map(li => li.querySelector('a').getAttribute('href')),
  flagged: items.filter(li => { const f = li.querySelector('[data-offers-flag]'); return f && getComputedStyle(f).display !== 'none'; })
                .map(li => li.querySelector('a').getAttribute('href')),
  current: Array.from(document.querySelectorAll('[data-match-filter] [data-capability][aria-current]'))
                .map(a => [a.getAttribute('data-capability'), a.getAttribute('aria-current')]),
  note: document.querySelector('[data-match-note]').textContent,
  path: location.pathname,
  marker: window.__frontdoorMatchMarker || null,
};
"""


def page_state(driver) -> dict:
    return driver.execute_script(PAGE_STATE)


def choices(driver) -> list:
    """(capability slug, href attribute, label) of every choice link, in page order ("Any" first)."""
    return [(link.get_attribute("data-capability"), link.get_attribute("href"), link.text.strip())
            for link in driver.find_elements(By.CSS_SELECTOR, "[data-match-filter] [data-capability]")]


def href_path(url: str) -> str:
    return urllib.parse.urlsplit(url).path


def expected_state(server, path: str, slug: str) -> dict:
    page = prebuilt(server, path)
    return {"hrefs": [item["href"] for item in page.items],
            "flagged": [item["href"] for item in page.items if item["flagged"]],
            "current": [[slug, "page"]],
            "note": page.note,
            "path": path}


def assert_matches_prebuilt(driver, server, path: str, slug: str, context: str):
    state = page_state(driver)
    expected = expected_state(server, path, slug)
    for key in ("hrefs", "flagged", "current", "note", "path"):
        assert state[key] == expected[key], f"{context}: {key} is {state[key]!r}, the prebuilt page has {expected[key]!r}"


def ranked_by_rule(base_items, slug: str) -> list:
    """The documented ranking: base score, plus 1.5 for offering the capability; ties in base order."""
    def key(item):
        hit = bool(slug) and slug in item["offers"].split()
        return (-(float(item["base_score"]) + (1.5 if hit else 0)), item["base_order"])
    return [item["href"] for item in sorted(base_items, key=key)]


# -- Choosing a capability with JavaScript -------------------------------------------------

def test_choosing_a_capability_reranks_in_place_like_the_prebuilt_page(driver, server):
    area_path = server.prefix + f"match/{AREA}/"
    driver.get(server.url(f"match/{AREA}/"))
    all_choices = choices(driver)
    assert all_choices[0][0] == "" and len(all_choices) > 2, all_choices
    assert_matches_prebuilt(driver, server, area_path, "", "on load")
    # A marker on the window: it survives only if no page is loaded.
    driver.execute_script("window.__frontdoorMatchMarker = 'kept';")
    entries = driver.execute_script("return history.length")

    # Click each capability in turn, then "Any": each choice ranks as its prebuilt page does.
    order = all_choices[1:] + all_choices[:1]
    visited = [(area_path, "")]
    seen_reorder = False
    for slug, href, label in order:
        path = href_path(href)
        link = driver.find_element(By.CSS_SELECTOR, f'[data-match-filter] [data-capability="{slug}"]')
        link.click()
        wait(driver, lambda d: d.execute_script("return location.pathname") == path,
             f"the address never became {path} after choosing {label!r}")
        assert driver.current_url == server.origin + path
        assert_matches_prebuilt(driver, server, path, slug, f"after choosing {label!r}")
        assert page_state(driver)["marker"] == "kept", f"choosing {label!r} loaded a page instead of re-ranking"
        # The ranking is also the documented rule applied to the page with nothing chosen.
        assert page_state(driver)["hrefs"] == ranked_by_rule(prebuilt(server, area_path).items, slug)
        seen_reorder = seen_reorder or page_state(driver)["hrefs"] != expected_state(server, area_path, "")["hrefs"]
        visited.append((path, slug))
    assert seen_reorder, "no capability changed the order: the test proves nothing on this area"
    assert driver.execute_script("return history.length") == entries + len(order)

    # Back, one step at a time, restores each previous order, choice and address.
    for path, slug in reversed(visited[:-1]):
        driver.back()
        wait(driver, lambda d: d.execute_script("return location.pathname") == path,
             f"back never returned to {path}")
        wait(driver, lambda d: page_state(d)["current"] == [[slug, "page"]],
             f"back to {path}: aria-current never moved to {slug!r}")
        assert driver.current_url == server.origin + path
        assert_matches_prebuilt(driver, server, path, slug, f"back at {path}")
        assert page_state(driver)["marker"] == "kept", f"going back to {path} loaded a page"

    # Forward again re-applies the choice.
    path, slug = visited[1]
    driver.forward()
    wait(driver, lambda d: page_state(d)["path"] == path and page_state(d)["current"] == [[slug, "page"]],
         f"forward never returned to {path}")
    assert_matches_prebuilt(driver, server, path, slug, f"forward at {path}")
    assert_no_console_errors(driver)


def test_a_cut_list_loads_the_prebuilt_page_for_each_choice(driver, long_match_server):
    """A match page lists the best 50 partners; another choice's best may be partners this
    page does not hold, so match.js leaves the links alone and each loads its own page."""
    server = long_match_server
    area_path = server.prefix + f"match/{AREA}/"
    driver.get(server.url(f"match/{AREA}/"))
    assert driver.execute_script("return document.querySelector('[data-match-partners]').hasAttribute('data-match-partial')")
    assert len(page_state(driver)["hrefs"]) == 50
    assert_matches_prebuilt(driver, server, area_path, "", "on load")
    driver.execute_script("window.__frontdoorMatchMarker = 'kept';")
    slug, href, label = next(choice for choice in choices(driver) if choice[0] == "test-bed")
    path = href_path(href)
    base = prebuilt(server, area_path)
    offering = [item for item in prebuilt(server, path).items if "test-bed" in item["offers"].split()]
    assert any(item["href"] not in [b["href"] for b in base.items] for item in offering), \
        "every test-bed partner is already on the area page: the test proves nothing"
    driver.find_element(By.CSS_SELECTOR, '[data-match-filter] [data-capability="test-bed"]').click()
    wait(driver, lambda d: d.execute_script("return location.pathname") == path and page_state(d)["marker"] is None,
         f"choosing {label!r} did not load {path}")
    assert_matches_prebuilt(driver, server, path, slug, f"after choosing {label!r}")
    assert_no_console_errors(driver)


def test_the_pushed_address_reloads_to_the_same_ranking(driver, server):
    driver.get(server.url(f"match/{AREA}/"))
    slug, href, label = next(choice for choice in choices(driver)[1:]
                             if ranked_by_rule(prebuilt(server, server.prefix + f"match/{AREA}/").items, choice[0])
                             != expected_state(server, server.prefix + f"match/{AREA}/", "")["hrefs"])
    driver.find_element(By.CSS_SELECTOR, f'[data-capability="{slug}"]').click()
    wait(driver, lambda d: d.execute_script("return location.pathname") == href_path(href))
    before = page_state(driver)
    driver.refresh()
    after = page_state(driver)
    assert after["marker"] is None  # a real load this time
    for key in ("hrefs", "flagged", "current", "note", "path"):
        assert after[key] == before[key], f"after reloading {href}: {key} {after[key]!r} != {before[key]!r}"
    assert_no_console_errors(driver)


# -- Without JavaScript --------------------------------------------------------------------

def test_without_javascript_the_capability_links_show_the_prebuilt_ranking(driver_without_js, server):
    driver = driver_without_js
    area_path = server.prefix + f"match/{AREA}/"
    driver.get(server.url(f"match/{AREA}/"))
    base = prebuilt(server, area_path).items

    def visible_state():
        items = driver.find_elements(By.CSS_SELECTOR, "[data-match-partners] > li")
        hrefs = [item.find_element(By.CSS_SELECTOR, "a").get_attribute("href") for item in items]
        flagged = [href for item, href in zip(items, hrefs)
                   if item.find_element(By.CSS_SELECTOR, "[data-offers-flag]").is_displayed()]
        current = [link.get_attribute("data-capability") for link in
                   driver.find_elements(By.CSS_SELECTOR, '[data-match-filter] [data-capability][aria-current="page"]')]
        return [href_path(h) for h in hrefs], [href_path(h) for h in flagged], current

    hrefs, flagged, current = visible_state()
    assert hrefs == [item["href"] for item in base] and not flagged and current == [""]

    slugs = [slug for slug, _, _ in choices(driver)][1:]
    for slug in slugs + [""]:
        link = driver.find_element(By.CSS_SELECTOR, f'[data-match-filter] [data-capability="{slug}"]')
        target = link.get_attribute("href")
        link.click()
        wait(driver, lambda d: d.current_url == target, f"following the {slug!r} link never loaded {target}")
        hrefs, flagged, current = visible_state()
        assert current == [slug], f"{target}: aria-current on {current}"
        assert hrefs == ranked_by_rule(base, slug), f"{target} does not rank as documented"
        offering = [item["href"] for item in base if slug and slug in item["offers"].split()]
        assert sorted(flagged) == sorted(offering), f"{target}: flagged {flagged}, offering {offering}"
        # Without JavaScript the flag text comes from the build: it names the capability.
        if slug:
            label = next(label for s, _, label in choices(driver) if s == slug)
            assert driver.find_element(By.CSS_SELECTOR, "[data-match-note]").text == f"Those offering {label} come first."


# -- The coverage table --------------------------------------------------------------------

def _group_counts(area_html: str) -> dict:
    return {label: int(count) for label, count in
            re.findall(r'<h2 class="group-heading">([^<(]+?) \((\d+)\)</h2>', area_html)}


def test_coverage_table_has_headers_and_counts_that_link_to_area_pages(driver, server):
    driver.get(server.url("match/"))
    table = driver.find_element(By.CSS_SELECTOR, "main table")
    caption = table.find_element(By.TAG_NAME, "caption")
    assert caption.text.strip()

    columns = table.find_elements(By.CSS_SELECTOR, 'thead th[scope="col"]')
    column_titles = [th.text.strip() for th in columns]
    assert len(columns) >= 3 and all(column_titles), column_titles
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    areas = sorted(p.parent.name for p in server.directory.glob("areas/*/index.html"))
    assert len(rows) == len(areas)

    counted_links = 0
    for row in rows:
        header = row.find_elements(By.CSS_SELECTOR, 'th[scope="row"]')
        assert len(header) == 1 and header[0].text.strip()
        area_href = href_path(header[0].find_element(By.TAG_NAME, "a").get_attribute("href"))
        assert re.fullmatch(re.escape(server.prefix) + r"areas/[a-z0-9-]+/", area_href), area_href
        assert exists(server, area_href), f"{area_href} does not exist"
        groups = _group_counts(fetch(server, server.origin + area_href))
        cells = row.find_elements(By.TAG_NAME, "td")
        assert len(cells) == len(columns) - 1  # the first column is the row header
        for title, cell in zip(column_titles[1:], cells):
            links = cell.find_elements(By.TAG_NAME, "a")
            if title.startswith("Partners and companies"):
                assert len(links) == 1
                match_href = href_path(links[0].get_attribute("href"))
                assert match_href == area_href.replace("/areas/", "/match/"), match_href
                assert exists(server, match_href)
                continue
            count = int(cell.text.strip())
            # The count is what the area page lists of that type.
            assert count == groups.get(title, 0), f"{area_href} {title}: table {count}, area page {groups.get(title, 0)}"
            if count:
                assert len(links) == 1, f"{area_href} {title}: the count {count} is not a link"
                href = href_path(links[0].get_attribute("href"))
                assert href == area_href, f"{title} count in {area_href}'s row links to {href}"
                assert exists(server, href)
                counted_links += 1
    assert counted_links > 0
    assert_no_console_errors(driver)


def test_coverage_table_zero_counts_are_plain_text(driver, server):
    """A zero is not a link (the template's `{{^count}}0{{/count}}` branch): a link to an area
    page that lists nothing of that type leads nowhere useful."""
    driver.get(server.url("match/"))
    zeros = [cell for cell in driver.find_elements(By.CSS_SELECTOR, "main table tbody td.coverage__number")
             if cell.text.strip() == "0"]
    assert zeros, "no zero count in the bundled table"
    linked = [cell.get_attribute("innerHTML") for cell in zeros if cell.find_elements(By.TAG_NAME, "a")]
    assert not linked, f"{len(linked)} of {len(zeros)} zero counts are links, e.g. {linked[0]}"


# -- Suggestions on company pages ------------------------------------------------------------

SECTION_LINKS = """
const heading = document.getElementById(arguments[0]);
if (!heading) return null;
const links = [];
for (let node = heading.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
  node.querySelectorAll(arguments[1]).forEach(a => links.push(a.getAttribute('href')));
}
return links;
"""


EXISTING_LINKS = """
const paragraph = Array.from(document.querySelectorAll('main p'))
  .find(p => p.textContent.trim().startsWith('Already working with:'));
return paragraph ? Array.from(paragraph.querySelectorAll('a')).map(a => a.getAttribute('href')) : [];
"""


def section_links(driver, heading_id: str, selector: str):
    return driver.execute_script(SECTION_LINKS, heading_id, selector)


def example_companies(server) -> list:
    found = sorted(p.parent.name for p in server.directory.glob("companies/example-*/index.html"))
    assert found, "the bundled site has no example company"
    return found


def test_every_example_company_suggests_partners_that_share_an_area(driver, server):
    partner_areas = {}
    for slug in example_companies(server):
        driver.get(server.url(f"companies/{slug}/"))
        heading = driver.find_elements(By.ID, "suggested-partners")
        assert heading and heading[0].text.strip() == "Suggested partners", f"{slug}: no Suggested partners section"
        company_areas = set(section_links(driver, "areas", "a.tag") or [])
        assert company_areas, f"{slug} shows no area"
        suggestions = section_links(driver, "suggested-partners", "ol.match-list > li > a")
        assert suggestions, f"{slug} suggests no partner"
        assert len(suggestions) == len(set(suggestions)) <= 5
        existing = set(driver.execute_script(EXISTING_LINKS))
        assert not existing & set(suggestions), f"{slug} suggests an organisation it already works with"
        for partner in suggestions:
            assert re.fullmatch(re.escape(server.prefix) + r"(institutions|trusts|networks)/[a-z0-9-]+/", partner), partner
        assert_no_console_errors(driver)
        for partner in suggestions:
            if partner not in partner_areas:
                driver.get(server.origin + partner)
                partner_areas[partner] = set(section_links(driver, "areas", "a.tag") or [])
                assert_no_console_errors(driver)
            assert company_areas & partner_areas[partner], (
                f"{slug} (areas {sorted(company_areas)}) is offered {partner} (areas {sorted(partner_areas[partner])})")
