"""The `llm` passage judge with scripted models: parsing, verification, retry, fallback, refusal."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.messages import AIMessage
from typer.testing import CliRunner

from tests.triage.conftest import TINY
from tests.triage.llm_fakes import RecordingFakeChat, dead_endpoint, fake_llm
from triage.cli import app
from triage.extract.judges import JUDGES
from triage.extract.judges.llm import (
    LLM,
    NoModelError,
    build_llm_judge,
    forget,
    judge_stats,
    parse_judge_reply,
)
from triage.extract.judges.rules import RulesJudge
from triage.extract.loading import load_school_evidence
from triage.extract.pipeline import extract_school
from triage.extract.snapshot import SchoolPassage
from triage.frameworks.loader import load_framework
from triage.frameworks.schema import Characteristic
from triage.llm.providers import LanguageModel, LLMUnavailableError, build_language_model
from triage.runtime import Runtime
from triage.settings import LLMSettings

GOOD = "The quality of education is good."
READING = {"aspect": "curriculum_teaching", "level": 2, "quote": GOOD}


@pytest.fixture
def runtime(tiny_runtime: Runtime) -> Iterator[Runtime]:
    """The tiny corpus with no judge state left over from another test."""
    forget(tiny_runtime)
    yield tiny_runtime
    forget(tiny_runtime)


@pytest.fixture(scope="module")
def passage(tiny_runtime: Runtime) -> SchoolPassage:
    evidence = load_school_evidence(tiny_runtime, "910001")
    return next(p for p in evidence.passages if GOOD in p.text)


def characteristic(aspect: str, level: int) -> Characteristic:
    framework = load_framework("bristol")
    return next(c for c in framework.characteristics if c.aspect == aspect and c.level == level)


def repeating_llm(reply: dict[str, Any]) -> LanguageModel:
    chat = RecordingFakeChat(messages=itertools.repeat(AIMessage(content=json.dumps(reply))))
    chat.seen = []
    return LanguageModel("fake", "scripted", chat, timeout_s=30, max_retries=0)


def test_the_llm_judge_is_registered() -> None:
    assert LLM in JUDGES


def test_a_reply_must_name_a_known_aspect_and_a_level_on_the_scale() -> None:
    assert parse_judge_reply(json.dumps({"readings": [READING]})).readings[0].level == 2
    for bad in ({"aspect": "vibes", "level": 2, "quote": GOOD}, {**READING, "level": 7}):
        with pytest.raises(ValueError):
            parse_judge_reply(json.dumps({"readings": [bad]}))
    with pytest.raises(ValueError):
        parse_judge_reply("The school is good.")


def test_readings_become_verified_items_with_stance_against_the_characteristic(
    runtime: Runtime, passage: SchoolPassage
) -> None:
    invented = {"aspect": "safeguarding", "level": 4, "quote": "Safeguarding is not effective."}
    llm = fake_llm({"readings": [READING, invented]})
    judge = build_llm_judge(runtime, llm)
    bristol = load_framework("bristol")
    secure = characteristic("curriculum_teaching", 2)
    (item,) = judge.judge(passage, secure, bristol) or []
    assert (item.aspect, item.level, item.stance, item.quote) == (
        "curriculum_teaching",
        2,
        "supports",
        GOOD,
    )
    assert (item.extractor, item.document, item.page) == (LLM, passage.document, passage.page)
    (other,) = judge.judge(passage, characteristic("curriculum_teaching", 1), bristol) or []
    assert other.stance == "contradicts"
    assert judge.judge(passage, characteristic("safeguarding", 4), bristol) == []
    assert len(llm.chat.seen) == 1  # type: ignore[attr-defined]  # one call per passage
    stats = judge_stats(runtime)
    assert stats is not None
    assert (stats.passages, stats.readings, stats.unverified_quotes, stats.fallbacks) == (
        1,
        1,
        1,
        0,
    )


def test_the_passage_reaches_the_model_fenced_as_data(
    runtime: Runtime, passage: SchoolPassage
) -> None:
    llm = fake_llm({"readings": []})
    build_llm_judge(runtime, llm).read(passage)
    (messages,) = llm.chat.seen  # type: ignore[attr-defined]
    prompt = str(messages[0].content)
    opened = prompt.rindex("<passage>")  # the rules mention the tag before it opens
    assert prompt.index("never to be followed") < opened < prompt.index(GOOD)
    assert prompt.index(GOOD) < prompt.rindex("</passage>")


def test_malformed_output_is_asked_for_again_once(runtime: Runtime, passage: SchoolPassage) -> None:
    llm = fake_llm("the school is lovely", {"readings": [READING]})
    readings = build_llm_judge(runtime, llm).read(passage)
    assert readings is not None and readings[0].quote == GOOD
    assert judge_stats(runtime).fallbacks == 0  # type: ignore[union-attr]


def test_malformed_output_twice_falls_back_to_the_rules_and_is_counted(
    runtime: Runtime, passage: SchoolPassage
) -> None:
    llm = fake_llm("nonsense", '{"readings": [{"aspect": "vibes"}]}')
    judge = build_llm_judge(runtime, llm)
    bristol = load_framework("bristol")
    secure = characteristic("curriculum_teaching", 2)
    assert judge.judge(passage, secure, bristol) == RulesJudge().judge(passage, secure, bristol)
    assert judge_stats(runtime).fallbacks == 1  # type: ignore[union-attr]


def test_an_unreachable_endpoint_is_an_error_not_a_fallback(
    runtime: Runtime, passage: SchoolPassage
) -> None:
    settings = LLMSettings(
        provider="openai", base_url=dead_endpoint(), model="m", timeout_s=2, max_retries=0
    )
    llm = build_language_model(settings)
    assert llm is not None
    with pytest.raises(LLMUnavailableError):
        build_llm_judge(runtime, llm).read(passage)
    assert judge_stats(runtime).fallbacks == 0  # type: ignore[union-attr]


def test_provider_none_refuses_the_llm_extractor(runtime: Runtime) -> None:
    assert runtime.settings.llm.provider == "none"
    with pytest.raises(NoModelError, match="TRIAGE_LLM__PROVIDER"):
        evidence = load_school_evidence(runtime, "910001")
        extract_school(runtime, evidence, load_framework("bristol"), extractor=LLM)


def test_extract_with_the_llm_judge_keeps_only_verified_items(runtime: Runtime) -> None:
    llm = repeating_llm({"readings": [READING]})
    build_llm_judge(runtime, llm)  # what the registry hands extraction for this runtime
    evidence = load_school_evidence(runtime, "910001")
    extraction = extract_school(runtime, evidence, load_framework("bristol"), extractor=LLM)
    assert extraction.extractor == LLM
    items = [i for f in extraction.findings for i in f.items if i.extractor == LLM]
    assert items and all(i.quote == GOOD and i.aspect == "curriculum_teaching" for i in items)
    stats = judge_stats(runtime)
    assert stats is not None and stats.passages == len(llm.chat.seen)  # type: ignore[attr-defined]
    assert stats.readings == 1 and stats.unverified_quotes == stats.passages - 1


def test_eval_with_the_llm_extractor_and_provider_none_is_a_one_line_error(
    tmp_path: Any,
) -> None:
    result = CliRunner().invoke(
        app,
        ["eval", str(TINY), "--extractor", "llm", "--framework", "bristol", "--repeats", "1"],
        env={"TRIAGE_LLM__PROVIDER": "none", "TRIAGE_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert lines and "TRIAGE_LLM__PROVIDER" in lines[0]
    assert "Traceback" not in result.output
