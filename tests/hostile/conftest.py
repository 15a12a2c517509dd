"""Hostile and careless input, and two people at once: what every test here shares.

Every test works on real files it makes itself, and after every test `triage doctor` runs on each
data dir the test used and must find nothing left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from triage.cli import app

TRIAGE = str(Path(sys.executable).parent / "triage")
# Wide enough that no table cell or message in these tests is folded across lines.
WIDE = {"COLUMNS": "400"}


def triage(data: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """The `triage` command in this process, on data dir `data`."""
    return CliRunner().invoke(app, ["--data-dir", str(data), *args], env={**WIDE, **(env or {})})


def spawn(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """The `triage` command as a process of its own, as a second person would start it at a
    terminal: Ctrl-C reaches it even when this run was started in the background (where a shell
    has the run, and so every child, ignore SIGINT)."""
    return subprocess.Popen(
        [TRIAGE, "--data-dir", str(data), *args],
        env={**os.environ, **WIDE, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_interruptible,
    )


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def finish(process: subprocess.Popen[str], timeout: float = 600) -> tuple[int, str]:
    """Wait for a spawned command; its exit code and everything it printed."""
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out + err


def one_line_error(output: str, text: str) -> str:
    """The command said what went wrong in exactly one line starting `error:`, no traceback."""
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and text in lines[0], output
    return lines[0]


def wait_for(condition: Callable[[], bool], *, timeout: float = 300, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what or condition}")
        time.sleep(0.01)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The data dir of the test (made by the first command that opens it)."""
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def _doctor_finds_nothing(tmp_path: Path) -> Iterator[None]:
    """After every test: `triage doctor` on each data dir the test made finds nothing at all."""
    yield
    for database in sorted(tmp_path.rglob("triage.db")):
        result = triage(database.parent, "doctor")
        assert result.exit_code == 0, f"doctor on {database.parent}:\n{result.output}"
        assert "nothing left behind" in result.output, result.output
