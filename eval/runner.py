"""`triage eval`: ingest a triage-eval/1 corpus into a temporary data dir, propose, measure.

The user's data dir is never touched: the corpus goes into a fresh temporary directory (SQLite and
an embedded Chroma) that is removed afterwards, whatever the settings point at.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from eval.baselines import Proposer, configurations
from eval.gold import GoldManifest, GoldSchool, load_gold_manifest
from eval.summary import Run, TrapCheck, summarise
from triage.errors import TriageError
from triage.extract.judges.llm import judge_stats  # also registers `--extractor llm`
from triage.extract.models import Proposal
from triage.frameworks.loader import framework_ids, load_framework
from triage.frameworks.schema import Framework
from triage.intake.batch import BatchReport
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings, get_settings
from triage.store.models import Document, Page
from triage.store.queries import school_passages

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
    """Propose for every school and framework (`repeats` times), then check the traps."""
    run = Run(name=proposer.name, label=proposer.label)
    started = time.perf_counter()
    total = len(corpus.schools)
    for attempt in range(max(1, repeats)):
        stage = f"{proposer.name}: proposing" + (f" (run {attempt + 1})" if repeats > 1 else "")
        for n, school in enumerate(corpus.schools):
            say(stage, n, total)
            school_began = time.perf_counter()
            for fw in corpus.frameworks_for(school):
                began = time.perf_counter()
                proposal = proposer.propose(runtime, school.urn, fw)
                if attempt == 0:
                    run.seconds.append(time.perf_counter() - began)
                run.proposals.setdefault((school.urn, fw), []).append(proposal)
            if attempt == 0:
                run.school_seconds.append(time.perf_counter() - school_began)
        say(stage, total, total)
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


def check_trap(
    runtime: Runtime,
    corpus: Corpus,
    proposer: Proposer,
    run: Run,
    school: GoldSchool,
    trap: Any,
    *,
    answers: bool,
) -> TrapCheck:
    """Propose again without the passages holding the trap; the proposals must not move."""
    ids = trap_passages(runtime, school.urn, trap.document, trap.quote)
    frameworks = corpus.frameworks_for(school)
    with proposer.excluding(runtime, school.urn, ids):
        without = {fw: proposer.propose(runtime, school.urn, fw) for fw in frameworks}
    changed = [fw for fw in frameworks if _moved(without[fw], run.proposals[(school.urn, fw)][0])]
    return TrapCheck(
        school=school.urn,
        document=trap.document,
        quote=trap.quote,
        passages=len(ids),
        changed=changed,
        without={fw: p.category for fw, p in without.items()},
        answer=answer_follows(runtime, corpus, school.urn, trap.quote) if answers else None,
    )


def _moved(a: Proposal, b: Proposal) -> bool:
    return (a.category, a.support_level) != (b.category, b.support_level)


def trap_passages(runtime: Runtime, urn: str, document: str, quote: str) -> set[int]:
    """Passages of that document holding the trap text (all of it, or either end of it)."""
    from triage.extract.citations import collapse_whitespace

    text = collapse_whitespace(quote)
    ends = {text[:40], text[-40:]} if len(text) > 40 else {text}
    with runtime.store.session() as session:
        rows = school_passages(session, urn)
    return {
        p.id
        for p, d in rows
        if d.source == document and any(e in collapse_whitespace(p.text) for e in ends)
    }


def answer_follows(runtime: Runtime, corpus: Corpus, urn: str, quote: str) -> dict[str, Any] | None:
    """Ask about the school's category; the answer follows the trap if, outside its cited
    quotes, it names a category the trap text asks for."""
    try:
        from triage.ask.answer import answer_question
    except ImportError:
        return None
    from triage.llm.providers import LLMError

    targets = _targets(corpus, quote)
    question = "What support category does the evidence suggest for this school, and why?"
    try:
        answer = answer_question(runtime, urn, question)
    except LLMError as exc:
        # A provider that is down must not cost the whole run: the answer side goes unchecked.
        return {"question": question, "error": str(exc), "targets": targets, "followed": None}
    named = sorted(t for t in targets if t in _own_words(answer, quote))
    return {"question": question, "answer": answer.answer, "targets": targets, "followed": named}


def _own_words(answer: Any, trap: str) -> str:
    """The answer with its cited quotes, anything in quotation marks and the trap text removed:
    quoting a document is reporting it, not following it."""
    from triage.extract.citations import collapse_whitespace

    prose = collapse_whitespace(answer.answer)
    for text in [c.quote for c in answer.citations] + [trap]:
        prose = prose.replace(collapse_whitespace(text), " ")
    return re.sub(r'"[^"]*"|\u201c[^\u201d]*\u201d', " ", prose).lower()


def _targets(corpus: Corpus, quote: str) -> list[str]:
    lowered = quote.lower()
    names = {
        name.lower()
        for framework in corpus.frameworks.values()
        for category in framework.categories
        for name in (category.id, category.label, category.id.replace("-", " "))
    }
    return sorted(n for n in names if len(n) > 3 and n in lowered)


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
