"""Extraction over a snapshot built by hand: no database, no index, no model (tier 1)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from triage.extract.judges.rules import RulesJudge
from triage.extract.pipeline import PassageRanker, extract
from triage.extract.snapshot import (
    SchoolDocument,
    SchoolEvidence,
    SchoolIndicator,
    SchoolPage,
    SchoolPassage,
)
from triage.frameworks import load_framework
from triage.frameworks.schema import Framework
from triage.profile import build_profile
from triage.score import score_school

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`

REPORT = """Overall effectiveness: Requires improvement
The quality of education: Requires improvement
Leadership and management: Good
Safeguarding is effective."""
NOTE = """2. Safeguarding
Several pre-employment checks were missing from the single central record.
Leaders have not yet resolved this.
"""
CSV = "indicator,value,national,year\nattendance_pct,91.6,94.5,2024/25"
ROW = "attendance_pct,91.6,94.5,2024/25"


def _document(id_: int, source: str, kind: str, date: dt.date) -> SchoolDocument:
    return SchoolDocument(id=id_, source=source, kind=kind, date=date, sha256=f"{id_:064x}")


def _passage(id_: int, document: SchoolDocument, page: int | None, text: str) -> SchoolPassage:
    return SchoolPassage(
        passage_id=id_,
        document_id=document.id,
        document=document.source,
        kind=document.kind,
        date=document.date,
        page=page,
        section=None,
        start=0,
        end=len(text),
        text=text,
    )


@pytest.fixture(scope="module")
def evidence() -> SchoolEvidence:
    report = _document(1, "990100/ofsted-2025-05.txt", "ofsted_report", dt.date(2025, 5, 14))
    note = _document(2, "990100/visit-2026-01.txt", "visit_note", dt.date(2026, 1, 20))
    data = _document(3, "990100/indicators.csv", "indicators", dt.date(2025, 10, 1))
    return SchoolEvidence(
        urn="990100",
        documents=(report, data, note),
        passages=(
            _passage(10, report, 1, REPORT),
            _passage(20, note, None, NOTE),
            _passage(30, data, None, ROW),
        ),
        pages=(
            SchoolPage(document_id=1, number=1, text=REPORT),
            SchoolPage(document_id=2, number=None, text=NOTE),
            SchoolPage(document_id=3, number=None, text=CSV),
        ),
        indicators=(
            SchoolIndicator(
                document_id=3,
                indicator="attendance_pct",
                value=91.6,
                national=94.5,
                year="2024/25",
                line=2,
                known=True,
                raw=ROW,
            ),
        ),
    )


@pytest.fixture(scope="module")
def bristol() -> Framework:
    return load_framework("bristol")


def _every_passage(evidence: SchoolEvidence) -> PassageRanker:
    """A ranker that needs no index: every passage, in passage order."""
    return lambda query, k: [p.passage_id for p in evidence.passages][:k]


def test_a_snapshot_is_read_without_a_database(
    evidence: SchoolEvidence, bristol: Framework
) -> None:
    extraction = extract(evidence, bristol, judge=RulesJudge(), rank=_every_passage(evidence))
    assert extraction.reference_date == dt.date(2026, 1, 20)
    assert {(j.area, j.grade) for j in extraction.judgements} >= {
        ("overall effectiveness", "requires_improvement"),
        ("leadership and management", "good"),
    }
    concerns = [i for i in extraction.sweep if i.aspect == "safeguarding" and i.level >= 3]
    assert concerns and concerns[0].document == "990100/visit-2026-01.txt"
    (row,) = [i for i in extraction.sweep if i.document_kind == "indicators"]
    assert (row.aspect, row.level, row.quote) == ("attendance", 3, ROW)
    searched = extraction.findings[0].searched
    assert searched.documents == sorted(d.source for d in evidence.documents)
    assert extraction.dropped_quotes == 0

    proposal = score_school(bristol, build_profile(bristol, extraction))
    assert proposal.profile["safeguarding"].level >= 3
    assert proposal.category in ("developing", "causing-concern")
    assert {r["id"] for r in proposal.limiting_rules} >= {"not-secure-judgement"}


def test_a_quote_not_on_the_snapshot_page_is_dropped(
    evidence: SchoolEvidence, bristol: Framework
) -> None:
    # The stored page says something else than the passage: nothing read from it is cited.
    altered = evidence.model_copy(
        update={"pages": (SchoolPage(document_id=1, number=1, text="A different page."),)}
    )
    altered = SchoolEvidence.model_validate(altered.model_dump())
    extraction = extract(altered, bristol, judge=RulesJudge(), rank=_every_passage(altered))
    assert extraction.dropped_quotes > 0
    cited = [i for f in extraction.findings for i in f.items] + extraction.sweep
    assert not [i for i in cited if i.document == "990100/ofsted-2025-05.txt"]


def test_reading_a_snapshot_loads_no_database_or_index() -> None:
    probe = (
        "import sys, triage.extract.snapshot, triage.extract.judges.rules; "
        "print(','.join(m for m in ('sqlalchemy', 'chromadb', 'torch') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


def test_frameworks_read_over_one_snapshot_share_one_reading(
    evidence: SchoolEvidence, bristol: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage.extract import documents

    fresh = SchoolEvidence.model_validate(evidence.model_dump())
    read: list[int] = []
    real = documents.read_document
    monkeypatch.setattr(
        documents, "read_document", lambda d, *a, **k: read.append(d) or real(d, *a, **k)
    )
    surrey = load_framework("surrey")
    first = extract(fresh, bristol, judge=RulesJudge(), rank=_every_passage(fresh))
    extract(fresh, surrey, judge=RulesJudge(), rank=_every_passage(fresh))
    assert sorted(read) == [1, 2]  # each text document read once, not once per framework
    # Another snapshot with other pages is read afresh, its quotes checked against its pages.
    altered = SchoolEvidence.model_validate(
        {
            **fresh.model_dump(),
            "pages": [{"document_id": 1, "number": 1, "text": "A different page."}],
        }
    )
    again = extract(altered, bristol, judge=RulesJudge(), rank=_every_passage(altered))
    assert sorted(read) == [1, 1, 2, 2] and again.dropped_quotes > first.dropped_quotes
