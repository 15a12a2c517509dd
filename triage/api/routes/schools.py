"""Schools the user may see, one school's page, and a document's pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import select

from triage.api.deps import CurrentUser, DocumentAccess, RuntimeDep, SchoolAccess, SessionDep
from triage.api.schemas.schools import DocumentPublic, PageText, SchoolListItem
from triage.decide.overview import SchoolView, document_summary, school_view
from triage.people.access import FINAL, visible_urns
from triage.store.models import Document, School
from triage.store.record import Decision

router = APIRouter(prefix="/api", tags=["schools"])


@router.get("/schools", response_model=list[SchoolListItem])
def list_schools(user: CurrentUser, session: SessionDep) -> list[SchoolListItem]:
    """Every school the user may see, with its decided category per framework."""
    urns = visible_urns(session, user)
    schools = session.scalars(select(School).where(School.urn.in_(urns)).order_by(School.urn))
    decided: dict[str, dict[str, str]] = {urn: {} for urn in urns}
    for decision in session.scalars(
        select(Decision)
        .where(Decision.school_urn.in_(urns), Decision.status == FINAL)
        .order_by(Decision.id)
    ):
        decided[decision.school_urn][decision.framework] = decision.category
    return [
        SchoolListItem(urn=s.urn, name=s.name, phase=s.phase, decided=decided[s.urn])
        for s in schools
    ]


@router.get("/schools/{urn}", response_model=SchoolView)
def get_school(
    school: Annotated[School, Depends(SchoolAccess("read_decided"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
) -> SchoolView:
    """Documents, latest proposal and decision per framework, and whether evidence changed;
    a school user sees only its decided categories and the evidence behind them."""
    return school_view(runtime, session, school, drafts=user.role != "school")


@router.get("/documents/{document_id}", response_model=DocumentPublic)
def get_document(
    document: Annotated[Document, Depends(DocumentAccess("read_school"))],
) -> DocumentPublic:
    """A document's details and the text of each page, for checking a citation."""
    pages = [PageText(number=p.number, text=p.text) for p in document.pages]
    return DocumentPublic(
        school=document.school_urn, document=document_summary(document), pages=pages
    )
