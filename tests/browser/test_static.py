"""Checks on the built pages and assets that need no browser: CSP-safe markup, DOM-only script."""
import re
from pathlib import Path

from conftest import ROOT


def test_search_ui_builds_dom_only():
    source = (ROOT / "templates" / "assets" / "search-ui.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    code = re.sub(r"^\s*//.*$", "", code, flags=re.M)
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                      "new Function", ".style.", "setAttribute('style'", 'setAttribute("style"',
                      "createContextualFragment", "DOMParser", "http://", "https://"):
        assert forbidden not in code, f"search-ui.js uses {forbidden}"


def test_pages_have_no_inline_script_or_style(site_dir):
    for name in ("index.html", "search/index.html"):
        html = (Path(site_dir) / name).read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, f"{name}: inline script {tag}"
        assert re.findall(r"<script\b[^>]*>([^<]+)</script>", html) == [], f"{name}: script with content"
        assert "<style" not in html, f"{name}: style element"
        assert not re.search(r"\sstyle=", html), f"{name}: style attribute"
        assert not re.search(r"\son[a-z]+=", html), f"{name}: event handler attribute"
        assert not re.search(r'(src|href)="(https?:)?//', html.replace('rel="canonical" href="', "")), \
            f"{name}: external request"


def test_search_page_scripts_load_in_order(site_dir):
    html = (Path(site_dir) / "search" / "index.html").read_text(encoding="utf-8")
    core = re.search(r'<script src="[^"]*/static/search-core\.[0-9a-f]+\.js" defer></script>', html)
    ui = re.search(r'<script src="[^"]*/static/search-ui\.[0-9a-f]+\.js" defer></script>', html)
    assert core and ui and core.start() < ui.start()
