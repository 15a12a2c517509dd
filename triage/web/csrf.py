"""Protection against cross-site requests: a signed double-submit token, bound to the session.

The browser holds a random nonce in the `triage_csrf` cookie (HttpOnly, SameSite=Lax, Secure on
https). Every page puts in its forms (field `csrftoken`, first) and in a meta tag (for its
scripts, header `x-csrftoken`) a token: the nonce and a digest of the session cookie, signed with
the service's secret key (itsdangerous, HMAC-SHA256). An unsafe request (POST ...) is refused
with 403 unless its token verifies against the cookies it arrives with, so another site can
neither forge one (it cannot read ours, nor sign its own) nor plant one (a token is good only
with the session it was made for). Signing in is checked the same way, before any session.

The pages check it in a dependency on every page router (`check_form_token`), after the form is
parsed under the route's own limits. The API's routes also accept the session cookie (the pages'
scripts use them): there, a cookie-authenticated unsafe request must carry the header; bearer
tokens and cookie-less clients cannot be forged by another site and pass (`ApiCookieGuard`).

Why not a library: asgi-csrf 0.11 fails on every multipart form with the python-multipart
releases that fix 2026's CVEs (its FormParser call uses a removed argument); fastapi-csrf-protect
keeps one secret per process in class variables and reads form bodies by string replacement,
without URL-decoding; starlette-csrf reads the token only from a header, so plain forms without
JavaScript could not pass.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from fastapi import Request
from itsdangerous import BadSignature, Signer
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from triage.api.deps import SESSION_COOKIE
from triage.errors import PermissionDeniedError
from triage.settings import Settings

COOKIE = "triage_csrf"
FIELD = "csrftoken"
HEADER = "x-csrftoken"
SECRET_FILE = "web-secret"
SAFE = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
REFUSED = (
    "The form was sent without its security token, or from another site. Go back, reload the "
    "page and try again."
)


class CsrfRefusedError(PermissionDeniedError):
    """An unsafe request whose token is missing or does not verify."""


def signing_secret(settings: Settings) -> str:
    """The configured secret key, or one made once and kept (mode 0600) in the data dir."""
    configured = settings.service.secret_key.get_secret_value()
    if configured:
        return configured
    path: Path = settings.data_path / SECRET_FILE
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(handle, "w") as out:
        out.write(secrets.token_hex(32))
    return path.read_text().strip()


class FormTokens:
    """Makes and checks tokens: sign(nonce + digest of the session cookie)."""

    def __init__(self, secret: str) -> None:
        self._signer = Signer(secret, salt="triage-csrf", digest_method=hashlib.sha256)

    @staticmethod
    def _payload(nonce: str, session: str) -> bytes:
        bound = hashlib.sha256(session.encode()).hexdigest()[:32] if session else "-"
        return f"{nonce}.{bound}".encode()

    def issue(self, nonce: str, session: str) -> str:
        return self._signer.sign(self._payload(nonce, session)).decode()

    def valid(self, token: str | None, *, nonce: str, session: str) -> bool:
        if not token or not nonce or len(token) > 400:
            return False
        try:
            payload = self._signer.unsign(token.encode())
        except BadSignature:
            return False
        return hmac.compare_digest(payload, self._payload(nonce, session))


def _tokens(request: Request) -> FormTokens:
    tokens: FormTokens = request.app.state.form_tokens
    return tokens


def page_token(request: Request) -> str:
    """The token for this page's forms; a browser without a nonce gets one with the response
    (`set_nonce_cookie`)."""
    nonce = request.cookies.get(COOKIE) or getattr(request.state, "csrf_nonce", None)
    if not nonce:
        nonce = secrets.token_urlsafe(24)
        request.state.csrf_nonce = nonce
    return _tokens(request).issue(nonce, request.cookies.get(SESSION_COOKIE, ""))


def set_nonce_cookie(request: Request, response: Response) -> None:
    nonce = getattr(request.state, "csrf_nonce", None)
    if nonce and not request.cookies.get(COOKIE):
        response.set_cookie(
            COOKIE, nonce, httponly=True, samesite="lax", secure=request.url.scheme == "https"
        )


async def check_form_token(request: Request) -> None:
    """On every page route: an unsafe request must send back its page's token."""
    if request.method in SAFE:
        return
    sent = request.headers.get(HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(FIELD)
        sent = value if isinstance(value, str) else None
    nonce = request.cookies.get(COOKIE, "")
    if not _tokens(request).valid(
        sent, nonce=nonce, session=request.cookies.get(SESSION_COOKIE, "")
    ):
        raise CsrfRefusedError(REFUSED)


class ApiCookieGuard:
    """The API's routes, when a browser's session cookie signs the request in: an unsafe
    request needs the header token too. Bearer tokens and cookie-less clients pass."""

    def __init__(self, app: ASGIApp, *, tokens: FormTokens) -> None:
        self.app = app
        self.tokens = tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in SAFE
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        session = request.cookies.get(SESSION_COOKIE, "")
        bearer = request.headers.get("authorization", "").lower().startswith("bearer ")
        if session and not bearer:
            sent = request.headers.get(HEADER)
            if not self.tokens.valid(sent, nonce=request.cookies.get(COOKIE, ""), session=session):
                refusal = JSONResponse({"detail": REFUSED.lower()}, status_code=403)
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
