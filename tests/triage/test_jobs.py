"""Jobs in the embedded deployment: steps done once each, a stopped job carried on where it
stopped, re-index and re-propose as jobs, and a worker's keyword index kept to the database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import make_settings
from triage.decide import audit
from triage.index.drift import find_drift
from triage.intake.batch import ingest_corpus
from triage.intake.ingestion import ingest_file
from triage.jobs.batch import create_batch, create_repropose
from triage.jobs.queue import (
    DONE,
    InProcessQueue,
    job_view,
    open_queue,
    run_job,
    run_step,
)
from triage.jobs.reindex import create_reindex, fresh_keywords
from triage.people.users import add_user
from triage.runtime import Runtime, open_runtime
from triage.store.models import ProposalRecord
from triage.store.people import User
from triage.store.record import AuditEntry, JobRecord, JobStep

PIPELINE = Path(__file__).parent.parent / "fixtures" / "pipeline"
SCHOOLS = ["990001", "990002", "990003", "990004"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("jobs-template") / "data"
    with open_runtime(make_settings(data)) as runtime:
        ingest_corpus(runtime, PIPELINE)
        with runtime.store.session() as session:
            add_user(session, email="lead@council.example", name="Lee Lead", role="lead")
    return data


@pytest.fixture
def runtime(template: Path, tmp_path: Path) -> Iterator[Runtime]:
    data = tmp_path / "data"
    shutil.copytree(template, data)
    with open_runtime(make_settings(data)) as opened:
        yield opened


def lead(runtime: Runtime) -> User:
    with runtime.store.session() as session:
        user = session.scalars(select(User).where(User.role == "lead")).one()
        session.expunge(user)
        return user


def proposals_per_school(runtime: Runtime) -> dict[str, int]:
    with runtime.store.session() as session:
        rows = session.execute(
            select(ProposalRecord.school_urn, func.count()).group_by(ProposalRecord.school_urn)
        )
        return {str(urn): int(count) for urn, count in rows}


def audit_actions(runtime: Runtime, action: str) -> int:
    with runtime.store.session() as session:
        return session.scalar(select(func.count()).where(AuditEntry.action == action)) or 0


def test_a_batch_proposes_for_every_school_once_and_running_it_again_adds_nothing(
    runtime: Runtime,
) -> None:
    with runtime.store.session() as session:
        job_id = create_batch(session, lead(runtime), "bristol").id
    run_job(runtime, job_id)
    assert proposals_per_school(runtime) == dict.fromkeys(SCHOOLS, 1)
    assert audit_actions(runtime, "proposal") == len(SCHOOLS)
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        assert record is not None and record.status == DONE
        view = job_view(session, record)
    assert (view.done, view.failed, view.total) == (4, 0, 4)
    assert [r["school"] for r in view.results] == SCHOOLS
    assert all(r["proposals"][0]["framework"] == "bristol" for r in view.results)
    # A step run again (a retried worker) finds its row and records nothing.
    assert run_step(runtime, job_id, "990001") is False
    run_job(runtime, job_id)
    assert proposals_per_school(runtime) == dict.fromkeys(SCHOOLS, 1)
    with runtime.store.session() as session:
        assert audit.verify(session).ok


def test_a_job_stopped_half_way_carries_on_where_it_stopped(runtime: Runtime) -> None:
    with runtime.store.session() as session:
        job_id = create_batch(session, lead(runtime), "all").id
    # As if the process died after two steps: they are recorded, the job still says running.
    assert run_step(runtime, job_id, "990001") and run_step(runtime, job_id, "990002")
    queue = open_queue(runtime, resume=True)  # what `triage serve` does when it starts
    queue.close()
    assert proposals_per_school(runtime) == dict.fromkeys(SCHOOLS, 4)
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        assert record is not None and (record.status, record.done) == (DONE, 4)
        workers = session.scalars(select(JobStep.worker).where(JobStep.job_id == job_id))
        assert all(":" in w for w in workers)


def test_a_step_for_a_school_that_is_gone_fails_alone(runtime: Runtime) -> None:
    with runtime.store.session() as session:
        job_id = create_batch(session, lead(runtime), "surrey").id
        record = session.get(JobRecord, job_id)
        assert record is not None
        record.params = record.params.replace('"990004"', '"999999"')
    run_job(runtime, job_id)
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        assert record is not None
        view = job_view(session, record)
    assert (view.status, view.done, view.failed) == (DONE, 4, 1)
    assert "999999" in view.results[-1]["error"]


def test_reindex_as_a_job_rebuilds_vectors_and_keywords_from_the_database(
    runtime: Runtime,
) -> None:
    runtime.index.delete(sorted(runtime.index.dense_ids("990002")))
    shutil.rmtree(runtime.settings.bm25_dir / "990003")
    assert not find_drift(runtime).clean
    with runtime.store.session() as session:
        job_id = create_reindex(session).id
    queue = InProcessQueue(runtime)
    queue.submit(job_id)
    queue.close()
    assert find_drift(runtime).clean
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        assert record is not None and (record.status, record.done, record.owner_id) == (
            DONE,
            4,
            None,
        )


def test_repropose_takes_only_the_schools_whose_inputs_changed(runtime: Runtime) -> None:
    with runtime.store.session() as session:
        first = create_batch(session, lead(runtime), "bristol").id
    run_job(runtime, first)
    note = PIPELINE.parent / "files" / "visit-note.txt"
    ingest_file(runtime, note, urn="990002")
    with runtime.store.session() as session:
        again = create_repropose(session, runtime, lead(runtime), "bristol")
        assert again.total == 1
        job_id = again.id
    run_job(runtime, job_id)
    assert proposals_per_school(runtime) == {"990001": 1, "990002": 2, "990003": 1, "990004": 1}
    with runtime.store.session() as session:
        assert create_repropose(session, runtime, lead(runtime), "bristol").total == 0


def test_a_process_rebuilds_its_own_keyword_index_when_it_differs_from_the_database(
    runtime: Runtime,
) -> None:
    held = runtime.index.sparse_ids("990001")
    shutil.rmtree(runtime.settings.bm25_dir)  # another machine's data dir holds none
    assert runtime.index.sparse_ids("990001") == set()
    assert fresh_keywords(runtime, "990001") is True
    assert runtime.index.sparse_ids("990001") == held
    assert fresh_keywords(runtime, "990001") is False
