"""Fixed wording of independent-school inspection reports and of the authority's letters.

The Parts of the independent school standards each open with the same explanatory paragraph in
every report; the schedule of unmet standards lists requirements in the regulations' manner (they
read like a description of good practice, but each one listed is NOT met).
"""

from __future__ import annotations

PM_TITLE = "Progress monitoring inspection report"
STANDARD_TITLE = "School inspection report"
PM_OVERVIEW = "Inspection overview"
PM_OUTCOME = "Overall outcome"
PM_MEETS = (
    "The school meets all of the independent school standards that were checked during this "
    "inspection."
)
PM_DOES_NOT_MEET = (
    "The school does not meet all of the independent school standards that were checked during "
    "this inspection."
)
PM_FINDINGS = "Main inspection findings"
PM_PURPOSE = (
    "This inspection was carried out at the request of the registration authority for "
    "independent schools, the Department for Education. Its purpose was to check the progress the "
    "school has made in meeting the independent school standards and other requirements that it "
    "did not meet at its previous inspection, as set out in the action plan the proprietor "
    "submitted.",
)
STANDARD_MEETS = "The school meets the independent school standards."
STANDARD_NOT_MEETS = "The school does not meet all of the independent school standards."
STANDARD_PURPOSE = (
    "Inspectors carried out this standard inspection under section 109(1) and (2) of the "
    "Education and Skills Act 2008. Its purpose is to advise the Secretary of State for Education "
    "about the school's suitability for continued registration as an independent school.",
)
NOT_CHECKED = "The standards in this part were not checked during this inspection."

PARTS: dict[int, tuple[str, str]] = {
    1: (
        "Part 1. Quality of education provided",
        "Part 1 of the standards requires the proprietor to provide a written curriculum policy "
        "and schemes of work that are implemented effectively, teaching that enables pupils to "
        "make good progress, and a framework for assessing pupils' performance.",
    ),
    2: (
        "Part 2. Spiritual, moral, social and cultural development of pupils",
        "Part 2 of the standards requires the proprietor to actively promote the fundamental "
        "British values of democracy, the rule of law, individual liberty, and mutual respect and "
        "tolerance, and to support pupils' spiritual, moral, social and cultural development.",
    ),
    3: (
        "Part 3. Welfare, health and safety of pupils",
        "Part 3 of the standards requires the proprietor to draw up and implement effective "
        "written policies on safeguarding, behaviour, bullying, health and safety, fire safety, "
        "first aid and risk assessment, to supervise pupils properly, and to keep admission and "
        "attendance registers as the regulations require.",
    ),
    4: (
        "Part 4. Suitability of staff, supply staff, and proprietors",
        "Part 4 of the standards requires the proprietor to carry out the required checks on the "
        "suitability of staff, supply staff and proprietors before they start work, and to record "
        "those checks in a single central register.",
    ),
    5: (
        "Part 5. Premises of and accommodation at schools",
        "Part 5 of the standards requires the proprietor to make sure that the premises and the "
        "accommodation are suitable for their purpose, kept in good repair and safe for pupils.",
    ),
    6: (
        "Part 6. Provision of information",
        "Part 6 of the standards requires the proprietor to publish or provide specified "
        "information to parents, the local authority and others, including the safeguarding policy "
        "and an annual account of funding received for pupils with an education, health and care "
        "plan.",
    ),
    7: (
        "Part 7. Manner in which complaints are handled",
        "Part 7 of the standards requires the proprietor to have and implement a written "
        "complaints procedure with the required stages, including a hearing before a panel, and "
        "to keep a record of complaints.",
    ),
    8: (
        "Part 8. Quality of leadership in and management of schools",
        "Part 8 of the standards requires the proprietor to ensure that those with leadership and "
        "management responsibilities have the skills and knowledge their roles need, fulfil their "
        "responsibilities so that the independent school standards are met consistently, and "
        "actively promote the well-being of pupils.",
    ),
}

SCHEDULE_TITLE = "Schedule of unmet independent school standards"
SCHEDULE_INTRO = "The school must meet the following independent school standards:"
UNMET: dict[str, str] = {
    "safeguarding": (
        "The proprietor ensures that arrangements are made to safeguard and promote the welfare of "
        "pupils at the school, and that those arrangements have regard to any guidance issued by "
        "the Secretary of State (paragraph 7, 7(a) and 7(b))."
    ),
    "health-safety": (
        "The proprietor ensures that relevant health and safety laws are complied with by drawing "
        "up and effectively implementing a written health and safety policy (paragraph 11)."
    ),
    "supervision": (
        "The proprietor ensures that pupils are properly supervised through the appropriate "
        "deployment of school staff (paragraph 14)."
    ),
    "risk": (
        "The proprietor ensures that the welfare of pupils is safeguarded and promoted by drawing "
        "up and implementing effectively a written risk assessment policy, and taking appropriate "
        "action to reduce the risks that are identified (paragraph 16, 16(a) and 16(b))."
    ),
    "attendance-register": (
        "The proprietor ensures that an admission register and an attendance register are "
        "maintained in accordance with the regulations that apply (paragraph 15)."
    ),
    "staff-checks": (
        "The proprietor ensures that, before a person begins work at the school, the checks set "
        "out in the regulations are completed, including an enhanced criminal record check "
        "(paragraph 18(2), 18(2)(c) and 18(2)(d))."
    ),
    "central-register": (
        "The proprietor keeps a register showing, for each member of staff, the checks carried out "
        "and the date on which each check was completed or the certificate obtained (paragraph "
        "21(1) and 21(3))."
    ),
    "premises": (
        "The proprietor ensures that the school premises and the accommodation and facilities "
        "provided are maintained to a standard such that, so far as is reasonably practicable, the "
        "health, safety and welfare of pupils are ensured (paragraph 25)."
    ),
    "information": (
        "The proprietor ensures that the safeguarding policy is published on the school's website "
        "or, where there is no website, is provided to parents on request (paragraph 32(1)(c))."
    ),
    "leadership": (
        "The proprietor ensures that persons with leadership and management responsibilities at "
        "the school demonstrate good skills and knowledge appropriate to their role, fulfil their "
        "responsibilities effectively so that the independent school standards are met "
        "consistently, and actively promote the well-being of pupils (paragraph 34(1), 34(1)(a), "
        "34(1)(b) and 34(1)(c))."
    ),
    "curriculum": (
        "The proprietor ensures that a written policy on the curriculum, supported by appropriate "
        "plans and schemes of work, is drawn up and implemented effectively (paragraph 2(1) and "
        "2(1)(a))."
    ),
}

# The authority's formal warning notice ---------------------------------------------------------

WARNING_TITLE = "Formal warning notice"
WARNING_ACT = "Issued under section 60 of the Education and Inspections Act 2006"
WARNING_COMPLIANCE = (
    "The governing body must comply with this notice within the compliance period, which ends "
    "15 working days after the date of this letter, and must take the required actions by the "
    "deadlines set out above."
)
WARNING_REPRESENTATIONS = (
    "The governing body may, within the compliance period, make representations to His "
    "Majesty's Chief Inspector against this notice."
)
WARNING_POWERS = (
    "If the governing body does not comply with this notice, or fails to secure compliance to "
    "the local authority's satisfaction, the local authority may exercise one or more of its "
    "powers of intervention under sections 63 to 66 of the Act."
)
WARNING_COPIES = (
    "Copies: Regional Director, Department for Education; diocesan director of education, where "
    "the school has a religious character; the headteacher."
)
