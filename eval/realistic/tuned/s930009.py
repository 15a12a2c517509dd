"""930009: a pupil referral unit that requires improvement (2023, with overall effectiveness) and
whose monitoring letter says leaders are taking effective action; attendance stays low."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Letter, Note, School, cats

SCHOOL = School(
    urn="930009",
    name="The Compass Centre",
    phase="pru",
    address=("Unit 4, Wharf Street, Wexcombe", "Westshire WX2 5BB"),
    details=maintained(
        "930009",
        "Wexcombe",
        "Pupil referral unit",
        "11 to 16",
        "72",
        "The local authority",
        "Deborah Quayle (management committee)",
        "Neil Ashworth",
        "10 and 11 October 2018",
    ),
    head="Mr Ashworth",
    documents=(
        EifReport(
            file="ofsted-report-2023-06.pdf",
            date=d(2023, 6, 22),
            dates_text="21 and 22 June 2023",
            overall=t.RI,
            judgements=(
                ("The quality of education", t.RI),
                ("Behaviour and attitudes", t.RI),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.RI),
            ),
            previous=t.GOOD,
            attend=paras("""
                Pupils come to the Compass Centre after being permanently excluded or at risk of
                exclusion. Many say that staff have helped them to make a fresh start. However,
                too many pupils do not attend often enough, and some lessons are interrupted by
                poor behaviour that staff do not manage consistently.
            """),
            well=paras("""
                Leaders have started to redesign the curriculum so that pupils study a broader
                range of subjects. In English and mathematics, plans are clear. In science and the
                humanities, teachers do not know what pupils learned in their previous schools, so
                pupils repeat some topics and miss others.

                Leaders' expectations of behaviour are not applied consistently by all staff.
                Pupils' attendance is low, and the centre's work with families has not yet made a
                difference.

                Pupils receive helpful careers advice, and the centre's links with local colleges
                mean that most pupils move on to a post-16 course.
            """),
            safeguarding_effective=True,
            improve=(
                p("""The curriculum in science and the humanities is not well planned. Leaders
                   should make sure that it takes account of what pupils already know."""),
                p("""Staff do not apply the behaviour policy consistently. Leaders should make sure
                   that all staff do so."""),
                p("""Attendance is low. Leaders should work with families and other agencies to
                   improve it."""),
            ),
            about=paras("""
                Inspectors met the headteacher, senior leaders, members of the management committee
                and a representative of the local authority. They visited both teaching sites.
            """),
        ),
        Letter(
            file="monitoring-letter-2025-01.pdf",
            date=d(2025, 1, 30),
            dates_text="15 January 2025",
            verdict="effective",
            previous="June 2023",
            sections=(
                (
                    "Main findings",
                    paras("""
                    Since the inspection, leaders have completed the curriculum in science and the
                    humanities. Teachers now assess what pupils know when they arrive, and pupils'
                    work shows that they build on it.

                    A new behaviour policy was introduced in September 2023, with training for all
                    staff. Lessons I visited were calm, and the number of incidents recorded has
                    fallen by about a third.

                    Attendance remains the weakest area. It has risen slightly but is still low,
                    and a number of pupils are on reduced timetables for longer than the centre's
                    own policy allows.
                """),
                ),
            ),
            improve=(
                p("""make sure that pupils on reduced timetables return to full-time education as
                   quickly as possible"""),
                p("""continue to improve pupils' attendance, working with families and the local
                   authority"""),
            ),
            about=paras("""
                I met the headteacher, senior leaders, the chair of the management committee and a
                representative of the local authority. I visited lessons and scrutinised records of
                attendance and behaviour.
            """),
            inspector="Sunita Verma",
        ),
        Note(
            file="visit-note-2026-02.txt",
            kind="visit_note",
            date=d(2026, 2, 11),
            title="Wexcombe Council: Alternative Provision Visit Note",
            preamble=(
                "Provision: The Compass Centre (PRU)",
                "Date: 11 February 2026",
                "Officer: Kavita Rao, School Improvement Officer",
            ),
            sections=(
                (
                    "Attendance and reduced timetables",
                    paras("""
                    Attendance this year is 61.3%, below the 66.1% for alternative provision
                    nationally, and 17 pupils are on part-time timetables, five of them for more
                    than six weeks. Leaders have a clear plan, but it depends on the LA's
                    attendance team, which is short-staffed.
                """),
                ),
                (
                    "Curriculum and behaviour",
                    paras("""
                    The curriculum improvements noted by Ofsted have been sustained. Behaviour
                    incidents continue to fall. Leaders are realistic about what still needs to be
                    done and asked for support with reintegration.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    Records are detailed and well organised, and the designated safeguarding lead
                    works closely with youth offending and early help teams.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2025-26.csv",
            date=d(2026, 2, 11),
            rows=(
                ("attendance_pct", "61.3", "66.1", "2025/26"),
                ("persistent_absence_pct", "68.0", "62.5", "2025/26"),
                ("part_time_timetables", "17", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "attendance": 3,
        "behaviour": 3,
        "curriculum_teaching": 3,
        "leadership": 3,
        "personal_development": 2,
        "safeguarding": 2,
    },
    categories=cats("developing", "support-and-challenge", "prevention", "satisfactory"),
    evidence=(
        Ev(
            "curriculum_teaching",
            3,
            "ofsted-report-2023-06.pdf",
            "In science and the humanities, teachers do not know what pupils learned in their "
            "previous schools",
        ),
        Ev(
            "attendance", 3, "monitoring-letter-2025-01.pdf", "Attendance remains the weakest area."
        ),
        Ev(
            "attendance",
            3,
            "visit-note-2026-02.txt",
            "17 pupils are on part-time timetables, five of them for more than six weeks",
        ),
        Ev("attendance", 3, "indicators-2025-26.csv", "attendance_pct,61.3,66.1,2025/26"),
        Ev(
            "behaviour",
            3,
            "ofsted-report-2023-06.pdf",
            "Leaders' expectations of behaviour are not applied consistently by all staff.",
        ),
        Ev("safeguarding", 2, "visit-note-2026-02.txt", "Records are detailed and well organised"),
        Ev(
            "personal_development",
            2,
            "ofsted-report-2023-06.pdf",
            "Pupils receive helpful careers advice",
        ),
    ),
    rationale=p("""
        Requires improvement in June 2023 (overall effectiveness, quality of education, behaviour
        and leadership; personal development good; safeguarding effective). The January 2025
        monitoring letter finds leaders are taking effective action, with curriculum and behaviour
        improving, but attendance remains low; in February 2026 attendance is 61.3% against 66.1%
        for AP nationally and 17 pupils are on part-time timetables. Bristol Developing (partially
        secure, low attendance, PTTTs higher than expected), Surrey Support and Challenge (RI),
        Buckinghamshire Prevention, Staffordshire Category 3. Tricky case: a positive monitoring
        verdict does not replace the RI judgement.
    """),
)
