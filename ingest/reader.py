"""Read one file into a ParsedDocument: sniff the format, parse, chunk, detect kind and date."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ingest.blocks import RawDocument
from ingest.chunking import chunk_pages
from ingest.detect import detect_date, detect_kind
from ingest.docx import ZipLimits, read_docx
from ingest.errors import ContentMismatchError, EmptyFileError, UnsupportedFormatError
from ingest.indicators import read_indicators
from ingest.models import FileFormat, IndicatorRow, ParsedDocument, ParsedPage
from ingest.pdf import read_pdf
from ingest.text import read_text
from ingest.vocabulary import DocumentKind

FORMATS: dict[str, FileFormat] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
}


@dataclass(frozen=True)
class ReadOptions:
    """What parsing needs beyond the bytes; plain data so it crosses a process boundary."""

    max_pages: int = 500
    zip_limits: ZipLimits = ZipLimits(2000, 200 << 20, 100.0)
    max_chars: int = 900
    min_chars: int = 200


def file_format(path: Path) -> FileFormat:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UnsupportedFormatError(
            f"{path.name}: files ending {path.suffix or '(none)'} are not read; use one of {known}"
        )
    return fmt


def parse_bytes(
    data: bytes,
    *,
    source: str,
    fmt: FileFormat,
    kind: DocumentKind | None,
    date: dt.date | None,
    options: ReadOptions,
) -> ParsedDocument:
    """Parse bytes already read from disk. Runs inside the sandboxed child process."""
    if not data.strip():
        raise EmptyFileError(f"{source} is empty; check you picked the right file")
    _check_magic(data, fmt, source)
    raw, indicators = _read(data, fmt, options)
    passages = chunk_pages(
        raw.pages,
        max_chars=options.max_chars,
        min_chars=options.min_chars,
        one_per_block=fmt == "csv",
    )
    full_text = "\n".join(page.text for page in raw.pages)
    notes: list[str] = []
    kind_detected = kind is None
    if kind is None:
        if fmt == "csv":
            kind, reason = "indicators", "an indicators CSV"
        else:
            kind, reason = detect_kind(full_text)
        notes.append(f"kind detected as {kind} ({reason})")
    date_detected = date is None
    if date is None:
        date = _indicator_date(indicators) if fmt == "csv" else detect_date(full_text)
        notes.append(f"date detected as {date.isoformat()}" if date else "no date found in text")
    unknown = sorted({row.indicator for row in indicators if not row.known})
    if unknown:
        notes.append("unknown indicators kept: " + ", ".join(unknown))
    return ParsedDocument(
        source=source,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        kind=kind,
        kind_detected=kind_detected,
        date=date,
        date_detected=date_detected,
        title=raw.title,
        pages=[ParsedPage(number=p.number, text=p.text) for p in raw.pages],
        passages=passages,
        indicators=indicators,
        notes=notes,
    )


def _indicator_date(rows: list[IndicatorRow]) -> dt.date | None:
    """The end of the latest academic year named ("2024/25" -> 31 August 2025), if any."""
    years = []
    for row in rows:
        digits = "".join(ch if ch.isdigit() else " " for ch in row.year or "").split()
        if digits and len(digits[0]) == 4:
            first = int(digits[0])
            years.append(first + 1 if len(digits) > 1 else first)
    return dt.date(max(years), 8, 31) if years else None


def _read(data: bytes, fmt: FileFormat, options: ReadOptions) -> tuple[RawDocument, list]:
    indicators: list[IndicatorRow] = []
    if fmt == "pdf":
        raw = read_pdf(data, max_pages=options.max_pages)
    elif fmt == "docx":
        raw = read_docx(data, limits=options.zip_limits)
    elif fmt == "csv":
        raw, indicators = read_indicators(data)
    else:
        raw = read_text(data, markdown=fmt == "md")
    return raw, indicators


def _check_magic(data: bytes, fmt: FileFormat, source: str) -> None:
    """The content must be what the extension says, before any parser sees it."""
    head = data[:1024].lstrip()
    if fmt == "pdf" and not head.startswith(b"%PDF-"):
        raise ContentMismatchError(
            f"{source} ends in .pdf but is not a PDF; check the file or rename it"
        )
    if fmt == "docx" and not data.startswith(b"PK\x03\x04"):
        raise ContentMismatchError(
            f"{source} ends in .docx but is not a Word document; save it again as .docx"
        )
    if fmt in ("txt", "md", "csv") and (
        head.startswith((b"%PDF-", b"PK\x03\x04")) or b"\x00" in head
    ):
        raise ContentMismatchError(
            f"{source} ends in .{fmt} but holds binary data; check the file or its extension"
        )
