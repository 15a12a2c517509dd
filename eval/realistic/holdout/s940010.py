"""940010: a maintained nursery school with exceptional areas on its report card whose headteacher
mentors the leaders of other settings."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, maintained, p, paras
from eval.realistic.model import Area, Ev, Note, ReportCard, School, Sef, cats

SCHOOL = School(
    urn="940010",
    name="Bluebell Hill Nursery School",
    phase="nursery",
    address=("Bluebell Hill, Ravensby", "Northdale RV8 2BH"),
    details=maintained(
        "940010",
        "Ravensby",
        "Nursery",
        "2 to 5",
        "96",
        "The governing body",
        "Grace Obi",
        "Helen Treadwell",
        "16 May 2019",
    ),
    head="Mrs Treadwell",
    documents=(
        ReportCard(
            file="report-card-2026-01.pdf",
            date=d(2026, 1, 22),
            safeguarding_met=True,
            safeguarding=paras("""
                Staff notice small changes in children's behaviour or appearance and act on them,
                and the school's records show careful follow-up with health visitors and social
                workers.
            """),
            context=paras("""
                Headteacher: Helen Treadwell

                Number of children: 96, including 30 two-year-olds

                Children with SEND: 19
            """),
            summary=paras("""
                Bluebell Hill is a maintained nursery school with a resourced base for children with
                complex communication needs.
            """),
            areas=(
                Area(
                    "Inclusion",
                    t.STRONG,
                    paras("""
                    Children with SEND, including those in the resourced base, take a full part in
                    nursery life. Staff adapt activities skilfully.
                """),
                ),
                Area(
                    "Curriculum and teaching",
                    t.EXCEPTIONAL,
                    paras("""
                    The nursery's curriculum is thought through in remarkable detail. Staff know
                    exactly which words, skills and experiences each child needs next, and they
                    build these into play with outstanding skill. Children's talk is rich and
                    imaginative.
                """),
                ),
                Area(
                    "Achievement",
                    t.STRONG,
                    paras("""
                    Children make strong progress from their starting points, particularly in
                    communication and in their physical development.
                """),
                ),
                Area(
                    "Attendance and behaviour",
                    t.STRONG,
                    paras("""
                    Children attend regularly. They share, take turns and solve disagreements with
                    gentle help from adults.
                """),
                ),
                Area(
                    "Personal development and well-being",
                    t.EXCEPTIONAL,
                    paras("""
                    The nursery's approach to children's emotional development is exceptional.
                    Children learn to name their feelings and to calm themselves, and families are
                    fully involved through weekly stay-and-play sessions.
                """),
                ),
                Area(
                    "Leadership and governance",
                    t.EXCEPTIONAL,
                    paras("""
                    The headteacher's leadership is inspirational. She and her team constantly
                    refine their practice using research, and they share it widely with other
                    early years settings across the area.
                """),
                ),
            ),
            next_steps=(),
            about=paras("""
                Inspectors met the headteacher, staff, governors and a local authority officer, and
                observed children's play indoors and outdoors.
            """),
        ),
        Sef(
            file="sef-2025-11.docx",
            date=d(2025, 11, 4),
            title="Bluebell Hill Nursery School - Self-Evaluation",
            intro=paras("""
                Prepared for the governing body, November 2025, using the report card areas.
            """),
            scale_note="Exceptional / Strong standard / Expected standard / Needs attention / "
            "Urgent improvement",
            rows=(
                ("Inclusion", "Strong standard", "Resourced base fully integrated."),
                ("Curriculum and teaching", "Exceptional", "Research-led curriculum."),
                ("Achievement", "Strong standard", "91% at expected in communication."),
                ("Attendance and behaviour", "Strong standard", "Attendance 93.7%."),
                ("Personal development and well-being", "Exceptional", "Emotion coaching."),
                ("Leadership and governance", "Exceptional", "Mentoring other settings' leaders."),
            ),
            sections=(),
        ),
        Note(
            file="la-visit-2026-05.txt",
            kind="visit_note",
            date=d(2026, 5, 20),
            title="Ravensby Early Years Team: Visit Record",
            preamble=(
                "Setting: Bluebell Hill Nursery School",
                "Date: 20 May 2026",
                "Adviser: Priti Shah",
            ),
            sections=(
                (
                    "Work with other settings",
                    paras("""
                    The headteacher mentors the managers of four private and voluntary nurseries.
                    Two of those settings were previously judged to require improvement, and both
                    have since been judged good.
                """),
                ),
                (
                    "Recommendation",
                    paras("""
                    The LA would like Bluebell Hill to lead the new early language network from
                    September. Nationally, demand for places for two-year-olds continues to rise.
                """),
                ),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 1,
        "personal_development": 1,
        "leadership": 1,
        "partnership": 1,
        "inclusion_send": 2,
        "achievement": 2,
        "behaviour": 2,
        "safeguarding": 2,
        "early_years": 1,
    },
    categories=cats("extending", "light-touch", "enhancement", "outstanding"),
    evidence=(
        Ev(
            "curriculum_teaching",
            1,
            "report-card-2026-01.pdf",
            "The nursery's curriculum is thought through in remarkable detail.",
        ),
        Ev(
            "personal_development",
            1,
            "report-card-2026-01.pdf",
            "The nursery's approach to children's emotional development is exceptional.",
        ),
        Ev(
            "leadership",
            1,
            "report-card-2026-01.pdf",
            "The headteacher's leadership is inspirational.",
        ),
        Ev(
            "partnership",
            1,
            "la-visit-2026-05.txt",
            "Two of those settings were previously judged to require improvement, and both have "
            "since been judged good.",
        ),
        Ev(
            "safeguarding",
            2,
            "report-card-2026-01.pdf",
            "Staff notice small changes in children's behaviour or appearance and act on them",
        ),
        Ev("early_years", 1, "report-card-2026-01.pdf", "Children's talk is rich and imaginative."),
    ),
    rationale=p("""
        A maintained nursery school. The January 2026 report card grades curriculum and teaching,
        personal development and well-being and leadership and governance exceptional and the
        other areas strong standard, with safeguarding met. The headteacher mentors the managers
        of four other settings, two of which have moved from requires improvement to good. Bristol
        Extending, Surrey Light Touch, Buckinghamshire Enhancement, Staffordshire Category 1.
        Tricky case: 'previously judged to require improvement' in the visit record is about other
        settings, not this school.
    """),
)
