"""930001: a strong primary that supports a partner school in the authority's Causing Concern
category."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import (
    Area,
    Ev,
    Indicators,
    Note,
    ReportCard,
    School,
    Sef,
    cats,
)

SCHOOL = School(
    urn="930001",
    name="Kingfisher Meadow Primary School",
    phase="primary",
    address=("Lapwing Road, Halbury", "Westshire HB4 7QT"),
    details=maintained(
        "930001",
        "Halbury",
        "Primary",
        "3 to 11",
        "418",
        "The governing body",
        "Ruth Amadi",
        "Daniel Okafor",
        "26 and 27 June 2019",
    ),
    head="Mr Okafor",
    documents=(
        ReportCard(
            file="report-card-2026-01.pdf",
            date=d(2026, 1, 21),
            safeguarding_met=True,
            safeguarding=paras("""
                Staff know pupils and their families well. They pass on small worries quickly, and
                leaders follow these up with the right agencies when that is needed.
            """),
            context=paras("""
                Headteacher: Daniel Okafor

                Pupils on roll: 418, including 52 children in the Nursery

                Proportion of pupils eligible for free school meals: above the national average
            """),
            summary=paras("""
                Kingfisher Meadow is a larger-than-average primary school on the eastern edge of
                Halbury. The school runs its own Nursery for three-year-olds and a breakfast club.
                Leaders work with several local schools through a partnership brokered by the
                local authority.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.STRONG,
                    paras("""
                    Leaders identify pupils' additional needs early, often before they join
                    Reception. Teachers adapt tasks carefully, so that pupils with special
                    educational needs and/or disabilities (SEND) learn the same curriculum as
                    their classmates.

                    Disadvantaged pupils are given first call on clubs, trips and tutoring. Their
                    attendance and their results have risen over the last three years.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXCEPTIONAL,
                    paras("""
                    The curriculum is meticulously sequenced from the Nursery to Year 6, and
                    teachers explain new ideas with great precision. Pupils connect what they learn
                    in history, geography and science to what they already know, and they can talk
                    about it in depth.

                    Reading sits at the heart of the school. Pupils who fall behind in phonics are
                    picked up within days and catch up quickly.
                """),
                ),
                Area(
                    "Achievement",
                    t.STRONG,
                    paras("""
                    Pupils achieve well across the curriculum. Results at the end of key stage 2
                    have been above the national figures in reading, writing and mathematics for
                    three years. Too few pupils reached the higher standard in writing last year,
                    and leaders have already changed how extended writing is taught in upper key
                    stage 2.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.STRONG,
                    paras("""
                    Pupils attend well and are punctual. Staff follow up every absence on the first
                    morning, and the family support worker visits families where attendance starts
                    to slip.

                    Classrooms are calm and purposeful. Pupils are kind to one another at
                    playtimes, and they say that adults sort out any falling-out fairly.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.STRONG,
                    paras("""
                    Pupils take on responsibility with pride, as reading buddies, eco-councillors
                    and play leaders. The programme of visits and visitors broadens their horizons,
                    although older pupils' understanding of different faiths could be deeper.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXCEPTIONAL,
                    paras("""
                    Leaders have an exceptionally accurate picture of what the school does well and
                    what could be better, and they act on it without delay. Staff say that their
                    workload is considered whenever a change is made.

                    Governors bring a wide range of expertise and hold leaders to account with
                    sharp, well-informed questions. The school's leaders give substantial support to
                    other schools in the area, and this has helped those schools improve.
                """),
                ),
                Area(
                    "Early years",
                    t.STRONG,
                    paras("""
                    Children in the Nursery and Reception classes settle quickly and learn to share,
                    take turns and listen. Adults model language well, and children's vocabulary
                    grows rapidly.
                """),
                ),
            ),
            next_steps=(
                p("""Leaders should continue the work they have begun to help more pupils reach
                   the higher standard in writing by the end of key stage 2."""),
            ),
            about=paras("""
                The inspection team met leaders, staff, governors and a representative of the local
                authority. Inspectors visited lessons, looked at pupils' work and listened to pupils
                read. They took account of 96 responses to the parent questionnaire.
            """),
        ),
        Sef(
            file="sef-2025-26.docx",
            date=d(2025, 10, 3),
            title="Kingfisher Meadow Primary School: Self-evaluation 2025-26",
            intro=paras("""
                This self-evaluation was agreed by the full governing body on 30 September 2025. It
                uses the new report card areas and grading scale.
            """),
            scale_note="Grades use the five-point scale from the school inspection toolkit.",
            rows=(
                (
                    "Inclusion",
                    "Strong standard",
                    p("""Needs identified early; SEND pupils follow the full curriculum;
                    disadvantaged attendance up to 94.8%."""),
                ),
                (
                    "Curriculum and teaching",
                    "Exceptional",
                    "Curriculum sequenced Nursery to Year 6; phonics catch-up within a week.",
                ),
                (
                    "Achievement",
                    "Strong standard",
                    "KS2 RWM 76% against 62% nationally; greater depth in writing is the priority.",
                ),
                (
                    "Attendance and behaviour",
                    "Strong standard",
                    "Attendance 96.1%; persistent absence 8.2%; no suspensions this year.",
                ),
                (
                    "Personal development and well-being",
                    "Strong standard",
                    "Pupil leadership roles; wider trips programme; RE enquiry to strengthen.",
                ),
                (
                    "Leadership and governance",
                    "Exceptional",
                    "Accurate self-evaluation; governors' link visits; system leadership role.",
                ),
            ),
            sections=(
                (
                    "System leadership",
                    paras("""
                    Since January 2025 the headteacher and deputy headteacher have led a
                    partnership with Brookside Infant School, which is in the authority's Causing
                    Concern category. Our deputy headteacher spends one day a week at Brookside
                    coaching its new phonics leader.

                    Brookside's most recent LA review found that its phonics screening results
                    remain well below national. Our role is to build its leaders' capacity rather
                    than to run the school.

                    Our support for Brookside has been evaluated by the local authority, which
                    reports that Brookside's Year 1 pupils are now on track to reach the expected
                    standard in phonics in far greater numbers.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    Our child protection policy sets out how staff report concerns about a pupil to
                    the designated safeguarding lead. The designated safeguarding lead reports to
                    governors each term on the number and type of concerns recorded.
                """),
                ),
            ),
        ),
        Note(
            file="sio-visit-note-2026-03.txt",
            kind="visit_note",
            date=d(2026, 3, 12),
            title="Halbury Council School Improvement: Note of Visit",
            preamble=(
                "School: Kingfisher Meadow Primary School (URN 930001)",
                "Date of visit: 12 March 2026",
                "School Improvement Officer: Helen Marsh",
                "Present: Daniel Okafor (headteacher), Ruth Amadi (chair of governors)",
            ),
            sections=(
                (
                    "Purpose of visit",
                    paras("""
                    Spring term visit: categorisation discussion following the January report card,
                    and review of the partnership with Brookside Infant School.
                """),
                ),
                (
                    "Discussion and findings",
                    paras("""
                    The report card confirms what the school's own self-evaluation said. Attendance
                    this year to date is 96.0%, well above the national figure, and there have been
                    no suspensions.

                    The partnership with Brookside continues. Brookside remains in the authority's
                    Causing Concern category and its safeguarding audit in February found gaps in
                    its single central record; the LA safeguarding team is following this up with
                    Brookside directly. None of this relates to Kingfisher Meadow's own
                    arrangements.

                    The deputy headteacher's coaching has had a clear impact: Brookside's phonics
                    leader now runs the daily catch-up sessions herself, and the number of Year 1
                    pupils on track has almost doubled since September.

                    Across the authority's schools, writing at greater depth remains below the
                    national figure; at Kingfisher Meadow it is a stated priority for this year.
                """),
                ),
                (
                    "Agreed category and next steps",
                    paras("""
                    Proposed category for 2026-27: Extending, with universal support. The
                    headteacher has offered a second deputy-led partnership from September if
                    the LA needs it.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("attendance_pct", "96.1", "94.9", "2024/25"),
                ("persistent_absence_pct", "8.2", "14.6", "2024/25"),
                ("ks2_rwm_expected_pct", "76", "62", "2024/25"),
                ("phonics_expected_pct", "88", "80", "2024/25"),
                ("disadvantaged_gap_pp", "9", "21", "2024/25"),
                ("suspension_rate", "0.0", "1.6", "2024/25"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 1,
        "leadership": 1,
        "governance": 1,
        "achievement": 2,
        "attendance": 2,
        "behaviour": 2,
        "personal_development": 2,
        "inclusion_send": 2,
        "early_years": 2,
        "safeguarding": 2,
        "partnership": 1,
    },
    categories=cats("extending", "light-touch", "enhancement", "outstanding"),
    evidence=(
        Ev(
            "curriculum_teaching",
            1,
            "report-card-2026-01.pdf",
            "The curriculum is meticulously sequenced from the Nursery to Year 6, and teachers "
            "explain new ideas with great precision.",
        ),
        Ev(
            "leadership",
            1,
            "report-card-2026-01.pdf",
            "Leaders have an exceptionally accurate picture of what the school does well and what "
            "could be better, and they act on it without delay.",
        ),
        Ev(
            "partnership",
            1,
            "sef-2025-26.docx",
            "Our support for Brookside has been evaluated by the local authority, which reports "
            "that Brookside's Year 1 pupils are now on track to reach the expected standard in "
            "phonics in far greater numbers.",
        ),
        Ev(
            "partnership",
            1,
            "sio-visit-note-2026-03.txt",
            "The deputy headteacher's coaching has had a clear impact",
        ),
        Ev("attendance", 2, "indicators-2024-25.csv", "attendance_pct,96.1,94.9,2024/25"),
        Ev("achievement", 2, "indicators-2024-25.csv", "ks2_rwm_expected_pct,76,62,2024/25"),
        Ev(
            "safeguarding",
            2,
            "report-card-2026-01.pdf",
            "They pass on small worries quickly, and leaders follow these up with the right "
            "agencies when that is needed.",
        ),
        Ev("behaviour", 2, "report-card-2026-01.pdf", "Classrooms are calm and purposeful."),
    ),
    rationale=p("""
        The January 2026 report card grades curriculum and teaching and leadership and governance
        exceptional and every other area strong standard, with safeguarding met; the data confirm
        attendance and KS2 outcomes above national. The school leads a partnership with Brookside
        Infant School, which is in the authority's Causing Concern category, with impact the LA has
        evaluated. Bristol Extending (secure everywhere, areas of excellence, proven support for
        other schools), Surrey Light Touch, Buckinghamshire Enhancement, Staffordshire Category 1.
        Tricky case: the SEF and the visit note name a partner school in Causing Concern and that
        partner's single central record gaps; those statements are about Brookside, not this
        school. 'Too few pupils reached the higher standard' sits inside a strong-standard area.
    """),
)
