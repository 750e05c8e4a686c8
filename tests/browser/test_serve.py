"""`frontdoor serve`, driven as an editor would: start it on a free port, edit a profile, see the
rebuilt page over HTTP and in a real browser tab, break the profile and see the error in the
tab and the terminal while the last good site stays up, and try to read files outside the site.
"""
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, frontdoor_bin, spec_example

COMPANY = Path("companies") / "example-femtech.md"
TIMEOUT = 30


class Preview:
    """One `frontdoor serve --port 0` process on its own copy of the example content."""

    def __init__(self, folder: Path):
        self.content = folder / "content"
        shutil.copytree(spec_example(), self.content)
        self.process = subprocess.Popen(
            [str(frontdoor_bin()), "serve", "--port", "0", "--content", str(self.content),
             "--templates", str(ROOT / "templates")],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stderr_lines = []
        self._stderr = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr.start()
        line = self.process.stdout.readline()
        found = re.search(r"Serving (http://127\.0\.0\.1:(\d+)/)", line)
        assert found, f"serve did not print its address: {line!r} {self.stderr()!r}"
        self.url = found.group(1)
        self.port = int(found.group(2))
        self.wait_for(lambda: self.status("/") == 200, "the first build")

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line)

    def stderr(self) -> str:
        return "".join(self.stderr_lines)

    def get(self, path: str):
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def status(self, path: str) -> int:
        return self.get(path)[0]

    def wait_for(self, condition, what: str):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; serve printed:\n{self.stderr()}")

    def edit(self, relative: Path, old: str, new: str):
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def raw(self, request: bytes) -> bytes:
        """Sends bytes as they are (no client-side path clean-up) and returns the whole answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
            connection.sendall(request)
            chunks = []
            while True:
                try:
                    chunk = connection.recv(65536)
                except (ConnectionResetError, socket.timeout):
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("serve did not stop within 15 s of SIGTERM")


@pytest.fixture
def preview(tmp_path):
    running = Preview(tmp_path)
    yield running
    running.stop()


def test_serve_rebuilds_the_page_after_an_edit(preview):
    status, html = preview.get("/companies/example-femtech/")
    assert status == 200 and "Example Femtech Ltd" in html
    assert "/__frontdoor/live.js?generation=1" in html

    preview.edit(COMPANY, "title: Example Femtech Ltd", "title: Renamed Femtech Ltd")
    preview.wait_for(lambda: "Renamed Femtech Ltd" in preview.get("/companies/example-femtech/")[1],
                     "the edited title to be served")
    # The terminal line may follow the page by a moment.
    preview.wait_for(lambda: re.search(r"Built \d+ pages in \d+ ms after a change to .*example-femtech\.md", preview.stderr()),
                     "the rebuild line in the terminal")
    # The rebuilt site keeps the rest of the directory: the list page names the new title too.
    assert "Renamed Femtech Ltd" in preview.get("/companies/")[1]
    # A whole rebuild keeps the previous search index and exports, then refreshes them.
    preview.wait_for(lambda: "Renamed Femtech Ltd" in preview.get("/search-index.json")[1],
                     "the search index to follow the whole rebuild")
    preview.wait_for(lambda: "Renamed Femtech Ltd" in preview.get("/directory.csv")[1],
                     "the open data to follow the whole rebuild")


def test_serve_rewrites_only_the_edited_page_after_a_body_edit(preview):
    preview.edit(COMPANY, "A symptom tracker with", "A zebrafish-friendly symptom tracker with")
    preview.wait_for(lambda: "zebrafish-friendly" in preview.get("/companies/example-femtech/")[1],
                     "the edited body to be served")
    # A body edit re-renders one page, not the site.
    preview.wait_for(lambda: re.search(r"Built 1 page in \d+ ms after a change to .*example-femtech\.md", preview.stderr()),
                     "the one-page rebuild line in the terminal")
    # The search index, which reads bodies, follows.
    preview.wait_for(lambda: "zebrafish" in preview.get("/search-index.json")[1], "the search index to learn the new word")


def test_serve_rewrites_the_pages_that_show_an_edited_summary(preview):
    def untouched():
        return re.sub(r"generation=\d+", "", preview.get("/trusts/")[1])  # the live-reload tag counts builds
    before = untouched()
    preview.edit(COMPANY, "track menopause symptoms", "track perimenopause symptoms")
    preview.wait_for(lambda: "track perimenopause symptoms" in preview.get("/companies/example-femtech/")[1],
                     "the edited summary on its page")
    # Not a whole build: the page, and the pages that link to it, which show its card.
    found = []
    preview.wait_for(lambda: found.extend(re.findall(r"Built (\d+) pages? in \d+ ms after a change to .*example-femtech\.md",
                                                     preview.stderr())) or found, "the rebuild line in the terminal")
    total = len(re.findall(r'<loc>', preview.get("/sitemap.xml")[1]))
    assert 1 < int(found[-1]) < total, (found, total)
    assert "track perimenopause symptoms" in preview.get("/companies/")[1], "the list page's card"
    assert "track perimenopause symptoms" in preview.get("/areas/womens-health/")[1], "the area page's card"
    assert untouched() == before, "a page that does not show the company is untouched"
    # The search index, which reads summaries, follows.
    preview.wait_for(lambda: "perimenopause" in preview.get("/search-index.json")[1], "the search index to learn the new word")


def test_serve_reloads_the_tab_and_shows_errors_over_the_page(preview, driver):
    driver.get(preview.url + "companies/example-femtech/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Example Femtech Ltd"
    driver.execute_script("window.__notReloaded = true")
    listening = "return document.documentElement.getAttribute('data-frontdoor-preview') === 'listening'"
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script(listening))

    # A good edit: the tab reloads by itself and shows it.
    preview.edit(COMPANY, "title: Example Femtech Ltd", "title: Reloaded Femtech Ltd")
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script("return window.__notReloaded !== true")
                                         and d.find_element(By.TAG_NAME, "h1").text == "Reloaded Femtech Ltd")

    # A mistake: an unknown area. The tab shows it over the last good page, naming file and line.
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script(listening))
    driver.execute_script("window.__notReloaded = true")
    preview.edit(COMPANY, "  - womens-health\n", "  - womens-helth\n")
    overlay = WebDriverWait(driver, TIMEOUT).until(
        lambda d: d.find_elements(By.ID, "frontdoor-preview-errors"))[0]
    text = overlay.text
    assert "example-femtech.md:" in text and "womens-helth" in text and "unknown-area" in text, text
    assert re.search(r"example-femtech\.md:\d+:\d+", text)
    assert driver.execute_script("return window.__notReloaded === true"), "an error must not reload the tab"
    # The terminal says the same, and the last good site is still served.
    preview.wait_for(lambda: "Build failed" in preview.stderr(), "the failure in the terminal")
    assert re.search(r"example-femtech\.md:\d+:\d+: error: \[unknown-area\]", preview.stderr())
    status, html = preview.get("/companies/example-femtech/")
    assert status == 200 and "Reloaded Femtech Ltd" in html

    # A tab opened while the content is broken shows the errors at once.
    driver.get(preview.url)
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.find_elements(By.ID, "frontdoor-preview-errors"))

    # The fix: the overlay goes and the page reloads with the fixed content.
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script(listening))
    driver.execute_script("window.__notReloaded = true")
    preview.edit(COMPANY, "  - womens-helth\n", "  - womens-health\n")
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script("return window.__notReloaded !== true")
                                         and not d.find_elements(By.ID, "frontdoor-preview-errors"))


def test_serve_never_serves_a_file_outside_the_site(preview, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    attempts = [
        "/../secret.txt", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2f..%2fetc%2fpasswd", "/companies/..%2f..%2f..%2fsecret.txt", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
        "/.%2e/.%2e/etc/passwd", "/companies/%00../../etc/passwd", "//etc/passwd", "/./index.html",
    ]
    for path in attempts:
        answer = preview.raw(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        status_line = answer.split(b"\r\n", 1)[0]
        assert b" 200 " not in status_line and b" 30" not in status_line, (path, status_line)
        assert b"root:" not in answer and b"TOP-SECRET-MARKER" not in answer, path
    # The same files by their proper names are served.
    assert preview.status("/") == 200 and preview.status("/companies/") == 200
    # A folder without its slash is redirected to it, on the same host.
    answer = preview.raw(b"GET /companies HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 301") and b"\r\nlocation: /companies/\r\n" in answer.lower()


def test_serve_limits_what_it_accepts(preview):
    def status_of(request: bytes) -> bytes:
        answer = preview.raw(request)
        return answer.split(b"\r\n", 1)[0]

    assert b" 405 " in status_of(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    assert b" 413 " in status_of(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
    assert b" 414 " in status_of(b"GET /" + b"a" * 3000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    huge = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 200_000 + b"\r\nConnection: close\r\n\r\n"
    answer = status_of(huge)
    assert answer == b"" or b" 431 " in answer or b" 400 " in answer, answer
    # And it still answers afterwards.
    assert preview.status("/") == 200


def test_serve_listens_on_loopback_only(preview):
    with open("/proc/net/tcp", encoding="ascii") as table:
        rows = [line.split() for line in table.read().splitlines()[1:]]
    listening = [row for row in rows if row[3] == "0A" and int(row[1].split(":")[1], 16) == preview.port]
    assert listening, "the preview's socket is not in /proc/net/tcp"
    assert all(row[1].split(":")[0] == "0100007F" for row in listening), listening
