"""930006: an adverse primary: report card with safeguarding not met and leadership and governance
urgent improvement, then a formal warning notice from the authority."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, WarningNotice, cats

SCHOOL = School(
    urn="930006",
    name="St Wulfran's Church of England Primary School",
    phase="primary",
    address=("Church Street, Ebbsford, Wexcombe", "Westshire WX9 1RU"),
    details=maintained(
        "930006",
        "Wexcombe",
        "Primary",
        "4 to 11",
        "196",
        "The governing body",
        "Rev Canon Peter Asquith",
        "Janet Moss",
        "8 and 9 May 2018",
    ),
    head="Mrs Moss",
    footer_name="St Wulfran's CofE Primary School",
    documents=(
        Note(
            file="fgb-minutes-2026-01.docx",
            kind="minutes",
            date=d(2026, 1, 14),
            title="St Wulfran's CE Primary: Full Governing Body Minutes, 14 January 2026",
            preamble=(
                "Present: Rev Canon Peter Asquith (chair), Janet Moss (headteacher), "
                "four governors",
                "Apologies: two governors. Vacancies: three (two parent, one LA governor)",
            ),
            sections=(
                (
                    "Headteacher's report",
                    paras("""
                    The headteacher reported that safeguarding is effective and that the single
                    central record is up to date. No questions were asked.

                    The chair noted that nationally more schools are now receiving report cards
                    and that the diocese has offered mock inspection support to all its schools.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    The safeguarding policy was re-adopted without changes. It sets out how staff
                    report concerns about a pupil to the designated safeguarding lead. The named
                    safeguarding governor post remains vacant.
                """),
                ),
            ),
        ),
        ReportCard(
            file="report-card-2026-02.pdf",
            date=d(2026, 2, 25),
            safeguarding_met=False,
            safeguarding=paras("""
                Leaders have not made sure that the required checks are completed before adults
                start work. Two volunteers helped in classrooms for several weeks before their
                checks were received, and the single central record had not been updated since
                the summer.

                Concerns about pupils are not always passed on promptly. In one case, a concern
                raised by a teacher was not referred to children's social care for eleven days.
                Governors have not checked that leaders fulfil these duties.
            """),
            context=paras("""
                Headteacher: Janet Moss

                Pupils on roll: 196

                Religious character: Church of England (Diocese of Wexcombe)
            """),
            summary=paras("""
                St Wulfran's is a smaller-than-average village primary school. Most pupils travel
                from the surrounding villages. The school's previous graded inspection was in May
                2018.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXPECTED,
                    paras("""
                    Teachers know pupils with SEND well and adapt lessons sensibly. Support plans
                    are reviewed with parents each term.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXPECTED,
                    paras("""
                    The curriculum is broad and sets out what pupils should learn in each year.
                    Teaching in reading and mathematics is generally secure, although some
                    foundation subjects could be better sequenced in the mixed-age classes.
                """),
                ),
                Area(
                    "Achievement",
                    t.NEEDS,
                    paras("""
                    Results at the end of key stage 2 have been below the national figures for two
                    years, particularly in writing. Pupils do not write at length often enough, and
                    too few reach the expected standard by the end of Year 6.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.EXPECTED,
                    paras("""
                    Pupils behave well and attend regularly. They are kind to one another.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.EXPECTED,
                    paras("""
                    Pupils learn about different faiths and cultures, and older pupils enjoy
                    responsibilities such as running the school's tuck shop.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.URGENT,
                    paras("""
                    Leaders and governors do not have an accurate view of the school. They have not
                    fulfilled their statutory safeguarding duties, and they were unaware of the
                    weaknesses that inspectors found.

                    The governing body has three vacancies and has not met its responsibilities to
                    hold leaders to account. Governors accept what they are told without checking
                    it, and minutes show few questions about pupils' outcomes or safety.
                """),
                ),
                Area(
                    "Early years",
                    t.EXPECTED,
                    paras("""
                    Children in Reception get off to a secure start in reading. Adults make good
                    use of the outdoor area.
                """),
                ),
            ),
            next_steps=(
                p("""Leaders and governors must make sure that all required checks are completed
                   before adults start work, and that the single central record is kept up to
                   date."""),
                p("""Leaders must make sure that concerns about pupils are referred to the right
                   agencies without delay."""),
                p("""Governors should fill their vacancies and check the information leaders give
                   them."""),
            ),
            about=paras("""
                Inspectors met the headteacher, the chair of governors, a representative of the
                diocese and a representative of the local authority. They scrutinised safeguarding
                records, including the single central record, and spoke to staff and pupils.
            """),
        ),
        WarningNotice(
            file="warning-notice-2026-03.pdf",
            date=d(2026, 3, 9),
            addressee=(
                "Rev Canon Peter Asquith",
                "Chair of the Governing Body",
                "St Wulfran's Church of England Primary School",
                "Church Street, Ebbsford",
            ),
            grounds=paras("""
                Dear Canon Asquith

                I am writing to give the governing body of St Wulfran's Church of England Primary
                School formal notice that the local authority is satisfied that the safety of
                pupils or staff at the school is threatened, and that there has been a serious
                breakdown in the way the school is managed or governed.

                The report card published on 25 February 2026 found that safeguarding standards
                are not met and graded leadership and governance as urgent improvement. The
                authority's own safeguarding audit on 4 March 2026 confirmed that checks on two
                volunteers were still missing from the single central record.
            """),
            actions=(
                (
                    p("""Complete a full audit of the single central record, with every missing
                    check obtained or the adult concerned withdrawn from the school."""),
                    "20 March 2026",
                ),
                (
                    p("""Commission an external safeguarding review through the local authority and
                    act on its findings."""),
                    "17 April 2026",
                ),
                (
                    p("""Fill the vacancy for a safeguarding governor and agree a termly programme
                    of safeguarding monitoring visits."""),
                    "17 April 2026",
                ),
                (
                    p("""Submit a rapid improvement plan, agreed with the local authority and the
                    diocese, covering safeguarding, governance and writing."""),
                    "1 May 2026",
                ),
            ),
            signatory=("Alison Grieve", "Director of Education and Skills", "Wexcombe Council"),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("ks2_rwm_expected_pct", "55", "62", "2024/25"),
                ("phonics_expected_pct", "79", "80", "2024/25"),
                ("attendance_pct", "95.2", "94.9", "2024/25"),
                ("governor_vacancies", "3", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "safeguarding": 4,
        "leadership": 4,
        "governance": 4,
        "achievement": 3,
        "curriculum_teaching": 2,
        "attendance": 2,
        "behaviour": 2,
        "early_years": 2,
        "inclusion_send": 2,
    },
    categories=cats("causing-concern", "support-and-challenge-plus", "intervention", "inadequate"),
    evidence=(
        Ev(
            "safeguarding",
            4,
            "report-card-2026-02.pdf",
            "Leaders have not made sure that the required checks are completed before adults start "
            "work.",
        ),
        Ev(
            "safeguarding",
            4,
            "report-card-2026-02.pdf",
            "a concern raised by a teacher was not referred to children's social care for eleven "
            "days",
        ),
        Ev(
            "leadership",
            4,
            "report-card-2026-02.pdf",
            "Leaders and governors do not have an accurate view of the school.",
        ),
        Ev(
            "governance",
            4,
            "report-card-2026-02.pdf",
            "Governors accept what they are told without checking it",
        ),
        Ev(
            "achievement",
            3,
            "report-card-2026-02.pdf",
            "Results at the end of key stage 2 have been below the national figures for two years, "
            "particularly in writing.",
        ),
        Ev(
            "safeguarding",
            4,
            "warning-notice-2026-03.pdf",
            "confirmed that checks on two volunteers were still missing from the single central "
            "record",
        ),
        Ev("behaviour", 2, "report-card-2026-02.pdf", "Pupils behave well and attend regularly."),
        Ev("achievement", 3, "indicators-2024-25.csv", "ks2_rwm_expected_pct,55,62,2024/25"),
    ),
    rationale=p("""
        The February 2026 report card finds safeguarding standards not met (missing checks on
        volunteers, an out-of-date single central record, an eleven-day delay in a referral) and
        grades leadership and governance urgent improvement and achievement needs attention; the
        other areas are expected standard. The authority then issued a formal warning notice on 9
        March 2026. The January minutes' 'safeguarding is effective' is the school's own,
        contradicted claim. Safeguarding not met, an urgent improvement grade and a warning notice
        are each limiting: Bristol Causing Concern, Surrey Support and Challenge+, Buckinghamshire
        Intervention, Staffordshire Category 4. Tricky case: a real adverse school with most areas
        at expected standard.
    """),
)
