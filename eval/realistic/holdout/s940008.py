"""940008: a pupil referral unit, once requiring improvement, now at expected standard or better
with safeguarding met, whose capacity is limited by an interim head and teaching vacancies."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Letter, Note, ReportCard, School, cats

SCHOOL = School(
    urn="940008",
    name="Horizons Short Stay School",
    phase="pru",
    address=("Station Approach, Ravensby", "Northdale RV4 9HS"),
    details=maintained(
        "940008",
        "Ravensby",
        "Pupil referral unit",
        "5 to 16",
        "58",
        "The local authority",
        "Ian Mercer (management committee)",
        "Julie Tate (interim)",
        "23 and 24 May 2023",
    ),
    head="Mrs Tate",
    documents=(
        Letter(
            file="monitoring-letter-2024-03.pdf",
            date=d(2024, 3, 14),
            dates_text="27 February 2024",
            verdict="effective",
            previous="May 2023",
            sections=(
                (
                    "Main findings",
                    paras("""
                    Since the inspection, the school has rebuilt its curriculum around the core
                    subjects that pupils will return to in their mainstream schools. Each pupil's
                    starting point is now assessed within a week of arrival.

                    The school has also made sure that staff respond to behaviour in the same way.
                    Physical interventions have fallen sharply, and the pupils I met said that the
                    centre feels safer than a year ago.

                    Work with mainstream schools on reintegration is at an early stage, and some
                    pupils stay longer than planned.
                """),
                ),
            ),
            improve=(
                p("""agree a reintegration plan with each home school when a pupil is admitted"""),
                p("""check that the new curriculum is helping pupils to catch up in science"""),
            ),
            about=paras("""
                I met the headteacher, staff, the chair of the management committee and an officer
                of the local authority, visited lessons and looked at records of behaviour.
            """),
            inspector="Andrew Whitfield",
        ),
        ReportCard(
            file="report-card-2026-03.pdf",
            date=d(2026, 3, 4),
            safeguarding_met=True,
            safeguarding=paras("""
                Staff understand the particular risks pupils at Horizons face, including criminal
                exploitation, and share information with partner agencies quickly.
            """),
            context=paras("""
                Interim headteacher: Julie Tate

                Number of pupils: 58 (primary and secondary)

                Most pupils are dual-registered with a mainstream school.
            """),
            summary=paras("""
                Horizons provides short-term places for pupils who have been excluded or are at
                risk of exclusion. Most return to a mainstream school within two terms.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXPECTED,
                    paras("""
                    The school assesses each pupil's needs on arrival and shares clear plans with
                    their home school.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXPECTED,
                    paras("""
                    Pupils study English, mathematics and science every day, and the school keeps
                    close to what home schools teach so that pupils can return smoothly.
                """),
                ),
                Area(
                    "Achievement",
                    t.EXPECTED,
                    paras("""
                    Most pupils make up lost ground in reading and mathematics during their
                    placement. Older pupils' progress in science could be better.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.EXPECTED,
                    paras("""
                    Attendance has improved and is higher than in similar provision. Staff manage
                    behaviour calmly and consistently.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.STRONG,
                    paras("""
                    The school's work on pupils' well-being is a real strength. Pupils learn to
                    manage their emotions, and a mentoring programme with local employers raises
                    their aspirations.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXPECTED,
                    paras("""
                    The interim headteacher has maintained the school's strengths since the
                    previous headteacher left. The management committee knows the school well.
                """),
                ),
            ),
            next_steps=(
                p("""The school should strengthen the science curriculum for older pupils."""),
            ),
            about=paras("""
                Inspectors met the interim headteacher, staff, members of the management committee
                and a representative of the local authority.
            """),
        ),
        Note(
            file="monitoring-note-2026-05.md",
            kind="visit_note",
            date=d(2026, 5, 7),
            title="Ravensby Council Education Standards Team: Monitoring Note",
            preamble=(
                "Setting: Horizons Short Stay School",
                "Date: 7 May 2026",
                "Adviser: Sarah Kinsella",
            ),
            sections=(
                (
                    "Leadership and staffing",
                    paras("""
                    The substantive headteacher post has been advertised twice without an
                    appointment; Julie Tate will remain interim until at least December. Two of the
                    six teaching posts are vacant and covered by agency staff, and the science post
                    has been vacant since September.
                """),
                ),
                (
                    "Support",
                    paras("""
                    The LA will provide a leadership mentor and broker science teaching support
                    from a secondary school. Provision remains good.
                """),
                ),
            ),
        ),
        Note(
            file="management-committee-2026-06.docx",
            kind="minutes",
            date=d(2026, 6, 16),
            title="Horizons Short Stay School: Management Committee, 16 June 2026",
            preamble=(
                "Present: Ian Mercer (chair), Julie Tate (interim headteacher), five members",
            ),
            sections=(
                (
                    "Safeguarding",
                    paras("""
                    The committee received the termly safeguarding report. The policy sets out how
                    staff report concerns about a pupil, and all agency staff receive a safeguarding
                    briefing before their first session.
                """),
                ),
                (
                    "Reintegration",
                    paras("""
                    Of the 41 pupils who left this year, 33 returned successfully to mainstream
                    schools.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2025-26.csv",
            date=d(2026, 6, 16),
            rows=(
                ("attendance_pct", "74.5", "66.1", "2025/26"),
                ("part_time_timetables", "2", "", "2025/26"),
                ("staff_turnover_pct", "33", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 2,
        "achievement": 2,
        "attendance": 2,
        "behaviour": 2,
        "personal_development": 2,
        "leadership": 2,
        "staffing": 3,
        "safeguarding": 2,
        "inclusion_send": 2,
    },
    categories=cats("established", "light-touch-plus", "prevention", "good"),
    evidence=(
        Ev(
            "personal_development",
            2,
            "report-card-2026-03.pdf",
            "The school's work on pupils' well-being is a real strength.",
        ),
        Ev(
            "attendance",
            2,
            "report-card-2026-03.pdf",
            "Attendance has improved and is higher than in similar provision.",
        ),
        Ev(
            "staffing",
            3,
            "monitoring-note-2026-05.md",
            "Two of the six teaching posts are vacant and covered by agency staff",
        ),
        Ev(
            "leadership",
            2,
            "report-card-2026-03.pdf",
            "The interim headteacher has maintained the school's strengths since the previous "
            "headteacher left.",
        ),
        Ev(
            "safeguarding",
            2,
            "report-card-2026-03.pdf",
            "share information with partner agencies quickly",
        ),
        Ev(
            "behaviour",
            2,
            "monitoring-letter-2024-03.pdf",
            "staff respond to behaviour in the same way",
        ),
        Ev("attendance", 2, "indicators-2025-26.csv", "attendance_pct,74.5,66.1,2025/26"),
    ),
    rationale=p("""
        A pupil referral unit that required improvement in May 2023; the March 2024 monitoring
        letter found leaders taking effective action, and the March 2026 report card grades
        personal development and well-being strong standard and every other area expected
        standard, with safeguarding met; attendance is above alternative provision nationally and
        most pupils return to mainstream. Capacity is the issue: an interim headteacher after two
        failed recruitments and two of six teaching posts (including science) on agency cover.
        Bristol Established (secure; the LA's help is appropriate engagement), Surrey Light Touch+
        (good, with capacity limited by an interim head and temporary staffing), Buckinghamshire
        Prevention (a particular vulnerability with brokered support), Staffordshire Category 2.
        Tricky case: report card met with nothing below expected standard; the 2023 requires
        improvement judgement is superseded by the 2026 report card.
    """),
)
