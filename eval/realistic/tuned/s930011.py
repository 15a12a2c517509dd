"""930011: an all-through school whose report card grades achievement and attendance and
behaviour needs attention, while its SEF grades every area strong standard."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, Sef, cats

SCHOOL = School(
    urn="930011",
    name="Riverside Fields School",
    phase="all-through",
    address=("Towpath Way, Wexcombe", "Westshire WX4 6RF"),
    details=maintained(
        "930011",
        "Wexcombe",
        "All-through",
        "3 to 18",
        "1,622",
        "The governing body",
        "Hugh Brennan",
        "Alison Petrie",
        "4 and 5 December 2019",
    ),
    head="Mrs Petrie",
    documents=(
        Sef(
            file="sef-2025-26.docx",
            date=d(2025, 10, 20),
            title="Riverside Fields School: Self-Evaluation Summary 2025-26",
            intro=paras("""
                Riverside Fields is a thriving all-through school. We have graded ourselves against
                the new report card areas.
            """),
            scale_note="Grades: Exceptional / Strong standard / Expected standard / Needs "
            "attention / Urgent improvement.",
            rows=(
                ("Inclusion", "Strong standard", "Inclusive culture; new SEND hub."),
                ("Curriculum and teaching", "Strong standard", "Curriculum reviewed in 2024."),
                ("Achievement", "Strong standard", "Primary outcomes close to national."),
                ("Attendance and behaviour", "Strong standard", "New behaviour policy embedded."),
                ("Personal development and well-being", "Strong standard", "Wide enrichment."),
                ("Leadership and governance", "Strong standard", "Clear vision; stable team."),
                ("Early years", "Strong standard", "Nursery and Reception well led."),
                ("Sixth form", "Strong standard", "Good progression to university."),
            ),
            sections=(
                (
                    "Attendance",
                    paras("""
                    Attendance is a focus for all schools after the pandemic. Our attendance team
                    makes first-day calls and we are confident that attendance is improving.
                """),
                ),
            ),
        ),
        ReportCard(
            file="report-card-2026-04.pdf",
            date=d(2026, 4, 23),
            safeguarding_met=True,
            safeguarding=paras("""
                The safeguarding team is well organised across both phases, and records show that
                pupils at risk receive help quickly.
            """),
            context=paras("""
                Headteacher: Alison Petrie

                Pupils on roll: 1,622, including 214 students in the sixth form

                Phases: nursery to sixth form on one site
            """),
            summary=paras("""
                Riverside Fields opened as an all-through school in 2016 when an infant, a junior
                and a secondary school were combined. It serves an area with high levels of
                deprivation.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXPECTED,
                    paras("""
                    The new SEND hub gives pupils with the most complex needs a calm base, and
                    teachers have useful information about how to support them.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXPECTED,
                    paras("""
                    The curriculum is well planned from the Nursery to Year 13. Teaching in the
                    primary phase is consistently secure. In key stage 4, teaching is more variable,
                    and in some lessons pupils are not expected to do enough.
                """),
                ),
                Area(
                    "Achievement",
                    t.NEEDS,
                    paras("""
                    Outcomes at the end of key stage 4 are well below national averages, and
                    disadvantaged pupils achieve particularly poorly. Attainment 8 fell again in
                    2025. In the primary phase, results are close to national.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.NEEDS,
                    paras("""
                    Attendance in the secondary phase is low and persistent absence is high,
                    particularly among disadvantaged pupils. Suspensions are well above the
                    national rate. In some key stage 4 lessons, low-level disruption goes
                    unchallenged.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.EXPECTED,
                    paras("""
                    Pupils have access to a wide range of clubs, although participation among
                    older pupils could be better.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXPECTED,
                    paras("""
                    Leaders have correctly identified attendance and key stage 4 outcomes as
                    priorities, and their plans are sensible. However, the school's own
                    evaluation is more positive than the evidence supports.
                """),
                ),
                Area(
                    "Early years",
                    t.STRONG,
                    paras("""
                    Children in the Nursery and Reception get off to a very strong start. Adults
                    develop children's language expertly.
                """),
                ),
                Area(
                    "Sixth form",
                    t.EXPECTED,
                    paras("""
                    Students study a suitable range of courses and receive helpful guidance about
                    their next steps.
                """),
                ),
            ),
            next_steps=(
                p("""Leaders should raise attendance and reduce suspensions in the secondary
                   phase."""),
                p("""Leaders should improve the consistency of teaching in key stage 4 so that
                   pupils, especially disadvantaged pupils, achieve well."""),
            ),
            about=paras("""
                Inspectors met leaders of all phases, governors and a representative of the local
                authority. They visited lessons from the Nursery to Year 13.
            """),
        ),
        Note(
            file="visit-note-2026-06.txt",
            kind="visit_note",
            date=d(2026, 6, 9),
            title="Wexcombe School Improvement: Raising Achievement Visit",
            preamble=("School: Riverside Fields School", "Date: 9 June 2026", "SIO: Kavita Rao"),
            sections=(
                (
                    "Progress since the report card",
                    paras("""
                    A raising achievement plan has been agreed. Secondary attendance this year is
                    89.7%, still below national, and 96 suspensions have been issued since
                    September.

                    The SEF has been rewritten since the inspection and now grades achievement and
                    attendance and behaviour as needs attention. Leaders have asked for support
                    from a secondary attendance lead in another authority school.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("attendance_pct", "90.2", "93.1", "2024/25"),
                ("persistent_absence_pct", "24.9", "17.8", "2024/25"),
                ("ks4_attainment8", "39.6", "45.9", "2024/25"),
                ("ks4_progress8", "-0.38", "0.0", "2023/24"),
                ("ks2_rwm_expected_pct", "60", "62", "2024/25"),
                ("suspension_rate", "16.4", "11.0", "2024/25"),
            ),
        ),
    ),
    aspects={
        "achievement": 3,
        "attendance": 3,
        "behaviour": 3,
        "curriculum_teaching": 2,
        "early_years": 2,
        "leadership": 2,
        "safeguarding": 2,
        "inclusion_send": 2,
        "personal_development": 2,
    },
    categories=cats("developing", "support-and-challenge", "prevention", "satisfactory"),
    evidence=(
        Ev(
            "achievement",
            3,
            "report-card-2026-04.pdf",
            "Outcomes at the end of key stage 4 are well below national averages, and "
            "disadvantaged pupils achieve particularly poorly.",
        ),
        Ev(
            "attendance",
            3,
            "report-card-2026-04.pdf",
            "Attendance in the secondary phase is low and persistent absence is high",
        ),
        Ev(
            "behaviour",
            3,
            "report-card-2026-04.pdf",
            "Suspensions are well above the national rate.",
        ),
        Ev(
            "leadership",
            2,
            "report-card-2026-04.pdf",
            "the school's own evaluation is more positive than the evidence supports",
        ),
        Ev(
            "attendance",
            3,
            "visit-note-2026-06.txt",
            "Secondary attendance this year is 89.7%, still below national",
        ),
        Ev("achievement", 3, "indicators-2024-25.csv", "ks4_attainment8,39.6,45.9,2024/25"),
        Ev(
            "early_years",
            2,
            "report-card-2026-04.pdf",
            "Children in the Nursery and Reception get off to a very strong start.",
        ),
        Ev(
            "safeguarding",
            2,
            "report-card-2026-04.pdf",
            "records show that pupils at risk receive help quickly",
        ),
    ),
    rationale=p("""
        The April 2026 report card grades achievement and attendance and behaviour needs attention
        (secondary outcomes, attendance and suspensions), early years strong standard and the other
        areas expected standard, safeguarding met. The October 2025 SEF graded every area strong
        standard; the report card says the school's evaluation is more positive than the evidence,
        and the SEF has since been rewritten. Data confirm it. Bristol Developing, Surrey Support
        and Challenge (needs attention), Buckinghamshire Prevention, Staffordshire Category 3.
        Tricky case: an over-graded SEF table on the report card scale.
    """),
)
