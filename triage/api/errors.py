"""Every error a client can cause becomes a 4xx with `{"detail": one line}`; nothing else 500s."""

from __future__ import annotations

import json
import logging

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sqlalchemy_exc
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ingest import errors as ingest_errors
from triage import errors
from triage.frameworks.loader import FrameworkError

log = logging.getLogger(__name__)

# Most specific first: the first class an error is an instance of gives its status.
STATUS: list[tuple[type[Exception], int]] = [
    (errors.StaleProposalError, 409),
    (errors.ConflictError, 409),
    (errors.DecisionRefusedError, 422),
    (errors.NotFoundError, 404),
    (errors.SchoolNotFoundError, 404),
    (errors.AuthenticationError, 401),
    (errors.AccountLockedError, 429),
    (errors.PermissionDeniedError, 403),
    (errors.InvalidRequestError, 422),
    (FrameworkError, 422),
    (errors.IndexUnavailableError, 503),
    (errors.ConsistencyError, 503),
    (errors.TriageError, 400),
    (ingest_errors.FileTooLargeError, 413),
    (ingest_errors.UnsupportedFormatError, 415),
    (ingest_errors.ContentMismatchError, 415),
    (ingest_errors.IngestError, 422),
]


def status_for(exc: Exception) -> int:
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 400)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


async def _known(_: Request, exc: Exception) -> JSONResponse:
    status = status_for(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"detail": one_line(str(exc))}, status_code=status, headers=headers)


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors()[:3]:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else error["msg"])
    return JSONResponse(
        {"detail": one_line("; ".join(problems) or "invalid request")}, status_code=422
    )


def _http(limit_mb: float):  # type: ignore[no-untyped-def]
    async def handler(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        detail = exc.detail
        if exc.status_code == 413:
            detail = (
                f"the request is over the limit of {limit_mb:.0f} MiB; split the file or "
                "raise TRIAGE_LIMITS__MAX_FILE_MB"
            )
        return JSONResponse(
            {"detail": one_line(str(detail))}, status_code=exc.status_code, headers=exc.headers
        )

    return handler


async def _unavailable(_: Request, exc: Exception) -> JSONResponse:
    """The database or the Chroma server went away mid-request: the request's transaction
    rolled back, so say so, and that the service carries on once it is back."""
    log.warning("a backing service is unavailable: %s", one_line(str(exc))[:300])
    if isinstance(exc, httpx.TransportError):
        what = "the search index (the Chroma server) is unreachable"
    elif isinstance(exc, errors.SchemaMismatchError):
        what = one_line(str(exc))
    elif isinstance(exc, errors.DatabaseBusyError) or "locked" in str(exc).lower():
        what = "the database is busy: another change held it for too long"
    else:
        what = "the database is unreachable"
    return JSONResponse(
        {"detail": f"{what}; nothing was changed: try again in a minute"},
        status_code=503,
        headers={"Retry-After": "30"},
    )


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return JSONResponse({"detail": "internal error; it has been logged"}, status_code=500)


class JsonTooLarge:
    """Starlette's body limit answers 413 in plain text from inside the route; say it as JSON,
    with the limit and what to do, like every other refusal."""

    def __init__(self, app: ASGIApp, *, limit_mb: float) -> None:
        self.app = app
        self.body = json.dumps({"detail": _too_large(limit_mb)}).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rewriting = False

        async def rewrite(message: Message) -> None:
            nonlocal rewriting
            if message["type"] == "http.response.start" and message["status"] == 413:
                headers = MutableHeaders(raw=list(message["headers"]))
                if headers.get("content-type", "").startswith("text/plain"):
                    rewriting = True
                    headers["content-type"] = "application/json"
                    headers["content-length"] = str(len(self.body))
                    message = {**message, "headers": headers.raw}
            elif message["type"] == "http.response.body" and rewriting:
                if message.get("more_body", False):
                    return
                message = {**message, "body": self.body}
            await send(message)

        await self.app(scope, receive, rewrite)


def _too_large(limit_mb: float) -> str:
    return (
        f"the request is over the limit of {limit_mb:g} MiB; split the file or raise "
        "TRIAGE_LIMITS__MAX_FILE_MB"
    )


def install(app: FastAPI, *, limit_mb: float) -> None:
    app.add_middleware(JsonTooLarge, limit_mb=limit_mb)
    app.add_exception_handler(errors.TriageError, _known)
    app.add_exception_handler(ingest_errors.IngestError, _known)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http(limit_mb))
    # A lost connection (server stopped, network cut) rather than a bad statement.
    app.add_exception_handler(sqlalchemy_exc.OperationalError, _unavailable)
    app.add_exception_handler(sqlalchemy_exc.InterfaceError, _unavailable)
    app.add_exception_handler(httpx.TransportError, _unavailable)
    app.add_exception_handler(errors.DatabaseError, _unavailable)
    app.add_exception_handler(Exception, _unexpected)
