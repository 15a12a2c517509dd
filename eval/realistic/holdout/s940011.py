"""940011: an 11-18 school whose report card grades curriculum and teaching and the sixth form
needs attention; its SEF, on the old four-point scale, claims good throughout."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Indicators, Note, ReportCard, School, Sef, cats

SCHOOL = School(
    urn="940011",
    name="Tennyson High School",
    phase="secondary",
    address=("Tennyson Avenue, Pennmoor", "Northdale PN5 3TH"),
    details=maintained(
        "940011",
        "Pennmoor",
        "Secondary with sixth form",
        "11 to 18",
        "1,318",
        "The governing body",
        "Robert Haines",
        "Dr Fiona Clarke",
        "17 and 18 October 2018",
    ),
    head="Dr Clarke",
    documents=(
        Sef(
            file="tennyson-sef-2025.docx",
            date=d(2025, 9, 30),
            title="Tennyson High School Self-Evaluation 2025",
            intro=paras("""
                Tennyson High continues to be a good school. This summary uses the grades of our
                last inspection so that governors can compare.
            """),
            scale_note="Outstanding / Good / Requires improvement / Inadequate",
            rows=(
                ("Quality of education", "Good", "Curriculum fully planned; teaching consistent."),
                ("Behaviour and attitudes", "Good", "Suspensions below national."),
                ("Personal development", "Good", "Strong careers and PSHE."),
                ("Leadership and management", "Good", "Experienced team; accurate monitoring."),
                ("Sixth form", "Good", "Wide range of A-level and vocational courses."),
            ),
            sections=(
                (
                    "Sixth form",
                    paras("""
                    Our sixth form results dipped in 2025 because of a small cohort. We are
                    confident they will recover.
                """),
                ),
            ),
        ),
        ReportCard(
            file="report-card-2026-02.pdf",
            date=d(2026, 2, 26),
            safeguarding_met=True,
            safeguarding=paras("""
                The school's records of concerns are thorough and show that pupils get help
                quickly, including from external agencies.
            """),
            context=paras("""
                Headteacher: Dr Fiona Clarke

                Number of pupils: 1,318, including 247 in the sixth form

                Pupils eligible for pupil premium: 24%
            """),
            summary=paras("""
                Tennyson High is a larger-than-average 11 to 18 school on the southern edge of
                Pennmoor.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.EXPECTED,
                    paras("""
                    Pupils with SEND are identified accurately and their teachers receive helpful
                    guidance.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.NEEDS,
                    paras("""
                    The school's curriculum is not taught consistently well. In several subjects,
                    including science and languages, teachers do not check whether pupils have
                    understood, and misconceptions persist. Pupils' work in these subjects is often
                    brief and of low quality.
                """),
                ),
                Area(
                    "Achievement",
                    t.EXPECTED,
                    paras("""
                    At the end of key stage 4, pupils' outcomes are close to national averages,
                    although they are lower in science.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.EXPECTED,
                    paras("""
                    Pupils attend regularly and behave well around the site.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.EXPECTED,
                    paras("""
                    The careers programme is well organised, and pupils learn about healthy
                    relationships in an age-appropriate way.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXPECTED,
                    paras("""
                    The school's leaders are committed and governors are well informed. Leaders'
                    checks on teaching have not been sharp enough to identify the inconsistency
                    that inspectors found.
                """),
                ),
                Area(
                    "Sixth form",
                    t.NEEDS,
                    paras("""
                    Students' results in the sixth form are weak in many subjects, and a high
                    proportion of students do not complete their courses. Teaching in the sixth
                    form does not routinely stretch students.
                """),
                ),
            ),
            next_steps=(
                p("""The school should make sure that teachers check pupils' understanding and
                   address misconceptions in all subjects."""),
                p("""The school should raise achievement and completion rates in the sixth
                   form."""),
            ),
            about=paras("""
                Inspectors met senior leaders, subject leaders, the head of sixth form, governors
                and a representative of the local authority.
            """),
        ),
        Note(
            file="sip-record-2026-06.txt",
            kind="visit_note",
            date=d(2026, 6, 11),
            title="Pennmoor Council - SIP Record of Visit",
            preamble=("School: Tennyson High School", "Date: 11 June 2026", "SIP: Amanda Frost"),
            sections=(
                (
                    "Findings",
                    paras("""
                    The school's September SEF graded every area good; the report card found two
                    areas needing attention, and the SEF has not yet been revised.

                    A-level value added was negative in nine of fourteen subjects in 2025, and 19%
                    of students left before completing Year 13.
                """),
                ),
                (
                    "Support",
                    paras("""
                    Enhanced support agreed: a science curriculum review and sixth-form work with a
                    partner school's head of sixth form.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 1),
            rows=(
                ("ks4_progress8", "-0.08", "0.0", "2024/25"),
                ("ks4_attainment8", "45.0", "45.9", "2024/25"),
                ("attendance_pct", "91.4", "91.0", "2024/25"),
                ("suspension_rate", "12.9", "17.8", "2024/25"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 3,
        "achievement": 3,
        "leadership": 3,
        "attendance": 2,
        "behaviour": 2,
        "inclusion_send": 2,
        "personal_development": 2,
        "safeguarding": 2,
    },
    categories=cats("developing", "support-and-challenge", "prevention", "satisfactory"),
    evidence=(
        Ev(
            "curriculum_teaching",
            3,
            "report-card-2026-02.pdf",
            "The school's curriculum is not taught consistently well.",
        ),
        Ev(
            "achievement",
            3,
            "report-card-2026-02.pdf",
            "Students' results in the sixth form are weak in many subjects",
        ),
        Ev(
            "leadership",
            3,
            "report-card-2026-02.pdf",
            "Leaders' checks on teaching have not been sharp enough to identify the inconsistency "
            "that inspectors found.",
        ),
        Ev(
            "leadership",
            3,
            "sip-record-2026-06.txt",
            "the report card found two areas needing attention, and the SEF has not yet been "
            "revised",
        ),
        Ev(
            "achievement",
            3,
            "sip-record-2026-06.txt",
            "A-level value added was negative in nine of fourteen subjects in 2025",
        ),
        Ev("attendance", 2, "indicators-2024-25.csv", "attendance_pct,91.4,91.0,2024/25"),
        Ev(
            "behaviour",
            2,
            "report-card-2026-02.pdf",
            "Pupils attend regularly and behave well around the site.",
        ),
    ),
    rationale=p("""
        The February 2026 report card grades curriculum and teaching and the sixth form needs
        attention and the other areas expected standard, with safeguarding met. The September 2025
        SEF, on the old four-point scale, claims good in every area and has not been revised; the
        June 2026 SIP record confirms weak A-level outcomes and agrees enhanced support. Bristol
        Developing (partially secure; self-evaluation not accurate), Surrey Support and Challenge,
        Buckinghamshire Prevention, Staffordshire Category 3. Tricky case: an over-graded SEF on
        the old scale beside a report card on the new one.
    """),
)
