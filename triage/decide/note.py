"""The note of visit / categorisation letter as a Word document (python-docx).

It carries what a reader needs to check the decision: school, framework and version, category
and support offer, the evidence for and against with every citation (document, page, quote),
gaps and conflicts, the officer's decision and reason, who countersigned, and dates.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
from docx.document import Document as WordDocument

from triage.decide.frameworks import framework
from triage.extract.models import EvidenceItem, Proposal
from triage.store.models import School
from triage.store.record import Decision


def note_of_visit(
    *,
    authority: str,
    school: School,
    proposal: Proposal,
    proposal_id: int,
    proposed_at: dt.datetime,
    decision: Decision | None,
    officer: str | None,
    countersigner: str | None,
) -> bytes:
    """The letter as DOCX bytes; without a decision it says plainly that it is a draft."""
    loaded = framework(proposal.framework)
    category_id = decision.category if decision else proposal.category
    category = next((c for c in loaded.categories if c.id == category_id), None)
    word = docx.Document()
    word.core_properties.title = f"Categorisation of {school.name or school.urn}"
    word.core_properties.author = authority
    word.add_heading(f"{authority}: school categorisation", level=0)
    if decision is None or decision.status != "final":
        word.add_paragraph("DRAFT: this category has not been decided by an officer.").runs[
            0
        ].bold = True
    _facts(
        word,
        [
            ("School", f"{school.name or ''} (URN {school.urn})".strip()),
            ("Framework", f"{loaded.name} ({loaded.id}), version {proposal.framework_version}"),
            ("Category", f"{category.label} ({category.id})" if category else "none proposed"),
            ("Support", category.support_level if category else "-"),
            ("Support offer", category.offer if category and category.offer else "-"),
            ("Proposal", f"{proposal_id}, made {proposed_at:%d %B %Y}"),
        ],
    )
    _decision(word, decision, officer, countersigner)
    _evidence(word, "Evidence for", [e for e in proposal.evidence if e.stance == "supports"])
    _evidence(word, "Evidence against", [e for e in proposal.evidence if e.stance == "contradicts"])
    _gaps_and_conflicts(word, proposal)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text Word can hold: control characters (which XML forbids) become spaces."""
    return _NOT_XML.sub(" ", text)


def _facts(word: WordDocument, rows: list[tuple[str, str]]) -> None:
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = clean(label), clean(value)


def _decision(
    word: WordDocument, decision: Decision | None, officer: str | None, countersigner: str | None
) -> None:
    word.add_heading("Decision", level=1)
    if decision is None:
        word.add_paragraph("No officer has decided on this proposal yet.")
        return
    verb = (
        "approved the proposed category"
        if decision.action == "approve"
        else (f"overrode the proposed category ({decision.proposed_category or 'none'})")
    )
    word.add_paragraph(
        f"{officer or 'The officer'} {verb} and placed the school in {decision.category} on "
        f"{decision.decided_at:%d %B %Y}."
    )
    if decision.reason:
        word.add_paragraph(clean(f"Reason: {decision.reason}"))
    if decision.needs_countersign:
        if decision.countersigned_at is None:
            word.add_paragraph("Awaiting a lead's countersignature.")
        else:
            agreed = "agreed" if decision.countersign_agree else "did not agree"
            word.add_paragraph(
                clean(
                    f"Countersigned by {countersigner or 'a lead'}, who {agreed}, on "
                    f"{decision.countersigned_at:%d %B %Y}."
                    + (f" {decision.countersign_reason}" if decision.countersign_reason else "")
                )
            )


def _evidence(word: WordDocument, title: str, items: list[EvidenceItem]) -> None:
    word.add_heading(title, level=1)
    if not items:
        word.add_paragraph("None found.")
        return
    table = word.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, heading in zip(
        table.rows[0].cells, ("Aspect", "Level", "Document", "Page", "Quote"), strict=True
    ):
        cell.text = heading
    for item in items:
        cells = table.add_row().cells
        cells[0].text = item.aspect.replace("_", " ")
        cells[1].text = str(item.level)
        cells[2].text = clean(item.document)
        cells[3].text = str(item.page) if item.page is not None else "-"
        cells[4].text = clean(f"\u201c{item.quote}\u201d")


def _gaps_and_conflicts(word: WordDocument, proposal: Proposal) -> None:
    word.add_heading("Gaps and conflicts", level=1)
    aspects = [g.split(":", 1)[1] for g in proposal.gaps if g.startswith("aspect:")]
    word.add_paragraph(
        "Aspects with no evidence: " + (", ".join(a.replace("_", " ") for a in aspects) or "none")
    )
    for conflict in proposal.conflicts:
        word.add_paragraph(
            clean(
                f"{conflict.get('aspect', '').replace('_', ' ')}: the SEF says level "
                f"{conflict.get('sef_level', '?')}, the other evidence level "
                f"{conflict.get('evidence_level', '?')} "
                f"(\u201c{conflict.get('evidence_quote', '')}\u201d)"
            ),
            style="List Bullet",
        )
    for rule in proposal.checks:
        word.add_paragraph(
            clean(
                f"Check this (not applied): {rule.get('id', '')}: {rule.get('because', '')} "
                f"({rule.get('document', '')}: \u201c{rule.get('quote', '')}\u201d)"
            ),
            style="List Bullet",
        )
    for rule in proposal.limiting_rules:
        word.add_paragraph(
            clean(
                f"Limiting rule {rule.get('id', '')}: {rule.get('because', '')} "
                f"({rule.get('document', '')}: \u201c{rule.get('quote', '')}\u201d)"
            ),
            style="List Bullet",
        )
