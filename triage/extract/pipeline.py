"""Evidence per characteristic: retrieve the school's passages, judge them, verify every quote.

For each characteristic of a framework the extractor searches the school's documents with the
characteristic's hints (hybrid retrieval by default; the mode is a parameter so baselines can be
measured), asks a `PassageJudge` what each passage evidences, and keeps every item whose quote is
verbatim on its page. Beside that, three recall nets run over the whole school, because missing
them would be worse than any noise: inspection grade tables, statutory flags (a warning notice,
special measures) and safeguarding concerns, each read from every current passage, and every
indicator row (the CSV row is the citation). Weighing and choosing the few citations is
`triage.profile`'s job.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from triage.errors import TriageError
from triage.extract.citations import quote_on_page
from triage.extract.judges import JUDGES, PassageJudge, evidence_item
from triage.extract.judges.reading import grade_indicator, read_passage
from triage.extract.judges.rules import RULES
from triage.extract.models import (
    EvidenceItem,
    Extraction,
    Finding,
    FlagFound,
    InspectionGrade,
    Searched,
)
from triage.frameworks.schema import Characteristic, Framework, IndicatorRule
from triage.index.retrieval import RetrievalMode, RetrievedPassage, retrieve_passages
from triage.runtime import Runtime
from triage.store.models import Document, Indicator
from triage.store.queries import current_documents, page_text, school_indicators, school_passages

QUERY_K = 10  # passages retrieved per characteristic
INDICATOR_KIND = "indicators"


class ExtractionError(Exception):
    pass


def extract(
    runtime: Runtime,
    urn: str,
    framework: Framework,
    *,
    extractor: str = RULES,
    retrieval_mode: RetrievalMode = "hybrid",
) -> Extraction:
    """Read the school's evidence against every characteristic of the framework."""
    if extractor not in JUDGES:
        known = ", ".join(sorted(JUDGES))
        raise TriageError(f"unknown extractor {extractor!r}; use one of: {known}")
    judge = JUDGES[extractor](runtime)
    with runtime.store.session() as session:
        documents = current_documents(session, urn)
        sources = sorted(d.source for d in documents)
        reference = max((d.date for d in documents if d.date), default=None)
        pages = _PageTexts(session)
        sweep, judgements, flags = _sweep(session, urn)
        indicators = _indicator_rows(school_indicators(session, urn))
        findings: list[Finding] = []
        dropped = 0
        if retrieval_mode != "sparse":
            runtime.index.embed_queries([_query(c) for c in framework.characteristics])  # cached
        for characteristic in framework.characteristics:
            items, searched = _search(
                runtime, urn, characteristic, framework, judge=judge, mode=retrieval_mode
            )
            items += _indicator_items(characteristic, indicators)
            kept = [i for i, doc_id in items if pages.verify(doc_id, i)]
            dropped += len(items) - len(kept)
            findings.append(
                Finding(
                    characteristic=characteristic.id,
                    items=kept,
                    searched=Searched(queries=searched, documents=sources),
                )
            )
        verified_sweep = [i for i, doc_id in sweep if pages.verify(doc_id, i)]
        indicator_sweep = [
            i for i, doc_id in _indicator_sweep(indicators) if pages.verify(doc_id, i)
        ]
        dropped += len(sweep) - len(verified_sweep)
    return Extraction(
        school=urn,
        framework=framework.id,
        extractor=getattr(judge, "name", extractor),
        reference_date=reference,
        findings=findings,
        sweep=verified_sweep + indicator_sweep,
        judgements=judgements,
        flags=flags,
        dropped_quotes=dropped,
    )


class _PageTexts:
    """Stored page texts, read once each, for verifying quotes."""

    def __init__(self, session: object) -> None:
        self._session = session
        self._texts: dict[tuple[int, int | None], str | None] = {}

    def verify(self, document_id: int, item: EvidenceItem) -> bool:
        key = (document_id, item.page)
        if key not in self._texts:
            self._texts[key] = page_text(self._session, document_id, item.page)  # type: ignore[arg-type]
        return quote_on_page(self._texts[key], item.quote)


def _search(
    runtime: Runtime,
    urn: str,
    characteristic: Characteristic,
    framework: Framework,
    *,
    judge: PassageJudge,
    mode: RetrievalMode,
) -> tuple[list[tuple[EvidenceItem, int]], list[str]]:
    # One query per characteristic (its hints together): each retrieval embeds the query, and
    # a framework has a hundred characteristics.
    queries = [_query(characteristic)]
    seen: dict[int, RetrievedPassage] = {}
    for query in queries:
        for passage in retrieve_passages(runtime, urn, query, k=QUERY_K, mode=mode):
            if passage.kind != INDICATOR_KIND:
                seen.setdefault(passage.passage_id, passage)
    items: list[tuple[EvidenceItem, int]] = []
    for passage in sorted(seen.values(), key=lambda p: p.passage_id):
        judged = judge.judge(passage, characteristic, framework) or []
        items += [(item, passage.document_id) for item in judged]
    return items, queries


def _query(characteristic: Characteristic) -> str:
    return "; ".join(dict.fromkeys(characteristic.hints))


def _sweep(
    session: Session, urn: str
) -> tuple[list[tuple[EvidenceItem, int]], list[InspectionGrade], list[FlagFound]]:
    """Recall nets over every current passage: grade tables, flags, safeguarding concerns."""
    items: list[tuple[EvidenceItem, int]] = []
    judgements: list[InspectionGrade] = []
    flags: list[FlagFound] = []
    for passage, document in school_passages(session, urn):
        if document.kind == INDICATOR_KIND:
            continue
        retrieved = RetrievedPassage.of(passage, document)
        reading = read_passage(passage.text, section=passage.section, kind=document.kind)
        if document.kind == "ofsted_report":
            judgements += [
                InspectionGrade(
                    area=j.area,
                    grade=j.grade,
                    level=j.level,
                    document=document.source,
                    page=passage.page,
                    date=document.date,
                    quote=j.quote,
                )
                for j in reading.judgements
            ]
        flags += [
            FlagFound(
                flag=flag,
                document=document.source,
                kind=document.kind,
                page=passage.page,
                date=document.date,
                quote=quote,
            )
            for flag, quote in reading.flags
        ]
        for r in reading.readings:
            graded_report = r.graded and document.kind == "ofsted_report"
            concern = r.aspect == "safeguarding" and r.level >= 3
            if graded_report or concern:
                item = evidence_item(
                    retrieved,
                    "",
                    r.aspect,
                    r.level,
                    r.confidence,
                    r.quote,
                    RULES,
                    stance="supports",
                )
                items.append((item, document.id))
    return items, judgements, flags


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    indicator: str
    value: float
    national: float | None
    previous: float | None
    raw: str
    document: str
    document_id: int
    date: dt.date | None


def _indicator_rows(rows: list[tuple[Indicator, Document]]) -> dict[str, _Row]:
    """The latest year's row of each known indicator, with the year before it for trends."""
    by_name: dict[str, list[tuple[Indicator, Document]]] = {}
    for indicator, document in rows:
        if indicator.known:
            by_name.setdefault(indicator.indicator, []).append((indicator, document))
    latest: dict[str, _Row] = {}
    for name, entries in by_name.items():
        entries.sort(key=lambda e: (e[0].year or "", e[1].date or dt.date.min, e[0].line))
        indicator, document = entries[-1]
        earlier = [e for e in entries if (e[0].year or "") < (indicator.year or "")]
        latest[name] = _Row(
            indicator=name,
            value=indicator.value,
            national=indicator.national,
            previous=earlier[-1][0].value if earlier else None,
            raw=indicator.raw,
            document=document.source,
            document_id=document.id,
            date=document.date,
        )
    return latest


def _indicator_reading(row: _Row, extractor: str = RULES) -> EvidenceItem | None:
    graded = grade_indicator(row.indicator, row.value, national=row.national)
    if graded is None:
        return None
    aspect, level, confidence = graded
    return EvidenceItem(
        characteristic="",
        aspect=aspect,
        level=level,  # type: ignore[arg-type]
        stance="supports",
        confidence=confidence,
        document=row.document,
        document_kind=INDICATOR_KIND,
        page=None,
        quote=row.raw,
        date=row.date,
        extractor=extractor,
        weight=1.0,
    )


def _indicator_sweep(rows: dict[str, _Row]) -> list[tuple[EvidenceItem, int]]:
    items = []
    for name in sorted(rows):
        item = _indicator_reading(rows[name])
        if item is not None:
            items.append((item, rows[name].document_id))
    return items


def _indicator_items(
    characteristic: Characteristic, rows: dict[str, _Row]
) -> list[tuple[EvidenceItem, int]]:
    """The indicator row a characteristic's rule names (or, failing a rule, of its aspect)."""
    rules: list[IndicatorRule] = []
    if characteristic.indicator_rule is not None:
        rules = [characteristic.indicator_rule, *characteristic.alt_indicator_rules]
    for rule in rules:
        row = rows.get(rule.indicator)
        if row is None:
            continue
        holds = rule.holds(row.value, national=row.national, previous=row.previous)
        reading = _indicator_reading(row)
        if holds is None or reading is None:
            continue
        level: int = characteristic.level if holds else reading.level
        if not holds and level == characteristic.level:
            level = min(4, level + 1) if characteristic.level <= 2 else max(1, level - 1)
        stance = "supports" if holds else "contradicts"
        item = reading.model_copy(
            update={"characteristic": characteristic.id, "level": level, "stance": stance}
        )
        return [(item, row.document_id)]
    if rules:
        return []
    items = []
    for name in sorted(rows):
        reading = _indicator_reading(rows[name])
        if reading is not None and reading.aspect == characteristic.aspect:
            stance = "supports" if reading.level == characteristic.level else "contradicts"
            item = reading.model_copy(
                update={"characteristic": characteristic.id, "stance": stance}
            )
            items.append((item, rows[name].document_id))
    return items
