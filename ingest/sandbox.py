"""Parse a file in a child process under memory, CPU and wall-clock limits, with a hard kill.

PDF and DOCX parsers have a long record of infinite loops and memory blow-ups on crafted files,
so no parser runs in the process that holds the database and the index. The file is read once, by
the parent, under a size bound; the child gets those bytes and answers with one JSON message of
bounded size, validated into a ParsedDocument (never an unpickle of what a parser produced).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import resource
import signal
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.machinery import ModuleSpec
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ingest import errors
from ingest.errors import (
    FileTooLargeError,
    IngestError,
    MalformedFileError,
    ParseMemoryError,
    ParseTimeoutError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from ingest.models import FileFormat, ParsedDocument
from ingest.reader import ReadOptions, file_format, parse_bytes
from ingest.vocabulary import DocumentKind


@dataclass(frozen=True)
class SandboxLimits:
    max_bytes: int = 50 << 20
    seconds: float = 60.0
    memory_bytes: int = 1 << 30
    max_reply_bytes: int = 256 << 20  # the parsed document as JSON: text, passages, indicators


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
    """Read `path` (bounded) and parse it in a child process; raise a typed IngestError."""
    fmt = file_format(path)
    data = read_file(path, source=source, max_bytes=limits.max_bytes)
    return parse_data(
        data, source=source, fmt=fmt, kind=kind, date=date, limits=limits, options=options
    )


def read_file(path: Path, *, source: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, read once and never more than `max_bytes`."""
    try:
        # Non-blocking, so a named pipe is refused at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableFileError(
            f"{source} could not be read ({exc.strerror}); check it"
        ) from None
    # Checked on the open descriptor, before any read: a folder cannot even be wrapped as a file.
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsupportedFormatError(
            f"{source} is not a regular file (a device, pipe or folder); give a file"
        )
    with os.fdopen(fd, "rb") as file:
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileTooLargeError(
            f"{source} is over the limit of {max_bytes / (1 << 20):.0f} MiB; split it or raise "
            "TRIAGE_LIMITS__MAX_FILE_MB"
        )
    return data


def parse_data(
    data: bytes,
    *,
    source: str,
    fmt: FileFormat,
    kind: DocumentKind | None = None,
    date: dt.date | None = None,
    limits: SandboxLimits = DEFAULT_LIMITS,
    options: ReadOptions = DEFAULT_OPTIONS,
) -> ParsedDocument:
    """Parse bytes already read in a bounded child process; the result describes these bytes."""
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
        reply = _receive(receiver, process, source, limits)
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    parsed = _result(reply, source)
    # Size and hash are of the bytes the caller holds and will store, whatever the child said.
    return parsed.model_copy(update={"size": len(data), "sha256": hashlib.sha256(data).hexdigest()})


def _receive(receiver: Connection, process: Any, source: str, limits: SandboxLimits) -> bytes:
    """The child's one message, within the time limit and the size bound."""
    try:
        if not receiver.poll(limits.seconds):
            raise ParseTimeoutError(
                f"parsing {source} took over {limits.seconds:.0f} s and was stopped; the file may "
                "be crafted or damaged (raise TRIAGE_LIMITS__PARSE_SECONDS for a genuine large "
                "file)"
            )
        return receiver.recv_bytes(limits.max_reply_bytes)
    except EOFError:
        process.join(1)
        raise _death(process.exitcode, source) from None
    except OSError:  # recv_bytes refuses a message over its bound
        raise ParseMemoryError(
            f"parsing {source} produced more than {limits.max_reply_bytes >> 20} MiB of text and "
            "was stopped; the file may be crafted (raise TRIAGE_LIMITS__MAX_PARSED_MB for a "
            "genuine large file)"
        ) from None


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


class _Parsed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["ok"]
    document: ParsedDocument


class _Failed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["error", "memory"]
    error: str = Field(max_length=100)
    message: str = Field(max_length=4000)


_REPLY: TypeAdapter[_Parsed | _Failed] = TypeAdapter(
    Annotated[_Parsed | _Failed, Field(discriminator="status")]
)


def _result(reply: bytes, source: str) -> ParsedDocument:
    try:
        message = _REPLY.validate_json(reply)
    except ValidationError as exc:
        raise MalformedFileError(
            f"the parser's answer for {source} was not a valid document "
            f"({exc.error_count()} problems); check the file"
        ) from None
    if isinstance(message, _Parsed):
        return message.document
    if message.status == "memory":
        raise ParseMemoryError(
            f"parsing {source} ran out of its memory limit; the file may be crafted or damaged "
            "(raise TRIAGE_LIMITS__PARSE_MEMORY_MB for a genuine large file)"
        )
    error_class = getattr(errors, message.error, IngestError)
    if not (isinstance(error_class, type) and issubclass(error_class, IngestError)):
        error_class = IngestError
    raise error_class(message.message)


class ParserProcess:
    """One sandboxed parsing child reused across files, under the same limits for each file.

    Starting a child per file costs more than parsing a school's document; a batch keeps one.
    Before each file the child sets its memory bound again and its CPU bound to what it has used
    so far plus the file's allowance, and the parent keeps the wall-clock bound. After any
    failure (a refused file, a timeout, a death, an answer over its bound) the child is ended and
    the next file gets a fresh one, so nothing a bad file left behind meets a good one. A child is
    also retired after `max_files`, which bounds what a long-lived heap can accumulate. Safe under
    threads (one file at a time); use as a context manager, or `close()`.
    """

    def __init__(self, *, max_files: int = 100) -> None:
        self.max_files = max_files
        self._process: Any = None
        self._conn: Connection | None = None
        self._served = 0
        self._lock = threading.Lock()
        self.started = 0  # children started so far: how many fresh ones the failures cost

    def __enter__(self) -> ParserProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def parse(
        self,
        data: bytes,
        *,
        source: str,
        fmt: FileFormat,
        kind: DocumentKind | None = None,
        date: dt.date | None = None,
        limits: SandboxLimits = DEFAULT_LIMITS,
        options: ReadOptions = DEFAULT_OPTIONS,
    ) -> ParsedDocument:
        """As `parse_data`, in the reused child; raise a typed IngestError."""
        with self._lock:
            conn, process = self._child()
            ok = False
            try:
                conn.send((data, source, fmt, kind, date, options, limits))
                reply = _receive(conn, process, source, limits)
                parsed = _result(reply, source)
                ok = True
            except BrokenPipeError:
                process.join(1)
                raise _death(process.exitcode, source) from None
            finally:
                self._served += 1
                if not ok or self._served >= self.max_files:
                    self._end()
        return parsed.model_copy(
            update={"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )

    def close(self) -> None:
        with self._lock:
            self._end()

    def _child(self) -> tuple[Connection, Any]:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn, self._process
        self._end()
        parent, child = _context().Pipe(duplex=True)
        process = _context().Process(target=_serve, args=(child,), daemon=True)
        with _main_not_reimported():
            process.start()
        child.close()
        self._conn, self._process, self._served = parent, process, 0
        self.started += 1
        return parent, process

    def _end(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
        self._conn, self._process = None, None


def _serve(conn: Connection) -> None:
    """The reused child: one file per request, each under its own limits, until told to stop."""
    # Ctrl-C reaches the whole process group: the parent handles it and ends this child.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        data, source, fmt, kind, date, options, limits = request
        _limit(limits, reused=True)
        try:
            conn.send_bytes(_parse_reply(data, source, fmt, kind, date, options))
        except MemoryError:
            conn.send_bytes(_failure("memory", "ParseMemoryError", "out of memory"))


def _limit(limits: SandboxLimits, *, reused: bool) -> None:
    """The memory bound, and a CPU bound of `limits.seconds` from now (CPU time is cumulative)."""
    cpu = int(limits.seconds) + 1
    if reused:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu += int(usage.ru_utime + usage.ru_stime) + 1
        # Soft limits only: the hard ones stay where they were, so the next file can be given its
        # own allowance; SIGXCPU at the soft limit ends the child as the hard limit would.
        hard_as = resource.getrlimit(resource.RLIMIT_AS)[1]
        hard_cpu = resource.getrlimit(resource.RLIMIT_CPU)[1]
        resource.setrlimit(resource.RLIMIT_AS, (_within(limits.memory_bytes, hard_as), hard_as))
        resource.setrlimit(resource.RLIMIT_CPU, (_within(cpu, hard_cpu), hard_cpu))
        return
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _within(value: int, hard: int) -> int:
    return value if hard == resource.RLIM_INFINITY else min(value, hard)


def _child(
    sender: Connection,
    data: bytes,
    source: str,
    fmt: FileFormat,
    kind: DocumentKind | None,
    date: dt.date | None,
    options: ReadOptions,
    limits: SandboxLimits,
) -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and ends this child.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit(limits, reused=False)
    try:
        sender.send_bytes(_parse_reply(data, source, fmt, kind, date, options))
    except MemoryError:
        sender.send_bytes(_failure("memory", "ParseMemoryError", "out of memory"))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the parent stopped waiting (interrupted, or past its time limit): nobody to tell
    finally:
        sender.close()


def _parse_reply(
    data: bytes,
    source: str,
    fmt: FileFormat,
    kind: DocumentKind | None,
    date: dt.date | None,
    options: ReadOptions,
) -> bytes:
    """The child's one message for one file: the parsed document, or why it was refused."""
    try:
        parsed = parse_bytes(data, source=source, fmt=fmt, kind=kind, date=date, options=options)
        return _Parsed(status="ok", document=parsed).model_dump_json().encode()
    except MemoryError:
        return _failure("memory", "ParseMemoryError", f"parsing {source} ran out of memory")
    except IngestError as exc:
        return _failure("error", type(exc).__name__, str(exc))
    except Exception as exc:  # a parser bug on hostile input is still the file's fault
        return _failure("error", "MalformedFileError", f"{source} could not be parsed ({exc!r})")


def _failure(status: Literal["error", "memory"], error: str, message: str) -> bytes:
    failed = _Failed(status=status, error=error[:100], message=message[:4000])
    return failed.model_dump_json().encode()
