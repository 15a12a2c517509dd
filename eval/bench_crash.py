"""`triage bench crash`: SIGKILL an ingest, a batch and a run of decisions at random points, and
check after every kill that nothing acknowledged is missing, nothing half-written is visible,
the index agrees with the database (or `doctor --repair` makes it) and the audit chain verifies.

Each mode first runs once to the end, unkilled: that run is the baseline the trials are read
against, and the kills are drawn uniformly from its first 80 % (so most land mid-work; a run
that ends before its kill is still checked, and counted apart).
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from chromadb.api.shared_system_client import SharedSystemClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from eval.crash import MODES, CrashCheck, check, settings_for
from triage.intake.batch import ingest_corpus
from triage.jobs.batch import create_batch
from triage.jobs.queue import run_job
from triage.people.users import add_user
from triage.runtime import open_runtime
from triage.store.record import JobRecord


class CrashFigure(BaseModel):
    """One mode's trials, beside its uninterrupted run."""

    model_config = ConfigDict(extra="forbid")

    mode: str
    trials: int
    killed_mid_work: int
    acknowledged: int
    missing: int
    half_written: int
    drift_found: int
    drift_mended: int
    audit_verified: int
    baseline_s: float
    baseline_operations: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not (self.missing or self.half_written) and self.drift_mended == self.drift_found


class Run(BaseModel):
    acks: list[str]
    finished: bool
    seconds: float


def bench_crash(
    corpus: Path,
    *,
    trials: int = 20,
    seed: int = 13,
    modes: tuple[str, ...] = MODES,
    on_trial: Callable[[str, int, CrashCheck], None] | None = None,
) -> list[CrashFigure]:
    """Run `trials` killed runs of each mode on copies of data dirs made from `corpus`."""
    chance = random.Random(seed)
    root = Path(tempfile.mkdtemp(prefix="triage-crash-"))
    try:
        templates = _templates(root, corpus)
        figures = []
        for mode in modes:
            baseline = _run(mode, templates[mode], root / f"{mode}-baseline", corpus, kill_at=None)
            checks = []
            killed = 0
            for trial in range(trials):
                data = root / f"{mode}-{trial}"
                kill_at = chance.uniform(0, 0.8 * baseline.seconds)
                run = _run(mode, templates[mode], data, corpus, kill_at=kill_at)
                killed += not run.finished
                result = check(mode, data, run.acks)
                _forget_index()
                checks.append(result)
                if on_trial:
                    on_trial(mode, trial, result)
                shutil.rmtree(data, ignore_errors=True)
            figures.append(_figure(mode, checks, killed, baseline))
        return figures
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _templates(root: Path, corpus: Path) -> dict[str, Path | None]:
    """Data dirs each mode starts from: none for ingest, the corpus with a queued batch for
    batch, and every school proposed under every framework for decide."""
    batch, decide = root / "template-batch", root / "template-decide"
    with open_runtime(settings_for(batch)) as runtime:
        ingest_corpus(runtime, corpus)
        with runtime.store.session() as session:
            lead = add_user(session, email="lead@council.example", name="Lee Lead", role="lead")
            add_user(session, email="jo@council.example", name="Jo Officer", role="officer")
            create_batch(session, lead, "all")
    _forget_index()
    shutil.copytree(batch, decide)
    with open_runtime(settings_for(decide)) as runtime:
        with runtime.store.session() as session:
            job_id = session.scalars(select(JobRecord.id)).one()
        run_job(runtime, job_id)
    _forget_index()
    return {"ingest": None, "batch": batch, "decide": decide}


def _run(
    mode: str, template: Path | None, data: Path, corpus: Path, *, kill_at: float | None
) -> Run:
    """The mode's work in a child process, killed `kill_at` seconds after it is ready."""
    if template is not None:
        shutil.copytree(template, data)
    command = [sys.executable, "-m", "eval.crash", mode, str(data), str(corpus)]
    log = data.with_name(data.name + ".log")
    with log.open("w") as stderr:
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True)
        assert child.stdout is not None
        ready = child.stdout.readline().strip() == "READY"
        began = time.perf_counter()
        killed = threading.Event()
        timer = _kill_after(child, kill_at, killed) if ready and kill_at is not None else None
        lines = child.stdout.read().splitlines()
        child.wait()
        if timer is not None:
            timer.cancel()
    if child.returncode != 0 and not killed.is_set():
        tail = " | ".join(log.read_text().strip().splitlines()[-3:])
        raise RuntimeError(f"the {mode} process failed by itself: {tail}")
    return Run(
        acks=[line.removeprefix("ACK ") for line in lines if line.startswith("ACK ")],
        finished="DONE" in lines,
        seconds=time.perf_counter() - began,
    )


def _kill_after(
    child: subprocess.Popen[str], seconds: float, killed: threading.Event
) -> threading.Timer:
    def kill() -> None:
        if child.poll() is None:
            killed.set()
            child.send_signal(signal.SIGKILL)

    timer = threading.Timer(seconds, kill)
    timer.start()
    return timer


def _forget_index() -> None:
    """Let go of the embedded Chroma stores this process opened (chromadb keeps them, by path,
    for the life of the process), so a data dir is then opened by one process at a time."""
    SharedSystemClient.clear_system_cache()


def _figure(mode: str, checks: list[CrashCheck], killed: int, baseline: Run) -> CrashFigure:
    problems = [
        f"{c.mode}: {', '.join(c.missing + c.half_written)} {c.note}".strip()
        for c in checks
        if not c.ok
    ]
    return CrashFigure(
        mode=mode,
        trials=len(checks),
        killed_mid_work=killed,
        acknowledged=sum(c.acknowledged for c in checks),
        missing=sum(len(c.missing) for c in checks),
        half_written=sum(len(c.half_written) for c in checks),
        drift_found=sum(c.drift_found for c in checks),
        drift_mended=sum(c.drift_found and c.drift_mended for c in checks),
        audit_verified=sum(c.audit_ok for c in checks),
        baseline_s=baseline.seconds,
        baseline_operations=len(baseline.acks),
        problems=problems[:10],
    )
