"""The dependencies every route (API and web pages) shares: runtime, session, user, access.

`CurrentUser` accepts a bearer token (the API) or a session cookie (the web pages), so one
rule serves both. The access dependencies (`SchoolAccess`, `DocumentAccess`, `ProposalAccess`,
`AnswerAccess`, `JobAccess`) load the thing named in the path only if the user may see it and
their role may do the action; otherwise the same 404 as for a thing that does not exist (or a
403 for a role that may see it but not do that), and the refusal goes on the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any

from fastapi import Depends, Path, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from triage.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from triage.jobs.queue import JobQueue
from triage.people import access
from triage.people.roles import Action
from triage.people.tokens import user_for_token
from triage.runtime import Runtime
from triage.store.models import Document, ProposalRecord, School
from triage.store.people import User
from triage.store.record import AnswerRecord, JobRecord

SESSION_COOKIE = "triage_session"
# Ids are database integers: anything outside 1..2**62 names nothing (and must not reach SQL).
Id = Annotated[int, Path(ge=1, le=2**62)]
oauth2 = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_queue(request: Request) -> JobQueue:
    queue: JobQueue = request.app.state.queue
    return queue


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
QueueDep = Annotated[JobQueue, Depends(get_queue)]


def get_session(runtime: RuntimeDep) -> Iterator[Session]:
    """One session per request; it commits when the handler returns, before the response."""
    with runtime.store.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_current_user(
    request: Request,
    session: SessionDep,
    bearer: Annotated[str | None, Depends(oauth2)],
) -> User:
    """The signed-in user, by bearer token or session cookie; 401 otherwise."""
    if bearer:
        user = user_for_token(session, bearer, kinds=("access",))
    else:
        cookie = request.cookies.get(SESSION_COOKIE, "")
        user = user_for_token(session, cookie, kinds=("session",)) if cookie else None
    if user is None:
        raise AuthenticationError("sign in first: the token is missing, wrong or expired")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_action(action: Action) -> Callable[..., User]:
    """A dependency passing only users whose role may take `action` (no school named)."""

    def check(user: CurrentUser) -> User:
        access.require(user, action)
        return user

    check.__name__ = f"may_{action}"
    return check


def _guarded(runtime: Runtime, user: User, what: str, load: Callable[[], Any]) -> Any:
    try:
        return load()
    except (NotFoundError, PermissionDeniedError) as exc:
        access.record_refusal(runtime.store, user, what, exc)
        raise


class SchoolAccess:
    """The school named by `{urn}`, if the user may see it and take `action` there."""

    def __init__(self, action: Action) -> None:
        self.action = action

    def __call__(
        self,
        urn: Annotated[str, Path(max_length=32, pattern=r"^[0-9A-Za-z-]{1,32}$")],
        user: CurrentUser,
        session: SessionDep,
        runtime: RuntimeDep,
    ) -> School:
        return _guarded(
            runtime,
            user,
            f"school:{urn}",
            lambda: access.school_for(session, user, urn, self.action),
        )


class DocumentAccess:
    def __init__(self, action: Action) -> None:
        self.action = action

    def __call__(
        self, document_id: Id, user: CurrentUser, session: SessionDep, runtime: RuntimeDep
    ) -> Document:
        return _guarded(
            runtime,
            user,
            f"document:{document_id}",
            lambda: access.document_for(session, user, document_id, self.action),
        )


class ProposalAccess:
    def __init__(self, action: Action) -> None:
        self.action = action

    def __call__(
        self, proposal_id: Id, user: CurrentUser, session: SessionDep, runtime: RuntimeDep
    ) -> ProposalRecord:
        return _guarded(
            runtime,
            user,
            f"proposal:{proposal_id}",
            lambda: access.proposal_for(session, user, proposal_id, self.action),
        )


class AnswerAccess:
    def __call__(
        self, answer_id: Id, user: CurrentUser, session: SessionDep, runtime: RuntimeDep
    ) -> AnswerRecord:
        return _guarded(
            runtime,
            user,
            f"answer:{answer_id}",
            lambda: access.answer_for(session, user, answer_id),
        )


class JobAccess:
    def __call__(
        self,
        job_id: Annotated[str, Path(max_length=64, pattern=r"^[0-9a-f]{1,64}$")],
        user: CurrentUser,
        session: SessionDep,
        runtime: RuntimeDep,
    ) -> JobRecord:
        return _guarded(
            runtime, user, f"job:{job_id}", lambda: access.job_for(session, user, job_id)
        )


ACCESS_DEPENDENCIES = (SchoolAccess, DocumentAccess, ProposalAccess, AnswerAccess, JobAccess)
