"""Data that leaves the ingest package: parsed documents, their pages, passages and indicators."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ingest.errors import InvalidUrnError
from ingest.vocabulary import DocumentKind

FileFormat = Literal["pdf", "docx", "txt", "md", "csv"]

URN_MAX_CHARS = 32
_URN = re.compile(rf"[A-Za-z0-9]{{1,{URN_MAX_CHARS}}}")


def check_urn(value: str) -> str:
    """A school's URN as given, if it is a plain identifier: ASCII letters and digits, 1-32.

    Every way in (the CLI, a corpus manifest, the API) calls this, so nothing else ever reaches
    the database, file names or the index.
    """
    if not isinstance(value, str) or not _URN.fullmatch(value):
        shown = repr(value) if len(str(value)) <= 40 else repr(str(value)[:40]) + "..."
        raise InvalidUrnError(
            f"{shown} is not a school URN: use letters and digits only, at most "
            f"{URN_MAX_CHARS} characters (e.g. 100001)"
        )
    return value


Urn = Annotated[str, AfterValidator(check_urn)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParsedPage(_Model):
    """The text of one page; `number` is 1-based, or None for formats without pages."""

    number: int | None = Field(description="1-based page number; None for DOCX, TXT, MD, CSV")
    text: str = Field(description="The page text every passage offset points into")


class ParsedPassage(_Model):
    """A section-aware chunk of one page, located by character offsets into that page's text."""

    ordinal: int = Field(description="Position of the passage in its document, from 0")
    page: int | None = Field(description="1-based page number, or None when unpaged")
    section: str | None = Field(description="Heading path of the section, ' > '-joined")
    start: int = Field(ge=0, description="Offset of the first character in the page text")
    end: int = Field(ge=0, description="Offset one past the last character in the page text")
    text: str = Field(description="Exactly page_text[start:end]")


class IndicatorRow(_Model):
    """One row of an indicators CSV; `raw` is the row as written, the citation for it."""

    indicator: str
    value: float
    national: float | None
    year: str | None
    line: int = Field(description="1-based line number in the CSV, the header being line 1")
    known: bool = Field(description="False when the indicator is not in the shared vocabulary")
    raw: str = Field(description="The CSV line as it appears in the file, verbatim")


class ParsedDocument(_Model):
    """A file read and chunked, ready to store; nothing in it refers to a database."""

    source: str = Field(description="How the document is named to users: a path or file name")
    format: FileFormat
    sha256: str
    size: int
    kind: DocumentKind
    kind_detected: bool = Field(description="True when the kind was inferred from the content")
    date: dt.date | None
    date_detected: bool = Field(description="True when the date was inferred from the text")
    title: str | None = None
    pages: list[ParsedPage]
    passages: list[ParsedPassage]
    indicators: list[IndicatorRow] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="Things the user should hear, e.g. unknown indicators"
    )
