"""How a page is answered: rendered in the layout with the signed-in user, and every refusal the
core raises (not signed in, not found, not allowed, a rule broken) turned into a page, never JSON.

A school, document, proposal or answer the user may not see answers with the same 404 page as one
that does not exist: the access dependencies raise the same NotFoundError for both.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from starlette.templating import Jinja2Templates

from ingest.errors import IngestError
from triage.api.deps import SESSION_COOKIE
from triage.api.errors import one_line, status_for
from triage.errors import AuthenticationError, NotFoundError, SchoolNotFoundError, TriageError
from triage.people.tokens import user_for_token
from triage.runtime import Runtime
from triage.settings import Settings
from triage.store.people import User
from triage.web import csrf

NOTICES = {
    "signed-out": "You have signed out.",
    "session-ended": "Your session has ended. Sign in again to carry on.",
    "password-set": "Your password is set. Sign in with it now.",
    "proposed": "The proposals are made.",
    "decided": "Your decision is recorded.",
    "countersigned": "Your countersignature is recorded.",
    "user-added": "The user is added.",
    "user-disabled": "The user is disabled: they cannot sign in and their sessions have ended.",
    "schools-assigned": "The schools are assigned.",
    "school-removed": "The school is no longer assigned.",
}


@dataclass(frozen=True)
class Web:
    """What every page needs: its templates and the settings (authority, limits)."""

    templates: Jinja2Templates
    settings: Settings


def web(request: Request) -> Web:
    found: Web = request.app.state.web
    return found


def render(
    request: Request,
    template: str,
    *,
    user: User | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """The template in the layout, with the user, the form token and any notice."""
    notice = NOTICES.get(request.query_params.get("notice", ""))
    token = csrf.page_token(request)
    response = web(request).templates.TemplateResponse(
        request,
        template,
        {"user": user, "csrf_token": token, "notice": notice, **context},
        status_code=status_code,
    )
    csrf.set_nonce_cookie(request, response)
    response.headers["Cache-Control"] = "no-store"  # a page carries its user's form token
    return response


def redirect(path: str, *, notice: str | None = None) -> RedirectResponse:
    """See other (303): after a form is handled, the browser GETs the page it lands on."""
    if notice:
        path += ("&" if "?" in path else "?") + urlencode({"notice": notice})
    return RedirectResponse(path, status_code=303)


def safe_next(value: str | None) -> str:
    """A path on this site to go back to after signing in; anything else goes home."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    return value


def viewer(request: Request) -> User | None:
    """The user the session cookie names, for pages whose own dependencies did not finish."""
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if not cookie:
        return None
    runtime: Runtime = request.app.state.runtime
    with runtime.store.session() as session:
        user = user_for_token(session, cookie, kinds=("session",))
        if user is not None:
            session.expunge(user)
        return user


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {404: "Page not found", 403: "You cannot do that", 413: "The upload is too large"}
    return render(
        request,
        "errors/error.html",
        user=viewer(request),
        status_code=status,
        title=titles.get(status, "There is a problem"),
        message=message[:1].upper() + message[1:],
    )


def not_found(request: Request) -> HTMLResponse:
    return error_page(
        request,
        404,
        "If you typed the web address, check it is correct. If you followed a link to a school, "
        "it may not be one of your schools.",
    )


def sign_in_again(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.method != "GET":
        target = "/"  # a form's page, not its action, is where to come back to
    ended = "&notice=session-ended" if request.cookies.get(SESSION_COOKIE) else ""
    return RedirectResponse(f"/sign-in?next={quote(target, safe='')}{ended}", status_code=303)


def page_router() -> APIRouter:
    """A router of pages: refusals as pages, and every form's token checked first."""
    return APIRouter(
        route_class=PageRoute,
        include_in_schema=False,
        dependencies=[Depends(csrf.check_form_token)],
    )


Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class PageRoute(APIRoute):
    """A route whose refusals are pages: sign in again, 404, 403, or the rule broken."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            try:
                return await handler(request)
            except AuthenticationError:
                return sign_in_again(request)
            except (NotFoundError, SchoolNotFoundError):
                return not_found(request)
            except RequestValidationError as exc:
                if any(e.get("loc", ("",))[0] == "path" for e in exc.errors()):
                    return not_found(request)
                return error_page(request, 422, "The form was not complete: go back and try again.")
            except (TriageError, IngestError) as exc:
                return error_page(request, status_for(exc), one_line(str(exc)))

        return page
