"""No built page, stylesheet, script or image makes the browser contact another host.

What counts as a reference to an external host (a URL that is absolute, `http://...`,
`https://...` or protocol-relative `//...`, and not under the site's own base_url):

- HTML and SVG: any URL the browser would load or send to by itself: `src`, `srcset`,
  `poster`, `data`, `action`, `formaction`, `background`, `ping`, `<link href>` of any `rel`,
  `<base href>`, `<use href>`/`<image href>` in SVG, `<meta http-equiv=refresh>`, `<meta content>`
  URLs (Open Graph), and any `url(...)` in a style attribute;
- CSS: any `url(...)` or `@import`;
- JavaScript: any string literal holding an absolute or protocol-relative URL (fetch, import,
  XMLHttpRequest, WebSocket and the like all take one).

Allowed: `<a href>` to organisations' own websites and sources (a reader follows those by
choice, no request is made before), `mailto:`, and the data of `<script type="application/ld+json">`
blocks (search engines read it; browsers never fetch it).
"""
import html.parser
import re
import urllib.parse
from pathlib import Path

from conftest import base_path_of

FETCHED_ATTRIBUTES = {"src", "srcset", "poster", "data", "action", "formaction", "background", "ping",
                      "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
# A URL with a host: `'//'` alone (a check that rejects protocol-relative input) is not one.
JS_URL = re.compile(r"""['"`]((?:https?:)?//[\w.-]+[^'"`\s]*)""", re.I)


def site_origin(site: Path) -> str:
    html = (site / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    parts = urllib.parse.urlsplit(canonical)
    return f"{parts.scheme}://{parts.netloc}{base_path_of(site)}"


def is_external(url: str, own: str) -> bool:
    url = url.strip()
    absolute = re.match(r"(?i)(https?:)?//", url)
    return bool(absolute) and not url.startswith(own)


class _ReferenceParser(html.parser.HTMLParser):
    """Every URL an HTML or SVG document makes the browser fetch, with its tag and attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.references = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in FETCHED_ATTRIBUTES:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                self.references += [(tag, name, url) for url in urls]
            elif name == "href" and tag not in ("a", "area"):
                self.references.append((tag, name, value))
            elif name == "style":
                self.references += [(tag, "style", m[0] or m[1]) for m in CSS_URL.findall(value)]
        if tag == "meta" and "content" in attributes:
            content = attributes["content"] or ""
            if (attributes.get("http-equiv") or "").lower() == "refresh":
                content = content.split("url=", 1)[-1]
            if re.match(r"(?i)(https?:)?//", content):
                self.references.append((tag, "content", content))
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if not self._in_json_ld:
            self.references += [("style", "url", m[0] or m[1]) for m in CSS_URL.findall(data)] \
                if self.lasttag == "style" else []


def external_references(site: Path) -> list:
    own = site_origin(site)
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".svg", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(site)
        if path.suffix in (".html", ".svg"):
            parser = _ReferenceParser()
            parser.feed(text)
            found += [f"{where}: <{tag} {name}> {url}" for tag, name, url in parser.references if is_external(url, own)]
        elif path.suffix == ".css":
            found += [f"{where}: css {m[0] or m[1]}" for m in CSS_URL.findall(text) if is_external(m[0] or m[1], own)]
        else:
            code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
            code = re.sub(r"(?m)^\s*//.*$", "", code)
            found += [f"{where}: string {url}" for url in JS_URL.findall(code) if is_external(url, own)]
    return found


def test_no_file_references_an_external_host(site_dir):
    found = external_references(Path(site_dir))
    assert not found, f"{len(found)} reference(s) to other hosts:\n" + "\n".join(found[:50])


def test_the_scan_sees_what_it_should(tmp_path):
    """The scanner itself: it flags fetched URLs on other hosts and lets links and its own site through."""
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://own.example/dir/">'
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<img src="//img.example/a.png"><a href="https://nhs.uk/">NHS</a>'
        '<meta property="og:url" content="https://own.example/dir/">'
        '<script type="application/ld+json">{"sameAs": "https://org.example/"}</script>'
        '<form action="https://evil.example/post"></form>', encoding="utf-8")
    (tmp_path / "a.css").write_text('@import "https://fonts.example/f.css"; .x { background: url(/dir/ok.png); }',
                                    encoding="utf-8")
    (tmp_path / "a.js").write_text("// https://comment.example/\nfetch('https://api.example/q');", encoding="utf-8")
    found = external_references(tmp_path)
    assert [line.split(" ")[-1] for line in found] == [
        "https://fonts.example/f.css", "https://api.example/q",
        "https://cdn.example/x.css", "//img.example/a.png", "https://evil.example/post"], found
