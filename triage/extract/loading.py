"""Load one school's evidence snapshot from the database, in one session."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.extract.lexicon import lexicon
from triage.extract.snapshot import (
    SchoolDocument,
    SchoolEvidence,
    SchoolIndicator,
    SchoolPage,
    SchoolPassage,
)
from triage.runtime import Runtime
from triage.store.models import Document, Indicator, Page, Passage
from triage.store.queries import current_documents, get_school, school_indicators, school_passages
from triage.store.sentences import shared_keys


def load_school_evidence(runtime: Runtime, urn: str) -> SchoolEvidence:
    """The school's current documents, passages, page texts and indicator rows."""
    with runtime.store.session() as session:
        return read_school_evidence(session, urn)


def read_school_evidence(session: Session, urn: str) -> SchoolEvidence:
    """As load_school_evidence, inside a session the caller holds."""
    school = get_school(session, urn)
    documents = current_documents(session, urn)
    pages = session.scalars(
        select(Page)
        .where(Page.document_id.in_([d.id for d in documents]))
        .order_by(Page.document_id, Page.id)
    )
    return SchoolEvidence(
        urn=urn,
        name=school.name,
        documents=tuple(
            SchoolDocument(id=d.id, source=d.source, kind=d.kind, date=d.date, sha256=d.sha256)
            for d in documents
        ),
        passages=tuple(_passage(p, d) for p, d in school_passages(session, urn)),
        pages=tuple(
            SchoolPage(document_id=p.document_id, number=p.number, text=p.text) for p in pages
        ),
        indicators=tuple(_indicator(i) for i, _ in school_indicators(session, urn)),
        shared=template_keys(session, urn),
    )


def template_keys(session: Session, urn: str) -> tuple[str, ...]:
    """The keys of the school's sentences that are template: held by enough schools."""
    least = lexicon().template.min_schools
    return tuple(shared_keys(session, urn, min_schools=least))


def _passage(passage: Passage, document: Document) -> SchoolPassage:
    return SchoolPassage(
        passage_id=passage.id,
        document_id=document.id,
        document=document.source,
        kind=document.kind,
        date=document.date,
        page=passage.page,
        section=passage.section,
        start=passage.start,
        end=passage.end,
        text=passage.text,
    )


def _indicator(row: Indicator) -> SchoolIndicator:
    return SchoolIndicator(
        document_id=row.document_id,
        indicator=row.indicator,
        value=row.value,
        national=row.national,
        year=row.year,
        line=row.line,
        known=row.known,
        raw=row.raw,
    )
