"""940002: a primary school whose report card meets safeguarding and grades every area at least
expected standard, with hedged narrative; its SEF uses the old four-point scale."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, Sef, cats

SCHOOL = School(
    urn="940002",
    name="Hazelwood Community Primary School",
    phase="primary",
    address=("Hazel Drive, Pennmoor", "Northdale PN7 1HD"),
    details=maintained(
        "940002",
        "Pennmoor",
        "Community primary",
        "3 to 11",
        "352",
        "The governing body",
        "Susan Ferris",
        "Tom Ellery",
        "30 April and 1 May 2019",
    ),
    head="Mr Ellery",
    documents=(
        Sef(
            file="sef-autumn-2025.docx",
            date=d(2025, 10, 17),
            title="Hazelwood Community Primary School: Self-Evaluation (Autumn 2025)",
            intro=paras("""
                Written by the senior leadership team and reviewed by the standards committee. We
                have kept the framework headings we have used since 2019.
            """),
            scale_note="Grades: Outstanding, Good, Requires improvement, Inadequate.",
            rows=(
                (
                    "Quality of education",
                    "Good",
                    "Reading and maths secure; mathematics greater depth a priority.",
                ),
                ("Behaviour and attitudes", "Good", "Attendance 95.0%; calm classrooms."),
                (
                    "Personal development",
                    "Outstanding",
                    "Pupil parliament, residentials for all, mental health first aiders.",
                ),
                (
                    "Leadership and management",
                    "Good",
                    "Accurate monitoring; governors visit termly.",
                ),
                ("Early years", "Good", "Communication and language strong; writing developing."),
            ),
            sections=(
                (
                    "Context",
                    paras("""
                    Nationally, primary rolls are falling, and Hazelwood's Reception intake is
                    down to 44 this year. The school is budgeting for one fewer class from 2027.
                """),
                ),
            ),
        ),
        ReportCard(
            file="report-card-2026-01.pdf",
            date=d(2026, 1, 28),
            safeguarding_met=True,
            safeguarding=paras("""
                The school's procedures are well understood by staff, who record any worry about a
                pupil on the same day.
            """),
            context=paras("""
                Headteacher: Tom Ellery

                Number of pupils: 352, including a 26-place Nursery

                Pupils with SEND: about one in six
            """),
            summary=paras("""
                Hazelwood is an average-sized community primary school on a large housing estate
                to the west of Pennmoor.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXPECTED,
                    paras("""
                    The school identifies pupils' needs accurately. Pupils with SEND learn
                    alongside their peers, with sensible adaptations. Some pupils' individual
                    targets could be better matched to the curriculum they are following.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXPECTED,
                    paras("""
                    The school's curriculum sets out clearly what pupils should learn from the
                    Nursery onwards. Teachers present new content well. In mathematics, pupils have
                    too few chances to reason and explain, and this could be better.
                """),
                ),
                Area(
                    "Achievement",
                    t.EXPECTED,
                    paras("""
                    By the end of Year 6, pupils reach standards in reading, writing and
                    mathematics that are in line with national averages. Too few pupils reached the
                    higher standard in mathematics in 2025. Phonics outcomes have been above
                    national for three years.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.EXPECTED,
                    paras("""
                    Pupils attend well. They behave sensibly in class and play well together.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.STRONG,
                    paras("""
                    The school's provision for pupils' wider development is a strength. Every pupil
                    takes part in at least one residential visit, and the pupil parliament has real
                    influence over school decisions.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXPECTED,
                    paras("""
                    The school knows itself well. Governors visit regularly and ask leaders for
                    evidence of impact.
                """),
                ),
                Area(
                    "Early years",
                    t.EXPECTED,
                    paras("""
                    Children settle quickly and develop their communication well. Activities to
                    develop early writing are less well planned.
                """),
                ),
            ),
            next_steps=(
                p("""The school should give pupils more opportunities to reason mathematically,
                   so that more of them reach the higher standard."""),
            ),
            about=paras("""
                Inspectors met the headteacher, school staff, governors and a local authority
                officer. They visited lessons and heard pupils read.
            """),
        ),
        Note(
            file="sip-record-2026-04.md",
            kind="visit_note",
            date=d(2026, 4, 22),
            title="Pennmoor Council - School Improvement Partner Record of Visit",
            preamble=(
                "School: Hazelwood Community Primary School",
                "Date: 22 April 2026",
                "SIP: Jonathan Reeve",
            ),
            sections=(
                (
                    "1. Outcomes and priorities",
                    paras("""
                    The school's action plan for mathematical reasoning is in place and monitored
                    by the maths leader. Internal data suggest more pupils working at greater depth
                    in Year 6 this year.
                """),
                ),
                (
                    "2. Safeguarding",
                    paras("""
                    The safeguarding policy sets out how staff report concerns about a pupil, and
                    the designated safeguarding lead reports to governors each term. Nothing further
                    to note.
                """),
                ),
                (
                    "3. Category",
                    paras("""
                    Established (universal). The school does not currently support other schools.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("ks2_rwm_expected_pct", "63", "62", "2024/25"),
                ("phonics_expected_pct", "84", "80", "2024/25"),
                ("attendance_pct", "95.0", "94.9", "2024/25"),
                ("persistent_absence_pct", "13.2", "14.6", "2024/25"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 2,
        "achievement": 2,
        "attendance": 2,
        "behaviour": 2,
        "personal_development": 2,
        "inclusion_send": 2,
        "leadership": 2,
        "governance": 2,
        "early_years": 2,
        "safeguarding": 2,
    },
    categories=cats("established", "light-touch", "enhancement", "good"),
    evidence=(
        Ev(
            "achievement",
            2,
            "report-card-2026-01.pdf",
            "By the end of Year 6, pupils reach standards in reading, writing and mathematics that "
            "are in line with national averages.",
        ),
        Ev(
            "safeguarding",
            2,
            "report-card-2026-01.pdf",
            "who record any worry about a pupil on the same day",
        ),
        Ev(
            "personal_development",
            2,
            "report-card-2026-01.pdf",
            "The school's provision for pupils' wider development is a strength.",
        ),
        Ev("leadership", 2, "report-card-2026-01.pdf", "The school knows itself well."),
        Ev("attendance", 2, "indicators-2024-25.csv", "attendance_pct,95.0,94.9,2024/25"),
        Ev("achievement", 2, "indicators-2024-25.csv", "ks2_rwm_expected_pct,63,62,2024/25"),
        Ev(
            "curriculum_teaching",
            2,
            "report-card-2026-01.pdf",
            "Teachers present new content well.",
        ),
    ),
    rationale=p("""
        The January 2026 report card grades personal development and well-being strong standard and
        every other area expected standard, with safeguarding met; data are in line with or just
        above national and the April 2026 SIP record confirms the plan is on track. The hedges
        ('could be better', 'too few pupils reached the higher standard in mathematics', less
        well-planned early writing) sit inside expected-standard areas. Bristol Established, Surrey
        Light Touch, Buckinghamshire Enhancement, Staffordshire Category 2. Tricky case: nothing
        below expected and safeguarding met, so no bottom category; the SEF's old-scale grades and
        'nationally' context are not inspection findings.
    """),
)
