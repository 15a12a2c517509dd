"""Evidence per characteristic: rank the school's passages, judge them, verify every quote.

Extraction runs over a snapshot of the school's evidence (triage.extract.snapshot), loaded once per
proposal. For each characteristic of a framework the passages are ranked for the characteristic's
hints (by the index: hybrid retrieval by default; the mode is a parameter so baselines can be
measured), a `PassageJudge` says what each of the best passages evidences, and every item whose
quote is verbatim on its page is kept. Beside that the recall nets (triage.extract.sweep) read
every passage, and every indicator row is read (the CSV row is the citation). Weighing and choosing
the few citations is `triage.profile`'s job.
"""

from __future__ import annotations

from collections.abc import Callable

from triage.extract.citations import collapse_whitespace, quote_in_collapsed
from triage.extract.documents import read_school
from triage.extract.indicators import (
    INDICATOR_KIND,
    indicator_items,
    indicator_sweep,
    latest_indicators,
)
from triage.extract.judges import PassageJudge, build_judge
from triage.extract.judges.rules import RULES, RulesJudge
from triage.extract.models import EvidenceItem, Extraction, Finding, Searched
from triage.extract.snapshot import SchoolEvidence, SchoolPassage
from triage.extract.sweep import sweep_school
from triage.frameworks.schema import Characteristic, Framework
from triage.index.retrieval import RetrievalMode, ranked_passage_ids
from triage.runtime import Runtime

QUERY_K = 10  # passages ranked per characteristic

# (query, k) -> ids of the school's k best passages for the query, best first.
PassageRanker = Callable[[str, int], list[int]]


def extract_school(
    runtime: Runtime,
    evidence: SchoolEvidence,
    framework: Framework,
    *,
    extractor: str = RULES,
    retrieval_mode: RetrievalMode = "hybrid",
    judge: PassageJudge | None = None,
) -> Extraction:
    """Read the school's evidence against every characteristic, ranking through the index.

    `judge` is one the caller keeps across frameworks of the same snapshot (the rules judge
    reads each passage once, whichever framework asks); otherwise one is built here.
    """
    judge = judge or build_judge(runtime, extractor)
    queries = [characteristic_query(c) for c in framework.characteristics]
    rank = index_ranker(runtime, evidence.urn, retrieval_mode, queries=queries)
    return extract(evidence, framework, judge=judge, rank=rank)


def index_ranker(
    runtime: Runtime, urn: str, mode: RetrievalMode, *, queries: list[str] | None = None
) -> PassageRanker:
    """Rank the school's passages by the index (dense, BM25 or both fused).

    With `queries` known up front their searches run as one call to each index (a framework
    asks a hundred), giving the same rankings as one call each.
    """
    dense: dict[str, list[tuple[int, float]]] = {}
    sparse: dict[str, list[tuple[int, float]]] = {}
    if queries:
        n = max(QUERY_K, runtime.settings.retrieval.candidates)
        unique = list(dict.fromkeys(queries))
        if mode != "sparse":
            dense = dict(zip(unique, runtime.index.query_dense_many(urn, unique, n=n), strict=True))
        if mode != "dense":
            found = runtime.index.query_sparse_many(urn, unique, n=n)
            sparse = dict(zip(unique, found, strict=True))

    def rank(query: str, k: int) -> list[int]:
        ranked = ranked_passage_ids(
            runtime, urn, query, k=k, mode=mode, dense=dense.get(query), sparse=sparse.get(query)
        )
        return [pid for pid, _ in ranked]

    return rank


def extract(
    evidence: SchoolEvidence, framework: Framework, *, judge: PassageJudge, rank: PassageRanker
) -> Extraction:
    """Read a snapshot against every characteristic of the framework; no database involved."""
    school = evidence.derived("reading", lambda: read_school(evidence))
    if isinstance(judge, RulesJudge):
        judge.use(school)
    sweep, judgements, flags = evidence.derived("sweep", lambda: sweep_school(evidence, school))
    indicators = latest_indicators(evidence)
    sources = sorted(d.source for d in evidence.documents)
    findings: list[Finding] = []
    dropped = 0
    for characteristic in framework.characteristics:
        query = characteristic_query(characteristic)
        items = _judged(evidence, characteristic, framework, judge=judge, ids=rank(query, QUERY_K))
        items += indicator_items(characteristic, indicators, framework)
        kept = _verified(evidence, items)
        dropped += len(items) - len(kept)
        findings.append(
            Finding(
                characteristic=characteristic.id,
                items=kept,
                searched=Searched(queries=[query], documents=sources),
            )
        )
    verified_sweep = _verified(evidence, sweep)
    dropped += len(sweep) - len(verified_sweep)
    return Extraction(
        school=evidence.urn,
        framework=framework.id,
        extractor=judge.name,
        reference_date=evidence.reference_date,
        findings=findings,
        sweep=verified_sweep + _verified(evidence, indicator_sweep(indicators, framework)),
        judgements=list(judgements),
        flags=list(flags),
        dropped_quotes=dropped,
        forms={d.source: school.form(d.id) for d in evidence.documents if d.id in school.documents},
        set_aside=school.set_aside(),
    )


def characteristic_query(characteristic: Characteristic) -> str:
    """One query per characteristic, its hints together: each query is embedded, and a
    framework has a hundred characteristics."""
    return "; ".join(dict.fromkeys(characteristic.hints))


def _judged(
    evidence: SchoolEvidence,
    characteristic: Characteristic,
    framework: Framework,
    *,
    judge: PassageJudge,
    ids: list[int],
) -> list[tuple[EvidenceItem, int]]:
    """What the judge reads in the ranked passages, in passage order, with their documents."""
    passages: dict[int, SchoolPassage] = {}
    for passage_id in ids:
        passage = evidence.passage(passage_id)  # None: the index is ahead of the database
        if passage is not None and passage.kind != INDICATOR_KIND:
            passages.setdefault(passage_id, passage)
    items: list[tuple[EvidenceItem, int]] = []
    for passage in sorted(passages.values(), key=lambda p: p.passage_id):
        judged = judge.judge(passage, characteristic, framework) or []
        items += [(item, passage.document_id) for item in judged]
    return items


def _verified(
    evidence: SchoolEvidence, items: list[tuple[EvidenceItem, int]]
) -> list[EvidenceItem]:
    """The items whose quote is verbatim on the cited page of the cited document."""
    pages: dict[tuple[int, int | None], str] = evidence.derived("collapsed pages", dict)
    kept = []
    for item, document_id in items:
        key = (document_id, item.page)
        if key not in pages:
            pages[key] = collapse_whitespace(evidence.page_text(document_id, item.page) or "")
        if quote_in_collapsed(pages[key], item.quote):
            kept.append(item)
    return kept
