"""940003: a secondary school judged good in 2019 whose recent monitoring notes show decline on
several fronts at once; a 2023 ungraded letter said it continued to be good and the SEF still
claims good."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Letter, Note, School, Sef, cats

SCHOOL = School(
    urn="940003",
    name="Ravensby Moor School",
    phase="secondary",
    address=("Moor Top Lane, Ravensby", "Northdale RV2 8MT"),
    details=maintained(
        "940003",
        "Ravensby",
        "Secondary",
        "11 to 16",
        "1,012",
        "The governing body",
        "Keith Armitage",
        "Colin Weir",
        "5 and 6 June 2014",
    ),
    head="Mr Weir",
    documents=(
        EifReport(
            file="ofsted-2019-12.pdf",
            date=d(2019, 12, 5),
            dates_text="4 and 5 December 2019",
            overall=t.GOOD,
            judgements=(
                ("The quality of education", t.GOOD),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.GOOD),
            ),
            previous=t.GOOD,
            attend=paras("""
                The school is a friendly and orderly place. Most pupils like their lessons and get
                on well with their teachers. Pupils know how to keep themselves safe, including
                online.
            """),
            well=paras("""
                The school has strengthened its curriculum since the last inspection, especially in
                science and geography, where pupils now study topics in a logical order. Pupils'
                results at GCSE are in line with the national average.

                Some teachers do not check that pupils have understood before moving on, and in
                these lessons some pupils lose focus. The school should ensure that checking for
                understanding is consistent.

                Pupils with SEND are supported well in lessons.
            """),
            safeguarding_effective=True,
            improve=(
                p("""Teachers do not always check pupils' understanding. The school should make
                   sure that assessment in lessons is used consistently well."""),
            ),
            about=paras("""
                Inspectors held meetings with the headteacher, other senior staff, curriculum
                leaders and governors. They conducted deep dives in English, science, geography and
                physical education.
            """),
        ),
        Letter(
            file="ungraded-inspection-2023-02.pdf",
            date=d(2023, 2, 23),
            dates_text="7 and 8 February 2023",
            verdict="continues",
            sections=(
                (
                    t.EIF_ATTEND,
                    paras("""
                    Ravensby Moor is a calm and purposeful school. Pupils are courteous, and they
                    told inspectors that teachers are quick to help when work is hard. Most pupils
                    attend regularly.
                """),
                ),
                (
                    t.EIF_WELL,
                    paras("""
                    The school has kept the strengths found at the last inspection. Its curriculum
                    is logically ordered in most subjects, and pupils' GCSE results remain close to
                    the national average.

                    The way teachers check pupils' understanding is more consistent than in 2019,
                    although in modern languages it is still variable.

                    Governors receive regular reports on behaviour and attendance and ask useful
                    questions about them.
                """),
                ),
                (t.EIF_SAFEGUARDING, (t.EIF_EFFECTIVE,)),
            ),
            improve=(
                p("""In modern languages, teachers do not check pupils' understanding
                   consistently. The school should make sure that they do."""),
            ),
            about=paras("""
                Inspectors met the headteacher, other leaders, teachers and governors, and carried
                out deep dives in English, mathematics, modern languages and art.
            """),
            inspector="Philippa Rowntree",
        ),
        Sef(
            file="school-sef-2025.docx",
            date=d(2025, 9, 12),
            title="Ravensby Moor School - Self Evaluation Summary, September 2025",
            intro=paras("""
                We remain a good school with a clear plan for moving to outstanding.
            """),
            scale_note="Overall effectiveness and key judgements (Ofsted EIF grades).",
            rows=(
                ("Overall effectiveness", "Good", "Secure across all areas."),
                ("Quality of education", "Good", "Curriculum refreshed 2023."),
                ("Behaviour and attitudes", "Good", "New rewards system launched."),
                ("Personal development", "Good", "Careers programme meets all benchmarks."),
                ("Leadership and management", "Good", "Experienced and stable senior team."),
            ),
            sections=(),
        ),
        Note(
            file="monitoring-note-2025-11.txt",
            kind="visit_note",
            date=d(2025, 11, 6),
            title="Ravensby Council Education Standards Team: Monitoring Note",
            preamble=(
                "School: Ravensby Moor School",
                "Visit date: 6 November 2025",
                "Adviser: Sarah Kinsella",
            ),
            sections=(
                (
                    "Outcomes",
                    paras("""
                    Progress 8 fell to -0.52 in 2025, from +0.05 in 2023. Disadvantaged pupils'
                    Progress 8 was -1.10.
                """),
                ),
                (
                    "Behaviour",
                    paras("""
                    Suspensions have doubled in two years to 34.8 per 100 pupils, and the school
                    has issued four permanent exclusions this term. Staff describe behaviour at
                    lunchtime as difficult to manage.
                """),
                ),
                (
                    "Parents and complaints",
                    paras("""
                    Fourteen formal complaints were received last year, up from four, most about
                    behaviour and communication. The complaints policy has not been reviewed since
                    2019.
                """),
                ),
            ),
        ),
        Note(
            file="monitoring-note-2026-03.md",
            kind="visit_note",
            date=d(2026, 3, 12),
            title="Education Standards Team: Monitoring Note (follow-up)",
            preamble=(
                "School: Ravensby Moor School",
                "Date: 12 March 2026",
                "Adviser: Sarah Kinsella",
            ),
            sections=(
                (
                    "Leadership and governance",
                    paras("""
                    The school's self-evaluation does not recognise the decline in outcomes or
                    behaviour. The governing body has five vacancies and has not met its own
                    schedule of meetings.
                """),
                ),
                (
                    "Finance",
                    paras("""
                    The school is forecasting a deficit of 2.6% of income at year end.
                """),
                ),
                (
                    "Agreed actions",
                    paras("""
                    A champion headteacher from a partner school will work with
                    the senior team. Weekly behaviour data to the LA.
                """),
                ),
            ),
        ),
        Indicators(
            file="ks4-and-behaviour-2024-25.csv",
            date=d(2025, 10, 2),
            rows=(
                ("ks4_progress8", "-0.52", "0.0", "2024/25"),
                ("ks4_attainment8", "41.3", "45.9", "2024/25"),
                ("suspension_rate", "34.8", "17.8", "2024/25"),
                ("complaints_count", "14", "", "2024/25"),
                ("governor_vacancies", "5", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "achievement": 3,
        "behaviour": 3,
        "parents_complaints": 3,
        "leadership": 3,
        "governance": 3,
        "finance_estates": 3,
        "safeguarding": 2,
        "curriculum_teaching": 2,
    },
    categories=cats("developing", "support-and-challenge", "intervention", "satisfactory"),
    evidence=(
        Ev(
            "achievement",
            3,
            "monitoring-note-2025-11.txt",
            "Progress 8 fell to -0.52 in 2025, from +0.05 in 2023.",
        ),
        Ev(
            "behaviour",
            3,
            "monitoring-note-2025-11.txt",
            "Suspensions have doubled in two years to 34.8 per 100 pupils",
        ),
        Ev(
            "parents_complaints",
            3,
            "monitoring-note-2025-11.txt",
            "Fourteen formal complaints were received last year, up from four",
        ),
        Ev(
            "leadership",
            3,
            "monitoring-note-2026-03.md",
            "The school's self-evaluation does not recognise the decline in outcomes or behaviour.",
        ),
        Ev(
            "governance",
            3,
            "monitoring-note-2026-03.md",
            "The governing body has five vacancies and has not met its own schedule of meetings.",
        ),
        Ev(
            "finance_estates",
            3,
            "monitoring-note-2026-03.md",
            "The school is forecasting a deficit of 2.6% of income at year end.",
        ),
        Ev("behaviour", 3, "ks4-and-behaviour-2024-25.csv", "suspension_rate,34.8,17.8,2024/25"),
    ),
    rationale=p("""
        The only graded inspection is a good report from December 2019 (overall effectiveness good),
        with a development point on checking understanding; a February 2023 ungraded (section 8)
        letter says the school continues to be good. The 2025-26 monitoring notes and data
        show decline on several fronts: Progress 8 -0.52, suspensions 34.8 per 100 and four
        permanent exclusions this term, complaints up from four to fourteen, five governor
        vacancies, a forecast deficit and a SEF that still claims good. No inadequate judgement or
        safeguarding concern. Bristol Developing, Surrey Support and Challenge (good school at
        serious risk of decline), Buckinghamshire Intervention (several significant
        vulnerabilities needing a champion), Staffordshire Category 3. Tricky case: an old good EIF
        report contradicted by recent visit notes.
    """),
)
