"""Opaque tokens: a bearer token for the API, a session for the browser, a first-password link.

Only a token's SHA-256 is stored, so the database never holds a usable token. Every use looks
the token up, so expiry, sign-out and disabling a user take effect at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.people.users import now
from triage.store.people import Token, User

TokenKind = Literal["access", "session", "setup"]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, user: User, *, kind: TokenKind, lifetime: dt.timedelta) -> str:
    """A new random token for the user; it is handed over once and never shown again."""
    token = secrets.token_urlsafe(32)
    stamp = now()
    session.add(
        Token(
            user_id=user.id,
            kind=kind,
            token_hash=_digest(token),
            created_at=stamp,
            expires_at=stamp + lifetime,
        )
    )
    session.flush()
    return token


def user_for_token(session: Session, token: str, *, kinds: tuple[TokenKind, ...]) -> User | None:
    """The active user holding this unexpired, unrevoked token of one of `kinds`, or None."""
    if not token or len(token) > 200:
        return None
    row = session.execute(
        select(Token, User)
        .join(User, Token.user_id == User.id)
        .where(Token.token_hash == _digest(token), Token.kind.in_(kinds))
    ).first()
    if row is None:
        return None
    record, user = row
    if record.revoked_at is not None or record.expires_at <= now() or not user.active:
        return None
    return user


def revoke_token(session: Session, token: str) -> None:
    record = session.scalars(select(Token).where(Token.token_hash == _digest(token))).first()
    if record is not None and record.revoked_at is None:
        record.revoked_at = now()
