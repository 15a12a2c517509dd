"""Access as a contract for the pages, as for the API: every page route needs a signed-in user
(bar signing in), every one naming a school, document, proposal, answer or job checks access
with the API's own dependencies, and every form is behind the CSRF check."""

from __future__ import annotations

from fastapi.routing import APIRoute

from tests.routes import app_routes, assert_access_checked, dependency_calls
from tests.web.conftest import Pages
from triage.web.csrf import ApiCookieGuard, check_form_token
from triage.web.pages import PageRoute

PUBLIC = {"/sign-in", "/set-password"}


def page_routes(pages: Pages) -> list[APIRoute]:
    return [r for r in app_routes(pages.app) if isinstance(r, PageRoute)]


def test_every_page_route_needs_a_user_and_checks_access(pages: Pages) -> None:
    routes = page_routes(pages)
    assert len(routes) >= 20, [r.path for r in routes]
    assert_access_checked(routes, PUBLIC)


def test_user_pages_are_for_admins_only(pages: Pages) -> None:
    for route in page_routes(pages):
        if route.path.startswith("/users"):
            names = [getattr(c, "__name__", "") for c in dependency_calls(route.dependant)]
            assert "may_manage_people" in names, route.path


def test_every_form_post_checks_its_token_first(pages: Pages) -> None:
    posts = [r for r in page_routes(pages) if "POST" in r.methods]
    assert len(posts) >= 10
    for route in posts:
        first = route.dependant.dependencies[0].call
        assert first is check_form_token, f"{route.path} does not check the form token first"
    assert ApiCookieGuard in [m.cls for m in pages.app.user_middleware]
