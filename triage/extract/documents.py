"""A school's documents read as an officer reads them: what each one is, then what it says.

Each document's form is recognised from its opening (a report card, a graded EIF report, an
ungraded or monitoring letter, an independent-school standards or progress monitoring report, a
warning notice, or the school's and authority's own papers: lexicon `forms`), and its passages are
read in order with what the form implies: which sentences are judgements, where a schedule of
unmet standards begins (requirement text, not findings), which sentences are template, and who
each clause is about. In a graded inspection document the grade is the judgement for its area:
narrative on a graded aspect is evidence for that grade, cited with it, never a lower (or higher)
grade of its own ("too few pupils reached the higher standard" inside a strong-standard area is
a development point); in a document graded only overall, a narrative one level below the overall
grade is a development point of that grade too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from triage.extract.judges.reading import (
    GradeLine,
    PassageReading,
    ReadingContext,
    SentenceReading,
    at_grade,
    clauses_with_subjects,
    heading_aspects,
    is_evidence,
    read_passage,
    sentence_aspects,
)
from triage.extract.judges.sentences import split_sentences
from triage.extract.judges.subject import Names, school_names
from triage.extract.judges.template import in_schedule, readable
from triage.extract.lexicon import lexicon
from triage.extract.snapshot import SchoolEvidence, SchoolPassage
from triage.vocabulary import DOCUMENT_FORMS, INSPECTION_FORMS, DocumentForm

INDICATOR_KIND = "indicators"
OVERALL = "overall effectiveness"
MIN_AREAS_FOR_OVERALL = 3  # graded areas that make a judgements table


@dataclass
class DocumentReading:
    """One document read: its form, its passages' readings, its judgements and what was set
    aside as template."""

    document_id: int
    form: DocumentForm
    passages: dict[int, PassageReading] = field(default_factory=dict)
    set_aside: Counter[str] = field(default_factory=Counter)
    development_points: int = 0

    @property
    def inspection(self) -> bool:
        return self.form in INSPECTION_FORMS


@dataclass
class SchoolReading:
    """Every current document of a school read once, for every characteristic and the nets."""

    documents: dict[int, DocumentReading]
    names: Names

    def passage(self, passage: SchoolPassage) -> PassageReading | None:
        document = self.documents.get(passage.document_id)
        return document.passages.get(passage.passage_id) if document else None

    def form(self, document_id: int) -> DocumentForm:
        document = self.documents.get(document_id)
        return document.form if document else "other"

    def set_aside(self) -> dict[str, int]:
        """Sentences set aside as template, by why."""
        total: Counter[str] = Counter()
        for document in self.documents.values():
            total.update(document.set_aside)
        return dict(sorted(total.items()))


def document_form(opening: str, kind: str) -> DocumentForm:
    """The form of a document from its opening text and the kind it was given."""
    if kind == INDICATOR_KIND:
        return "indicators"
    for rule in lexicon().forms:
        if rule.kinds and kind not in rule.kinds:
            continue
        if rule.markers.search(opening[: rule.opening]):
            return rule.form
    return kind if kind in DOCUMENT_FORMS else "other"  # type: ignore[return-value]


def read_school(evidence: SchoolEvidence) -> SchoolReading:
    """Read every passage of the school's current documents, document by document."""
    names = school_names((p.text for p in evidence.passages), evidence.name)
    shared = frozenset(evidence.shared)
    by_document: dict[int, list[SchoolPassage]] = {}
    for passage in evidence.passages:
        if passage.kind != INDICATOR_KIND:
            by_document.setdefault(passage.document_id, []).append(passage)
    documents = {}
    for document_id, passages in by_document.items():
        opening = "\n".join(
            evidence.page_text(document_id, page) or ""
            for page in sorted({p.page for p in passages}, key=lambda n: n or 0)[:2]
        )
        form = document_form(opening, passages[0].kind)
        documents[document_id] = read_document(document_id, form, passages, names, shared)
    return SchoolReading(documents=documents, names=names)


def read_document(
    document_id: int,
    form: DocumentForm,
    passages: list[SchoolPassage],
    names: Names,
    shared: frozenset[str],
) -> DocumentReading:
    """Read a document's passages in order, then let its grades speak for their areas."""
    reading = DocumentReading(document_id=document_id, form=form)
    schedule = False
    independent = lexicon().independent
    for passage in sorted(passages, key=lambda p: p.passage_id):
        section = (passage.section or "").split(" > ")[-1]
        if in_schedule(section):
            schedule = True
        elif schedule and not independent.heading.match(section):
            schedule = False  # the schedule lists Parts; another heading ends it
        context = ReadingContext(form=form, schedule=schedule, names=names, shared=shared)
        read = read_passage(
            passage.text, section=passage.section, kind=passage.kind, context=context
        )
        reading.passages[passage.passage_id] = read
        reading.set_aside.update(reason for reason, _ in read.set_aside)
    if reading.inspection:
        _graded_areas_speak(reading)
        _area_narrative(reading, passages, names=names, shared=shared)
    return reading


MIN_NARRATIVE_WORDS = 6


def _area_narrative(
    reading: DocumentReading,
    passages: list[SchoolPassage],
    *,
    names: Names,
    shared: frozenset[str],
) -> None:
    """Narrative under a graded area's heading that judges nothing in its own words is evidence
    for the area's grade ("Pupils know whom to speak to if they are worried" under a
    safeguarding outcome of met): read at that grade, with a low confidence."""
    graded, _ = document_grades(reading.passages.values())
    context = ReadingContext(form=reading.form, names=names, shared=shared)
    for passage in passages:
        read = reading.passages.get(passage.passage_id)
        if read is None:
            continue
        aspects = [a for a in heading_aspects(passage.section) if a in graded]
        if not aspects:
            continue
        added = list(read.readings)
        taken = {(r.start, r.end) for r in read.readings}
        template = {quote for _, quote in read.set_aside}
        for sentence in split_sentences(passage.text, heading=passage.section):
            if (sentence.start, sentence.end) in taken:
                continue
            quote = passage.text[sentence.start : sentence.end]
            plain = readable(quote)
            if quote in template:
                continue
            if len(plain.split()) < MIN_NARRATIVE_WORDS or not plain.endswith((".", "!", "?")):
                continue
            if context.set_aside(plain, sentence.heading) is not None or not is_evidence(plain):
                continue
            if any(subject == "other" for _, subject in clauses_with_subjects(plain, names)):
                continue
            named = [a for a in aspects if a in sentence_aspects(plain)]
            added += [
                at_grade(aspect, graded[aspect], sentence.start, sentence.end, quote)
                for aspect in named or aspects
            ]
        if len(added) > len(read.readings):
            reading.passages[passage.passage_id] = read.model_copy(
                update={"readings": tuple(added)}
            )


def _graded_areas_speak(reading: DocumentReading) -> None:
    """Narrative in a graded document is read at its grades: it cites them, never outvotes."""
    graded, overall = document_grades(reading.passages.values())
    areas = [level for aspect, level in graded.items() if aspect != "safeguarding"]
    if overall is None and len(areas) >= MIN_AREAS_FOR_OVERALL:
        # No overall grade (EIF reports from September 2024): the gravest area grade stands for
        # it, so a development point on an ungraded aspect is not read a grade below it.
        overall = max(areas)
    for passage_id, read in reading.passages.items():
        readings = [_at_grade(r, graded, overall) for r in read.readings]
        pairs = zip(readings, read.readings, strict=True)
        moved = sum(new.level != old.level for new, old in pairs)
        if moved:
            reading.development_points += moved
            reading.passages[passage_id] = read.model_copy(update={"readings": tuple(readings)})


def document_grades(reads: object) -> tuple[dict[str, int], int | None]:
    """The aspects a document grades (the gravest grade of each) and its overall grade."""
    graded: dict[str, int] = {}
    overall: int | None = None
    for read in reads:  # type: ignore[attr-defined]
        for judgement in read.judgements:
            if judgement.area == OVERALL:
                # An overall verdict ("continues to be a good school") is not an area's grade.
                overall = judgement.level if overall is None else max(overall, judgement.level)
                continue
            for aspect in judgement.aspects:
                graded[aspect] = max(graded.get(aspect, 0), judgement.level)
    return graded, overall


def _at_grade(
    reading: SentenceReading, graded: dict[str, int], overall: int | None
) -> SentenceReading:
    """A narrative reading at the grade it sits under: the aspect's grade in the document, or
    the overall grade where the reading is one level below it (a development point)."""
    if reading.structural:
        return reading
    level: int = reading.level
    if reading.aspect in graded:
        level = graded[reading.aspect]
    elif overall is not None and reading.level == overall + 1:
        level = overall
    if level == reading.level:
        return reading
    return reading.model_copy(update={"level": level, "flags": ()})


def judgements_of(reading: DocumentReading) -> list[tuple[GradeLine, int]]:
    """The document's judgements, each with the id of the passage it was read in."""
    return [
        (judgement, passage_id)
        for passage_id, read in sorted(reading.passages.items())
        for judgement in read.judgements
    ]
