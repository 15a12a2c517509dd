"""Processes opening the embedded vector index of a fresh data dir at the same instant: Chroma
creates its tables on first open, and without turns two creators collide."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from tests.conftest import make_settings
from triage.index.vectors import VectorIndex

OPENERS = 6
TRIALS = 12  # each trial collided about one time in five before the opening took turns


def open_at(data: str, start: float) -> str | None:
    while time.time() < start:
        pass
    try:
        VectorIndex(make_settings(Path(data)))
    except Exception as exc:  # the message is the evidence the assertion prints
        return str(exc)
    return None


def test_processes_opening_a_fresh_index_together_all_open_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")  # no fork of a process with model threads
    with context.Pool(OPENERS) as pool:
        for trial in range(TRIALS):
            data = str(tmp_path / f"data-{trial}")
            start = time.time() + 0.3
            errors = [e for e in pool.starmap(open_at, [(data, start)] * OPENERS) if e]
            assert errors == [], f"trial {trial}: {errors[0]}"
