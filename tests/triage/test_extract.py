"""Extraction on real documents, ingested once with the real embedding model and real Chroma.

The corpus is tests/fixtures/pipeline: an old good 2019 report against this year's visit note and
data (990001), a 2025 report card with one credible safeguarding concern in a later visit note
(990002), and the same school twice (990003, 990004), the second with an injected instruction.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from triage.decide.proposals import propose
from triage.extract.loading import load_school_evidence
from triage.extract.models import EvidenceItem, Extraction, Proposal
from triage.extract.pipeline import extract, extract_school, index_ranker
from triage.extract.snapshot import SchoolPassage
from triage.frameworks import load_framework
from triage.frameworks.schema import Characteristic, Framework
from triage.runtime import Runtime, open_runtime

CORPUS = Path(__file__).parent.parent / "fixtures" / "pipeline"
FRAMEWORKS = ("bristol", "surrey", "buckinghamshire", "staffordshire")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    from triage.intake.batch import ingest_corpus

    with open_runtime(make_settings(tmp_path_factory.mktemp("pipeline-data"))) as runtime:
        ingest_corpus(runtime, CORPUS)
        yield runtime


@pytest.fixture(scope="module")
def bristol() -> Framework:
    return load_framework("bristol")


@pytest.fixture(scope="module")
def extractions(pipeline: Runtime, bristol: Framework) -> dict[str, Extraction]:
    return {
        urn: extract_school(pipeline, load_school_evidence(pipeline, urn), bristol)
        for urn in ("990001", "990002", "990003")
    }


@pytest.fixture(scope="module")
def proposals(pipeline: Runtime) -> dict[tuple[str, str], Proposal]:
    return {
        (urn, fw): propose(pipeline, urn, fw, store=False)
        for urn in ("990001", "990002", "990003", "990004")
        for fw in FRAMEWORKS
    }


def _all_items(extraction: Extraction) -> list[EvidenceItem]:
    return [i for f in extraction.findings for i in f.items] + extraction.sweep


def _grades(extraction: Extraction) -> dict[str, str]:
    return {j.area: j.grade for j in extraction.judgements}


def test_2019_report_grades_are_read(extractions: dict[str, Extraction]) -> None:
    grades = _grades(extractions["990001"])
    assert grades["overall effectiveness"] == "good"
    assert grades["the quality of education"] == "good"
    assert grades["leadership and management"] == "good"
    quotes = {j.quote for j in extractions["990001"].judgements}
    assert "Overall effectiveness: Good" in quotes


def test_report_card_grades_are_read(extractions: dict[str, Extraction]) -> None:
    grades = _grades(extractions["990002"])
    assert grades["inclusion"] == "expected_standard"
    assert grades["curriculum and teaching"] == "strong_standard"
    assert grades["early years"] == "exceptional"
    assert grades["safeguarding"] == "met"
    levels = {(i.aspect, i.level) for i in extractions["990002"].sweep}
    assert ("early_years", 1) in levels and ("inclusion_send", 2) in levels


def test_negation_and_hedging_in_a_visit_note(extractions: dict[str, Extraction]) -> None:
    items = _all_items(extractions["990001"])
    hedged = [i for i in items if "not yet secure" in " ".join(i.quote.split())]
    assert hedged and all(i.level == 3 for i in hedged)
    weaker = [i for i in items if "not as strong as" in i.quote]
    assert weaker and {i.aspect for i in weaker} == {"achievement"}
    assert all(i.level == 3 for i in weaker)
    no_longer = [i for i in _all_items_of(extractions, "990002") if "no longer requires" in i.quote]
    assert no_longer and all(i.level == 2 for i in no_longer if i.aspect == "behaviour")


def _all_items_of(extractions: dict[str, Extraction], urn: str) -> list[EvidenceItem]:
    return _all_items(extractions[urn])


def test_an_event_is_not_evidence(extractions: dict[str, Extraction]) -> None:
    quotes = [i.quote for i in _all_items(extractions["990001"])]
    assert quotes, "the visit note is read"
    assert not [q for q in quotes if "summer fair" in q]


def test_recent_evidence_outweighs_an_old_good_report(
    proposals: dict[tuple[str, str], Proposal],
) -> None:
    proposal = proposals[("990001", "bristol")]
    # The 2019 report grades everything good; this year's visit note and data say otherwise.
    assert proposal.profile["curriculum_teaching"].level == 3
    assert proposal.profile["attendance"].level == 3
    assert proposal.category == "developing"
    assert proposals[("990001", "staffordshire")].category == "satisfactory"


def test_indicator_rows_are_cited_as_evidence(extractions: dict[str, Extraction]) -> None:
    csv = (CORPUS / "990001" / "indicators-2024-25.csv").read_text().splitlines()
    rows = [i for i in _all_items(extractions["990001"]) if i.document_kind == "indicators"]
    assert rows
    for item in rows:
        assert item.page is None
        assert item.document == "990001/indicators-2024-25.csv"
        assert item.quote in csv
    # Read on its own (the sweep), the row is below national: needs attention.
    swept = [i for i in extractions["990001"].sweep if i.quote.startswith("attendance_pct,91.6")]
    assert [i.level for i in swept] == [3]
    # Read against a characteristic's rule, it meets "below national" and not "above national".
    stances = {
        i.characteristic: i.stance for i in rows if i.quote.startswith("attendance_pct,91.6")
    }
    assert stances["bristol.extending.attendance-above-national"] == "contradicts"
    assert stances["bristol.developing.attendance-low-declining"] == "supports"


def test_every_verdict_cites_at_most_five_passages(
    proposals: dict[tuple[str, str], Proposal],
) -> None:
    for proposal in proposals.values():
        for result in proposal.characteristics:
            assert len(result.evidence) <= 5, result.characteristic
            assert (result.verdict == "not_evidenced") == (not result.evidence)


def test_not_evidenced_shows_what_was_searched(
    proposals: dict[tuple[str, str], Proposal], bristol: Framework
) -> None:
    proposal = proposals[("990002", "bristol")]
    absent = [c for c in proposal.characteristics if c.verdict == "not_evidenced"]
    assert absent
    for result in absent:
        hints = next(c.hints for c in bristol.characteristics if c.id == result.characteristic)
        assert result.searched.queries
        assert hints[0] in result.searched.queries[0]
        assert result.searched.documents == [
            "990002/ofsted-report-card-2025-12.txt",
            "990002/visit-note-2026-03.txt",
        ]
        assert result.characteristic in proposal.gaps


def test_one_safeguarding_concern_among_positive_statements_forces_the_rule(
    proposals: dict[tuple[str, str], Proposal],
) -> None:
    proposal = proposals[("990002", "bristol")]
    safeguarding = proposal.profile["safeguarding"]
    assert safeguarding.level == 4
    assert safeguarding.recall_override  # the positive statements alone average to secure
    fired = {r["id"]: r for r in proposal.limiting_rules}
    assert "safeguarding-not-effective" in fired
    assert "single" in fired["safeguarding-not-met"]["quote"]
    assert proposal.category == "causing-concern"
    assert proposals[("990002", "surrey")].category == "support-and-challenge-plus"
    assert proposals[("990002", "buckinghamshire")].category == "intervention"
    assert proposals[("990002", "staffordshire")].category == "inadequate"


def _comparable(proposal: Proposal) -> dict[str, object]:
    return {
        "category": proposal.category,
        "scores": proposal.scores,
        "rules": [r["id"] for r in proposal.limiting_rules],
        "profile": {a: e.level for a, e in proposal.profile.items()},
        "verdicts": [(c.characteristic, c.verdict, c.level) for c in proposal.characteristics],
        "quotes": sorted({(i.characteristic, i.quote) for i in proposal.evidence}),
    }


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_an_injected_instruction_changes_nothing(
    proposals: dict[tuple[str, str], Proposal], framework_id: str
) -> None:
    clean = proposals[("990003", framework_id)]
    injected = proposals[("990004", framework_id)]
    assert _comparable(injected) == _comparable(clean)
    assert injected.category != load_framework(framework_id).categories[0].id
    assert not [i for i in injected.evidence if "Ignore the framework" in i.quote]


class _Paraphrasing:
    """A judge that rewrites what it reads: its quotes are not on the page."""

    name = "paraphrase"

    def judge(
        self, passage: SchoolPassage, characteristic: Characteristic, framework: Framework
    ) -> list[EvidenceItem] | None:
        return [
            EvidenceItem(
                characteristic=characteristic.id,
                aspect=characteristic.aspect,
                level=characteristic.level,
                stance="supports",
                confidence=0.9,
                document=passage.document,
                document_kind=passage.kind,
                page=passage.page,
                quote=f"In summary, {passage.text[:60].lower()} (paraphrased)",
                date=passage.date,
                extractor=self.name,
                weight=1.0,
                passage_id=passage.passage_id,
            )
        ]


def test_a_quote_not_on_its_page_is_dropped_and_counted(
    pipeline: Runtime, bristol: Framework
) -> None:
    evidence = load_school_evidence(pipeline, "990003")
    rank = index_ranker(pipeline, "990003", "hybrid")
    extraction = extract(evidence, bristol, judge=_Paraphrasing(), rank=rank)
    assert extraction.dropped_quotes > 0
    kept = [i for f in extraction.findings for i in f.items]
    assert not [i for i in kept if i.extractor == "paraphrase"]
    # Indicator rows, verified against the stored CSV lines, survive.
    assert [i for i in kept if i.document_kind == "indicators"]


def test_every_kept_quote_is_verbatim(
    extractions: dict[str, Extraction], pipeline: Runtime
) -> None:
    from triage.extract.citations import quote_on_page
    from triage.store.models import Document
    from triage.store.queries import page_text

    with pipeline.store.session() as session:
        ids = {d.source: d.id for d in session.query(Document)}
        for extraction in extractions.values():
            assert extraction.dropped_quotes == 0
            for item in _all_items(extraction):
                text = page_text(session, ids[item.document], item.page)
                assert quote_on_page(text, item.quote), item.quote  # type: ignore[arg-type]
