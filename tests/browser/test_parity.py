"""The browser ranks exactly as `frontdoor search --json` does, on the bundled content."""
import json
import subprocess

import pytest

from conftest import ROOT, frontdoor_bin
from support import engine_search, wait_ready

QUERIES = [
    "maternity app", "gynecology", "mentall helth", "Nari", "UHB", "clinical trials Birmingham",
    "menopause", "virtual ward", "copd", "paediatric", "evaluation", "women's health", "respir",
    "virtual ", "Nāri", "organisation", "NHS", "e",
]


def cli_search(site, query, filters=None):
    """`frontdoor search --json`; filters {"type": [...], "area": [...]} become repeated options."""
    arguments = [str(frontdoor_bin()), "search", query, "--site", str(site), "--json", "--limit", "50"]
    for name, values in (filters or {}).items():
        for value in values:
            arguments += [f"--{name}", value]
    run = subprocess.run(arguments, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def filter_cases(facets):
    """Filters to try, from an unfiltered search's facet counts: one type (the old single
    value), two types, two areas, and two types with two areas (OR within, AND across)."""
    def top(name, n):
        rows = sorted(facets.get(name) or [], key=lambda row: (-row["count"], row["value"]))
        return [row["value"] for row in rows[:n]]
    types, areas = top("type", 2), top("area", 2)
    cases = []
    if types:
        cases.append({"type": types[:1]})
    if len(types) == 2:
        cases.append({"type": types})
    if len(areas) == 2:
        cases.append({"area": areas})
    if len(types) == 2 and len(areas) == 2:
        cases.append({"type": types, "area": areas})
    return cases


def assert_same(actual, expected, label):
    want = [(r["slug"], round(float(r["score"]), 3)) for r in expected["results"]]
    got = [(r["slug"], round(float(r["score"]), 3)) for r in actual["results"]]
    assert got == want, f"{label}: browser {got[:8]} != cli {want[:8]}"
    assert actual["total"] == expected["total"], f"{label}: total {actual['total']} != {expected['total']}"


@pytest.fixture(scope="module")
def search_page(shared_driver, server):
    shared_driver.get(server.url("search/"))
    wait_ready(shared_driver)
    return shared_driver


@pytest.mark.parametrize("query", QUERIES)
def test_browser_ranking_equals_cli(search_page, server, site_dir, query):
    expected = cli_search(site_dir, query)
    actual = engine_search(search_page, server.prefix, query, limit=50)
    want = [(r["slug"], round(float(r["score"]), 3)) for r in expected["results"]]
    got = [(r["slug"], round(float(r["score"]), 3)) for r in actual["results"]]
    assert got == want, f"query {query!r}: browser {got} != cli {want}"
    assert actual["total"] == expected["total"], f"query {query!r}: total {actual['total']} != {expected['total']}"


MULTI_QUERIES = ["health", "clinical trials", "menopause", "virtual ward", "mentall helth", ""]


@pytest.mark.parametrize("query", MULTI_QUERIES)
def test_browser_filters_equal_cli(search_page, server, site_dir, query):
    """Repeated --type/--area on the CLI and lists of values in the browser agree on results
    and order: several values of one filter are alternatives, filters add up."""
    unfiltered = engine_search(search_page, server.prefix, query if query else "health", limit=50, facets=True)
    cases = filter_cases(unfiltered["facets"])
    assert len(cases) == 4, f"not enough types and areas to combine for {query!r}: {unfiltered['facets']}"
    for filters in cases:
        expected = cli_search(site_dir, query, filters)
        actual = engine_search(search_page, server.prefix, query, limit=50, **filters)
        assert_same(actual, expected, f"query {query!r} with {filters}")
        if query:
            assert expected["total"] > 0, f"{filters} leaves nothing for {query!r}; pick other filters"
