"""Signing in: password check, slowing and locking after failures, every attempt on the record.

Failures are counted per account. After `login_slow_after` failures each further failure waits
`login_delay_s` per extra failure before answering; at `login_lock_after` the account is locked
for `login_lock_minutes`, during which even the right password is refused. A correct password
clears the count. An unknown email is answered exactly as a wrong password.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from triage.decide import audit
from triage.errors import AccountLockedError, AuthenticationError
from triage.people.passwords import hash_password, needs_rehash, verify_password
from triage.people.tokens import TokenKind, issue_token, revoke_token, user_for_token
from triage.people.users import (
    check_password_rules,
    find_user,
    normal_email,
    now,
    set_password,
)
from triage.settings import Settings
from triage.store.people import User

WRONG = "wrong email or password"


@dataclass(frozen=True)
class SignInResult:
    """A token on success; otherwise the error to raise after waiting `delay_s`."""

    user: User | None
    token: str | None
    error: Exception | None
    delay_s: float


def sign_in(
    session: Session, settings: Settings, email: str, password: str, *, kind: TokenKind = "access"
) -> SignInResult:
    """Check the password and issue a token; the caller commits, then waits, then answers."""
    service = settings.service
    user = find_user(session, email)
    stamp = now()
    if user is not None and user.locked_until is not None and user.locked_until > stamp:
        audit.append(session, "signin.locked", actor=user.email)
        return SignInResult(None, None, _locked(user.locked_until), 0.0)
    if user is None or not user.active or not verify_password(user.password_hash, password):
        return _failed(session, settings, user, email)
    if needs_rehash(user.password_hash or ""):
        user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    token = issue_token(
        session, user, kind=kind, lifetime=dt.timedelta(minutes=service.token_minutes)
    )
    audit.append(session, "signin", actor=user.email, detail={"kind": kind})
    return SignInResult(user, token, None, 0.0)


def _failed(session: Session, settings: Settings, user: User | None, email: str) -> SignInResult:
    service = settings.service
    if user is None:
        audit.append(
            session, "signin.failed", actor=normal_email(email)[:254], detail={"known": False}
        )
        return SignInResult(None, None, AuthenticationError(WRONG), 0.0)
    user.failed_logins += 1
    detail: dict[str, object] = {"known": True, "failures": user.failed_logins}
    error: Exception = AuthenticationError(WRONG)
    if user.failed_logins >= service.login_lock_after:
        user.locked_until = now() + dt.timedelta(minutes=service.login_lock_minutes)
        detail["locked_until"] = user.locked_until.isoformat()
        error = _locked(user.locked_until)
    audit.append(session, "signin.failed", actor=user.email, detail=detail)
    extra = user.failed_logins - service.login_slow_after
    return SignInResult(None, None, error, max(0, extra) * service.login_delay_s)


def _locked(until: dt.datetime) -> AccountLockedError:
    return AccountLockedError(
        f"too many failed sign-ins: this account is locked until {until:%H:%M} UTC; "
        "try again then, or ask an admin"
    )


def set_first_password(session: Session, settings: Settings, token: str, password: str) -> User:
    """Use a one-time setup token to set a password; the token is spent either way."""
    user = user_for_token(session, token, kinds=("setup",))
    if user is None:
        raise AuthenticationError(
            "this set-password link is not valid or has expired; ask an admin for a new one"
        )
    check_password_rules(password, settings)
    revoke_token(session, token)
    set_password(session, user, password, settings=settings)
    return user
