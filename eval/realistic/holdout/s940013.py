"""940013: a special school with one of the first report cards (November 2025): inclusion strong
standard, everything else expected standard, safeguarding met."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, Sef, cats

SCHOOL = School(
    urn="940013",
    name="Meadowbank School",
    phase="special",
    address=("Meadowbank Road, Pennmoor", "Northdale PN8 2MB"),
    details=maintained(
        "940013",
        "Pennmoor",
        "Community special",
        "4 to 19",
        "188",
        "The governing body",
        "Andrew Pell",
        "Kirsty Lomax",
        "6 and 7 February 2019",
    ),
    head="Ms Lomax",
    documents=(
        ReportCard(
            file="report-card-2025-11.pdf",
            date=d(2025, 11, 27),
            safeguarding_met=True,
            safeguarding=paras("""
                Staff are trained to recognise the signs of abuse in pupils who cannot easily tell
                them what is wrong, and they record and report even small changes.
            """),
            context=paras("""
                Headteacher: Kirsty Lomax

                Number of pupils: 188, including 39 students aged 16 to 19

                All pupils have an education, health and care plan.
            """),
            summary=paras("""
                Meadowbank is a special school for pupils with moderate and severe learning
                difficulties, many of whom are also autistic.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.STRONG,
                    paras("""
                    The school's knowledge of each pupil is detailed and precise. Staff use it to
                    plan learning that enables pupils with a wide range of needs to take part fully
                    and to become more independent.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXPECTED,
                    paras("""
                    The curriculum is well matched to pupils' needs. Teaching of communication is
                    consistent across the school; in some classes, mathematics could be better
                    sequenced for the pupils with the most complex needs.
                """),
                ),
                Area(
                    "Achievement",
                    t.EXPECTED,
                    paras("""
                    Pupils make steady progress towards the targets in their plans, and most
                    students leave with accredited qualifications and a planned next step.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.EXPECTED,
                    paras("""
                    Attendance is in line with that of similar schools. Staff support pupils well
                    to manage their behaviour.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.EXPECTED,
                    paras("""
                    Pupils learn to travel independently and to look after their health.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXPECTED,
                    paras("""
                    Leaders and governors have an accurate understanding of the school's strengths
                    and of what to improve next.
                """),
                ),
                Area(
                    "Sixth form",
                    t.EXPECTED,
                    paras("""
                    Students follow well-planned pathways to supported employment or college.
                """),
                ),
            ),
            next_steps=(
                p("""The school should refine its mathematics curriculum for pupils with the most
                   complex needs."""),
            ),
            about=paras("""
                Inspectors met the headteacher, leaders, staff and governors, and spoke with a
                representative of the local authority.
            """),
        ),
        Sef(
            file="sef-2026-01.docx",
            date=d(2026, 1, 16),
            title="Meadowbank School Self-Evaluation, January 2026",
            intro=paras("""
                Updated after our report card. Grades follow the report card areas.
            """),
            scale_note="Five-point report card scale.",
            rows=(
                ("Inclusion", "Strong standard", "As judged in November 2025."),
                ("Curriculum and teaching", "Expected standard", "Maths pathway rewrite begun."),
                ("Achievement", "Expected standard", "92% of leavers to planned destinations."),
                ("Attendance and behaviour", "Expected standard", "Attendance 89.8%."),
                ("Personal development and well-being", "Expected standard", "Travel training."),
                ("Leadership and governance", "Expected standard", "Stable leadership."),
                ("Sixth form", "Expected standard", "Supported internships expanded."),
            ),
            sections=(),
        ),
        Note(
            file="governors-minutes-2026-03.txt",
            kind="minutes",
            date=d(2026, 3, 10),
            title="Meadowbank School - Governing Body - 10 March 2026",
            preamble=("Present: Andrew Pell (chair), Kirsty Lomax, ten governors",),
            sections=(
                (
                    "Finance",
                    paras("""
                    The budget is balanced, with a small carry-forward of 1.9% of income.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    The child protection policy sets out how staff report concerns about a pupil.
                    The safeguarding governor's visit report was received.
                """),
                ),
                (
                    "Other business",
                    paras("""
                    Governors noted that nationally the number of pupils with EHC plans continues to
                    rise and that Pennmoor is consulting on a new special school.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("attendance_pct", "89.8", "87.5", "2024/25"),
                ("budget_balance_pct", "1.9", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "inclusion_send": 2,
        "curriculum_teaching": 2,
        "achievement": 2,
        "attendance": 2,
        "behaviour": 2,
        "personal_development": 2,
        "leadership": 2,
        "governance": 2,
        "safeguarding": 2,
        "finance_estates": 2,
    },
    categories=cats("established", "light-touch", "enhancement", "good"),
    evidence=(
        Ev(
            "inclusion_send",
            2,
            "report-card-2025-11.pdf",
            "The school's knowledge of each pupil is detailed and precise.",
        ),
        Ev(
            "safeguarding",
            2,
            "report-card-2025-11.pdf",
            "they record and report even small changes",
        ),
        Ev(
            "leadership",
            2,
            "report-card-2025-11.pdf",
            "Leaders and governors have an accurate understanding of the school's strengths and of "
            "what to improve next.",
        ),
        Ev(
            "achievement",
            2,
            "report-card-2025-11.pdf",
            "most students leave with accredited qualifications and a planned next step",
        ),
        Ev(
            "finance_estates",
            2,
            "governors-minutes-2026-03.txt",
            "The budget is balanced, with a small carry-forward of 1.9% of income.",
        ),
        Ev("attendance", 2, "indicators-2024-25.csv", "attendance_pct,89.8,87.5,2024/25"),
    ),
    rationale=p("""
        A special school. The November 2025 report card grades inclusion strong standard and every
        other area, including the sixth form, expected standard, with safeguarding met; the SEF
        agrees, the budget is balanced and attendance is above similar schools. The maths hedge
        ('could be better sequenced') is a next step inside an expected-standard area. Bristol
        Established, Surrey Light Touch, Buckinghamshire Enhancement, Staffordshire Category 2.
        Tricky case: report card met with no area below expected, so no bottom category.
    """),
)
