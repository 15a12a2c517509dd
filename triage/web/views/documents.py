"""The document viewer: one page's text, the cited passage marked, the page number, and the
way to the pages either side."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request, Response

from triage.api.deps import CurrentUser, DocumentAccess, SessionDep
from triage.decide.viewer import MAX_QUOTE_CHARS, marked_page
from triage.store.models import Document, School
from triage.web.pages import page_router, render

router = page_router()


@router.get("/documents/{document_id}")
def viewer_page(
    request: Request,
    document: Annotated[Document, Depends(DocumentAccess("read_school"))],
    user: CurrentUser,
    session: SessionDep,
    page: Annotated[int | None, Query(ge=1, le=100_000)] = None,
    quote: Annotated[str | None, Query(max_length=MAX_QUOTE_CHARS)] = None,
) -> Response:
    """`page` (the first when absent), with `quote` marked where it stands on that page."""
    shown = marked_page(session, document, page=page, quote=quote)
    return render(
        request,
        "documents/viewer.html",
        user=user,
        view=shown,
        school=session.get(School, document.school_urn),
    )
