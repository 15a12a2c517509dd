"""Crash, quickly: real processes SIGKILLed at random points while they ingest, run a batch and
record decisions (`triage bench crash` runs at least 20 of each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.bench_crash import bench_crash

pytestmark = pytest.mark.real
PIPELINE = Path(__file__).parent.parent / "fixtures" / "pipeline"


def test_nothing_acknowledged_is_lost_and_nothing_half_written_is_seen_after_a_kill() -> None:
    figures = bench_crash(PIPELINE, trials=2, seed=7)
    assert [f.mode for f in figures] == ["ingest", "batch", "decide"]
    for figure in figures:
        assert figure.trials == 2 and figure.baseline_operations > 0
        assert (figure.missing, figure.half_written) == (0, 0), figure.problems
        assert figure.drift_mended == figure.drift_found
        assert figure.audit_verified == figure.trials
    assert sum(f.killed_mid_work for f in figures) >= 3
