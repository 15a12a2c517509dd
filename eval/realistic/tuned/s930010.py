"""930010: a maintained nursery school whose ungraded letter says it might be outstanding; it leads
the authority's early years hub."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Ev, Letter, Note, School, Sef, cats

SCHOOL = School(
    urn="930010",
    name="Little Wrens Nursery School",
    phase="nursery",
    address=("Wren Close, Halbury", "Westshire HB5 2JD"),
    details=maintained(
        "930010",
        "Halbury",
        "Nursery",
        "2 to 5",
        "104",
        "The governing body",
        "Olu Adebayo",
        "Christine Hollis",
        "11 July 2018",
    ),
    head="Mrs Hollis",
    documents=(
        Letter(
            file="ofsted-letter-2024-05.pdf",
            date=d(2024, 5, 23),
            dates_text="8 May 2024",
            verdict="outstanding",
            sections=(
                (
                    t.EIF_ATTEND,
                    paras("""
                    Children arrive at Little Wrens eager to play and learn. Staff greet every
                    family by name, and children quickly become confident and curious. They
                    concentrate for long periods, share resources and help one another to tidy up.
                """),
                ),
                (
                    t.EIF_WELL,
                    paras("""
                    The curriculum is exceptionally well designed. Leaders have identified the
                    words, stories and experiences they want every child to know before they start
                    school, and staff weave these into play with great skill. Children's spoken
                    language develops rapidly, including for the many children who speak English
                    as an additional language.

                    Children with SEND are identified quickly and supported expertly. Leaders work
                    with health visitors and speech therapists so that help starts early.

                    Leaders share their expertise generously. Practitioners from other settings
                    visit regularly to learn from the school's approach to early language.
                """),
                ),
                (t.EIF_SAFEGUARDING, (t.EIF_EFFECTIVE,)),
            ),
            improve=(
                p("""Leaders have introduced a new approach to early mathematics in the two-year-old
                   room. They should continue to check that it is used consistently by all
                   staff."""),
            ),
            about=paras("""
                I met the headteacher, the deputy headteacher, the special educational needs
                coordinator and two governors. I observed children's play indoors and outdoors.
            """),
            inspector="Margaret Ayodele",
        ),
        Sef(
            file="sef-2025-09.docx",
            date=d(2025, 9, 26),
            title="Little Wrens Nursery School: Self-Evaluation, September 2025",
            intro=paras("""
                This summary was prepared for the governing body and the local authority's
                categorisation meeting.
            """),
            scale_note="Grades use the Ofsted education inspection framework scale.",
            rows=(
                ("Quality of education", "Outstanding", "Language-rich curriculum; core stories."),
                ("Behaviour and attitudes", "Outstanding", "Sustained concentration; calm rooms."),
                ("Personal development", "Outstanding", "Forest school; family learning."),
                ("Leadership and management", "Outstanding", "Stronger Practice Hub lead."),
            ),
            sections=(
                (
                    "Work with other settings",
                    paras("""
                    Since 2024 the school has led the Halbury Early Years Stronger Practice Hub.
                    Fourteen settings took part in our early language programme last year, and the
                    proportion of their children reaching the expected level in communication and
                    language rose in twelve of them.
                """),
                ),
            ),
        ),
        Note(
            file="visit-note-2025-12.md",
            kind="visit_note",
            date=d(2025, 12, 3),
            title="Note of Visit: Little Wrens Nursery School",
            preamble=("Date: 3 December 2025", "Early Years Adviser: Rachel Dunmore"),
            sections=(
                (
                    "Findings",
                    paras("""
                    The visit confirmed the school's self-evaluation. Interactions in all three
                    rooms were of very high quality, and children with SEND were fully included in
                    every activity I saw.

                    The hub programme is having a measurable effect on other settings: the LA's
                    data show that settings in the programme improved their communication and
                    language outcomes by nine percentage points on average.

                    Nationally, the expansion of funded places for two-year-olds has increased
                    demand; Little Wrens has a waiting list for the first time.
                """),
                ),
                (
                    "Category",
                    paras("""
                    Proposed: Extending, universal support. The school will continue to lead the
                    hub in 2026-27.
                """),
                ),
            ),
        ),
    ),
    aspects={
        "early_years": 1,
        "curriculum_teaching": 1,
        "inclusion_send": 1,
        "leadership": 1,
        "partnership": 1,
        "personal_development": 2,
        "safeguarding": 2,
    },
    categories=cats("extending", "light-touch", "enhancement", "outstanding"),
    evidence=(
        Ev(
            "curriculum_teaching",
            1,
            "ofsted-letter-2024-05.pdf",
            "The curriculum is exceptionally well designed.",
        ),
        Ev(
            "inclusion_send",
            1,
            "ofsted-letter-2024-05.pdf",
            "Children with SEND are identified quickly and supported expertly.",
        ),
        Ev(
            "partnership",
            1,
            "sef-2025-09.docx",
            "Fourteen settings took part in our early language programme last year",
        ),
        Ev(
            "partnership",
            1,
            "visit-note-2025-12.md",
            "The hub programme is having a measurable effect on other settings",
        ),
        Ev(
            "early_years",
            1,
            "visit-note-2025-12.md",
            "Interactions in all three rooms were of very high quality",
        ),
        Ev(
            "personal_development",
            2,
            "ofsted-letter-2024-05.pdf",
            "They concentrate for long periods, share resources and help one another to tidy up.",
        ),
    ),
    rationale=p("""
        A maintained nursery school. The May 2024 ungraded inspection letter says the school
        continues to be good and might be outstanding if a graded inspection were carried out now;
        the December 2025 visit confirms very high-quality provision, and the school leads the
        Stronger Practice Hub with measured impact on other settings. Bristol Extending (areas of
        excellence, proven support for other settings), Surrey Light Touch, Buckinghamshire
        Enhancement, Staffordshire Category 1 (exemplary in significant elements). Tricky case:
        a section 8 letter whose formal grade is still good; 'nationally' in the visit note is
        not about the school.
    """),
)
