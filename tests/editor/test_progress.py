"""The progress line of `frontdoor build`: drawn on a terminal while a long build runs, cleared
before the summary, and never written when standard error is not a terminal (CI logs).

The build runs on a generated 1,500-profile corpus (Benchmarks/generate_corpus.py), long
enough for the line's first draw at 300 ms, under a real pseudo-terminal from `pty`.
"""
import os
import pty
import subprocess
import sys

import pytest

from site_build import ROOT, frontdoor_bin


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("progress")
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_corpus.py"), "1500", str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    return folder / "content"


def run_on_terminal(arguments):
    """Runs a command with stdout and stderr on a pseudo-terminal; returns what it printed."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(arguments, stdout=secondary, stderr=secondary, cwd=ROOT,
                               env={**os.environ, "TERM": "xterm"})
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=300)
    os.close(main)
    return process.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_a_long_build_on_a_terminal_shows_a_progress_line_then_the_summary(corpus, tmp_path):
    status, output = run_on_terminal([frontdoor_bin(), "build", "--no-readability", "--content", str(corpus),
                                      "--templates", str(ROOT / "templates"), "--output", str(tmp_path / "site")])
    assert status == 0, output[-2000:]
    assert "\rBuilding:" in output or "\r\x1b[KBuilding:" in output, output[-2000:]
    assert "Building: render (" in output, "the line names the step it is on"
    # The line is cleared before the summary, which ends the output.
    summary = output.rstrip().splitlines()[-1]
    assert summary.lstrip("\r\x1b[K").startswith("Built "), summary


def test_without_a_terminal_only_the_summary_is_printed(corpus, tmp_path):
    result = subprocess.run([frontdoor_bin(), "build", "--no-readability", "--content", str(corpus),
                             "--templates", str(ROOT / "templates"), "--output", str(tmp_path / "site")],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Building:" not in result.stderr and "\x1b[" not in result.stderr
    assert result.stdout.startswith("Built ")
