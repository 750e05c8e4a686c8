"""Builds a content folder with the frontdoor binary that scripts/browser-tests made (FRONTDOOR_BIN)."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def frontdoor_bin():
    given = os.environ.get("FRONTDOOR_BIN")
    if not given:
        pytest.skip("FRONTDOOR_BIN is not set: build frontdoor and point FRONTDOOR_BIN at it (scripts/browser-tests does both)")
    return given


def build(content: Path, output: Path) -> Path:
    subprocess.run([frontdoor_bin(), "build", "--content", str(content), "--templates", str(ROOT / "templates"),
                    "--output", str(output)], check=True, capture_output=True, cwd=ROOT)
    return output
