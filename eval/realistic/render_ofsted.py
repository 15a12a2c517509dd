"""Report cards (from November 2025) and graded EIF reports (2019 to November 2025) as PDF bytes."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic import templates_independent as ti
from eval.realistic.model import EifReport, ReportCard, School
from eval.realistic.pdfdoc import PdfWriter, Running


def licence_page(writer: PdfWriter, year: int) -> None:
    """The closing page of every Ofsted publication."""
    writer.new_page()
    for index, para in enumerate(t.LICENCE):
        if index < 5:
            writer.para(para, size=9.5)
        else:
            writer.line(para, size=9.5)
    writer.gap(4)
    writer.line(t.crown(year), size=9.5)


def banner_height(school: School) -> float:
    """The height of the first page's logo band; it varies between publications, and so do the
    places where pages break."""
    return 10.0 + (int(school.urn) % 5) * 6.0


def _card_header(writer: PdfWriter, school: School, card: ReportCard) -> None:
    writer.banner(banner_height(school))
    writer.line(school.name, style="B", size=16, height=8)
    for line in school.address:
        writer.line(line)
    writer.line(f"Unique reference number (URN): {school.urn}")
    writer.line(f"Inspection report: {t.long_date(card.date)}")
    writer.gap(5)
    writer.line(t.CARD_KEY_TITLE, style="B", size=11)
    for grade in t.SCALE:
        writer.line(grade, size=9.5, height=4.6)
    writer.para(t.CARD_KEY_NOTE, size=9)


def _card_safeguarding(writer: PdfWriter, card: ReportCard) -> None:
    writer.gap(2)
    outcome = t.SAFEGUARDING_MET if card.safeguarding_met else t.SAFEGUARDING_NOT_MET
    writer.line(outcome, style="B", size=12.5, height=7)
    writer.para(t.SAFEGUARDING_MEANS_MET if card.safeguarding_met else t.SAFEGUARDING_MEANS_NOT_MET)
    for para in card.safeguarding:
        writer.para(para)
    writer.box(t.HOW_WE_EVALUATE_TITLE, t.HOW_WE_EVALUATE)


def report_card(school: School, card: ReportCard) -> bytes:
    """Header, key, grade tiles, safeguarding, a context box in two columns, one section per area,
    next steps, grade definitions, facts and figures, licence page."""
    name = school.footer_name or school.name
    running = Running(head="", footer=f"Inspection report: {name}, {t.long_date(card.date)}")
    writer = PdfWriter(running, title=f"{school.name} report card")
    _card_header(writer, school, card)
    writer.grid([(area.name, area.grade) for area in card.areas])
    _card_safeguarding(writer, card)
    writer.heading("About this school", size=11.5)
    writer.columns(list(card.context), list(card.summary), interleave=False)
    writer.heading(t.CARD_AREAS_TITLE)
    for area in card.areas:
        writer.graded_heading(area.name, area.grade)
        for para in area.paras:
            writer.para(para)
    if card.next_steps:
        writer.heading("What the school should do next", size=12)
        writer.bullets(card.next_steps)
    _card_back(writer, school, card)
    return writer.output()


def _card_back(writer: PdfWriter, school: School, card: ReportCard) -> None:
    """The back pages: what the grades mean, about the inspection, facts, licence."""
    writer.new_page()
    writer.heading(t.GRADE_DEFINITIONS_TITLE)
    for para in t.GRADE_DEFINITIONS:
        writer.para(para)
    writer.heading(t.CARD_ABOUT_TITLE)
    for para in (*t.CARD_ABOUT, *card.about):
        writer.para(para)
    writer.heading(t.CARD_FACTS_TITLE)
    writer.table(school.details)
    licence_page(writer, card.date.year)


def _eif_header(writer: PdfWriter, school: School, report: EifReport) -> None:
    writer.banner(banner_height(school))
    writer.line(t.EIF_TITLE, style="B", size=11)
    writer.gap(2)
    writer.line(f"Inspection of {school.name}", style="B", size=16, height=8)
    for line in school.address:
        writer.line(line)
    writer.gap(3)
    writer.judgement_row("Inspection dates", report.dates_text, style="B")
    writer.gap(3)
    if report.overall is not None:
        writer.judgement_row("Overall effectiveness", report.overall, style="B")
    for area, grade in report.judgements:
        writer.judgement_row(area, grade)
    writer.judgement_row("Previous inspection grade", report.previous)
    if report.independent:
        writer.gap(2)
        meets = ti.STANDARD_MEETS if report.meets_standards else ti.STANDARD_NOT_MEETS
        writer.line(meets, style="B")
    writer.gap(3)


def eif_report(school: School, report: EifReport) -> bytes:
    """The graded report: judgements table as area/grade lines, the fixed headings, school
    details as a two-column table, information about the inspection, licence page."""
    name = school.footer_name or school.name
    running = Running(head="", footer=f"Inspection report: {name} {report.dates_text}")
    title = ti.STANDARD_TITLE if report.independent else t.EIF_TITLE
    writer = PdfWriter(running, title=f"{title}: {school.name}")
    _eif_header(writer, school, report)
    _sections(writer, ((t.EIF_ATTEND, report.attend), (t.EIF_WELL, report.well)))
    writer.heading(t.EIF_SAFEGUARDING, size=12)
    writer.para(t.EIF_EFFECTIVE if report.safeguarding_effective else t.EIF_NOT_EFFECTIVE)
    for para in report.safeguarding:
        writer.para(para)
    writer.heading(t.EIF_IMPROVE, size=12)
    writer.line(t.EIF_IMPROVE_SUB, style="I", size=9.5)
    writer.gap(1)
    writer.bullets(report.improve)
    fixed = ((t.EIF_FEEDBACK_TITLE, t.EIF_FEEDBACK), (t.EIF_FURTHER_TITLE, t.EIF_FURTHER))
    _sections(writer, fixed)
    if report.background:
        _sections(writer, ((t.EIF_BACKGROUND_TITLE, report.background),))
    writer.heading(t.EIF_DETAILS_TITLE, size=12)
    writer.table(school.details)
    about = ti.STANDARD_PURPOSE if report.independent else t.EIF_ABOUT
    _sections(writer, ((t.EIF_ABOUT_TITLE, (*about, *report.about)),))
    licence_page(writer, report.date.year)
    return writer.output()


def _sections(writer: PdfWriter, sections: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
    for heading, paras in sections:
        writer.heading(heading, size=12)
        for para in paras:
            writer.para(para)
