"""Crash safety: a build killed at any moment leaves the published site exactly as it was.

A small site is published; then, again and again, a build of a larger generated tree into the
same folder is started and SIGKILLed after a random delay of up to 1.25 times a whole build.
After each kill the folder must hold, byte for byte, either the previous site or (when the
kill came after the swap) the complete new one, never a mix; whatever staging folders the
killed builds left must not stop or change the next build.

FRONTDOOR_KILL_ITERATIONS (default 15) sets the number of kills; FRONTDOOR_KILL_SEED the delays.
"""
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from safety_support import ROOT, frontdoor_bin, spec_example

ITERATIONS = int(os.environ.get("FRONTDOOR_KILL_ITERATIONS", "15"))
SEED = int(os.environ.get("FRONTDOOR_KILL_SEED", "20261130"))
PROFILES = 120


def tree_hashes(folder: Path) -> dict:
    """Relative path -> sha256 of every file (and 'link:' + target of every symbolic link)."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        relative = str(path.relative_to(folder))
        if path.is_symlink():
            hashes[relative] = "link:" + os.readlink(path)
        elif path.is_file():
            hashes[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def build(content: Path, output: Path, cwd: Path):
    return subprocess.run([str(frontdoor_bin()), "build", "--content", str(content), "--templates", str(ROOT / "templates"),
                           "--output", str(output)], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_killed_builds_never_leave_a_half_published_site(tmp_path, capsys):
    small = tmp_path / "small" / "content"
    shutil.copytree(spec_example(), small)
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_corpus.py"), str(PROFILES), str(tmp_path / "large")],
                   check=True, capture_output=True)
    large = tmp_path / "large" / "content"
    # site.yml's base_url differs between the two trees; both build on their own.
    work = tmp_path / "work"
    work.mkdir()
    site = work / "site"

    # The complete large site, and how long a whole build of it takes here.
    reference = tmp_path / "reference"
    started = time.monotonic()
    result = build(large, reference / "site", tmp_path)
    duration = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    complete_large = tree_hashes(reference / "site")

    result = build(small, site, work)
    assert result.returncode == 0, result.stderr
    complete_small = tree_hashes(site)
    assert len(complete_small) > 20

    rng = random.Random(SEED)
    outcomes = {"old site": 0, "new site": 0}
    for iteration in range(ITERATIONS):
        process = subprocess.Popen([str(frontdoor_bin()), "build", "--content", str(large), "--templates", str(ROOT / "templates"),
                                    "--output", str(site)], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.0, duration * 1.25)  # past the end too: kills during the swap and the clean-up
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = tree_hashes(site)
        if now == complete_small:
            outcomes["old site"] += 1
        else:
            assert now == complete_large, (
                f"kill {iteration} after {delay:.2f} s of a {duration:.2f} s build left a site that is neither the old nor the new one: "
                f"{len(set(now) ^ set(complete_small))} paths differ from the old, {len(set(now) ^ set(complete_large))} from the new")
            outcomes["new site"] += 1
            # Back to the small site for the next kill.
            result = build(small, site, work)
            assert result.returncode == 0, result.stderr
            assert tree_hashes(site) == complete_small

    with capsys.disabled():  # the numbers belong in the test command's output
        print(f"\nkill test: {ITERATIONS} kills within a {duration:.2f} s build ({PROFILES} profiles): {outcomes}")
    assert outcomes["old site"] >= ITERATIONS // 2, f"most kills should land before the swap: {outcomes}"

    # What the killed builds left behind does not stop the next build, and is cleaned up by it.
    result = build(small, site, work)
    assert result.returncode == 0, result.stderr
    assert tree_hashes(site) == complete_small
    leftovers = [name for name in os.listdir(work) if name.startswith(".site.frontdoor-")]
    assert leftovers == [], f"staging folders left after a complete build: {leftovers}"
