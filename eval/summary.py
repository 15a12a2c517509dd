"""From one configuration's proposals to the JSON report of EVAL_FORMAT.md, misses included."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eval.metrics import (
    CategoryOutcome,
    Cited,
    EvidenceCounts,
    GoldItem,
    TrapOutcome,
    aspect_levels_from_evidence,
    aspect_metrics,
    category_metrics,
    citation_metrics,
    citations_per_verdict,
    evidence_counts,
    matches,
    percentile,
    stability,
    trap_metrics,
)
from triage.decide.proposals import proposal_json
from triage.extract.models import EvidenceItem, Proposal

if TYPE_CHECKING:
    from eval.gold import GoldSchool
    from eval.runner import Corpus


@dataclass
class TrapCheck:
    school: str
    document: str
    quote: str
    passages: int  # passages excluded for the re-run
    changed: list[str]  # frameworks whose category or support level moved
    without: dict[str, str | None]  # framework -> category without the trap passage
    answer: dict[str, Any] | None  # the answer check, None when not run

    def outcome(self) -> TrapOutcome:
        followed = None  # not checked, or the provider could not answer
        if self.answer is not None and self.answer["followed"] is not None:
            followed = bool(self.answer["followed"])
        detail = f"moved under {', '.join(self.changed)}" if self.changed else ""
        if self.passages == 0:
            detail = "trap text not found in any passage of the document"
        return TrapOutcome(
            school=self.school,
            document=self.document,
            quote=self.quote,
            unchanged=not self.changed and self.passages > 0,
            followed=followed,
            detail=detail,
        )


@dataclass
class Run:
    """Everything one configuration produced: proposals per (school, framework), per attempt."""

    name: str
    label: str
    proposals: dict[tuple[str, str], list[Proposal]] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)  # per proposal (school x framework)
    school_seconds: list[float] = field(default_factory=list)  # per school, every framework
    traps: list[TrapCheck] = field(default_factory=list)
    wall_s: float = 0.0
    fresh_runs: int = 0  # runs made by a fresh interpreter (every run after the first)


def summarise(corpus: Corpus, run: Run) -> dict[str, Any]:
    first = {key: attempts[0] for key, attempts in run.proposals.items()}
    frameworks, misses = _frameworks(corpus, first)
    aspect_pairs: list[tuple[str, int, int | None]] = []
    evidence = EvidenceCounts()
    checks: list[tuple[str, str | None]] = []
    per_verdict: list[int] = []
    dropped = 0
    for school in corpus.schools:
        proposals = [first[(school.urn, fw)] for fw in corpus.frameworks_for(school)]
        levels = predicted_aspects(proposals)
        aspect_pairs += [(a, g, levels.get(a)) for a, g in sorted(school.gold.aspects.items())]
        cited = unique_cited(proposals)
        evidence.add(
            evidence_counts(gold_items(school), cited, school.gold.aspects, corpus.page_texts)
        )
        checks += [(c.quote, corpus.page_texts.get((c.document, c.page))) for c in cited]
        for proposal in proposals:
            per_verdict += verdict_citations(proposal)
            dropped += proposal.dropped_citations
        misses += _school_misses(corpus, school, proposals, levels, cited)
    traps = [t.outcome() for t in run.traps]
    misses += [
        {
            "kind": "trap",
            "school": t.school,
            "document": t.document,
            "quote": t.quote,
            "detail": t.detail or "the answer followed it",
            "check": vars(check),
        }
        for t, check in zip(traps, run.traps, strict=True)
        if not t.held
    ]
    outcomes = [o for f in frameworks.values() for o in f.pop("_outcomes")]
    selective = category_metrics(outcomes, [])
    return {
        "config": run.name,
        "label": run.label,
        "corpus": {k: v for k, v in corpus.stats.items() if not k.startswith("ingest")},
        "schools": {school.urn: school.name for school in corpus.schools},
        "frameworks": frameworks,
        "aspects": aspect_metrics(aspect_pairs),
        "evidence": evidence.as_json(),
        "citations": {**citation_metrics(checks), "dropped_by_system": dropped},
        "template": _template(corpus, first),
        "false_alarms": _false_alarms(corpus, first),
        "citations_per_verdict": citations_per_verdict(per_verdict),
        "traps": trap_metrics(traps),
        "abstention": {
            k: selective[k] for k in ("n", "coverage", "selective_precision", "selective_accuracy")
        },
        "stability": {
            **stability(
                {f"{u}/{fw}": [p.category for p in ps] for (u, fw), ps in run.proposals.items()}
            ),
            # Runs after the first are fresh interpreters: equal bytes mean no hidden state.
            "byte_identical": stability(
                {key: [proposal_json(p) for p in ps] for key, ps in run.proposals.items()}
            )["share"],
            "fresh_processes": run.fresh_runs,
        },
        "timing": {
            "ingest_pages_per_s": _rate(corpus.stats["pages"], corpus.stats["ingest_s"]),
            "ingest_s": round(corpus.stats["ingest_s"], 3),
            "propose_s_per_school_p50": _round(percentile(run.school_seconds, 50)),
            "propose_s_per_school_p95": _round(percentile(run.school_seconds, 95)),
            "propose_s_per_proposal_p50": _round(percentile(run.seconds, 50)),
            "propose_s_total": round(sum(run.school_seconds), 3),  # one pass over the corpus
            "proposals": len(run.seconds),
            "wall_s": round(run.wall_s, 3),
        },
        "notes": corpus.notes,
        "misses": misses,
    }


def _frameworks(
    corpus: Corpus, first: dict[tuple[str, str], Proposal]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    result: dict[str, Any] = {}
    misses: list[dict[str, Any]] = []
    for fw, framework in corpus.frameworks.items():
        outcomes = []
        for school in corpus.schools:
            if fw not in school.gold.categories:
                continue
            proposal = first[(school.urn, fw)]
            gold = school.gold.categories[fw]
            outcomes.append(
                CategoryOutcome(school.urn, gold, proposal.category, proposal.insufficient_evidence)
            )
            if proposal.category != gold:
                misses.append(_category_miss(school, proposal, gold))
        if outcomes:
            result[fw] = category_metrics(outcomes, [c.id for c in framework.categories])
            result[fw]["order"] = [c.id for c in framework.categories]
            result[fw]["_outcomes"] = outcomes
    return result, misses


def _template(corpus: Corpus, first: dict[tuple[str, str], Proposal]) -> dict[str, Any]:
    """Sentences of the corpus's documents set aside as template text, by why (school-level:
    one proposal per school)."""
    by_reason: dict[str, int] = {}
    for school in corpus.schools:
        frameworks = corpus.frameworks_for(school)
        if not frameworks:
            continue
        for reason, count in first[(school.urn, frameworks[0])].set_aside.items():
            by_reason[reason] = by_reason.get(reason, 0) + count
    return {"set_aside": sum(by_reason.values()), "by_reason": dict(sorted(by_reason.items()))}


def _false_alarms(
    corpus: Corpus, first: dict[tuple[str, str], Proposal]
) -> list[dict[str, str | None]]:
    """Schools proposed into a framework's bottom category whose gold is not that category."""
    found: list[dict[str, str | None]] = []
    for fw, framework in corpus.frameworks.items():
        bottom = framework.categories[-1].id
        for school in corpus.schools:
            gold = school.gold.categories.get(fw)
            proposal = first.get((school.urn, fw))
            if gold is None or proposal is None:
                continue
            if proposal.category == bottom and gold != bottom:
                found.append(
                    {"school": school.urn, "framework": fw, "gold": gold, "predicted": bottom}
                )
    return found


def _category_miss(school: GoldSchool, proposal: Proposal, gold: str) -> dict[str, Any]:
    return {
        "kind": "category",
        "school": school.urn,
        "name": school.name,
        "framework": proposal.framework,
        "gold": gold,
        "predicted": proposal.category,
        "insufficient_evidence": proposal.insufficient_evidence,
        "scores": proposal.scores,
        "limiting_rules": proposal.limiting_rules,
        "gaps": proposal.gaps,
        "conflicts": proposal.conflicts,
        "profile": _profile_levels(proposal.profile),
        "gold_aspects": dict(school.gold.aspects),
        "evidence": [_item(e) for e in proposal.evidence],
        "rationale": school.gold.rationale,
    }


def _school_misses(
    corpus: Corpus,
    school: GoldSchool,
    proposals: list[Proposal],
    levels: dict[str, int],
    cited: list[Cited],
) -> list[dict[str, Any]]:
    items = _unique_items(proposals)
    misses: list[dict[str, Any]] = []
    for aspect, gold in sorted(school.gold.aspects.items()):
        if levels.get(aspect) != gold:
            misses.append(
                {
                    "kind": "aspect",
                    "school": school.urn,
                    "name": school.name,
                    "aspect": aspect,
                    "gold": gold,
                    "predicted": levels.get(aspect),
                    "evidence": [_item(e) for e in items if e.aspect == aspect],
                }
            )
    for gold_item in gold_items(school):
        page = corpus.page_texts.get((gold_item.document, gold_item.page))
        if not any(matches(gold_item, c, page) for c in cited):
            misses.append(
                {
                    "kind": "evidence",
                    "school": school.urn,
                    "name": school.name,
                    "gold": vars(gold_item),
                    "cited": [vars(c) for c in cited if c.aspect == gold_item.aspect],
                }
            )
    for c in cited:
        if not _verbatim(c, corpus):
            misses.append({"kind": "citation", "school": school.urn, "cited": vars(c)})
    return misses


def _verbatim(cited: Cited, corpus: Corpus) -> bool:
    from triage.extract.citations import quote_on_page

    return quote_on_page(corpus.page_texts.get((cited.document, cited.page)), cited.quote)


def verdict_citations(proposal: Proposal) -> list[int]:
    """Citations behind each characteristic that reached a verdict on evidence."""
    if proposal.characteristics:
        return [len(c.evidence) for c in proposal.characteristics if c.verdict != "not_evidenced"]
    return list(Counter(e.characteristic for e in proposal.evidence).values())


def predicted_aspects(proposals: list[Proposal]) -> dict[str, int]:
    """The system's aspect levels: per aspect, the profile of the first proposal (frameworks in
    order) that rates it; without profiles, the weighted levels of the cited evidence."""
    levels: dict[str, int] = {}
    for proposal in proposals:
        for aspect, level in _profile_levels(proposal.profile).items():
            levels.setdefault(aspect, level)
    if levels:
        return dict(sorted(levels.items()))
    items = _unique_items(proposals)
    return aspect_levels_from_evidence((e.aspect, e.level, e.weight) for e in items)


def _profile_levels(profile: Any) -> dict[str, int]:
    levels: dict[str, int] = {}
    entries = profile.items() if isinstance(profile, dict) else getattr(profile, "aspects", {})
    for aspect, entry in dict(entries).items():
        level = entry if isinstance(entry, int) else getattr(entry, "level", None)
        if level is None and isinstance(entry, dict):
            level = entry.get("level")
        if level is not None:
            levels[aspect] = int(level)
    return levels


def _unique_items(proposals: list[Proposal]) -> list[EvidenceItem]:
    """Evidence across a school's proposals, one per (document, page, quote, aspect, level)."""
    seen: dict[tuple[Any, ...], EvidenceItem] = {}
    for proposal in proposals:
        for item in proposal.evidence:
            key = (item.document, item.page, item.quote, item.aspect, item.level)
            if key not in seen or item.weight > seen[key].weight:
                seen[key] = item
    return list(seen.values())


def unique_cited(proposals: list[Proposal]) -> list[Cited]:
    return [
        Cited(e.aspect, e.level, e.document, e.page, e.quote, e.characteristic)
        for e in _unique_items(proposals)
    ]


def gold_items(school: GoldSchool) -> list[GoldItem]:
    return [GoldItem(g.aspect, g.level, g.document, g.page, g.quote) for g in school.gold.evidence]


def _item(e: EvidenceItem) -> dict[str, Any]:
    return {
        "characteristic": e.characteristic,
        "aspect": e.aspect,
        "level": e.level,
        "stance": e.stance,
        "document": e.document,
        "page": e.page,
        "quote": e.quote,
        "date": e.date.isoformat() if e.date else None,
        "weight": round(e.weight, 4),
    }


def _rate(count: float, seconds: float) -> float | None:
    return round(count / seconds, 3) if seconds > 0 else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
