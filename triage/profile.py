"""The school profile: per aspect, the level the evidence supports, with evidence for and against.

Weighing is data from the framework file: a source's authority (`source_weights`) times its age
(`recency`, measured back from the school's newest document, never from the clock), times the
judge's confidence. Aspects named `scoring.recall_first` (safeguarding) are recall-first: one
credible, current concern sets the level however many positive statements surround it.
Characteristic verdicts and the few citations that carry them are chosen here too. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Iterable

from pydantic import BaseModel, ConfigDict, Field

from triage.extract.models import (
    AspectLevel,
    CharacteristicResult,
    EvidenceItem,
    Extraction,
    FlagFound,
    InspectionGrade,
)
from triage.frameworks.schema import Framework

CITATIONS = 5  # passages cited per verdict
ASPECT_CITATIONS = 3  # passages shown on each side of an aspect's level
CONCERN_LEVEL = 3
# A favourable reading firm enough to cite against a verdict: a judgement, a data row or a
# sentence with several cues (one evaluative word reads at 0.42, a national comparison at 0.54).
FIRM_READING = 0.6
INSPECTION = "ofsted_report"


class Profile(BaseModel):
    """Framework-weighted reading of one school's evidence, ready for the pure scorer."""

    model_config = ConfigDict(extra="forbid")

    school: str
    framework: str
    reference_date: dt.date | None
    aspects: dict[str, AspectLevel]
    characteristics: list[CharacteristicResult]
    judgements: list[InspectionGrade] = Field(description="Grades of the current inspection report")
    flags: list[FlagFound] = Field(description="Statutory statuses asserted recently")
    dropped_quotes: int = 0
    set_aside: dict[str, int] = Field(
        default_factory=dict, description="Sentences set aside as template, by why"
    )
    forms: dict[str, str] = Field(
        default_factory=dict, description="Document -> its form, as recognised from its structure"
    )


def build_profile(framework: Framework, extraction: Extraction) -> Profile:
    """Weigh every item, decide each aspect's level and each characteristic's verdict."""
    reference = extraction.reference_date
    recency = framework.recency

    def weigh(item: EvidenceItem) -> EvidenceItem:
        authority = framework.source_weights[item.document_kind]
        age = recency.weight(item.date, reference)
        return item.model_copy(update={"weight": round(authority * age, 4)})

    findings = [(f, [weigh(i) for i in f.items]) for f in extraction.findings]
    sweep = [weigh(i) for i in extraction.sweep]
    passage_items = [i for _, items in findings for i in items if i.document_kind != "indicators"]
    read = [*passage_items, *sweep]
    aspects = aspect_levels(_unique(read), reference=reference, framework=framework)
    by_id = {c.id: c for c in framework.characteristics}
    latest = max((i.date for i in read if i.document_kind == INSPECTION and i.date), default=None)
    characteristics = [
        verdict(
            by_id[f.characteristic].id,
            by_id[f.characteristic].category,
            items,
            f.searched,
            concern_share=framework.scoring.concern_share,
            citable=lambda item: not outweighed(
                item, aspects, latest, authority=framework.rule_authority.kinds
            ),
        )
        for f, items in findings
    ]
    return Profile(
        school=extraction.school,
        framework=framework.id,
        reference_date=reference,
        aspects=aspects,
        characteristics=characteristics,
        judgements=current_judgements(extraction.judgements, reference, framework),
        flags=[
            f for f in extraction.flags if recency.within(f.date, reference, recency.current_within)
        ],
        dropped_quotes=extraction.dropped_quotes,
        set_aside=extraction.set_aside,
        forms=extraction.forms,
    )


def strength(item: EvidenceItem) -> float:
    return item.weight * item.confidence


def aspect_levels(
    items: list[EvidenceItem], *, reference: dt.date | None, framework: Framework
) -> dict[str, AspectLevel]:
    by_aspect: dict[str, list[EvidenceItem]] = {}
    for item in items:
        by_aspect.setdefault(item.aspect, []).append(item)
    result: dict[str, AspectLevel] = {}
    for aspect in sorted(by_aspect):
        group = by_aspect[aspect]
        score = _weighted_level(group)
        if score is None:
            continue
        share = framework.scoring.concern_share
        level = _round(score, share)
        override = False
        if aspect in framework.scoring.recall_first.aspects:
            concern = _credible_concern(group, reference, framework)
            if concern is not None and concern > level:
                level, override = concern, True
        sef = [i for i in group if i.document_kind == "sef"]
        others = [i for i in group if i.document_kind != "sef"]
        ranked = sorted(group, key=_rank)
        result[aspect] = AspectLevel(
            level=level,  # type: ignore[arg-type]
            score=round(score, 4),
            weight=round(sum(strength(i) for i in group), 4),
            items=len(group),
            sef_level=_optional_level(sef, share),  # type: ignore[arg-type]
            others_level=_optional_level(others, share),  # type: ignore[arg-type]
            recall_override=override,
            evidence_for=[i for i in ranked if i.level == level][:ASPECT_CITATIONS],
            evidence_against=[i for i in ranked if i.level != level][:ASPECT_CITATIONS],
        )
    return result


def _credible_concern(
    items: list[EvidenceItem], reference: dt.date | None, framework: Framework
) -> int | None:
    """The gravest current concern stated with enough confidence, if any."""
    recency, least = framework.recency, framework.scoring.recall_first.min_confidence
    levels = [
        i.level
        for i in items
        if i.level >= 3
        and i.confidence >= least
        and recency.within(i.date, reference, recency.current_within)
    ]
    return max(levels, default=None)


def verdict(
    characteristic: str,
    category: str,
    items: list[EvidenceItem],
    searched: object,
    *,
    concern_share: float,
    citable: Callable[[EvidenceItem], bool] = lambda _item: True,
) -> CharacteristicResult:
    """Met when the weight supporting the characteristic outweighs the weight against it."""
    # Retrieval put the passages most about this characteristic first: among readings of about
    # the same strength, those are the ones to cite.
    position: dict[tuple[str, str, str], int] = {}
    for index, item in enumerate(items):
        position.setdefault(_key(item), index)
    items = _unique(items)
    if not items:
        return CharacteristicResult(
            characteristic=characteristic,
            category=category,
            verdict="not_evidenced",
            level=None,
            evidence=[],
            searched=searched,  # type: ignore[arg-type]
        )
    support = sum(strength(i) for i in items if i.stance == "supports")
    against = sum(strength(i) for i in items if i.stance == "contradicts")
    met = support >= against and support > 0
    carrying = "supports" if met else "contradicts"
    ranked = sorted(items, key=lambda i: (-round(strength(i), 1), position[_key(i)], _rank(i)))
    # What carries the verdict is cited; readings the evidence outweighs only when nothing else
    # carries it (a verdict always shows what it stands on).
    carried = [i for i in ranked if i.stance == carrying]
    carried = [i for i in carried if citable(i)] or carried
    # The strongest against the verdict is cited beside it, when there is one worth citing: a
    # concern always (recall over reassurance), a favourable reading only when it is firm.
    against_it = [i for i in ranked if i.stance != carrying and citable(i)]
    opposite = [i for i in against_it if _citable_against(i)][:1]
    cited = carried[: CITATIONS - len(opposite)] + opposite
    score = _weighted_level(items)
    return CharacteristicResult(
        characteristic=characteristic,
        category=category,
        verdict="met" if met else "contradicted",
        level=_round(score, concern_share) if score is not None else None,  # type: ignore[arg-type]
        evidence=cited,
        searched=searched,  # type: ignore[arg-type]
    )


def _citable_against(item: EvidenceItem) -> bool:
    return item.level >= CONCERN_LEVEL or item.confidence >= FIRM_READING


def outweighed(
    item: EvidenceItem,
    aspects: dict[str, AspectLevel],
    latest: dt.date | None,
    *,
    authority: Collection[str] = (),
) -> bool:
    """A reading the school's evidence as a whole outweighs, from a source that does not stand
    against that on its own. It stays in the aspect's evidence against its level, for the
    officer to weigh; it is not cited as evidence of a characteristic.
    - A favourable reading of an aspect read lower: a self-evaluation's claim, a note, the
      minutes, an older inspection, a single word of the latest one. A data row and a firm
      reading of the latest inspection are still cited.
    - A tentative concern about an aspect read secure or better, from a source without the
      authority to move a category on its own (`authority`: the framework's rule_authority
      kinds; a SEF's or the minutes' passing worry). A firm concern, and any from an inspection
      or the authority's own note, is still cited (recall before reassurance)."""
    entry = aspects.get(item.aspect)
    if entry is None or item.document_kind == "indicators":
        return False  # a data row is cited whichever way it reads
    if item.level > max(entry.level, CONCERN_LEVEL - 1):
        return item.document_kind not in authority and item.confidence < FIRM_READING
    if item.level >= min(entry.level, CONCERN_LEVEL):
        return False
    current = item.document_kind == INSPECTION and item.date == latest
    return not (current and item.confidence >= FIRM_READING)


# Inspections that grade the school: the newest one's grades stand until a newer one grades it.
GRADED_FORMS = frozenset({"report_card", "eif_report", "independent_standard", ""})


def current_judgements(
    judgements: list[InspectionGrade], reference: dt.date | None, framework: Framework
) -> list[InspectionGrade]:
    """The grades of the newest graded inspection, and the verdicts of inspections since (an
    ungraded or monitoring letter, a progress monitoring report) that do not replace them, while
    they are recent enough to stand."""
    dated = [j for j in judgements if j.date is not None]
    if not dated:
        return sorted(judgements, key=lambda j: (j.document, j.area, j.grade))
    recency = framework.recency
    graded = [j.date for j in dated if j.form in GRADED_FORMS and j.date is not None]
    since = max(graded) if graded else min(j.date for j in dated if j.date is not None)
    current = {
        (j.area, j.grade, j.level, j.document, j.page, j.date, j.quote): j
        for j in dated
        if j.date is not None
        and j.date >= since
        and (j.form not in GRADED_FORMS or j.date == since)
        and recency.within(j.date, reference, recency.report_stands_for)
    }
    return [current[k] for k in sorted(current, key=str)]


def _weighted_level(items: Iterable[EvidenceItem]) -> float | None:
    total = weighted = 0.0
    for item in items:
        total += strength(item)
        weighted += strength(item) * item.level
    return weighted / total if total > 0 else None


def _optional_level(items: list[EvidenceItem], concern_share: float) -> int | None:
    score = _weighted_level(items)
    return _round(score, concern_share) if score is not None else None


def _round(score: float, concern_share: float) -> int:
    """Nearest level, leaning towards concern (recall over reassurance).

    Between secure and the concern levels, a weighted level `concern_share` of the way towards
    the graver level is enough: a concern carrying that share of the weight is surfaced, not
    averaged away. Between exceptional and secure, half way goes to secure.
    """
    lean = 1.0 - concern_share if score >= 2 else 0.5
    return min(4, max(1, math.floor(score + lean)))


def _rank(item: EvidenceItem) -> tuple[float, str, int, str]:
    return (-round(strength(item), 6), item.document, item.page or 0, item.quote)


def _unique(items: list[EvidenceItem]) -> list[EvidenceItem]:
    """One item per (document, words of the quote, aspect): the strongest reading of it. A
    grade written twice in one report ("Achievement: strong standard" beside the heading
    "Achievement Strong standard") is one judgement, cited once, leaving room for the narrative."""
    best: dict[tuple[str, str, str], EvidenceItem] = {}
    for item in items:
        key = _key(item)
        if key not in best or _rank(item) < _rank(best[key]):
            best[key] = item
    return sorted(best.values(), key=lambda i: (i.document, i.page or 0, i.quote, i.aspect))


_WORDS = re.compile(r"[a-z0-9]+")


def _key(item: EvidenceItem) -> tuple[str, str, str]:
    """What makes two items the same reading: document, the words of the quote, aspect."""
    return (item.document, " ".join(_WORDS.findall(item.quote.lower())), item.aspect)
