"""The front end's set-up: the npm package and the Jinja macros target one GOV.UK Frontend
version, and the built styles carry no GOV.UK-only font or images."""

from __future__ import annotations

import json
import re
from importlib.metadata import metadata
from pathlib import Path

import pytest

FRONTEND = Path(__file__).parents[2] / "triage" / "web" / "frontend"
STATIC = FRONTEND.parent / "static"


def _macros_target() -> str:
    """The GOV.UK Frontend version govuk-frontend-jinja says it was made for."""
    text = metadata("govuk-frontend-jinja").get_payload()  # type: ignore[attr-defined]
    found = re.search(r"GOV\.UK%20Frontend-v(\d+\.\d+\.\d+)", text)
    assert found is not None, "govuk-frontend-jinja no longer names its GOV.UK Frontend version"
    return found.group(1)


def test_the_npm_package_is_the_version_the_macros_target() -> None:
    pinned = json.loads((FRONTEND / "package.json").read_text())["devDependencies"]
    locked = json.loads((FRONTEND / "package-lock.json").read_text())["packages"]
    assert pinned["govuk-frontend"] == _macros_target()
    assert locked["node_modules/govuk-frontend"]["version"] == _macros_target()


def test_the_built_front_end_is_that_version_without_govuk_only_assets() -> None:
    if not (STATIC / "app.css").exists():
        pytest.skip("the front end is not built (make web)")
    built = (STATIC / "govuk-frontend-version.txt").read_text().strip()
    assert built == _macros_target()
    css = (STATIC / "app.css").read_text()
    assert "GDS Transport" not in css and "@font-face" not in css
    assert sorted(p.name for p in STATIC.iterdir() if not p.name.startswith(".")) == [
        "app.css",
        "app.js",
        "govuk-frontend-version.txt",
        "govuk-frontend.min.js",
    ]
