"""The web pages on the API's app: templates, static files, the page routers, CSRF protection,
and refusals outside any page route (an unknown address, an unexpected error) as pages."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from triage.settings import Settings
from triage.web import csrf
from triage.web.pages import Web, error_page, not_found, render
from triage.web.templates import templates
from triage.web.views import answers, audit, auth, documents, jobs, proposals, schools, users

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
FORM_LIMIT = 1 << 20
NOT_PAGES = ("/api/", "/healthz", "/docs", "/redoc", "/openapi.json", "/static/")


def is_page(path: str) -> bool:
    return not path.startswith(NOT_PAGES)


def install(app: FastAPI, settings: Settings, *, max_file_bytes: int) -> None:
    """Mount the pages: they share the API's runtime, dependencies and access rules."""
    app.state.web = Web(templates=templates(settings), settings=settings)
    if not (STATIC / "app.css").exists():
        log.warning("the pages' styles are not built: run `make web` (npm) in the repository")
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    for router in (
        auth.router,
        schools.router(max_file_bytes),
        proposals.router,
        documents.router,
        answers.router,
        audit.router,
        users.router,
        jobs.router,
    ):
        app.include_router(router, max_body_size=FORM_LIMIT)
    tokens = csrf.FormTokens(csrf.signing_secret(settings))
    app.state.form_tokens = tokens
    app.add_middleware(csrf.ApiCookieGuard, tokens=tokens)
    _pages_for_refusals(app)


def _pages_for_refusals(app: FastAPI) -> None:
    """Unknown addresses and unexpected errors answer pages with a page, the API with JSON."""
    api_http: Any = app.exception_handlers[HTTPException]
    api_unexpected: Any = app.exception_handlers[Exception]

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if not is_page(request.url.path):
            answer: Response = await api_http(request, exc)
            return answer
        if exc.status_code == 404:
            return not_found(request)
        return error_page(request, exc.status_code, str(exc.detail))

    async def unexpected(request: Request, exc: Exception) -> Response:
        response: Response = await api_unexpected(request, exc)  # it logs the error
        if not is_page(request.url.path):
            return response
        return render(
            request,
            "errors/error.html",
            user=None,
            status_code=500,
            title="Sorry, there is a problem with the service",
            message="The problem has been logged. Try again later.",
        )

    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, unexpected)
