"""PDF reader: text per page with pypdf, pages 1-based, headings guessed from short lines."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from ingest.blocks import Block, RawDocument, RawPage
from ingest.errors import EncryptedPdfError, MalformedFileError, NoTextError, TooManyPagesError

_HEADING = re.compile(r"^[A-Z0-9][^.!?;:,]{1,70}[^.!;,]$")


def read_pdf(data: bytes, *, max_pages: int) -> RawDocument:
    """Read every page's text; raise a typed error for encrypted, truncated or scanned files."""
    if b"%%EOF" not in data[-2048:]:
        raise MalformedFileError(
            "the PDF is truncated (no end-of-file marker); export or download it again"
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedPdfError("the PDF is password-protected; save an unprotected copy")
        count = len(reader.pages)
        if count > max_pages:
            raise TooManyPagesError(
                f"the PDF has {count} pages, over the limit of {max_pages}; split it or raise "
                "TRIAGE_LIMITS__MAX_PAGES"
            )
        texts = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise EncryptedPdfError("the PDF is password-protected; save an unprotected copy") from exc
    except PdfReadError as exc:
        raise MalformedFileError(f"the PDF is malformed ({exc}); export it again") from exc
    if not any(text.strip() for text in texts):
        raise NoTextError(
            "the PDF has no extractable text (it looks scanned); run OCR on it or supply the "
            "original document"
        )
    pages = []
    section: str | None = None
    for number, text in enumerate(texts, start=1):
        page, section = _page_blocks(number, text, section)
        pages.append(page)
    title = (reader.metadata.title if reader.metadata else None) or None
    return RawDocument(pages=pages, title=title)


def _page_blocks(number: int, text: str, section: str | None) -> tuple[RawPage, str | None]:
    """Split a page into heading-led blocks; the section carries over from the previous page."""
    blocks: list[Block] = []
    block_start: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        line_start = offset + (len(line) - len(line.lstrip()))
        line_end = line_start + len(stripped)
        offset += len(line)
        if not stripped:
            continue
        if _is_heading(stripped):
            if block_start is not None:
                blocks.append(Block(block_start, _prev_end(text, line_start), section))
                block_start = None
            section = stripped
            blocks.append(Block(line_start, line_end, section))
            continue
        if block_start is None:
            block_start = line_start
    if block_start is not None:
        blocks.append(Block(block_start, len(text.rstrip()), section))
    return RawPage(number, text, [b for b in blocks if b.end > b.start]), section


def _prev_end(text: str, position: int) -> int:
    return len(text[:position].rstrip())


def _is_heading(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 10 and bool(_HEADING.match(line)) and not line[-1].isdigit()
