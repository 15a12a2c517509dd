"""The LLM layer: providers built from settings, bounded calls, typed errors, JSON parsing."""

from __future__ import annotations

import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

from tests.triage.llm_fakes import dead_endpoint, fake_llm, scripted_openai_server, silent_server
from triage.errors import TriageError
from triage.llm.providers import (
    LanguageModel,
    LLMConfigError,
    LLMResponseError,
    LLMTimeoutError,
    LLMUnavailableError,
    _fold_system,
    build_language_model,
    generate,
    generate_parsed,
    json_options,
    packaged_gguf,
    parse_json_object,
)
from triage.settings import LLMSettings

SCHEMA = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}


def openai_settings(base_url: str, **overrides: object) -> LLMSettings:
    values: dict[str, object] = {
        "provider": "openai",
        "base_url": base_url,
        "model": "m",
        "timeout_s": 2.0,
        "max_retries": 0,
    }
    return LLMSettings(**(values | overrides))  # type: ignore[arg-type]


def openai_llm(base_url: str, **overrides: object) -> LanguageModel:
    llm = build_language_model(openai_settings(base_url, **overrides))
    assert llm is not None
    return llm


def test_provider_none_builds_no_model() -> None:
    assert build_language_model(LLMSettings()) is None


def test_openai_model_is_built_from_settings_with_a_secret_key() -> None:
    llm = openai_llm(
        "http://127.0.0.1:9/v1", api_key="s3cret", timeout_s=7.5, max_retries=3, model="qwen"
    )
    assert (llm.provider, llm.model, llm.describe()) == ("openai", "qwen", "openai:qwen")
    chat = llm.chat
    assert isinstance(chat, ChatOpenAI)
    assert chat.openai_api_key is not None
    assert chat.openai_api_key.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(chat)
    assert (chat.request_timeout, chat.max_retries) == (7.5, 3)
    assert chat.openai_api_base == "http://127.0.0.1:9/v1"


@pytest.mark.parametrize(
    ("overrides", "hint"),
    [({"base_url": ""}, "TRIAGE_LLM__BASE_URL"), ({"model": ""}, "TRIAGE_LLM__MODEL")],
)
def test_openai_without_endpoint_or_model_is_a_config_error(
    overrides: dict[str, str], hint: str
) -> None:
    with pytest.raises(LLMConfigError, match=hint):
        build_language_model(openai_settings("http://127.0.0.1:9/v1").model_copy(update=overrides))


def test_llamacpp_with_a_missing_file_is_a_config_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = LLMSettings(provider="llamacpp", model_path=str(tmp_path / "absent.gguf"))
    with pytest.raises(LLMConfigError, match="TRIAGE_LLM__MODEL_PATH"):
        build_language_model(settings)


def test_llm_errors_are_triage_errors() -> None:
    for error in (LLMConfigError, LLMResponseError, LLMTimeoutError, LLMUnavailableError):
        assert issubclass(error, TriageError)


def test_json_options_speak_each_providers_dialect() -> None:
    assert json_options(fake_llm(), SCHEMA) == {}
    assert json_options(openai_llm("http://x/v1"), None) == {}
    schema_body = json_options(openai_llm("http://x/v1"), SCHEMA)["extra_body"]
    assert schema_body["response_format"]["type"] == "json_schema"
    assert schema_body["response_format"]["json_schema"]["schema"] == SCHEMA
    obj = json_options(openai_llm("http://x/v1", response_format="json_object"), SCHEMA)
    assert obj["extra_body"]["response_format"] == {"type": "json_object", "schema": SCHEMA}
    assert json_options(openai_llm("http://x/v1", response_format="none"), SCHEMA) == {}
    local = LanguageModel("llamacpp", "m.gguf", fake_llm().chat, 5, 0, "json_schema")
    assert json_options(local, SCHEMA) == {
        "response_format": {"type": "json_object", "schema": SCHEMA}
    }


def test_system_rules_reach_llama_chat_formats_that_drop_system_turns() -> None:
    turns = _fold_system([SystemMessage(content="RULES"), HumanMessage(content="question")])
    assert turns == [{"role": "user", "content": "RULES\n\nquestion"}]


@pytest.mark.parametrize(
    "reply",
    [
        '{"ok": true}',
        '```json\n{"ok": true}\n```',
        'Sure! Here it is: {"ok": true} Hope that helps {not json}',
    ],
)
def test_parse_json_object_tolerates_fences_and_chatter(reply: str) -> None:
    assert parse_json_object(reply) == {"ok": True}


def test_parse_json_object_rejects_replies_without_an_object() -> None:
    with pytest.raises(ValueError, match="no JSON object"):
        parse_json_object("I think the school is fine. [1, 2]")


def test_generate_streams_and_sends_rules_before_the_question() -> None:
    llm = fake_llm("hello there, officer")
    tokens: list[str] = []
    assert generate(llm, system="RULES", user="QUESTION", on_token=tokens.append) == (
        "hello there, officer"
    )
    assert len(tokens) > 1  # streamed in pieces
    (prompt,) = llm.chat.seen  # type: ignore[attr-defined]
    assert len(prompt) == 1 and prompt[0].content == "RULES\n\nQUESTION"


def test_malformed_output_is_asked_for_again_once() -> None:
    llm = fake_llm("not json at all", '{"ok": true}')
    assert generate_parsed(llm, system="s", user="u", parse=parse_json_object) == {"ok": True}


def test_malformed_output_twice_is_a_clear_error() -> None:
    llm = fake_llm("nonsense", "more nonsense", '{"ok": true}')
    with pytest.raises(LLMResponseError, match="without the JSON asked for"):
        generate_parsed(llm, system="s", user="u", parse=parse_json_object)


# Streaming from an OpenAI-compatible endpoint is shown by a real llama.cpp server in
# test_llm_server.py; the scripted server stays for what a real one cannot do.


def test_openai_requests_carry_the_limit_and_schema_compatible_servers_read() -> None:
    with scripted_openai_server('{"ok": true}') as (url, requests):
        llm = openai_llm(url, max_tokens=33)
        generate_parsed(llm, system="s", user="u", parse=parse_json_object, schema=SCHEMA)
        generate(llm, system="s", user="u")
    with_schema, plain = requests
    assert with_schema["max_tokens"] == plain["max_tokens"] == 33
    assert with_schema["response_format"]["json_schema"]["schema"] == SCHEMA
    assert "response_format" not in plain and with_schema["stream"] is True


def test_endpoint_answering_nonsense_is_a_clear_error() -> None:
    with scripted_openai_server("I like turtles") as (url, requests):
        with pytest.raises(LLMResponseError, match="openai:m answered 2 times"):
            generate_parsed(openai_llm(url), system="s", user="u", parse=parse_json_object)
    assert len(requests) == 2


def test_endpoint_failing_with_http_500_is_a_clear_error() -> None:
    with scripted_openai_server("", status=500) as (url, _):
        with pytest.raises(LLMResponseError, match="HTTP 500"):
            generate(openai_llm(url), system="s", user="u")


def test_endpoint_rejecting_the_key_is_a_config_error() -> None:
    with scripted_openai_server("", status=401) as (url, _):
        with pytest.raises(LLMConfigError, match="TRIAGE_LLM__API_KEY"):
            generate(openai_llm(url), system="s", user="u")


def test_endpoint_down_is_a_clear_error_after_bounded_retries() -> None:
    llm = openai_llm(dead_endpoint(), max_retries=1)
    with pytest.raises(LLMUnavailableError, match="is the server running"):
        generate(llm, system="s", user="u")


def test_endpoint_that_never_answers_times_out() -> None:
    with silent_server() as url:
        llm = openai_llm(url, timeout_s=0.5, max_retries=0)
        with pytest.raises(LLMTimeoutError, match=r"within 0.5s"):
            generate(llm, system="s", user="u")


@pytest.mark.real
@pytest.mark.llama_in_process
def test_packaged_gguf_runs_in_process_through_the_llamacpp_provider() -> None:
    llm = build_language_model(LLMSettings(provider="llamacpp", max_tokens=24))
    assert llm is not None and llm.model == packaged_gguf().name
    tokens: list[str] = []
    text = generate(llm, system="Be brief.", user="Say hello.", on_token=tokens.append)
    assert text.strip() and tokens
