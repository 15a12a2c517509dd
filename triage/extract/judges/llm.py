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
import threading
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
    generate_parsed,
    language_model,
)
from triage.llm.providers import parse_json_object as _parse_object
from triage.runtime import Runtime, Slot
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
        ledger = self._ledger
        with ledger.lock:
            if key in ledger.readings:
                return ledger.readings[key]
        readings = self._ask(passage)  # outside the lock: a model call takes seconds
        with ledger.lock:
            return ledger.readings.setdefault(key, readings)

    def _ask(self, passage: SchoolPassage) -> list[ModelReading] | None:
        ledger = self._ledger
        with ledger.lock:
            ledger.stats.passages += 1
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
            with ledger.lock:
                ledger.stats.fallbacks += 1
            log.warning("passage %s: %s; read by the rules instead", passage.passage_id, exc)
            return None
        body = collapse_whitespace(passage.text)
        kept = [
            r
            for r in reply.readings
            if len(collapse_whitespace(r.quote)) >= MIN_QUOTE_CHARS
            and collapse_whitespace(r.quote) in body
        ]
        with ledger.lock:
            ledger.stats.unverified_quotes += len(reply.readings) - len(kept)
            ledger.stats.readings += len(kept)
        return kept


def _passage_body(passage: SchoolPassage) -> str:
    """The passage text, with anything that could close the <passage> fence defused."""
    fenced = format_passages([passage])
    return fenced.split("\n", 1)[1].rsplit("\n", 1)[0]


class _Ledger:
    """Readings and counts shared by every LLMJudge built for one Runtime; safe under threads."""

    def __init__(self, llm: LanguageModel) -> None:
        self.stats = JudgeStats(provider=llm.provider, model=llm.model)
        self.readings: dict[tuple[int, str], list[ModelReading] | None] = {}
        self.rules = RulesJudge()
        self.lock = threading.Lock()


class _RuntimeJudge:
    """The runtime's judge: its model and ledger, so eval repeats, frameworks and trap checks
    share one reading per passage for as long as the runtime lives."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entry: tuple[LanguageModel, _Ledger] | None = None


_JUDGE: Slot[_RuntimeJudge] = Slot("llm judge", _RuntimeJudge)


def build_llm_judge(runtime: Runtime, llm: LanguageModel | None = None) -> LLMJudge:
    """The llm judge for `runtime` (its configured provider, or `llm`); refuses provider none."""
    held = runtime.state(_JUDGE)
    with held.lock:
        if held.entry is not None and (llm is None or llm is held.entry[0]):
            return LLMJudge(*held.entry)
        model = llm or language_model(runtime)
        if model is None:
            raise NoModelError(
                "the llm extractor needs a language model; set TRIAGE_LLM__PROVIDER=llamacpp "
                "(local GGUF) or openai with TRIAGE_LLM__BASE_URL, or use --extractor rules"
            )
        held.entry = (model, _Ledger(model))
        return LLMJudge(*held.entry)


def judge_stats(runtime: Runtime) -> JudgeStats | None:
    """What the llm judge did for `runtime`, or None if it never ran there."""
    held = runtime.peek(_JUDGE)
    entry = held.entry if held is not None else None
    if entry is None:
        return None
    with entry[1].lock:
        return entry[1].stats.model_copy()


def forget(runtime: Runtime) -> None:
    """Drop the cached readings and counts for `runtime`."""
    runtime.drop(_JUDGE)


register_judge(LLM, build_llm_judge)
