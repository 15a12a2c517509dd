"""930008: a special school judged good in March 2025 (no overall effectiveness), with a Good
report that still names development points, and a growing budget deficit."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Note, School, cats

SCHOOL = School(
    urn="930008",
    name="Beacon Hill School",
    phase="special",
    address=("Beacon Lane, Halbury", "Westshire HB1 6TW"),
    details=maintained(
        "930008",
        "Halbury",
        "Community special",
        "2 to 19",
        "164",
        "The governing body",
        "Frances Oduya",
        "Martin Kellett",
        "19 and 20 June 2019",
    ),
    head="Mr Kellett",
    documents=(
        EifReport(
            file="ofsted-report-2025-03.pdf",
            date=d(2025, 3, 6),
            dates_text="5 and 6 March 2025",
            overall=None,
            judgements=(
                ("The quality of education", t.GOOD),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.OUTSTANDING),
                ("Leadership and management", t.GOOD),
                ("Early years provision", t.GOOD),
                ("Sixth-form provision", t.GOOD),
            ),
            previous=t.GOOD,
            attend=paras("""
                Pupils at Beacon Hill have severe or profound and multiple learning difficulties,
                and many have complex medical needs. They are happy and settled. Staff know each
                pupil's way of communicating and respond to it with patience and warmth.
            """),
            well=paras("""
                The school has designed a curriculum in three pathways that match pupils'
                different needs. For most pupils, learning is broken down into small steps, and
                staff check carefully what each pupil can do.

                In a few subjects, the curriculum for pupils with the most complex needs is not yet
                broken down into small enough steps. Staff then find it harder to see what these
                pupils have learned, and some activities are repeated without clear purpose. The
                school should complete this work.

                The provision for pupils' personal development is exceptional. Pupils learn to
                make choices, to travel safely and to take part in community life, and sixth-form
                students undertake supported work placements in local businesses.

                Staff speak highly of leaders' support for their well-being. Governors know the
                school well, although they do not yet receive enough information about the
                effect of the school's spending on pupils' outcomes.
            """),
            safeguarding_effective=True,
            improve=(
                p("""In a few subjects, the curriculum for pupils with the most complex needs is not
                   yet broken down into small enough steps. The school should complete its work on
                   these subjects so that staff can check precisely what pupils have learned."""),
                p("""Governors do not receive enough information about the impact of spending.
                   They should make sure that they can evaluate this."""),
            ),
            about=paras("""
                Inspectors met the headteacher, senior leaders and five governors, and spoke to a
                representative of the local authority. They carried out deep dives in
                communication, early reading, mathematics and personal, social and health
                education.
            """),
        ),
        Note(
            file="note-of-visit-2025-11.docx",
            kind="visit_note",
            date=d(2025, 11, 18),
            title="Note of Visit: Beacon Hill School",
            preamble=("Date: 18 November 2025", "Officer: Paul Garside (SIO), with LA finance"),
            sections=(
                (
                    "Finance",
                    paras("""
                    The school is forecasting an in-year deficit of \u00a3312,000 for 2025-26,
                    taking the cumulative deficit to 6.8% of income. The governing body has applied
                    for a licensed deficit. The main pressures are the cost of agency teaching
                    assistants and the rising number of pupils with one-to-one medical plans.
                """),
                ),
                (
                    "Staffing",
                    paras("""
                    Eleven teaching assistant posts are vacant and are covered by agency staff.
                    Turnover of support staff was 24% last year. Leaders say that the constant
                    change makes it hard to keep the consistency that pupils need.
                """),
                ),
                (
                    "Quality of education",
                    paras("""
                    Work on the curriculum for the most complex learners has been completed in
                    communication and mathematics, and leaders are on track with the remaining
                    subjects. No concerns about the quality of provision.
                """),
                ),
            ),
        ),
        Note(
            file="governors-minutes-2026-01.txt",
            kind="minutes",
            date=d(2026, 1, 27),
            title="Beacon Hill School Governing Body: Resources Committee, 27 January 2026",
            preamble=("Present: Frances Oduya (chair), Martin Kellett, four governors",),
            sections=(
                (
                    "Budget monitoring",
                    paras("""
                    The business manager presented the budget monitoring report. The deficit
                    recovery plan depends on recruiting permanent teaching assistants, because
                    agency cover costs almost twice as much. Governors asked for a monthly report
                    until the licensed deficit is agreed.
                """),
                ),
                (
                    "Local authority update",
                    paras("""
                    The chair reported that across the authority's special schools the high-needs
                    top-up rates have been frozen for 2026-27, and that two other special schools
                    have also applied for licensed deficits.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 15),
            rows=(
                ("budget_balance_pct", "-6.8", "", "2025/26"),
                ("staff_turnover_pct", "24", "", "2024/25"),
                ("attendance_pct", "90.1", "87.5", "2024/25"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 2,
        "personal_development": 1,
        "behaviour": 2,
        "leadership": 2,
        "governance": 2,
        "finance_estates": 3,
        "staffing": 3,
        "safeguarding": 2,
        "attendance": 2,
    },
    categories=cats("developing", "light-touch-plus", "prevention", "good"),
    evidence=(
        Ev(
            "personal_development",
            1,
            "ofsted-report-2025-03.pdf",
            "The provision for pupils' personal development is exceptional.",
        ),
        Ev(
            "curriculum_teaching",
            2,
            "ofsted-report-2025-03.pdf",
            "For most pupils, learning is broken down into small steps, and staff check carefully "
            "what each pupil can do.",
        ),
        Ev(
            "finance_estates",
            3,
            "note-of-visit-2025-11.docx",
            "The school is forecasting an in-year deficit of \u00a3312,000 for 2025-26, taking the "
            "cumulative deficit to 6.8% of income.",
        ),
        Ev(
            "staffing",
            3,
            "note-of-visit-2025-11.docx",
            "Eleven teaching assistant posts are vacant and are covered by agency staff.",
        ),
        Ev("finance_estates", 3, "indicators-2024-25.csv", "budget_balance_pct,-6.8,,2025/26"),
        Ev(
            "finance_estates",
            3,
            "governors-minutes-2026-01.txt",
            "The deficit recovery plan depends on recruiting permanent teaching assistants",
        ),
        Ev("attendance", 2, "indicators-2024-25.csv", "attendance_pct,90.1,87.5,2024/25"),
    ),
    rationale=p("""
        Judged good in every area in March 2025, with personal development outstanding and
        effective safeguarding (no overall effectiveness grade after September 2024); the report's
        development points (curriculum steps for the most complex learners, governors' view of
        spending) are not lower grades and are being addressed. The risk is resources: a deficit of
        6.8% of income with a licensed deficit application, eleven teaching assistant vacancies on
        agency cover and 24% turnover. Bristol Developing (budget pressures and staff capacity
        needing support), Surrey Light Touch+ (good, with specific targeted support needed),
        Buckinghamshire Prevention, Staffordshire Category 2. The minutes' note on other special
        schools' deficits is not about this school.
    """),
)
