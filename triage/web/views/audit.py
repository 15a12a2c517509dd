"""The record: the hash-chained audit log for the authority or one school, with the result of
walking the whole chain."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import Depends, Query, Request, Response

from triage.api.deps import SessionDep, require_action
from triage.decide import audit
from triage.store.models import School
from triage.store.people import User
from triage.web.pages import page_router, render

router = page_router()
PAGE = 50
Reader = Annotated[User, Depends(require_action("read_audit"))]


@router.get("/audit")
def audit_page(
    request: Request,
    user: Reader,
    session: SessionDep,
    school: Annotated[str | None, Query(pattern=r"^[0-9A-Za-z-]{1,32}$")] = None,
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> Response:
    """Newest first, a page at a time; the chain is verified from its start on every view."""
    rows = audit.entries(session, school=school, limit=PAGE, before=before)
    entries = [(e, json.loads(e.detail)) for e in rows]
    return render(
        request,
        "audit/audit.html",
        user=user,
        entries=entries,
        verdict=audit.verify(session),
        school=session.get(School, school) if school else None,
        school_urn=school,
        older=rows[-1].id if len(rows) == PAGE and rows[-1].id > 1 else None,
    )
