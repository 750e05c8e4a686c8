"""Writes a hostile copy of a content tree: titles, summaries, tags, aliases and area titles
that carry HTML and script, to prove the search page shows them as text.

    python tests/browser/hostile.py SOURCE_CONTENT DEST_CONTENT

SOURCE_CONTENT is the spec's example tree (../shared/spec/example/content, or its copy in
Tests/FrontDoorKitTests/Fixtures/diagnostics/valid/content) or any valid tree; the browser tests
use the example tree, whose base_url puts the site under /frontdoor/.
"""
import re
import shutil
import sys
from pathlib import Path

SCRIPT = "<script>window.__xss=1</script>"
IMG = '"><img src=x onerror="window.__xss=1">'
CLOSE = "</script>"
# Every payload also carries the word "zanzibar", so one query finds every hostile field.
PAYLOADS = [SCRIPT, IMG, CLOSE]
SUMMARY_LIMIT = 300


def yaml_single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def plain_value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        inner = raw[1:-1]
        return inner.replace("''", "'") if raw[0] == "'" else inner
    return raw


def poison(path: Path, number: int) -> None:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return
    end = text.index("\n---", 4)
    front, rest = text[4:end], text[end:]
    lines = front.split("\n")
    payload = PAYLOADS[number % len(PAYLOADS)]
    out = []
    for line in lines:
        m = re.match(r"^(title|summary):\s*(.*)$", line)
        if m:
            key, value = m.group(1), plain_value(m.group(2))
            if key == "title":
                value = f"{value} {payload} zanzibar"
            else:
                # The spec caps a summary at 300 characters: the original text gives way, so
                # a tree with long summaries (the bundled content/, say) still builds.
                suffix = f" {IMG} {SCRIPT} zanzibar {CLOSE}"
                value = value[: SUMMARY_LIMIT - len(suffix)].rstrip() + suffix
            line = f"{key}: {yaml_single(value)}"
        out.append(line)
        if re.match(r"^(tags|aliases|synonyms):\s*$", line):
            out.append(f"  - {yaml_single(CLOSE + ' zanzibar ' + SCRIPT)}")
    path.write_text("---\n" + "\n".join(out) + rest, encoding="utf-8")


def main(source: str, dest: str) -> None:
    src, dst = Path(source), Path(dest)
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    for number, path in enumerate(sorted(dst.glob("*/*.md"))):
        poison(path, number)
    # Capability labels reach the page as filter labels.
    site = dst / "site.yml"
    lines = site.read_text(encoding="utf-8").split("\n")
    inside = False
    for i, line in enumerate(lines):
        if re.match(r"^capabilities:\s*$", line):
            inside = True
            continue
        if inside and re.match(r"^\s+[a-z0-9-]+:\s*\S", line):
            key, value = line.split(":", 1)
            lines[i] = f"{key}: {yaml_single(plain_value(value) + ' ' + IMG)}"
        elif inside and not line.startswith(" "):
            inside = False
    site.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
