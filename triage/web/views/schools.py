"""My schools (a lead: the whole authority), one school's page, uploading its documents and
proposing its categories."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile

from ingest.errors import IngestError
from triage.api.deps import CurrentUser, RuntimeDep, SchoolAccess, SessionDep, require_action
from triage.api.errors import one_line
from triage.decide.authority import STATUSES, SchoolRow, authority_summary, school_rows
from triage.decide.decisions import decisions_for, propose_recorded
from triage.decide.overview import decision_summary, school_view
from triage.errors import TriageError
from triage.extract.models import Proposal
from triage.frameworks.loader import framework_ids
from triage.intake.uploads import receive_upload
from triage.people.access import visible_urns
from triage.people.roles import may
from triage.store.models import ProposalRecord, School
from triage.store.people import User
from triage.web.pages import page_router, redirect, render

MAX_FILES = 10
OVERHEAD = 64 << 10
KINDS = ("", "sef", "ofsted_report", "visit_note", "minutes", "indicators", "other")
Sort = Literal["name", "urn", "attention", "decided"]
Reader = Annotated[User, Depends(require_action("read_decided"))]


def _matches(row: SchoolRow, q: str, status: str, changed: bool) -> bool:
    if q and q.lower() not in f"{row.urn} {row.name or ''}".lower():
        return False
    if status and not any(c.status == status for c in row.frameworks):
        return False
    return not changed or any(c.changed_since_decision for c in row.frameworks)


def _attention(row: SchoolRow) -> tuple[int, str]:
    """Schools needing someone first: evidence changed, awaiting countersign, undecided."""
    cells = row.frameworks
    if any(c.changed_since_decision for c in cells):
        rank = 0
    elif any(c.status == "awaiting_countersign" for c in cells):
        rank = 1
    elif any(c.status == "proposed" for c in cells):
        rank = 2
    else:
        rank = 3
    return rank, row.name or row.urn


SORTS: dict[str, Any] = {
    "name": lambda r: (r.name or "").lower(),
    "urn": lambda r: r.urn,
    "attention": _attention,
    "decided": lambda r: (
        r.last_decided_at is None,
        -(r.last_decided_at or dt.datetime.min).timestamp(),
    ),
}


def router(max_file_bytes: int) -> APIRouter:
    pages = page_router()

    @pages.get("/schools")
    def my_schools(
        request: Request,
        user: Reader,
        session: SessionDep,
        runtime: RuntimeDep,
        q: Annotated[str, Query(max_length=100)] = "",
        status: Annotated[str, Query(max_length=32)] = "",
        changed: bool = False,
        sort: Sort = "attention",
    ) -> Response:
        """The schools the user may see, filtered and sorted; a lead also sees the counts."""
        status = status if status in STATUSES else ""
        urns = visible_urns(session, user)
        if user.role == "school" and urns:
            return redirect(f"/schools/{urns[0]}")
        rows = [r for r in school_rows(runtime, session, urns) if _matches(r, q, status, changed)]
        rows.sort(key=SORTS[sort])
        summary = None
        if user.role == "lead":
            summary = authority_summary(session, urns, today=dt.date.today())
        return render(
            request,
            "schools/list.html",
            user=user,
            rows=rows,
            total=len(urns),
            summary=summary,
            frameworks=framework_ids(),
            filters={"q": q, "status": status, "changed": changed, "sort": sort},
        )

    @pages.get("/schools/{urn}")
    def school_page(
        request: Request,
        school: Annotated[School, Depends(SchoolAccess("read_decided"))],
        user: CurrentUser,
        session: SessionDep,
        runtime: RuntimeDep,
    ) -> Response:
        return _school_page(request, user, session, runtime, school)

    @pages.post(
        "/schools/{urn}/documents",
        max_body_size=MAX_FILES * (max_file_bytes + OVERHEAD),
        form_limits={"max_files": MAX_FILES, "max_fields": 4, "max_part_size": 1024},
    )
    def upload(
        request: Request,
        school: Annotated[School, Depends(SchoolAccess("upload"))],
        user: CurrentUser,
        session: SessionDep,
        runtime: RuntimeDep,
        # A browser sends an empty string for a file input left empty.
        files: Annotated[list[UploadFile | str] | None, File()] = None,
        kind: Annotated[str, Form(max_length=32)] = "",
    ) -> Response:
        """Ingest each file as `triage ingest` does; each bad file gets its one-line error."""
        results: list[dict[str, Any]] = []
        if kind not in KINDS:
            results.append({"name": "", "error": f"{kind} is not a kind of document"})
            files = []
        for upload in files or []:
            if isinstance(upload, str) or not upload.filename:
                continue
            try:
                stored = receive_upload(
                    runtime,
                    user,
                    school.urn,
                    upload.file,
                    filename=upload.filename,
                    kind=kind or None,  # type: ignore[arg-type]
                )
            except (TriageError, IngestError) as exc:
                results.append({"name": upload.filename, "error": one_line(str(exc))})
            else:
                results.append({"name": upload.filename, "stored": stored})
        if not results:
            results.append({"name": "", "error": "Choose one or more files to upload"})
        session.expire_all()  # the uploads committed in sessions of their own
        failed = all("error" in r for r in results)
        return _school_page(
            request,
            user,
            session,
            runtime,
            school,
            uploads=results,
            status_code=422 if failed else 200,
        )

    @pages.post("/schools/{urn}/proposals")
    def propose(
        school: Annotated[School, Depends(SchoolAccess("propose"))],
        user: CurrentUser,
        runtime: RuntimeDep,
        framework: Annotated[str, Form(max_length=64)] = "all",
    ) -> Response:
        """Propose under one framework or all of them; the school page shows them side by side."""
        chosen = framework_ids() if framework == "all" else [framework]
        for framework_id in chosen:
            propose_recorded(runtime, user, school.urn, framework_id)
        return redirect(f"/schools/{school.urn}", notice="proposed")

    return pages


def _school_page(
    request: Request,
    user: User,
    session: SessionDep,
    runtime: RuntimeDep,
    school: School,
    *,
    uploads: list[dict[str, Any]] | None = None,
    status_code: int = 200,
) -> Response:
    drafts = may(user.role, "read_school")
    view = school_view(runtime, session, school, drafts=drafts)
    proposals: dict[str, Proposal] = {}
    for item in view.frameworks:
        if item.latest_proposal is not None:
            record = session.get(ProposalRecord, item.latest_proposal.id)
            if record is not None:
                proposals[item.framework] = Proposal.model_validate_json(record.body)
    aspects = sorted({a for p in proposals.values() for a in p.profile})
    history = (
        [decision_summary(session, d) for d in decisions_for(session, school.urn)] if drafts else []
    )
    return render(
        request,
        "schools/school.html",
        user=user,
        status_code=status_code,
        school=view,
        proposals=proposals,
        aspects=aspects,
        history=history,
        uploads=uploads or [],
        kinds=KINDS,
        can={
            a: may(user.role, a)
            for a in ("upload", "propose", "ask", "decide", "read_audit", "read_school")
        },
    )
