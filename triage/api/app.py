"""The FastAPI application: built once per process around one runtime (database, index)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI

from triage import __version__
from triage.api import errors
from triage.api.admission import Admission
from triage.api.routes import answers, audit, auth, documents, health, jobs, proposals, schools
from triage.api.routes import users as users_routes
from triage.jobs import batch, reindex  # noqa: F401  registers the job kinds
from triage.jobs.queue import JobQueue, open_queue
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings, get_settings
from triage.web.app import install as install_pages

JSON_BODY_LIMIT = 1 << 20


def create_app(
    settings: Settings | None = None,
    *,
    runtime: Runtime | None = None,
    queue: JobQueue | None = None,
) -> FastAPI:
    """The app with its runtime opened now (or the one given) and closed at shutdown."""
    settings = settings or (runtime.settings if runtime else get_settings())
    stack = ExitStack()
    if runtime is None:
        runtime = stack.enter_context(open_runtime(settings))
    # Embedded, jobs a stopped server left unfinished carry on; scaled out, the workers do.
    job_queue = queue or open_queue(runtime, resume=True)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # As many threads as requests admitted (see `admission`).
        to_thread.current_default_thread_limiter().total_tokens = settings.service.threads
        try:
            yield
        finally:
            job_queue.close()
            stack.close()

    app = FastAPI(
        title=f"triage: {settings.service.authority}",
        version=__version__,
        description="Evidence triage for school improvement teams: the officers' service.",
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.queue = job_queue
    errors.install(app, limit_mb=settings.limits.max_file_mb)
    app.add_middleware(Admission, limit=settings.service.threads)
    max_file_bytes = int(settings.limits.max_file_mb * (1 << 20))
    for router in (
        health.router,
        auth.router,
        schools.router,
        documents.router(max_file_bytes),
        proposals.router,
        jobs.router,
        answers.router,
        audit.router,
        users_routes.router,
    ):
        # Per router, not per app: the app-wide limit would answer before the JSON error
        # middleware sees it. A route's own limit (the upload) is more specific and wins.
        app.include_router(router, max_body_size=JSON_BODY_LIMIT)
    install_pages(app, settings, max_file_bytes=max_file_bytes)
    return app
