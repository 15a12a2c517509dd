"""940001: a secondary school with an exceptional report card that leads a partnership including a
school in the authority's Causing Concern category."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, cats

SCHOOL = School(
    urn="940001",
    name="Greyfriars School",
    phase="secondary",
    address=("Friary Walk, Pennmoor", "Northdale PN3 5GF"),
    details=maintained(
        "940001",
        "Pennmoor",
        "Secondary",
        "11 to 16",
        "1,180",
        "The governing body",
        "Dr Alan Murray",
        "Priya Raman",
        "12 and 13 March 2019",
    ),
    head="Ms Raman",
    documents=(
        ReportCard(
            file="report-card-2026-02.pdf",
            date=d(2026, 2, 5),
            safeguarding_met=True,
            safeguarding=paras("""
                The school's safeguarding culture is strong. Staff and pupils raise concerns
                readily, and the school acts on them with speed and persistence.
            """),
            context=paras("""
                Headteacher: Priya Raman

                Number of pupils: 1,180

                Pupils eligible for pupil premium funding: 38%
            """),
            summary=paras("""
                Greyfriars is a larger-than-average comprehensive school in central Pennmoor. Its
                leaders lead the Pennmoor Secondary Improvement Partnership on behalf of the
                local authority.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXCEPTIONAL,
                    paras("""
                    The school's work to include every pupil is exemplary. Staff receive precise
                    guidance on each pupil's barriers to learning, and pupils with SEND and
                    disadvantaged pupils achieve as well as their classmates. Other schools in the
                    area have adopted the school's approach.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.STRONG,
                    paras("""
                    The school's curriculum is carefully planned, and teaching is consistently
                    effective across subjects. Pupils' written work in humanities is of a
                    particularly high quality. In a small number of lessons, the pace of questioning
                    leaves a few pupils behind, which the school is addressing.
                """),
                ),
                Area(
                    "Achievement",
                    t.EXCEPTIONAL,
                    paras("""
                    Pupils make exceptional progress from their starting points. Progress 8 has
                    been well above the national average for four consecutive years, and the
                    gap between disadvantaged pupils and others is far narrower than nationally.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.STRONG,
                    paras("""
                    Attendance is above the national average, and persistent absence is falling.
                    Corridors and classrooms are calm. Pupils treat one another and staff with
                    respect.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.STRONG,
                    paras("""
                    The school provides a rich programme of activities, and participation is
                    tracked so that every pupil takes part.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXCEPTIONAL,
                    paras("""
                    The headteacher and governors have an exceptionally clear understanding of the
                    school. Their improvement work is rooted in evidence and routinely evaluated.

                    The school's leaders lead improvement work in several other schools. Their
                    support has contributed to measurable gains in those schools' attendance and
                    outcomes.
                """),
                ),
            ),
            next_steps=(
                p("""The school should make sure that questioning in every lesson checks the
                   understanding of all pupils before moving on."""),
            ),
            about=paras("""
                The inspection team met the headteacher, other leaders, governors, staff and
                pupils, and spoke to a representative of the local authority. Inspectors looked at
                a wide range of documents and visited lessons in most subjects.
            """),
        ),
        Note(
            file="governors-minutes-2026-03.txt",
            kind="minutes",
            date=d(2026, 3, 24),
            title="Greyfriars School Governing Board: Minutes of the meeting held on 24 March 2026",
            preamble=(
                "Attendance: Dr Alan Murray (Chair), Priya Raman (Headteacher), 12 governors",
                "Quorum confirmed.",
            ),
            sections=(
                (
                    "26/014 Report card",
                    paras("""
                    Governors recorded their thanks to staff. The board noted the grades of
                    exceptional for inclusion, achievement and leadership and governance.
                """),
                ),
                (
                    "26/015 Partnership work",
                    paras("""
                    The headteacher reported on the Pennmoor Secondary Improvement Partnership. One
                    partner school, Fenchurch Vale School, is in the authority's Causing Concern
                    category after its report card found safeguarding standards not met; our
                    deputy headteacher is seconded there two days a week to support its new senior
                    team. Governors asked how the secondment affects Greyfriars; the headteacher
                    explained the backfill arrangements and confirmed no impact on our own pupils.
                """),
                ),
                (
                    "26/016 Attendance",
                    paras("""
                    Attendance to date is 94.1%, above the national figure for secondary schools.
                    Nationally, persistent absence in secondary schools remains above 20%.
                """),
                ),
            ),
        ),
        Note(
            file="sip-record-of-visit-2026-05.docx",
            kind="visit_note",
            date=d(2026, 5, 13),
            title="Pennmoor Council: School Improvement Partner Record of Visit",
            preamble=(
                "School: Greyfriars School (URN 940001)",
                "Date: 13 May 2026",
                "SIP: Jonathan Reeve",
            ),
            sections=(
                (
                    "1. Partnership impact",
                    paras("""
                    Since the partnership began, attendance at the three supported schools has
                    risen by an average of 2.4 percentage points, and Fenchurch Vale has rewritten
                    its safeguarding procedures with Greyfriars' designated safeguarding lead.
                    Fenchurch Vale remains in Causing Concern pending its monitoring inspection.
                """),
                ),
                (
                    "2. Greyfriars",
                    paras("""
                    No concerns. Leaders' self-evaluation is accurate and matches the report card.
                    The school has budget reserves of 4.2% of income.
                """),
                ),
                (
                    "3. Category recommendation",
                    paras("""
                    Extending (universal). Greyfriars has the capacity to continue leading the
                    partnership in 2026-27.
                """),
                ),
            ),
        ),
        Indicators(
            file="data-2024-25.csv",
            date=d(2025, 10, 3),
            rows=(
                ("ks4_progress8", "0.58", "0.0", "2024/25"),
                ("ks4_attainment8", "53.4", "45.9", "2024/25"),
                ("attendance_pct", "93.8", "91.0", "2024/25"),
                ("disadvantaged_gap_pp", "8", "21", "2024/25"),
                ("budget_balance_pct", "4.2", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "inclusion_send": 1,
        "achievement": 1,
        "leadership": 1,
        "governance": 1,
        "curriculum_teaching": 2,
        "attendance": 2,
        "behaviour": 2,
        "personal_development": 2,
        "safeguarding": 2,
        "partnership": 1,
        "finance_estates": 2,
    },
    categories=cats("extending", "light-touch", "enhancement", "outstanding"),
    evidence=(
        Ev(
            "inclusion_send",
            1,
            "report-card-2026-02.pdf",
            "The school's work to include every pupil is exemplary.",
        ),
        Ev(
            "achievement",
            1,
            "report-card-2026-02.pdf",
            "Progress 8 has been well above the national average for four consecutive years",
        ),
        Ev(
            "leadership",
            1,
            "report-card-2026-02.pdf",
            "The headteacher and governors have an exceptionally clear understanding of the "
            "school.",
        ),
        Ev(
            "partnership",
            1,
            "report-card-2026-02.pdf",
            "The school's leaders lead improvement work in several other schools.",
        ),
        Ev(
            "partnership",
            1,
            "sip-record-of-visit-2026-05.docx",
            "attendance at the three supported schools has risen by an average of 2.4 percentage "
            "points",
        ),
        Ev(
            "safeguarding",
            2,
            "report-card-2026-02.pdf",
            "The school's safeguarding culture is strong.",
        ),
        Ev(
            "attendance",
            2,
            "governors-minutes-2026-03.txt",
            "Attendance to date is 94.1%, above the national figure for secondary schools.",
        ),
        Ev("achievement", 1, "data-2024-25.csv", "ks4_progress8,0.58,0.0,2024/25"),
    ),
    rationale=p("""
        The February 2026 report card grades inclusion, achievement and leadership and governance
        exceptional, the other areas strong standard, safeguarding met; outcomes are far above
        national, attendance above national and the budget in reserve. Greyfriars leads the
        Pennmoor Secondary Improvement Partnership, with measured gains in partner schools. Bristol
        Extending, Surrey Light Touch, Buckinghamshire Enhancement, Staffordshire Category 1.
        Tricky case: the minutes and the SIP record say partner Fenchurch Vale is in Causing
        Concern with safeguarding not met; that is the partner, not Greyfriars.
    """),
)
