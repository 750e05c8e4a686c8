#!/usr/bin/env python3
"""Preview rebuild benchmark: how long `frontdoor serve` takes to rebuild after one edit.

    python3 Benchmarks/rebuild_benchmark.py [--size 10000] [--edits 5] [--work DIR] [--binary PATH] [--seed 42]

Copies the generated corpus of build_benchmark.py (made if missing) into a scratch folder,
runs the release `frontdoor serve` on it, waits for the first build, then makes --edits
edits of each kind below, one at a time, waiting each time for serve's "Built N pages in
X ms" line, and puts the file back after each:

- body: a sentence added to a company's Markdown body;
- company website: a company's website set, which only its own page shows;
- company summary: a word of a company's summary changed (its cards show it: its type's
  list, its areas' pages, its partnerships);
- partner summary: the same for a trust, whose rows are on every match page of its areas;
- company title: a company renamed (its links and cards, and the lists it moves in: its
  type's list, its areas' pages and match pages);
- partner title: the same for a trust;
- area title: an area renamed, which every card tagged with it shows;
- company maturity: shown beside its name on partners' pages and match pages;
- company seeks: what matching reads, so its suggestions and the match pages of its areas;
- company areas: one fewer, or one more (the pages of the area it leaves or joins);
- trust areas (whole build): a partner's areas change how rare each area is, and so every
  match, for comparison.

Prints, for each kind, the median time serve printed, the time from saving the file to that
line, and the pages it rewrote, and writes them to Benchmarks/results/rebuild.md.

With --check, one more edit of each kind but the whole build is then made and left in place,
and after each the site serve holds is compared file by file with a fresh serve build of the
edited content (on the next port): the fast rebuilds must leave exactly what a whole build
makes. It fails on any difference. Python 3.11, standard library only.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build_benchmark  # noqa: E402  (the corpus and the release binary are made the same way)

BUILT = re.compile(r"Built (\d+) pages? in (\d+) ms")


class Serve:
    """`frontdoor serve` in the background, with its standard error read line by line."""

    def __init__(self, binary, content, port, temp=None):
        self.lines = []
        self.arrived = []  # when each line was read
        self.cond = threading.Condition()
        self.temp = temp  # where serve makes its site, when given
        env = dict(os.environ, TMPDIR=str(temp)) if temp else None
        self.proc = subprocess.Popen([str(binary), "serve", "--content", str(content), "--port", str(port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stderr:
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                self.arrived.append(time.monotonic())
                self.cond.notify_all()

    def next_build(self, after, timeout):
        """The first "Built" line after line number `after`: (pages, ms, its line number); the
        time it arrived is self.arrived[line number - 1]."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for number in range(after, len(self.lines)):
                    found = BUILT.search(self.lines[number])
                    if found:
                        return int(found.group(1)), int(found.group(2)), number + 1
                    if "Build failed" in self.lines[number] or self.lines[number].startswith("error"):
                        sys.exit("error: serve reported: " + self.lines[number])
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    sys.exit("error: no build reported by serve; its output:\n" + "\n".join(self.lines[-20:]))
                self.cond.wait(left)

    def site(self):
        """The folder serve builds into."""
        return next(Path(self.temp).glob("frontdoor-preview-*/site"))

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def differences(a, b, replace=(b"", b"")):
    """Relative paths of the files that differ between two folders, or are in one only; in
    `b`'s files, replace[0] is read as replace[1] first."""
    def files(root):
        return {str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file()}
    left, right = files(a), files(b)
    changed = [path for path in sorted(left & right)
               if (Path(a) / path).read_bytes() != (Path(b) / path).read_bytes().replace(*replace)]
    return sorted(left ^ right) + changed


def check(binary, content, port, scratch, serve, seen):
    """Makes one edit of each fast kind, left in place, and after each compares the site serve
    holds with a fresh serve build of the edited content. Returns a line per edit."""
    lines = []
    for number, (kind, folder, change) in enumerate(KINDS):
        if kind.endswith("(whole build)"):
            continue
        # Not a file the timed edits used (those are picked from the start of each step).
        path = sorted((content / folder).glob("*.md"))[-1]
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        pages, ms, seen = serve.next_build(seen, timeout=600)
        time.sleep(8)  # the search index, feeds and exports follow the edit after a pause
        temp = scratch / f"fresh-{number}"
        temp.mkdir()
        # On the next port: its pages' absolute URLs are read as this one's.
        fresh = Serve(binary, content, port + 1, temp)
        try:
            fresh.next_build(0, timeout=1800)
            found = differences(serve.site(), fresh.site(),
                                (f"127.0.0.1:{port + 1}".encode(), f"127.0.0.1:{port}".encode()))
        finally:
            fresh.stop()
            shutil.rmtree(temp, ignore_errors=True)
        lines.append(f"{kind} left in place ({pages} pages in {ms} ms): {len(found)} files differ from a fresh build"
                     + (": " + ", ".join(found[:5]) if found else ""))
        print("check: " + lines[-1], flush=True)
    return lines


def pick(content, folder, count):
    files = sorted((content / folder).glob("*.md"))
    step = max(len(files) // count, 1)
    return files[::step][:count]


def edit_summary(text):
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("summary: "):
            lines[index] = line.replace("summary: ", "summary: Newly ", 1)
            return "\n".join(lines)
    raise ValueError("no one-line summary")


def edit_website(text):
    lines = text.split("\n")
    kept = [line for line in lines if not line.startswith("website: ")]
    return "\n".join(kept[:2] + ["website: https://renamed.example.com/"] + kept[2:])


def edit_line(key, change):
    def edit(text):
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if line.startswith(key + ": "):
                lines[index] = key + ": " + change(line[len(key) + 2:])
                return "\n".join(lines)
        raise ValueError("no " + key)
    return edit


# Renamed to sort elsewhere, as a real rename mostly does.
edit_title = edit_line("title", lambda title: "Renamed " + title)
edit_maturity = edit_line("maturity", lambda maturity: "ready" if maturity != "ready" else "discovery")


def edit_list(key, change):
    """Changes the items of a block list (`key:` then `  - item` lines)."""
    def edit(text):
        lines = text.split("\n")
        start = lines.index(key + ":") + 1
        end = start
        while end < len(lines) and lines[end].startswith("  - "):
            end += 1
        items = change([line[4:] for line in lines[start:end]])
        return "\n".join(lines[:start] + ["  - " + item for item in items] + lines[end:])
    return edit


# One fewer, or one more when there is one.
edit_seeks = edit_list("seeks", lambda items: items[:-1] if len(items) > 1 else items + ["evaluation" if items != ["evaluation"] else "test-bed"])
edit_areas = edit_list("areas", lambda items: items[:-1] if len(items) > 1 else items + ["cardiology" if items != ["cardiology"] else "womens-health"])


KINDS = [
    ("body", "companies", lambda text: text + "\nOne more sentence about the product.\n"),
    ("company website", "companies", edit_website),
    ("company summary", "companies", edit_summary),
    ("partner summary", "trusts", edit_summary),
    ("company title", "companies", edit_title),
    ("partner title", "trusts", edit_title),
    ("area title", "areas", edit_title),
    ("company maturity", "companies", edit_maturity),
    ("company seeks", "companies", edit_seeks),
    ("company areas", "companies", edit_areas),
    ("trust areas (whole build)", "trusts", edit_areas),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", default="42")
    parser.add_argument("--work", type=Path, default=build_benchmark.DEFAULT_WORK)
    parser.add_argument("--binary", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "rebuild.md")
    parser.add_argument("--check", action="store_true", help="compare the site after the edits with a fresh build")
    args = parser.parse_args()
    binary = (args.binary or build_benchmark.DEFAULT_BINARY).resolve()
    build_benchmark.ensure_binary(binary, args.binary is not None)
    args.work.mkdir(parents=True, exist_ok=True)
    source, _ = build_benchmark.corpus_dir(args.work, args.size, args.seed)

    scratch = Path(tempfile.mkdtemp(prefix="frontdoor-rebuild-", dir=args.work))
    content = scratch / "content"
    shutil.copytree(source, content)
    (scratch / "tmp").mkdir()
    serve = Serve(binary, content, args.port, scratch / "tmp")
    results = []
    checked = []
    try:
        pages, ms, seen = serve.next_build(0, timeout=1800)
        print(f"first build: {pages} pages in {ms} ms", flush=True)
        for kind, folder, change in KINDS:
            times, saved, rewritten = [], [], []
            count = 1 if kind.endswith("(whole build)") else args.edits
            for path in pick(content, folder, count):
                original = path.read_text(encoding="utf-8")
                before = time.monotonic()
                path.write_text(change(original), encoding="utf-8")
                pages, ms, seen = serve.next_build(seen, timeout=600)
                times.append(ms)
                saved.append(round((serve.arrived[seen - 1] - before) * 1000))
                rewritten.append(pages)
                # Put back 0.3 s later, and the next edit 0.3 s after that: as an editor saving
                # again soon (serve makes the search index and exports once edits pause).
                time.sleep(0.3)
                path.write_text(original, encoding="utf-8")
                _, _, seen = serve.next_build(seen, timeout=600)
                time.sleep(0.3)
            results.append((kind, times, saved, rewritten))
            print(f"{kind}: {statistics.median(times):.0f} ms median of {times}; saved to built {statistics.median(saved):.0f} ms "
                  f"median of {saved}; pages rewritten {rewritten}", flush=True)
        if args.check:
            checked = check(binary, content, args.port, scratch, serve, seen)
    finally:
        serve.stop()
        shutil.rmtree(scratch, ignore_errors=True)

    lines = [f"# Preview rebuilds at {args.size:,} profiles", "",
             f"`python3 Benchmarks/rebuild_benchmark.py --size {args.size} --edits {args.edits}{' --check' if args.check else ''}`, "
             f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores. Times are what `frontdoor serve` printed.", "",
             "Saved to built: from writing the file to serve's line, so with the watcher's 40 ms quiet spell. Each edit "
             "comes 0.3 s after the last was put back, as when an editor saves again soon.", "",
             "| edit | median ms | each, ms | saved to built, median ms | each, ms | pages rewritten |",
             "|---|---:|---|---:|---|---|"]
    for kind, times, saved, rewritten in results:
        lines.append(f"| {kind} | {statistics.median(times):.0f} | {', '.join(map(str, times))} | "
                     f"{statistics.median(saved):.0f} | {', '.join(map(str, saved))} | {', '.join(map(str, rewritten))} |")
    if checked:
        lines += ["", "Checked: one more edit of each fast kind left in place, then the preview's site compared file by file "
                  "with a fresh build of the edited content:", ""] + ["- " + line for line in checked]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    if any(" 0 files differ" not in line for line in checked):
        sys.exit("error: the site after the edits is not what a fresh build makes")


if __name__ == "__main__":
    main()
