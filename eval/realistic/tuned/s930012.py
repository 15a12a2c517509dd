"""930012: a secondary school that requires improvement (2023) and whose monitoring letter finds
leaders are not taking effective action; several vulnerabilities at once."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Letter, Note, School, cats

SCHOOL = School(
    urn="930012",
    name="Moorgate High School",
    phase="secondary",
    address=("Moorgate Road, Halbury", "Westshire HB8 1XE"),
    details=maintained(
        "930012",
        "Halbury",
        "Secondary",
        "11 to 16",
        "742",
        "The governing body",
        "Vacant (vice-chair: Imran Siddiqui)",
        "Karen Blythe",
        "23 and 24 January 2019",
    ),
    head="Mrs Blythe",
    documents=(
        EifReport(
            file="ofsted-report-2023-09.pdf",
            date=d(2023, 9, 28),
            dates_text="27 and 28 September 2023",
            overall=t.RI,
            judgements=(
                ("The quality of education", t.RI),
                ("Behaviour and attitudes", t.RI),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.RI),
            ),
            previous=t.GOOD,
            attend=paras("""
                Many pupils enjoy their time at Moorgate and value the support of their tutors.
                However, too many lessons are disrupted, and some pupils say that poor behaviour in
                corridors makes them anxious. Attendance is low.
            """),
            well=paras("""
                The curriculum is broad, but in several subjects it is not well sequenced, and
                teachers' expectations vary. Pupils do not achieve as well as they should,
                particularly disadvantaged pupils.

                Leaders have introduced a new behaviour system, but it is not yet applied
                consistently. Suspensions are high.

                The personal development programme is strong. Pupils learn about healthy
                relationships, and careers guidance is effective.
            """),
            safeguarding_effective=True,
            improve=(
                p("""Leaders should make sure that the curriculum in all subjects is well sequenced
                   and that teachers have high expectations."""),
                p("""Leaders should make sure that the behaviour system is applied
                    consistently."""),
            ),
            about=paras("""
                Inspectors met the headteacher, senior leaders, governors and a representative of
                the local authority. They carried out deep dives in English, mathematics, science,
                history and art.
            """),
        ),
        Letter(
            file="monitoring-letter-2025-03.pdf",
            date=d(2025, 3, 20),
            dates_text="4 March 2025",
            verdict="not_effective",
            previous="September 2023",
            sections=(
                (
                    "Main findings",
                    paras("""
                    Leaders' plans since the inspection have changed several times, and staff are
                    unclear about what is expected. The curriculum work begun in 2023 has stalled in
                    most subjects, because four subject leaders have left and not been replaced.

                    Behaviour has not improved. Suspensions have risen, and in some lessons I
                    visited pupils talked over the teacher without challenge.

                    Governors have not held leaders to account for the pace of improvement. Several
                    governor posts are vacant, and the last two meetings were not quorate.
                """),
                ),
            ),
            improve=(
                p("""establish a single, stable improvement plan and check its impact"""),
                p("""make sure that the behaviour system is applied consistently by all staff"""),
                p("""strengthen governance so that leaders are held to account"""),
            ),
            about=paras("""
                I met the headteacher, senior leaders, the vice-chair of governors and a
                representative of the local authority. I visited lessons with leaders and looked
                at records of behaviour and attendance.
            """),
            inspector="Derek Stannard",
        ),
        Note(
            file="visit-note-2026-01.docx",
            kind="visit_note",
            date=d(2026, 1, 21),
            title="Halbury Council: Raising Achievement Visit, Moorgate High School",
            preamble=("Date: 21 January 2026", "SIO: Paul Garside"),
            sections=(
                (
                    "Findings",
                    paras("""
                    Progress 8 in 2025 was -0.46, the third year below national. Staff turnover was
                    29% last year, and there are vacancies in English, science and modern
                    languages.

                    The budget is in deficit by 3.1% of income and the school has no recovery plan
                    yet. There are four governor vacancies, including the chair.

                    The headteacher recognises the scale of the challenge and has agreed to a
                    brokered partnership with a National Leader of Education.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    The single central record was checked and is compliant. The safeguarding policy
                    sets out how staff report concerns about a pupil, and staff spoken to knew the
                    procedure.
                """),
                ),
            ),
        ),
        Note(
            file="fgb-minutes-2025-12.md",
            kind="minutes",
            date=d(2025, 12, 10),
            title="Moorgate High School: Governing Body, 10 December 2025",
            preamble=("Present: vice-chair and three governors; headteacher",),
            sections=(
                (
                    "Quorum",
                    paras("""
                    The meeting was not quorate, so no decisions were taken. Items were noted for
                    information only.
                """),
                ),
                (
                    "Information items",
                    paras("""
                    The headteacher reported that across the authority's secondary schools
                    suspensions have risen, and that eleven schools now have a licensed deficit.
                    The vice-chair asked the LA to help recruit governors.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("ks4_progress8", "-0.46", "0.0", "2024/25"),
                ("ks4_attainment8", "39.8", "45.9", "2024/25"),
                ("attendance_pct", "88.9", "91.0", "2024/25"),
                ("suspension_rate", "31.5", "17.8", "2024/25"),
                ("staff_turnover_pct", "29", "", "2024/25"),
                ("budget_balance_pct", "-3.1", "", "2025/26"),
                ("governor_vacancies", "4", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 3,
        "behaviour": 3,
        "achievement": 3,
        "attendance": 3,
        "leadership": 3,
        "governance": 3,
        "staffing": 3,
        "finance_estates": 3,
        "safeguarding": 2,
        "personal_development": 2,
    },
    categories=cats("developing", "support-and-challenge", "intervention", "satisfactory"),
    evidence=(
        Ev(
            "leadership",
            3,
            "monitoring-letter-2025-03.pdf",
            "Leaders' plans since the inspection have changed several times, and staff are unclear "
            "about what is expected.",
        ),
        Ev(
            "governance",
            3,
            "monitoring-letter-2025-03.pdf",
            "Governors have not held leaders to account for the pace of improvement.",
        ),
        Ev("behaviour", 3, "monitoring-letter-2025-03.pdf", "Behaviour has not improved."),
        Ev(
            "achievement",
            3,
            "visit-note-2026-01.docx",
            "Progress 8 in 2025 was -0.46, the third year below national.",
        ),
        Ev(
            "finance_estates",
            3,
            "visit-note-2026-01.docx",
            "The budget is in deficit by 3.1% of income and the school has no recovery plan yet.",
        ),
        Ev("staffing", 3, "visit-note-2026-01.docx", "Staff turnover was 29% last year"),
        Ev(
            "governance",
            3,
            "fgb-minutes-2025-12.md",
            "The meeting was not quorate, so no decisions were taken.",
        ),
        Ev(
            "safeguarding",
            2,
            "visit-note-2026-01.docx",
            "The single central record was checked and is compliant.",
        ),
        Ev("attendance", 3, "indicators-2024-25.csv", "attendance_pct,88.9,91.0,2024/25"),
    ),
    rationale=p("""
        Requires improvement in September 2023 (overall effectiveness RI; personal development
        good; safeguarding effective). The March 2025 monitoring letter finds leaders are not taking
        effective action; in 2026 outcomes, attendance and behaviour remain weak, turnover is 29%,
        the budget is 3.1% in deficit with no plan, four governor posts are vacant and meetings are
        inquorate. No inadequate judgement, warning notice or safeguarding failure. Bristol
        Developing (partially secure, leadership and governance need external support), Surrey
        Support and Challenge (RI), Buckinghamshire Intervention (several significant
        vulnerabilities at once needing champions), Staffordshire Category 3. Tricky case: 'not
        taking effective action' is a monitoring verdict, not an inadequate grade.
    """),
)
