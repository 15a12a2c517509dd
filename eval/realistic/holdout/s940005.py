"""940005: an independent special school that required improvement in 2024 and whose progress
monitoring inspection now finds the standards checked met."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, independent, p, paras
from eval.realistic.model import (
    EifReport,
    Ev,
    IndependentMonitoring,
    Indicators,
    Note,
    School,
    cats,
)

SCHOOL = School(
    urn="940005",
    name="Larkspur House School",
    phase="special",
    address=("Larkspur House, Chapel Fold, Pennmoor", "Northdale PN9 4LH"),
    details=independent(
        "940005",
        "925/6117",
        "Pennmoor",
        "Other independent special school",
        "7 to 18",
        "46",
        "Larkspur Learning Limited",
        "Owen Prescott",
        "\u00a348,000 to \u00a365,500",
        "23 to 25 January 2024",
    ),
    head="Mr Prescott",
    documents=(
        EifReport(
            file="standard-inspection-2024-01.pdf",
            date=d(2024, 1, 25),
            dates_text="23 to 25 January 2024",
            overall=t.RI,
            judgements=(
                ("The quality of education", t.RI),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.RI),
                ("Sixth-form provision", t.RI),
            ),
            previous=t.GOOD,
            independent=True,
            meets_standards=False,
            attend=paras("""
                Pupils, all of whom are autistic, value the calm environment and the patience of
                staff. Many have previously struggled to attend school and now come regularly.
            """),
            well=paras("""
                The curriculum in key stages 2 and 3 is broad, but in key stage 4 and the sixth
                form pupils have a narrow choice of qualifications, and some are not stretched.
                Teaching is uneven: some staff lack the subject knowledge to teach the courses
                offered.

                The school did not have a complete record of the checks on its staff, and parts of
                the building used for teaching were in poor repair.
            """),
            safeguarding_effective=True,
            improve=(
                p("""The proprietor should broaden the key stage 4 and sixth-form curriculum and
                   make sure that staff have the subject knowledge they need."""),
                p("""The proprietor must keep a complete single central register and repair the
                   teaching accommodation."""),
            ),
            about=paras("""
                Inspectors met the headteacher, the proprietor's representative and staff. They
                visited lessons and reviewed records.
            """),
        ),
        IndependentMonitoring(
            file="progress-monitoring-2026-01.pdf",
            date=d(2026, 1, 22),
            dates_text="21 and 22 January 2026",
            meets=True,
            previous=p("""
                The school's standard inspection in January 2024 found that it did not meet the
                standards in Parts 4, 5 and 8. An action plan was approved by the Department for
                Education. This progress monitoring inspection checked those standards.
            """),
            parts={
                4: (
                    paras("""
                    The single central register is complete and is checked each month by the
                    proprietor's compliance manager.
                """),
                    "met",
                ),
                5: (
                    paras("""
                    The two classrooms in the coach house have been refurbished, and the heating
                    and roof have been repaired.
                """),
                    "met",
                ),
                8: (
                    paras("""
                    The proprietor has appointed an experienced education director who holds
                    leaders to account. Leaders now check compliance with the standards
                    systematically. The school has also widened its key stage 4 offer, although
                    it is too soon to see the effect on pupils' qualifications.
                """),
                    "met",
                ),
            },
            unmet=(),
            about=paras("""
                Inspectors met the headteacher and the education director, toured the premises and
                scrutinised the single central register.
            """),
        ),
        Note(
            file="placement-monitoring-2026-02.docx",
            kind="visit_note",
            date=d(2026, 2, 18),
            title="Pennmoor SEND Placements: Provider Monitoring Record",
            preamble=(
                "Provider: Larkspur House School",
                "Date: 18 February 2026",
                "Officer: Bernadette Kaye",
            ),
            sections=(
                (
                    "Outcomes for Pennmoor pupils",
                    paras("""
                    Our nine placed pupils are attending well, but four Year 11 pupils are entered
                    for fewer than three qualifications, and annual reviews show slow progress in
                    English and mathematics for this group.
                """),
                ),
                (
                    "Next review",
                    paras("""
                    The school has asked for support from our SEND advisory teacher on the key stage
                    4 curriculum. Provider rating remains amber.
                """),
                ),
            ),
        ),
        Indicators(
            file="placement-data-2025-26.csv",
            date=d(2026, 2, 18),
            rows=(
                ("attendance_pct", "91.2", "87.5", "2025/26"),
                ("part_time_timetables", "1", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 3,
        "achievement": 3,
        "leadership": 2,
        "safeguarding": 2,
        "behaviour": 2,
        "personal_development": 2,
        "attendance": 2,
        "finance_estates": 2,
    },
    categories=cats("developing", "support-and-challenge", "prevention", "satisfactory"),
    evidence=(
        Ev(
            "curriculum_teaching",
            3,
            "standard-inspection-2024-01.pdf",
            "Teaching is uneven: some staff lack the subject knowledge to teach the courses "
            "offered.",
        ),
        Ev(
            "achievement",
            3,
            "placement-monitoring-2026-02.docx",
            "annual reviews show slow progress in English and mathematics for this group",
        ),
        Ev(
            "leadership",
            2,
            "progress-monitoring-2026-01.pdf",
            "Leaders now check compliance with the standards systematically.",
        ),
        Ev(
            "safeguarding",
            2,
            "progress-monitoring-2026-01.pdf",
            "The single central register is complete",
        ),
        Ev("attendance", 2, "placement-data-2025-26.csv", "attendance_pct,91.2,87.5,2025/26"),
        Ev(
            "finance_estates",
            2,
            "progress-monitoring-2026-01.pdf",
            "The two classrooms in the coach house have been refurbished",
        ),
    ),
    rationale=p("""
        An independent special school. Its January 2024 standard inspection judged it requires
        improvement overall (quality of education, leadership, sixth form) with Parts 4, 5 and 8
        unmet. The January 2026 progress monitoring inspection finds every standard checked now
        met, but the key stage 4 and sixth-form curriculum is still narrow and the LA's placement
        monitoring finds slow progress for older pupils. Bristol Developing (partially secure,
        progress below expectations), Surrey Support and Challenge (RI), Buckinghamshire Prevention,
        Staffordshire Category 3. A monitoring inspection that meets the standards checked is not
        a new grade.
    """),
)
