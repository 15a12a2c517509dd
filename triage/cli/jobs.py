"""`triage jobs ...` and `triage worker`: batch work from the shell, and the process that does
it when the deployment is scaled out.

With the embedded queue (the default) a job runs in the command that starts it, with progress;
with `TRIAGE_JOBS__QUEUE=procrastinate` the command puts its steps on the queue and returns (or
waits, with `--wait`), and `triage worker` processes anywhere take them.
"""

from __future__ import annotations

import time
from threading import Thread
from typing import Annotated

import typer
from rich.progress import Progress, TaskID
from rich.table import Table
from sqlalchemy import select

from triage.cli import app
from triage.cli.common import console, errors, handle_errors, progress_bar, settings_from
from triage.errors import InvalidRequestError, TriageError
from triage.jobs.batch import create_batch, create_repropose
from triage.jobs.queue import DONE, FAILED, job_view, open_queue, reopen_job, run_job
from triage.jobs.reindex import create_reindex
from triage.people.users import get_user
from triage.runtime import Runtime, open_runtime
from triage.store.record import JobRecord

jobs_app = typer.Typer(help="Batch work: propose, re-propose, re-index; see and resume jobs.")
app.add_typer(jobs_app, name="jobs")

AsOption = Annotated[
    str, typer.Option("--as", help="Email of the lead or officer the proposals are made for")
]
FrameworkOption = Annotated[str, typer.Option(help="A framework id, or all")]
WaitOption = Annotated[
    bool, typer.Option(help="With the procrastinate queue: wait until the workers finish")
]


@jobs_app.command("propose")
def propose_job(
    ctx: typer.Context,
    as_user: AsOption,
    framework: FrameworkOption = "all",
    wait: WaitOption = False,
) -> None:
    """Propose for every school the person may see, under a framework or all of them.

    Example: triage jobs propose --as lead@council.example --framework all
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            job_id = create_batch(session, get_user(session, as_user), framework).id
        _run(runtime, job_id, wait=wait)


@jobs_app.command("repropose")
def repropose_job(
    ctx: typer.Context,
    as_user: AsOption,
    framework: FrameworkOption = "all",
    wait: WaitOption = False,
) -> None:
    """Propose again for every school whose latest proposal is out of date (a framework file,
    the lexicon or the school's documents changed since).

    Example: triage jobs repropose --as lead@council.example
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            user = get_user(session, as_user)
            job_id = create_repropose(session, runtime, user, framework).id
        _run(runtime, job_id, wait=wait)


@jobs_app.command("reindex")
def reindex_job(ctx: typer.Context, wait: WaitOption = False) -> None:
    """Rebuild every school's vectors and keywords from the database, a school a step.

    Example: triage jobs reindex --wait
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            job_id = create_reindex(session).id
        _run(runtime, job_id, wait=wait)


@jobs_app.command("list")
def list_jobs(ctx: typer.Context) -> None:
    """Every job, newest first, with its progress."""
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        table = Table("id", "kind", "status", "done", "failed", "total", "created", title="Jobs")
        with runtime.store.session() as session:
            query = select(JobRecord).order_by(JobRecord.created_at.desc())
            for job in session.scalars(query):
                table.add_row(
                    job.id,
                    job.kind,
                    job.status,
                    str(job.done),
                    str(job.failed),
                    str(job.total),
                    f"{job.created_at:%Y-%m-%d %H:%M}",
                )
        console.print(table)


@jobs_app.command("show")
def show_job(ctx: typer.Context, job_id: str) -> None:
    """One job's progress and what each step produced, as JSON.

    Example: triage jobs show 3f2a...
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            record = session.get(JobRecord, job_id)
            if record is None:
                raise TriageError(f"no job {job_id}; `triage jobs list` shows the jobs")
            typer.echo(job_view(session, record).model_dump_json(indent=2))


@jobs_app.command("resume")
def resume_job(ctx: typer.Context, job_id: str, wait: WaitOption = False) -> None:
    """Carry on a job that stopped (its process was killed, the database went away): the
    steps already done stay done, the rest run.

    Example: triage jobs resume 3f2a...
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            reopen_job(session, job_id)
        _run(runtime, job_id, wait=wait)


@app.command("worker")
def worker_command(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="This worker's name in step records")] = None,
) -> None:
    """Take job steps from the PostgreSQL queue until stopped; run as many as you like, on
    any machine that reaches the database and the Chroma server.

    Example: TRIAGE_JOBS__QUEUE=procrastinate triage worker
    """
    from triage.index.embeddings import embedding_model
    from triage.jobs.postgres import run_worker

    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        if runtime.settings.jobs.queue != "procrastinate":
            raise InvalidRequestError(
                "the job queue is in_process, so jobs run inside `triage serve` or the command "
                "that starts them; a worker takes jobs from the procrastinate queue "
                "(TRIAGE_JOBS__QUEUE=procrastinate, with PostgreSQL)"
            )
        embedding_model()  # loaded once before the first step
        errors.print(f"worker {name or ''} taking steps from {runtime.settings.jobs.queue_name}")
        run_worker(runtime, name=name)


def _run(runtime: Runtime, job_id: str, *, wait: bool) -> None:
    """Embedded: run the job here with progress. Queued: submit it, and wait if asked."""
    if runtime.settings.jobs.queue == "procrastinate":
        queue = open_queue(runtime)
        try:
            queue.submit(job_id)
        finally:
            queue.close()
        console.print(f"job {job_id} is on the queue; `triage jobs show {job_id}` follows it")
        if wait:
            _follow(runtime, job_id, poll=True)
        return
    with progress_bar() as progress:
        task = progress.add_task("job", total=None)
        worker = Thread(target=run_job, args=(runtime, job_id), daemon=True)
        worker.start()
        while worker.is_alive():
            _advance(runtime, job_id, progress, task)
            worker.join(0.5)
        _advance(runtime, job_id, progress, task)
    _follow(runtime, job_id, poll=False)


def _advance(runtime: Runtime, job_id: str, progress: Progress, task: TaskID) -> None:
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        if record is not None:
            progress.update(task, completed=record.done, total=record.total)


def _follow(runtime: Runtime, job_id: str, *, poll: bool) -> None:
    while True:
        with runtime.store.session() as session:
            record = session.get(JobRecord, job_id)
            assert record is not None
            status, done, failed, total = record.status, record.done, record.failed, record.total
            error = record.error
        if status in (DONE, FAILED) or not poll:
            break
        time.sleep(1.0)
    line = f"job {job_id}: {status}, {done} of {total} steps, {failed} failed"
    if error:
        line += f" ({error})"
    console.print(line, highlight=False)
    if status == FAILED or failed:
        raise typer.Exit(1)
