"""One school's evidence as read once for a proposal: documents, passages, page texts, indicators.

A proposal loads the snapshot once (triage.extract.loading) and extraction, profile and score run
over it; nothing here does I/O, so extraction can be tested on a snapshot built by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

T = TypeVar("T")


class SnapshotPart(BaseModel):
    """Base of the snapshot's records: frozen, unknown fields refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SchoolDocument(SnapshotPart):
    """A current (not superseded) document of the school."""

    id: int
    source: str = Field(description="How the document is named to users, as ingested")
    kind: str
    date: dt.date | None
    sha256: str


class SchoolPassage(SnapshotPart):
    """A passage with everything needed to read and cite it."""

    passage_id: int
    document_id: int
    document: str = Field(description="The source of its document")
    kind: str
    date: dt.date | None
    page: int | None
    section: str | None
    start: int
    end: int
    text: str


class SchoolPage(SnapshotPart):
    """The stored text of one page (number None for unpaged documents)."""

    document_id: int
    number: int | None
    text: str


class SchoolIndicator(SnapshotPart):
    """One row of an indicators CSV of a current document."""

    document_id: int
    indicator: str
    value: float
    national: float | None
    year: str | None
    line: int
    known: bool
    raw: str = Field(description="The CSV row as written: its citation")


class SchoolEvidence(SnapshotPart):
    """Everything a proposal reads about one school, loaded once."""

    urn: str
    name: str | None = Field(default=None, description="The school's name, where it is known")
    documents: tuple[SchoolDocument, ...] = Field(description="Current documents, oldest first")
    passages: tuple[SchoolPassage, ...] = Field(description="In document and passage order")
    pages: tuple[SchoolPage, ...]
    indicators: tuple[SchoolIndicator, ...] = Field(description="Oldest document first")
    shared: tuple[str, ...] = Field(
        default=(),
        description="Keys of the school's sentences found in enough other schools' documents "
        "to be template (triage.extract.judges.template), sorted",
    )
    _passages: dict[int, SchoolPassage] = PrivateAttr()
    _documents: dict[int, SchoolDocument] = PrivateAttr()
    _pages: dict[tuple[int, int | None], str] = PrivateAttr()
    _derived: dict[str, Any] = PrivateAttr()
    _derived_for: int = PrivateAttr()  # id of the snapshot they were built for: not a copy

    def model_post_init(self, context: object) -> None:
        self._derived, self._derived_for = {}, id(self)
        self._passages = {p.passage_id: p for p in self.passages}
        self._documents = {d.id: d for d in self.documents}
        self._pages = {}
        for page in self.pages:
            self._pages.setdefault((page.document_id, page.number), page.text)

    @property
    def reference_date(self) -> dt.date | None:
        """The newest document's date: what evidence ages are measured from."""
        return max((d.date for d in self.documents if d.date), default=None)

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """A value computed from this snapshot alone (its reading, say), built on first use:
        the snapshot is frozen, so every framework read over it shares the one value. A copy
        (`model_copy(update=...)` may change any field) builds its own."""
        if self._derived_for != id(self):
            self._derived, self._derived_for = {}, id(self)
        if name not in self._derived:
            self._derived[name] = build()
        return cast(T, self._derived[name])

    def passage(self, passage_id: int) -> SchoolPassage | None:
        """The passage with this id, if it belongs to a current document of the school."""
        return self._passages.get(passage_id)

    def document(self, document_id: int) -> SchoolDocument:
        """The current document with this id (KeyError if none)."""
        return self._documents[document_id]

    def page_text(self, document_id: int, page: int | None) -> str | None:
        """The text of one page of a current document, or None if there is no such page."""
        return self._pages.get((document_id, page))
