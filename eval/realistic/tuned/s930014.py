"""930014: a secondary school whose report card grades inclusion needs attention; its visit note
reports that a federation partner's safeguarding was found not met."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, cats

SCHOOL = School(
    urn="930014",
    name="Castle Brook School",
    phase="secondary",
    address=("Keep Street, Wexcombe", "Westshire WX8 3CB"),
    details=maintained(
        "930014",
        "Wexcombe",
        "Secondary (federated)",
        "11 to 16",
        "936",
        "The governing body",
        "Yvonne Barker",
        "Richard Lamb (executive headteacher)",
        "26 and 27 April 2022",
    ),
    head="Mr Lamb",
    documents=(
        ReportCard(
            file="report-card-2025-12.pdf",
            date=d(2025, 12, 4),
            safeguarding_met=True,
            safeguarding=paras("""
                Staff are alert to signs that pupils may be at risk, including from exploitation,
                and leaders work closely with the police school liaison officer.
            """),
            context=paras("""
                Executive headteacher: Richard Lamb

                Pupils on roll: 936

                Federation: Castle Brook and Elmhurst Schools Federation
            """),
            summary=paras("""
                Castle Brook is federated with Elmhurst School. The two schools share an executive
                headteacher and a governing body, and each has a head of school.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.NEEDS,
                    paras("""
                    Leaders do not have an accurate picture of the needs of pupils receiving SEN
                    support. Support plans are often out of date, and teachers do not use them to
                    adapt their teaching. The school's provision map does not show how the
                    notional SEN budget is spent or what difference the support makes.

                    Pupils with education, health and care plans receive the support set out in
                    their plans.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXPECTED,
                    paras("""
                    The curriculum is well organised, and teachers explain new content clearly.
                    In English and science, teachers check pupils' understanding skilfully.
                """),
                ),
                Area(
                    "Achievement",
                    t.EXPECTED,
                    paras("""
                    Pupils achieve in line with others nationally by the end of Year 11, although
                    pupils receiving SEN support do less well than their peers.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.EXPECTED,
                    paras("""
                    Pupils behave well and attendance is close to the national figure.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.EXPECTED,
                    paras("""
                    The curriculum for personal development is well planned and pupils speak
                    confidently about healthy relationships.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXPECTED,
                    paras("""
                    Leaders have improved the curriculum and behaviour since 2022. Governors
                    challenge leaders well on most priorities, but they have not checked the
                    effectiveness of SEN support.
                """),
                ),
            ),
            next_steps=(
                p("""Leaders should make sure that the needs of pupils receiving SEN support are
                   accurately identified and that teachers use this information to adapt
                   teaching."""),
            ),
            about=paras("""
                Inspectors met the executive headteacher, the head of school, the special
                educational needs coordinator and governors. They reviewed a sample of pupils'
                support plans.
            """),
        ),
        Note(
            file="visit-note-2026-01.txt",
            kind="visit_note",
            date=d(2026, 1, 15),
            title="Wexcombe School Improvement: Note of Visit",
            preamble=("School: Castle Brook School", "Date: 15 January 2026", "SIO: Kavita Rao"),
            sections=(
                (
                    "Federation context",
                    paras("""
                    Elmhurst School, Castle Brook's federation partner, had a report card in
                    November in which safeguarding standards were not met. The LA has placed
                    Elmhurst in its Causing Concern category. Castle Brook's own safeguarding was
                    found to be met, and its single central record is kept separately.
                """),
                ),
                (
                    "Inclusion",
                    paras("""
                    The new SENCo started in January. An audit found 64 pupils on the SEN register
                    without a current support plan. Leaders have asked for the LA's SEND adviser to
                    review the provision map.
                """),
                ),
                (
                    "Capacity",
                    paras("""
                    The executive headteacher is spending three days a week at Elmhurst, so the
                    head of school at Castle Brook is leading the SEND work.
                """),
                ),
            ),
        ),
        Note(
            file="governors-minutes-2026-02.md",
            kind="minutes",
            date=d(2026, 2, 10),
            title="Castle Brook and Elmhurst Federation: Governing Body, 10 February 2026",
            preamble=("Present: Yvonne Barker (chair), executive headteacher, nine governors",),
            sections=(
                (
                    "Castle Brook",
                    paras("""
                    The head of school reported that SEN support plans for all 64 pupils will be
                    rewritten by Easter, and that the provision map will set out the use of the
                    notional SEN budget.
                """),
                ),
                (
                    "Elmhurst",
                    paras("""
                    Governors discussed Elmhurst's rapid improvement plan and the LA's intensive
                    support. These items relate to Elmhurst only.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("ks4_progress8", "-0.02", "0.0", "2024/25"),
                ("ks4_attainment8", "45.2", "45.9", "2024/25"),
                ("attendance_pct", "90.7", "91.0", "2024/25"),
                ("suspension_rate", "15.1", "17.8", "2024/25"),
            ),
        ),
    ),
    aspects={
        "inclusion_send": 3,
        "curriculum_teaching": 2,
        "achievement": 2,
        "attendance": 2,
        "behaviour": 2,
        "personal_development": 2,
        "leadership": 2,
        "safeguarding": 2,
    },
    categories=cats("developing", "support-and-challenge", "prevention", "satisfactory"),
    evidence=(
        Ev(
            "inclusion_send",
            3,
            "report-card-2025-12.pdf",
            "Leaders do not have an accurate picture of the needs of pupils receiving SEN support.",
        ),
        Ev(
            "inclusion_send",
            3,
            "report-card-2025-12.pdf",
            "The school's provision map does not show how the notional SEN budget is spent or what "
            "difference the support makes.",
        ),
        Ev(
            "inclusion_send",
            3,
            "visit-note-2026-01.txt",
            "An audit found 64 pupils on the SEN register without a current support plan.",
        ),
        Ev(
            "safeguarding",
            2,
            "visit-note-2026-01.txt",
            "Castle Brook's own safeguarding was found to be met",
        ),
        Ev(
            "achievement",
            2,
            "report-card-2025-12.pdf",
            "Pupils achieve in line with others nationally by the end of Year 11",
        ),
        Ev(
            "behaviour",
            2,
            "report-card-2025-12.pdf",
            "Pupils behave well and attendance is close to the national figure.",
        ),
    ),
    rationale=p("""
        The December 2025 report card grades inclusion needs attention (SEN support plans out of
        date, a provision map that does not account for the notional SEN budget) and every other
        area expected standard, with safeguarding met. The January 2026 visit finds 64 pupils
        without a current plan and leaders asking for the LA's SEND adviser. Bristol Developing
        (provision for SEND needs improvement, provision mapping incomplete; capped by the needs
        attention grade), Surrey Support and Challenge, Buckinghamshire Prevention, Staffordshire
        Category 3. Tricky case: the visit note and minutes report that the federation partner
        Elmhurst had safeguarding not met and is in the LA's Causing Concern category, which is
        not about Castle Brook.
    """),
)
