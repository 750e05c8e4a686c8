"""The feeds and the sitemap, read as other systems read them: each Atom feed parses as XML in
the Atom namespace and carries what RFC 4287 requires (feed and entry id, title, updated, a
self link), entries newest first with absolute links; the sitemap's lastmod comes from a
profile's `updated` date. Markup in content reaches the feeds as text, never as elements.
"""
import datetime
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from site_build import ROOT, build, spec_example

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(ROOT / "content", tmp_path_factory.mktemp("feeds") / "site")


def rfc3339(text: str) -> datetime.datetime:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", text), text
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")


def check_atom(path: Path, origin: str):
    feed = ET.parse(path).getroot()
    assert feed.tag == ATOM + "feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(ATOM + required) is not None, f"feed has no {required}"
    feed_updated = rfc3339(feed.findtext(ATOM + "updated"))
    self_links = [link for link in feed.findall(ATOM + "link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href").startswith(origin)
    entries = feed.findall(ATOM + "entry")
    ids = [entry.findtext(ATOM + "id") for entry in entries]
    assert len(ids) == len(set(ids)), "entry ids are unique"
    dates = []
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.findtext(ATOM + required), f"an entry has no {required}"
        link = entry.find(ATOM + "link")
        assert link is not None and link.get("href").startswith(origin)
        dates.append(rfc3339(entry.findtext(ATOM + "updated")))
    assert dates == sorted(dates, reverse=True), "newest first"
    if dates:
        assert feed_updated == dates[0], "the feed's updated is its newest entry's"
    return entries


def test_the_partnership_feed_is_atom(site):
    entries = check_atom(site / "partnerships" / "feed.xml", "https://frontdoor.example.org/")
    assert len(entries) == len(list((ROOT / "content" / "partnerships").glob("*.md")))


def test_the_updates_feed_lists_reviewed_profiles_newest_first(site):
    entries = check_atom(site / "feed.xml", "https://frontdoor.example.org/")
    reviewed = [path for path in (ROOT / "content").glob("*/*.md") if re.search(r"^updated:", path.read_text(), re.M)]
    assert len(entries) == min(len(reviewed), 50) and entries
    titles = {entry.findtext(ATOM + "title") for entry in entries}
    assert any(title.startswith("University Hospitals Birmingham") for title in titles), titles


def test_the_sitemap_takes_lastmod_from_updated(site):
    urls = ET.parse(site / "sitemap.xml").getroot().findall(SITEMAP + "url")
    lastmod = {url.findtext(SITEMAP + "loc"): url.findtext(SITEMAP + "lastmod") for url in urls}
    page = "https://frontdoor.example.org/trusts/university-hospitals-birmingham/"
    text = (ROOT / "content" / "trusts" / "university-hospitals-birmingham.md").read_text()
    updated = re.search(r"^updated: (\d{4}-\d{2}-\d{2})", text, re.M).group(1)
    assert lastmod[page] == updated


def test_markup_in_content_stays_text_in_the_feeds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(spec_example(), content)
    company = content / "companies" / "example-femtech.md"
    hostile = "Femtech <b>&amp;</b> ]]> <!-- \" '"
    # A single-quoted YAML scalar: only `'` needs doubling.
    text = re.sub(r"^title: .*$", "title: '" + hostile.replace("'", "''") + "'", company.read_text(), count=1, flags=re.M)
    assert re.search(r"^updated: ", text, re.M), "the example company has a review date, so it is in the feed"
    company.write_text(text)
    site = build(content, tmp_path / "site")
    entries = check_atom(site / "feed.xml", "https://")
    assert hostile + " (Company)" in [entry.findtext(ATOM + "title") for entry in entries]
    raw = (site / "feed.xml").read_text()
    assert "<b>" not in raw and "]]>" not in raw
