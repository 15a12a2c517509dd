"""940012: a primary school that requires improvement (February 2025, no overall effectiveness)
whose monitoring letter says leaders are not taking effective action, with governance and budget
concerns on top."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import EifReport, Ev, Indicators, Letter, Note, School, cats

SCHOOL = School(
    urn="940012",
    name="Crowthorne Primary School",
    phase="primary",
    address=("Crowthorne Road, Ravensby", "Northdale RV5 4CP"),
    details=maintained(
        "940012",
        "Ravensby",
        "Primary",
        "3 to 11",
        "318",
        "The governing body",
        "Vacant (acting chair: Lorna Day)",
        "Philip Sowerby",
        "21 and 22 November 2017",
    ),
    head="Mr Sowerby",
    documents=(
        EifReport(
            file="ofsted-report-2025-02.pdf",
            date=d(2025, 2, 27),
            dates_text="26 and 27 February 2025",
            overall=None,
            judgements=(
                ("The quality of education", t.RI),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.RI),
                ("Early years provision", t.RI),
            ),
            previous=t.GOOD,
            attend=paras("""
                Pupils are friendly and well behaved. They enjoy the school's clubs and say that
                adults help them if they have a worry. However, the school does not expect enough of
                pupils in their learning, and many do not achieve as well as they could.
            """),
            well=paras("""
                The school has not ensured that the curriculum sets out what pupils should learn in
                several subjects. Reading is not taught well enough in the early years and key
                stage 1, and pupils who fall behind are not helped to catch up.

                In the Nursery and Reception classes, activities often lack a clear purpose, and
                children's language is not developed well.

                The school's evaluation of its own work is too generous. Governors do not have the
                information they need to challenge leaders.
            """),
            safeguarding_effective=True,
            improve=(
                p("""The school should set out the important knowledge pupils must learn in every
                   subject and make sure that it is taught well."""),
                p("""The school should make sure that early reading is taught consistently and that
                   pupils who fall behind catch up quickly."""),
                p("""Governors should make sure that they receive accurate information about the
                   school's performance."""),
            ),
            about=paras("""
                Inspectors met the headteacher, the early years leader, subject leaders and
                governors. They carried out deep dives in early reading, mathematics, science and
                history.
            """),
        ),
        Letter(
            file="monitoring-inspection-2025-11.pdf",
            date=d(2025, 11, 27),
            dates_text="12 November 2025",
            verdict="not_effective",
            previous="February 2025",
            sections=(
                (
                    "Main findings",
                    paras("""
                    The school's action plan lists many activities but has no measures of success,
                    and the school cannot show what difference its work has made. Early reading has
                    not improved: several staff teaching phonics have still not been trained.

                    Governance has weakened. The chair resigned in the summer, five governor places
                    are vacant, and the autumn meeting was cancelled because it would not have been
                    quorate.
                """),
                ),
            ),
            improve=(
                p("""produce a focused plan with clear measures of success"""),
                p("""train every member of staff who teaches phonics"""),
                p("""reconstitute the governing body so that it can hold leaders to account"""),
            ),
            about=paras("""
                I met the headteacher, the acting chair of governors and a local authority officer,
                and visited phonics sessions in Reception and Year 1.
            """),
            inspector="Mohammed Qureshi",
        ),
        Note(
            file="governors-minutes-2026-01.docx",
            kind="minutes",
            date=d(2026, 1, 29),
            title="Crowthorne Primary School Governing Body: Minutes, 29 January 2026",
            preamble=(
                "Present: Lorna Day (acting chair), three governors, Philip Sowerby",
                "Vacancies: five",
            ),
            sections=(
                (
                    "Budget",
                    paras("""
                    The school's budget is forecast to be in deficit by 4.8% of income by March
                    2026. Governors asked the LA for a finance adviser.
                """),
                ),
                (
                    "LA update",
                    paras("""
                    The LA officer said that across the authority's primary schools falling rolls
                    are putting budgets under pressure.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("ks2_rwm_expected_pct", "52", "62", "2024/25"),
                ("phonics_expected_pct", "70", "80", "2024/25"),
                ("attendance_pct", "94.3", "94.9", "2024/25"),
                ("budget_balance_pct", "-4.8", "", "2025/26"),
                ("governor_vacancies", "5", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 3,
        "early_years": 3,
        "leadership": 3,
        "governance": 3,
        "finance_estates": 3,
        "achievement": 3,
        "behaviour": 2,
        "personal_development": 2,
        "safeguarding": 2,
        "attendance": 2,
    },
    categories=cats("developing", "support-and-challenge-plus", "intervention", "satisfactory"),
    evidence=(
        Ev(
            "curriculum_teaching",
            3,
            "ofsted-report-2025-02.pdf",
            "Reading is not taught well enough in the early years and key stage 1",
        ),
        Ev(
            "early_years",
            3,
            "ofsted-report-2025-02.pdf",
            "In the Nursery and Reception classes, activities often lack a clear purpose",
        ),
        Ev(
            "leadership",
            3,
            "monitoring-inspection-2025-11.pdf",
            "the school cannot show what difference its work has made",
        ),
        Ev("governance", 3, "monitoring-inspection-2025-11.pdf", "Governance has weakened."),
        Ev(
            "finance_estates",
            3,
            "governors-minutes-2026-01.docx",
            "The school's budget is forecast to be in deficit by 4.8% of income by March 2026.",
        ),
        Ev("achievement", 3, "indicators-2024-25.csv", "ks2_rwm_expected_pct,52,62,2024/25"),
        Ev("behaviour", 2, "ofsted-report-2025-02.pdf", "Pupils are friendly and well behaved."),
    ),
    rationale=p("""
        Requires improvement in February 2025 (quality of education, leadership and early years;
        behaviour and personal development good; safeguarding effective; no overall effectiveness
        grade). The November 2025 monitoring letter finds leaders are not taking effective action;
        governance has weakened (chair resigned, five vacancies, a meeting cancelled as inquorate)
        and the budget is heading for a 4.8% deficit. Bristol Developing (partially secure,
        leadership and governance need external support), Surrey Support and Challenge+ (RI with
        serious and significant other concerns), Buckinghamshire Intervention, Staffordshire
        Category 3. Tricky case: a Sept 2024-Nov 2025 report with no overall grade.
    """),
)
