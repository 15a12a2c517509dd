"""940009: an all-through school judged good in June 2024 (with overall effectiveness) whose
report still names a weaker sixth form; a small licensed deficit and a new headteacher."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Note, School, cats

SCHOOL = School(
    urn="940009",
    name="Marsh Lane School",
    phase="all-through",
    address=("Marsh Lane, Pennmoor", "Northdale PN2 7ML"),
    details=maintained(
        "940009",
        "Pennmoor",
        "All-through",
        "4 to 18",
        "1,395",
        "The governing body",
        "Hilary Stanton",
        "Marcus Greene",
        "8 and 9 March 2017",
    ),
    head="Mr Greene",
    documents=(
        EifReport(
            file="inspection-report-2024-06.pdf",
            date=d(2024, 6, 13),
            dates_text="12 and 13 June 2024",
            overall=t.GOOD,
            judgements=(
                ("The quality of education", t.GOOD),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.GOOD),
                ("Early years provision", t.GOOD),
                ("Sixth-form provision", t.GOOD),
            ),
            previous=t.GOOD,
            attend=paras("""
                Pupils of all ages get on well together at Marsh Lane. The youngest children look
                up to the older pupils who read with them. Pupils feel safe and behave well.
            """),
            well=paras("""
                The school has planned its curriculum carefully from Reception to Year 11, so that
                pupils build on what they learned before. Pupils achieve well at the end of both
                key stage 2 and key stage 4.

                The sixth form is not as strong as the rest of the school. Too many students
                leave before the end of Year 13, and results in a few A-level subjects are lower
                than in others. The school has begun to improve guidance on course choices.

                Children in Reception learn phonics from the start and develop early number sense
                well.
            """),
            safeguarding_effective=True,
            improve=(
                p("""In the sixth form, too many students do not complete their courses. The school
                   should make sure that guidance on course choices helps more students to
                   finish them."""),
            ),
            background=paras("""
                The school was formed in 2015 when a primary and a secondary school on adjoining
                sites were combined.
            """),
            about=paras("""
                Inspectors met the headteacher, phase leaders, the head of sixth form and governors.
                They carried out deep dives in early reading, mathematics, science, history and
                A-level psychology.
            """),
        ),
        Note(
            file="sip-record-2025-12.docx",
            kind="visit_note",
            date=d(2025, 12, 2),
            title="Pennmoor Council: School Improvement Partner Record of Visit",
            preamble=("School: Marsh Lane School", "Date: 2 December 2025", "SIP: Jonathan Reeve"),
            sections=(
                (
                    "1. Leadership",
                    paras("""
                    Marcus Greene took up the headship in September 2025, after the previous
                    headteacher retired. The senior team is otherwise unchanged.
                """),
                ),
                (
                    "2. Finance",
                    paras("""
                    The school has a licensed deficit of 1.4% of income, with a three-year recovery
                    plan agreed with the LA; the plan is on track.
                """),
                ),
                (
                    "3. Sixth form",
                    paras("""
                    Retention into Year 13 rose to 86% this year, and the new head of sixth form
                    has introduced mentoring for every student.
                """),
                ),
                (
                    "4. Support",
                    paras("""
                    The new headteacher has asked for a mentor from the LA's headteacher network
                    for his first year.
                """),
                ),
            ),
        ),
        Note(
            file="fgb-minutes-2026-01.txt",
            kind="minutes",
            date=d(2026, 1, 20),
            title="Marsh Lane School - Full Governing Body - 20 January 2026",
            preamble=("Present: Hilary Stanton (chair), Marcus Greene, thirteen governors",),
            sections=(
                (
                    "Finance",
                    paras("""
                    The finance committee confirmed that spending is within the recovery plan.
                    Governors noted that across the authority's schools, eight now hold a licensed
                    deficit.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    The child protection policy sets out how staff report concerns about a pupil.
                    The safeguarding link governor met the DSL in December.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("ks2_rwm_expected_pct", "66", "62", "2024/25"),
                ("ks4_progress8", "0.11", "0.0", "2024/25"),
                ("attendance_pct", "93.4", "93.1", "2024/25"),
                ("budget_balance_pct", "-1.4", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 2,
        "achievement": 2,
        "behaviour": 2,
        "personal_development": 2,
        "early_years": 2,
        "leadership": 2,
        "finance_estates": 2,
        "attendance": 2,
        "safeguarding": 2,
    },
    categories=cats("established", "light-touch-plus", "enhancement", "good"),
    evidence=(
        Ev(
            "curriculum_teaching",
            2,
            "inspection-report-2024-06.pdf",
            "The school has planned its curriculum carefully from Reception to Year 11",
        ),
        Ev(
            "achievement",
            2,
            "inspection-report-2024-06.pdf",
            "Pupils achieve well at the end of both key stage 2 and key stage 4.",
        ),
        Ev(
            "leadership",
            2,
            "sip-record-2025-12.docx",
            "Marcus Greene took up the headship in September 2025",
        ),
        Ev(
            "finance_estates",
            2,
            "sip-record-2025-12.docx",
            "The school has a licensed deficit of 1.4% of income, with a three-year recovery plan "
            "agreed with the LA; the plan is on track.",
        ),
        Ev("achievement", 2, "indicators-2024-25.csv", "ks4_progress8,0.11,0.0,2024/25"),
        Ev("behaviour", 2, "inspection-report-2024-06.pdf", "Pupils feel safe and behave well."),
    ),
    rationale=p("""
        Good in every judgement in June 2024 (overall effectiveness good); the report's
        development point on sixth-form retention is being addressed and retention is rising.
        Outcomes at KS2 and KS4 and attendance are at or above national. A new headteacher since
        September 2025 has asked for a mentor, and a small licensed deficit has an agreed plan on
        track. Bristol Established (secure; the budget deficit is managed), Surrey Light Touch+
        (good, capacity limited by a new head), Buckinghamshire Enhancement, Staffordshire
        Category 2. Tricky case: a Good report whose narrative names a weaker sixth form;
        governors' note on deficits 'across the authority's schools' is not about this school.
    """),
)
