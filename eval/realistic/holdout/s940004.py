"""940004: an independent all-through school whose progress monitoring inspection finds Parts 3, 6
and 8 not met, with safeguarding and attendance registers among the failures."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, independent, p, paras
from eval.realistic.model import EifReport, Ev, IndependentMonitoring, Note, School, cats

SCHOOL = School(
    urn="940004",
    name="Westbury Manor School",
    phase="all-through",
    address=("Westbury Manor, Old Hall Road, Ravensby", "Northdale RV6 2WM"),
    details=independent(
        "940004",
        "926/6044",
        "Ravensby",
        "Other independent school",
        "4 to 16",
        "211",
        "Westbury Manor Educational Trust",
        "Gillian Royce",
        "\u00a311,250 to \u00a314,700",
        "19 to 21 November 2024",
    ),
    head="Mrs Royce",
    documents=(
        EifReport(
            file="standard-inspection-2024-11.pdf",
            date=d(2024, 11, 21),
            dates_text="19 to 21 November 2024",
            overall=None,
            judgements=(
                ("The quality of education", t.GOOD),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.RI),
                ("Early years provision", t.GOOD),
            ),
            previous=t.GOOD,
            independent=True,
            meets_standards=False,
            attend=paras("""
                Pupils enjoy the small classes and the family atmosphere of the school. They are
                polite and keen to learn, and older pupils look out for younger ones.
            """),
            well=paras("""
                The school's curriculum is well planned in most subjects, and pupils achieve well.
                In the early years, children learn to read quickly.

                The school's records of pupils' attendance are not kept as the regulations require,
                and some absences are not followed up. Several required policies are missing from
                the school's website. The proprietor has not checked that the school meets all of
                the independent school standards.
            """),
            safeguarding_effective=True,
            improve=(
                p("""The proprietor must make sure that the admission and attendance registers are
                   kept as the regulations require, and that absences are followed up."""),
                p("""The proprietor must make sure that the school publishes the information that
                   parents are entitled to."""),
            ),
            about=paras("""
                Inspectors met the headteacher, the chair of the trust and staff, and visited
                lessons in the primary and secondary departments.
            """),
        ),
        IndependentMonitoring(
            file="progress-monitoring-2026-03.pdf",
            date=d(2026, 3, 19),
            dates_text="17 to 19 March 2026",
            meets=False,
            previous=p("""
                At the standard inspection in November 2024, the school did not meet the standards
                in Parts 3, 6 and 8. This is the first progress monitoring inspection. The
                Department for Education also asked inspectors to look at safeguarding, after it
                received a complaint from a parent.
            """),
            parts={
                3: (
                    paras("""
                    The attendance register is still not kept properly. Inspectors found pupils
                    marked present who were not in school, and eleven pupils who had been absent for
                    more than ten days without any contact with their families being recorded.

                    The school's handling of a parent's safeguarding complaint was poor. Staff did
                    not record the concern and did not contact children's social care, although
                    the information suggested a risk of harm. Fire drills have not been carried out
                    this academic year, and the health and safety policy is not being implemented.
                """),
                    "not met",
                ),
                4: (
                    paras("""
                    The single central register now records all required checks.
                """),
                    "met",
                ),
                6: (
                    paras("""
                    The school's website still does not include the safeguarding policy or the
                    particulars of the arrangements for admissions and attendance.
                """),
                    "not met",
                ),
                8: (
                    paras("""
                    The proprietor has not ensured that the standards in this part are met.
                    Trustees rely on the headteacher's reports and have not checked whether the
                    actions in their plan were carried out. Leaders have not made sure that the
                    standards are met consistently, and the weaknesses in safeguarding show that
                    pupils' well-being is not actively promoted.
                """),
                    "not met",
                ),
            },
            unmet=(
                "safeguarding",
                "health-safety",
                "attendance-register",
                "information",
                "leadership",
            ),
            about=paras("""
                Inspectors met the headteacher, the chair and another trustee, the designated
                safeguarding lead and staff. They examined the admission and attendance registers,
                safeguarding records, fire safety records and the school's website.
            """),
        ),
        Note(
            file="cme-officer-note-2026-04.txt",
            kind="visit_note",
            date=d(2026, 4, 2),
            title="Ravensby Council: Children Missing Education - Officer Note",
            preamble=(
                "Setting: Westbury Manor School (independent)",
                "Date: 2 April 2026",
                "Officer: Lee Hampson, Education Welfare",
            ),
            sections=(
                (
                    "Summary",
                    paras("""
                    Following the progress monitoring report, I checked the school's register
                    against our records. Three pupils on the school's roll had not attended since
                    January and had not been reported to the local authority as required.

                    The headteacher has agreed to send weekly attendance returns. A referral
                    has been made to the local authority designated officer about the handling of
                    the
                    parent's complaint.
                """),
                ),
            ),
        ),
    ),
    aspects={
        "safeguarding": 4,
        "leadership": 4,
        "governance": 4,
        "attendance": 4,
        "curriculum_teaching": 2,
        "behaviour": 2,
        "early_years": 2,
    },
    categories=cats("causing-concern", "support-and-challenge-plus", "intervention", "inadequate"),
    evidence=(
        Ev(
            "safeguarding",
            4,
            "progress-monitoring-2026-03.pdf",
            "Staff did not record the concern and did not contact children's social care",
        ),
        Ev(
            "attendance",
            4,
            "progress-monitoring-2026-03.pdf",
            "The attendance register is still not kept properly.",
        ),
        Ev(
            "leadership",
            4,
            "progress-monitoring-2026-03.pdf",
            "Leaders have not made sure that the standards are met consistently",
        ),
        Ev(
            "governance",
            4,
            "progress-monitoring-2026-03.pdf",
            "Trustees rely on the headteacher's reports and have not checked whether the actions "
            "in their plan were carried out.",
        ),
        Ev(
            "attendance",
            4,
            "cme-officer-note-2026-04.txt",
            "Three pupils on the school's roll had not attended since January and had not been "
            "reported to the local authority as required.",
        ),
        Ev(
            "curriculum_teaching",
            2,
            "standard-inspection-2024-11.pdf",
            "The school's curriculum is well planned in most subjects, and pupils achieve well.",
        ),
    ),
    rationale=p("""
        An independent all-through school. The November 2024 standard inspection found Parts 3, 6
        and 8 unmet (attendance registers, published information, leadership), with teaching and
        behaviour good. The March 2026 progress monitoring inspection finds the school still does
        not meet the standards checked: a safeguarding complaint was neither recorded nor referred,
        the attendance register is inaccurate, fire safety is neglected and Part 8 leadership is not
        met; the LA's CME officer found pupils missing education unreported. Safeguarding and
        leadership failures are limiting: Bristol Causing Concern, Surrey Support and Challenge+,
        Buckinghamshire Intervention, Staffordshire Category 4. Tricky case: 'The single central
        register now records all required checks' (Part 4 met) and the schedule's regulation
        wording must not be read as strengths.
    """),
)
