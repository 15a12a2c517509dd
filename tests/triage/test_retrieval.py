"""Retrieval with the real embedding model and a real Chroma: hybrid, and always one school."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from triage.cli import app
from triage.errors import SchoolNotFoundError
from triage.index.retrieval import fuse_rankings, retrieve_passages
from triage.intake.ingestion import ingest_file
from triage.runtime import Runtime


@pytest.fixture
def two_schools(runtime: Runtime, tmp_path: Path) -> Runtime:
    """School A and school B both hold a passage about attendance."""
    ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="A")
    ingest_file(runtime, FIXTURES / "visit-note.txt", urn="A")
    other = tmp_path / "b-note.txt"
    other.write_text(
        "NOTE OF VISIT\n\nSchool B, 3 February 2026\n\nAttendance is below the national "
        "average and persistent absence is rising at school B.\n"
    )
    ingest_file(runtime, other, urn="B")
    return runtime


@pytest.mark.parametrize("mode", ["hybrid", "dense", "sparse"])
def test_a_query_for_school_a_never_returns_school_b(two_schools: Runtime, mode: str) -> None:
    found = retrieve_passages(
        two_schools, "A", "attendance below national average", k=20, mode=mode
    )  # type: ignore[arg-type]
    assert found, "school A has attendance passages"
    assert all("school B" not in p.text for p in found)
    assert {p.document for p in found} <= {"ofsted.pdf", "visit-note.txt"}
    found_b = retrieve_passages(
        two_schools, "B", "attendance below national average", k=20, mode=mode
    )  # type: ignore[arg-type]
    assert found_b and all(p.document == "b-note.txt" for p in found_b)


def test_hybrid_ranks_the_relevant_passage_first(two_schools: Runtime) -> None:
    found = retrieve_passages(two_schools, "A", "are the safeguarding arrangements effective?", k=3)
    assert "safeguarding are effective" in found[0].text
    assert found[0].page == 2 and found[0].document == "ofsted.pdf"


def test_kinds_filter(two_schools: Runtime) -> None:
    found = retrieve_passages(two_schools, "A", "attendance", k=10, kinds=["visit_note"])
    assert found and all(p.kind == "visit_note" for p in found)


def test_unknown_school_is_a_clear_error(two_schools: Runtime) -> None:
    with pytest.raises(SchoolNotFoundError, match="triage schools"):
        retrieve_passages(two_schools, "nope", "attendance")


def test_rrf_is_deterministic_and_rewards_agreement() -> None:
    fused = fuse_rankings([[(1, 0.9), (2, 0.8)], [(2, 5.0), (3, 4.0)]], k=60)
    assert [pid for pid, _ in fused] == [2, 1, 3]


def test_search_cli_json_has_document_page_section_score(two_schools: Runtime) -> None:
    data_dir = str(two_schools.settings.data_dir)
    result = CliRunner().invoke(
        app, ["--data-dir", data_dir, "search", "A", "safeguarding effective", "--json", "-k", "2"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 2
    assert {"document", "page", "section", "score", "text"} <= set(rows[0])
