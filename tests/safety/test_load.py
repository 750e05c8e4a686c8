"""The preview server under load: `frontdoor serve --port 0` on the example content, hammered
for a few seconds by wrk (Debian's `wrk`; a Python client with keep-alive connections when wrk
is not installed) on several valid pages, must answer every request with 200 and no socket
error; afterwards it still serves, still refuses path traversal and oversized requests.

FRONTDOOR_LOAD_SECONDS (default 5) sets the time per page.
"""
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

import pytest

from safety_support import ROOT, frontdoor_bin, spec_example

SECONDS = float(os.environ.get("FRONTDOOR_LOAD_SECONDS", "5"))
PAGES = ["/", "/companies/example-femtech/", "/search-index.json", "/sitemap.xml"]


@pytest.fixture
def preview(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(spec_example(), content)
    process = subprocess.Popen([str(frontdoor_bin()), "serve", "--port", "0", "--content", str(content),
                                "--templates", str(ROOT / "templates")],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        found = re.search(r"Serving (http://127\.0\.0\.1:(\d+)/)", process.stdout.readline())
        assert found, "serve did not print its address"
        url, port = found.group(1), int(found.group(2))
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the first build did not finish"
            time.sleep(0.2)
        yield url.rstrip("/"), port, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def run_wrk(url: str) -> dict:
    output = subprocess.run(["wrk", "-t2", "-c32", f"-d{SECONDS:g}s", "--timeout", "5s", url],
                            capture_output=True, text=True, timeout=SECONDS + 60).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"requests": requests,
            "errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
            "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
            "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), "tool": "wrk"}


def run_python_client(url: str) -> dict:
    """32 keep-alive connections in threads, as wrk would open."""
    host, port, path = re.match(r"http://([^:/]+):(\d+)(/.*)", url).groups()
    deadline = time.monotonic() + SECONDS
    counts = {"requests": 0, "errors": 0, "non_2xx": 0}
    lock = threading.Lock()

    def worker():
        connection = HTTPConnection(host, int(port), timeout=5)
        done = errors = bad = 0
        while time.monotonic() < deadline:
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                done += 1
                bad += response.status != 200
            except OSError:
                errors += 1
                connection.close()
                connection = HTTPConnection(host, int(port), timeout=5)
        connection.close()
        with lock:
            counts["requests"] += done
            counts["errors"] += errors
            counts["non_2xx"] += bad

    with ThreadPoolExecutor(32) as pool:
        for _ in range(32):
            pool.submit(worker)
    counts["rate"] = counts["requests"] / SECONDS
    counts["tool"] = "python"
    return counts


def raw_status(port: int, request: bytes) -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        reply = b""
        while b"\r\n" not in reply:
            chunk = connection.recv(4096)
            if not chunk:
                break
            reply += chunk
    return reply.split(b"\r\n", 1)[0].decode("latin-1")


def test_preview_survives_load_with_zero_errors(preview, capsys):
    url, port, process = preview
    load = run_wrk if shutil.which("wrk") else run_python_client
    total = 0
    for page in PAGES:
        result = load(url + page)
        with capsys.disabled():  # the numbers belong in the test command's output
            print(f"\nload {page}: {result['requests']} requests with {result['tool']} in {SECONDS:g} s "
                  f"({result['rate']:.0f}/s), {result['errors']} socket errors, {result['non_2xx']} non-2xx")
        assert result["requests"] > 0
        assert result["errors"] == 0, f"{page}: {result}"
        assert result["non_2xx"] == 0, f"{page}: {result}"
        total += result["requests"]
    assert process.poll() is None, "the server died under load"

    # Still serving, still refusing what it refused before the load.
    assert raw_status(port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").split(" ")[1] == "200"
    assert raw_status(port, b"GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n").split(" ")[1] in {"400", "403", "404"}
    assert raw_status(port, b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n").split(" ")[1] in {"400", "403", "404"}
    assert raw_status(port, b"GET /" + b"a" * 4096 + b" HTTP/1.1\r\nHost: x\r\n\r\n").split(" ")[1] == "414"
    assert raw_status(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").split(" ")[1] in {"405", "413"}
    with capsys.disabled():
        print(f"\nload total: {total} requests, 0 errors")
