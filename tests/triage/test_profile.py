"""The school profile on hand-built evidence items: weighing, rounding towards concern, recall."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import edited_framework
from triage.extract.models import EvidenceItem, Searched
from triage.frameworks import load_framework
from triage.frameworks.schema import Framework
from triage.profile import aspect_levels, outweighed, verdict

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`

DATE = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def frameworks() -> dict[str, Framework]:
    return {f: load_framework(f) for f in ("bristol", "surrey")}


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


def _weighed(
    aspect: str,
    level: int,
    *,
    weight: float,
    kind: str = "visit_note",
    date: dt.date = DATE,
    confidence: float = 0.8,
    quote: str = "",
) -> EvidenceItem:
    item = _item(aspect, level, kind=kind, quote=quote or f"{aspect} {level} {weight} {date}")
    return item.model_copy(update={"weight": weight, "date": date, "confidence": confidence})


def test_recency_halves_weight_per_half_life_from_the_newest_document(
    frameworks: dict[str, Framework],
) -> None:
    recency = frameworks["bristol"].recency
    assert recency.half_life_days == 540
    assert recency.weight(DATE, DATE) == 1.0
    assert recency.weight(DATE - dt.timedelta(days=540), DATE) == pytest.approx(0.5)
    assert recency.weight(DATE - dt.timedelta(days=1080), DATE) == pytest.approx(0.25)
    assert recency.weight(None, DATE) == 0.5  # undated: one half-life old
    assert recency.weight(DATE + dt.timedelta(days=30), DATE) == 1.0
    assert recency.within(DATE - dt.timedelta(days=540), DATE, recency.current_within)
    assert not recency.within(DATE - dt.timedelta(days=541), DATE, recency.current_within)


def test_a_concern_with_two_fifths_of_the_weight_is_surfaced(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    items = [
        _weighed("attendance", 2, weight=0.6, kind="sef"),
        _weighed("attendance", 3, weight=0.4),
    ]
    profile = aspect_levels(items, reference=DATE, framework=fw)
    assert profile["attendance"].score == pytest.approx(2.4)
    assert profile["attendance"].level == 3
    assert profile["attendance"].sef_level == 2 and profile["attendance"].others_level == 3
    fewer = aspect_levels(
        [_weighed("attendance", 2, weight=0.7), _weighed("attendance", 3, weight=0.3)],
        reference=DATE,
        framework=fw,
    )
    assert fewer["attendance"].level == 2
    # Between exceptional and secure, half way goes to secure.
    strong = aspect_levels(
        [_weighed("behaviour", 1, weight=0.6), _weighed("behaviour", 2, weight=0.4)],
        reference=DATE,
        framework=fw,
    )
    assert strong["behaviour"].level == 1


def test_one_recent_safeguarding_concern_is_never_averaged_away(
    frameworks: dict[str, Framework],
) -> None:
    fw = frameworks["bristol"]
    positive = [
        _weighed("safeguarding", 2, weight=1.0, kind="ofsted_report", quote=f"Positive {i}.")
        for i in range(6)
    ]
    concern = _weighed("safeguarding", 4, weight=0.9, quote="Checks were not completed.")
    profile = aspect_levels([*positive, concern], reference=DATE, framework=fw)
    entry = profile["safeguarding"]
    assert entry.score < 2.5  # the average alone would say secure
    assert entry.level == 4 and entry.recall_override
    assert concern.quote in [i.quote for i in entry.evidence_for]
    # A concern from years ago, long resolved, does not override current evidence.
    old = concern.model_copy(update={"date": DATE - dt.timedelta(days=3 * 540)})
    stale = aspect_levels([*positive, old], reference=DATE, framework=fw)["safeguarding"]
    assert stale.level == 2 and not stale.recall_override


# --- every number that moves a category is the framework file's -------------------------------


def test_the_concern_share_in_the_file_decides_where_a_concern_surfaces(
    frameworks: dict[str, Framework],
) -> None:
    items = [
        _weighed("attendance", 2, weight=0.6, kind="sef"),
        _weighed("attendance", 3, weight=0.4),
    ]
    fw = frameworks["bristol"]
    assert aspect_levels(items, reference=DATE, framework=fw)["attendance"].level == 3
    halfway = edited_framework(fw, "scoring", concern_share=0.5)
    assert aspect_levels(items, reference=DATE, framework=halfway)["attendance"].level == 2


def test_recall_first_aspects_are_the_file_s(frameworks: dict[str, Framework]) -> None:
    positive = [
        _weighed("safeguarding", 2, weight=1.0, kind="ofsted_report", quote=f"Positive {i}.")
        for i in range(6)
    ]
    items = [*positive, _weighed("safeguarding", 4, weight=0.9, quote="Checks were missed.")]
    fw = frameworks["bristol"]
    averaged = edited_framework(fw, "scoring", recall_first={"aspects": [], "min_confidence": 0.45})
    assert aspect_levels(items, reference=DATE, framework=fw)["safeguarding"].level == 4
    assert aspect_levels(items, reference=DATE, framework=averaged)["safeguarding"].level == 2


SEARCHED = Searched(queries=["attendance"], documents=["900999/visit_note.txt"])


def _stance(item: EvidenceItem, stance: str, confidence: float) -> EvidenceItem:
    return item.model_copy(update={"stance": stance, "confidence": confidence})


def _readings(
    aspect: str, level: int, quotes: list[str], stance: str, confidence: float
) -> list[EvidenceItem]:
    """One visit-note reading per quote, all at the same level, stance and confidence."""
    return [
        _stance(_weighed(aspect, level, weight=0.9, quote=q), stance, confidence) for q in quotes
    ]


def test_a_passing_favourable_word_is_not_cited_against_a_verdict_but_a_concern_is() -> None:
    """Beside a verdict the strongest reading against it is cited: a concern however slight
    (recall over reassurance), a favourable reading only when it is more than one word."""
    carrying = _readings(
        "attendance", 3, ["Attendance fell again.", "Attendance fell in spring."], "supports", 0.8
    )
    passing = _stance(
        _weighed("attendance", 2, weight=0.9, quote="Pupils attend well."), "contradicts", 0.42
    )
    met = verdict("c", "developing", [*carrying, passing], SEARCHED, concern_share=0.4)
    assert met.verdict == "met"
    assert passing.quote not in [e.quote for e in met.evidence]
    firm = passing.model_copy(update={"quote": "attendance_pct,95.9,94.9", "confidence": 0.8})
    cited = verdict("c", "developing", [*carrying, firm], SEARCHED, concern_share=0.4).evidence
    assert firm.quote in [e.quote for e in cited]
    good = _readings(
        "attendance",
        2,
        ["Attendance is high now.", "Attendance is high this year."],
        "supports",
        0.8,
    )
    slight = _stance(
        _weighed("attendance", 3, weight=0.9, quote="Lateness is a worry."), "contradicts", 0.42
    )
    cited = verdict("c", "established", [*good, slight], SEARCHED, concern_share=0.4).evidence
    assert slight.quote in [e.quote for e in cited]


def test_a_favourable_reading_the_evidence_outweighs_stays_on_the_aspect_but_is_not_cited(
    frameworks: dict[str, Framework],
) -> None:
    """Leadership reads needs attention on this year's evidence. The self-evaluation's claim and
    the 2019 inspection's "good" stay among the aspect's evidence against its level, for the
    officer to weigh, but no characteristic cites them; the latest inspection's own judgement,
    a data row and any concern still are."""
    latest = dt.date(2025, 11, 5)
    recent = _readings(
        "leadership",
        3,
        ["Capacity is stretched now.", "Capacity is stretched this term."],
        "supports",
        0.6,
    )
    old = _weighed(
        "leadership",
        2,
        weight=0.3,
        kind="ofsted_report",
        date=dt.date(2019, 11, 20),
        confidence=0.95,
        quote="Leadership and management Good",
    )
    claim = _weighed("leadership", 2, weight=0.5, kind="sef", confidence=0.95, quote="We are good.")
    judged = _weighed(
        "leadership",
        2,
        weight=0.9,
        kind="ofsted_report",
        date=latest,
        confidence=0.95,
        quote="Leadership and governance Expected standard",
    )
    passing = judged.model_copy(update={"confidence": 0.42, "quote": "Leaders are ambitious."})
    row = _weighed("leadership", 2, weight=0.9, kind="indicators", quote="governor_vacancies,0,,")
    aspects = aspect_levels([*recent, old, claim], reference=DATE, framework=frameworks["bristol"])
    assert aspects["leadership"].level == 3
    assert {old.quote, claim.quote} <= {e.quote for e in aspects["leadership"].evidence_against}
    assert outweighed(old, aspects, latest) and outweighed(claim, aspects, latest)
    assert outweighed(passing, aspects, latest)
    assert not outweighed(judged, aspects, latest) and not outweighed(row, aspects, latest)
    assert not outweighed(recent[0], aspects, latest)

    against = [_stance(i, "contradicts", i.confidence) for i in (old, claim)]
    met = verdict(
        "c",
        "developing",
        [*recent, *against],
        SEARCHED,
        concern_share=0.4,
        citable=lambda i: not outweighed(i, aspects, latest),
    )
    assert met.verdict == "met"
    assert [e.quote for e in met.evidence] == [r.quote for r in recent]
    everything = verdict("c", "developing", [*recent, *against], SEARCHED, concern_share=0.4)
    assert claim.quote in [e.quote for e in everything.evidence]


def test_a_passing_worry_in_the_minutes_about_a_secure_aspect_is_not_cited(
    frameworks: dict[str, Framework],
) -> None:
    """Safeguarding reads secure on the inspection and the authority's note. A tentative worry
    in the minutes or the SEF stays among the aspect's evidence against, for the officer to
    weigh, but is not cited for a characteristic: those sources cannot move a category on their
    own. The same worry in the authority's note, or a firm one in the minutes, is cited."""
    bristol = frameworks["bristol"]
    authority = bristol.rule_authority.kinds
    secure = _readings(
        "safeguarding",
        2,
        ["Safeguarding is effective.", "Checks are thorough."],
        "supports",
        0.95,
    )
    minuted = _weighed(
        "safeguarding", 3, weight=0.6, kind="minutes", confidence=0.37, quote="Policy re-adopted."
    )
    claimed = minuted.model_copy(update={"document_kind": "sef", "quote": "A worry we noted."})
    noted = minuted.model_copy(update={"document_kind": "visit_note", "quote": "Two late logs."})
    firm = minuted.model_copy(update={"confidence": 0.8, "quote": "Checks were missing."})
    aspects = aspect_levels([*secure, minuted], reference=DATE, framework=bristol)
    assert aspects["safeguarding"].level == 2
    assert minuted.quote in [e.quote for e in aspects["safeguarding"].evidence_against]
    assert outweighed(minuted, aspects, None, authority=authority)
    assert outweighed(claimed, aspects, None, authority=authority)
    assert not outweighed(noted, aspects, None, authority=authority)
    assert not outweighed(firm, aspects, None, authority=authority)

    against = _stance(minuted, "contradicts", minuted.confidence)
    cited = verdict(
        "c",
        "established",
        [*secure, against],
        SEARCHED,
        concern_share=0.4,
        citable=lambda i: not outweighed(i, aspects, None, authority=authority),
    ).evidence
    assert minuted.quote not in [e.quote for e in cited]
    everything = verdict("c", "established", [*secure, against], SEARCHED, concern_share=0.4)
    assert minuted.quote in [e.quote for e in everything.evidence]


def test_a_verdict_cites_the_five_passages_that_carry_it_most() -> None:
    """Five passages carry a verdict: the strongest, in order, beside the strongest against it
    when that is a concern; a sixth is not cited."""
    quotes = [f"Attendance reading {n} is strong." for n in range(6)]
    readings = [
        _stance(_weighed("attendance", 2, weight=0.9 - n / 100, quote=q), "supports", 0.8)
        for n, q in enumerate(quotes)
    ]
    cited = verdict("c", "established", readings, SEARCHED, concern_share=0.4).evidence
    assert [e.quote for e in cited] == quotes[:5]
    worry = _stance(
        _weighed("attendance", 3, weight=0.9, quote="Absence is rising."), "contradicts", 0.5
    )
    cited = verdict("c", "established", [*readings, worry], SEARCHED, concern_share=0.4).evidence
    assert [e.quote for e in cited] == [*quotes[:4], worry.quote]


def test_a_verdict_carried_only_by_outweighed_readings_still_cites_them() -> None:
    """A verdict always shows what it stands on: when every reading that carries it is one the
    evidence outweighs, those readings are cited; beside citable ones they are not."""
    old = _readings("leadership", 2, ["Leaders were effective in 2019."], "supports", 0.9)
    now = _readings("leadership", 2, ["Leaders are effective."], "supports", 0.6)
    only_old = verdict(
        "c", "established", old, SEARCHED, concern_share=0.4, citable=lambda i: False
    )
    assert only_old.verdict == "met" and [e.quote for e in only_old.evidence] == [old[0].quote]
    both = verdict(
        "c",
        "established",
        [*old, *now],
        SEARCHED,
        concern_share=0.4,
        citable=lambda i: i.quote != old[0].quote,
    )
    assert [e.quote for e in both.evidence] == [now[0].quote]


def test_an_aspect_shows_three_passages_on_each_side_of_its_level(
    frameworks: dict[str, Framework],
) -> None:
    """The aspect's own summary stays short beside the verdicts' five citations."""
    strong = _readings(
        "attendance", 2, [f"Attendance note {n} is strong." for n in range(5)], "supports", 0.8
    )
    weak = _readings(
        "attendance", 3, [f"Absence note {n} is rising." for n in range(5)], "supports", 0.3
    )
    entry = aspect_levels([*strong, *weak], reference=DATE, framework=frameworks["bristol"])[
        "attendance"
    ]
    assert entry.level == 2
    assert len(entry.evidence_for) == 3 and len(entry.evidence_against) == 3
