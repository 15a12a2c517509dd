"""An in-process llama.cpp test that crashes fails alone, with a message; the run goes on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_a_crash_in_a_llama_test_fails_that_test_and_the_run_goes_on() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/isolation_probe.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 1, run.stdout[-3000:]
    assert "llama.cpp crashed the process running this test (SIGSEGV)" in run.stdout
    assert "1 failed, 1 passed" in run.stdout
