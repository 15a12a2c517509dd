"""`triage serve` as a process of its own on loopback, for the benches that measure it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx


@contextmanager
def serving(env: dict[str, str], *, port: int, start_s: float, stop_s: float) -> Iterator[str]:
    """Start `triage serve` with `env` over this process's environment, wait up to `start_s`
    for its health check, yield its base URL, and stop it (waiting up to `stop_s`) afterwards."""
    server = subprocess.Popen(
        [sys.executable, "-m", "triage.cli", "serve", "--port", str(port)],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base, start_s)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=stop_s)


def _wait(base: str, start_s: float) -> None:
    for _ in range(int(start_s / 0.5)):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    raise RuntimeError("triage serve did not start")
