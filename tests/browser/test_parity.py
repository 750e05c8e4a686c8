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


def cli_search(site, query):
    run = subprocess.run([str(frontdoor_bin()), "search", query, "--site", str(site), "--json", "--limit", "50"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


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
