"""Property-based fuzz of the OpenAPI schema (schemathesis): nothing a client sends is a 5xx.

Bounded: a few examples per operation, no shrinking deadline, as the lead (who may reach the
most routes) against a module-own copy of the demo data.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.api.conftest import Service, open_service


@pytest.fixture(scope="module")
def fuzzed(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    data = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(demo_template, data)
    yield from open_service(data)


def test_no_input_gives_a_server_error(fuzzed: Service) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed.app)
    headers = {
        p: {"Authorization": fuzzed[p].headers["Authorization"]} for p in ("lead", "officer")
    }
    failures: list[str] = []
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) > 20
    for operation in operations:
        if operation.path == "/api/auth/logout":
            continue  # would sign the fuzzing users out

        @given(case=operation.as_strategy())
        @settings(
            max_examples=6,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def run(case: Any) -> None:
            for person in headers:
                response = case.call(headers=headers[person])
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path}: {response.text[:200]}")

        run()
    assert failures == []
