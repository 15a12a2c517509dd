"""930007: a section 8 letter ('continues to be a good school'), then an acting headteacher and
staffing vacancies that limit capacity."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Ev, Indicators, Letter, Note, School, cats

SCHOOL = School(
    urn="930007",
    name="Fulwell Park School",
    phase="secondary",
    address=("Fulwell Avenue, Halbury", "Westshire HB6 3NA"),
    details=maintained(
        "930007",
        "Halbury",
        "Secondary",
        "11 to 16",
        "884",
        "The governing body",
        "Graham Pike",
        "Lindsay Carver",
        "15 and 16 March 2017",
    ),
    head="Ms Carver",
    documents=(
        Letter(
            file="ungraded-inspection-letter-2023-11.pdf",
            date=d(2023, 11, 28),
            dates_text="8 and 9 November 2023",
            verdict="continues",
            sections=(
                (
                    t.EIF_ATTEND,
                    paras("""
                    Pupils at Fulwell Park feel that they belong. They are welcomed into a
                    community where staff know them as individuals. Pupils behave sensibly, and
                    lessons are calm. Pupils told me that bullying is uncommon and that staff deal
                    with it well when it happens.
                """),
                ),
                (
                    t.EIF_WELL,
                    paras("""
                    Leaders have built a curriculum that is well thought out in almost all
                    subjects. Subject leaders have identified the important knowledge pupils need,
                    and teachers revisit it regularly. Pupils achieve well, and the school's
                    results are above the national averages for Progress 8.

                    The mathematics department has made effective use of training to make its
                    teaching more consistent. In modern foreign languages, however, some pupils in
                    key stage 3 struggle to remember vocabulary from earlier units, because it is
                    not revisited systematically.

                    Leaders take staff workload into account. Staff are proud to work at the
                    school.
                """),
                ),
                (t.EIF_SAFEGUARDING, (t.EIF_EFFECTIVE,)),
            ),
            improve=(
                p("""In modern foreign languages, pupils do not revisit vocabulary systematically.
                   Leaders should make sure that the curriculum builds in regular practice."""),
            ),
            about=paras("""
                I met the headteacher, senior leaders and three governors, including the chair. I
                carried out deep dives in mathematics, modern foreign languages and science.
            """),
            inspector="Robert Ellingham",
        ),
        Note(
            file="visit-note-2026-02.md",
            kind="visit_note",
            date=d(2026, 2, 26),
            title="Halbury School Improvement: Note of Visit, Fulwell Park School",
            preamble=(
                "Date: 26 February 2026",
                "SIO: Helen Marsh",
                "Met: Andrew Doyle (acting headteacher), Graham Pike (chair of governors)",
            ),
            sections=(
                (
                    "Context",
                    paras("""
                    Lindsay Carver left at Christmas to take up a headship in another authority.
                    Andrew Doyle, previously deputy headteacher, has been acting headteacher since
                    January 2026 while governors recruit. The deputy post is not covered.

                    The mathematics department has three vacancies, covered by long-term supply
                    staff, after two teachers relocated and one retired.
                """),
                ),
                (
                    "Findings",
                    paras("""
                    Standards remain secure: Progress 8 in 2025 was +0.14 and attendance is above
                    the national figure for secondary schools. Lessons visited with the acting head
                    were calm and well taught, including two taught by supply staff.

                    Leadership capacity is temporarily stretched. The acting head is covering both
                    senior roles, and middle leaders in mathematics are spending much of their
                    time inducting supply staff.
                """),
                ),
                (
                    "Support agreed",
                    paras("""
                    The LA will broker a mentor headteacher for the acting head for two terms and
                    will share its recruitment advert template. No concerns about standards.
                """),
                ),
            ),
        ),
        Note(
            file="fgb-minutes-2026-03.txt",
            kind="minutes",
            date=d(2026, 3, 17),
            title="Fulwell Park School: Full Governing Body, 17 March 2026",
            preamble=(
                "Present: Graham Pike (chair), Andrew Doyle (acting headteacher), ten governors",
                "The meeting was quorate.",
            ),
            sections=(
                (
                    "Headship recruitment",
                    paras("""
                    The recruitment panel shortlisted three candidates for interview on 21 April.
                    Governors agreed that the acting headteacher's allowance continues until a
                    substantive appointment starts.
                """),
                ),
                (
                    "Staffing",
                    paras("""
                    Vacancies in mathematics remain, and the school has re-advertised twice.
                    Governors noted that persistent absence across the authority's secondary
                    schools is 24%, against 19.7% at Fulwell Park.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    The designated safeguarding lead's termly report was received. The policy sets
                    out how staff report concerns about a pupil, and all new supply staff receive
                    the safeguarding induction on their first morning.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 10, 2),
            rows=(
                ("ks4_progress8", "0.14", "0.0", "2024/25"),
                ("ks4_attainment8", "48.3", "45.9", "2024/25"),
                ("attendance_pct", "92.2", "91.0", "2024/25"),
                ("persistent_absence_pct", "19.7", "23.1", "2024/25"),
                ("staff_turnover_pct", "17", "", "2024/25"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 2,
        "achievement": 2,
        "behaviour": 2,
        "attendance": 2,
        "leadership": 2,
        "staffing": 3,
        "safeguarding": 2,
        "governance": 2,
    },
    categories=cats("established", "light-touch-plus", "enhancement", "good"),
    evidence=(
        Ev(
            "achievement",
            2,
            "ungraded-inspection-letter-2023-11.pdf",
            "Pupils achieve well, and the school's results are above the national averages for "
            "Progress 8.",
        ),
        Ev(
            "curriculum_teaching",
            2,
            "ungraded-inspection-letter-2023-11.pdf",
            "Leaders have built a curriculum that is well thought out in almost all subjects.",
        ),
        Ev(
            "staffing",
            3,
            "visit-note-2026-02.md",
            "The mathematics department has three vacancies, covered by long-term supply staff",
        ),
        Ev(
            "leadership",
            2,
            "visit-note-2026-02.md",
            "Leadership capacity is temporarily stretched.",
        ),
        Ev(
            "achievement",
            2,
            "visit-note-2026-02.md",
            "Standards remain secure: Progress 8 in 2025 was +0.14",
        ),
        Ev("attendance", 2, "indicators-2024-25.csv", "attendance_pct,92.2,91.0,2024/25"),
        Ev(
            "behaviour",
            2,
            "ungraded-inspection-letter-2023-11.pdf",
            "Pupils behave sensibly, and lessons are calm.",
        ),
    ),
    rationale=p("""
        The November 2023 ungraded (section 8) inspection letter confirms that the school
        continues to be good, with one development point in modern foreign languages. Outcomes
        and attendance remain above national. Since January 2026 the school has had an acting
        headteacher, an uncovered deputy post and three mathematics vacancies on long-term supply:
        capacity is temporarily limited though standards are not at risk. Bristol Established,
        Surrey Light Touch+ (good, capacity limited by a new or acting head and temporary staffing),
        Buckinghamshire Enhancement (a brokered mentor, no champion deployment), Staffordshire
        Category 2. Tricky case: a section 8 letter, which carries no graded judgements of its own.
    """),
)
