"""Recall nets over every current passage of a school, whatever retrieval finds.

Missing any of these would be worse than any noise: inspection judgements (grade tables, outcomes
and verdicts, read only in the forms an inspectorate publishes), statutory flags (a warning notice,
special measures) and safeguarding concerns, each read from every passage.
"""

from __future__ import annotations

from triage.extract.documents import INDICATOR_KIND, SchoolReading
from triage.extract.judges import evidence_item
from triage.extract.judges.reading import PassageReading
from triage.extract.judges.rules import RULES
from triage.extract.models import EvidenceItem, FlagFound, InspectionGrade
from triage.extract.snapshot import SchoolEvidence, SchoolPassage
from triage.vocabulary import INSPECTION_FORMS


def sweep_school(
    evidence: SchoolEvidence, school: SchoolReading
) -> tuple[list[tuple[EvidenceItem, int]], list[InspectionGrade], list[FlagFound]]:
    """Judgements of inspection documents, flags, and graded or safeguarding readings."""
    items: list[tuple[EvidenceItem, int]] = []
    judgements: list[InspectionGrade] = []
    flags: list[FlagFound] = []
    for passage in evidence.passages:
        reading = school.passage(passage) if passage.kind != INDICATOR_KIND else None
        if reading is None:
            continue
        form = school.form(passage.document_id)
        inspection = form in INSPECTION_FORMS
        if inspection:
            judgements += _grades(passage, reading, form)
        flags += [
            FlagFound(
                flag=flag,
                document=passage.document,
                kind=passage.kind,
                page=passage.page,
                date=passage.date,
                quote=quote,
                form=form,
            )
            for flag, quote in reading.flags
        ]
        netted = _netted(passage, reading, inspection=inspection)
        items += [(item, passage.document_id) for item in netted]
    return items, judgements, flags


def _grades(passage: SchoolPassage, reading: PassageReading, form: str) -> list[InspectionGrade]:
    return [
        InspectionGrade(
            area=j.area,
            grade=j.grade,
            level=j.level,
            document=passage.document,
            page=passage.page,
            date=passage.date,
            quote=j.quote,
            form=form,
        )
        for j in reading.judgements
    ]


def _netted(
    passage: SchoolPassage, reading: PassageReading, *, inspection: bool
) -> list[EvidenceItem]:
    """Readings the nets keep: graded lines of an inspection, safeguarding concerns."""
    items = []
    for r in reading.readings:
        graded_report = r.graded and inspection
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
