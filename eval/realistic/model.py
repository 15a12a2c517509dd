"""What one school of a realistic corpus is made of: its documents (as content, not bytes) and gold.

Per-school modules build these; the renderers turn each document into the bytes of a real-looking
file; the build locates every gold quote on its page and writes the manifest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The category ids of DESIGN.md, best first.
FRAMEWORK_CATEGORIES: dict[str, tuple[str, ...]] = {
    "bristol": ("extending", "established", "developing", "causing-concern"),
    "surrey": (
        "light-touch",
        "light-touch-plus",
        "support-and-challenge",
        "support-and-challenge-plus",
    ),
    "buckinghamshire": ("enhancement", "prevention", "intervention"),
    "staffordshire": ("outstanding", "good", "satisfactory", "inadequate"),
}

Section = tuple[str, tuple[str, ...]]  # heading, paragraphs


@dataclass(frozen=True)
class Area:
    """One graded area of a report card."""

    name: str
    grade: str
    paras: tuple[str, ...]


@dataclass(frozen=True)
class ReportCard:
    file: str
    date: dt.date
    safeguarding_met: bool
    safeguarding: tuple[str, ...]
    summary: tuple[str, ...]
    context: tuple[str, ...]
    areas: tuple[Area, ...]
    next_steps: tuple[str, ...]
    about: tuple[str, ...]
    kind: str = "ofsted_report"


@dataclass(frozen=True)
class EifReport:
    """A graded EIF report; `overall` is None from September 2024. Independent standard
    inspections use the same layout with `independent` set."""

    file: str
    date: dt.date
    dates_text: str
    judgements: tuple[tuple[str, str], ...]
    overall: str | None
    previous: str
    attend: tuple[str, ...]
    well: tuple[str, ...]
    safeguarding_effective: bool
    improve: tuple[str, ...]
    about: tuple[str, ...]
    background: tuple[str, ...] = ()
    safeguarding: tuple[str, ...] = ()
    independent: bool = False
    meets_standards: bool = True
    kind: str = "ofsted_report"


@dataclass(frozen=True)
class Letter:
    """An ungraded (section 8) letter or a monitoring letter.

    verdict: continues | outstanding | not_as_strong | effective | not_effective."""

    file: str
    date: dt.date
    dates_text: str
    verdict: str
    sections: tuple[Section, ...]
    improve: tuple[str, ...]
    about: tuple[str, ...]
    inspector: str
    previous: str = ""
    kind: str = "ofsted_report"


@dataclass(frozen=True)
class IndependentMonitoring:
    """A progress monitoring inspection: parts maps a Part number to (findings, status), status
    'met', 'not met' or 'not checked'; unmet names entries of the schedule."""

    file: str
    date: dt.date
    dates_text: str
    meets: bool
    parts: dict[int, tuple[tuple[str, ...], str]]
    unmet: tuple[str, ...]
    about: tuple[str, ...]
    previous: str
    kind: str = "ofsted_report"


@dataclass(frozen=True)
class WarningNotice:
    file: str
    date: dt.date
    addressee: tuple[str, ...]
    grounds: tuple[str, ...]
    actions: tuple[tuple[str, str], ...]
    signatory: tuple[str, ...]
    kind: str = "other"


@dataclass(frozen=True)
class Sef:
    """A self-evaluation form as DOCX: a grades table (area | grade | commentary) and sections."""

    file: str
    date: dt.date
    title: str
    intro: tuple[str, ...]
    scale_note: str
    rows: tuple[tuple[str, str, str], ...]
    sections: tuple[Section, ...]
    kind: str = "sef"


@dataclass(frozen=True)
class Note:
    """A visit note, minutes or other office document; the file suffix picks TXT, MD or DOCX."""

    file: str
    kind: str
    date: dt.date
    title: str
    preamble: tuple[str, ...]
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Indicators:
    file: str
    date: dt.date
    rows: tuple[tuple[str, str, str, str], ...]
    kind: str = "indicators"


Document = (
    ReportCard
    | EifReport
    | Letter
    | IndependentMonitoring
    | WarningNotice
    | Sef
    | Note
    | Indicators
)


@dataclass(frozen=True)
class Ev:
    """A gold evidence item: the build finds the page the quote is on."""

    aspect: str
    level: int
    file: str
    quote: str


@dataclass(frozen=True)
class School:
    urn: str
    name: str
    phase: str
    address: tuple[str, ...]
    details: tuple[tuple[str, str], ...]
    documents: tuple[Document, ...]
    aspects: dict[str, int]
    categories: dict[str, str]
    evidence: tuple[Ev, ...]
    rationale: str
    head: str = "the headteacher"
    footer_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def cats(bristol: str, surrey: str, buckinghamshire: str, staffordshire: str) -> dict[str, str]:
    return {
        "bristol": bristol,
        "surrey": surrey,
        "buckinghamshire": buckinghamshire,
        "staffordshire": staffordshire,
    }
