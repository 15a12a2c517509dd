"""An authority's year on one machine: ingest, proposals and answers at authority size, each figure
beside a baseline measured in the same run.

The corpus is synthetic replicas of an eval corpus (each replica a school of its own, under a URN
of its own), enough of them for the documents asked for. The passages behind the answer latencies
are replicas again, made in the store and the index directly from passages already embedded, so
100,000 of them take minutes rather than hours of embedding.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from eval.bench_ask import percentile
from eval.bench_ingest import IngestBench, measure_ingest
from eval.scale_replicas import SchoolCopy, read_schools, replicate_passages
from ingest.manifest import MANIFEST_NAME, load_manifest
from triage.ask.answer import answer_question
from triage.decide.proposals import propose_frameworks
from triage.frameworks.loader import framework_ids
from triage.index.embeddings import QueryVectors
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings
from triage.store.models import School

DEV = Path(__file__).resolve().parent / "corpora" / "dev"
ASK_QUESTIONS = (
    "What do we know about attendance?",
    "How effective is safeguarding?",
    "What did the last Ofsted inspection find?",
    "How well do disadvantaged pupils achieve?",
    "What did the governors discuss at their last meeting?",
)

Say = Callable[[str], None]


class Figure(BaseModel):
    """One measured figure beside its baseline from the same run."""

    model_config = ConfigDict(extra="forbid")

    name: str
    value: float
    unit: str
    baseline_name: str
    baseline: float
    target: str

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else math.inf


class ScaleBench(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: int
    schools: int
    pages: int
    passages: int
    storage_bytes: int
    load_average: tuple[float, float, float]
    ingest: IngestBench
    figures: list[Figure]
    per_unit: dict[str, float]


class _NoAliases(yaml.SafeDumper):
    """Every value written out where it stands: the replicas share values (their dates), which
    PyYAML would write as aliases, and a manifest may hold only a few of those."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def replicate_corpus(source: Path, target: Path, *, documents: int) -> Path:
    """Write a triage-eval/1 corpus at `target` of replicas of `source`, at least `documents`
    documents: replica k of school URN is school `URN`r`k`, with the same files."""
    manifest = load_manifest(source)
    raw: dict[str, Any] = yaml.safe_load((source / MANIFEST_NAME).read_text(encoding="utf-8"))
    per_copy = sum(len(s.documents) for s in manifest.schools)
    copies = max(1, math.ceil(documents / per_copy))
    schools: list[dict[str, Any]] = []
    for k in range(copies):
        for entry in raw["schools"]:
            school = {key: value for key, value in entry.items() if key != "gold"}
            school["urn"] = f"{entry['urn']}r{k}"
            school["documents"] = [
                {**doc, "path": f"r{k}/{doc['path']}"} for doc in entry["documents"]
            ]
            for doc in entry["documents"]:
                replica = target / f"r{k}" / doc["path"]
                replica.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source / doc["path"], replica)
            schools.append(school)
    out = {"format": raw["format"], "national": raw.get("national") or {}, "schools": schools}
    text = yaml.dump(out, Dumper=_NoAliases, sort_keys=False)
    (target / MANIFEST_NAME).write_text(text, encoding="utf-8")
    return target


def bench_scale(
    settings: Settings,
    *,
    documents: int = 300,
    propose_schools: int = 20,
    passages: tuple[int, ...] = (1_000, 10_000, 100_000),
    source: Path = DEV,
    say: Say = lambda _: None,
) -> ScaleBench:
    """Build the authority-sized corpus in a temporary data dir and measure everything on it."""
    with tempfile.TemporaryDirectory(prefix="triage-bench-scale-") as tmp:
        corpus = replicate_corpus(source, Path(tmp) / "corpus", documents=documents)
        data = Path(tmp) / "data"
        with open_runtime(settings.model_copy(update={"data_dir": data})) as runtime:
            say(f"ingesting {corpus}")
            ingest = measure_ingest(runtime, corpus)
            storage = _bytes_under(data)
            with runtime.store.session() as session:
                urns = sorted(s.urn for s in session.query(School))
            say(f"proposing for {len(urns)} schools x 4 frameworks")
            figures = _propose_figures(runtime, urns, propose_schools)
            schools = read_schools(runtime)
        asking = settings.model_copy(update={"data_dir": Path(tmp) / "ask"})
        with open_runtime(asking) as runtime:
            say("asking at " + ", ".join(f"{n:,}" for n in passages) + " passages")
            figures += _ask_figures(runtime, schools, passages, say)
    figures.insert(
        0,
        Figure(
            name=f"ingest throughput, {ingest.documents} documents (share of raw)",
            value=ingest.share_of_raw,
            unit="x",
            baseline_name="raw: pypdf text + embedding the same passages",
            baseline=1.0,
            target=">= 0.7",
        ),
    )
    return ScaleBench(
        documents=ingest.documents,
        schools=len(urns),
        pages=ingest.pages,
        passages=ingest.passages,
        storage_bytes=storage,
        load_average=os.getloadavg(),
        ingest=ingest,
        figures=figures,
        per_unit=_per_unit(ingest, storage, figures),
    )


def _propose_figures(runtime: Runtime, urns: list[str], sample: int) -> list[Figure]:
    """Warm p95 of one school x 4 frameworks; the whole authority as a batch."""
    frameworks = framework_ids()
    started = time.perf_counter()
    propose_frameworks(runtime, urns[0], frameworks)
    cold = time.perf_counter() - started
    timed: list[float] = []
    for urn in urns[1 : sample + 1]:
        started = time.perf_counter()
        propose_frameworks(runtime, urn, frameworks)
        timed.append(time.perf_counter() - started)
    started = time.perf_counter()
    for urn in urns[sample + 1 :]:
        propose_frameworks(runtime, urn, frameworks)
    rest = time.perf_counter() - started
    batch_s = cold + sum(timed) + rest
    return [
        Figure(
            name="propose --framework all, warm p95",
            value=percentile(timed, 95),
            unit="s",
            baseline_name="the same, first school of the process (cold)",
            baseline=cold,
            target="< 1 s",
        ),
        Figure(
            name=f"batch: {len(urns)} schools x {len(frameworks)} frameworks",
            value=batch_s,
            unit="s",
            baseline_name="warm p50 x schools (one at a time, no batch gain)",
            baseline=statistics.median(timed) * len(urns) if timed else 0.0,
            target="< 300 s for 300 schools",
        ),
    ]


def _ask_figures(
    runtime: Runtime, schools: list[SchoolCopy], sizes: tuple[int, ...], say: Say
) -> list[Figure]:
    """Answer p95 (provider `none`) with the index holding each size of passages, beside the
    retrieval calls alone (the dense and keyword queries) at that size."""
    figures: list[Figure] = []
    for size in sorted(sizes):
        held = replicate_passages(runtime, schools, total=size)
        with runtime.store.session() as session:
            asked = sorted(session.scalars(select(School.urn)))[:5]
        say(f"  {held:,} passages held")
        answer_p95, retrieval_p95 = _time_answers(runtime, asked)
        figures.append(
            Figure(
                name=f"ask (none) p95 at {held:,} passages",
                value=answer_p95,
                unit="s",
                baseline_name="its dense + keyword queries alone",
                baseline=retrieval_p95,
                target="< 0.3 s at 10,000; sub-linear growth",
            )
        )
    return figures


def _time_answers(runtime: Runtime, urns: list[str]) -> tuple[float, float]:
    """p95 of answers (each size embeds its questions afresh, as a new question would be) and of
    their index queries alone. Each school is asked once first, so every size times warm schools
    (a school's keyword index is loaded on its first question; the same schools are asked at
    every size)."""
    for urn in urns:
        answer_question(runtime, urn, "warm up")
    runtime.index.queries = QueryVectors()
    answers: list[float] = []
    retrievals: list[float] = []
    for urn in urns:
        for question in ASK_QUESTIONS:
            started = time.perf_counter()
            answer_question(runtime, urn, question)
            answers.append(time.perf_counter() - started)
            started = time.perf_counter()
            runtime.index.query_dense(urn, question, n=runtime.settings.retrieval.candidates)
            runtime.index.query_sparse(urn, question, n=runtime.settings.retrieval.candidates)
            retrievals.append(time.perf_counter() - started)
    return percentile(answers, 95), percentile(retrievals, 95)


def _per_unit(ingest: IngestBench, storage: int, figures: list[Figure]) -> dict[str, float]:
    """Per document and per school costs, for projecting a national deployment."""
    batch = next(f for f in figures if f.name.startswith("batch:"))
    schools = float(batch.name.split()[1])
    return {
        "pages_per_document": ingest.pages / ingest.documents,
        "passages_per_document": ingest.passages / ingest.documents,
        "documents_per_school": ingest.documents / schools,
        "storage_bytes_per_document": storage / ingest.documents,
        "ingest_s_per_document": ingest.full_s / ingest.documents,
        "embedding_s_per_passage": ingest.embed_s / ingest.passages,
        "propose_s_per_school_all_frameworks": batch.value / schools,
    }


def _bytes_under(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


class Projection(BaseModel):
    """What `schools` schools need, from the per-unit costs measured on this machine."""

    model_config = ConfigDict(extra="forbid")

    schools: int
    documents: int
    pages: int
    passages: int
    vectors: int
    storage_gib: float
    vector_ram_gib: float
    embedding_hours: float
    repropose_hours: float
    workers: int
    window_hours: float


# A 384-dimension float32 vector, and HNSW's links (M=16, two layers' worth) and id beside it.
VECTOR_BYTES = 384 * 4 + 16 * 2 * 4 + 64


def project(per_unit: dict[str, float], *, schools: int, window_hours: float = 6.0) -> Projection:
    """Scale the measured per-unit costs to `schools` schools; a nightly re-proposal of every
    school under every framework within `window_hours`, by workers of one core's speed each
    (this machine's cores are the unit: the timings came from it)."""
    documents = schools * per_unit["documents_per_school"]
    passages = documents * per_unit["passages_per_document"]
    repropose_h = schools * per_unit["propose_s_per_school_all_frameworks"] / 3600
    return Projection(
        schools=schools,
        documents=round(documents),
        pages=round(documents * per_unit["pages_per_document"]),
        passages=round(passages),
        vectors=round(passages),
        storage_gib=documents * per_unit["storage_bytes_per_document"] / (1 << 30),
        vector_ram_gib=passages * VECTOR_BYTES / (1 << 30),
        embedding_hours=passages * per_unit["embedding_s_per_passage"] / 3600,
        repropose_hours=repropose_h,
        workers=max(1, math.ceil(repropose_h / window_hours)),
        window_hours=window_hours,
    )
