"""940006: an adverse secondary school: report card with urgent improvement in achievement and in
leadership and governance (safeguarding met), followed by the authority's warning notice."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, WarningNotice, cats

SCHOOL = School(
    urn="940006",
    name="Northgate Community College",
    phase="secondary",
    address=("Northgate, Ravensby", "Northdale RV1 3NC"),
    details=maintained(
        "940006",
        "Ravensby",
        "Community secondary",
        "11 to 16",
        "806",
        "The governing body",
        "Brian Tolley",
        "Gavin Rudd",
        "13 and 14 February 2018",
    ),
    head="Mr Rudd",
    documents=(
        ReportCard(
            file="report-card-2026-01.pdf",
            date=d(2026, 1, 15),
            safeguarding_met=True,
            safeguarding=paras("""
                The designated safeguarding lead and her deputies know vulnerable pupils well and
                make timely referrals to other agencies.
            """),
            context=paras("""
                Headteacher: Gavin Rudd

                Number of pupils: 806

                Pupils eligible for pupil premium: 52%
            """),
            summary=paras("""
                Northgate is a smaller-than-average secondary school serving one of the most
                deprived wards in the country. Its roll has fallen by a fifth in four years.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXPECTED,
                    paras("""
                    The school's specialist provision for pupils with social, emotional and mental
                    health needs is well run, and these pupils attend regularly.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.NEEDS,
                    paras("""
                    The curriculum is planned, but it is not taught well in many subjects. Teachers
                    often accept short, incomplete answers, and pupils' books show that much work
                    is left unfinished.
                """),
                ),
                Area(
                    "Achievement",
                    t.URGENT,
                    paras("""
                    Pupils' achievement is very low. In 2025, Progress 8 was among the lowest in
                    the country, and fewer than one pupil in five gained a standard pass in English
                    and mathematics. Disadvantaged pupils fare worst of all. The school has not
                    taken effective action to change this.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.NEEDS,
                    paras("""
                    Attendance is well below the national average. Behaviour in lessons is
                    generally orderly, but too many pupils arrive late and miss the start of
                    learning.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.EXPECTED,
                    paras("""
                    The personal development curriculum is well planned, and pupils receive useful
                    careers guidance from Year 8.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.URGENT,
                    paras("""
                    The school's leaders and governors have not acted on the school's weak results
                    over several years. Their evaluation of the school is overgenerous, and their
                    plans do not focus on the most important weaknesses.

                    Governors do not challenge leaders about pupils' achievement. They have relied
                    on leaders' assurances that results would improve.
                """),
                ),
            ),
            next_steps=(
                p("""The school must urgently improve the quality of teaching so that pupils,
                   especially disadvantaged pupils, achieve much better."""),
                p("""Governors must hold leaders to account for pupils' achievement and
                   attendance."""),
            ),
            about=paras("""
                Inspectors met the headteacher, senior leaders, subject leaders, governors and a
                representative of the local authority. They visited lessons in nine subjects.
            """),
        ),
        WarningNotice(
            file="formal-warning-notice-2026-02.pdf",
            date=d(2026, 2, 12),
            addressee=(
                "Mr Brian Tolley",
                "Chair of Governors",
                "Northgate Community College",
                "Northgate, Ravensby",
            ),
            grounds=paras("""
                Dear Mr Tolley

                The local authority gives notice to the governing body of Northgate Community
                College that it is satisfied that the standards of performance of pupils at the
                school are unacceptably low and are likely to remain so unless the authority
                exercises its powers.

                Published results for 2025 show a Progress 8 score of -1.21 and an Attainment 8
                score of 31.7. The report card of 15 January 2026 graded achievement and leadership
                and governance as urgent improvement.
            """),
            actions=(
                (
                    p("""Agree with the local authority a rapid improvement plan with termly targets
                    for attainment, progress and attendance."""),
                    "6 March 2026",
                ),
                (
                    p("""Accept the deployment of an executive headteacher from a partner school to
                    work alongside the headteacher for a minimum of two terms."""),
                    "20 March 2026",
                ),
                (
                    p("""Commission an external review of governance and act on its
                    recommendations."""),
                    "30 April 2026",
                ),
            ),
            signatory=("Dr Meera Lal", "Director of Children's Services", "Ravensby Council"),
        ),
        Note(
            file="governors-minutes-2026-03.md",
            kind="minutes",
            date=d(2026, 3, 3),
            title="Northgate Community College - Governing Body (extraordinary meeting)",
            preamble=(
                "Date: 3 March 2026",
                "Present: Brian Tolley (chair), seven governors, "
                "Gavin Rudd (headteacher), LA officer",
            ),
            sections=(
                (
                    "26/07 Warning notice",
                    paras("""
                    Governors discussed the formal warning notice. The chair accepted that the board
                    had not challenged leaders enough about results. Governors agreed to accept the
                    executive headteacher deployment.
                """),
                ),
                (
                    "26/08 Attendance",
                    paras("""
                    Attendance this year is 86.3%. The LA officer noted that nationally secondary
                    attendance is around 91%.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("ks4_progress8", "-1.21", "0.0", "2024/25"),
                ("ks4_attainment8", "31.7", "45.9", "2024/25"),
                ("attendance_pct", "86.3", "91.0", "2025/26"),
                ("persistent_absence_pct", "38.2", "23.1", "2024/25"),
            ),
        ),
    ),
    aspects={
        "achievement": 4,
        "leadership": 4,
        "governance": 4,
        "curriculum_teaching": 3,
        "attendance": 3,
        "behaviour": 2,
        "inclusion_send": 2,
        "personal_development": 2,
        "safeguarding": 2,
    },
    categories=cats("causing-concern", "support-and-challenge-plus", "intervention", "inadequate"),
    evidence=(
        Ev("achievement", 4, "report-card-2026-01.pdf", "Pupils' achievement is very low."),
        Ev(
            "leadership",
            4,
            "report-card-2026-01.pdf",
            "The school's leaders and governors have not acted on the school's weak results over "
            "several years.",
        ),
        Ev(
            "governance",
            4,
            "report-card-2026-01.pdf",
            "Governors do not challenge leaders about pupils' achievement.",
        ),
        Ev(
            "curriculum_teaching",
            3,
            "report-card-2026-01.pdf",
            "The curriculum is planned, but it is not taught well in many subjects.",
        ),
        Ev(
            "attendance",
            3,
            "report-card-2026-01.pdf",
            "Attendance is well below the national average.",
        ),
        Ev(
            "achievement",
            4,
            "formal-warning-notice-2026-02.pdf",
            "Published results for 2025 show a Progress 8 score of -1.21",
        ),
        Ev("safeguarding", 2, "report-card-2026-01.pdf", "make timely referrals to other agencies"),
        Ev("achievement", 4, "indicators-2024-25.csv", "ks4_attainment8,31.7,45.9,2024/25"),
    ),
    rationale=p("""
        The January 2026 report card grades achievement and leadership and governance urgent
        improvement and curriculum and teaching and attendance and behaviour needs attention;
        safeguarding standards are met. The authority issued a formal warning notice on 12 February
        2026 for unacceptably low standards (Progress 8 -1.21). Urgent improvement grades and a
        warning notice are limiting: Bristol Causing Concern, Surrey Support and Challenge+,
        Buckinghamshire Intervention, Staffordshire Category 4. Tricky case: an adverse school whose
        safeguarding is met - the met line must not soften the category.
    """),
)
