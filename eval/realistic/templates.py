"""Fixed wording of each kind of published document: the same words in every school's copy.

Everything here is template: keys, definitions, standard headings, the explanatory paragraph that
opens each Part of the independent school standards, the licence page. None of it is evidence
about a school, and no gold quote may come from it (the build checks).
"""

from __future__ import annotations

import datetime as dt

EXCEPTIONAL = "Exceptional"
STRONG = "Strong standard"
EXPECTED = "Expected standard"
NEEDS = "Needs attention"
URGENT = "Urgent improvement"
SCALE = (EXCEPTIONAL, STRONG, EXPECTED, NEEDS, URGENT)

OUTSTANDING = "Outstanding"
GOOD = "Good"
RI = "Requires improvement"
INADEQUATE = "Inadequate"


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# Report cards (from November 2025) ------------------------------------------------------------

CARD_KEY_TITLE = "Grades used in this report card"
CARD_KEY_NOTE = (
    "Each evaluation area receives one of the five grades above. Safeguarding is not graded: we "
    "report whether the school meets the safeguarding standards or not."
)
SAFEGUARDING_MET = "Safeguarding standards met"
SAFEGUARDING_NOT_MET = "Safeguarding standards not met"
SAFEGUARDING_MEANS_MET = (
    "This means that the inspection found the school's leaders, staff and those responsible for "
    "governance to be meeting the safeguarding duties that apply to the school."
)
SAFEGUARDING_MEANS_NOT_MET = (
    "This means that the inspection found that one or more of the safeguarding duties that apply "
    "to the school are not being fulfilled. The reasons are set out below."
)
HOW_WE_EVALUATE_TITLE = "How we evaluate safeguarding"
HOW_WE_EVALUATE = (
    "We do not place safeguarding on the five-point scale. Inspectors decide whether the school "
    "meets the safeguarding standards, and record one of two outcomes.",
    "Met: The school has an open and positive culture of safeguarding that puts pupils' "
    "interests first. Staff spot the signs that a pupil may need help or protection, act on them "
    "without delay and work with other agencies. Leaders and those responsible for governance "
    "fulfil the school's statutory duties.",
    "Not met: The school has not created an open and positive culture of safeguarding, or it "
    "does not fulfil one or more of its statutory duties. As a result, pupils may not be "
    "protected from harm as well as they should be.",
)
CARD_AREAS_TITLE = "What we found in each evaluation area"
GRADE_DEFINITIONS_TITLE = "What our grades mean"
GRADE_DEFINITIONS = (
    "Exceptional: Practice in this area is among the very best in the country. It meets all of the "
    "expected and strong standards, and other schools could learn from it.",
    "Strong standard: The school goes beyond what we expect in this area. Its practice is "
    "consistent and makes a clear difference to pupils.",
    "Expected standard: The school does everything we expect in this area, as our toolkit sets "
    "it out, consistently and well.",
    "Needs attention: The expected standards are not met but leaders are likely able to make the "
    "necessary improvements, and we will check that they do.",
    "Urgent improvement: The expected standards are not met and the weaknesses are serious. The "
    "school needs to improve urgently, and we will monitor it closely until it does.",
)
CARD_ABOUT_TITLE = "About this inspection"
CARD_ABOUT = (
    "We inspected this school under section 5 of the Education Act 2005. A report card tells "
    "parents, carers and the public how well a school is doing in each evaluation area, using our "
    "school inspection toolkit, and whether it meets the safeguarding standards.",
)
CARD_FACTS_TITLE = "Facts and figures about this school"

# Graded inspections under the EIF (2019 to November 2025) --------------------------------------

EIF_TITLE = "School report"
EIF_ATTEND = "What is it like to attend this school?"
EIF_WELL = "What does the school do well and what does it need to do better?"
EIF_SAFEGUARDING = "Safeguarding"
EIF_EFFECTIVE = "The arrangements for safeguarding are effective."
EIF_NOT_EFFECTIVE = "The arrangements for safeguarding are not effective."
EIF_IMPROVE = "What does the school need to do to improve?"
EIF_IMPROVE_SUB = "(Information for the school and appropriate authority)"
EIF_FEEDBACK_TITLE = "How can I feed back my views?"
EIF_FEEDBACK = (
    "Parents and carers can tell Ofsted what they think of their child's school through Ofsted "
    "Parent View, at any time of year. Ofsted uses the responses when it decides which schools to "
    "inspect and when.",
    "If you are not happy with the inspection or the report, you can complain to Ofsted.",
)
EIF_FURTHER_TITLE = "Further information"
EIF_FURTHER = (
    "Published performance information about the school can be found on the government's "
    "comparison website.",
    "In this report, 'disadvantaged pupils' means pupils for whom the school receives pupil "
    "premium funding, such as pupils who have been eligible for free school meals in the last six "
    "years and pupils who are or have been looked after.",
)
EIF_ABOUT_TITLE = "Information about this inspection"
EIF_ABOUT = (
    "Inspectors carried out this graded inspection under section 5 of the Education Act 2005, "
    "taking account of the education inspection framework in force at the time.",
)
EIF_DETAILS_TITLE = "School details"
EIF_BACKGROUND_TITLE = "Background"

# Ungraded (section 8) inspections and monitoring letters ---------------------------------------

LETTER_CHIEF = (
    "I write on behalf of His Majesty's Chief Inspector of Education, Children's Services and "
    "Skills to report the findings of the inspection."
)
LETTER_CONTINUES = "the school continues to be a good school."
LETTER_MIGHT_BE_OUTSTANDING = (
    "Based on the evidence gathered during this ungraded inspection, I am of the opinion that the "
    "school has shown marked improvement in specific areas. The school might be outstanding if we "
    "carried out a graded inspection now."
)
LETTER_NOT_AS_STRONG = (
    "However, some aspects may not be as strong as at the previous inspection, and the next "
    "inspection will be a graded inspection."
)
LETTER_BACKGROUND = (
    "This was the first ungraded inspection since we judged the school to be good. We carry out "
    "ungraded inspections under section 8 of the Education Act 2005. They do not change the "
    "school's grade, which stays as it was after the last graded inspection.",
)
MONITORING_EFFECTIVE = (
    "Having considered the evidence, I am of the opinion that leaders are taking effective "
    "action to improve the school."
)
MONITORING_NOT_EFFECTIVE = (
    "Having considered the evidence, I am of the opinion that leaders are not taking effective "
    "action to improve the school."
)
MONITORING_FURTHER = "The school should take further action to:"
MONITORING_COPY = (
    "I am copying this letter to the chair of the governing body and to the director of "
    "children's services for the local authority. This letter will be published on the Ofsted "
    "reports website."
)
MONITORING_PROCEDURE = (
    "This monitoring inspection was carried out under section 8 of the Education Act 2005 and "
    "in line with Ofsted's procedures for schools that have been judged to require improvement."
)

# Licence page (every Ofsted document) ---------------------------------------------------------

LICENCE = (
    "Ofsted inspects and regulates services that care for children and young people, and "
    "services that provide education and skills for learners of all ages.",
    "If you would like this document in another format, such as large print or Braille, please "
    "telephone 0300 123 1231 or email enquiries@ofsted.gov.uk.",
    "You may reuse this information (logos excepted) at no charge, in any format or medium, under "
    "the terms of the Open Government Licence. To read the licence, visit "
    "www.nationalarchives.gov.uk/doc/open-government-licence, write to the Information Policy "
    "Team, The National Archives, Kew, London TW9 4DU, or email psi@nationalarchives.gsi.gov.uk.",
    "This publication is available at https://reports.ofsted.gov.uk/.",
    "To hear about our work, sign up to our newsletter on the Ofsted website.",
    "Piccadilly Gate",
    "Store Street",
    "Manchester",
    "M1 2WD",
    "T: 0300 123 1231",
    "Textphone: 0161 618 8524",
    "E: enquiries@ofsted.gov.uk",
    "W: www.gov.uk/ofsted",
)


def crown(year: int) -> str:
    return f"\u00a9 Crown copyright {year}"
