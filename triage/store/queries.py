"""Read-side queries shared by retrieval, extraction, answers and the CLI."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.errors import SchoolNotFoundError
from triage.store.models import Document, Indicator, Page, Passage, School


def get_school(session: Session, urn: str) -> School:
    school = session.get(School, urn)
    if school is None:
        raise SchoolNotFoundError(
            f"no school with URN {urn}; `triage schools` lists the schools ingested"
        )
    return school


def current_documents(session: Session, urn: str) -> list[Document]:
    """The school's documents that are not superseded, oldest first."""
    query = (
        select(Document)
        .where(Document.school_urn == urn, Document.status == "current")
        .order_by(Document.date.is_(None), Document.date, Document.id)
    )
    return list(session.scalars(query))


def page_text(session: Session, document_id: int, page: int | None) -> str | None:
    """The stored text of one page (page None for unpaged documents), or None if absent."""
    query = select(Page.text).where(Page.document_id == document_id)
    query = query.where(Page.number.is_(None) if page is None else Page.number == page)
    return session.scalars(query).first()


def school_indicators(session: Session, urn: str) -> list[tuple[Indicator, Document]]:
    """Indicator rows from the school's current documents, with the document they come from."""
    query = (
        select(Indicator, Document)
        .join(Document, Indicator.document_id == Document.id)
        .where(Indicator.school_urn == urn, Document.status == "current")
        .order_by(Document.date.is_(None), Document.date, Indicator.line)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def passages_by_id(session: Session, ids: list[int]) -> list[tuple[Passage, Document]]:
    """The passages with these ids, each with its document."""
    rows = session.execute(
        select(Passage, Document)
        .join(Document, Passage.document_id == Document.id)
        .where(Passage.id.in_(ids))
    ).all()
    return [(passage, document) for passage, document in rows]


def school_passages(session: Session, urn: str) -> list[tuple[Passage, Document]]:
    """Every passage of the school's current documents, in document and passage order."""
    query = (
        select(Passage, Document)
        .join(Document, Passage.document_id == Document.id)
        .where(Document.school_urn == urn, Document.status == "current")
        .order_by(Passage.document_id, Passage.ordinal)
    )
    return [(row[0], row[1]) for row in session.execute(query)]
