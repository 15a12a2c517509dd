"""Parse a file in a child process under memory, CPU and wall-clock limits, with a hard kill.

PDF and DOCX parsers have a long record of infinite loops and memory blow-ups on crafted files,
so no parser runs in the process that holds the database and the index.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import resource
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.machinery import ModuleSpec
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ingest import errors
from ingest.errors import (
    FileTooLargeError,
    IngestError,
    MalformedFileError,
    ParseMemoryError,
    ParseTimeoutError,
)
from ingest.models import DocumentKind, ParsedDocument
from ingest.reader import ReadOptions, file_format, parse_bytes


@dataclass(frozen=True)
class SandboxLimits:
    max_bytes: int = 50 << 20
    seconds: float = 60.0
    memory_bytes: int = 1 << 30


DEFAULT_LIMITS = SandboxLimits()
DEFAULT_OPTIONS = ReadOptions()


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["ingest.reader"])
    return ctx


def parse_file(
    path: Path,
    *,
    source: str,
    kind: DocumentKind | None = None,
    date: dt.date | None = None,
    limits: SandboxLimits = DEFAULT_LIMITS,
    options: ReadOptions = DEFAULT_OPTIONS,
) -> ParsedDocument:
    """Read and parse `path` in a bounded child process; raise a typed IngestError on bad input."""
    fmt = file_format(path)
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise FileTooLargeError(
            f"{source} is {size / (1 << 20):.1f} MiB, over the limit of "
            f"{limits.max_bytes / (1 << 20):.0f} MiB; split it or raise TRIAGE_LIMITS__MAX_FILE_MB"
        )
    data = path.read_bytes()
    receiver, sender = _context().Pipe(duplex=False)
    process = _context().Process(
        target=_child,
        args=(sender, data, source, fmt, kind, date, options, limits),
        daemon=True,
    )
    with _main_not_reimported():
        process.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise ParseTimeoutError(
                f"parsing {source} took over {limits.seconds:.0f} s and was stopped; the file may "
                "be crafted or damaged (raise TRIAGE_LIMITS__PARSE_SECONDS for a genuine large "
                "file)"
            )
        message = receiver.recv()
    except EOFError:
        process.join(1)
        raise _death(process.exitcode, source) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    return _result(message, source)


@contextmanager
def _main_not_reimported() -> Iterator[None]:
    """Keep the child from re-running the parent's main script (the whole CLI and its imports).

    multiprocessing re-imports `__main__` in each child by path unless the main module's spec names
    `__main__`; the parser needs nothing from it, and the import costs seconds per file.
    """
    main = sys.modules["__main__"]
    saved = getattr(main, "__spec__", None)
    if saved is None:
        main.__spec__ = ModuleSpec("__main__", None)
    try:
        yield
    finally:
        if saved is None:
            main.__spec__ = None


def _death(exitcode: int | None, source: str) -> IngestError:
    """Name why the child died without answering: CPU limit, memory kill, or a crash."""
    if exitcode == -signal.SIGXCPU:
        return ParseTimeoutError(
            f"parsing {source} used up its CPU limit and was stopped; the file may be crafted or "
            "damaged"
        )
    if exitcode is not None and exitcode < 0:
        return ParseMemoryError(
            f"parsing {source} was killed (signal {-exitcode}) after exceeding its limits; the "
            "file may be crafted or damaged"
        )
    return MalformedFileError(f"the parser crashed on {source} (exit {exitcode}); check the file")


def _result(message: tuple, source: str) -> ParsedDocument:
    status, payload = message
    if status == "ok":
        return ParsedDocument.model_validate(payload)
    if status == "memory":
        raise ParseMemoryError(
            f"parsing {source} ran out of its memory limit; the file may be crafted or damaged "
            "(raise TRIAGE_LIMITS__PARSE_MEMORY_MB for a genuine large file)"
        )
    name, text = payload
    error_class = getattr(errors, name, IngestError)
    raise error_class(text)


def _child(
    sender: Connection,
    data: bytes,
    source: str,
    fmt: str,
    kind: DocumentKind | None,
    date: dt.date | None,
    options: ReadOptions,
    limits: SandboxLimits,
) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = int(limits.seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        parsed = parse_bytes(
            data,
            source=source,
            fmt=fmt,  # type: ignore[arg-type]
            kind=kind,
            date=date,
            options=options,
        )
        sender.send(("ok", parsed.model_dump(mode="json")))
    except MemoryError:
        sender.send(("memory", None))
    except IngestError as exc:
        sender.send(("error", (type(exc).__name__, str(exc))))
    except Exception as exc:  # a parser bug on hostile input is still the file's fault
        sender.send(("error", ("MalformedFileError", f"{source} could not be parsed ({exc!r})")))
    finally:
        sender.close()
