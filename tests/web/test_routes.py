"""Access as a contract for the pages, as for the API: every page route needs a signed-in user
(bar signing in), every one naming a school, document, proposal, answer or job checks access
with the API's own dependencies, and every form is behind the CSRF check."""

from __future__ import annotations

from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from tests.web.conftest import Pages
from triage.api.deps import ACCESS_DEPENDENCIES, get_current_user
from triage.web.csrf import ApiCookieGuard, check_form_token
from triage.web.pages import PageRoute

NAMED = {"urn", "document_id", "proposal_id", "answer_id", "job_id"}
PUBLIC = {"/sign-in", "/set-password"}


def _calls(dependant: Dependant) -> list[Any]:
    found = [dependant.call]
    for sub in dependant.dependencies:
        found.extend(_calls(sub))
    return found


def page_routes(pages: Pages) -> list[APIRoute]:
    found: list[APIRoute] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                found.append(route)
            elif hasattr(route, "original_router"):
                walk(route.original_router.routes)

    walk(pages.app.routes)
    return [r for r in found if isinstance(r, PageRoute)]


def test_every_page_route_needs_a_user_and_checks_access(pages: Pages) -> None:
    routes = page_routes(pages)
    assert len(routes) >= 20, [r.path for r in routes]
    for route in routes:
        calls = _calls(route.dependant)
        if route.path not in PUBLIC:
            assert get_current_user in calls, f"{route.path} does not require a signed-in user"
        if not NAMED & set(route.param_convertors):
            continue
        guarded = any(isinstance(c, ACCESS_DEPENDENCIES) for c in calls)
        admin_only = any(getattr(c, "__name__", "") == "may_manage_people" for c in calls)
        assert guarded or admin_only, f"{route.methods} {route.path} has no per-school access check"


def test_user_pages_are_for_admins_only(pages: Pages) -> None:
    for route in page_routes(pages):
        if route.path.startswith("/users"):
            names = [getattr(c, "__name__", "") for c in _calls(route.dependant)]
            assert "may_manage_people" in names, route.path


def test_every_form_post_checks_its_token_first(pages: Pages) -> None:
    posts = [r for r in page_routes(pages) if "POST" in r.methods]
    assert len(posts) >= 10
    for route in posts:
        first = route.dependant.dependencies[0].call
        assert first is check_form_token, f"{route.path} does not check the form token first"
    assert ApiCookieGuard in [m.cls for m in pages.app.user_middleware]
