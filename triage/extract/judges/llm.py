"""The `llm` passage judge: the configured language model reads each passage for the pipeline.

The model reads a passage once (whatever characteristic asked for it) and names the aspects it
evidences, the level on the shared 1-4 scale, and a quote; the reply is JSON parsed into pydantic
models, and a quote that is not verbatim in the passage is dropped. A characteristic of the same
aspect is supported when the levels agree and contradicted otherwise, as with the rules judge, so
the scorer stays deterministic. A reply that does not parse is asked for again once; after that
the passage is read by the deterministic rules judge instead, and counted. A model that cannot be
reached is an error, never a quiet switch to the rules.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from prompts import load_prompt
from triage.ask.answer import format_passages
from triage.errors import TriageError
from triage.extract.citations import collapse_whitespace
from triage.extract.judges import items_for, register_judge
from triage.extract.judges.rules import RulesJudge
from triage.extract.models import EvidenceItem
from triage.extract.snapshot import SchoolPassage
from triage.frameworks.schema import Characteristic, Framework
from triage.llm.providers import (
    LanguageModel,
    LLMResponseError,
    build_language_model,
    generate_parsed,
)
from triage.llm.providers import parse_json_object as _parse_object
from triage.runtime import Runtime
from triage.vocabulary import ASPECTS, LEVEL_NAMES, AspectId, Level

LLM = "llm"
CONFIDENCE = 0.6  # below the rules' strong cues: a small model's reading is weaker evidence
MAX_READINGS = 3
MIN_QUOTE_CHARS = 12  # a shorter quote ("good") is verbatim almost anywhere and shows nothing

log = logging.getLogger(__name__)


class NoModelError(TriageError):
    """The llm extractor was asked for with no language model configured."""


class ModelReading(BaseModel):
    """One aspect the model says a passage evidences."""

    model_config = ConfigDict(extra="ignore")

    aspect: AspectId
    level: Level
    quote: str


class JudgeReply(BaseModel):
    model_config = ConfigDict(extra="ignore")

    readings: list[ModelReading] = Field(default_factory=list, max_length=MAX_READINGS)


class JudgeStats(BaseModel):
    """What the llm judge did over one runtime's lifetime (reported by eval and the tests)."""

    model_config = ConfigDict(extra="forbid")

    provider: str
    model: str
    passages: int = Field(0, description="Passages the model was asked about")
    readings: int = Field(0, description="Readings kept (quote verbatim in the passage)")
    unverified_quotes: int = Field(0, description="Readings dropped: quote not in the passage")
    fallbacks: int = Field(0, description="Passages read by the rules after two malformed replies")

    def describe(self) -> str:
        return (
            f"llm judge {self.provider}:{self.model}: {self.passages} passages read, "
            f"{self.readings} readings kept, {self.unverified_quotes} dropped (quote not in the "
            f"passage), {self.fallbacks} read by the rules after two malformed replies"
        )


# Written out: llama.cpp turns the schema into a grammar, and enums keep the reply in range.
REPLY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "readings": {
            "type": "array",
            "maxItems": MAX_READINGS,
            "items": {
                "type": "object",
                "properties": {
                    "aspect": {"type": "string", "enum": list(ASPECTS)},
                    "level": {"type": "integer", "enum": [1, 2, 3, 4]},
                    "quote": {"type": "string"},
                },
                "required": ["aspect", "level", "quote"],
            },
        }
    },
    "required": ["readings"],
}


def parse_judge_reply(text: str) -> JudgeReply:
    """The model's reply as a JudgeReply; ValueError (retried, then fallback) when it is not one."""
    return JudgeReply.model_validate(_parse_object(text))


class LLMJudge:
    """A PassageJudge asking the configured model; one model call per passage per Runtime."""

    name = LLM

    def __init__(self, llm: LanguageModel, ledger: _Ledger) -> None:
        self.llm = llm
        self._ledger = ledger

    @property
    def stats(self) -> JudgeStats:
        return self._ledger.stats

    def judge(
        self, passage: SchoolPassage, characteristic: Characteristic, framework: Framework
    ) -> list[EvidenceItem] | None:
        readings = self.read(passage)
        if readings is None:  # malformed twice: the rules read this passage instead
            return self._ledger.rules.judge(passage, characteristic, framework)
        return items_for(
            passage,
            characteristic,
            [(r.aspect, r.level, CONFIDENCE, r.quote) for r in readings],
            extractor=LLM,
        )

    def read(self, passage: SchoolPassage) -> list[ModelReading] | None:
        """The passage's verified readings (cached), or None when the model's reply never parsed."""
        key = (passage.passage_id, passage.text)
        if key not in self._ledger.readings:
            self._ledger.readings[key] = self._ask(passage)
        return self._ledger.readings[key]

    def _ask(self, passage: SchoolPassage) -> list[ModelReading] | None:
        stats = self._ledger.stats
        stats.passages += 1
        system, user = load_prompt("judge").render(
            aspects=", ".join(ASPECTS),
            levels="; ".join(f"{n} = {name}" for n, name in LEVEL_NAMES.items()),
            passage=_passage_body(passage),
        )
        try:
            reply = generate_parsed(
                self.llm, system=system, user=user, parse=parse_judge_reply, schema=REPLY_SCHEMA
            )
        except LLMResponseError as exc:
            stats.fallbacks += 1
            log.warning("passage %s: %s; read by the rules instead", passage.passage_id, exc)
            return None
        body = collapse_whitespace(passage.text)
        kept = [
            r
            for r in reply.readings
            if len(collapse_whitespace(r.quote)) >= MIN_QUOTE_CHARS
            and collapse_whitespace(r.quote) in body
        ]
        stats.unverified_quotes += len(reply.readings) - len(kept)
        stats.readings += len(kept)
        return kept


def _passage_body(passage: SchoolPassage) -> str:
    """The passage text, with anything that could close the <passage> fence defused."""
    fenced = format_passages([passage])
    return fenced.split("\n", 1)[1].rsplit("\n", 1)[0]


class _Ledger:
    """Readings and counts shared by every LLMJudge built for one Runtime."""

    def __init__(self, llm: LanguageModel) -> None:
        self.stats = JudgeStats(provider=llm.provider, model=llm.model)
        self.readings: dict[tuple[int, str], list[ModelReading] | None] = {}
        self.rules = RulesJudge()


# Keyed by id(runtime), the entry dropped when that Runtime is collected (so an id is never
# reused while its entry exists): eval repeats, frameworks and trap checks share one reading
# per passage.
_LEDGERS: dict[int, tuple[weakref.ref[Runtime], LanguageModel, _Ledger]] = {}


def _entry(runtime: Runtime) -> tuple[LanguageModel, _Ledger] | None:
    entry = _LEDGERS.get(id(runtime))
    return (entry[1], entry[2]) if entry and entry[0]() is runtime else None


def build_llm_judge(runtime: Runtime, llm: LanguageModel | None = None) -> LLMJudge:
    """The llm judge for `runtime` (its configured provider, or `llm`); refuses provider none."""
    entry = _entry(runtime)
    if entry is not None and (llm is None or llm is entry[0]):
        return LLMJudge(*entry)
    model = llm or build_language_model(runtime.settings.llm)
    if model is None:
        raise NoModelError(
            "the llm extractor needs a language model; set TRIAGE_LLM__PROVIDER=llamacpp (local "
            "GGUF) or openai with TRIAGE_LLM__BASE_URL, or use --extractor rules"
        )
    ledger = _Ledger(model)
    if id(runtime) not in _LEDGERS:
        weakref.finalize(runtime, _LEDGERS.pop, id(runtime), None)
    _LEDGERS[id(runtime)] = (weakref.ref(runtime), model, ledger)
    return LLMJudge(model, ledger)


def judge_stats(runtime: Runtime) -> JudgeStats | None:
    """What the llm judge did for `runtime`, or None if it never ran there."""
    entry = _entry(runtime)
    return entry[1].stats.model_copy() if entry else None


def forget(runtime: Runtime) -> None:
    """Drop the cached readings and counts for `runtime` (e.g. when it closes)."""
    _LEDGERS.pop(id(runtime), None)


register_judge(LLM, build_llm_judge)
