"""A document's page as the viewer shows it, with a cited passage marked, and which stored
document a citation points at.

A citation names its document by source (the file name as ingested), page and quote, and, when it
came from a passage, that passage's id. The passage fixes the exact version; without one the
citation points at the current version of that source (or the newest, if all are superseded).
The quote is found on the page as the citation check finds it: runs of white space in either
count as one space.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.decide.overview import DocumentSummary, document_summary
from triage.errors import NotFoundError
from triage.store.models import Document, Passage

MAX_QUOTE_CHARS = 2000


class MarkedPage(BaseModel):
    """One page of a document, split around the cited quote (`marked` is None when the quote
    is absent or not on this page)."""

    model_config = ConfigDict(extra="forbid")

    school: str
    document: DocumentSummary
    title: str | None
    page: int | None
    position: int
    pages: int
    previous_page: int | None
    next_page: int | None
    before: str
    marked: str | None
    after: str
    quote: str | None
    current_id: int | None


def mark_quote(text: str, quote: str) -> tuple[str, str, str] | None:
    """`text` split as (before, the quote as it stands in the text, after), or None if absent."""
    words = quote.split()
    if not words or len(quote) > MAX_QUOTE_CHARS:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), text)
    if found is None:
        return None
    return text[: found.start()], found.group(0), text[found.end() :]


def marked_page(
    session: Session, document: Document, *, page: int | None, quote: str | None
) -> MarkedPage:
    """The page numbered `page` (the first page when None), with `quote` marked where found."""
    pages = list(document.pages)
    if not pages:
        raise NotFoundError(f"document {document.id} has no text to show")
    chosen = pages[0] if page is None else next((p for p in pages if p.number == page), None)
    if chosen is None:
        raise NotFoundError(f"document {document.id} has no page {page}")
    position = pages.index(chosen)
    split = mark_quote(chosen.text, quote) if quote else None
    before, marked, after = split if split else (chosen.text, None, "")
    return MarkedPage(
        school=document.school_urn,
        document=document_summary(document),
        title=document.title,
        page=chosen.number,
        position=position + 1,
        pages=len(pages),
        previous_page=pages[position - 1].number if position > 0 else None,
        next_page=pages[position + 1].number if position + 1 < len(pages) else None,
        before=before,
        marked=marked,
        after=after,
        quote=quote or None,
        current_id=_current_version(session, document),
    )


def _current_version(session: Session, document: Document) -> int | None:
    """The id of the version that replaced a superseded document, following the chain."""
    seen: set[int] = set()
    while document.superseded_by_id is not None and document.id not in seen:
        seen.add(document.id)
        newer = session.get(Document, document.superseded_by_id)
        if newer is None:
            break
        document = newer
    return document.id if seen else None


class CitationTargets:
    """Which stored document each citation of one school points at, from two queries."""

    def __init__(self, session: Session, urn: str, passage_ids: list[int]) -> None:
        rows = session.execute(
            select(Document.id, Document.source, Document.status).where(Document.school_urn == urn)
        ).all()
        versions: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for doc_id, source, status in rows:
            versions[source].append((doc_id, status))
        self._by_source = {
            source: next((d for d, s in found if s == "current"), max(d for d, _ in found))
            for source, found in versions.items()
        }
        self._by_passage: dict[int, int] = {}
        if passage_ids:
            known = {doc_id for doc_id, _, _ in rows}
            for passage_id, doc_id in session.execute(
                select(Passage.id, Passage.document_id).where(Passage.id.in_(passage_ids))
            ):
                if doc_id in known:
                    self._by_passage[passage_id] = doc_id

    def document_id(self, source: str, passage_id: int | None = None) -> int | None:
        """The document a citation of `source` (from passage `passage_id`) points at."""
        if passage_id is not None and passage_id in self._by_passage:
            return self._by_passage[passage_id]
        return self._by_source.get(source)
