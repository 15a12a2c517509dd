"""The scorer: framework + profile -> proposal. Pure: no I/O, no clock, no randomness.

Three decision methods, chosen by the framework file:
- best_fit: each category scores the mean fit of its evidenced characteristics (`best_fit`:
  the fit by distance between the aspect's level and the characteristic's), shrunk towards 0
  when few are evidenced; the highest score wins, ties go to `scoring.tie_break`.
- secure_fit: the best category all of whose evidenced characteristics are met or bettered, with
  at least half of them evidenced (Ofsted's rule since November 2025).
- risk_rating: each risk area is rated by likelihood (its worst aspect level) against mitigation
  (the mitigation aspect's level) through the framework's RAG matrix; total points pick the band.
Limiting rules then force, cap or floor the category, each only on evidence of enough authority
(the framework's `rule_authority`: an inspection, a warning notice, the authority's own note) or
on enough independent documents; a trigger only weaker sources give is a "check this" for the
officer and moves nothing. Same inputs, byte-identical output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from triage.extract.models import AspectLevel, EvidenceItem, Proposal
from triage.frameworks.schema import Framework, LimitingRule, RuleCondition
from triage.profile import Profile
from triage.vocabulary import GRADE_LEVELS, aspect_name


class Fired(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: LimitingRule
    because: str
    document: str
    quote: str
    strong: bool = True  # on evidence of enough authority, or corroborated


def score_school(framework: Framework, profile: Profile) -> Proposal:
    """Propose a category for the school from its profile, through the framework's lens."""
    levels = {aspect: entry.level for aspect, entry in profile.aspects.items()}
    used = sorted({c.aspect for c in framework.characteristics})
    evidenced = [a for a in used if a in levels]
    if framework.decision_method == "risk_rating":
        scores = risk_scores(framework, levels)
    elif framework.decision_method == "secure_fit":
        scores = secure_fit_scores(framework, levels)
    else:
        scores = best_fit_scores(framework, levels)
    insufficient = len(evidenced) < framework.scoring.min_aspects_evidenced
    # Too thin to place the school: no best fit is offered (a forcing rule on strong evidence
    # still decides), and the proposal says what is missing instead.
    base = choose(framework, scores) if evidenced and not insufficient else None
    triggered = fired_rules(framework, profile)
    fired = [f for f in triggered if f.strong]
    category = apply_rules(framework, base, fired)
    return Proposal(
        school=profile.school,
        framework=framework.id,
        framework_version=framework.version,
        category=category,
        support_level=framework.category(category).support_level if category else None,
        scores=scores,
        evidence=_cited(profile, fired),
        limiting_rules=[_describe(f) for f in fired],
        checks=[_describe(f) for f in triggered if not f.strong],
        gaps=gaps(framework, profile, levels),
        conflicts=conflicts(profile),
        insufficient_evidence=insufficient,
        missing_evidence=missing_evidence(framework, used, evidenced) if insufficient else None,
        characteristics=profile.characteristics,
        profile=dict(sorted(profile.aspects.items())),
        dropped_citations=profile.dropped_quotes,
        set_aside=profile.set_aside,
    )


def best_fit_scores(framework: Framework, levels: Mapping[str, int]) -> dict[str, float]:
    """Each category's mean fit over its evidenced characteristics, shrunk when they are few."""
    curve = framework.best_fit
    assert curve is not None  # the schema requires it for best_fit
    scores = {}
    for category in framework.categories:
        fits = [
            curve.fit(levels[c.aspect], c.level)
            for c in framework.characteristics_of(category.id)
            if c.aspect in levels
        ]
        scores[category.id] = round(sum(fits) / (len(fits) + curve.shrink), 4) if fits else 0.0
    return scores


def secure_fit_scores(framework: Framework, levels: Mapping[str, int]) -> dict[str, float]:
    """Share of each category's characteristics met or bettered; 0 where any is not."""
    scores = {}
    for category in framework.categories:
        own = framework.characteristics_of(category.id)
        seen = [c for c in own if c.aspect in levels]
        secure = all(levels[c.aspect] <= c.level for c in seen)
        enough = len(seen) * 2 >= len(own) and seen
        scores[category.id] = round(len(seen) / len(own), 4) if secure and enough else 0.0
    return scores


def risk_scores(framework: Framework, levels: Mapping[str, int]) -> dict[str, float]:
    """1 for the band the total RAG points fall in, less the further a category's band is."""
    rating = framework.risk_rating
    assert rating is not None  # the schema requires it for risk_rating
    mitigation = levels.get(rating.mitigation_aspect, 2)
    points = 0
    for area in framework.risk_areas:
        seen = [levels[a] for a in framework.risk_area_aspects(area.id) if a in levels]
        if seen:
            points += rating.rag_points[rating.rag(max(seen), mitigation)]
        elif rating.unevidenced_area is not None:
            points += rating.rag_points[rating.unevidenced_area]
    bands = sorted(rating.bands, key=lambda b: -b.min_points)
    chosen = next((b.category for b in bands if points >= b.min_points), bands[-1].category)
    order = [c.id for c in framework.categories]
    return {c: round(1.0 / (1 + abs(order.index(c) - order.index(chosen))), 4) for c in order}


def choose(framework: Framework, scores: dict[str, float]) -> str:
    """The highest score; equal scores go to the category with more support (or less).

    Under secure_fit the best category that is secure at all wins, however many of its
    characteristics were evidenced: a weaker category is always "secure" for a strong school.
    """
    order = [c.id for c in framework.categories]
    if framework.decision_method == "secure_fit":
        return next((c for c in order if scores[c] > 0), order[-1])
    top = max(scores.values())
    tied = [c for c in order if scores[c] == top]
    return tied[-1] if framework.scoring.tie_break == "worse" else tied[0]


def fired_rules(framework: Framework, profile: Profile) -> list[Fired]:
    """Every limiting rule whose trigger the profile holds, each marked strong or not."""
    fired = []
    for rule in framework.limiting_rules:
        found = _trigger(rule, profile)
        if found is not None:
            because, groups = found
            first = groups[0][0] if groups and groups[0] else ("", "", "")
            # Each aspect a rule counts stands on its own evidence: strong when as many of
            # them as the rule needs are each said by a source of enough authority.
            strong = sum(_authoritative(framework, profile, g) for g in groups)
            fired.append(
                Fired(
                    rule=rule,
                    because=because,
                    document=first[0],
                    quote=first[2],
                    strong=strong >= (rule.when.count_at_least or 1),
                )
            )
    return fired


Source = tuple[str, str, str]  # (document, kind, quote)


def _authoritative(framework: Framework, profile: Profile, sources: list[Source]) -> bool:
    """A trigger from a source of enough authority, or from enough independent documents."""
    authority = framework.rule_authority
    for document, kind, _ in sources:
        if kind in authority.kinds or profile.forms.get(document) in authority.forms:
            return True
    return len({document for document, _, _ in sources}) >= authority.sources


def _trigger(rule: LimitingRule, profile: Profile) -> tuple[str, list[list[Source]]] | None:
    """Why the rule's condition holds, and its sources strongest first (one list for each
    aspect it counts); None if it does not."""
    when = rule.when
    if when.named:
        held = [
            a for a in when.named if a in profile.aspects and when.holds(profile.aspects[a].level)
        ]
        if len(held) < (when.count_at_least or 1):
            return None
        because = " and ".join(f"{a} at level {profile.aspects[a].level}" for a in held)
        ceiling = when.no_aspect_worse_than
        if ceiling is not None:
            if any(entry.level > ceiling for entry in profile.aspects.values()):
                return None
            because += f", no aspect worse than {ceiling}"
        return because, [_at_level(profile.aspects[a], when) for a in held]
    if when.flag is not None:
        found = [f for f in profile.flags if f.flag == when.flag]
        if not found:
            return None
        ordered = sorted(found, key=lambda f: (f.document, f.page or 0, f.quote))
        return (f"flag {when.flag}", [[(f.document, f.kind, f.quote) for f in ordered]])
    if when.judgement is not None:
        threshold = GRADE_LEVELS[when.judgement]
        graver = [j for j in profile.judgements if j.level >= threshold]
        if not graver:
            return None
        gravest = sorted(graver, key=lambda j: (-j.level, j.area, j.quote))
        top = gravest[0]
        # Judgements are read only in the forms an inspectorate publishes.
        return (
            f"judgement {top.area}: {top.grade}",
            [[(j.document, "ofsted_report", j.quote) for j in gravest]],
        )
    return None


def _at_level(entry: AspectLevel, when: RuleCondition) -> list[Source]:
    """An aspect's readings at the rule's level, strongest first; else (a level the readings
    reach only together) its gravest, or for a level at most, what carries it."""
    items = _by_strength(entry)
    chosen = [i for i in items if when.holds(i.level)]
    if not chosen and when.level_at_least is not None:
        chosen = [i for i in items if i.level > 2]
    chosen = chosen or list(entry.evidence_for) or items
    return [(i.document, i.document_kind, i.quote) for i in chosen]


def apply_rules(framework: Framework, base: str | None, fired: list[Fired]) -> str | None:
    """Caps and floors bound the best fit, a cap over a floor; a forcing rule decides (the
    gravest one wins)."""
    order = [c.id for c in framework.categories]
    forced = [order.index(f.rule.category) for f in fired if f.rule.effect == "force"]
    if forced:
        return order[max(forced)]
    if base is None:
        return None
    position = order.index(base)
    # Floors first, then caps: where a floor and a cap disagree, the cap (the concern) wins.
    for effect in ("floor", "cap"):
        for f in fired:
            if f.rule.effect == effect:
                limit = order.index(f.rule.category)
                position = min(position, limit) if effect == "floor" else max(position, limit)
    return order[position]


def missing_evidence(framework: Framework, used: Sequence[str], evidenced: Sequence[str]) -> str:
    """What keeps a proposal from placing the school, in words an officer can act on."""
    needed = framework.scoring.min_aspects_evidenced
    absent = [_aspect_name(a) for a in used if a not in evidenced]
    have = f" ({_listed([_aspect_name(a) for a in evidenced], 'and')})" if evidenced else ""
    return (
        f"Only {len(evidenced)} of the {len(used)} aspects this framework reads "
        f"{'is' if len(evidenced) == 1 else 'are'} evidenced{have}; at least {needed} are "
        f"needed to place the school. Nothing in its documents evidences {_listed(absent, 'or')}: "
        "add an inspection report, a self-evaluation, a note of visit or data that covers them."
    )


def _aspect_name(aspect: str) -> str:
    name = aspect_name(aspect)
    return name[:1].lower() + name[1:]  # "inclusion and SEND"


def _listed(names: list[str], conjunction: str) -> str:
    if not names:
        return "nothing more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def gaps(framework: Framework, profile: Profile, levels: Mapping[str, int]) -> list[str]:
    """Characteristics with no evidence, then aspects the framework reads that have none."""
    missing = [c.characteristic for c in profile.characteristics if c.verdict == "not_evidenced"]
    aspects = sorted({c.aspect for c in framework.characteristics} - set(levels))
    return missing + [f"aspect:{a}" for a in aspects]


def conflicts(profile: Profile) -> list[dict[str, str]]:
    """Aspects the SEF grades above what the other evidence shows."""
    found = []
    for aspect, entry in sorted(profile.aspects.items()):
        if entry.sef_level is None or entry.others_level is None:
            continue
        if entry.sef_level < entry.others_level:
            sef = next((i for i in _by_strength(entry) if i.document_kind == "sef"), None)
            other = next((i for i in _by_strength(entry) if i.document_kind != "sef"), None)
            found.append(
                {
                    "aspect": aspect,
                    "kind": "self-evaluation above evidence",
                    "sef_level": str(entry.sef_level),
                    "evidence_level": str(entry.others_level),
                    "sef_document": sef.document if sef else "",
                    "sef_quote": sef.quote if sef else "",
                    "evidence_document": other.document if other else "",
                    "evidence_quote": other.quote if other else "",
                }
            )
    return found


def _by_strength(entry: object) -> list[EvidenceItem]:
    items = [*entry.evidence_for, *entry.evidence_against]  # type: ignore[attr-defined]
    return sorted(items, key=lambda i: (-i.weight * i.confidence, i.document, i.quote))


def _describe(fired: Fired) -> dict[str, str]:
    return {
        "id": fired.rule.id,
        "description": fired.rule.description,
        "effect": fired.rule.effect,
        "category": fired.rule.category,
        "because": fired.because,
        "document": fired.document,
        "quote": fired.quote,
    }


def _cited(profile: Profile, fired: list[Fired]) -> list[EvidenceItem]:
    """The citations of every evidenced characteristic, one per (characteristic, quote)."""
    seen: dict[tuple[str, str, int | None, str], EvidenceItem] = {}
    for result in profile.characteristics:
        for item in result.evidence:
            seen.setdefault((item.characteristic, item.document, item.page, item.quote), item)
    return [seen[k] for k in sorted(seen, key=lambda k: (k[0], k[1], k[2] or 0, k[3]))]
