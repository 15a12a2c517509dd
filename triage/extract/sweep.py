"""Recall nets over every current passage of a school, whatever retrieval finds.

Missing any of these would be worse than any noise: inspection grade tables, statutory flags (a
warning notice, special measures) and safeguarding concerns, each read from every passage.
"""

from __future__ import annotations

from triage.extract.indicators import INDICATOR_KIND
from triage.extract.judges import evidence_item
from triage.extract.judges.reading import PassageReading
from triage.extract.judges.rules import RULES, RulesJudge
from triage.extract.models import EvidenceItem, FlagFound, InspectionGrade
from triage.extract.snapshot import SchoolEvidence, SchoolPassage

OFSTED_REPORT = "ofsted_report"


def sweep_school(
    evidence: SchoolEvidence, reader: RulesJudge
) -> tuple[list[tuple[EvidenceItem, int]], list[InspectionGrade], list[FlagFound]]:
    """Grade-table lines of inspection reports, flags, and graded or safeguarding readings."""
    items: list[tuple[EvidenceItem, int]] = []
    judgements: list[InspectionGrade] = []
    flags: list[FlagFound] = []
    for passage in evidence.passages:
        if passage.kind == INDICATOR_KIND:
            continue
        reading = reader.read(passage)
        if passage.kind == OFSTED_REPORT:
            judgements += _grades(passage, reading)
        flags += [
            FlagFound(
                flag=flag,
                document=passage.document,
                kind=passage.kind,
                page=passage.page,
                date=passage.date,
                quote=quote,
            )
            for flag, quote in reading.flags
        ]
        items += [(item, passage.document_id) for item in _netted(passage, reading)]
    return items, judgements, flags


def _grades(passage: SchoolPassage, reading: PassageReading) -> list[InspectionGrade]:
    return [
        InspectionGrade(
            area=j.area,
            grade=j.grade,
            level=j.level,
            document=passage.document,
            page=passage.page,
            date=passage.date,
            quote=j.quote,
        )
        for j in reading.judgements
    ]


def _netted(passage: SchoolPassage, reading: PassageReading) -> list[EvidenceItem]:
    """Readings the nets keep: graded lines of an inspection report, safeguarding concerns."""
    items = []
    for r in reading.readings:
        graded_report = r.graded and passage.kind == OFSTED_REPORT
        concern = r.aspect == "safeguarding" and r.level >= 3
        if graded_report or concern:
            items.append(
                evidence_item(
                    passage,
                    characteristic="",
                    aspect=r.aspect,
                    level=r.level,
                    confidence=r.confidence,
                    quote=r.quote,
                    extractor=RULES,
                    stance="supports",
                )
            )
    return items
