"""The words inspection and school-improvement documents judge with, as data for `judge`.

Every table here is a list of (pattern, value) pairs read by triage.extract.judges.reading. They are grouped by
what they tell: which aspect a clause is about, which level a graded term or an evaluative word
evidences, which measures read the other way round (more absence is worse), and which statutory
flags a sentence raises. Patterns are case-insensitive regular expressions on word boundaries.
"""

from __future__ import annotations

import re

from triage.vocabulary import AspectId


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Which aspect a clause is about: (pattern, weight). A weight of 1 names the aspect on its own;
# lighter terms ("leaders") only decide when nothing more specific is present.
ASPECT_TERMS: dict[AspectId, list[tuple[re.Pattern[str], float]]] = {
    "curriculum_teaching": [
        (_rx(r"\bcurricul(um|a|ar)\b"), 1.0),
        # "Teaching staff" and "teaching assistants" are staffing, not the quality of teaching.
        (_rx(r"\bteach(ing|ers?|es|er's|ers')\b(?! (staff|assistants?|posts?|vacanc))"), 1.0),
        (_rx(r"\bquality of education\b"), 1.5),
        (_rx(r"\blessons?\b"), 0.8),
        (_rx(r"\bsubject (knowledge|leaders?|leadership)\b"), 1.0),
        (_rx(r"\b(foundation|wider) subjects?\b"), 1.0),
        (_rx(r"\b(pedagogy|assessment|adaptive teaching|sequenc\w+|deep dives?)\b"), 0.8),
        (_rx(r"\b(tasks|work (is|was|set)|learning slows|learn(ing)? well)\b"), 0.6),
    ],
    "achievement": [
        (_rx(r"\b(achiev(e|es|ed|ement)|attain(ment|ed|s)?|outcomes?)\b"), 1.0),
        (
            _rx(r"\b(results|progress 8|progress8|attainment 8|gcses?|key stage [245]|ks[245])\b"),
            1.0,
        ),
        (_rx(r"\b(reading, writing and (mathematics|maths)|rwm|sats?)\b"), 1.0),
        (_rx(r"\bmake (good |strong |slow |limited |sufficient )?progress\b"), 0.8),
        (_rx(r"\bpupils' progress|progress of (pupils|disadvantaged)|(disadvantaged )?gap\b"), 0.8),
        (_rx(r"\b(expected standard in|higher standard|qualifications|standards)\b"), 0.7),
    ],
    "attendance": [
        (_rx(r"\battendance\b"), 1.2),
        (_rx(r"\b(absence|absent|absences|persistent(ly)? absen\w*|severe(ly)? absen\w*)\b"), 1.2),
        (_rx(r"\bpart[- ]time timetables?\b"), 1.2),
        (_rx(r"\b(punctuality|lateness|attend school|come to school|attend regularly)\b"), 0.9),
    ],
    "behaviour": [
        (_rx(r"\bbehav(e|es|ed|iour|iours|ioural|ing)\b"), 1.2),
        (_rx(r"\b(suspensions?|exclusions?|excluded|suspended)\b"), 1.2),
        (_rx(r"\b(bullying|disrupt(ion|ive|ed)|low-level disruption|conduct)\b"), 1.0),
        (_rx(r"\b(physical interventions?|restraint|positive handling|incidents?)\b"), 0.9),
        (_rx(r"\b(attitudes to learning|behaviour and attitudes|calm|orderly)\b"), 0.8),
    ],
    "personal_development": [
        (_rx(r"\bpersonal development\b"), 1.5),
        (_rx(r"\b(smsc|spiritual|moral, social|well-?being|belonging|transition)\b"), 1.0),
        (_rx(r"\b(pshe|rshe|relationships education|character education|enrichment)\b"), 1.0),
        (_rx(r"\b(clubs|careers (guidance|education|programme)|mental health|resilien\w+)\b"), 0.8),
        (_rx(r"\b(responsibilit(y|ies)|school council|citizens|british values)\b"), 0.6),
    ],
    "inclusion_send": [
        (_rx(r"\b(send|sen|senco|sendco|ehcps?|ehc plans?|special educational needs)\b"), 1.2),
        (_rx(r"\b(inclusion|inclusive|provision map\w*|notional sen|additional needs)\b"), 1.0),
        (_rx(r"\b(disabilit(y|ies)|complex needs|education, health and care)\b"), 0.9),
        (_rx(r"\b(support plans|interventions for pupils|adaptations?)\b"), 0.6),
    ],
    "early_years": [
        (_rx(r"\b(early years|eyfs|reception|nursery|foundation stage)\b"), 1.2),
        (_rx(r"\b(phonics|early reading|decodable|sounds)\b"), 1.2),
        (_rx(r"\b(year 1 phonics|phonics screening|good level of development|gld)\b"), 1.2),
    ],
    "leadership": [
        (_rx(r"\b(leadership|management|managed)\b"), 1.0),
        (
            _rx(
                r"\b(self-?evaluation|sef|improvement plan\w*|development plan\w*|school plan|"
                r"evaluation of the school)\b"
            ),
            1.2,
        ),
        (_rx(r"\b(headteacher|head teacher|principal|senior leaders?|senior leadership)\b"), 0.8),
        (_rx(r"\b(leaders?|leaders')\b"), 0.4),
        (_rx(r"\b(capacity|performance management|monitoring|priorities|vision)\b"), 0.7),
        (_rx(r"\b(raising achievement plan|rapid (improvement|achievement) plan)\b"), 0.8),
    ],
    "governance": [
        (_rx(r"\b(governors?|governors'|governing (body|board)|governance)\b"), 1.2),
        (_rx(r"\b(quorate|inquorate|trustees|chair of governors|clerk)\b"), 1.0),
        (_rx(r"\b(governed|(the|its|trust) board)\b"), 1.0),
        # Holding the head to account is the governors' duty; "the Chair" is the board's chair.
        (
            _rx(
                r"\b(the chair|chair's action|hold\w* (the )?(headteacher|head|leaders|senior "
                r"leaders) to account)\b"
            ),
            1.2,
        ),
        (_rx(r"\binterim executive board\b"), 1.2),
    ],
    "safeguarding": [
        (_rx(r"\bsafeguard(ing|ed|s)?\b"), 1.5),
        (
            _rx(r"\b(child protection|designated safeguarding lead|dsl|single central record)\b"),
            1.5,
        ),
        (_rx(r"\b(pre-employment checks|dbs checks?|safer recruitment|kcsie|lado)\b"), 1.5),
        (
            _rx(
                r"\b(keeping children safe|keep (pupils|children|themselves) safe|signs of harm)\b"
            ),
            1.0,
        ),
        (
            _rx(
                r"\b(referrals? to children's social care|welfare concerns?|concerns about pupils)\b"
            ),
            1.0,
        ),
    ],
    "staffing": [
        (_rx(r"\b(staff(ing)? turnover|turnover|recruitment|retention|recruit)\b"), 1.2),
        (
            _rx(
                r"\b(agency staff|supply (staff|teachers?)|vacant posts?|teaching posts?|"
                r"(long-term|temporary|short-term) (supply|staff|cover)|teaching (staff|assistants?))\b"
            ),
            1.2,
        ),
        (
            _rx(
                r"\b(staff absence|long-term (sickness|absence)|substantive|acting (head|deputy))\b"
            ),
            1.0,
        ),
        (_rx(r"\b(staffing|workload|posts? (remain|are) (vacant|unfilled))\b"), 1.0),
        (_rx(r"\b(deputy headteacher|new headteacher|interim head\w*|staff)\b"), 0.5),
    ],
    "finance_estates": [
        (_rx(r"\b(budgets?|deficit|surplus|reserves|financ(e|ial|es)|balance|spending)\b"), 1.2),
        (_rx(r"\b(health and safety|premises|buildings?|estates?|roof|maintenance|sfvs)\b"), 1.0),
        (_rx(r"\b(recovery plan|licensed deficit|value for money)\b"), 1.0),
    ],
    "parents_complaints": [
        (_rx(r"\b(complaints?|complained|parent view|parentview)\b"), 1.2),
        (_rx(r"\b(parents|carers|parents')\b"), 0.6),
        (_rx(r"\bfamilies\b"), 0.5),
    ],
    "partnership": [
        (
            _rx(
                r"\b((other|partner|local) (schools|settings|academies)|schools in the "
                r"(area|city|county))\b"
            ),
            1.2,
        ),
        (_rx(r"\b(partnership|collaborat\w+|network|hub|system leader\w*|local leader)\b"), 1.0),
        (
            _rx(
                r"\b(local authority (services|officers|support)|la (services|support|officers))\b"
            ),
            1.0,
        ),
        (_rx(r"\b(school-to-school|peer review|support to other)\b"), 1.2),
    ],
}

# Ofsted's evaluation areas in both frameworks, read from grade tables and headings.
AREA_ASPECTS: list[tuple[re.Pattern[str], tuple[AspectId, ...]]] = [
    (_rx(r"^(the )?quality of education"), ("curriculum_teaching",)),
    (_rx(r"^curriculum and teaching"), ("curriculum_teaching",)),
    (_rx(r"^behaviour and attitudes"), ("behaviour",)),
    (_rx(r"^attendance and behaviour"), ("attendance", "behaviour")),
    (_rx(r"^personal development( and well-?being)?"), ("personal_development",)),
    (_rx(r"^leadership and management"), ("leadership",)),
    (_rx(r"^leadership and governance"), ("leadership", "governance")),
    (_rx(r"^early years( provision| foundation stage)?"), ("early_years",)),
    (_rx(r"^inclusion"), ("inclusion_send",)),
    (_rx(r"^achievement"), ("achievement",)),
    (_rx(r"^safeguarding"), ("safeguarding",)),
    (_rx(r"^overall effectiveness"), ()),
]

# Grades of both Ofsted frameworks and the shared level each is (judgement name, level).
GRADES: list[tuple[re.Pattern[str], str, int]] = [
    (_rx(r"\brequires? improvement\b"), "requires_improvement", 3),
    (_rx(r"\bneeds? attention\b"), "needs_attention", 3),
    (_rx(r"\burgent improvement\b"), "urgent_improvement", 4),
    (_rx(r"\binadequate\b"), "inadequate", 4),
    (_rx(r"\bstrong standard\b"), "strong_standard", 2),
    (_rx(r"\bexpected standard\b"), "expected_standard", 2),
    (_rx(r"\bexceptional\b"), "exceptional", 1),
    (_rx(r"\boutstanding\b"), "outstanding", 1),
    (_rx(r"\bgood\b"), "good", 2),
]
GRADE_LINE = _rx(
    r"^\W*(\d{1,2}[.)]?\s*)?(?P<area>overall effectiveness|(the )?quality of education|curriculum and teaching|"
    r"behaviour and attitudes|attendance and behaviour|personal development( and well-?being)?|"
    r"leadership and management|leadership and governance|early years( provision)?|inclusion|"
    r"achievement|safeguarding|sixth form provision)\s*(is|:|-|\u2013|\u2014)?\s*"
    r"(?P<grade>outstanding|good|requires improvement|inadequate|exceptional|strong standard|"
    r"expected standard|needs attention|urgent improvement|not met|met|not effective|effective)"
    r"\W*$"
)

# Negated or hedged phrases, read before single words: (pattern, level).
PHRASES: list[tuple[re.Pattern[str], int]] = [
    (
        _rx(
            r"\b(challeng\w+|hold\w*|held) (the )?(leaders|leadership|headteacher|senior leaders|"
            r"senior leadership)\w*( team)?( to account)?\b"
        ),
        2,
    ),
    (
        _rx(
            r"\b(exceptionally|remarkably|extremely|outstandingly|highly) (well|strong\w*|high|"
            r"effective\w*|accurate\w*|positive\w*|skilled|successful\w*|knowledgeable)"
        ),
        1,
    ),
    (
        _rx(
            r"\b(fill\w*|clos\w*|narrow\w*|reduc\w*) (the |any |these |their |this )?gaps?\b|"
            r"\bgaps? (has |have |is |are )?(narrow\w*|clos\w*|reduc\w*)"
        ),
        2,
    ),
    (_rx(r"\bgaps? (has |have |is |are )?(widen\w*|grow\w*|grew|increas\w*)"), 3),
    (_rx(r"\bno longer (requires?|required|needs?) (improvement|attention)\b"), 2),
    # Classes taught by temporary staff: capacity is under strain, whatever the cause.
    (
        _rx(
            r"\b(covered by|filled by|reliance on|reliant on|relying on|led by|taught by) "
            r"(long-term |"
            r"agency |supply |temporary |short-term )+(staff|teachers?|cover)\b|"
            r"\blong-term (sickness|absence)\b"
        ),
        3,
    ),
    # Supporting other schools is system leadership, the mark of the strongest schools.
    (
        _rx(
            r"\b(support(s|ed|ing)?|lead(s|ing)?|led) (\w+ ){0,3}(other|partner|local|"
            r"neighbouring|\d+) (\w+ ){0,2}(schools|settings|academies)\b"
        ),
        1,
    ),
    (
        _rx(r"\bno longer (inadequate|a (cause for )?concern|causing concern|in special measures)"),
        2,
    ),
    (_rx(r"\bno longer (has|have|had|is|are)\b"), 3),
    (
        _rx(
            r"\bnot (yet )?(fully )?(secure|securely|embedded|consistent(ly)?|established|in place)\b"
        ),
        3,
    ),
    (_rx(r"\bnot as (strong|good|effective|high|well developed|secure|consistent)\b"), 3),
    (_rx(r"\b(less|weaker|lower) than (it should|expected|they should|in other)\b"), 3),
    (_rx(r"\bmore generous than\b|\bover-?generous\b|\bover-?(graded|states?|stated)\b"), 3),
    (
        _rx(
            r"\bnot (high|strong|precise|ambitious|clear|accurate|rigorous|robust|good)\s+enough\b"
        ),
        3,
    ),
    (_rx(r"\bnot (good|strong|effective|ambitious|accurate|consistent|sufficient|rigorous)\b"), 3),
    (_rx(r"\b(do|does|did|have|has|had|are|is|were|was) not\b"), 3),
    (_rx(r"\b(cannot|can't|don't|doesn't|didn't|haven't|hasn't|isn't|aren't|wasn't|weren't)\b"), 3),
    (_rx(r"\bnot quorate\b|\binquorate\b"), 3),
    (_rx(r"\bnot met\b|\bnot effective\b|\bineffective\b"), 4),
]
# Phrases that cancel a negative reading: "no concerns", "nothing of concern".
REASSURANCE = _rx(
    r"\b(no (significant |major |safeguarding )?(concerns?|issues|weaknesses|gaps)|nothing of "
    r"concern|without (concern|exception)|not a concern|no cause for concern|none were|"
    r"nothing (\w+ ){0,5}to (suggest|indicate)|no (evidence|indication|sign)s? of)\b"
)
# Phrases whose evaluative words judge nothing: "an accurate view of strengths and weaknesses".
NEUTRAL = _rx(
    r"\bstrengths and (weaknesses|areas (for|of) (development|improvement))|"
    r"\b(most )?urgent priorit(y|ies)\b|\bpriorit(y|ies) for improvement\b"
)

# Evaluative words with the level they evidence on their own (weaker than a grade).
WORDS: list[tuple[re.Pattern[str], int]] = [
    (
        _rx(
            r"\b(excellent|exemplary|highly effective|sector-leading|exceptionally|remarkabl[ey])\b"
        ),
        1,
    ),
    (
        _rx(
            r"\b(superb|outstanding(ly)?|very high|among the (highest|best)|significantly above)\b"
        ),
        1,
    ),
    (
        _rx(r"\b(well|strong(ly)?|strengths?|secure(ly)?|robust|consistent(ly)?|effective(ly)?)\b"),
        2,
    ),
    (
        _rx(
            r"\b(positive(ly)?|improv(ed|ing|es)|high[- ]quality|good|calm|purposeful|ambitious)\b"
        ),
        2,
    ),
    (_rx(r"\b(rigorous(ly)?|accurate(ly)?|thorough(ly)?|sound|sustained|timely|on track)\b"), 2),
    (
        _rx(
            r"\b(stable|quorate|appropriate(ly)?|confident(ly)?|detailed|clear(ly)?|tenacious\w*)\b"
        ),
        2,
    ),
    (
        _rx(r"\b(weak(ness|nesses|er|ly)?|inconsistent(ly)?|variable|limited|fragile|poor(ly)?)\b"),
        3,
    ),
    (_rx(r"\b(declin(e|ed|es|ing)|deteriorat\w+|dipped|slipped|slow(ly|er)?|behind)\b"), 3),
    (_rx(r"\b(concerns?|concerned|concerning|worr(y|ying|ied)|struggl\w+|disengaged)\b"), 3),
    (
        _rx(
            r"\btoo (few|many|low|high|slow|broad|narrow|variable|often|little|much|late|"
            r"generous|positive|optimistic)\b"
        ),
        3,
    ),
    (_rx(r"\b(not enough|insufficient(ly)?|lack(s|ing)?|gaps?|vacan(t|cy|cies)|unfilled)\b"), 3),
    (_rx(r"\b(deficit|inaccurate|overstat\w+|unresolved|delayed|incomplete|missing|reliant)\b"), 3),
    (_rx(r"\b(stretched|instabilit(y|ies)|unstable|turbulen\w+|unfinished|overly)\b"), 3),
    (_rx(r"\b(serious(ly)?|unsafe|failed|failure|critical|breach(es|ed)?|neglect\w*)\b"), 4),
    (
        _rx(
            r"\bbreakdown (in|of) (the way|management|governance|leadership|relationships|trust)\b"
        ),
        4,
    ),
    (
        _rx(
            r"\b(significant concerns?|urgent(ly)?|prejudic\w+|significantly below|unacceptabl\w+)\b"
        ),
        4,
    ),
]

# Measures where more is worse: "above", "high", "rising" read as concerns for these.
INVERSE_MEASURES = _rx(
    r"\b(persistent(ly)? absen\w*|severe(ly)? absen\w*|absence|absent|suspensions?|exclusions?|"
    r"incidents?|physical interventions?|restraints?|gaps?|turnover|vacanc(y|ies)|complaints?|"
    r"deficit|part[- ]time timetables?|lateness|bullying|neet|agency|supply)\b"
)
# Comparisons with national (or similar schools') figures, from the measure's side: +1 better.
COMPARISONS: list[tuple[re.Pattern[str], int, int]] = [
    # (pattern, direction for an ordinary measure, level when the measure is better)
    (_rx(r"\b(well|significantly|considerably|far|much) (above|higher than|better than)\b"), 2, 1),
    (_rx(r"\b(well|significantly|considerably|far|much) (below|lower than|worse than)\b"), -2, 1),
    (_rx(r"\b(above|higher than|better than|exceed\w*)\b"), 1, 2),
    (_rx(r"\b(below|lower than|worse than|short of)\b"), -1, 2),
    (_rx(r"\b(in line with|close to|similar to|broadly average|at the national)\b"), 0, 2),
]
NATIONAL = _rx(r"\b(national(ly)?|similar (schools|provision)|england|average|the la average)\b")
# Words that say which way a measure moved; direction for an ordinary measure.
TRENDS: list[tuple[re.Pattern[str], int]] = [
    (_rx(r"\b(risen|rose|rising|increased|increasing|grew|higher|up from|high)\b"), 1),
    (_rx(r"\b(fallen|fell|falling|reduced|reducing|decreased|decreasing|dropped|lower|low)\b"), -1),
]

# Statutory statuses raised by a sentence, and words that say the status is not (or no longer) so.
FLAGS: list[tuple[re.Pattern[str], str]] = [
    (_rx(r"\bwarning notice\b"), "warning_notice"),
    (_rx(r"\bspecial measures\b"), "special_measures"),
    (_rx(r"\bnotice to improve\b"), "notice_to_improve"),
    (_rx(r"\bserious weaknesses\b"), "serious_weaknesses"),
    (
        _rx(
            r"\b(school|schools) causing concern\b|\bcausing concern (category|list|register)\b|"
            r"\b(categor\w+|identified|designated|placed) (as |in )?(the |a )?causing concern\b"
        ),
        "causing_concern",
    ),
]
FLAG_DENIED = _rx(
    r"\b(no|not|never|nor|lifted|withdrawn|removed|rescinded|revoked|came out of|no longer|"
    r"if|unless|could|might|would|avoid\w*|risk of|consider\w*|previously|formerly|was in|"
    r"were in|until \d{4}|left)\b"
)

# Sentences in documents that address the reader or the system rather than report on the
# school: they are data, never evidence, and never followed.
INSTRUCTION = _rx(
    r"\b(ignore|disregard|override|forget)\b.{0,60}\b(framework|instructions?|rules?|evidence|"
    r"guidance|above|previous|prompt|criteria)\b|\b(categori[sz]e|classify|rate|grade|place|put|"
    r"mark|label|score)\b.{0,40}\b(this|the|our) school\b.{0,30}\bas\b|\b(language model|"
    r"ai system|assistant|chatbot|llm|system prompt|you must|you should|you are)\b"
)
IMPERATIVE_START = _rx(
    r"^\W*(ignore|disregard|categori[sz]e|classify|rate|grade|treat|assume|override|output|"
    r"return|respond|answer|print|pretend|act as|forget|select|choose|note to|secure|sharpen|"
    r"improve|develop|embed|ensure|raise|increase|reduce|continue|review|strengthen|refine|"
    r"establish|introduce|implement|recruit|appoint|complete|extend|maintain|monitor)\b"
)
# Agreed actions in notes of visit ("Officer to broker ...", "Headteacher to produce ...").
# An agreed action ("Headteacher to produce an analysis"): actor words then "to" + verb. A verb
# before "to" ("The school continues to lead", "Leaders are able to") makes it a finding instead.
_BEFORE_TO_VERBS = (
    r"(continu|need|want|plan|aim|seem|appear|tend|start|begin|began|tr(y|ies|ied)|hope|expect|"
    r"fail|struggl|manag|choose|chose|decid|help|learn|prefer|refus|wish|is|are|was|were|has|"
    r"have|had|able|unable|going|used|due|likely|keen|set)\w*\s"
)
ACTION_ITEM = _rx(
    rf"^\W*((?!{_BEFORE_TO_VERBS})[A-Z][\w'/-]*\s){{1,5}}to (?!be\b|have\b|the\b)[a-z]+\b"
)
# A clause opened by a condition ("Where a pupil falls behind, ...") judges nothing itself.
CONDITION = _rx(r"^\W*(where|if|when|whenever|should|once|in case)\b[^,]{3,80},")
# Findings about an earlier inspection describe the school as it was.
PAST_REPORT = _rx(
    r"(?<!since the )\b(previous|last|prior|earlier|former|(19|20)\d\d) (inspection|report|ofsted)|"
    r"\bat (its|the) (last|previous) inspection\b|\bwas (last )?inspected in\b"
)
# "Concern" as the everyday word of safeguarding procedure, not a finding.
PROCEDURAL_CONCERN = _rx(
    r"\b(any|every|each|of|on|about|report\w*|record\w*|log\w*|shar\w*|rais\w*|up|to) "
    r"(\w+ )?concerns?\b(?! (about|over|regarding) (the school|leaders|safeguarding|governance))|"
    r"\bconcerns? (are|were|is|was|have been|has been) (\w+ )?(followed|acted|recorded|logged|"
    r"reported|passed|shared|referred|dealt|handled|escalated)\b"
)
# Sentences about events, fundraising and the like: their praise says nothing about provision.
EVENTS = _rx(
    r"\b(fair|f[eê]te|bake sale|cake sale|concert|charity|raffle|disco|sports day|nativity|"
    r"fundrais\w*|quiz night|summer party|christmas party|performance of|production of|"
    r"talent show|coffee morning|barbecue|bbq|tombola|football (match|team)|netball team|"
    r"trip to|residential trip)\b"
)
# Attendance of someone at something (a meeting, an event) is not pupils' school attendance.
EVENT_ATTENDANCE = _rx(
    r"\battendance (at|for|of) (the |our |a |this |last )?(?!school\b|lessons\b|pupils\b|"
    r"children\b|students\b|disadvantaged\b|boys\b|girls\b|those\b|pupils with\b|send\b|year\b|"
    r"key stage\b|groups?\b|vulnerable\b)\w+"
)
# "Outstanding" in the sense of "still to be done", not the grade.
OUTSTANDING_REMAINING = _rx(
    r"\boutstanding (contribution|actions?|items?|issues?|debts?|invoices?|balances?|payments?|"
    r"tasks?|recommendations?|checks?|matters?|queries|questions|repairs?|jobs?|references?|"
    r"referrals?|work (to|from)|concerns?|fees|amounts?|from)\b|\b(still|remain(s|ing)?|are|were)"
    r" outstanding\b(?! (in|at|for|across))|\ball outstanding\b"
)
# Grade words used as something other than a grade: "reaching the expected standard in reading".
EXPECTED_STANDARD_DATA = _rx(
    r"\b(reach\w*|achiev\w*|attain\w*|working at|meet(ing)?|met|at|above|below) (the )?"
    r"(expected|higher) standard\b|\bexpected standard (in|for|at)\b"
)
PREVIOUS_GRADE = _rx(r"\b(previous|last|prior) (inspection|grade|judgement)|\bin (19|20)\d\d,? ")
RECOMMENDATION = _rx(
    r"^\W*(the school|leaders|governors|those responsible|staff)\b[^.]{0,40}\b(should|must|need to)"
    r"\b|^\W*(next steps|what (the school|does the school) need)"
)
# The safeguarding verdicts of both inspection frameworks, read as grades.
SAFEGUARDING_VERDICTS: list[tuple[re.Pattern[str], int]] = [
    (
        _rx(
            r"\bsafeguarding\b[^.;]{0,40}\b(is|are|was|were|remains?) (not effective|ineffective)\b"
        ),
        4,
    ),
    (_rx(r"\bsafeguarding (standards |requirements )?(are |were |is |was )?not met\b"), 4),
    (_rx(r"\bsafeguarding\b[^.;]{0,40}\b(is|are|was|were|remains?) effective\b"), 2),
    (_rx(r"\bsafeguarding (standards |requirements )?(are |were |is |was )?met\b"), 2),
]
# Hopes, plans and predictions: what a school expects is not evidence of what it is.
ASPIRATION = _rx(
    r"\b(will|shall|going to|expect(s|ed)? to|hope|hoping|aim(s|ing)? to|aspire|plan(s|ning)? to|"
    r"intend(s|ing)? to|are confident|is confident|believe)\b"
)
# Text that explains a grading scale rather than grading anything.
SCALE_DESCRIPTION = _rx(
    r"\bmet or not met\b|\bexceptional, strong standard\b|\boutstanding, good, requires\b|"
    r"\b(five|four)-point scale\b|\bgraded (on|using) (a|the)\b|\bare graded\b"
)


# How an indicator reads on the shared levels. `better`: +1 where a higher value is better.
# With a national figure: within `in_line` of it is secure (2); better by `well` or more is
# exceptional (1); worse by more than `in_line` needs attention (3). Data alone never reads as
# urgent concern (4): that takes a judgement. `relative`: margins are fractions of the national
# figure (rates that vary by an order of magnitude). Without a national figure, `absolute`
# gives (worst value still secure, as a limit in the better direction's terms).
class IndicatorScale:
    def __init__(
        self,
        aspect: AspectId,
        *,
        better: int,
        in_line: float,
        well: float,
        relative: bool = False,
        absolute: float | None = None,
    ) -> None:
        self.aspect, self.better, self.in_line, self.well = aspect, better, in_line, well
        self.relative, self.absolute = relative, absolute


INDICATOR_SCALES: dict[str, IndicatorScale] = {
    "attendance_pct": IndicatorScale("attendance", better=1, in_line=0.5, well=2.0),
    "persistent_absence_pct": IndicatorScale("attendance", better=-1, in_line=1.5, well=5.0),
    "part_time_timetables": IndicatorScale("attendance", better=-1, in_line=0, well=0, absolute=2),
    "suspension_rate": IndicatorScale("behaviour", better=-1, in_line=0.2, well=0.5, relative=True),
    "permanent_exclusion_rate": IndicatorScale(
        "behaviour", better=-1, in_line=0.5, well=0.9, relative=True
    ),
    "ks2_rwm_expected_pct": IndicatorScale("achievement", better=1, in_line=3.0, well=10.0),
    "phonics_expected_pct": IndicatorScale("early_years", better=1, in_line=3.0, well=8.0),
    "ks4_progress8": IndicatorScale("achievement", better=1, in_line=0.15, well=0.5),
    "ks4_attainment8": IndicatorScale("achievement", better=1, in_line=2.0, well=6.0),
    "disadvantaged_gap_pp": IndicatorScale(
        "achievement", better=-1, in_line=3.0, well=8.0, absolute=20
    ),
    "budget_balance_pct": IndicatorScale(
        "finance_estates", better=1, in_line=0, well=0, absolute=0
    ),
    "governor_vacancies": IndicatorScale("governance", better=-1, in_line=0, well=0, absolute=1),
    "complaints_count": IndicatorScale(
        "parents_complaints", better=-1, in_line=0, well=0, absolute=4
    ),
    "staff_turnover_pct": IndicatorScale("staffing", better=-1, in_line=0, well=0, absolute=20),
}
