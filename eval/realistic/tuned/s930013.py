"""930013: an outstanding primary (2022, with overall effectiveness) with high outcomes but no
capacity this year to support other schools."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Note, School, cats

SCHOOL = School(
    urn="930013",
    name="St Bede's Catholic Primary School",
    phase="primary",
    address=("Priory Road, Wexcombe", "Westshire WX5 9AP"),
    details=maintained(
        "930013",
        "Wexcombe",
        "Voluntary aided",
        "4 to 11",
        "420",
        "The governing body",
        "Bernadette Nolan",
        "Francis Mulgrew",
        "14 and 15 November 2012",
    ),
    head="Mr Mulgrew",
    documents=(
        EifReport(
            file="ofsted-report-2022-05.pdf",
            date=d(2022, 5, 19),
            dates_text="18 and 19 May 2022",
            overall=t.OUTSTANDING,
            judgements=(
                ("The quality of education", t.OUTSTANDING),
                ("Behaviour and attitudes", t.OUTSTANDING),
                ("Personal development", t.OUTSTANDING),
                ("Leadership and management", t.OUTSTANDING),
                ("Early years provision", t.OUTSTANDING),
            ),
            previous=t.OUTSTANDING,
            attend=paras("""
                St Bede's is a school where pupils flourish. They are enthusiastic learners who
                talk about their work with real excitement. Pupils' conduct is exemplary in lessons
                and around the school, and they look after one another.
            """),
            well=paras("""
                Leaders have constructed an exceptionally ambitious curriculum. In every subject,
                they have set out precisely what pupils should know and in what order. Teachers
                have expert subject knowledge and present information with great clarity.

                Pupils achieve exceptionally well. By the end of Year 6, pupils' attainment in
                reading, writing and mathematics is well above the national average, and
                disadvantaged pupils achieve as well as their classmates.

                Children in Reception make an excellent start. The phonics programme is taught with
                complete consistency, and almost all pupils read fluently by the end of Year 1.

                Leaders are constantly looking for ways to improve. The next step in their plans is
                to extend pupils' opportunities to apply their mathematical knowledge to problem
                solving in upper key stage 2.
            """),
            safeguarding_effective=True,
            improve=(
                p("""There are no significant areas for improvement. Leaders may wish to continue
                   developing problem solving in upper key stage 2 mathematics."""),
            ),
            about=paras("""
                Inspectors met the headteacher, senior and subject leaders, governors and a
                representative of the diocese. They carried out deep dives in early reading,
                mathematics, geography and music.
            """),
        ),
        Note(
            file="visit-note-2025-10.txt",
            kind="visit_note",
            date=d(2025, 10, 8),
            title="Wexcombe School Improvement: Autumn Visit",
            preamble=(
                "School: St Bede's Catholic Primary School",
                "Date: 8 October 2025",
                "SIO: Kavita Rao",
            ),
            sections=(
                (
                    "Standards",
                    paras("""
                    Outcomes remain very high: KS2 combined 79% against 62% nationally and phonics
                    92%. Attendance is 96.4%, well above the national figure.
                """),
                ),
                (
                    "Capacity",
                    paras("""
                    The school is in the middle of a two-year building project, and the deputy
                    headteacher is on maternity leave until April. The headteacher has told the LA
                    that the school cannot take on system leadership work this year, and no support
                    for other schools is planned.
                """),
                ),
                (
                    "Category",
                    paras("""
                    Established, universal support. Revisit Extending when the building project is
                    complete.
                """),
                ),
            ),
        ),
        Note(
            file="governors-minutes-2025-11.docx",
            kind="minutes",
            date=d(2025, 11, 18),
            title="St Bede's Catholic Primary School: Governing Body, 18 November 2025",
            preamble=("Present: Bernadette Nolan (chair), Francis Mulgrew, eleven governors",),
            sections=(
                (
                    "Standards committee report",
                    paras("""
                    Governors scrutinised the 2025 results. The chair asked why greater depth in
                    writing had fallen slightly; the English leader explained the change in the
                    moderation sample and the plan for this year.
                """),
                ),
                (
                    "Safeguarding",
                    paras("""
                    The designated safeguarding lead presented the annual report. The policy sets
                    out how staff report concerns about a pupil, and governors checked the single
                    central record in September.
                """),
                ),
                (
                    "Diocesan update",
                    paras("""
                    The diocesan adviser reported that nationally fewer than one school in ten
                    received the top grade at its last graded inspection, and that two other
                    diocesan schools in the authority are in the LA's Developing category.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("ks2_rwm_expected_pct", "79", "62", "2024/25"),
                ("phonics_expected_pct", "92", "80", "2024/25"),
                ("attendance_pct", "96.4", "94.9", "2024/25"),
                ("disadvantaged_gap_pp", "4", "21", "2024/25"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 1,
        "achievement": 1,
        "behaviour": 1,
        "personal_development": 1,
        "early_years": 1,
        "leadership": 2,
        "attendance": 1,
        "safeguarding": 2,
        "governance": 2,
    },
    categories=cats("established", "light-touch", "enhancement", "outstanding"),
    evidence=(
        Ev(
            "curriculum_teaching",
            1,
            "ofsted-report-2022-05.pdf",
            "Leaders have constructed an exceptionally ambitious curriculum.",
        ),
        Ev("achievement", 1, "ofsted-report-2022-05.pdf", "Pupils achieve exceptionally well."),
        Ev(
            "behaviour",
            1,
            "ofsted-report-2022-05.pdf",
            "Pupils' conduct is exemplary in lessons and around the school",
        ),
        Ev(
            "achievement",
            1,
            "visit-note-2025-10.txt",
            "Outcomes remain very high: KS2 combined 79% against 62% nationally and phonics 92%.",
        ),
        Ev(
            "leadership",
            2,
            "visit-note-2025-10.txt",
            "the school cannot take on system leadership work this year",
        ),
        Ev("attendance", 1, "indicators-2024-25.csv", "attendance_pct,96.4,94.9,2024/25"),
        Ev(
            "governance",
            2,
            "governors-minutes-2025-11.docx",
            "The chair asked why greater depth in writing had fallen slightly",
        ),
    ),
    rationale=p("""
        Outstanding in every judgement in May 2022 (overall effectiveness outstanding), and
        outcomes and attendance are still well above national in 2025. But a building project and
        the deputy's maternity leave leave no capacity to support other schools this year, and the
        LA proposes Established until that changes. Bristol Established (secure everywhere with
        excellence, but no system role), Surrey Light Touch, Buckinghamshire Enhancement,
        Staffordshire Category 1 (upper quartile, overall effectiveness outstanding). The diocesan
        remarks about 'nationally' and other schools in Developing are not about St Bede's.
    """),
)
