"""930004: an independent special school whose progress monitoring inspection finds the standards
not met, including Part 8 (leadership) and safeguarding."""

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
    urn="930004",
    name="The Orchard House School",
    phase="special",
    address=("Orchard House, Sheepwash Lane, Wexcombe", "Westshire WX3 8PN"),
    details=independent(
        "930004",
        "874/6021",
        "Wexcombe",
        "Other independent special school",
        "8 to 16",
        "38",
        "Orchard Care and Education Limited",
        "Stephen Hale (interim)",
        "\u00a356,400 to \u00a371,900",
        "24 to 26 June 2025",
    ),
    head="Mr Hale",
    documents=(
        EifReport(
            file="standard-inspection-2025-06.pdf",
            date=d(2025, 6, 26),
            dates_text="24 to 26 June 2025",
            overall=None,
            judgements=(
                ("The quality of education", t.RI),
                ("Behaviour and attitudes", t.RI),
                ("Personal development", t.GOOD),
                ("Leadership and management", t.RI),
            ),
            previous=t.GOOD,
            independent=True,
            meets_standards=False,
            attend=paras("""
                Pupils at Orchard House have social, emotional and mental health needs, and many
                have had long periods out of education. Most pupils say that staff care about them.
                However, routines are not consistently applied, and some lessons are disrupted by
                pupils leaving the room.
            """),
            well=paras("""
                The curriculum in English and mathematics is planned so that pupils can fill gaps in
                their knowledge. In other subjects, plans are thin, and pupils' work shows that they
                often repeat the same content.

                Pupils benefit from a well-planned programme of relationships and health education,
                and from weekly outdoor learning.

                The proprietor has not made sure that leaders check the single central register of
                staff checks. Some required information was missing during the inspection.
            """),
            safeguarding_effective=True,
            improve=(
                p("""The proprietor should ensure that the single central register is complete and
                   that every check is carried out before staff begin work."""),
                p("""Leaders should make sure that behaviour routines are applied consistently,
                   so that lessons are not disrupted."""),
            ),
            about=paras("""
                Inspectors met the headteacher, the proprietor's director of education and the
                school's special educational needs coordinator. They visited lessons, looked at
                pupils' work and scrutinised the school's records of behaviour and safeguarding.
            """),
        ),
        IndependentMonitoring(
            file="progress-monitoring-2026-02.pdf",
            date=d(2026, 2, 5),
            dates_text="3 to 5 February 2026",
            meets=False,
            previous=p("""
                This was the first progress monitoring inspection since the standard inspection in
                June 2025, when the school did not meet the standards in Parts 3, 4 and 8. Since
                then the headteacher has left, and an interim headteacher started in January 2026.
            """),
            parts={
                3: (
                    paras("""
                    The safeguarding policy has been updated, but it is not followed in practice.
                    In November 2025 a member of staff reported an allegation about a colleague,
                    and leaders did not refer it to the local authority designated officer. The
                    colleague continued to work with pupils for three weeks.

                    Risk assessments for pupils who leave the site without permission have not
                    been reviewed since September, even though two pupils have absconded since.
                    Pupils are not always properly supervised at lunchtime, when only two adults
                    are on duty for the whole school.
                """),
                    "not met",
                ),
                4: (
                    paras("""
                    The single central register is still incomplete. Inspectors found that two
                    members of staff began work before an enhanced criminal record check had been
                    received, and there was no record of checks on the agency staff used since
                    December.
                """),
                    "not met",
                ),
                5: (
                    paras("""
                    The proprietor has replaced the damaged fencing and repaired the sensory room,
                    as the action plan set out.
                """),
                    "met",
                ),
                8: (
                    paras("""
                    The proprietor has not ensured that the standards in this part are met.
                    Leaders have not tackled the weaknesses identified at the last inspection, and
                    several have got worse. The proprietor's oversight relies on reports from the
                    school that are not checked, so the proprietor did not know about the unreferred
                    allegation until inspectors raised it.
                """),
                    "not met",
                ),
            },
            unmet=(
                "safeguarding",
                "supervision",
                "risk",
                "staff-checks",
                "central-register",
                "leadership",
            ),
            about=paras("""
                Inspectors met the interim headteacher, the proprietor's director of education and
                members of staff. They scrutinised the single central register, the records of
                safeguarding concerns and allegations, risk assessments and the duty rota.
            """),
        ),
        Note(
            file="la-placement-review-2026-03.docx",
            kind="visit_note",
            date=d(2026, 3, 4),
            title="Wexcombe SEND Commissioning: Placement Quality Review",
            preamble=(
                "Provider: The Orchard House School (independent special)",
                "Date of review: 4 March 2026",
                "Officer: Joanne Tilley, Placement Quality Officer",
                "Wexcombe-funded pupils on roll: 11",
            ),
            sections=(
                (
                    "Summary",
                    paras("""
                    Following the progress monitoring inspection, the authority has suspended new
                    placements at Orchard House until the proprietor shows that the unmet standards
                    have been put right.

                    We reviewed the records of the eleven Wexcombe pupils. Four of them had been
                    missing from school for part of a day this term, and in two of those cases
                    parents were not told until the end of the day.
                """),
                ),
                (
                    "Next steps",
                    paras("""
                    Weekly contact with the interim headteacher. Joint safeguarding audit with the
                    LA designated officer on 18 March. Annual reviews to be brought forward for
                    the eleven pupils.
                """),
                ),
            ),
        ),
        Indicators(
            file="placement-indicators-2025-26.csv",
            date=d(2026, 2, 28),
            rows=(
                ("attendance_pct", "83.7", "87.5", "2025/26"),
                ("part_time_timetables", "6", "", "2025/26"),
                ("staff_turnover_pct", "41", "", "2025/26"),
            ),
        ),
    ),
    aspects={
        "safeguarding": 4,
        "leadership": 4,
        "governance": 4,
        "staffing": 3,
        "curriculum_teaching": 3,
        "behaviour": 3,
        "personal_development": 2,
        "attendance": 3,
    },
    categories=cats("causing-concern", "support-and-challenge-plus", "intervention", "inadequate"),
    evidence=(
        Ev(
            "safeguarding",
            4,
            "progress-monitoring-2026-02.pdf",
            "leaders did not refer it to the local authority designated officer",
        ),
        Ev(
            "safeguarding",
            4,
            "progress-monitoring-2026-02.pdf",
            "The single central register is still incomplete.",
        ),
        Ev(
            "leadership",
            4,
            "progress-monitoring-2026-02.pdf",
            "Leaders have not tackled the weaknesses identified at the last inspection, and "
            "several have got worse.",
        ),
        Ev(
            "governance",
            4,
            "progress-monitoring-2026-02.pdf",
            "The proprietor's oversight relies on reports from the school that are not checked",
        ),
        Ev(
            "curriculum_teaching",
            3,
            "standard-inspection-2025-06.pdf",
            "In other subjects, plans are thin, and pupils' work shows that they often repeat the "
            "same content.",
        ),
        Ev(
            "safeguarding",
            4,
            "la-placement-review-2026-03.docx",
            "Four of them had been missing from school for part of a day this term",
        ),
        Ev("staffing", 3, "placement-indicators-2025-26.csv", "staff_turnover_pct,41,,2025/26"),
    ),
    rationale=p("""
        An independent special school. The June 2025 standard inspection found the standards in
        Parts 3, 4 and 8 unmet and the quality of education, behaviour and leadership requiring
        improvement. The February 2026 progress monitoring inspection finds the school still does
        not meet the standards checked: an allegation about staff was not referred to the LADO,
        the single central register is incomplete, supervision and risk assessment are weak, and
        Part 8 (leadership and management) is not met. The LA has suspended placements. Safeguarding
        not met and inadequate leadership are limiting judgements: Bristol Causing Concern, Surrey
        Support and Challenge+, Buckinghamshire Intervention, Staffordshire Category 4. Tricky
        case: the schedule of unmet standards reads like good practice but lists what is not met;
        Part 5 is met; the 2025 report says 'the arrangements for safeguarding are effective'.
    """),
)
