"""Access as a contract, checked the same way for the API and the pages: a walk of an app's
routes (inside the included routers, where FastAPI keeps them) and the dependencies each calls."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from triage.api.deps import ACCESS_DEPENDENCIES, get_current_user

# Path parameters that name something of one school.
NAMED = {"urn", "document_id", "proposal_id", "answer_id", "job_id"}


def dependency_calls(dependant: Dependant) -> list[Any]:
    """Every callable a route depends on, however deeply."""
    found = [dependant.call]
    for sub in dependant.dependencies:
        found.extend(dependency_calls(sub))
    return found


def app_routes(app: FastAPI) -> list[APIRoute]:
    """Every route of the app, including those of included routers."""
    found: list[APIRoute] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                found.append(route)
            elif hasattr(route, "original_router"):
                walk(route.original_router.routes)

    walk(app.routes)
    return found


def assert_access_checked(routes: Iterable[APIRoute], public: set[str]) -> None:
    """Each route but the public ones needs a signed-in user, and each naming a school's thing
    checks per-school access (or is for admins only)."""
    for route in routes:
        calls = dependency_calls(route.dependant)
        if route.path not in public:
            assert get_current_user in calls, f"{route.path} does not require a signed-in user"
        if not NAMED & set(route.param_convertors):
            continue
        guarded = any(isinstance(c, ACCESS_DEPENDENCIES) for c in calls)
        admin_only = any(getattr(c, "__name__", "") == "may_manage_people" for c in calls)
        assert guarded or admin_only, f"{route.methods} {route.path} has no per-school access check"
