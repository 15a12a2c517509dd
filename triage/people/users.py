"""Users, their roles and their schools; every change goes on the audit log."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from triage.decide import audit
from triage.errors import InvalidRequestError, NotFoundError
from triage.people.passwords import hash_password
from triage.people.roles import ROLES
from triage.settings import Settings
from triage.store.models import School
from triage.store.people import Assignment, Token, User

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URN = re.compile(r"^[0-9A-Za-z-]{1,32}$")


def now() -> dt.datetime:
    """Naive UTC, as every timestamp column holds."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def normal_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, email: str) -> User | None:
    return session.scalars(select(User).where(User.email == normal_email(email))).first()


def get_user(session: Session, email: str) -> User:
    user = find_user(session, email)
    if user is None:
        raise NotFoundError(f"no user {email}; `triage users list` shows them")
    return user


def add_user(session: Session, *, email: str, name: str, role: str, actor: str = "") -> User:
    """Create an active user with no password yet (see `set_password` and setup tokens)."""
    email = normal_email(email)
    if not _EMAIL.match(email):
        raise InvalidRequestError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise InvalidRequestError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    if not name.strip():
        raise InvalidRequestError("give the user's name")
    if find_user(session, email) is not None:
        raise InvalidRequestError(f"{email} already exists; `triage users list` shows them")
    user = User(email=email, name=name.strip(), role=role, active=True, created_at=now())
    session.add(user)
    session.flush()
    audit.append(
        session,
        "user.add",
        actor=actor,
        subject=f"user:{email}",
        detail={"role": role, "name": user.name},
    )
    return user


def check_password_rules(password: str, settings: Settings) -> None:
    shortest = settings.service.min_password_chars
    if len(password) < shortest:
        raise InvalidRequestError(f"the password is too short: use at least {shortest} characters")
    if len(password) > 1024:
        raise InvalidRequestError("the password is too long: use at most 1024 characters")


def set_password(
    session: Session, user: User, password: str, *, settings: Settings, actor: str = ""
) -> None:
    check_password_rules(password, settings)
    user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    audit.append(session, "user.password", actor=actor or user.email, subject=f"user:{user.email}")


def disable_user(session: Session, user: User, *, actor: str = "") -> None:
    """The user can no longer sign in, and every token they hold stops working at once."""
    user.active = False
    stamp = now()
    for token in session.scalars(
        select(Token).where(Token.user_id == user.id, Token.revoked_at.is_(None))
    ):
        token.revoked_at = stamp
    audit.append(session, "user.disable", actor=actor, subject=f"user:{user.email}")


def assign(session: Session, user: User, urns: list[str], *, actor: str = "") -> list[str]:
    """Give the user these schools (registering a school not seen before); returns all theirs."""
    if user.role not in ("officer", "school"):
        raise InvalidRequestError(
            f"{user.email} is a {user.role}: only officers and school users are assigned schools"
            + (" (a lead sees every school)" if user.role == "lead" else "")
        )
    held = set(assigned_urns(session, user))
    wanted = [u.strip() for u in urns]
    for urn in wanted:
        if not _URN.match(urn):
            raise InvalidRequestError(f"{urn!r} is not a URN")
    if user.role == "school" and len(held | set(wanted)) > 1:
        raise InvalidRequestError(f"{user.email} is a school user: they belong to one school")
    for urn in wanted:
        if urn in held:
            continue
        if session.get(School, urn) is None:
            session.add(School(urn=urn))
            session.flush()
        session.add(Assignment(user_id=user.id, school_urn=urn))
        held.add(urn)
        audit.append(
            session, "assignment.add", actor=actor, school=urn, subject=f"user:{user.email}"
        )
    session.flush()
    return sorted(held)


def unassign(session: Session, user: User, urns: list[str], *, actor: str = "") -> list[str]:
    for urn in urns:
        removed = session.execute(
            delete(Assignment).where(Assignment.user_id == user.id, Assignment.school_urn == urn)
        )
        if removed.rowcount:  # type: ignore[attr-defined]
            audit.append(
                session, "assignment.remove", actor=actor, school=urn, subject=f"user:{user.email}"
            )
    return assigned_urns(session, user)


def assigned_urns(session: Session, user: User) -> list[str]:
    query = select(Assignment.school_urn).where(Assignment.user_id == user.id)
    return sorted(session.scalars(query))


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.email)))
