"""940007: a primary school whose ungraded letter says some aspects may not be as strong as at the
previous inspection; later visits confirm early reading is weak."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Ev, Indicators, Letter, Note, School, cats

SCHOOL = School(
    urn="940007",
    name="Sandpiper Lane Primary School",
    phase="primary",
    address=("Sandpiper Lane, Pennmoor", "Northdale PN4 6SL"),
    details=maintained(
        "940007",
        "Pennmoor",
        "Primary",
        "4 to 11",
        "239",
        "The governing body",
        "Declan Hurst",
        "Wendy Arkwright",
        "10 and 11 October 2017",
    ),
    head="Mrs Arkwright",
    documents=(
        Letter(
            file="ungraded-letter-2024-03.pdf",
            date=d(2024, 3, 21),
            dates_text="5 and 6 March 2024",
            verdict="not_as_strong",
            sections=(
                (
                    t.EIF_ATTEND,
                    paras("""
                    Sandpiper Lane is a welcoming school where pupils say they are happy. They are
                    proud of their eco-school award and talk keenly about their roles as school
                    councillors. Pupils behave well.
                """),
                ),
                (
                    t.EIF_WELL,
                    paras("""
                    The school's phonics programme is not taught consistently. Some staff have
                    not been trained, and the books that weaker readers take home are not matched
                    to the sounds they know. As a result, too many pupils do not read fluently by
                    the end of Year 2.

                    In mathematics, the curriculum is well sequenced and pupils achieve well.

                    Subject leadership in the foundation subjects is at an early stage. Several
                    leaders are new and have not yet checked how well their subjects are taught.
                """),
                ),
                (t.EIF_SAFEGUARDING, (t.EIF_EFFECTIVE,)),
            ),
            improve=(
                p("""The school must make sure that all staff teaching phonics are trained and
                   that pupils' books match the sounds they know."""),
                p("""Subject leaders should check the quality of education in their subjects."""),
            ),
            about=paras("""
                I met the headteacher, the deputy headteacher, subject leaders, the chair of
                governors and a local authority officer. I listened to pupils read.
            """),
            inspector="Catherine Boyes",
        ),
        Note(
            file="sip-record-2025-06.docx",
            kind="visit_note",
            date=d(2025, 6, 17),
            title="Pennmoor Council: School Improvement Partner Record of Visit",
            preamble=(
                "School: Sandpiper Lane Primary School",
                "Date: 17 June 2025",
                "SIP: Amanda Frost",
            ),
            sections=(
                (
                    "1. Early reading",
                    paras("""
                    Phonics training has now been completed by all staff, but I observed three
                    sessions and in two of them the pace was slow and pupils who struggled were not
                    helped to catch up. The school's phonics check result is 68%.
                """),
                ),
                (
                    "2. Outcomes",
                    paras("""
                    Provisional KS2 results show 55% reaching the expected standard in reading,
                    writing and mathematics combined.
                """),
                ),
            ),
        ),
        Note(
            file="sip-record-2026-02.txt",
            kind="visit_note",
            date=d(2026, 2, 10),
            title="School Improvement Partner Record of Visit",
            preamble=(
                "School: Sandpiper Lane Primary School",
                "Date: 10 February 2026",
                "SIP: Amanda Frost",
            ),
            sections=(
                (
                    "Progress",
                    paras("""
                    A reading leader from a neighbouring school is now brokered by the LA for one
                    day a week. Early signs are positive, but the weakest readers in Year 2 are
                    still well behind.

                    The headteacher has an accurate view of what needs to improve and welcomes the
                    support.
                """),
                ),
                (
                    "Attendance",
                    paras("""
                    Attendance is 94.6%, close to national. No concerns.
                """),
                ),
            ),
        ),
        Indicators(
            file="indicators-2024-25.csv",
            date=d(2025, 9, 30),
            rows=(
                ("phonics_expected_pct", "68", "80", "2024/25"),
                ("ks2_rwm_expected_pct", "54", "62", "2024/25"),
                ("attendance_pct", "94.6", "94.9", "2024/25"),
            ),
        ),
    ),
    aspects={
        "early_years": 3,
        "achievement": 3,
        "curriculum_teaching": 3,
        "leadership": 2,
        "attendance": 2,
        "behaviour": 2,
        "safeguarding": 2,
    },
    categories=cats("developing", "support-and-challenge", "prevention", "satisfactory"),
    evidence=(
        Ev(
            "early_years",
            3,
            "ungraded-letter-2024-03.pdf",
            "The school's phonics programme is not taught consistently.",
        ),
        Ev(
            "achievement",
            3,
            "ungraded-letter-2024-03.pdf",
            "too many pupils do not read fluently by the end of Year 2",
        ),
        Ev(
            "early_years", 3, "sip-record-2025-06.docx", "The school's phonics check result is 68%."
        ),
        Ev("achievement", 3, "indicators-2024-25.csv", "ks2_rwm_expected_pct,54,62,2024/25"),
        Ev(
            "leadership",
            2,
            "sip-record-2026-02.txt",
            "The headteacher has an accurate view of what needs to improve and welcomes the "
            "support.",
        ),
        Ev("behaviour", 2, "ungraded-letter-2024-03.pdf", "Pupils behave well."),
    ),
    rationale=p("""
        The March 2024 ungraded (section 8) letter says the school continues to be good but some
        aspects may not be as strong as at the previous inspection, so the next inspection will be
        graded: phonics was inconsistent and foundation-subject leadership new. The 2025 and 2026
        SIP records confirm weak early reading (phonics 68%, KS2 combined 54%, both below national)
        with brokered support under way and an accurate headteacher. Bristol Developing, Surrey
        Support and Challenge (good school vulnerable to a decline in grading), Buckinghamshire
        Prevention, Staffordshire Category 3. Tricky case: a section 8 letter whose 'continues to
        be a good school' is qualified.
    """),
)
