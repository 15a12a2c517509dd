"""930002: a report card with safeguarding met and no area below the expected standard, hedged
narrative inside expected-standard areas, and minutes full of other schools' figures."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, cats

SCHOOL = School(
    urn="930002",
    name="Ashdown Vale School",
    phase="secondary",
    address=("Quarry Hill, Halbury", "Westshire HB2 9LE"),
    details=maintained(
        "930002",
        "Halbury",
        "Secondary",
        "11 to 16",
        "1,046",
        "The governing body",
        "Martin Cheung",
        "Sarah Whitlock",
        "7 and 8 November 2018",
    ),
    head="Mrs Whitlock",
    documents=(
        ReportCard(
            file="report-card-2026-03.pdf",
            date=d(2026, 3, 11),
            safeguarding_met=True,
            safeguarding=paras("""
                Pupils know whom to speak to if they are worried, and staff record and escalate
                concerns promptly. The safeguarding team has a detailed knowledge of local risks,
                including those pupils face online and in the town centre after school.
            """),
            context=paras("""
                Headteacher: Sarah Whitlock

                Pupils on roll: 1,046

                Pupils with an education, health and care plan: 41
            """),
            summary=paras("""
                Ashdown Vale is a larger-than-average 11 to 16 school serving the north of Halbury.
                About a third of pupils are disadvantaged. The school has a resourced provision for
                pupils with speech, language and communication needs.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXPECTED,
                    paras("""
                    Staff know which pupils need extra help and why. Pupils in the resourced
                    provision spend most of the day in mainstream lessons with well-briefed
                    teaching assistants. Pupils with SEND make progress that is broadly similar to
                    that of their peers, although the targets in some of their support plans
                    could be sharper.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXPECTED,
                    paras("""
                    The curriculum is broad and meets the ambitions of the national curriculum in
                    each subject. Teachers have secure subject knowledge and explain new material
                    clearly. In a few subjects, such as geography and computing, teachers do not
                    check pupils' understanding closely enough before moving on, and some pupils
                    are left with gaps.

                    The proportion of pupils studying a language to GCSE is rising but could be
                    better.
                """),
                ),
                Area(
                    "Achievement",
                    t.EXPECTED,
                    paras("""
                    Pupils' results in GCSE examinations are broadly in line with the national
                    picture, and pupils make the progress expected of them from their starting
                    points. Too few pupils reached the higher grades in English and mathematics
                    last summer, and leaders have rightly made this a priority. Almost all pupils
                    move on to education, employment or training when they leave.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.EXPECTED,
                    paras("""
                    Attendance is in line with the national figure for secondary schools, and
                    persistent absence has fallen for two years. Attendance of disadvantaged pupils
                    could be better, and leaders' work with these families has only recently
                    started to show results.

                    Lessons are rarely disrupted. Pupils move around the site sensibly, and the
                    number of suspensions has fallen since the school introduced its reset room.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.STRONG,
                    paras("""
                    Pupils benefit from an impressive range of clubs, trips and leadership roles,
                    and leaders check that disadvantaged pupils take part in them. The personal,
                    social and health education programme is well planned and taught by a team of
                    specialist staff. Careers guidance is thorough and begins in Year 7.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXPECTED,
                    paras("""
                    Leaders have an accurate view of the school and have set sensible priorities.
                    They have reduced teachers' workload by simplifying marking and data
                    collection. Governors understand their statutory duties and ask leaders
                    searching questions about attendance and outcomes.
                """),
                ),
            ),
            next_steps=(
                p("""The school should make sure that teachers in all subjects check what pupils
                   have understood before moving on to new content."""),
                p("""The school should continue its work to raise the attendance of disadvantaged
                   pupils, so that it matches that of other pupils."""),
            ),
            about=paras("""
                The inspection team met the headteacher, senior and subject leaders, governors and
                a representative of the local authority. Inspectors observed lessons in eight
                subjects, spoke to groups of pupils and reviewed the school's single central record.
            """),
        ),
        Note(
            file="fgb-minutes-2026-05.md",
            kind="minutes",
            date=d(2026, 5, 19),
            title="Ashdown Vale School: Full Governing Body, 19 May 2026 (approved minutes)",
            preamble=(
                "Present: Martin Cheung (chair), Sarah Whitlock (headteacher), nine governors",
                "Clerk: Lorraine Fitch",
                "Quorum: the meeting was quorate",
            ),
            sections=(
                (
                    "1. Headteacher's report",
                    paras("""
                    The headteacher summarised the March report card. Governors noted that every
                    area was graded at least expected standard, with personal development and
                    well-being a strong standard, and that safeguarding standards were met.

                    Attendance for the spring term was 92.4%, in line with the national figure for
                    secondary schools. The attendance of disadvantaged pupils was 88.9%, up from
                    87.1% a year ago.

                    The LA's termly bulletin reported that nationally one secondary pupil in five
                    is persistently absent, and that across the authority's schools suspensions
                    have risen by 18% this year. Governors asked how Ashdown Vale compares: its
                    suspensions have fallen by a quarter.
                """),
                ),
                (
                    "2. Safeguarding",
                    paras("""
                    Governors reviewed the annual update of the child protection policy. The policy
                    sets out how staff report concerns about a pupil and how the designated
                    safeguarding lead records and escalates them. The link governor confirmed that
                    the single central record had been checked in April.
                """),
                ),
                (
                    "3. Local authority update",
                    paras("""
                    The chair reported that three schools in the authority are now in the Causing
                    Concern category and that the LA has asked secondary heads to share practice on
                    attendance. Governors agreed that the school could host one visit next term.
                """),
                ),
            ),
        ),
        Note(
            file="la-visit-note-2026-06.docx",
            kind="visit_note",
            date=d(2026, 6, 24),
            title="School Improvement Visit: Ashdown Vale School",
            preamble=(
                "Date: 24 June 2026",
                "Officer: Paul Garside, School Improvement Officer",
                "Focus: categorisation 2026-27 and priorities after the report card",
            ),
            sections=(
                (
                    "Evidence reviewed",
                    paras("""
                    Report card (March 2026), school improvement plan, attendance data to week 38,
                    summer mock examination analysis.
                """),
                ),
                (
                    "Findings",
                    paras("""
                    Leaders' improvement plan addresses both next steps from the report card. In
                    geography and computing, departments now use short retrieval quizzes at the
                    start of each unit; it is too early to see the effect on outcomes.

                    Mock results suggest that the proportion of pupils gaining grade 5 or above in
                    English and mathematics will be close to last year's, in line with national.

                    The school does not have the capacity to lead work in other schools this year,
                    and has not been asked to.
                """),
                ),
                (
                    "Proposed category",
                    paras("""
                    Established, with universal support. No additional LA support is needed.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("attendance_pct", "91.6", "91.0", "2024/25"),
                ("persistent_absence_pct", "22.4", "23.1", "2024/25"),
                ("ks4_attainment8", "46.1", "45.9", "2024/25"),
                ("ks4_progress8", "0.03", "0.0", "2023/24"),
                ("suspension_rate", "14.2", "17.8", "2024/25"),
                ("disadvantaged_gap_pp", "19", "21", "2024/25"),
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
        "safeguarding": 2,
    },
    categories=cats("established", "light-touch", "enhancement", "good"),
    evidence=(
        Ev(
            "safeguarding",
            2,
            "report-card-2026-03.pdf",
            "Pupils know whom to speak to if they are worried, and staff record and escalate "
            "concerns promptly.",
        ),
        Ev(
            "achievement",
            2,
            "report-card-2026-03.pdf",
            "Pupils' results in GCSE examinations are broadly in line with the national picture",
        ),
        Ev(
            "attendance",
            2,
            "report-card-2026-03.pdf",
            "Attendance is in line with the national figure for secondary schools, and persistent "
            "absence has fallen for two years.",
        ),
        Ev(
            "leadership",
            2,
            "report-card-2026-03.pdf",
            "Leaders have an accurate view of the school and have set sensible priorities.",
        ),
        Ev(
            "attendance",
            2,
            "fgb-minutes-2026-05.md",
            "Attendance for the spring term was 92.4%, in line with the national figure for "
            "secondary schools.",
        ),
        Ev("achievement", 2, "indicators-2024-25.csv", "ks4_attainment8,46.1,45.9,2024/25"),
        Ev(
            "curriculum_teaching",
            2,
            "report-card-2026-03.pdf",
            "The curriculum is broad and meets the ambitions of the national curriculum in each "
            "subject.",
        ),
    ),
    rationale=p("""
        The March 2026 report card grades every area expected standard except personal development
        and well-being (strong standard), with safeguarding standards met. The narrative hedges
        inside expected-standard areas ('could be better', 'too few pupils reached the higher
        grades', gaps in geography and computing) are development points, not lower grades. Data
        are in line with national, the June visit finds the plan on track, and there is no system
        role. Bristol Established, Surrey Light Touch, Buckinghamshire Enhancement, Staffordshire
        Category 2. Tricky case: safeguarding met and nothing below expected standard, so no
        bottom category; the minutes' figures for 'nationally', 'across the authority's schools'
        and the three schools in Causing Concern are not about this school.
    """),
)
