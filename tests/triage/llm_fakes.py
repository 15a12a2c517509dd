"""Test doubles for the LLM layer: scripted chat models and a scripted OpenAI-compatible server."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage

from triage.llm.providers import LanguageModel


class RecordingFakeChat(GenericFakeChatModel):
    """GenericFakeChatModel that also keeps every prompt it was sent."""

    seen: list[list[BaseMessage]] = []

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        self.seen.append(list(messages))
        return super()._generate(messages, *args, **kwargs)  # streaming goes through here too


def fake_llm(*replies: str | dict[str, Any]) -> LanguageModel:
    """A LanguageModel that answers with `replies` in turn (dicts are sent as JSON)."""
    texts = [r if isinstance(r, str) else json.dumps(r) for r in replies]
    chat = RecordingFakeChat(messages=iter([AIMessage(content=t) for t in texts]), seen=[])
    return LanguageModel(provider="fake", model="scripted", chat=chat, timeout_s=30, max_retries=0)


def prompts_seen(llm: LanguageModel) -> list[str]:
    chat = llm.chat
    assert isinstance(chat, RecordingFakeChat)
    return ["\n".join(str(m.content) for m in messages) for messages in chat.seen]


def _sse(content: str) -> bytes:
    chunks = [
        {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
         "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece},
                      "finish_reason": None}]}
        for piece in (content[i : i + 8] for i in range(0, len(content), 8))
    ]  # fmt: skip
    chunks.append(
        {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
         "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    )  # fmt: skip
    body = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks)
    return body + b"data: [DONE]\n\n"


@contextmanager
def scripted_openai_server(reply: str, *, status: int = 200) -> Iterator[tuple[str, list[Any]]]:
    """An OpenAI-compatible endpoint on loopback streaming `reply`; yields (base_url, requests)."""
    requests: list[Any] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("content-length", 0))
            requests.append(json.loads(self.rfile.read(length)))
            if status != 200:
                body = json.dumps({"error": {"message": "scripted failure"}}).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
            else:
                body = _sse(reply)
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", requests
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent_server() -> Iterator[str]:
    """A loopback endpoint that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


def dead_endpoint() -> str:
    """The URL of a loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
