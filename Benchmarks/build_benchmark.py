#!/usr/bin/env python3
"""Build benchmark: FrontDoor against Hugo on the same generated content, side by side.

    python3 Benchmarks/build_benchmark.py [--sizes 1000,10000,100000] [--repeats 3] [--large-repeats 1]
        [--work DIR] [--binary PATH] [--skip-hugo] [--seed 42] [--out FILE.md]

For each N: generate (or reuse from --work) the corpus of generate_corpus.py, convert it once
into a Hugo site (Benchmarks/hugo/ holds its hugo.toml and layouts), then build it --repeats
times with each tool, alternating which goes first, each time into a fresh empty folder.
After every full build of every N, rebuild as many times into the folder of the last one,
each time with one word of one profile's summary changed (then put back, and so on). Wall time, CPU time, peak RSS (of the build process, from wait4), output
size and HTML page count are recorded; medians are reported. Prints a Markdown table and
writes it to Benchmarks/results/build.md, with the raw numbers in build.json beside it.

Python 3.11, standard library only. Never touches content/ or site/ of the repository.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATOR = HERE / "generate_corpus.py"
HUGO_FILES = HERE / "hugo"
DEFAULT_BINARY = ROOT / ".build-perf" / "release" / "frontdoor"
DEFAULT_OUT = HERE / "results" / "build.md"
DEFAULT_WORK = Path(tempfile.gettempdir()) / "frontdoor-build-bench"

ORG_FOLDERS = ("institutions", "trusts", "networks", "companies", "partnerships")
# Bump when the conversion to a Hugo site changes, so cached sites are made again.
CONVERTER_VERSION = "1"

# Front matter keys Hugo gives a meaning of its own (Hugo 0.111 docs, "Front matter", plus the
# default taxonomies and date sources), lower case as Hugo reads them.
HUGO_RESERVED = {
    "aliases", "audio", "build", "cascade", "categories", "date", "description", "draft",
    "expirydate", "expiredate", "headless", "images", "iscjklanguage", "keywords", "lastmod",
    "layout", "linktitle", "markup", "menu", "menus", "modified", "outputs", "pubdate",
    "publishdate", "published", "resources", "series", "sitemap", "slug", "summary", "tags",
    "title", "translationkey", "type", "unpublishdate", "url", "videos", "weight",
}
# What the conversion does with each reserved key the corpus uses. Anything else reserved
# that shows up stops the script, so a change to the corpus cannot slip in unnoticed.
RESERVED_HANDLING = {
    "title": "same meaning in both: kept",
    "summary": "same meaning (the card and search text): kept; templates read .Params.summary",
    "draft": "same meaning (left out of the build): kept",
    "tags": "Hugo's default taxonomy (a page per tag): hugo.toml declares `areas` as the only "
            "taxonomy, so tags are plain keywords as in FrontDoor",
    "aliases": "Hugo writes a redirect page per alias: renamed to `alt_names` in the copied "
               "files (shown as 'Also known as', as FrontDoor shows aliases)",
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sha256_file(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ---------------------------------------------------------------- setup

def ensure_binary(path, explicit):
    if explicit:
        if not path.exists():
            sys.exit(f"error: --binary {path} does not exist")
        return
    # Always asked for, so a binary older than the sources is never the one measured: when it
    # is up to date this takes seconds.
    log(f"bringing {path.relative_to(ROOT)} up to date with "
        "`swift build -c release --scratch-path .build-perf --product frontdoor` (about 5 minutes the first time)...")
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-perf",
                    "--product", "frontdoor"], cwd=ROOT, check=True)


def ensure_hugo():
    if shutil.which("hugo"):
        return
    log("hugo is missing: installing Debian's package (apt-get install -y --no-install-recommends hugo)...")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    install = sudo + ["apt-get", "install", "-y", "--no-install-recommends", "hugo"]
    if subprocess.run(install).returncode != 0:
        subprocess.run(sudo + ["apt-get", "update"], check=True)
        subprocess.run(install, check=True)
    if not shutil.which("hugo"):
        sys.exit("error: hugo is still not on PATH after apt-get install")


def corpus_dir(work, n, seed):
    """WORK/corpus-N-seedS/content, generated unless a complete copy made by the same
    generate_corpus.py is there already."""
    d = work / f"corpus-{n}-seed{seed}"
    stamp = d / ".complete"
    key = f"generate_corpus.py {sha256_file(GENERATOR)} n={n} seed={seed}"
    if stamp.exists() and stamp.read_text() == key and (d / "content").is_dir():
        log(f"N={n}: reusing the corpus in {d}")
        return d / "content", key
    if str(seed) == str(n):
        sys.exit("error: generate_corpus.py cannot take a seed equal to N; choose another --seed")
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    log(f"N={n}: generating the corpus into {d}...")
    cmd = [sys.executable, str(GENERATOR), str(n), str(d)]
    if seed != 42:
        cmd += ["--seed", str(seed)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    stamp.write_text(key)
    return d / "content", key


def split_front_matter(text):
    """(front matter lines, rest) of a profile: between the first line `---` and the next."""
    lines = text.split("\n")
    if lines[0] != "---":
        raise ValueError("no front matter")
    end = lines.index("---", 1)
    return lines[1:end], "\n".join(lines[end + 1:])


def hugo_site(work, n, seed, content, corpus_key):
    """WORK/hugo-N-seedS: the corpus as a Hugo site (converted once per N, cached).

    - organisations and partnerships: content/<folder>/<slug>.md as they are, except the key
      `aliases`, renamed `alt_names` (Hugo would make a redirect page per alias);
    - areas: content/areas/<slug>/_index.md, the taxonomy term's own page, so that the area
      page Hugo builds for the `areas` taxonomy carries the area's title, summary and body;
    - content/partnerships/_index.md switches RSS on for that section alone;
    - site.yml -> data/site.yaml (capability labels); content/assets/ -> static/assets/.
    hugo.toml and layouts/ are copied from Benchmarks/hugo/ before every build (prepare_hugo).
    """
    d = work / f"hugo-{n}-seed{seed}"
    stamp = d / ".complete"
    key = f"{corpus_key} converter={CONVERTER_VERSION}"
    notes_file = d / ".keys.json"
    if stamp.exists() and stamp.read_text() == key:
        log(f"N={n}: reusing the Hugo site in {d}")
        return d, json.loads(notes_file.read_text())
    if d.exists():
        shutil.rmtree(d)
    log(f"N={n}: converting the corpus into a Hugo site in {d}...")
    (d / "content").mkdir(parents=True)
    (d / "data").mkdir()
    keys_seen = {}
    renamed = 0
    for folder in ORG_FOLDERS:
        src_dir, dst_dir = content / folder, d / "content" / folder
        dst_dir.mkdir()
        for src in sorted(src_dir.iterdir()):
            if src.suffix != ".md":
                continue
            fm, body = split_front_matter(src.read_text(encoding="utf-8"))
            out = []
            for line in fm:
                m = re.match(r"([A-Za-z_][A-Za-z0-9_]*):", line)
                if m:
                    k = m.group(1).lower()
                    keys_seen[k] = keys_seen.get(k, 0) + 1
                    if k == "aliases":
                        line = "alt_names:" + line[len(m.group(0)):]
                        renamed += 1
                out.append(line)
            (dst_dir / src.name).write_text("---\n" + "\n".join(out) + "\n---\n" + body, encoding="utf-8")
    (d / "content" / "areas").mkdir()
    (d / "content" / "areas" / "_index.md").write_text("---\ntitle: Areas of expertise\n---\n")
    for src in sorted((content / "areas").iterdir()):
        if src.suffix != ".md":
            continue
        fm, _ = split_front_matter(src.read_text(encoding="utf-8"))
        for line in fm:
            m = re.match(r"([A-Za-z_][A-Za-z0-9_]*):", line)
            if m:
                keys_seen[m.group(1).lower()] = keys_seen.get(m.group(1).lower(), 0) + 1
        term = d / "content" / "areas" / src.stem
        term.mkdir()
        shutil.copyfile(src, term / "_index.md")
    (d / "content" / "partnerships" / "_index.md").write_text(
        "---\ntitle: Partnerships\noutputs: [html, rss]\n---\n")
    shutil.copyfile(content / "site.yml", d / "data" / "site.yaml")
    if (content / "assets").is_dir():
        shutil.copytree(content / "assets", d / "static" / "assets")
    clashes = sorted(k for k in keys_seen if k in HUGO_RESERVED)
    unhandled = [k for k in clashes if k not in RESERVED_HANDLING]
    if unhandled:
        sys.exit(f"error: the corpus uses front matter keys Hugo reserves that the conversion does "
                 f"not handle yet: {', '.join(unhandled)}")
    notes = {"front_matter_keys": dict(sorted(keys_seen.items())), "hugo_reserved_keys_used": clashes,
             "aliases_renamed_in_files": renamed}
    notes_file.write_text(json.dumps(notes, indent=1))
    stamp.write_text(key)
    return d, notes


def prepare_hugo(site):
    """Copy hugo.toml and layouts/ from Benchmarks/hugo/ (so template edits always apply)."""
    shutil.copyfile(HUGO_FILES / "hugo.toml", site / "hugo.toml")
    if (site / "layouts").exists():
        shutil.rmtree(site / "layouts")
    shutil.copytree(HUGO_FILES / "layouts", site / "layouts")


# ---------------------------------------------------------------- measuring

class BuildFailed(Exception):
    pass


def measured(cmd):
    """Run cmd; wall time around it, and the child's own peak RSS and CPU time from wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        why = f"exit {proc.returncode}"
        if proc.returncode < 0:
            why = f"killed by signal {-proc.returncode}" + (" (out of memory?)" if proc.returncode == -9 else "")
        raise BuildFailed(f"{why} after {wall:.1f} s, peak {usage.ru_maxrss / 1024:,.0f} MiB",
                          f"`{' '.join(map(str, cmd))}`: {why}\n{stdout[-2000:]}{stderr[-4000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_kib": usage.ru_maxrss,
            "stdout": stdout, "stderr": stderr}


def tree_size(path):
    total = files = html = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            files += 1
            total += os.lstat(os.path.join(dirpath, name)).st_size
            if name.endswith(".html"):
                html += 1
    return {"bytes": total, "files": files, "html_pages": html}


def fresh_dir(path, trash):
    """An empty folder at path. An earlier output there is moved aside into trash, not deleted:
    on ext4 without a journal (this machine's root) the inode allocator passes over inodes
    freed in the last 60 s (360 s while their table block is dirty), reading each one's table
    block, so a build that starts right after tens of thousands of files were deleted spends
    most of its time in the kernel (perf: `recently_deleted`, `find_inode_bit`). A `cp -r` of
    a 10,000-profile site took 2.6 s before such a delete and 18.6 s just after. Trash is
    deleted once every measurement is done."""
    if path.exists():
        trash.mkdir(parents=True, exist_ok=True)
        path.rename(trash / f"{path.name}-{time.time_ns()}")
    path.mkdir(parents=True)


def empty_trash(trash):
    if trash.exists():
        log(f"deleting the earlier outputs in {trash}")
        shutil.rmtree(trash)


TIMING_LINE = re.compile(r"^  (\S.*?)\s+(\d+(?:\.\d+)?) ms(?:\s+peak\s+(\d+) MiB)?(?:\s+now\s+(\d+) MiB)?(?:\s+cpu\s+(\d+(?:\.\d+)?) ms)?$")
BUILT_LINE = re.compile(r"Built (\d+) pages \((\d+) files\) from (\d+) profiles")


def frontdoor_cmd(binary, content, out):
    return [str(binary), "build", "--content", str(content), "--output", str(out), "--no-readability", "--timings"]


def hugo_cmd(site, out):
    return ["hugo", "--quiet", "--destination", str(out), "--source", str(site)]


def parse_frontdoor(run):
    steps = [m for m in map(TIMING_LINE.match, run["stderr"].splitlines()) if m]
    run["steps_ms"] = {m.group(1): float(m.group(2)) for m in steps}
    # The process's peak memory when each step ended: where memory grows.
    run["steps_peak_mib"] = {m.group(1): int(m.group(3)) for m in steps if m.group(3)}
    # CPU time against wall time: how much of each step kept both cores busy.
    run["steps_cpu_ms"] = {m.group(1): float(m.group(5)) for m in steps if m.group(5)}
    m = BUILT_LINE.search(run["stdout"])
    if m:
        run["reported_pages"], run["reported_files"], run["reported_profiles"] = map(int, m.groups())


class OneWordEdit:
    """Changes one word of a profile's summary, and puts the file back afterwards. The original is
    also saved in WORK/pending-edit.json until then, so that a run killed in between does not leave
    the cached corpus edited: restore_pending_edit() puts it back on the next start."""

    def __init__(self, path, backup):
        self.path = path
        self.backup = backup
        self.original = path.read_bytes()
        text = self.original.decode("utf-8")
        m = re.search(r"^summary: .*?\b([A-Za-z]{3,})\b(?=[^A-Za-z]*$)", text, re.M)
        if not m:
            sys.exit(f"error: no summary word to edit in {path}")
        word = m.group(1)
        new = "benchmark" if word != "benchmark" else "edited"
        self.edited = (text[:m.start(1)] + new + text[m.end(1):]).encode("utf-8")
        self.description = f"{path.parent.name}/{path.name}: summary's last word {word!r} -> {new!r}"

    def __enter__(self):
        self.backup.write_text(json.dumps({"path": str(self.path), "original": self.original.decode("utf-8")}))
        self.path.write_bytes(self.edited)
        return self

    def __exit__(self, *exc):
        self.path.write_bytes(self.original)
        self.backup.unlink()


def restore_pending_edit(backup):
    if backup.exists():
        saved = json.loads(backup.read_text())
        Path(saved["path"]).write_text(saved["original"], encoding="utf-8")
        backup.unlink()
        log(f"restored {saved['path']}, left edited by an interrupted run")


def edit_target(content):
    """The first published company by file name: the same file in the corpus and the Hugo site."""
    for p in sorted((content / "companies").glob("*.md")):
        if "\ndraft: true\n" not in p.read_text(encoding="utf-8"):
            return p.name
    sys.exit("error: no published company to edit")


def median_run(runs):
    ranked = sorted(runs, key=lambda r: r["wall_s"])
    return ranked[(len(ranked) - 1) // 2]


def summarise(runs):
    walls = [r["wall_s"] for r in runs]
    return {"median_wall_s": statistics.median(walls), "min_wall_s": min(walls), "max_wall_s": max(walls),
            "median_cpu_s": statistics.median(r["cpu_s"] for r in runs),
            "median_peak_rss_kib": statistics.median(r["peak_rss_kib"] for r in runs)}


# ---------------------------------------------------------------- machine

def first_line(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        return ((p.stdout or p.stderr).strip().splitlines() or ["?"])[0]
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def machine(binary, with_hugo):
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    commit = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    st = binary.stat()
    return {"cpu": cpu, "cores": os.cpu_count(), "ram": ram, "kernel": platform.release(),
            "hugo": first_line(["hugo", "version"]) if with_hugo else "skipped",
            "swift": first_line(["swift", "--version"]), "python": platform.python_version(),
            "commit": commit + (" (with uncommitted changes)" if dirty else ""),
            "binary": str(binary), "binary_modified": datetime.datetime.fromtimestamp(st.st_mtime).isoformat(timespec="seconds"),
            "date": datetime.date.today().isoformat()}


# ---------------------------------------------------------------- report

def fmt_n(n):
    return f"{n:,}"


def mib(b):
    return b / 1024 / 1024


def faster(fd, hugo):
    ratio = hugo / fd
    return ratio, (f"FrontDoor is {ratio:.1f}x faster" if ratio >= 1 else f"Hugo is {1 / ratio:.1f}x faster")


def size_label(n):
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def report(results, info, args, done=True):
    tools = ["frontdoor"] + ([] if args.skip_hugo else ["hugo"])
    names = {"frontdoor": "FrontDoor", "hugo": "Hugo"}
    ok = lambda r, t: t in r and "error" not in r[t]  # noqa: E731
    sizes = ",".join(map(str, args.sizes))
    large_flag = f" --large-repeats {args.large_repeats}" if args.large_repeats else ""
    large_note = (f" ({args.large_repeats} at {fmt_n(LARGE)} and more)"
                  if args.large_repeats and any(n >= LARGE for n in args.sizes) else "")
    L = ["# Build benchmark: FrontDoor and Hugo", ""]
    if not done:
        L += [f"**Incomplete: written after N = {fmt_n(results[-1]['n'])}; the run went on to the other sizes.**", ""]
    L += [f"{info['date']}, commit `{info['commit']}`. Machine: {info['cpu']}, {info['cores']} cores, "
          f"{info['ram']} RAM, Linux {info['kernel']}; {info['hugo']}; {info['swift']}; Python {info['python']}.",
          f"FrontDoor binary `{os.path.relpath(info['binary'], ROOT)}` (modified {info['binary_modified']}).", "",
          f"Medians of {args.repeats} build{'s' if args.repeats != 1 else ''} per tool and size"
          f"{large_note}, tools taking turns; "
          "each full build into a fresh empty folder; after all of them, each rebuild into the folder of the last "
          "one after one word of one summary changed (then put back, and so on). Earlier outputs are moved aside, not deleted, until the end: on this ext4 (no journal) "
          "files made within minutes of a large delete cost several times more kernel time. "
          f"Command: `python3 Benchmarks/build_benchmark.py --sizes {sizes} --repeats {args.repeats}{large_flag}"
          f"{' --skip-hugo' if args.skip_hugo else ''}`.", "",
          "| N | tool | median wall s | profiles/s | CPU s | peak MiB | output MiB / files | HTML pages | rebuild after one edit, s |",
          "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        for t in tools:
            if not ok(r, t):
                L.append(f"| {fmt_n(r['n'])} | {names[t]} | failed: {r[t]['error']} | | | | | | |")
                continue
            s, reb, size = r[t]["full"], r[t]["rebuild"], r[t]["output"]
            L.append(f"| {fmt_n(r['n'])} | {names[t]} | {s['median_wall_s']:.2f} | "
                     f"{r['n'] / s['median_wall_s']:,.0f} | {s['median_cpu_s']:.2f} | "
                     f"{s['median_peak_rss_kib'] / 1024:,.0f} | {mib(size['bytes']):,.1f} / {fmt_n(size['files'])} | "
                     f"{fmt_n(size['html_pages'])} | {reb['median_wall_s']:.2f} |")
    L.append("")
    both = [r for r in results if ok(r, "frontdoor") and ok(r, "hugo")]
    if both:
        L += ["| N | FrontDoor s | Hugo s | Hugo / FrontDoor | | rebuild: FrontDoor s | Hugo s | Hugo / FrontDoor |",
              "|---:|---:|---:|---:|---|---:|---:|---:|"]
        for r in both:
            fd, hu = r["frontdoor"], r["hugo"]
            ratio, words = faster(fd["full"]["median_wall_s"], hu["full"]["median_wall_s"])
            rratio, rwords = faster(fd["rebuild"]["median_wall_s"], hu["rebuild"]["median_wall_s"])
            r["hugo_over_frontdoor"] = ratio
            r["rebuild_hugo_over_frontdoor"] = rratio
            L.append(f"| {fmt_n(r['n'])} | {fd['full']['median_wall_s']:.2f} | {hu['full']['median_wall_s']:.2f} | "
                     f"{ratio:.2f} | {words} | {fd['rebuild']['median_wall_s']:.2f} | "
                     f"{hu['rebuild']['median_wall_s']:.2f} | {rratio:.2f} ({rwords}) |")
        L.append("")
    scaling = []
    for t in tools:
        good = [r for r in results if ok(r, t)]
        if len(good) < 2:
            continue
        lo, hi = good[0], good[-1]
        per_lo = lo[t]["full"]["median_wall_s"] / lo["n"]
        per_hi = hi[t]["full"]["median_wall_s"] / hi["n"]
        info.setdefault("per_profile_time_ratio", {})[t] = {"from": lo["n"], "to": hi["n"], "ratio": per_hi / per_lo}
        scaling.append(f"- {names[t]}, {size_label(hi['n'])} against {size_label(lo['n'])}: {per_lo * 1000:.2f} ms -> "
                       f"{per_hi * 1000:.2f} ms per profile, **{per_hi / per_lo:.2f}x**")
    if scaling:
        L += ["Time per profile at the largest N against the smallest (1.0 = linear; FrontDoor's target is "
              "within 1.5x from 1k to 100k):", ""] + scaling + [""]
    fd_ok = [r for r in results if ok(r, "frontdoor")]
    steps = []
    for r in fd_ok:
        steps += [k for k in r["frontdoor"]["median_steps_ms"] if k not in steps]
    if steps:
        L += ["FrontDoor's steps in its median full build (`--timings`): wall ms / CPU ms (all threads; twice the "
              "wall time is both cores busy), and in brackets the process's peak memory in MiB when the step "
              "ended (where memory grows):", "",
              "| step | " + " | ".join(fmt_n(r["n"]) for r in fd_ok) + " |",
              "|---|" + "---:|" * len(fd_ok)]

        def cell(r, k):
            peak = r["frontdoor"].get("median_steps_peak_mib", {}).get(k)
            cpu = r["frontdoor"].get("median_steps_cpu_ms", {}).get(k)
            return (f"{r['frontdoor']['median_steps_ms'].get(k, 0):,.1f}" + (f" / {cpu:,.0f}" if cpu is not None else "")
                    + (f" ({peak:,})" if peak is not None else ""))
        for k in steps:
            L.append(f"| {k} | " + " | ".join(cell(r, k) for r in fd_ok) + " |")
        L.append("")
    if fd_ok:
        L.append("Pages: FrontDoor " + "; ".join(
            f"{fmt_n(r['n'])}: {fmt_n(r['frontdoor'].get('reported_pages') or 0)} pages, "
            f"{fmt_n(r['frontdoor'].get('reported_files') or 0)} files" for r in fd_ok)
            + " (its own count: profiles, areas, type lists of 200 to a page, match pages, search page, home, 404; the files add "
            "the search index, sitemap, feed, CSS, JS and logos).")
    hugo_ok = [r for r in results if ok(r, "hugo")]
    if hugo_ok:
        L.append("Hugo " + "; ".join(
            f"{fmt_n(r['n'])}: {fmt_n(r['hugo']['output']['html_pages'])} HTML pages, "
            f"{fmt_n(r['hugo']['output']['files'])} files" for r in hugo_ok)
            + " (profiles, list pages of 200 per type and their page/1/ redirects, the areas page and each area's pages (200 profiles to a page, with their page/1/ redirects), home, 404; the files add "
            "sitemap.xml, robots.txt, index.json, the partnerships RSS feed and the logos).")
    if not args.skip_hugo:
        used = set()
        for r in results:
            used.update(r.get("hugo_notes", {}).get("hugo_reserved_keys_used", []))
        L += ["", "Front matter keys of the corpus that Hugo reserves: " + "; ".join(
            f"`{k}`: {v}" for k, v in RESERVED_HANDLING.items() if k in used) + "."]
    if results and "edit" in results[0]:
        L += ["", f"Rebuild edit: {results[0]['edit']} (the first published company by file name, at each N)."]
    L.append("")
    return "\n".join(L)


def write_outputs(results, info, args, done):
    text = report(results, info, args, done)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    raw = {"machine": info, "sizes": args.sizes, "repeats": args.repeats, "large_repeats": args.large_repeats, "seed": args.seed,
           "complete": done, "results": results}
    args.out.with_suffix(".json").write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
    return text


# ---------------------------------------------------------------- main

def strip_output(run):
    return {k: v for k, v in run.items() if k not in ("stdout", "stderr")}


LARGE = 100_000


def repeats_at(n, args):
    """--repeats, or --large-repeats from 100,000 profiles up (a build there takes minutes)."""
    return args.large_repeats if args.large_repeats and n >= LARGE else args.repeats


def prepare_size(n, args, work, binary):
    """The tools and their commands for one N, with the corpus (and Hugo site) ready."""
    content, corpus_key = corpus_dir(work, n, args.seed)
    target = edit_target(content)
    row = {"n": n, "corpus": str(content)}
    tools = {"frontdoor": {"out": work / f"out-frontdoor-{n}",
                           "cmd": frontdoor_cmd(binary, content, work / f"out-frontdoor-{n}"),
                           "edit_file": content / "companies" / target}}
    if not args.skip_hugo:
        site, notes = hugo_site(work, n, args.seed, content, corpus_key)
        prepare_hugo(site)
        row["hugo_notes"] = notes
        tools["hugo"] = {"out": work / f"out-hugo-{n}", "cmd": hugo_cmd(site, work / f"out-hugo-{n}"),
                         "edit_file": site / "content" / "companies" / target}
    for t in tools.values():
        t.update(full=[], rebuild=[], error=None)
    return {"n": n, "row": row, "tools": tools, "repeats": repeats_at(n, args)}


def taking_turns(size):
    """(rep, tool name, tool) in the order the tools take turns, skipping a tool that failed."""
    order = list(size["tools"])
    for rep in range(size["repeats"]):
        for tool in (order if rep % 2 == 0 else order[::-1]):
            if not size["tools"][tool]["error"]:
                yield rep, tool, size["tools"][tool]


def record_failure(size, rep, tool, t, e):
    t["error"] = e.args[0]
    t["error_detail"] = e.args[1]
    log(f"N={size['n']} run {rep + 1}/{size['repeats']} {tool}: FAILED, {e.args[1]}")


def measure_full(size, work):
    """The full builds of one N, each into a fresh empty folder, the last one left in place for
    the rebuilds."""
    for rep, tool, t in taking_turns(size):
        try:
            fresh_dir(t["out"], work / "trash")                   # outside the timed region
            run = measured(t["cmd"])
        except BuildFailed as e:
            record_failure(size, rep, tool, t, e)
            continue
        run["output"] = tree_size(t["out"])
        if tool == "frontdoor":
            parse_frontdoor(run)
        t["full"].append(run)
        log(f"N={size['n']} run {rep + 1}/{size['repeats']} {tool:9s}: full {run['wall_s']:7.2f} s "
            f"(CPU {run['cpu_s']:.1f} s, peak {run['peak_rss_kib'] / 1024:,.0f} MiB, {run['output']['files']:,} files)")


def measure_rebuilds(size, work):
    """Rebuilds into the folder of the last full build, each after one word of one summary
    changed: the word is changed for the first, put back for the second (again one word), and
    so on. Measured after every full build of every N: FrontDoor's rebuild removes the old
    site after its swap, and the tens of thousands of inodes it frees would slow the file
    creation of any build that followed within minutes (see `fresh_dir`)."""
    edited = {tool: False for tool in size["tools"]}
    for rep, tool, t in taking_turns(size):
        try:
            if not edited[tool]:
                with OneWordEdit(t["edit_file"], work / "pending-edit.json") as edit:
                    again = measured(t["cmd"])                        # same folder, one word changed
                size["row"]["edit"] = edit.description
            else:
                again = measured(t["cmd"])                            # the word put back
        except BuildFailed as e:
            record_failure(size, rep, tool, t, e)
            continue
        edited[tool] = not edited[tool]
        if tool == "frontdoor":
            parse_frontdoor(again)
        t["rebuild"].append(again)
        log(f"N={size['n']} run {rep + 1}/{size['repeats']} {tool:9s}: rebuild after one edit {again['wall_s']:6.2f} s")


def size_result(size):
    row = size["row"]
    for tool, t in size["tools"].items():
        if t["error"] or not t["full"] or not t["rebuild"]:
            row[tool] = {"error": t["error"] or "no run", "error_detail": t.get("error_detail", ""),
                         "command": " ".join(map(str, t["cmd"])), "runs": [strip_output(r) for r in t["full"]]}
            continue
        med = median_run(t["full"])
        row[tool] = {"full": summarise(t["full"]), "rebuild": summarise(t["rebuild"]), "output": med["output"],
                     "command": " ".join(map(str, t["cmd"])),
                     "runs": [strip_output(r) for r in t["full"]], "rebuild_runs": [strip_output(r) for r in t["rebuild"]]}
        if tool == "frontdoor":
            row[tool]["median_steps_ms"] = med.get("steps_ms", {})
            row[tool]["median_steps_peak_mib"] = med.get("steps_peak_mib", {})
            row[tool]["median_steps_cpu_ms"] = med.get("steps_cpu_ms", {})
            row[tool]["reported_pages"] = med.get("reported_pages")
            row[tool]["reported_files"] = med.get("reported_files")
            row[tool]["rebuild_median_steps_ms"] = median_run(t["rebuild"]).get("steps_ms", {})
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated N (default 1000,10000,100000)")
    ap.add_argument("--repeats", type=int, default=3, help="full builds per tool and size (default 3; median reported)")
    ap.add_argument("--large-repeats", type=int, default=None,
                    help="full builds per tool at 100,000 profiles and more (default: --repeats)")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help=f"corpora, Hugo sites and outputs (default {DEFAULT_WORK})")
    ap.add_argument("--binary", type=Path, default=None, help="frontdoor binary (default .build-perf/release/frontdoor, built if missing)")
    ap.add_argument("--skip-hugo", action="store_true", help="measure FrontDoor only")
    ap.add_argument("--seed", type=int, default=42, help="corpus seed (default 42)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report (default Benchmarks/results/build.md; JSON beside it)")
    args = ap.parse_args()
    try:
        args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        ap.error("--sizes takes numbers separated by commas, e.g. 1000,10000")
    if not args.sizes or args.repeats < 1 or (args.large_repeats is not None and args.large_repeats < 1) or args.sizes[0] < 10:
        ap.error("--repeats must be at least 1 and every size at least 10")
    binary = (args.binary or DEFAULT_BINARY).absolute()
    work = args.work.absolute()
    for protected in (ROOT / "content", ROOT / "site"):
        if work == protected or protected in work.parents:
            ap.error(f"--work must not be inside {protected}")
    work.mkdir(parents=True, exist_ok=True)
    restore_pending_edit(work / "pending-edit.json")

    ensure_binary(binary, args.binary is not None)
    if not args.skip_hugo:
        ensure_hugo()
    info = machine(binary, not args.skip_hugo)
    log(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram']}; {info['hugo']}")

    sizes = [prepare_size(n, args, work, binary) for n in args.sizes]
    for size in sizes:
        measure_full(size, work)
    for size in sizes:
        measure_rebuilds(size, work)
    empty_trash(work / "trash")
    results = [size_result(size) for size in sizes]
    text = write_outputs(results, info, args, done=True)
    print(text)
    log(f"wrote {args.out} and {args.out.with_suffix('.json')}")
    failed = [f"{r['n']} {t}" for r in results for t in ("frontdoor", "hugo") if t in r and "error" in r[t]]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
