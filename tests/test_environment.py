"""A test run never reads the TRIAGE_* settings of the developer who starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from triage.settings import Settings


def test_no_triage_setting_of_the_developer_reaches_a_test() -> None:
    assert [name for name in os.environ if name.startswith("TRIAGE_")] == []
    assert Settings().llm.provider == "none" and Settings().database_url == ""


def test_a_developers_triage_settings_are_cleared_for_the_whole_run() -> None:
    inner = f"{Path(__file__)}::test_no_triage_setting_of_the_developer_reaches_a_test"
    developer = {
        "TRIAGE_LLM__PROVIDER": "openai",
        "TRIAGE_DATABASE_URL": "postgresql+psycopg://someone@db.example/triage",
        "TRIAGE_DATA_DIR": "/home/someone/triage",
    }
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", inner],
        env={**os.environ, **developer},
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert "1 passed" in run.stdout
