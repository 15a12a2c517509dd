"""People and their schools, for admins: add a user (with a one-time set-password link),
assign and remove schools, disable."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Form, Request, Response
from pydantic import ValidationError

from triage.api.deps import Id, RuntimeDep, SessionDep, require_action
from triage.api.errors import one_line
from triage.api.schemas import Urn
from triage.api.schemas.users import Assign, UserCreate
from triage.errors import NotFoundError, TriageError
from triage.people.roles import ROLES
from triage.people.tokens import issue_token
from triage.people.users import add_user, assign, assigned_urns, disable_user, list_users, unassign
from triage.store.people import User
from triage.web.pages import page_router, redirect, render

router = page_router()
Admin = Annotated[User, Depends(require_action("manage_people"))]
FormText = Annotated[str, Form(max_length=2000)]


def _user(session: SessionDep, user_id: int) -> User:
    found = session.get(User, user_id)
    if found is None:
        raise NotFoundError(f"no user {user_id}")
    return found


def _users_page(
    request: Request,
    admin: User,
    session: SessionDep,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    created: tuple[User, str, int] | None = None,
) -> Response:
    people = [(u, assigned_urns(session, u)) for u in list_users(session)]
    return render(
        request,
        "users/users.html",
        user=admin,
        status_code=422 if errors else 200,
        people=people,
        roles=ROLES,
        form=form or {},
        errors=errors or {},
        created=created,
    )


@router.get("/users")
def users_page(request: Request, admin: Admin, session: SessionDep) -> Response:
    return _users_page(request, admin, session)


@router.post("/users")
def add(
    request: Request,
    admin: Admin,
    session: SessionDep,
    runtime: RuntimeDep,
    email: FormText = "",
    name: FormText = "",
    role: FormText = "",
) -> Response:
    """Add a user; the page shows the one-time link with which they set their password."""
    form = {"email": email, "name": name, "role": role}
    try:
        body = UserCreate(email=email.strip(), name=name.strip(), role=role)  # type: ignore[arg-type]
        added = add_user(
            session, email=body.email, name=body.name, role=body.role, actor=admin.email
        )
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0])
        message = {"email": "Enter their email address", "name": "Enter their name"}.get(
            field, "Choose a role"
        )
        return _users_page(request, admin, session, form=form, errors={field: message})
    except TriageError as exc:
        session.rollback()
        field = "email" if "@" in str(exc) or "email" in str(exc) else "name"
        return _users_page(request, admin, session, form=form, errors={field: one_line(str(exc))})
    hours = runtime.settings.service.setup_hours
    token = issue_token(session, added, kind="setup", lifetime=dt.timedelta(hours=hours))
    return _users_page(request, admin, session, created=(added, token, hours))


@router.get("/users/{user_id}")
def user_page(request: Request, user_id: Id, admin: Admin, session: SessionDep) -> Response:
    person = _user(session, user_id)
    return render(
        request,
        "users/user.html",
        user=admin,
        person=person,
        schools=assigned_urns(session, person),
        errors={},
        form={},
    )


@router.post("/users/{user_id}/schools")
def add_schools(
    request: Request, user_id: Id, admin: Admin, session: SessionDep, schools: FormText = ""
) -> Response:
    """Assign the schools listed (URNs separated by spaces or commas)."""
    person = _user(session, user_id)
    try:
        body = Assign(schools=[u for u in schools.replace(",", " ").split() if u])
        if not body.schools:
            raise TriageError("Enter one or more URNs")
        assign(session, person, body.schools, actor=admin.email)
    except (ValidationError, TriageError) as exc:
        session.rollback()
        message = (
            "Enter URNs of letters, digits and hyphens"
            if isinstance(exc, ValidationError)
            else one_line(str(exc))
        )
        return render(
            request,
            "users/user.html",
            user=admin,
            status_code=422,
            person=person,
            schools=assigned_urns(session, person),
            errors={"schools": message},
            form={"schools": schools},
        )
    return redirect(f"/users/{user_id}", notice="schools-assigned")


@router.post("/users/{user_id}/schools/{urn}/remove")
def remove_school(user_id: Id, urn: Urn, admin: Admin, session: SessionDep) -> Response:
    unassign(session, _user(session, user_id), [urn], actor=admin.email)
    return redirect(f"/users/{user_id}", notice="school-removed")


@router.post("/users/{user_id}/disable")
def disable(user_id: Id, admin: Admin, session: SessionDep) -> Response:
    disable_user(session, _user(session, user_id), actor=admin.email)
    return redirect(f"/users/{user_id}", notice="user-disabled")
