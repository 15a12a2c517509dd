from __future__ import annotations

from pydantic import BaseModel

from triage.decide.overview import DocumentSummary


class SchoolListItem(BaseModel):
    urn: str
    name: str | None
    phase: str | None
    decided: dict[str, str]


class PageText(BaseModel):
    number: int | None
    text: str


class DocumentPublic(BaseModel):
    school: str
    document: DocumentSummary
    pages: list[PageText]
