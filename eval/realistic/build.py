"""Regenerate the realistic corpora: `python -m eval.realistic.build`.

Writes eval/corpora/real-tuned and eval/corpora/real-holdout (files and manifest.yaml) from the
per-school modules, finds the page of every gold quote with the project's own reader, then runs the
checks of eval.realistic.check and exits non-zero on any problem. Deterministic: no clock, fixed
PDF creation dates, fixed DOCX package dates.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from eval.realistic import render_letters, render_office, render_ofsted
from eval.realistic.check import check_corpus, collapse, read_pages
from eval.realistic.model import (
    Document,
    EifReport,
    Ev,
    IndependentMonitoring,
    Indicators,
    Letter,
    Note,
    ReportCard,
    School,
    Sef,
    WarningNotice,
)
from eval.realistic.schools_holdout import SCHOOLS as HOLDOUT
from eval.realistic.schools_tuned import SCHOOLS as TUNED

ROOT = Path(__file__).resolve().parents[1] / "corpora"
CORPORA: dict[str, tuple[School, ...]] = {"real-tuned": TUNED, "real-holdout": HOLDOUT}

NATIONAL: dict[str, dict[str, Any]] = {
    "attendance_pct": {"value": 93.1, "year": "2024/25"},
    "persistent_absence_pct": {"value": 17.8, "year": "2024/25"},
    "suspension_rate": {"value": 11.0, "year": "2024/25"},
    "permanent_exclusion_rate": {"value": 0.13, "year": "2024/25"},
    "ks2_rwm_expected_pct": {"value": 62, "year": "2024/25"},
    "phonics_expected_pct": {"value": 80, "year": "2024/25"},
    "ks4_attainment8": {"value": 45.9, "year": "2024/25"},
    "ks4_progress8": {"value": 0.0, "year": "2023/24"},
    "disadvantaged_gap_pp": {"value": 21, "year": "2024/25"},
}


def authority(school: School) -> str:
    return dict(school.details).get("Local authority", "The local authority") + " Council"


def render(school: School, doc: Document) -> bytes:
    """The bytes of one document, in the layout of its kind."""
    if isinstance(doc, ReportCard):
        return render_ofsted.report_card(school, doc)
    if isinstance(doc, EifReport):
        return render_ofsted.eif_report(school, doc)
    if isinstance(doc, Letter):
        return render_letters.letter(school, doc)
    if isinstance(doc, IndependentMonitoring):
        return render_letters.independent_monitoring(school, doc)
    if isinstance(doc, WarningNotice):
        return render_letters.warning_notice(school, doc, authority(school))
    if isinstance(doc, Sef):
        return render_office.sef_docx(doc)
    if isinstance(doc, Note):
        return render_office.note_bytes(doc)
    if isinstance(doc, Indicators):
        return render_office.indicators_csv(doc)
    raise TypeError(f"unknown document {doc!r}")


def locate(path: Path, quote: str) -> tuple[bool, int | None]:
    """(found, page): the first page whose extracted text holds the quote; page None if unpaged."""
    wanted = collapse(quote)
    for number, text in read_pages(path):
        if wanted in collapse(text):
            return True, number
    return False, None


def write_school(folder: Path, school: School) -> dict[str, Any]:
    """Write one school's files; return its manifest entry (with the page of each quote)."""
    (folder / school.urn).mkdir(parents=True)
    documents = []
    for doc in school.documents:
        relative = f"{school.urn}/{doc.file}"
        (folder / relative).write_bytes(render(school, doc))
        documents.append({"path": relative, "kind": doc.kind, "date": doc.date})
    evidence = [_evidence_entry(folder, school, item) for item in school.evidence]
    gold = {
        "rationale": school.rationale,
        "aspects": dict(school.aspects),
        "categories": dict(school.categories),
        "evidence": evidence,
    }
    return {
        "urn": school.urn,
        "name": school.name,
        "phase": school.phase,
        "documents": documents,
        "gold": gold,
    }


def _evidence_entry(folder: Path, school: School, item: Ev) -> dict[str, Any]:
    """A gold evidence item with the page its quote is on (no page for unpaged files)."""
    relative = f"{school.urn}/{item.file}"
    found, page = locate(folder / relative, item.quote)
    if not found:
        raise SystemExit(f"{school.urn}: quote not found in {item.file}: {item.quote!r}")
    entry: dict[str, Any] = {"aspect": item.aspect, "level": item.level, "document": relative}
    if page is not None:
        entry["page"] = page
    entry["quote"] = item.quote
    return entry


def build_corpus(folder: Path, schools: tuple[School, ...]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    entries = [write_school(folder, school) for school in schools]
    manifest = {"format": "triage-eval/1", "national": NATIONAL, "schools": entries}
    text = yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=110)
    (folder / "manifest.yaml").write_text(text, encoding="utf-8")


def cross_half_problems() -> list[str]:
    """A gold quote of one half must not appear in the other half's schools."""
    problems = []
    halves = list(CORPORA.items())
    for (name, schools), (other_name, other) in ((halves[0], halves[1]), (halves[1], halves[0])):
        other_quotes = {collapse(ev.quote) for school in other for ev in school.evidence}
        for school in schools:
            for item in school.evidence:
                if collapse(item.quote) in other_quotes:
                    problems.append(f"{name} {school.urn}: quote also gold in {other_name}")
    return problems


def main() -> int:
    problems = cross_half_problems()
    for name, schools in CORPORA.items():
        if not schools:
            problems.append(f"{name}: no schools")
            continue
        folder = ROOT / name
        build_corpus(folder, schools)
        found = check_corpus(folder)
        problems += [f"{name}: {problem}" for problem in found]
        count = sum(len(school.documents) for school in schools)
        print(f"{name}: {len(schools)} schools, {count} documents written to {folder}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
