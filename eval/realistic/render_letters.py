"""Letters as PDF bytes: ungraded (section 8) and monitoring letters, independent-school progress
monitoring reports, and the authority's formal warning notice."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic import templates_independent as ti
from eval.realistic.model import IndependentMonitoring, Letter, School, WarningNotice
from eval.realistic.pdfdoc import PdfWriter, Running
from eval.realistic.render_ofsted import licence_page

UNMET_PART = {
    "safeguarding": 3,
    "health-safety": 3,
    "supervision": 3,
    "risk": 3,
    "attendance-register": 3,
    "staff-checks": 4,
    "central-register": 4,
    "premises": 5,
    "information": 6,
    "leadership": 8,
    "curriculum": 1,
}


def _addressee(writer: PdfWriter, school: School, date_text: str) -> None:
    writer.line(date_text)
    writer.gap(4)
    writer.line(school.head)
    writer.line("Headteacher")
    writer.line(school.name)
    for line in school.address:
        writer.line(line)
    writer.gap(4)
    writer.line(f"Dear {school.head}")
    writer.gap(3)


def _verdict(letter: Letter) -> tuple[str, ...]:
    confirm = f"This is a letter to confirm that, following my visit, {t.LETTER_CONTINUES}"
    return {
        "continues": (confirm,),
        "outstanding": (confirm, t.LETTER_MIGHT_BE_OUTSTANDING),
        "not_as_strong": (f"{confirm} {t.LETTER_NOT_AS_STRONG}",),
        "effective": (t.MONITORING_EFFECTIVE,),
        "not_effective": (t.MONITORING_NOT_EFFECTIVE,),
    }[letter.verdict]


def letter(school: School, item: Letter) -> bytes:
    """An ungraded inspection letter or a monitoring letter, signed, with the licence page."""
    monitoring = item.verdict in ("effective", "not_effective")
    kind = "Monitoring inspection" if monitoring else "Ungraded inspection"
    running = Running(head="", footer=f"{kind} of {school.footer_name or school.name}")
    writer = PdfWriter(running, title=f"{kind} of {school.name}", hyphenate=True)
    _addressee(writer, school, t.long_date(item.date))
    writer.line(f"{kind} of {school.name}", style="B", size=11.5)
    writer.gap(2)
    _letter_opening(writer, item, monitoring)
    for heading, paras in item.sections:
        _section(writer, heading, paras)
    if not monitoring:
        writer.heading(t.EIF_IMPROVE, size=11.5)
        writer.line(t.EIF_IMPROVE_SUB, style="I", size=9.5)
        writer.bullets(item.improve)
        _section(writer, t.EIF_BACKGROUND_TITLE, t.LETTER_BACKGROUND)
    _section(writer, t.EIF_ABOUT_TITLE, item.about)
    if monitoring:
        writer.para(t.MONITORING_COPY)
    _sign(writer, ("Yours sincerely", "", item.inspector, "His Majesty's Inspector"))
    licence_page(writer, item.date.year)
    return writer.output()


def _letter_opening(writer: PdfWriter, item: Letter, monitoring: bool) -> None:
    """Why the inspector writes, the verdict, and (monitoring) the further actions."""
    opening = f"Following my visit to your school on {item.dates_text}, {t.LETTER_CHIEF}"
    if monitoring:
        opening += (
            " This was the first monitoring inspection since the school was judged to require "
            f"improvement in {item.previous}. {t.MONITORING_PROCEDURE}"
        )
    writer.para(opening)
    for para in _verdict(item):
        writer.para(para, style="B" if monitoring else "")
    if monitoring:
        writer.para(t.MONITORING_FURTHER)
        writer.bullets(item.improve)


def _section(writer: PdfWriter, heading: str, paras: tuple[str, ...]) -> None:
    writer.heading(heading, size=11.5)
    for para in paras:
        writer.para(para)


def _sign(writer: PdfWriter, lines: tuple[str, ...]) -> None:
    writer.keep(30)
    writer.gap(3)
    for line in lines:
        writer.line(line)


def independent_monitoring(school: School, report: IndependentMonitoring) -> bytes:
    """Overview, outcome, every Part (its fixed paragraph, then the findings and the outcome),
    the schedule of unmet standards, school details, the licence page."""
    name = school.footer_name or school.name
    running = Running(head=ti.PM_TITLE, footer=f"{name}: {report.dates_text}", numbers="of")
    writer = PdfWriter(running, title=f"{ti.PM_TITLE}: {school.name}", hyphenate=True)
    writer.line(ti.PM_TITLE, style="B", size=12)
    writer.line(school.name, style="B", size=16, height=8)
    for line in school.address:
        writer.line(line)
    writer.gap(3)
    writer.table((("Inspection dates", report.dates_text), *school.details[:2]))
    writer.heading(ti.PM_OVERVIEW, size=12)
    writer.para(report.previous)
    writer.heading(ti.PM_OUTCOME, size=12)
    writer.para(ti.PM_MEETS if report.meets else ti.PM_DOES_NOT_MEET, style="B")
    _parts(writer, report)
    if report.unmet:
        _schedule(writer, report.unmet)
    writer.heading(t.EIF_DETAILS_TITLE, size=12)
    writer.table(school.details)
    _section(writer, t.EIF_ABOUT_TITLE, (*ti.PM_PURPOSE, *report.about))
    licence_page(writer, report.date.year)
    return writer.output()


def _parts(writer: PdfWriter, report: IndependentMonitoring) -> None:
    """Parts 1-8: the fixed paragraph, the findings, then whether the standards are met."""
    writer.heading(ti.PM_FINDINGS, size=12.5)
    for number, (heading, explanation) in ti.PARTS.items():
        findings, status = report.parts.get(number, ((), "not checked"))
        _section(writer, heading, (explanation, *findings))
        writer.para(_status_sentence(status), style="B")


def _status_sentence(status: str) -> str:
    return {
        "met": "The standards in this part are met.",
        "not met": "The standards in this part are not met.",
        "not checked": ti.NOT_CHECKED,
    }[status]


def _schedule(writer: PdfWriter, unmet: tuple[str, ...]) -> None:
    writer.heading(ti.SCHEDULE_TITLE, size=12.5)
    writer.para(ti.SCHEDULE_INTRO)
    for number in sorted({UNMET_PART[key] for key in unmet}):
        writer.line(ti.PARTS[number][0], style="B")
        writer.gap(1)
        writer.bullets([ti.UNMET[key] for key in unmet if UNMET_PART[key] == number])


def warning_notice(school: School, notice: WarningNotice, authority: str) -> bytes:
    """The authority's letter: grounds, numbered required actions with deadlines, the statutory
    paragraphs, signature."""
    running = Running(head=authority, footer=f"{ti.WARNING_TITLE}: {school.name}", numbers="of")
    writer = PdfWriter(running, title=f"{ti.WARNING_TITLE}: {school.name}", hyphenate=True)
    writer.line(authority, style="B", size=13, height=7)
    writer.line("Education, Learning and Skills")
    writer.gap(4)
    writer.line(t.long_date(notice.date))
    writer.gap(3)
    for line in notice.addressee:
        writer.line(line)
    writer.gap(3)
    writer.line(ti.WARNING_TITLE, style="B", size=13, height=7)
    writer.line(ti.WARNING_ACT, style="I")
    writer.gap(2)
    for para in notice.grounds:
        writer.para(para)
    _actions(writer, notice.actions)
    statutory = (ti.WARNING_COMPLIANCE, ti.WARNING_REPRESENTATIONS, ti.WARNING_POWERS)
    _section(writer, "Compliance", statutory)
    _sign(writer, ("Yours sincerely", "", *notice.signatory))
    writer.gap(4)
    writer.para(ti.WARNING_COPIES, size=9)
    return writer.output()


def _actions(writer: PdfWriter, actions: tuple[tuple[str, str], ...]) -> None:
    """Numbered required actions, each with its deadline."""
    writer.heading("Required actions", size=12)
    for number, (action, deadline) in enumerate(actions, start=1):
        writer.para(f"{number}. {action}")
        writer.para(f"Deadline: {deadline}", indent=8, style="I")
