"""940014: a primary school judged good in March 2023 (with overall effectiveness) whose report
names development points, in a federation whose other school requires improvement."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Note, School, cats

SCHOOL = School(
    urn="940014",
    name="Linden Grove Primary School",
    phase="primary",
    address=("Linden Grove, Ravensby", "Northdale RV3 7LG"),
    details=maintained(
        "940014",
        "Ravensby",
        "Primary (federated)",
        "4 to 11",
        "205",
        "The governing body",
        "Martina Kowalski",
        "Simon Yates (executive headteacher)",
        "12 and 13 June 2018",
    ),
    head="Mr Yates",
    documents=(
        EifReport(
            file="ofsted-2023-03.pdf",
            date=d(2023, 3, 16),
            dates_text="15 and 16 March 2023",
            overall=t.GOOD,
            judgements=(
                ("The quality of education", t.GOOD),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.GOOD),
                ("Early years provision", t.GOOD),
            ),
            previous=t.GOOD,
            attend=paras("""
                Linden Grove is a happy school. Pupils are keen to talk about what they are
                learning and say that their teachers make lessons interesting. Pupils play well
                together and trust adults to sort out any problems.
            """),
            well=paras("""
                The school has developed an ambitious curriculum. In reading and mathematics,
                learning is carefully ordered, and pupils achieve well by the end of Year 6.

                In a few subjects, such as music and computing, the curriculum does not yet set out
                clearly what pupils should remember, and teachers do not check what pupils have
                retained. The school should complete this work.

                Children in Reception get off to a good start. Staff help them to develop their
                vocabulary and their independence.
            """),
            safeguarding_effective=True,
            improve=(
                p("""In music and computing, the curriculum does not identify the knowledge pupils
                   should remember. The school should set this out and check that pupils retain
                   it."""),
            ),
            about=paras("""
                Inspectors met the executive headteacher, the head of school, subject leaders and
                governors. They carried out deep dives in reading, mathematics, music and
                geography.
            """),
        ),
        Note(
            file="monitoring-note-2025-10.md",
            kind="visit_note",
            date=d(2025, 10, 14),
            title="Education Standards Team: Monitoring Note",
            preamble=(
                "School: Linden Grove Primary School",
                "Date: 14 October 2025",
                "Adviser: Sarah Kinsella",
            ),
            sections=(
                (
                    "Standards",
                    paras("""
                    Linden Grove's 2025 results are above national for the third year, with 68%
                    reaching the expected standard in reading, writing and mathematics combined.
                    The music and computing curriculums have been rewritten, and pupils I spoke to
                    could recall earlier learning.
                """),
                ),
                (
                    "Federation",
                    paras("""
                    The federation's other school, Ash Tree Infants, was judged to require
                    improvement in June and is receiving enhanced LA support. The executive
                    headteacher divides his time between the two schools; Linden Grove's head of
                    school leads day to day.
                """),
                ),
                (
                    "Category",
                    paras("""
                    Linden Grove: Established (universal).
                """),
                ),
            ),
        ),
        Note(
            file="fgb-minutes-2025-12.docx",
            kind="minutes",
            date=d(2025, 12, 9),
            title="Linden Grove and Ash Tree Federation: Governing Body, 9 December 2025",
            preamble=("Present: Martina Kowalski (chair), executive headteacher, eight governors",),
            sections=(
                (
                    "Linden Grove",
                    paras("""
                    The head of school reported attendance of 95.7% for the autumn term. Governors
                    asked about the attainment of disadvantaged pupils, which was broadly in line
                    with others in 2025.
                """),
                ),
                (
                    "Ash Tree",
                    paras("""
                    Governors reviewed Ash Tree's post-inspection action plan. Phonics at Ash Tree
                    remains below national.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("ks2_rwm_expected_pct", "68", "62", "2024/25"),
                ("phonics_expected_pct", "83", "80", "2024/25"),
                ("attendance_pct", "95.5", "94.9", "2024/25"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 2,
        "achievement": 2,
        "behaviour": 2,
        "personal_development": 2,
        "leadership": 2,
        "early_years": 2,
        "attendance": 2,
        "safeguarding": 2,
        "governance": 2,
    },
    categories=cats("established", "light-touch", "enhancement", "good"),
    evidence=(
        Ev(
            "curriculum_teaching",
            2,
            "ofsted-2023-03.pdf",
            "In reading and mathematics, learning is carefully ordered, and pupils achieve well by "
            "the end of Year 6.",
        ),
        Ev(
            "achievement",
            2,
            "monitoring-note-2025-10.md",
            "Linden Grove's 2025 results are above national for the third year",
        ),
        Ev(
            "curriculum_teaching",
            2,
            "monitoring-note-2025-10.md",
            "The music and computing curriculums have been rewritten",
        ),
        Ev(
            "attendance",
            2,
            "fgb-minutes-2025-12.docx",
            "The head of school reported attendance of 95.7% for the autumn term.",
        ),
        Ev(
            "early_years", 2, "ofsted-2023-03.pdf", "Children in Reception get off to a good start."
        ),
        Ev("achievement", 2, "indicators-2024-25.csv", "ks2_rwm_expected_pct,68,62,2024/25"),
    ),
    rationale=p("""
        Good in every judgement in March 2023 (overall effectiveness good), with development
        points on music and computing that the October 2025 monitoring note finds addressed;
        results have been above national for three years and attendance is above national. Bristol
        Established, Surrey Light Touch, Buckinghamshire Enhancement, Staffordshire Category 2.
        Tricky case: the note and minutes say the federation's other school, Ash Tree Infants,
        requires improvement and has phonics below national, which is not about Linden Grove.
    """),
)
