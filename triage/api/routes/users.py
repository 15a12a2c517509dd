"""Users and their schools, for admins."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends

from triage.api.deps import Id, RuntimeDep, SessionDep, require_action
from triage.api.schemas import Urn
from triage.api.schemas.users import Assign, UserCreate, UserCreated, UserPublic
from triage.errors import NotFoundError
from triage.people.tokens import issue_token
from triage.people.users import add_user, assign, assigned_urns, disable_user, list_users, unassign
from triage.store.people import User

router = APIRouter(prefix="/api/users", tags=["users"])
Admin = Annotated[User, Depends(require_action("manage_people"))]


def user_public(session: SessionDep, user: User) -> UserPublic:
    return UserPublic(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        active=user.active,
        schools=assigned_urns(session, user),
    )


def _user(session: SessionDep, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"no user {user_id}")
    return user


@router.get("", response_model=list[UserPublic])
def get_users(admin: Admin, session: SessionDep) -> list[UserPublic]:
    return [user_public(session, u) for u in list_users(session)]


@router.post("", response_model=UserCreated, status_code=201)
def create_user(
    body: UserCreate, admin: Admin, session: SessionDep, runtime: RuntimeDep
) -> UserCreated:
    """Add a user; they set their own password with the one-time `setup_token`."""
    user = add_user(session, email=body.email, name=body.name, role=body.role, actor=admin.email)
    hours = runtime.settings.service.setup_hours
    token = issue_token(session, user, kind="setup", lifetime=dt.timedelta(hours=hours))
    return UserCreated(
        user=user_public(session, user), setup_token=token, setup_expires_hours=hours
    )


@router.post("/{user_id}/disable", response_model=UserPublic)
def disable(user_id: Id, admin: Admin, session: SessionDep) -> UserPublic:
    """The user cannot sign in again, and their tokens stop working at once."""
    user = _user(session, user_id)
    disable_user(session, user, actor=admin.email)
    return user_public(session, user)


@router.post("/{user_id}/schools", response_model=UserPublic)
def add_schools(user_id: Id, body: Assign, admin: Admin, session: SessionDep) -> UserPublic:
    user = _user(session, user_id)
    assign(session, user, body.schools, actor=admin.email)
    return user_public(session, user)


@router.delete("/{user_id}/schools/{urn}", response_model=UserPublic)
def remove_school(user_id: Id, urn: Urn, admin: Admin, session: SessionDep) -> UserPublic:
    user = _user(session, user_id)
    unassign(session, user, [urn], actor=admin.email)
    return user_public(session, user)
