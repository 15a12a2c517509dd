"""The parser sandbox: the parent reads the file once under a bound; the child answers with one
JSON message, bounded in size and validated, never an unpickle of what a parser made."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from ingest.errors import (
    FileTooLargeError,
    MalformedFileError,
    ParseMemoryError,
    ParseTimeoutError,
    UnreadableFileError,
    UnsupportedFormatError,
    ZipBombError,
)
from ingest.sandbox import (
    ParserProcess,
    SandboxLimits,
    _result,
    parse_data,
    parse_file,
    read_file,
)
from tests.conftest import FIXTURES

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`


def test_the_parsed_document_describes_the_bytes_read() -> None:
    data = (FIXTURES / "ofsted.pdf").read_bytes()
    parsed = parse_data(data, source="ofsted.pdf", fmt="pdf")
    assert parsed.sha256 == hashlib.sha256(data).hexdigest() and parsed.size == len(data)


def test_a_file_over_the_bound_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Attendance is 95%.\n" * 1000)
    assert len(read_file(big, source="big.txt", max_bytes=19_000)) == 19_000
    with pytest.raises(FileTooLargeError, match="over the limit"):
        read_file(big, source="big.txt", max_bytes=18_999)


def test_what_is_not_a_regular_file_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # no writer: a blocking open would wait for ever
    with pytest.raises(UnsupportedFormatError, match="not a regular file"):
        read_file(pipe, source="pipe.txt", max_bytes=1 << 20)
    with pytest.raises(UnreadableFileError, match="could not be read"):
        read_file(tmp_path / "absent.txt", source="absent.txt", max_bytes=1 << 20)


def test_a_reply_over_its_bound_stops_the_parse(tmp_path: Path) -> None:
    text = tmp_path / "long.txt"
    text.write_text("Behaviour is good and pupils are safe. " * 2000)
    limits = SandboxLimits(max_reply_bytes=16 << 10)
    with pytest.raises(ParseMemoryError, match="more than 0 MiB of text"):
        parse_file(text, source="long.txt", limits=limits)
    assert parse_file(text, source="long.txt").passages  # within the default bound it parses


def test_a_reply_that_is_not_a_document_is_refused() -> None:
    with pytest.raises(MalformedFileError, match="not a valid document"):
        _result(b'{"status": "ok", "document": {"source": "x"}}', "x.txt")
    with pytest.raises(MalformedFileError, match="not a valid document"):
        _result(b"\x80\x04\x95 a pickle", "x.txt")
    with pytest.raises(ParseMemoryError, match="memory limit"):
        _result(b'{"status": "memory", "error": "ParseMemoryError", "message": "m"}', "x.txt")


def test_a_reused_parser_refuses_a_bomb_after_a_good_file_and_parses_the_next() -> None:
    good = (FIXTURES / "ofsted.pdf").read_bytes()
    with ParserProcess() as parser:
        first = parser.parse(good, source="ofsted.pdf", fmt="pdf")
        with pytest.raises(ZipBombError, match="zip bomb"):
            parser.parse((FIXTURES / "bomb.docx").read_bytes(), source="bomb.docx", fmt="docx")
        after = parser.parse(good, source="ofsted.pdf", fmt="pdf")
        assert after == first and parser.started == 2  # a fresh child after the refusal


def test_a_reused_parser_keeps_the_time_and_memory_limits_for_every_file() -> None:
    good = (FIXTURES / "sef.docx").read_bytes()
    with ParserProcess() as parser:
        assert parser.parse(good, source="sef.docx", fmt="docx").passages
        with pytest.raises(ParseTimeoutError, match="was stopped"):
            parser.parse(good, source="sef.docx", fmt="docx", limits=SandboxLimits(seconds=0.001))
        with pytest.raises((ParseMemoryError, MalformedFileError)):
            parser.parse(
                good, source="sef.docx", fmt="docx", limits=SandboxLimits(memory_bytes=64 << 20)
            )
        assert parser.parse(good, source="sef.docx", fmt="docx").passages
        assert parser.started == 3  # one child for the first file, a fresh one after each failure


def test_a_reused_parser_serves_many_good_files_from_one_child() -> None:
    names = ["ofsted.pdf", "sef.docx", "visit-note.txt", "minutes.md", "indicators.csv"]
    with ParserProcess(max_files=3) as parser:
        for name in names:
            data = (FIXTURES / name).read_bytes()
            parsed = parser.parse(data, source=name, fmt=name.rsplit(".", 1)[1])  # type: ignore[arg-type]
            assert parsed.sha256 == hashlib.sha256(data).hexdigest()
        assert parser.started == 2  # retired after three files, never after each one
