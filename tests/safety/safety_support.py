"""Shared by the safety tests: the frontdoor binary and the repository root. A plain module,
not a conftest.py: pytest imports every conftest as `conftest`, and the browser tests import
theirs by that name.

scripts/browser-tests passes FRONTDOOR_BIN; on its own, `pytest tests/safety` uses
.build/debug/frontdoor (run `swift build` first).
"""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def frontdoor_bin() -> Path:
    return Path(os.environ.get("FRONTDOOR_BIN", ROOT / ".build" / "debug" / "frontdoor"))


def spec_example() -> Path:
    example = ROOT.parent / "shared" / "spec" / "example" / "content"
    return example if example.is_dir() else ROOT / "Tests" / "FrontDoorKitTests" / "Fixtures" / "diagnostics" / "valid" / "content"
