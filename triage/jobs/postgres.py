"""The scaled-out queue: each step of a job is a procrastinate job on PostgreSQL, and any number
of `triage worker` processes, on any number of machines, take them.

procrastinate keeps its tables in triage's own database (created the first time a queue or a
worker opens it). A worker sends a heartbeat; a step held by a worker that has fallen silent
for `stalled_after_s` (killed, its machine gone) is put back by the other workers and run again,
and the step's row (`triage.jobs.queue`) makes that second run record it once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from procrastinate import App, JobContext, PsycopgConnector, RetryStrategy
from procrastinate.schema import SchemaManager
from procrastinate.types import JSONDict
from procrastinate.worker import Worker
from sqlalchemy.engine import Engine, make_url

from triage.errors import DatabaseError, InvalidRequestError
from triage.jobs import batch, reindex  # noqa: F401  registers the job kinds
from triage.jobs.queue import fail_step, job_items, run_step, worker_name
from triage.runtime import Runtime
from triage.settings import Settings
from triage.store.record import JobRecord

log = logging.getLogger(__name__)

STEP_TASK = "triage.step"
# Any fixed number: the PostgreSQL advisory lock under which procrastinate's schema is made.
_SCHEMA_LOCK_KEY = 0x7472_6961_6771


def conninfo(settings: Settings) -> str:
    """The database URL as libpq takes it (SQLAlchemy's names its driver; libpq does not)."""
    url = make_url(settings.db_url)
    if url.get_backend_name() != "postgresql":
        raise InvalidRequestError(
            "TRIAGE_JOBS__QUEUE=procrastinate needs PostgreSQL: set TRIAGE_DATABASE_URL to a "
            "postgresql+psycopg://... URL, or use the in_process queue"
        )
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def queue_app(settings: Settings) -> App:
    """A procrastinate app on triage's database, with the one task every step runs as."""
    app = App(connector=PsycopgConnector(conninfo=conninfo(settings)))
    jobs = settings.jobs

    @app.task(
        name=STEP_TASK,
        queue=jobs.queue_name,
        pass_context=True,
        retry=RetryStrategy(max_attempts=jobs.max_attempts, wait=1, linear_wait=2),
    )
    def step(context: JobContext, job_id: str, item: str) -> None:
        runtime: Runtime = (context.additional_context or {})["runtime"]
        attempts = context.job.attempts
        # Written before the work, so a worker killed mid-step can be told apart from one
        # that had not started it (the tier-3 test reads it).
        print(f"step started: job {job_id} item {item} attempt {attempts}", file=sys.stderr)
        sys.stderr.flush()
        try:
            run_step(runtime, job_id, item, worker=context.worker_name or worker_name())
        except Exception as exc:
            if attempts < jobs.max_attempts:
                raise  # procrastinate runs it again after a wait
            log.exception("step %s of job %s failed on its last try", item, job_id)
            fail_step(runtime, job_id, item, f"failed {attempts + 1} times: {exc}")

    return app


def ensure_queue_schema(engine: Engine) -> None:
    """Create procrastinate's tables in the database if they are not there (once, however
    many processes start together)."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK_KEY,))
        cursor.execute("SELECT to_regclass('procrastinate_jobs')")
        row = cursor.fetchone()
        if row is None or row[0] is None:
            cursor.execute(SchemaManager.get_schema())
        raw.commit()
    except Exception as exc:
        raw.rollback()
        raise DatabaseError(f"could not create the job queue's tables: {exc}") from exc
    finally:
        raw.close()


class PostgresQueue:
    """Submitting a job puts one procrastinate job per step on the queue."""

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime
        ensure_queue_schema(runtime.store.engine)
        self._app = queue_app(runtime.settings)
        self._app.open()

    def submit(self, job_id: str) -> None:
        with self._runtime.store.session() as session:
            record = session.get(JobRecord, job_id)
            items = job_items(record) if record is not None else []
        if items:
            task = self._app.tasks[STEP_TASK]
            steps: list[JSONDict] = [{"job_id": job_id, "item": item} for item in items]
            task.batch_defer(*steps)

    def close(self) -> None:
        self._app.close()


def run_worker(runtime: Runtime, *, name: str | None = None) -> None:
    """Take steps from the queue until stopped (SIGINT or SIGTERM let the current steps end)."""
    ensure_queue_schema(runtime.store.engine)
    app = queue_app(runtime.settings)
    asyncio.run(_work(app, runtime, name or worker_name()))


async def _work(app: App, runtime: Runtime, name: str) -> None:
    """Run procrastinate's worker until SIGINT or SIGTERM; if the database goes away under it,
    wait and start it again, so a worker outlives an outage without being restarted."""
    jobs = runtime.settings.jobs
    stopping = asyncio.Event()
    current: list[Worker] = []

    def stop() -> None:
        stopping.set()
        for worker in current:
            worker.stop()

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop)
    async with app.open_async():
        watcher = asyncio.create_task(_retry_stalled(app, runtime.settings))
        try:
            while not stopping.is_set():
                worker = Worker(
                    app,
                    queues=[jobs.queue_name],
                    name=name,
                    concurrency=jobs.worker_concurrency,
                    update_heartbeat_interval=jobs.heartbeat_s,
                    stalled_worker_timeout=jobs.stalled_after_s,
                    additional_context={"runtime": runtime},
                    install_signal_handlers=False,
                )
                current[:] = [worker]
                try:
                    await worker.run()
                except Exception as exc:  # noqa: BLE001 - the database away: wait, go on
                    log.warning("the worker stopped (%s); starting again shortly", exc)
                if not stopping.is_set():
                    await _pause(stopping, jobs.heartbeat_s)
        finally:
            watcher.cancel()


async def _pause(stopping: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), timeout=seconds)


async def _retry_stalled(app: App, settings: Settings) -> None:
    """Put back the steps of workers silent for longer than `stalled_after_s`."""
    jobs = settings.jobs
    while True:
        await asyncio.sleep(jobs.heartbeat_s)
        try:
            stalled = await app.job_manager.get_stalled_jobs(
                queue=jobs.queue_name, seconds_since_heartbeat=jobs.stalled_after_s
            )
        except Exception:  # noqa: BLE001 - the database may be away for a while; try again
            log.warning("could not look for stalled steps", exc_info=True)
            continue
        for job in stalled:
            try:
                await app.job_manager.retry_job(job)
                log.warning("step %s of a silent worker put back on the queue", job.id)
            except Exception:  # noqa: BLE001 - another worker put it back first
                log.debug("stalled step %s already put back", job.id, exc_info=True)
