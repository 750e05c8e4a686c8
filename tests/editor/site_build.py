"""Builds a content folder with the frontdoor binary that scripts/browser-tests made (FRONTDOOR_BIN)."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The spec's example tree, in the shared/ folder beside this repository (absent in a clone made elsewhere).
SPEC_EXAMPLE = ROOT.parent / "shared" / "spec" / "example" / "content"
# The repository's copy of that tree: the Swift diagnostics tests' valid fixture, which each of their
# fixtures breaks in one place (test_schema.py checks that it still matches the spec's when both are here).
EXAMPLE_COPY = ROOT / "Tests" / "FrontDoorKitTests" / "Fixtures" / "diagnostics" / "valid" / "content"


def spec_example() -> Path:
    """The spec's example tree, or the repository's copy of it when ../shared is not here."""
    return SPEC_EXAMPLE if SPEC_EXAMPLE.is_dir() else EXAMPLE_COPY


def frontdoor_bin():
    given = os.environ.get("FRONTDOOR_BIN")
    if not given:
        pytest.skip("FRONTDOOR_BIN is not set: build frontdoor and point FRONTDOOR_BIN at it (scripts/browser-tests does both)")
    return given


def build(content: Path, output: Path) -> Path:
    subprocess.run([frontdoor_bin(), "build", "--content", str(content), "--templates", str(ROOT / "templates"),
                    "--output", str(output)], check=True, capture_output=True, cwd=ROOT)
    return output
