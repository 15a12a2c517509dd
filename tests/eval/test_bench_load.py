"""Load, quickly: concurrent clients in an officer's mix against a real `triage serve` on
loopback (`triage bench load` runs 200 clients); a bounded run with no errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.bench_load import MIX, bench_load
from tests.conftest import free_port, make_settings

pytestmark = pytest.mark.real


def test_concurrent_clients_of_every_kind_get_no_errors(tmp_path: Path) -> None:
    result = bench_load(make_settings(tmp_path), clients=20, requests=60, port=free_port())
    assert result.errors == 0, result.error_samples
    assert result.requests == 60
    assert {f.kind for f in result.figures} == set(MIX) == {f.kind for f in result.baseline}
    assert all(f.p95_ms >= f.p50_ms > 0 for f in result.figures)
