"""930005: an independent secondary school whose standard inspection (September 2024 on, no
overall effectiveness) finds it good and meeting the standards; the proprietor's minutes mention
its sister school's unmet standards."""

from __future__ import annotations

from eval.realistic import templates as t
from eval.realistic.common import d, independent, p, paras
from eval.realistic.model import EifReport, Ev, Note, School, Sef, cats

SCHOOL = School(
    urn="930005",
    name="Hillcrest Grange School",
    phase="secondary",
    address=("Grange Road, Upper Wexcombe", "Westshire WX1 4HG"),
    details=independent(
        "930005",
        "874/6108",
        "Wexcombe",
        "Other independent school",
        "11 to 18",
        "463",
        "Hillcrest Schools Trust",
        "Dr Imogen Farrant",
        "\u00a318,900",
        "2 to 4 March 2021",
    ),
    head="Dr Farrant",
    documents=(
        EifReport(
            file="standard-inspection-2025-02.pdf",
            date=d(2025, 2, 13),
            dates_text="11 to 13 February 2025",
            overall=None,
            judgements=(
                ("The quality of education", t.GOOD),
                ("Behaviour and attitudes", t.GOOD),
                ("Personal development", t.OUTSTANDING),
                ("Leadership and management", t.GOOD),
                ("Sixth-form provision", t.GOOD),
            ),
            previous=t.GOOD,
            independent=True,
            attend=paras("""
                Pupils are proud of Hillcrest Grange. They describe a school where it is normal to
                work hard and to take part. Relationships between staff and pupils are warm and
                respectful, and pupils say that they can always find an adult to help them.
            """),
            well=paras("""
                The curriculum is ambitious and well sequenced in most subjects. Teachers use their
                strong subject knowledge to explain ideas clearly and to correct misconceptions.
                In a small number of subjects, including religious studies and art, the curriculum
                in key stage 3 does not yet build pupils' knowledge as securely as elsewhere, and
                the school should complete its review of these subjects.

                Pupils achieve well. Published examination results at GCSE and A level are well
                above national averages, and pupils with SEND are supported to follow the same
                courses as their peers.

                The programme for pupils' wider development is exceptional. Every pupil takes part
                in debating, volunteering or the combined cadet force, and pupils lead a large
                number of societies themselves. Pupils learn about healthy relationships, consent
                and online risks in an age-appropriate way.

                Students in the sixth form are well prepared for their next steps, and almost all
                go on to university or to higher-level apprenticeships.
            """),
            safeguarding_effective=True,
            improve=(
                p("""In religious studies and art, the key stage 3 curriculum does not set out
                   clearly enough the knowledge pupils should learn. The school should finish
                   revising these curriculums so that pupils build knowledge securely over
                   time."""),
            ),
            about=paras("""
                Inspectors met the headteacher, senior leaders, the chair of the trust board and
                teachers. They carried out deep dives in English, mathematics, history and art,
                and checked the school's compliance with the independent school standards.
            """),
        ),
        Sef(
            file="sef-2025-26.docx",
            date=d(2025, 11, 10),
            title="Hillcrest Grange School: Self-Evaluation 2025-26",
            intro=paras("""
                This review was presented to the trust's education committee in November 2025.
            """),
            scale_note="Grades use the four-point scale of the education inspection framework.",
            rows=(
                (
                    "Quality of education",
                    "Good",
                    "RS and art KS3 curriculum rewritten in summer 2025; monitoring continues.",
                ),
                (
                    "Behaviour and attitudes",
                    "Good",
                    "Attendance 95.8%; two suspensions in 2024-25.",
                ),
                ("Personal development", "Outstanding", "Universal enrichment offer; pupil-led."),
                ("Leadership and management", "Good", "Trust board challenge; staff well-being."),
                ("Sixth form", "Good", "A-level value added positive in 14 of 17 subjects."),
            ),
            sections=(
                (
                    "Safeguarding",
                    paras("""
                    The safeguarding policy is published on the website and sets out how staff
                    report concerns about a pupil. All staff completed refresher training in
                    September. The single central register is audited each half term by the
                    trust's compliance officer.
                """),
                ),
            ),
        ),
        Note(
            file="trust-board-minutes-2025-12.txt",
            kind="minutes",
            date=d(2025, 12, 9),
            title="Hillcrest Schools Trust: Board of Trustees, 9 December 2025",
            preamble=(
                "Present: Colin Avery (chair), six trustees, Dr Imogen Farrant, Tom Bracewell",
                "Clerk: Nadia Khan",
            ),
            sections=(
                (
                    "Item 4: Hillcrest Grange",
                    paras("""
                    Dr Farrant reported that the revised key stage 3 curriculum in religious
                    studies and art is now in place, and that attendance this term is 95.6%.
                    Trustees asked for evidence that pupils remember more; a sample of work will
                    come to the next committee.
                """),
                ),
                (
                    "Item 5: Hillcrest Prep",
                    paras("""
                    Mr Bracewell, head of Hillcrest Prep, reported that the prep school's progress
                    monitoring inspection in November found that it does not meet the standards on
                    premises, because the fire doors in the old building have not been replaced.
                    Trustees approved emergency capital spending. This item concerns the prep
                    school only.
                """),
                ),
                (
                    "Item 6: Sector update",
                    paras("""
                    The chair noted that nationally rolls in independent schools have fallen since
                    VAT was applied to fees, and that several schools in the county have closed.
                    Hillcrest Grange's roll is stable at 463.
                """),
                ),
            ),
        ),
    ),
    aspects={
        "curriculum_teaching": 2,
        "achievement": 2,
        "behaviour": 2,
        "personal_development": 1,
        "leadership": 2,
        "governance": 2,
        "safeguarding": 2,
    },
    categories=cats("established", "light-touch", "enhancement", "good"),
    evidence=(
        Ev(
            "curriculum_teaching",
            2,
            "standard-inspection-2025-02.pdf",
            "The curriculum is ambitious and well sequenced in most subjects.",
        ),
        Ev(
            "achievement",
            2,
            "standard-inspection-2025-02.pdf",
            "Published examination results at GCSE and A level are well above national averages",
        ),
        Ev(
            "personal_development",
            1,
            "standard-inspection-2025-02.pdf",
            "The programme for pupils' wider development is exceptional.",
        ),
        Ev(
            "behaviour",
            2,
            "standard-inspection-2025-02.pdf",
            "Relationships between staff and pupils are warm and respectful",
        ),
        Ev(
            "governance",
            2,
            "trust-board-minutes-2025-12.txt",
            "Trustees asked for evidence that pupils remember more",
        ),
        Ev(
            "safeguarding",
            2,
            "sef-2025-26.docx",
            "The single central register is audited each half term by the trust's compliance "
            "officer.",
        ),
    ),
    rationale=p("""
        An independent secondary school. The February 2025 standard inspection (after September
        2024, so no overall effectiveness grade) judges every area good and personal development
        outstanding; the school meets the independent school standards and safeguarding is
        effective. The development point on key stage 3 religious studies and art has been acted
        on. No system role. Bristol Established, Surrey Light Touch, Buckinghamshire Enhancement,
        Staffordshire Category 2. Tricky case: the trust minutes report that the sister prep
        school does not meet the standards on premises, which is not about this school.
    """),
)
