"""SQLAlchemy models: schools, documents (versioned), pages, passages, indicators, proposals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class School(Base):
    __tablename__ = "schools"

    urn: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    phase: Mapped[str | None] = mapped_column(String(32))
    documents: Mapped[list[Document]] = relationship(back_populates="school")


class Document(Base):
    """One version of one document; a changed file is a new row and the old one is superseded."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_lineage", "school_urn", "kind", "source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_urn: Mapped[str] = mapped_column(ForeignKey("schools.urn"), index=True)
    source: Mapped[str] = mapped_column(String(500))
    # Where the file was ingested from (a resolved path, or an upload's name): a later file from
    # the same place is a new version; the same name from another folder is another document.
    origin: Mapped[str | None] = mapped_column(String(1000))
    kind: Mapped[str] = mapped_column(String(32))
    kind_detected: Mapped[bool] = mapped_column(default=False)
    date: Mapped[dt.date | None] = mapped_column(Date)
    format: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="current")
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    file_path: Mapped[str] = mapped_column(String(500))  # relative to the data dir
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    school: Mapped[School] = relationship(back_populates="documents")
    pages: Mapped[list[Page]] = relationship(cascade="all, delete-orphan", order_by="Page.ordinal")
    passages: Mapped[list[Passage]] = relationship(
        cascade="all, delete-orphan", order_by="Passage.ordinal"
    )
    indicators: Mapped[list[Indicator]] = relationship(cascade="all, delete-orphan")


class Page(Base):
    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Passage(Base):
    __tablename__ = "passages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(String(500))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(viewonly=True)


class Indicator(Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    school_urn: Mapped[str] = mapped_column(ForeignKey("schools.urn"), index=True)
    indicator: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(Float)
    national: Mapped[float | None] = mapped_column(Float)
    year: Mapped[str | None] = mapped_column(String(16))
    line: Mapped[int] = mapped_column(Integer)
    known: Mapped[bool] = mapped_column(default=True)
    raw: Mapped[str] = mapped_column(String(500))


class ProposalRecord(Base):
    """A stored proposal: advice awaiting an officer, never final on its own."""

    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_urn: Mapped[str] = mapped_column(ForeignKey("schools.urn"), index=True)
    framework: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    inputs_hash: Mapped[str] = mapped_column(String(64), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SentenceKey(Base):
    """A sentence a school's documents hold, by its key (triage.extract.judges.template): a key
    held by several schools is template text, never evidence about any of them."""

    __tablename__ = "sentence_keys"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    school_urn: Mapped[str] = mapped_column(ForeignKey("schools.urn"), primary_key=True, index=True)
