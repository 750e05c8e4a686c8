"""On a directory large enough to split the index into shards, the browser fetches only
some shards and still ranks exactly as `frontdoor search --json` does."""
import pytest

from support import engine_search, wait_ready
from test_parity import assert_same, cli_search, filter_cases

QUERIES = ["menopause", "clinical trials", "menopuase", "virtual ward", "cardio", "women's health",
           "paediatric", "respir", "health"]


@pytest.fixture(scope="module")
def large_page(shared_driver, large_server, large_site_dir):
    assert (large_site_dir / "search" / "manifest.json").is_file(), "the large site's index is not split"
    assert not (large_site_dir / "search-index.json").exists()
    shared_driver.get(large_server.url("search/"))
    wait_ready(shared_driver)
    return shared_driver


@pytest.mark.parametrize("query", QUERIES)
def test_split_index_ranks_as_the_cli(large_page, large_server, large_site_dir, query):
    expected = cli_search(large_site_dir, query)
    for facets in (False, True):
        actual = engine_search(large_page, large_server.prefix, query, limit=50, facets=facets)
        want = [(r["slug"], round(float(r["score"]), 3)) for r in expected["results"]]
        got = [(r["slug"], round(float(r["score"]), 3)) for r in actual["results"]]
        assert got == want, f"query {query!r} (facets {facets}): browser {got[:5]} != cli {want[:5]}"
        assert actual["total"] == expected["total"]
        # A fresh engine asked for no facets on a split index has not fetched them.
        assert (actual["facets"] is None) == (not facets)


@pytest.mark.parametrize("query", ["health", "clinical trials", "menopuase"])
def test_split_index_filters_as_the_cli(large_page, large_server, large_site_dir, query):
    """Several types and areas on the split index: the browser and the CLI agree."""
    unfiltered = engine_search(large_page, large_server.prefix, query, limit=50, facets=True)
    cases = filter_cases(unfiltered["facets"])
    assert len(cases) == 4, unfiltered["facets"]
    for filters in cases:
        expected = cli_search(large_site_dir, query, filters)
        for facets in (False, True):
            actual = engine_search(large_page, large_server.prefix, query, limit=50, facets=facets, **filters)
            assert_same(actual, expected, f"query {query!r} with {filters} (facets {facets})")
