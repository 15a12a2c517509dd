"""Detect a document's kind and date from its content when the caller does not give them."""

from __future__ import annotations

import datetime as dt
import re

from ingest.vocabulary import DocumentKind

# Phrases that mark each kind, with weights; the first page or so is what a person would glance at.
_KIND_MARKERS: dict[DocumentKind, tuple[tuple[str, float], ...]] = {
    "ofsted_report": (
        ("ofsted", 2.0),
        ("inspection report", 3.0),
        ("overall effectiveness", 3.0),
        ("report card", 3.0),
        ("his majesty's inspector", 3.0),
        ("inspection of", 1.5),
        ("evaluation area", 1.5),
        ("what does the school need to do to improve", 3.0),
    ),
    "sef": (
        ("self-evaluation", 3.0),
        ("self evaluation", 3.0),
        ("sef", 2.0),
        ("our evaluation", 1.5),
        ("we judge", 2.0),
        ("our judgement", 1.5),
    ),
    "visit_note": (
        ("note of visit", 4.0),
        ("visit note", 4.0),
        ("school improvement officer", 2.5),
        ("purpose of visit", 3.0),
        ("raising achievement visit", 3.0),
        ("next steps", 1.0),
        ("sio", 1.5),
    ),
    "minutes": (
        ("minutes", 3.0),
        ("governing body", 1.5),
        ("apologies", 2.0),
        ("present:", 2.0),
        ("chair", 1.0),
        ("quorate", 2.0),
        ("matters arising", 3.0),
    ),
}

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+("
    + "|".join(_MONTHS)
    + r"|"
    + "|".join(m[:3] for m in _MONTHS)
    + r")\.?,?\s+(\d{4})\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def detect_kind(text: str) -> tuple[DocumentKind, str]:
    """Return the likeliest kind and the reason, from marker phrases in the opening text."""
    head = text[:3000].lower()
    scores: dict[DocumentKind, float] = {}
    for kind, markers in _KIND_MARKERS.items():
        hits = [phrase for phrase, _ in markers if re.search(rf"\b{re.escape(phrase)}", head)]
        scores[kind] = sum(weight for phrase, weight in markers if phrase in hits)
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 3.0:
        return "other", "no marker phrases of a known kind were found"
    found = [p for p, _ in _KIND_MARKERS[best] if re.search(rf"\b{re.escape(p)}", head)]
    return best, "found " + ", ".join(repr(p) for p in found[:3])


def detect_date(text: str) -> dt.date | None:
    """The first full date in the opening text (day month year, ISO, or dd/mm/yyyy)."""
    head = text[:4000]
    candidates: list[tuple[int, dt.date]] = []
    for match in _DAY_MONTH_YEAR.finditer(head):
        month = _month_number(match.group(2))
        candidates.extend(_dated(match.start(), int(match.group(3)), month, int(match.group(1))))
    for match in _ISO.finditer(head):
        y, m, d = (int(g) for g in match.groups())
        candidates.extend(_dated(match.start(), y, m, d))
    for match in _SLASHED.finditer(head):
        d, m, y = (int(g) for g in match.groups())
        candidates.extend(_dated(match.start(), y, m, d))
    return min(candidates)[1] if candidates else None


def _month_number(name: str) -> int:
    prefix = name[:3].lower()
    return [m[:3] for m in _MONTHS].index(prefix) + 1


def _dated(position: int, year: int, month: int, day: int) -> list[tuple[int, dt.date]]:
    try:
        return [(position, dt.date(year, month, day))]
    except ValueError:
        return []
