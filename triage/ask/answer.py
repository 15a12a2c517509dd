"""Answer a question about one school from its own documents, every claim cited and verified.

The `none` provider assembles an extractive answer from the best passages. A language model gets
the passages numbered and fenced as data, answers citing [n] with verbatim quotes, and every quote
is checked against the stored page before the answer is shown; a claim whose citations all fail is
removed, and where nothing is left the answer says so plainly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session
from Stemmer import Stemmer

from prompts import load_prompt
from triage.extract.citations import collapse_whitespace, quote_on_page
from triage.extract.judges.reading import ReadingContext, read_judgement
from triage.extract.judges.sentences import split_sentences
from triage.extract.judges.template import readable, structural_reason
from triage.extract.loading import template_keys
from triage.extract.untrusted import addresses_system
from triage.index.retrieval import RetrievedPassage, retrieve_passages
from triage.llm.providers import (
    LanguageModel,
    generate_parsed,
    language_model,
    parse_json_object,
)
from triage.runtime import Runtime
from triage.store.queries import page_text

NO_SUPPORT = "Nothing in this school's documents supports an answer to that question."
EXTRACTIVE_MODEL = "extractive"


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    n: int = Field(description="The marker [n] in the answer")
    document: str = Field(description="The document's source as ingested")
    page: int | None = Field(description="1-based page, None for unpaged documents")
    quote: str = Field(description="Verbatim text of that page")


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer: str
    citations: list[Citation]
    provider: str = Field(description="none, llamacpp or openai")
    model: str = Field(description="The model that answered, or 'extractive'")
    dropped_citations: int = Field(description="Citations removed because they did not verify")


def answer_question(
    runtime: Runtime,
    urn: str,
    question: str,
    *,
    k: int | None = None,
    llm: LanguageModel | None = None,
    on_token: Callable[[str], None] | None = None,
) -> Answer:
    """Answer `question` from school `urn`'s passages with the configured provider (or `llm`)."""
    found = retrieve_passages(runtime, urn, question, k=k, mode="hybrid")
    # A passage that addresses the system is data to no one: never quoted, never given to a model.
    passages = [p for p in found if not addresses_system(p.text)]
    model = llm or language_model(runtime)
    if model is None:
        return _extractive_answer(runtime, urn, question, passages)
    if not passages:
        return Answer(
            answer=NO_SUPPORT,
            citations=[],
            provider=model.provider,
            model=model.model,
            dropped_citations=0,
        )
    return _model_answer(runtime, urn, question, passages, model, on_token=on_token)


# --- extractive (provider `none`) ------------------------------------------------------------

_STEMMER = Stemmer("english")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Words that every school document shares, and the words a question about one asks with
# ("what did inspectors find", "how good is"): matching on them says nothing about relevance.
_STOP = frozenset(
    """a about after again all also an and any are as at be been before being but by can could did
    do does doing for from had has have how i if in into is it its know me more most my no nor not
    of on or our out over should since so some such tell than that the their them then there these
    they this those to too under until up very was we were what when where which while who whom
    why will with would you your school schools pupil pupils say said says find found good well
    quality main inspector inspectors inspection""".split()
)
_MAX_QUOTES = 3
# A stem at least this long that begins another is the same word ("teach", "teacher"); a shorter
# one need not be ("form", "formal").
_SHARED_PREFIX = 5
_MIN_SENTENCE = 25


def _stems(text: str) -> set[str]:
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]
    return set(_STEMMER.stemWords(words))


def _shared_terms(wanted: set[str], found: set[str]) -> int:
    """The question's terms the sentence holds: the same stem, or one the other begins with when
    it is long enough to mean the same word ("teach" and "teacher", "govern" and "governor")."""
    return sum(any(_same_word(term, word) for word in found) for term in wanted)


def _same_word(first: str, second: str) -> bool:
    short, long = sorted((first, second), key=len)
    return short == long or (len(short) >= _SHARED_PREFIX and long.startswith(short))


def _sentences(text: str) -> list[str]:
    """The passage's sentences as the judge reads them: a wrapped line goes on whatever its first
    letter ("His Majesty's Chief / Inspector of Education ..." is one sentence); headings and
    table rows stand alone."""
    found = (text[s.start : s.end] for s in split_sentences(text))
    return [s for s in found if len(s) >= _MIN_SENTENCE]


def quotable(sentence: str, section: str | None) -> bool:
    """A whole sentence of the school's own text, or a judgement on a line of its own
    ("Safeguarding standards met"): not a heading, a fragment or template text (a key, a grade
    definition, a licence notice, contact details)."""
    plain = readable(sentence)
    if structural_reason(plain, section) is not None:
        return False
    if read_judgement(plain, heading=section, row=sentence) is not None:
        return True  # a judgement heading its own section is still the judgement
    return not _is_heading(sentence, section) and bool(_WHOLE.match(plain))


# A whole sentence opens with a capital, a digit or a quote mark and ends with its stop.
_WHOLE = re.compile(r"^[\"'\u201c(]?[A-Z0-9][\s\S]*[.!?][\"'\u201d)]?$")


def _template_of(session: Session, urn: str) -> ReadingContext:
    """What the judge knows of the school's template: the keys of its sentences that other
    schools' documents hold too (`ReadingContext.repeated` tells a sentence by them)."""
    return ReadingContext(shared=frozenset(template_keys(session, urn)))


def _is_heading(sentence: str, section: str | None) -> bool:
    """A passage repeats its section title as its first line; quoting the title says little."""
    if not section:
        return False
    title = collapse_whitespace(section.split(" > ")[-1]).lower()
    return collapse_whitespace(sentence).lower() == title


def _extractive_answer(
    runtime: Runtime, urn: str, question: str, passages: list[RetrievedPassage]
) -> Answer:
    """Quote the sentences of the best passages that share the most terms with the question;
    never a sentence that other schools' documents hold too (a letter's opening, a key)."""
    wanted = _stems(question)
    with runtime.store.session() as session:
        template = _template_of(session, urn)
    scored: list[tuple[tuple[int, int, int], str, RetrievedPassage]] = []
    for rank, passage in enumerate(passages):
        for sentence in _sentences(passage.text):
            repeated = template.repeated(readable(sentence))
            if repeated or not quotable(sentence, passage.section):
                continue
            matches = _shared_terms(wanted, _stems(sentence))
            # At least half the question's terms: "What did inspectors say about the sixth
            # form?" is not answered by any sentence that names an inspector.
            if matches and 2 * matches >= len(wanted):
                # More shared terms first; a full sentence beats a table cell; then retrieval rank.
                full = int(sentence.rstrip().endswith((".", "!", "?")))
                scored.append(((-matches, -full, rank), sentence, passage))
    scored.sort(key=lambda item: item[0])
    chosen: list[tuple[str, RetrievedPassage]] = []
    for _, sentence, passage in scored:
        if all(collapse_whitespace(sentence) != collapse_whitespace(s) for s, _ in chosen):
            chosen.append((sentence, passage))
        if len(chosen) == _MAX_QUOTES:
            break
    proposed = [(n, passage, sentence) for n, (sentence, passage) in enumerate(chosen, start=1)]
    with runtime.store.session() as session:
        citations, dropped = _verify(proposed, _page_check(session))
    lines = [f'- "{collapse_whitespace(c.quote)}" [{c.n}]' for c in citations]
    text = "The school's documents say:\n" + "\n".join(lines) if lines else NO_SUPPORT
    return Answer(
        answer=text,
        citations=citations,
        provider="none",
        model=EXTRACTIVE_MODEL,
        dropped_citations=dropped,
    )


# --- language model -------------------------------------------------------------------------


class _ReplyCitation(BaseModel):
    n: int
    quote: str


class _Reply(BaseModel):
    """What the model is asked to return; extra keys are ignored, missing ones are an error."""

    answer: str
    citations: list[_ReplyCitation] = Field(default_factory=list)


# Written out rather than generated: llama.cpp turns length limits into grammars so large that
# they crash it, so the reply is bounded by max_tokens instead.
REPLY_SCHEMA: dict[str, object] = {
    "type": "object",
    "properties": {
        "answer": {"type": "string"},
        "citations": {
            "type": "array",
            "maxItems": 8,
            "items": {
                "type": "object",
                "properties": {"n": {"type": "integer"}, "quote": {"type": "string"}},
                "required": ["n", "quote"],
            },
        },
    },
    "required": ["answer", "citations"],
}
# A quote shorter than this ("1", "the") is verbatim almost anywhere and supports nothing.
MIN_QUOTE_CHARS = 12


def parse_reply(text: str) -> _Reply:
    return _Reply.model_validate(parse_json_object(text))


_TAG = re.compile(r"<\s*/?\s*passages?\b", re.IGNORECASE)


class Fenceable(Protocol):
    """What a passage shows a model: its document, page and text."""

    @property
    def document(self) -> str: ...
    @property
    def page(self) -> int | None: ...
    @property
    def text(self) -> str: ...


def format_passages(passages: Sequence[Fenceable]) -> str:
    """Number and fence the passages; a document cannot close the fence or open a new one."""
    blocks = []
    for n, p in enumerate(passages, start=1):
        body = _TAG.sub(lambda m: m.group().replace("<", "(").replace("/", ""), p.text)
        page = "" if p.page is None else f' page="{p.page}"'
        source = html.escape(p.document, quote=True)
        blocks.append(f'<passage n="{n}" document="{source}"{page}>\n{body}\n</passage>')
    return "\n".join(blocks)


def _model_answer(
    runtime: Runtime,
    urn: str,
    question: str,
    passages: list[RetrievedPassage],
    llm: LanguageModel,
    *,
    on_token: Callable[[str], None] | None,
) -> Answer:
    system, user = load_prompt("answer").render(
        question=question, passages=format_passages(passages)
    )
    reply = generate_parsed(
        llm, system=system, user=user, parse=parse_reply, schema=REPLY_SCHEMA, on_token=on_token
    )
    proposed = [
        (c.n, passages[c.n - 1], c.quote) for c in reply.citations if 1 <= c.n <= len(passages)
    ]
    out_of_range = len(reply.citations) - len(proposed)
    with runtime.store.session() as session:
        # A quote of template text (a sentence other schools' documents hold) supports nothing.
        template = _template_of(session, urn)
        own = [c for c in proposed if not template.repeated(readable(c[2]))]
        check = _page_check(session)
        verified, dropped = _verify(own, check)
        dropped += len(proposed) - len(own)
        text, citations, unsupported = _keep_cited_claims(
            reply.answer, verified, passages=passages, check=check
        )
    # A marker with no quote at all is an unverifiable citation too (one with a failed quote
    # was counted already).
    unquoted = unsupported - {c.n for c in reply.citations}
    return Answer(
        answer=text or NO_SUPPORT,
        citations=citations,
        provider=llm.provider,
        model=llm.model,
        dropped_citations=dropped + out_of_range + len(unquoted),
    )


PageCheck = Callable[[RetrievedPassage, str], bool]


def _page_check(session: Session) -> PageCheck:
    """Whether a quote is verbatim on the stored page of a passage, and long enough to mean much."""

    def check(passage: RetrievedPassage, quote: str) -> bool:
        if len(collapse_whitespace(quote)) < MIN_QUOTE_CHARS:
            return False
        return quote_on_page(page_text(session, passage.document_id, passage.page), quote)

    return check


def _verify(
    proposed: list[tuple[int, RetrievedPassage, str]], check: PageCheck
) -> tuple[list[Citation], int]:
    """Citations whose quote is verbatim on the cited page (first per n), and how many failed."""
    verified: dict[int, Citation] = {}
    dropped = 0
    for n, passage, quote in proposed:
        if check(passage, quote):
            verified.setdefault(
                n, Citation(n=n, document=passage.document, page=passage.page, quote=quote)
            )
        else:
            dropped += 1
    return list(verified.values()), dropped


_MARKERS = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_CLAIM_END = re.compile(r"(?<=[.!?])\s+|(?<=\])\s*\n+|\n{2,}")


def _keep_cited_claims(
    answer: str,
    verified: list[Citation],
    *,
    passages: list[RetrievedPassage],
    check: PageCheck,
) -> tuple[str, list[Citation], set[int]]:
    """Keep the sentences citing at least one verified passage; renumber markers 1..m in order.

    A sentence without a verified marker stays only if it is itself copied word for word from a
    passage: it is then shown in quotation marks, cited to that passage. Returns the answer
    text, its citations, and the cited passage numbers that had no verified quote (their
    markers are removed).
    """
    by_n = {c.n: c for c in verified}
    renumber: dict[int, int] = {}
    unsupported: set[int] = set()
    kept: list[str] = []
    for sentence in _CLAIM_END.split(answer):
        cited = [int(n) for group in _MARKERS.findall(sentence) for n in group.split(",")]
        good = [n for n in cited if n in by_n]
        unsupported.update(n for n in cited if n not in by_n)
        if not good:
            copied = _copied_from(_MARKERS.sub("", sentence), passages, check)
            if copied is not None:
                n, quote = copied
                by_n.setdefault(
                    n,
                    Citation(
                        n=n,
                        document=passages[n - 1].document,
                        page=passages[n - 1].page,
                        quote=quote,
                    ),
                )
                renumber.setdefault(n, len(renumber) + 1)
                kept.append(f'"{quote}" [{renumber[n]}]')
            continue  # every claim must be cited: an uncited or unverifiable sentence goes
        for n in good:
            renumber.setdefault(n, len(renumber) + 1)

        def mark(match: re.Match[str], good: list[int] = good) -> str:
            numbers = [int(n) for n in match.group(1).split(",") if int(n) in good]
            return "".join(f"[{renumber[n]}]" for n in numbers)

        kept.append(_MARKERS.sub(mark, sentence).strip())
    citations = [by_n[old].model_copy(update={"n": new}) for old, new in renumber.items()]
    return " ".join(kept), citations, unsupported


def _copied_from(
    sentence: str, passages: list[RetrievedPassage], check: PageCheck
) -> tuple[int, str] | None:
    """The passage number a sentence is copied from verbatim, with the sentence, if any."""
    quote = collapse_whitespace(sentence.strip(" \"'\u201c\u201d"))
    for n, passage in enumerate(passages, start=1):
        if quote in collapse_whitespace(passage.text) and check(passage, quote):
            return n, quote
    return None
