"""The pure scorer on hand-built profiles: methods, limiting rules, ties, gaps, conflicts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import edited_framework
from triage.extract.models import (
    AspectLevel,
    CharacteristicResult,
    EvidenceItem,
    FlagFound,
    InspectionGrade,
    Searched,
)
from triage.frameworks import load_framework
from triage.frameworks.schema import Framework, LimitingRule, RuleCondition
from triage.profile import Profile
from triage.score import choose, score_school
from triage.vocabulary import GRADE_LEVELS

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`

FRAMEWORKS = ("bristol", "surrey", "buckinghamshire", "staffordshire")
DATE = dt.date(2026, 1, 15)


def _item(aspect: str, level: int, *, kind: str = "visit_note", quote: str = "") -> EvidenceItem:
    return EvidenceItem(
        characteristic="",
        aspect=aspect,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        stance="supports",
        confidence=0.8,
        document=f"900999/{kind}.txt",
        document_kind=kind,
        page=1,
        quote=quote or f"{aspect} reads at level {level} in the {kind}.",
        date=DATE,
        extractor="rules",
        weight=0.9,
    )


def _aspect(aspect: str, level: int, *, sef: int | None = None) -> AspectLevel:
    items = [_item(aspect, level)]
    if sef is not None:
        items.append(_item(aspect, sef, kind="sef", quote=f"We judge {aspect} to be strong."))
    return AspectLevel(
        level=level,  # type: ignore[arg-type]
        score=float(level),
        weight=1.0,
        items=len(items),
        sef_level=sef,  # type: ignore[arg-type]
        others_level=level if sef is not None else None,  # type: ignore[arg-type]
        evidence_for=[i for i in items if i.level == level],
        evidence_against=[i for i in items if i.level != level],
    )


def _aspects_of(framework: Framework) -> list[str]:
    return sorted({c.aspect for c in framework.characteristics})


def _profile(
    framework: Framework,
    levels: dict[str, int],
    *,
    judgements: list[InspectionGrade] | None = None,
    flags: list[FlagFound] | None = None,
    characteristics: list[CharacteristicResult] | None = None,
    sef: dict[str, int] | None = None,
) -> Profile:
    sef = sef or {}
    return Profile(
        school="900999",
        framework=framework.id,
        reference_date=DATE,
        aspects={a: _aspect(a, lvl, sef=sef.get(a)) for a, lvl in levels.items()},
        characteristics=characteristics or [],
        judgements=judgements or [],
        flags=flags or [],
    )


def _uniform(framework: Framework, level: int) -> dict[str, int]:
    return dict.fromkeys(_aspects_of(framework), level)


def _trigger(rule: LimitingRule, levels: dict[str, int]) -> dict[str, object]:
    """Profile parts that make exactly this rule's condition true."""
    when = rule.when
    level = when.level_at_least or when.level_at_most
    if level is not None:
        held: list[str] = list(when.named[: when.count_at_least or 1])
        return {"levels": {**levels, **dict.fromkeys(held, level)}}
    if when.flag is not None:
        flag = FlagFound(
            flag=when.flag,
            document="900999/letter.pdf",
            kind="visit_note",
            page=1,
            date=DATE,
            quote="The local authority has issued the school with a notice.",
        )
        return {"levels": levels, "flags": [flag]}
    assert when.judgement is not None
    judgement = InspectionGrade(
        area="overall effectiveness",
        grade=when.judgement,
        level=GRADE_LEVELS[when.judgement],
        document="900999/ofsted.pdf",
        page=1,
        date=DATE,
        quote=f"Overall effectiveness {when.judgement.replace('_', ' ')}",
    )
    return {"levels": levels, "judgements": [judgement]}


@pytest.fixture(scope="module")
def frameworks() -> dict[str, Framework]:
    return {f: load_framework(f) for f in FRAMEWORKS}


@pytest.mark.parametrize(
    ("framework_id", "expected"),
    [
        ("bristol", ["extending", "established", "developing", "causing-concern"]),
        ("staffordshire", ["outstanding", "good", "satisfactory", "inadequate"]),
        ("buckinghamshire", ["enhancement", "enhancement", "prevention", "intervention"]),
        (
            "surrey",
            # Needs attention everywhere reads as "requires improvement": support and challenge.
            # The "+" is for urgent concern, and for inadequacy through the limiting rules.
            ["light-touch", "light-touch", "support-and-challenge", "support-and-challenge-plus"],
        ),
    ],
)
def test_uniform_profiles_get_the_matching_category(
    frameworks: dict[str, Framework], framework_id: str, expected: list[str]
) -> None:
    fw = frameworks[framework_id]
    got = [score_school(fw, _profile(fw, _uniform(fw, level))).category for level in (1, 2, 3, 4)]
    assert got == expected


def test_proposal_names_support_level_and_scores_every_category(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    # Needs attention nearly everywhere; the budget and governance secure and nothing said of
    # work with other schools, so no rule fires.
    levels = {**_uniform(fw, 3), "safeguarding": 2, "finance_estates": 2, "governance": 2}
    del levels["partnership"]
    proposal = score_school(fw, _profile(fw, levels))
    assert proposal.category == "developing"
    assert proposal.support_level == "enhanced"
    assert sorted(proposal.scores) == sorted(c.id for c in fw.categories)
    assert max(proposal.scores, key=lambda c: proposal.scores[c]) == "developing"
    assert proposal.limiting_rules == []
    assert not proposal.insufficient_evidence


def _rules() -> list[tuple[str, str]]:
    return [(f, r.id) for f in FRAMEWORKS for r in load_framework(f).limiting_rules]


@pytest.mark.parametrize(("framework_id", "rule_id"), _rules())
def test_each_limiting_rule_fires_with_its_effect(
    frameworks: dict[str, Framework], framework_id: str, rule_id: str
) -> None:
    fw = frameworks[framework_id]
    rule = next(r for r in fw.limiting_rules if r.id == rule_id)
    best = _uniform(fw, 1)
    unlimited = score_school(fw, _profile(fw, best))
    assert unlimited.category == fw.categories[0].id
    parts = _trigger(rule, best)
    proposal = score_school(
        fw,
        _profile(
            fw,
            parts["levels"],  # type: ignore[arg-type]
            judgements=parts.get("judgements"),  # type: ignore[arg-type]
            flags=parts.get("flags"),  # type: ignore[arg-type]
        ),
    )
    fired = {r["id"]: r for r in proposal.limiting_rules}
    assert rule_id in fired
    assert fired[rule_id]["effect"] == rule.effect
    assert fired[rule_id]["quote"], "a fired rule cites what triggered it"
    # From the best profile, a force or a cap both land exactly on the rule's category.
    assert proposal.category == rule.category
    assert proposal.support_level == fw.category(rule.category).support_level


def test_force_beats_cap_and_the_gravest_force_wins(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    levels = {**_uniform(fw, 1), "safeguarding": 4}  # fires the force and the cap
    ri = _trigger(next(r for r in fw.limiting_rules if r.id == "not-secure-judgement"), levels)
    proposal = score_school(fw, _profile(fw, levels, judgements=ri["judgements"]))  # type: ignore[arg-type]
    ids = {r["id"] for r in proposal.limiting_rules}
    assert {"safeguarding-not-effective", "safeguarding-not-embedded"} <= ids
    assert "not-secure-judgement" in ids
    assert proposal.category == "causing-concern"


def test_cap_does_not_lift_a_worse_best_fit(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    levels = {**_uniform(fw, 4), "safeguarding": 3}
    proposal = score_school(fw, _profile(fw, levels))
    assert "safeguarding-not-embedded" in {r["id"] for r in proposal.limiting_rules}
    assert proposal.category == "causing-concern"


def test_floor_rule_raises_a_worse_best_fit(frameworks: dict[str, Framework]) -> None:
    floor = LimitingRule(
        id="recent-good-judgement",
        description="A recent good judgement keeps the school out of the lowest category",
        when=RuleCondition(judgement="outstanding"),  # any judgement at all
        effect="floor",
        category="developing",
    )
    fw = frameworks["bristol"].model_copy(update={"limiting_rules": [floor]})
    levels = {a: 4 for a in _aspects_of(fw) if a != "safeguarding"}
    assert score_school(fw, _profile(fw, levels)).category == "causing-concern"
    parts = _trigger(floor, levels)
    proposal = score_school(fw, _profile(fw, levels, judgements=parts["judgements"]))  # type: ignore[arg-type]
    assert proposal.category == "developing"
    assert [r["effect"] for r in proposal.limiting_rules] == ["floor"]
    # A floor never makes a better best fit worse.
    best = score_school(fw, _profile(fw, _uniform(fw, 1), judgements=parts["judgements"]))  # type: ignore[arg-type]
    assert best.category == "extending"


def test_ties_go_to_the_configured_side(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    tied = {"extending": 0.2, "established": 0.5, "developing": 0.5, "causing-concern": 0.1}
    assert fw.scoring.tie_break == "worse"
    assert choose(fw, tied) == "developing"
    better = fw.model_copy(
        update={"scoring": fw.scoring.model_copy(update={"tie_break": "better"})}
    )
    assert choose(better, tied) == "established"
    # The same tie decided twice the same way: nothing depends on dict order.
    assert choose(fw, dict(reversed(list(tied.items())))) == "developing"


def test_tied_profile_scores_deterministically(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"].model_copy(update={"limiting_rules": []})  # the tie-break alone
    # Half the aspects secure, half needing attention: the best fit sits between two categories.
    aspects = _aspects_of(fw)
    levels = {a: 2 if i % 2 else 3 for i, a in enumerate(aspects) if a != "safeguarding"}
    first = score_school(fw, _profile(fw, levels))
    second = score_school(fw, _profile(fw, dict(reversed(list(levels.items())))))
    assert first.model_dump_json() == second.model_dump_json()
    top = max(first.scores.values())
    tied = [c.id for c in fw.categories if first.scores[c.id] == top]
    assert first.category == tied[-1]


def test_gaps_list_unevidenced_characteristics_and_aspects(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    levels = {"curriculum_teaching": 2, "achievement": 2, "leadership": 2}
    absent = fw.characteristics[0]
    result = CharacteristicResult(
        characteristic=absent.id,
        category=absent.category,
        verdict="not_evidenced",
        level=None,
        evidence=[],
        searched=Searched(queries=absent.hints, documents=["900999/visit_note.txt"]),
    )
    proposal = score_school(fw, _profile(fw, levels, characteristics=[result]))
    assert absent.id in proposal.gaps
    assert "aspect:attendance" in proposal.gaps
    assert "aspect:safeguarding" in proposal.gaps
    assert "aspect:leadership" not in proposal.gaps
    assert proposal.category == "established"
    assert not proposal.insufficient_evidence


def test_insufficient_evidence_places_no_school_and_says_what_is_missing(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    few = score_school(fw, _profile(fw, {"attendance": 2, "behaviour": 2}))
    assert few.insufficient_evidence
    assert few.category is None and few.support_level is None  # no confident-looking guess
    assert few.missing_evidence is not None
    assert few.missing_evidence.startswith("Only 2 of the 14 aspects")
    assert "evidenced (attendance and behaviour); at least 3" in few.missing_evidence
    assert "safeguarding" in few.missing_evidence and "curriculum and teaching" in (
        few.missing_evidence
    )
    enough = score_school(fw, _profile(fw, {"attendance": 2, "behaviour": 2, "leadership": 2}))
    assert not enough.insufficient_evidence and enough.missing_evidence is None
    assert enough.category is not None
    nothing = score_school(fw, _profile(fw, {}))
    assert nothing.insufficient_evidence and nothing.missing_evidence is not None
    assert nothing.category is None and nothing.support_level is None


def test_a_forcing_rule_on_strong_evidence_decides_however_thin_the_rest(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    rule = next(r for r in fw.limiting_rules if r.id == "formal-warning-notice")
    parts = _trigger(rule, {"attendance": 2})
    proposal = score_school(
        fw,
        _profile(fw, {"attendance": 2}, flags=parts["flags"]),  # type: ignore[arg-type]
    )
    assert proposal.insufficient_evidence and proposal.category == rule.category


def test_sef_above_other_evidence_is_a_conflict(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    levels = _uniform(fw, 2)
    levels["curriculum_teaching"] = 3
    proposal = score_school(
        fw, _profile(fw, levels, sef={"curriculum_teaching": 1, "behaviour": 2})
    )
    assert [c["aspect"] for c in proposal.conflicts] == ["curriculum_teaching"]
    conflict = proposal.conflicts[0]
    assert conflict["sef_level"] == "1" and conflict["evidence_level"] == "3"
    assert conflict["sef_quote"] == "We judge curriculum_teaching to be strong."
    assert conflict["evidence_document"].endswith("visit_note.txt")


def test_sef_below_other_evidence_is_no_conflict(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    proposal = score_school(fw, _profile(fw, _uniform(fw, 2), sef={"leadership": 3}))
    assert proposal.conflicts == []


def test_secure_fit_takes_the_best_category_that_is_fully_secure(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"].model_copy(update={"decision_method": "secure_fit"})
    assert score_school(fw, _profile(fw, _uniform(fw, 1))).category == "extending"
    assert score_school(fw, _profile(fw, _uniform(fw, 2))).category == "established"
    # One aspect below secure is enough to miss the category: secure fit, not best fit.
    levels = {**_uniform(fw, 2), "leadership": 3}
    assert score_school(fw, _profile(fw, levels)).category == "developing"
    best_fit = score_school(frameworks["bristol"], _profile(fw, levels)).category
    assert best_fit == "established"


def test_risk_rating_adds_rag_points_per_area(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["surrey"]
    assert fw.risk_rating is not None
    levels = _uniform(fw, 2)
    assert score_school(fw, _profile(fw, levels)).category == "light-touch"
    # One red area (finance at 4, leadership secure): 3 points -> light touch +.
    one_red = {**levels, "finance_estates": 4}
    proposal = score_school(fw, _profile(fw, one_red))
    assert proposal.category == "light-touch-plus"
    assert proposal.scores["light-touch-plus"] == 1.0
    # Two red areas: 6 points -> support and challenge.
    two_red = {**one_red, "staffing": 4}
    assert score_school(fw, _profile(fw, two_red)).category == "support-and-challenge"
    # One likely risk (staffing at 3) with secure leadership is one amber point: light touch +.
    one_amber = {**levels, "staffing": 3}
    assert score_school(fw, _profile(fw, one_amber)).category == "light-touch-plus"
    # Likely risks everywhere with leadership needing attention: amber, not red.
    assert score_school(fw, _profile(fw, _uniform(fw, 3))).category == "support-and-challenge"
    # Absent mitigation (leadership urgent concern) turns likely risks red.
    weak = {**_uniform(fw, 3), "leadership": 4}
    assert score_school(fw, _profile(fw, weak)).category == "support-and-challenge-plus"


def test_scorer_is_pure_and_repeatable(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["staffordshire"]
    levels = {**_uniform(fw, 2), "attendance": 3, "achievement": 3}
    runs = {score_school(fw, _profile(fw, levels)).model_dump_json() for _ in range(3)}
    assert len(runs) == 1


def test_the_fit_curve_and_shrink_are_the_file_s(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    levels = {**_uniform(fw, 2), "attendance": 3}
    proposal = score_school(fw, _profile(fw, levels))
    flat = edited_framework(fw, "best_fit", shrink=0.0)
    unshrunk = score_school(flat, _profile(flat, levels))
    assert unshrunk.scores != proposal.scores
    assert max(unshrunk.scores.values()) > max(proposal.scores.values())
    strict = edited_framework(fw, "best_fit", fit_by_distance=[1.0, 0.0, 0.0, 0.0])
    assert score_school(strict, _profile(strict, levels)).scores != proposal.scores


def _weak(rule: LimitingRule, levels: dict[str, int], sources: int) -> dict[str, object]:
    """Profile parts that make the rule's condition true from SEFs or minutes alone, in
    `sources` different documents."""
    when = rule.when
    kinds = ["sef", "minutes"][:sources]
    level = when.level_at_least or when.level_at_most
    if level is not None:
        entries = {}
        for aspect in when.named[: when.count_at_least or 1]:
            items = [_item(aspect, level, kind=k, quote=f"Noted in the {k}.") for k in kinds]
            entries[aspect] = AspectLevel(
                level=level,  # type: ignore[arg-type]
                score=float(level),
                weight=1.0,
                items=len(items),
                evidence_for=items,
            )
        return {"levels": levels, "aspects": entries}
    if when.flag is not None:
        flags = [
            FlagFound(
                flag=when.flag,
                document=f"900999/{k}.docx",
                kind=k,
                page=None,
                date=DATE,
                quote=f"The {k} says the school is in this position.",
            )
            for k in kinds
        ]
        return {"levels": levels, "flags": flags}
    return {}


def _weakly_limited(fw: Framework, rule: LimitingRule, sources: int) -> object:
    parts = _weak(rule, _uniform(fw, 1), sources)
    profile = _profile(fw, parts["levels"], flags=parts.get("flags"))  # type: ignore[arg-type]
    if "aspects" in parts:
        entries = parts["aspects"]
        profile = profile.model_copy(update={"aspects": {**profile.aspects, **entries}})  # type: ignore[dict-item]
    return score_school(fw, profile)


def _weakenable() -> list[tuple[str, str]]:
    return [
        (f, r.id)
        for f in FRAMEWORKS
        for r in load_framework(f).limiting_rules
        if r.when.judgement is None  # judgements are read only in inspection reports
    ]


@pytest.mark.parametrize(("framework_id", "rule_id"), _weakenable())
def test_a_rule_only_a_weaker_source_triggers_is_a_check_and_moves_nothing(
    frameworks: dict[str, Framework], framework_id: str, rule_id: str
) -> None:
    fw = frameworks[framework_id]
    rule = next(r for r in fw.limiting_rules if r.id == rule_id)
    proposal = _weakly_limited(fw, rule, sources=1)
    assert rule_id not in {r["id"] for r in proposal.limiting_rules}  # type: ignore[attr-defined]
    checks = {r["id"]: r for r in proposal.checks}  # type: ignore[attr-defined]
    assert rule_id in checks and checks[rule_id]["quote"]
    if rule.when.flag is not None:
        assert proposal.category == fw.categories[0].id  # type: ignore[attr-defined]


@pytest.mark.parametrize(("framework_id", "rule_id"), _weakenable())
def test_two_independent_weaker_sources_fire_a_rule(
    frameworks: dict[str, Framework], framework_id: str, rule_id: str
) -> None:
    fw = frameworks[framework_id]
    rule = next(r for r in fw.limiting_rules if r.id == rule_id)
    proposal = _weakly_limited(fw, rule, sources=2)
    assert rule_id in {r["id"] for r in proposal.limiting_rules}  # type: ignore[attr-defined]
    assert proposal.category == rule.category  # type: ignore[attr-defined]


def test_a_warning_notice_recognised_by_its_form_fires_whatever_its_kind(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    flag = FlagFound(
        flag="warning_notice",
        document="900999/notice.pdf",
        kind="other",
        page=1,
        date=DATE,
        quote="The local authority has issued this warning notice.",
        form="warning_notice",
    )
    profile = _profile(fw, _uniform(fw, 1), flags=[flag])
    profile = profile.model_copy(update={"forms": {"900999/notice.pdf": "warning_notice"}})
    proposal = score_school(fw, profile)
    assert "formal-warning-notice" in {r["id"] for r in proposal.limiting_rules}
    assert proposal.category == "causing-concern"


def _secure_but_partnership(fw: Framework) -> dict[str, int]:
    """Secure in every aspect but work with other schools, of which nothing is said."""
    return {a: 2 for a in _aspects_of(fw) if a != "partnership"}


def _read_only_from(profile: Profile, item: EvidenceItem) -> Profile:
    """The profile with the item's aspect read from that one item alone."""
    entry = AspectLevel(
        level=item.level, score=float(item.level), weight=1.0, items=1, evidence_for=[item]
    )
    return profile.model_copy(update={"aspects": {**profile.aspects, item.aspect: entry}})


def test_two_contextual_factors_hold_a_good_school_at_developing(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    secure = _secure_but_partnership(fw)
    one = score_school(fw, _profile(fw, {**secure, "staffing": 3}))
    assert one.category == "established" and one.limiting_rules == []
    two = score_school(fw, _profile(fw, {**secure, "staffing": 3, "finance_estates": 3}))
    assert two.category == "developing"
    (rule,) = two.limiting_rules
    assert rule["id"] == "contextual-factors" and rule["effect"] == "cap"
    assert rule["because"] == "finance_estates at level 3 and staffing at level 3"
    assert rule["quote"] == "finance_estates reads at level 3 in the visit_note."


def test_each_factor_a_multi_aspect_rule_counts_needs_its_own_authority(
    frameworks: dict[str, Framework],
) -> None:
    """A budget concern in a visit note and a staffing one only the SEF gives are one
    authoritative factor, not two: the rule is a check for the officer and moves nothing."""
    fw = frameworks["bristol"]
    profile = _profile(fw, {**_secure_but_partnership(fw), "finance_estates": 3})
    staffing = _item("staffing", 3, kind="sef", quote="Staffing turnover is high this year.")
    proposal = score_school(fw, _read_only_from(profile, staffing))
    assert proposal.category == "established"
    assert proposal.limiting_rules == []
    assert [c["id"] for c in proposal.checks] == ["contextual-factors"]


def test_a_deficit_in_the_published_data_is_a_factor_of_enough_authority(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    profile = _profile(fw, {**_secure_but_partnership(fw), "staffing": 3})
    deficit = _item("finance_estates", 3, kind="indicators", quote="budget_balance_pct,-7.4")
    proposal = score_school(fw, _read_only_from(profile, deficit))
    assert [r["id"] for r in proposal.limiting_rules] == ["contextual-factors"]
    assert proposal.category == "developing"


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ({"aspects": ["staffing", "governance"], "level_at_least": 3}, "count_at_least"),
        (
            {"aspects": ["staffing", "governance"], "count_at_least": 3, "level_at_least": 3},
            "more than the aspects",
        ),
        (
            {"aspects": ["staffing", "staffing"], "count_at_least": 2, "level_at_least": 3},
            "once each",
        ),
        ({"aspects": ["staffing", "governance"], "count_at_least": 2}, "level_at_least"),
        (
            {"aspect": "staffing", "aspects": ["governance", "staffing"], "level_at_least": 3},
            "exactly one",
        ),
        ({"aspect": "staffing", "level_at_least": 3, "level_at_most": 3}, "one of level"),
        ({"flag": "warning_notice", "no_aspect_worse_than": 2}, "goes with aspect"),
    ],
)
def test_an_aspect_condition_is_checked_when_the_file_loads(
    when: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        RuleCondition.model_validate(when)


def test_support_for_other_schools_decides_extending_for_a_school_secure_everywhere(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    secure = _secure_but_partnership(fw)
    # Secure everywhere, excellent in its curriculum and in its support for other schools.
    leading = score_school(fw, _profile(fw, {**secure, "curriculum_teaching": 1, "partnership": 1}))
    assert leading.category == "extending"
    assert [r["id"] for r in leading.limiting_rules] == ["extending-system-leadership"]
    assert leading.limiting_rules[0]["because"] == (
        "partnership at level 1, no aspect worse than 2"
    )
    # One area needing attention: not secure across all areas, so the best fit decides.
    weak_area = {**secure, "curriculum_teaching": 3, "partnership": 1}
    assert score_school(fw, _profile(fw, weak_area)).category != "extending"
    # Strong everywhere but with no capacity to support others this year: Established.
    excellent = dict.fromkeys(secure, 1)
    assert score_school(fw, _profile(fw, excellent)).category == "extending"
    busy = score_school(fw, _profile(fw, {**excellent, "partnership": 2}))
    assert busy.category == "established"
    assert [r["id"] for r in busy.limiting_rules] == ["no-capacity-to-support-others"]


def test_a_cap_wins_over_a_floor(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    levels = {**_secure_but_partnership(fw), "partnership": 1}
    ri = _trigger(next(r for r in fw.limiting_rules if r.id == "not-secure-judgement"), levels)
    proposal = score_school(fw, _profile(fw, levels, judgements=ri["judgements"]))  # type: ignore[arg-type]
    fired = {r["id"] for r in proposal.limiting_rules}
    assert {"extending-system-leadership", "not-secure-judgement"} <= fired
    assert proposal.category == "developing"


def test_a_school_s_own_claim_to_support_others_is_a_check(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    profile = _profile(fw, _secure_but_partnership(fw))
    claim = _item("partnership", 1, kind="sef", quote="We lead a network of local schools.")
    proposal = score_school(fw, _read_only_from(profile, claim))
    assert proposal.category == "established"
    assert [c["id"] for c in proposal.checks] == ["extending-system-leadership"]


def test_exemplary_teaching_and_leadership_in_a_school_good_everywhere_is_outstanding(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["staffordshire"]
    good = _uniform(fw, 2)
    assert score_school(fw, _profile(fw, good)).category == "good"
    levels = {**good, "curriculum_teaching": 1, "leadership": 1}
    proposal = score_school(fw, _profile(fw, levels))
    assert proposal.category == "outstanding"
    assert [r["id"] for r in proposal.limiting_rules] == ["exemplary-teaching-and-leadership"]
    # Exemplary teaching alone, or both with an area that is not good, leave it to the best fit.
    alone = score_school(fw, _profile(fw, {**good, "curriculum_teaching": 1}))
    assert alone.limiting_rules == [] and alone.category == "good"
    weak = score_school(fw, _profile(fw, {**levels, "attendance": 3}))
    assert "exemplary-teaching-and-leadership" not in {r["id"] for r in weak.limiting_rules}
    assert weak.category != "outstanding"


@pytest.mark.parametrize(
    ("framework_id", "rule_id", "category"),
    [
        ("bristol", "governance-needs-support", "developing"),
        ("buckinghamshire", "governance-vulnerability", "prevention"),
    ],
)
def test_governance_that_needs_attention_holds_a_good_school_back(
    frameworks: dict[str, Framework], framework_id: str, rule_id: str, category: str
) -> None:
    fw = frameworks[framework_id]
    good = _secure_but_partnership(fw)
    assert score_school(fw, _profile(fw, good)).limiting_rules == []
    proposal = score_school(fw, _profile(fw, {**good, "governance": 3}))
    assert [r["id"] for r in proposal.limiting_rules] == [rule_id]
    assert proposal.category == category
