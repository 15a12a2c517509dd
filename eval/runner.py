"""`triage eval`: ingest a triage-eval/1 corpus into a temporary data dir, propose, measure.

The user's data dir is never touched: the corpus goes into a fresh temporary directory (SQLite and
an embedded Chroma) that is removed afterwards, whatever the settings point at.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from eval.baselines import Proposer, SystemProposer, configurations
from eval.gold import GoldManifest, GoldSchool, load_gold_manifest
from eval.repeat import propose_in_fresh_process
from eval.summary import Run, summarise
from eval.traps import check_trap
from triage.errors import TriageError
from triage.extract.judges.llm import judge_stats  # also registers `--extractor llm`
from triage.extract.models import Proposal
from triage.frameworks.loader import framework_ids, load_framework
from triage.frameworks.schema import Framework
from triage.intake.batch import BatchReport
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings, get_settings
from triage.store.models import Document, Page

# (what is being done, how many done, out of how many): drives the progress bars.
Progress = Callable[[str, int, int], None]


class EvalError(TriageError):
    """The corpus and the frameworks do not fit together (e.g. an unknown category id)."""


@dataclass
class Corpus:
    """The ingested corpus and what the metrics need to read from it."""

    manifest: GoldManifest
    frameworks: dict[str, Framework]
    schools: list[GoldSchool]
    page_texts: dict[tuple[str, int | None], str] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def frameworks_for(self, school: GoldSchool) -> list[str]:
        """Frameworks with a gold category for the school; else the first, for aspects/evidence."""
        with_gold = [f for f in self.frameworks if f in school.gold.categories]
        return with_gold or list(self.frameworks)[:1]


def run_eval(
    folder: str | Path,
    *,
    framework: str | None = None,
    extractor: str = "rules",
    compare: bool = False,
    repeats: int = 2,
    check_answers: bool = True,
    settings: Settings | None = None,
    progress: Progress | None = None,
    proposers: list[Proposer] | None = None,
) -> dict[str, Any]:
    """Evaluate the corpus in `folder`; returns the JSON report (with `compare` rows if asked).

    `proposers` replaces the configurations (the first is the default), e.g. to measure a
    configuration that is not built in.
    """
    say = progress or (lambda _stage, _done, _total: None)
    manifest = load_gold_manifest(folder)
    frameworks = select_frameworks(manifest, framework)
    if proposers is None:
        check_extractor(extractor)
    base = settings or get_settings()
    with tempfile.TemporaryDirectory(prefix="triage-eval-") as tmp:
        with open_runtime(temp_settings(base, Path(tmp))) as runtime:
            corpus = ingest(runtime, manifest, frameworks, say)
            results = []
            chosen = proposers or configurations(extractor, compare=compare)
            for i, proposer in enumerate(chosen):
                run = run_config(
                    runtime,
                    corpus,
                    proposer,
                    repeats=repeats if i == 0 else 1,
                    check_answers=check_answers and i == 0,
                    say=say,
                )
                results.append(summarise(corpus, run))
            judged = judge_stats(runtime)  # what the llm judge did, if it ran
    report = results[0]
    report["extractor"] = extractor
    if judged is not None:
        report["llm_judge"] = judged.model_dump()
        report.setdefault("notes", []).append(judged.describe())
    if len(results) > 1:
        report["compare"] = [compare_row(r) for r in results]
    return report


def check_extractor(name: str) -> None:
    """Refuse an unknown extractor before the corpus is ingested, naming the known ones."""
    import importlib
    from contextlib import suppress

    from triage.extract.judges import JUDGES

    # Extractors beyond the rules register themselves when their module is imported.
    with suppress(ImportError):
        importlib.import_module("triage.extract.judges.llm")

    if name not in JUDGES:
        raise EvalError(f"unknown extractor {name!r}; use one of: {', '.join(sorted(JUDGES))}")


def temp_settings(base: Settings, data_dir: Path) -> Settings:
    """The user's settings, but every piece of state in `data_dir` (SQLite, embedded Chroma)."""
    index = base.index.model_copy(update={"chroma_mode": "embedded"})
    return base.model_copy(update={"data_dir": data_dir, "database_url": "", "index": index})


def select_frameworks(manifest: GoldManifest, wanted: str | None) -> dict[str, Framework]:
    """The frameworks to evaluate: one by id, or every known framework the gold labels use."""
    used = sorted({fw for s in manifest.schools for fw in s.gold.categories})
    if wanted and wanted != "all":
        chosen = [wanted]
        if Path(wanted).suffix in (".yaml", ".yml") or "/" in wanted:
            raise EvalError(
                f"{wanted!r} is a file: the eval takes a framework by id (one of "
                f"{', '.join(framework_ids())}); to evaluate a new framework, add its file to "
                "triage/frameworks/ and give its id"
            )
        if wanted not in framework_ids():
            raise EvalError(
                f"unknown framework {wanted!r}; use one of: {', '.join(framework_ids())} or all"
            )
        if wanted not in used:
            raise EvalError(
                f"no school in the manifest has a gold category for framework {wanted!r}; "
                f"gold labels use: {', '.join(used) or 'none'}"
            )
    else:
        known = set(framework_ids())
        chosen = [fw for fw in used if fw in known] or sorted(known)[:1]
    frameworks = {fw: load_framework(fw) for fw in chosen}
    _check_gold_categories(manifest, frameworks)
    return frameworks


def _check_gold_categories(manifest: GoldManifest, frameworks: dict[str, Framework]) -> None:
    for school in manifest.schools:
        for fw, category in school.gold.categories.items():
            if fw in frameworks:
                ids = [c.id for c in frameworks[fw].categories]
                if category not in ids:
                    raise EvalError(
                        f"school {school.urn}: field 'gold.categories.{fw}': unknown category "
                        f"{category!r}; use one of {', '.join(ids)}"
                    )


def ingest(
    runtime: Runtime, manifest: GoldManifest, frameworks: dict[str, Framework], say: Progress
) -> Corpus:
    """Ingest every document, timing it, and read back the page texts the metrics need."""
    from triage.intake.batch import ingest_corpus

    started = time.perf_counter()
    batch = ingest_corpus(
        runtime,
        manifest.root,
        on_progress=lambda _path, done, total: say("ingesting documents", done, total),
    )
    _require_complete(batch)
    seconds = time.perf_counter() - started
    page_texts: dict[tuple[str, int | None], str] = {}
    with runtime.store.session() as session:
        rows = session.execute(
            select(Document.source, Page.number, Page.text)
            .join(Page, Page.document_id == Document.id)
            .where(Document.status == "current")
        ).all()
        for source, number, text in rows:
            page_texts[(source, number)] = text
    schools = [s for s in manifest.schools if _has_gold(s)]
    # Gold for a framework this installation does not know is reported, not fatal.
    unknown = sorted({f for s in schools for f in s.gold.categories} - set(framework_ids()))
    notes = [f"gold for framework(s) not evaluated: {', '.join(unknown)}"] if unknown else []
    return Corpus(
        manifest=manifest,
        frameworks=frameworks,
        schools=schools,
        page_texts=page_texts,
        notes=notes,
        stats={
            "schools": len(manifest.schools),
            "documents": sum(len(s.documents) for s in manifest.schools),
            "pages": len(rows),
            "ingest_s": seconds,
        },
    )


def _require_complete(batch: BatchReport) -> None:
    """Figures on part of a corpus are not the corpus's: a refused file stops the eval."""
    if not batch.complete:
        first = batch.refused[0]
        raise EvalError(
            f"{len(batch.refused)} file(s) of the corpus were not ingested: school "
            f"{first.school}: {first.source}: {first.reason}"
        )


def _has_gold(school: GoldSchool) -> bool:
    gold = school.gold
    return bool(gold.categories or gold.aspects or gold.evidence or gold.traps)


def run_config(
    runtime: Runtime,
    corpus: Corpus,
    proposer: Proposer,
    *,
    repeats: int,
    check_answers: bool,
    say: Progress,
) -> Run:
    """Propose for every school and framework (`repeats` times), then check the traps.

    The first run is timed here; every further run of the product's own pipeline is made by a
    fresh interpreter with another hash seed, so stability is measured across processes.
    """
    run = Run(name=proposer.name, label=proposer.label)
    started = time.perf_counter()
    _first_run(runtime, corpus, proposer, run, say=say, several=repeats > 1)
    for attempt in range(1, max(1, repeats)):
        stage = f"{proposer.name}: proposing (run {attempt + 1})"
        say(stage, 0, len(corpus.schools))
        for key, proposal in _repeat(runtime, corpus, proposer, attempt=attempt).items():
            run.proposals[key].append(proposal)
        if isinstance(proposer, SystemProposer):
            run.fresh_runs += 1
        say(stage, len(corpus.schools), len(corpus.schools))
    traps = [(s, t) for s in corpus.schools for t in s.gold.traps if t.kind == "injection"]
    for n, (school, trap) in enumerate(traps):
        say(f"{proposer.name}: checking traps", n, len(traps))
        run.traps.append(
            check_trap(runtime, corpus, proposer, run, school, trap, answers=check_answers)
        )
    if traps:
        say(f"{proposer.name}: checking traps", len(traps), len(traps))
    run.wall_s = time.perf_counter() - started
    return run


def _first_run(
    runtime: Runtime, corpus: Corpus, proposer: Proposer, run: Run, *, say: Progress, several: bool
) -> None:
    """Every school under its frameworks, in this process, timed."""
    stage = f"{proposer.name}: proposing" + (" (run 1)" if several else "")
    total = len(corpus.schools)
    for n, school in enumerate(corpus.schools):
        say(stage, n, total)
        school_began = time.perf_counter()
        for fw in corpus.frameworks_for(school):
            began = time.perf_counter()
            proposal = proposer.propose(runtime, school.urn, fw)
            run.seconds.append(time.perf_counter() - began)
            run.proposals.setdefault((school.urn, fw), []).append(proposal)
        run.school_seconds.append(time.perf_counter() - school_began)
    say(stage, total, total)


def _repeat(
    runtime: Runtime, corpus: Corpus, proposer: Proposer, *, attempt: int
) -> dict[tuple[str, str], Proposal]:
    """One more run: in a fresh interpreter for the product's pipeline, else in this process."""
    pairs = [(s.urn, fw) for s in corpus.schools for fw in corpus.frameworks_for(s)]
    if not isinstance(proposer, SystemProposer):
        return {(urn, fw): proposer.propose(runtime, urn, fw) for urn, fw in pairs}
    return propose_in_fresh_process(
        runtime.settings,
        pairs,
        extractor=proposer.extractor,
        retrieval_mode=proposer.retrieval_mode,
        seed=attempt,
        output=runtime.settings.data_path / f"repeat-{attempt}.json",
    )


def compare_row(report: dict[str, Any]) -> dict[str, Any]:
    """One line of the --compare table."""
    frameworks = report["frameworks"]
    accuracies = [f["accuracy"] for f in frameworks.values() if f["accuracy"] is not None]
    return {
        "config": report["config"],
        "label": report["label"],
        "accuracy_mean": sum(accuracies) / len(accuracies) if accuracies else None,
        "accuracy": {fw: f["accuracy"] for fw, f in frameworks.items()},
        "within_one": _mean([f["within_one"] for f in frameworks.values()]),
        "macro_f1": _mean([f["macro_f1"] for f in frameworks.values()]),
        "kappa": _mean([f["kappa"] for f in frameworks.values()]),
        "aspect_accuracy": report["aspects"]["accuracy"],
        "aspect_mae": report["aspects"]["mae"],
        "evidence_recall": report["evidence"]["recall"],
        "evidence_precision": report["evidence"]["precision"],
        "citation_rate": report["citations"]["rate"],
        "citations_per_verdict": report["citations_per_verdict"]["mean"],
        "traps": f"{report['traps']['held']}/{report['traps']['checked']}",
        "propose_s_p50": report["timing"]["propose_s_per_school_p50"],
        "propose_s_total": report["timing"]["propose_s_total"],
    }


def _mean(values: list[Any]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
