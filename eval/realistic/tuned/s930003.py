"""930003: a good EIF report from 2019 (with overall effectiveness) contradicted by recent visit
notes and data; the SEF still grades the school good."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Note, School, Sef, cats

SCHOOL = School(
    urn="930003",
    name="Thornfield Primary School",
    phase="primary",
    address=("Mill Lane, Thornfield, Wexcombe", "Westshire WX7 2DS"),
    details=maintained(
        "930003",
        "Wexcombe",
        "Primary",
        "4 to 11",
        "287",
        "The governing body",
        "Anne Pritchard",
        "Gareth Lowe",
        "20 January 2015",
    ),
    head="Mr Lowe",
    documents=(
        EifReport(
            file="ofsted-report-2019-11.pdf",
            date=d(2019, 11, 13),
            dates_text="12 and 13 November 2019",
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
                Pupils enjoy coming to Thornfield. They told us that teachers make learning fun and
                that there is always someone to talk to. Pupils behave well in lessons and are
                polite to visitors. They feel safe and say that bullying is rare.
            """),
            well=paras("""
                Leaders have made reading a priority. Children begin learning phonics as soon as
                they start in Reception, and books are well matched to the sounds they know. Most
                pupils read fluently by the end of Year 2.

                The mathematics curriculum is well organised. Teachers revisit important ideas so
                that pupils remember them. Pupils achieve well in mathematics by the end of key
                stage 2.

                In a few foundation subjects, such as history and design and technology, leaders
                have not yet identified the key knowledge that pupils should learn in each year.
                As a result, pupils cannot always recall what they have been taught. Leaders have
                begun to address this.

                Children in the early years settle quickly. Adults plan activities that develop
                children's language and number skills well.
            """),
            safeguarding_effective=True,
            safeguarding=paras("""
                Staff are well trained and know how to pass on concerns. Leaders carry out the
                required checks on adults who work in the school.
            """),
            improve=(
                p("""In some foundation subjects, leaders have not set out the knowledge pupils
                   should learn in each year. Leaders should complete their work on the curriculum
                   in these subjects so that pupils build their knowledge over time."""),
            ),
            about=paras("""
                Inspectors met the headteacher, the deputy headteacher, subject leaders and three
                governors, and spoke to a representative of the local authority. They carried out
                deep dives in reading, mathematics and history.
            """),
        ),
        Sef(
            file="sef-2025-09.docx",
            date=d(2025, 9, 19),
            title="Thornfield Primary School Self-Evaluation Form, September 2025",
            intro=paras("""
                Thornfield remains a good school. We are proud of our caring ethos and of the
                progress pupils make from their starting points.
            """),
            scale_note="Judgements use the Ofsted grades of the education inspection framework.",
            rows=(
                ("Quality of education", "Good", "Broad curriculum; reading prioritised."),
                ("Behaviour and attitudes", "Good", "Calm classrooms; few incidents."),
                ("Personal development", "Good", "Strong pastoral care and enrichment."),
                ("Leadership and management", "Good", "Stable team despite staffing changes."),
                ("Early years", "Good", "Children settle quickly."),
            ),
            sections=(
                (
                    "Outcomes",
                    paras("""
                    Outcomes dipped in 2025 because of a challenging cohort with a high number of
                    pupils with SEND. We expect results to recover in 2026 without any change to
                    our approach.
                """),
                ),
            ),
        ),
        Note(
            file="visit-note-2025-11.md",
            kind="visit_note",
            date=d(2025, 11, 20),
            title="Wexcombe School Improvement Service: Note of Visit",
            preamble=(
                "School: Thornfield Primary School",
                "Date: 20 November 2025",
                "SIO: Kavita Rao",
            ),
            sections=(
                (
                    "Data review",
                    paras("""
                    KS2 combined outcomes fell to 51% in 2025, eleven points below national, and
                    this is the second year below national. Only 71% of Year 1 pupils met the
                    phonics standard. Attendance is 93.0% and persistent absence has risen to 21.4%.

                    Three teachers left in the summer, and two classes are now taught by supply
                    teachers on long-term cover.
                """),
                ),
                (
                    "Discussion",
                    paras("""
                    The headteacher attributes the dip to one cohort. The data show a wider pattern:
                    the disadvantaged gap has widened and phonics has fallen for two years. The SEF
                    does not yet reflect this.
                """),
                ),
                (
                    "Agreed actions",
                    paras("""
                    LA review of reading and phonics to be arranged for the spring term. Headteacher
                    to revise the SEF.
                """),
                ),
            ),
        ),
        Note(
            file="la-review-2026-05.docx",
            kind="visit_note",
            date=d(2026, 5, 14),
            title="Local Authority Review: Thornfield Primary School",
            preamble=("Date: 14 May 2026", "Reviewers: Kavita Rao (SIO), Dean Fuller (EY adviser)"),
            sections=(
                (
                    "Quality of education",
                    paras("""
                    Teaching in Years 3 and 4 was inconsistent: in several lessons tasks were not
                    matched to what pupils already knew, and pupils lost interest. Phonics sessions
                    in Year 1 are not delivered with the same fidelity in each class, and the
                    weakest readers do not get daily catch-up.

                    The curriculum in history and design and technology is still not sequenced,
                    six years after the last inspection identified it.
                """),
                ),
                (
                    "Leadership",
                    paras("""
                    The school's judgement that the quality of education is good is not supported
                    by the evidence seen today. Leaders have not yet acted on the data from 2025.
                    The school now needs external support to improve outcomes and the consistency
                    of teaching.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    Safeguarding records were well kept, and referrals were made promptly and
                    followed up. Pupils said they feel safe.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("ks2_rwm_expected_pct", "51", "62", "2024/25"),
                ("phonics_expected_pct", "71", "80", "2024/25"),
                ("attendance_pct", "93.0", "94.9", "2024/25"),
                ("persistent_absence_pct", "21.4", "14.6", "2024/25"),
                ("disadvantaged_gap_pp", "31", "21", "2024/25"),
                ("staff_turnover_pct", "27", "", "2024/25"),
            ),
        ),
    ),
    aspects={
        "achievement": 3,
        "early_years": 3,
        "attendance": 3,
        "curriculum_teaching": 3,
        "leadership": 3,
        "staffing": 3,
        "safeguarding": 2,
        "behaviour": 2,
    },
    categories=cats("developing", "support-and-challenge", "prevention", "satisfactory"),
    evidence=(
        Ev(
            "achievement",
            3,
            "visit-note-2025-11.md",
            "KS2 combined outcomes fell to 51% in 2025, eleven points below national, and this is "
            "the second year below national.",
        ),
        Ev(
            "early_years",
            3,
            "visit-note-2025-11.md",
            "Only 71% of Year 1 pupils met the phonics standard.",
        ),
        Ev(
            "staffing",
            3,
            "visit-note-2025-11.md",
            "Three teachers left in the summer, and two classes are now taught by supply teachers "
            "on long-term cover.",
        ),
        Ev(
            "curriculum_teaching",
            3,
            "la-review-2026-05.docx",
            "Teaching in Years 3 and 4 was inconsistent",
        ),
        Ev(
            "leadership",
            3,
            "la-review-2026-05.docx",
            "The school's judgement that the quality of education is good is not supported by the "
            "evidence seen today.",
        ),
        Ev(
            "safeguarding",
            2,
            "la-review-2026-05.docx",
            "Safeguarding records were well kept, and referrals were made promptly and followed "
            "up.",
        ),
        Ev("attendance", 3, "indicators-2024-25.csv", "persistent_absence_pct,21.4,14.6,2024/25"),
        Ev(
            "behaviour",
            2,
            "ofsted-report-2019-11.pdf",
            "Pupils behave well in lessons and are polite to visitors.",
        ),
    ),
    rationale=p("""
        The only inspection is a good report from November 2019 (overall effectiveness good). Every
        recent source contradicts it: KS2 51% and phonics 71%, both below national for two years,
        persistent absence 21.4%, high staff turnover, inconsistent teaching and an unsequenced
        curriculum found by the May 2026 LA review, and a SEF that still grades everything good.
        Safeguarding is well kept. Bristol Developing (partially secure, needs external support,
        inaccurate self-evaluation, outcomes below national), Surrey Support and Challenge (good
        school vulnerable to decline), Buckinghamshire Prevention, Staffordshire Category 3.
        Tricky case: an old good EIF report contradicted by recent visit notes; its development
        point ('in a few foundation subjects') is not a lower grade in 2019.
    """),
)
