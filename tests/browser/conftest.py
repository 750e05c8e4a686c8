"""Fixtures for the real-browser tests: built sites, a local static server, headless Chromium.

scripts/browser-tests builds the sites and passes them in the environment:

- FRONTDOOR_BIN: the frontdoor binary (default .build/debug/frontdoor);
- FRONTDOOR_SITE: the bundled directory (content/) built into a folder;
- FRONTDOOR_HOSTILE_SITE: the hostile fixture (tests/browser/hostile.py) built into a folder,
  from the spec's example tree (see spec_example below).

When a variable is missing, the fixture builds that site itself with FRONTDOOR_BIN, so
`pytest tests/browser` also works on its own after `swift build`.
"""
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

import pytest

os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import hostile  # noqa: E402

CHROMIUM = os.environ.get("FRONTDOOR_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("FRONTDOOR_CHROMEDRIVER", "/usr/bin/chromedriver")

# The strictest policy the site should live under: files from its own origin only.
STRICT_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
              "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
              "frame-ancestors 'none'")


def frontdoor_bin() -> Path:
    return Path(os.environ.get("FRONTDOOR_BIN", ROOT / ".build" / "debug" / "frontdoor"))


def build_site(content: Path, output: Path) -> Path:
    binary = frontdoor_bin()
    if not binary.exists():
        pytest.exit(f"{binary} not found: run `swift build` first (or scripts/browser-tests)", returncode=2)
    subprocess.run([str(binary), "build", "--content", str(content), "--templates", str(ROOT / "templates"),
                    "--output", str(output)], check=True, cwd=ROOT)
    return output


def spec_example() -> Path:
    """The spec's example tree (../shared/spec/example/content), or, in a clone without ../shared,
    the repository's copy of it: the Swift diagnostics tests' valid fixture. Not content/, which
    has other profiles (no example-femtech, which test_serve edits) and a base_url without the
    /frontdoor/ path that test_sub_path_site needs."""
    shared = ROOT.parent / "shared" / "spec" / "example" / "content"
    copy = ROOT / "Tests" / "FrontDoorKitTests" / "Fixtures" / "diagnostics" / "valid" / "content"
    return shared if shared.is_dir() else copy


def pytest_report_header(config):
    return f"example tree: {spec_example()}"


@pytest.fixture(scope="session")
def scratch():
    folder = Path(tempfile.mkdtemp(prefix="frontdoor-browser-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def site_dir(scratch) -> Path:
    given = os.environ.get("FRONTDOOR_SITE")
    if given:
        return Path(given)
    return build_site(ROOT / "content", scratch / "site")


@pytest.fixture(scope="session")
def hostile_site_dir(scratch) -> Path:
    given = os.environ.get("FRONTDOOR_HOSTILE_SITE")
    if given:
        return Path(given)
    content = scratch / "hostile-content"
    hostile.main(str(spec_example()), str(content))
    return build_site(content, scratch / "hostile-site")


def base_path_of(site: Path) -> str:
    """The site's base path, read from the home page's canonical link."""
    html = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    path = urllib.parse.urlparse(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves one folder under a path prefix, as a static host would, with an optional CSP."""

    prefix = "/"
    csp = None

    def translate_path(self, path):
        clean = urllib.parse.urlsplit(path).path
        if not clean.startswith(self.prefix):
            return os.path.join(self.directory, "\0missing")
        return super().translate_path("/" + clean[len(self.prefix):])

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # keep pytest's output clean
        pass


class SiteServer:
    def __init__(self, directory: Path, prefix: str, csp):
        handler = type("Handler", (_Handler,), {"prefix": prefix, "csp": csp})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = self.origin + prefix
        self.prefix = prefix
        self.directory = directory

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def server(site_dir):
    """The bundled directory, served under its base path with a strict CSP."""
    running = SiteServer(site_dir, base_path_of(site_dir), STRICT_CSP)
    yield running
    running.close()


@pytest.fixture(scope="session")
def hostile_server(hostile_site_dir):
    """The hostile site, served under its base path (/frontdoor/) and without a CSP, so
    only the page's own care keeps the content's markup from running."""
    running = SiteServer(hostile_site_dir, base_path_of(hostile_site_dir), None)
    yield running
    running.close()


def make_driver(javascript: bool = True):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--disable-default-apps", "--metrics-recording-only",
                     "--lang=en-GB"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


@pytest.fixture
def driver_without_js():
    browser = make_driver(javascript=False)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def shared_driver():
    browser = make_driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def long_match_site_dir(scratch) -> Path:
    """The bundled content with 60 more trusts in virtual wards, every third offering a test
    bed: more partners than a match page lists, so its list is cut."""
    content = scratch / "long-match-content"
    shutil.copytree(ROOT / "content", content)
    for number in range(1, 61):
        offers = "offers:\n  - test-bed\n" if number % 3 == 0 else ""
        (content / "trusts" / f"ward-trust-{number:02d}.md").write_text(
            f"---\ntitle: Ward Trust {number:02d}\nsummary: A trust running virtual wards.\nkind: acute\n"
            f"areas:\n  - virtual-wards\n{offers}---\nA trust.\n", encoding="utf-8")
    return build_site(content, scratch / "long-match-site")


@pytest.fixture(scope="session")
def long_match_server(long_match_site_dir):
    running = SiteServer(long_match_site_dir, base_path_of(long_match_site_dir), STRICT_CSP)
    yield running
    running.close()


@pytest.fixture(scope="session")
def large_site_dir(scratch) -> Path:
    """A generated directory large enough that the search index is split into shards."""
    given = os.environ.get("FRONTDOOR_LARGE_SITE")
    if given:
        return Path(given)
    content = scratch / "large"
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_corpus.py"), "2100", str(content)],
                   check=True, capture_output=True)
    return build_site(content / "content", scratch / "large-site")


@pytest.fixture(scope="session")
def large_server(large_site_dir):
    running = SiteServer(large_site_dir, base_path_of(large_site_dir), STRICT_CSP)
    yield running
    running.close()
