"""The audit log, for leads and admins, and a check that its chain is whole."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from triage.api.deps import SessionDep, require_action
from triage.api.schemas import Urn
from triage.api.schemas.audit import AuditEntryPublic
from triage.decide import audit
from triage.store.people import User

router = APIRouter(prefix="/api/audit", tags=["audit"])
Reader = Annotated[User, Depends(require_action("read_audit"))]


@router.get("", response_model=list[AuditEntryPublic])
def list_entries(
    user: Reader,
    session: SessionDep,
    school: Annotated[Urn | None, Query()] = None,
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AuditEntryPublic]:
    """Newest first; `school` filters to one school, `before` pages back by entry number."""
    rows = audit.entries(session, school=school, limit=limit, before=before)
    return [
        AuditEntryPublic(
            seq=e.id,
            at=e.at,
            actor=e.actor,
            action=e.action,
            school=e.school_urn,
            subject=e.subject,
            detail=json.loads(e.detail),
        )
        for e in rows
    ]


@router.get("/verify", response_model=audit.AuditVerdict)
def verify(user: Reader, session: SessionDep) -> audit.AuditVerdict:
    """Walk the whole chain: an edited, deleted or reordered entry is named."""
    return audit.verify(session)
