#!/usr/bin/env python3
"""FrontDoor's browser search against Pagefind on the same built site.

    search_benchmark.py [--n 10000] [--repeats 15] [--typos 100] [--no-build] [--keep DIR]
                        [--pagefind-only] [--out results/search.md]

1. generates an N-profile corpus (generate_corpus.py, seed 42),
2. builds the site with the release binary (.build-bench/release/frontdoor) into a temp folder,
3. runs Pagefind over the same pages (profile, partnership and area pages: the documents our
   index holds), with `python3 -m pagefind` from Benchmarks/.venv (or the repo's .venv),
4. serves the folder on 127.0.0.1 and drives headless Chromium with selenium, on a bare page
   that loads only the engine under test (no search UI),
5. prints a side-by-side table and writes it to results/search.md.

Byte counts: python's http.server does not compress, so the transfer size of every fetched file
is computed here: gzip level 6 of its bytes (what an nginx/CDN `gzip on` would send), or its raw
size when that is smaller (Pagefind's files are gzipped already).
"""
import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import pathlib
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate_corpus  # noqa: E402

PROFILE_FOLDERS = ["areas", "institutions", "trusts", "networks", "companies", "partnerships"]
SEED = 42


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def gz(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def wire_size(data):
    """Bytes a gzip-enabled static host would send for this file."""
    return min(len(data), gz(data))


def fmt_bytes(n):
    if n is None:
        return "n/a"
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.2f} MiB"
    if n >= 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n} B"


def fmt_ms(x):
    return "n/a" if x is None else (f"{x:.1f} ms" if x < 100 else f"{x:.0f} ms")


# ---------------------------------------------------------------- setup

def find_python_with_pagefind():
    for venv in (HERE / ".venv", REPO / ".venv"):
        py = venv / "bin" / "python3"
        if py.exists() and subprocess.run([str(py), "-c", "import pagefind, selenium"],
                                          capture_output=True).returncode == 0:
            return str(py)
    return None


def ensure_venv():
    py = find_python_with_pagefind()
    if py:
        return py
    log("creating Benchmarks/.venv with pagefind[extended] and selenium ...")
    subprocess.run([sys.executable, "-m", "venv", str(HERE / ".venv")], check=True)
    subprocess.run([str(HERE / ".venv/bin/pip"), "install", "-q", "pagefind[extended]", "selenium"], check=True)
    return str(HERE / ".venv/bin/python3")


def build_binary():
    log("swift build -c release --scratch-path .build-bench --product frontdoor ...")
    t = time.time()
    r = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-bench", "--product", "frontdoor"],
                       cwd=REPO, capture_output=True, text=True)
    if r.returncode != 0:
        log(r.stdout[-3000:], r.stderr[-3000:])
        raise SystemExit("swift build failed")
    log(f"  built in {time.time() - t:.0f} s")


def our_index_files(site):
    files = []
    single = site / "search-index.json"
    if single.exists():
        files.append(single)
    split = site / "search"
    if split.is_dir():
        files += sorted(p for p in split.rglob("*.json") if p.is_file())
    return files


def pagefind_index_files(site):
    pf = site / "pagefind"
    return sorted(p for p in pf.rglob("*") if p.is_file() and
                  (p.name.startswith("pagefind-entry") or re.search(r"\.pf_(meta|index|fragment|filter)$", p.name)))


def dir_sizes(files, already_gzipped=False):
    raw = 0
    wire = 0
    for f in files:
        data = f.read_bytes()
        if already_gzipped and data[:2] == b"\x1f\x8b":
            raw += len(gzip.decompress(data))
            wire += len(data)
        else:
            raw += len(data)
            wire += wire_size(data)
    return raw, wire


# ---------------------------------------------------------------- server and browser

REQUESTS = []  # paths the server was asked for since the last fresh_page (includes Web Worker fetches,
#                which the page's Resource Timing API does not show: Pagefind 1.5 fetches from a worker)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                      ".wasm": "application/wasm", ".pagefind": "application/octet-stream"}

    def log_message(self, *args):
        pass

    def do_GET(self):
        REQUESTS.append(self.path)
        return super().do_GET()


@contextlib.contextmanager
def serve(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def chromium():
    os.environ["SE_AVOID_STATS"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--disable-extensions", "--window-size=1280,900"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


BENCH_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>search bench</title>
<script>performance.setResourceTimingBufferSize(100000);</script>
{script}
</head><body><main><p>bench</p></main></body></html>
"""

# Loads the engine, runs one query, returns timings and the list of fetched URLs.
OURS_FIRST = """
const [q, limit, extra, done] = arguments;
const t0 = performance.now();
FrontDoorSearch.load('/').then(engine => {
  const t1 = performance.now();
  return engine.search(q, Object.assign({limit}, extra)).then(r => {
    const t2 = performance.now();
    window.__engine = engine;
    done({ok: true, load: t1 - t0, query: t2 - t1, total: t2 - t0, count: r.total,
          top: r.results.slice(0, limit).map(x => x.slug),
          urls: performance.getEntriesByType('resource').map(e => e.name)});
  });
}).catch(e => done({ok: false, error: String(e && e.stack || e)}));
"""

OURS_REPEAT = """
const [q, limit, extra, repeats, done] = arguments;
(async () => {
  const engine = window.__engine || await FrontDoorSearch.load('/');
  window.__engine = engine;
  await engine.search(q, Object.assign({limit}, extra));
  const times = [];
  let r;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    r = await engine.search(q, Object.assign({limit}, extra));
    times.push(performance.now() - t);
  }
  return {ok: true, times, count: r.total, top: r.results.map(x => x.slug)};
})().then(done, e => done({ok: false, error: String(e && e.stack || e)}));
"""

PF_FIRST = """
const [q, limit, done] = arguments;
(async () => {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const t1 = performance.now();
  const s = await pf.search(q);
  const t2 = performance.now();
  const data = await Promise.all(s.results.slice(0, limit).map(r => r.data()));
  const t3 = performance.now();
  window.__pf = pf;
  return {ok: true, load: t1 - t0, query: t2 - t1, data: t3 - t2, total: t3 - t0, count: s.results.length,
          top: data.map(d => d.url), urls: performance.getEntriesByType('resource').map(e => e.name)};
})().then(done, e => done({ok: false, error: String(e && e.stack || e)}));
"""

PF_REPEAT = """
const [q, limit, repeats, done] = arguments;
(async () => {
  const pf = window.__pf || await import('/pagefind/pagefind.js');
  window.__pf = pf;
  let s = await pf.search(q);
  await Promise.all(s.results.slice(0, limit).map(r => r.data()));
  const times = [], timesData = [];
  let top = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    s = await pf.search(q);
    const t1 = performance.now();
    const data = await Promise.all(s.results.slice(0, limit).map(r => r.data()));
    times.push(t1 - t);
    timesData.push(performance.now() - t);
    top = data.map(d => d.url);
  }
  return {ok: true, times, timesData, count: s.results.length, top};
})().then(done, e => done({ok: false, error: String(e && e.stack || e)}));
"""

OURS_BATCH = """
const [queries, limit, done] = arguments;
(async () => {
  const engine = window.__engine || await FrontDoorSearch.load('/');
  window.__engine = engine;
  const out = [];
  for (const q of queries) { const r = await engine.search(q, {limit}); out.push(r.results.map(x => x.slug)); }
  return {ok: true, out};
})().then(done, e => done({ok: false, error: String(e && e.stack || e)}));
"""

PF_BATCH = """
const [queries, limit, done] = arguments;
(async () => {
  const pf = window.__pf || await import('/pagefind/pagefind.js');
  window.__pf = pf;
  const out = [];
  for (const q of queries) {
    const s = await pf.search(q);
    const data = await Promise.all(s.results.slice(0, limit).map(r => r.data()));
    out.push(data.map(d => d.url));
  }
  return {ok: true, out};
})().then(done, e => done({ok: false, error: String(e && e.stack || e)}));
"""


def fresh_page(driver, url):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get("about:blank")
    time.sleep(0.05)
    REQUESTS.clear()
    driver.get(url)


def fetched_bytes(site):
    """Wire bytes of the distinct files the server sent since the fresh page, split into index
    data and engine code (JS, wasm)."""
    seen = set()
    data_bytes = code_bytes = 0
    files = []
    for u in list(REQUESTS):
        path = urllib.parse.unquote(urllib.parse.urlparse(u).path)
        if path in seen or path.startswith("/__bench__"):
            continue
        seen.add(path)
        f = site / path.lstrip("/")
        if not f.is_file():
            continue
        size = wire_size(f.read_bytes())
        if f.suffix == ".js" or f.name.startswith("wasm.") or f.suffix == ".css":
            code_bytes += size
        else:
            data_bytes += size
        files.append(path)
    return data_bytes, code_bytes, files


def run_script(driver, script, *args):
    r = driver.execute_async_script(script, *args)
    if not r or not r.get("ok"):
        raise RuntimeError(f"browser script failed: {r and r.get('error')}")
    return r


# ---------------------------------------------------------------- typo set

def analyse_word(w):
    return re.sub(r"[^a-z0-9]", "", w.lower())


def make_typo(word, k):
    """One deterministic edit, never at the first letter: substitution, deletion, insertion or swap."""
    pos = 1 + (k * 7) % (len(word) - 2)
    op = k % 4
    letters = "etaoinsrhl"
    if op == 0:
        c = letters[k % len(letters)]
        if c == word[pos]:
            c = "u"
        return word[:pos] + c + word[pos + 1:]
    if op == 1:
        return word[:pos] + word[pos + 1:]
    if op == 2:
        return word[:pos] + letters[(k * 3) % len(letters)] + word[pos:]
    if word[pos] == word[pos + 1]:
        pos = max(1, pos - 1)
    return word[:pos] + word[pos + 1] + word[pos] + word[pos + 2:]


def typo_cases(content, count):
    """(slug, url, word, typo) for `count` profiles chosen with a fixed seed: the title word that
    occurs in the fewest titles (longest on ties), at least 5 letters."""
    profiles = []
    for folder in PROFILE_FOLDERS:
        for f in sorted((content / folder).glob("*.md")):
            text = f.read_text(encoding="utf-8")
            if "\ndraft: true\n" in text.split("\n---", 1)[0]:
                continue
            m = re.search(r"^title: (.*)$", text, re.M)
            title = m.group(1).strip().strip('"')
            profiles.append((folder, f.stem, title))
    df = {}
    for _, _, title in profiles:
        for w in set(analyse_word(w) for w in title.split()):
            df[w] = df.get(w, 0) + 1
    rng = generate_corpus.Rng(20260101)
    candidates = [p for p in profiles if p[0] != "areas"]
    chosen = []
    seen = set()
    while len(chosen) < count and len(seen) < len(candidates):
        folder, slug, title = candidates[rng.below(len(candidates))]
        if slug in seen:
            continue
        seen.add(slug)
        words = [analyse_word(w) for w in title.split()]
        words = [w for w in words if len(w) >= 6 and w.isalpha()]
        if not words:
            continue
        word = min(words, key=lambda w: (df[w], -len(w), w))
        k = len(chosen)
        chosen.append((slug, f"/{folder}/{slug}/", word, make_typo(word, k)))
    return chosen


# ---------------------------------------------------------------- main

def median(xs):
    return statistics.median(xs) if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--repeats", type=int, default=15, help="warm runs per query (median reported)")
    ap.add_argument("--typos", type=int, default=100)
    ap.add_argument("--no-build", action="store_true", help="use the existing .build-bench binary")
    ap.add_argument("--binary", default=str(REPO / ".build-bench/release/frontdoor"))
    ap.add_argument("--templates", default=str(REPO / "templates"))
    ap.add_argument("--keep", help="work in this folder and keep it (default: a temp folder, removed)")
    ap.add_argument("--pagefind-only", action="store_true", help="skip our engine even if present")
    ap.add_argument("--out", default=str(HERE / "results/search.md"))
    args = ap.parse_args()
    started = time.time()

    py = ensure_venv()
    try:
        import selenium  # noqa: F401
    except ImportError:  # run again under the venv that has selenium and pagefind
        os.execv(py, [py, __file__] + sys.argv[1:])
    if not args.no_build:
        build_binary()
    binary = pathlib.Path(args.binary)
    if not binary.exists():
        raise SystemExit(f"no binary at {binary}: run without --no-build")

    work = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="fd-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return run(args, py, binary, work, started)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def run(args, py, binary, work, started):
    n = args.n
    log(f"generating {n} profiles ...")
    t = time.time()
    corpus = generate_corpus.Corpus(n, SEED)
    corpus.write(str(work))
    content = work / "content"
    log(f"  {time.time() - t:.1f} s")

    site = work / "site"
    if site.exists():
        shutil.rmtree(site)
    log("frontdoor build ...")
    t = time.time()
    r = subprocess.run([str(binary), "build", "--content", str(content), "--templates", args.templates,
                        "--output", str(site), "--timings"], capture_output=True, text=True)
    build_s = time.time() - t
    if r.returncode != 0:
        log(r.stdout[-4000:], r.stderr[-4000:])
        raise SystemExit("frontdoor build failed")
    build_out = (r.stdout + r.stderr).strip()
    log("  " + build_out.replace("\n", "\n  "))

    ours_files = our_index_files(site)
    core_js = sorted((site / "static").glob("search-core.*.js"))
    have_ours = bool(ours_files) and bool(core_js) and not args.pagefind_only
    if not have_ours:
        log(f"our engine not measured: index files {len(ours_files)}, search-core js {len(core_js)}")

    log("pagefind ...")
    glob = "{" + ",".join(PROFILE_FOLDERS) + "}/*/index.html"
    t = time.time()
    r = subprocess.run([py, "-m", "pagefind", "--site", str(site), "--glob", glob, "--root-selector", "main"],
                       capture_output=True, text=True)
    pagefind_s = time.time() - t
    if r.returncode != 0:
        log(r.stdout[-4000:], r.stderr[-4000:])
        raise SystemExit("pagefind failed")
    m = re.search(r"Indexed (\d+) pages?", r.stdout)
    pf_pages = int(m.group(1)) if m else None
    m = re.search(r"Indexed (\d+) words?", r.stdout)
    pf_words = int(m.group(1)) if m else None
    log(f"  pagefind indexed {pf_pages} pages, {pf_words} words in {pagefind_s:.1f} s")

    bench = site / "__bench__"
    bench.mkdir()
    if have_ours:
        (bench / "ours.html").write_text(BENCH_HTML.format(
            script=f'<script src="/static/{core_js[0].name}"></script>'))
    (bench / "pagefind.html").write_text(BENCH_HTML.format(script=""))

    results = {"n": n, "build_s": build_s, "pagefind_s": pagefind_s, "pf_pages": pf_pages, "pf_words": pf_words,
               "build_out": build_out}
    pf_files = pagefind_index_files(site)
    results["pf_index"] = dir_sizes(pf_files, already_gzipped=True) + (len(pf_files),)
    pf_code = [p for p in (site / "pagefind").glob("*") if p.name == "pagefind.js" or p.name.startswith("wasm.")]
    results["pf_code"] = sum(wire_size(p.read_bytes()) for p in pf_code)
    if have_ours:
        results["ours_index"] = dir_sizes(ours_files) + (len(ours_files),)
        results["ours_code"] = wire_size(core_js[0].read_bytes())
        terms = 0
        for f in ours_files:
            if f.name == "search-index.json":
                terms += len(json.loads(f.read_bytes()).get("terms", {}))
            elif f.parent.name == "terms":
                terms += len(json.loads(f.read_bytes()))
        results["ours_terms"] = terms

    # Queries: fixed ones plus a company name and a product word from the corpus.
    companies = sorted((content / "companies").glob("*.md"))
    pick = companies[len(companies) // 3]
    company_title = re.search(r"^title: (.*)$", pick.read_text(), re.M).group(1).strip('"')
    brand = company_title.split()[0]
    queries = [("menopause", "menopause"), ("clinical trials", "clinical trials"),
               ("virtual ward", "virtual ward"), ("typo", "menopuase"), ("typo", "demnetia"),
               ("prefix", "cardio"), ("company name", company_title), ("brand word", brand.lower()),
               ("long query", "remote monitoring for heart failure in care homes"),
               ("no facets", "menopause", {"facets": False})]
    limit = 5
    rows = []
    with serve(site) as base, chromium() as driver:
        for label, q, *extra in queries:
            extra = extra[0] if extra else {}
            row = {"label": label + (" " + json.dumps(extra) if extra else ""), "q": q}
            if have_ours:
                fresh_page(driver, base + "/__bench__/ours.html")
                first = run_script(driver, OURS_FIRST, q, limit, extra)
                d, c, files = fetched_bytes(site)
                rep = run_script(driver, OURS_REPEAT, q, limit, extra, args.repeats)
                row["ours"] = {"first_ms": first["total"], "load_ms": first["load"], "data": d, "code": c,
                               "files": len(files), "fetched": files, "warm_ms": median(rep["times"]), "count": first["count"],
                               "top": first["top"]}
            fresh_page(driver, base + "/__bench__/pagefind.html")
            first = run_script(driver, PF_FIRST, q, limit)
            d, c, files = fetched_bytes(site)
            rep = run_script(driver, PF_REPEAT, q, limit, args.repeats)
            row["pf"] = {"first_ms": first["total"], "load_ms": first["load"], "data": d, "code": c,
                         "files": len(files), "fetched": files, "warm_ms": median(rep["times"]), "warm_data_ms": median(rep["timesData"]),
                         "count": first["count"], "top": first["top"]}
            rows.append(row)
            log(f"  {label:13} {q[:40]!r:44} ours {fmt_bytes(row.get('ours', {}).get('data'))}"
                f" {fmt_ms(row.get('ours', {}).get('warm_ms'))} | pagefind {fmt_bytes(row['pf']['data'])}"
                f" {fmt_ms(row['pf']['warm_ms'])}")

        # Typo tolerance.
        cases = typo_cases(content, args.typos)
        typo = {"cases": len(cases)}
        fresh_page(driver, base + "/__bench__/pagefind.html")
        out = run_script(driver, PF_BATCH, [c[3] for c in cases], limit)["out"]
        typo["pf_hits"] = sum(1 for c, top in zip(cases, out) if c[1] in top)
        typo["pf_exact"] = sum(1 for c, top in zip(cases, run_script(driver, PF_BATCH, [c[2] for c in cases], limit)["out"])
                               if c[1] in top)
        if have_ours:
            fresh_page(driver, base + "/__bench__/ours.html")
            out = run_script(driver, OURS_BATCH, [c[3] for c in cases], limit)["out"]
            typo["ours_hits"] = sum(1 for c, top in zip(cases, out) if c[0] in top)
            typo["ours_misses"] = [(c[2], c[3]) for c, top in zip(cases, out) if c[0] not in top][:10]
            out = run_script(driver, OURS_BATCH, [c[2] for c in cases], limit)["out"]
            typo["ours_exact"] = sum(1 for c, top in zip(cases, out) if c[0] in top)
        typo["examples"] = [(c[2], c[3]) for c in cases[:6]]
        results["typo"] = typo

        # Area synonyms: searching a synonym of an area (`menopause` for women's health) should
        # bring up that area's page.
        syn_cases = [(a[0], a[3][0]) for a in generate_corpus.AREAS]
        syn = {"cases": len(syn_cases)}
        fresh_page(driver, base + "/__bench__/pagefind.html")
        out = run_script(driver, PF_BATCH, [c[1] for c in syn_cases], limit)["out"]
        syn["pf_hits"] = sum(1 for c, top in zip(syn_cases, out) if f"/areas/{c[0]}/" in top)
        if have_ours:
            fresh_page(driver, base + "/__bench__/ours.html")
            out = run_script(driver, OURS_BATCH, [c[1] for c in syn_cases], limit)["out"]
            syn["ours_hits"] = sum(1 for c, top in zip(syn_cases, out) if c[0] in top)
            syn["ours_misses"] = [c for c, top in zip(syn_cases, out) if c[0] not in top]
        results["synonyms"] = syn
    if have_ours:  # `frontdoor search` must rank exactly like the browser (docs/search-index.md)
        for row in rows:
            t = time.time()
            r = subprocess.run([str(binary), "search", row["q"], "--site", str(site), "--limit", str(limit), "--json"],
                               capture_output=True, text=True)
            row["cli_ms"] = (time.time() - t) * 1000
            try:
                row["cli_top"] = [x["slug"] for x in json.loads(r.stdout)["results"]]
            except (ValueError, KeyError):
                row["cli_top"] = None
            row["cli_same"] = row["cli_top"] == row["ours"]["top"]
            if not row["cli_same"]:
                log(f"  CLI/browser differ for {row['q']!r}: cli {row['cli_top']} browser {row['ours']['top']}")
    results["rows"] = rows
    results["have_ours"] = have_ours
    results["elapsed_s"] = time.time() - started
    md = render(results)
    print(md)
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(md)
    (out.with_suffix(".json")).write_text(json.dumps(results, indent=1, default=str))
    log(f"wrote {out} in {results['elapsed_s']:.0f} s total")
    return 0


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.2f}x"


def render(res):
    ours = res["have_ours"]
    L = []
    L.append(f"# Search benchmark: FrontDoor vs Pagefind, {res['n']:,} profiles")
    L.append("")
    L.append(f"Generated by `Benchmarks/search_benchmark.py` (corpus `generate_corpus.py {res['n']}`, seed {SEED}); "
             f"headless Chromium on 127.0.0.1, gzip level 6 computed per fetched file. "
             f"Ratio = ours / Pagefind (below 1 is better for ours, except hit rates).")
    L.append("")
    if not ours:
        L.append("**Our engine was not measured**: the build produced no search index or no "
                 "`static/search-core.*.js`. Only Pagefind's numbers are shown.")
        L.append("")
    L.append("## Index and build")
    L.append("")
    L.append("| | FrontDoor | Pagefind | ratio |")
    L.append("|---|---:|---:|---:|")
    oi = res.get("ours_index")
    pi = res["pf_index"]
    L.append(f"| index files | {oi[2] if oi else 'n/a'} | {pi[2]} | |")
    L.append(f"| index size, raw | {fmt_bytes(oi[0]) if oi else 'n/a'} | {fmt_bytes(pi[0])} | {ratio(oi and oi[0], pi[0])} |")
    L.append(f"| index size, gzip | {fmt_bytes(oi[1]) if oi else 'n/a'} | {fmt_bytes(pi[1])} | {ratio(oi and oi[1], pi[1])} |")
    L.append(f"| engine code, gzip (JS + wasm) | {fmt_bytes(res.get('ours_code'))} | {fmt_bytes(res['pf_code'])} | "
             f"{ratio(res.get('ours_code'), res['pf_code'])} |")
    L.append(f"| distinct terms | {res.get('ours_terms', 'n/a')} | {res['pf_words']} (words) | |")
    m = re.search(r"derive: search index\s+([0-9.]+) ms", res["build_out"])
    derive = f", search index step {float(m.group(1)) / 1000:.1f} s" if m else ""
    L.append(f"| time to index | {res['build_s']:.1f} s (whole site build{derive}) | {res['pagefind_s']:.1f} s "
             f"({res['pf_pages']} pages, after the build) | |")
    L.append("")
    L.append("## Queries (top 5)")
    L.append("")
    L.append("First query = fresh page, empty cache: load the engine and run one query (Pagefind: also "
             "`data()` for the first 5 results). Bytes = gzip bytes of the index files fetched (engine code "
             "not counted; see the table above); files = every file fetched, code included. Warm = median of repeated `search(q)` calls after that. "
             "Ours is called as `engine.search(q, {limit: 5})`, which also loads `search/facets.json` for the "
             "filter counts; the `no facets` row passes `facets: false`.")
    L.append("")
    L.append("| query | | first-query index bytes | files | first query (cold) | warm query | results |")
    L.append("|---|---|---:|---:|---:|---:|---:|")
    for row in res["rows"]:
        o = row.get("ours")
        p = row["pf"]
        q = row["q"] if len(row["q"]) <= 40 else row["q"][:37] + "..."
        if o:
            L.append(f"| {row['label']}: `{q}` | FrontDoor | {fmt_bytes(o['data'])} | {o['files']} | "
                     f"{fmt_ms(o['first_ms'])} | {fmt_ms(o['warm_ms'])} | {o['count']} |")
        L.append(f"| {'' if o else row['label'] + ': `' + q + '`'} | Pagefind | {fmt_bytes(p['data'])} | {p['files']} | "
                 f"{fmt_ms(p['first_ms'])} | {fmt_ms(p['warm_ms'])} (+data {fmt_ms(p['warm_data_ms'])}) | {p['count']} |")
        if o:
            L.append(f"| | ratio | {ratio(o['data'], p['data'])} | | {ratio(o['first_ms'], p['first_ms'])} | "
                     f"{ratio(o['warm_ms'], p['warm_ms'])} | |")
    L.append("")
    if ours and any("cli_ms" in r for r in res["rows"]):
        same = sum(1 for r in res["rows"] if r.get("cli_same"))
        L.append(f"`frontdoor search --json --limit 5` gives the same top 5 as the browser for {same} of "
                 f"{len(res['rows'])} queries; one CLI query takes "
                 f"{statistics.median(r['cli_ms'] for r in res['rows']):.0f} ms (median, process start to exit).")
        diff = [r for r in res["rows"] if not r.get("cli_same")]
        for r in diff:
            L.append(f"- differs for `{r['q']}`: CLI {r['cli_top']}, browser {r['ours']['top']}")
        L.append("")
    L.append("Top 5 per query (FrontDoor slugs | Pagefind URLs):")
    L.append("")
    for r in res["rows"]:
        o = r.get("ours")
        L.append(f"- `{r['q']}`: {', '.join(o['top']) if o else 'n/a'} | {', '.join(r['pf']['top'])}")
    L.append("")
    t = res["typo"]
    L.append("## Typo tolerance")
    L.append("")
    L.append(f"{t['cases']} profiles picked with a fixed seed; query = the title word found in the fewest titles "
             f"(6+ letters), with one edit (substitution, deletion, insertion or adjacent swap; never the first "
             f"letter). Hit = the profile is in the top 5. Examples: "
             + ", ".join(f"`{w}` -> `{x}`" for w, x in t["examples"]) + ".")
    L.append("")
    L.append("| | FrontDoor | Pagefind |")
    L.append("|---|---:|---:|")
    L.append(f"| correct word in top 5 | {t.get('ours_exact', 'n/a')}/{t['cases']} | {t['pf_exact']}/{t['cases']} |")
    L.append(f"| one-edit typo in top 5 | {t.get('ours_hits', 'n/a')}/{t['cases']} | {t['pf_hits']}/{t['cases']} |")
    L.append("")
    if t.get("ours_misses"):
        L.append("FrontDoor typo misses (first 10): " + ", ".join(f"`{w}` -> `{x}`" for w, x in t["ours_misses"]))
        L.append("")
    sy = res.get("synonyms")
    if sy:
        L.append("## Area synonyms")
        L.append("")
        L.append(f"For each of the {sy['cases']} areas, the query is its first synonym (`menopause` for women's "
                 f"health, `psychiatry` for mental health...). Hit = the area's own page is in the top 5.")
        L.append("")
        L.append("| | FrontDoor | Pagefind |")
        L.append("|---|---:|---:|")
        L.append(f"| area page in top 5 | {sy.get('ours_hits', 'n/a')}/{sy['cases']} | {sy['pf_hits']}/{sy['cases']} |")
        L.append("")
        if sy.get("ours_misses"):
            L.append("FrontDoor misses: " + ", ".join(f"`{q}` (area `{a}`)" for a, q in sy["ours_misses"]))
            L.append("")
    L.append(f"Whole benchmark: {res['elapsed_s']:.0f} s. Build output: `{next((l for l in res['build_out'].splitlines() if l.startswith('Built')), '?')}`")
    L.append("")
    return "\n".join(L)


if __name__ == "__main__":
    sys.exit(main())
