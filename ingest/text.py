"""Plain text and Markdown readers: one unpaged page, sections from headings."""

from __future__ import annotations

import codecs
import re

from ingest.blocks import Block, RawDocument, RawPage
from ingest.errors import ContentMismatchError
from ingest.layout import numbered_heading

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_TXT_HEADING = re.compile(r"^[A-Z0-9][^.!?;,]{1,70}[^.!?;,]$")


# Longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def has_bom(data: bytes) -> bool:
    """True when the bytes begin with a UTF-16 or UTF-32 byte-order mark."""
    return _bom_encoding(data) is not None


def looks_like_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without its mark: Latin letters with a zero byte beside each."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4:
        return False
    zeros = max(sample[0::2].count(0), sample[1::2].count(0))
    return zeros >= 0.8 * pairs


def decode_text(data: bytes) -> str:
    """Decode UTF-16 or UTF-32 with a byte-order mark, UTF-8, or Windows-1252 (still common in
    school offices); refuse binary content."""
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)  # the codec reads the mark and drops it
        except UnicodeDecodeError:
            raise ContentMismatchError(
                f"the file begins with a {encoding.upper()} byte-order mark but is not "
                f"{encoding.upper()} text; save it again as UTF-8"
            ) from None
    if b"\x00" in data[:8192]:
        raise ContentMismatchError(
            "the file holds binary data, not text; check it is the document you meant"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def read_text(data: bytes, *, markdown: bool) -> RawDocument:
    """Split on blank lines into paragraphs, each under the heading path above it."""
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    title: str | None = None
    for start, end in _paragraph_spans(text):
        para = text[start:end]
        level, heading = _heading(para, markdown=markdown)
        if heading is not None:
            headings = [(lvl, h) for lvl, h in headings if lvl < level] + [(level, heading)]
            title = title or heading
        path = " > ".join(h for _, h in headings) or None
        blocks.append(Block(start, end, path))
    return RawDocument(pages=[RawPage(None, text, blocks)], title=title)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        start, end = match.start(), match.end()
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if end > start:
            spans.extend(_split_heading_line(text, start, end))
    return spans


def _split_heading_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A heading directly above its paragraph (no blank line) becomes its own span."""
    first_nl = text.find("\n", start, end)
    if first_nl == -1:
        return [(start, end)]
    first = text[start:first_nl].strip()
    if _MD_HEADING.match(first) or (_looks_like_heading(first) and first.isupper()):
        rest = first_nl + 1
        return [(start, first_nl), (rest, end)]
    return [(start, end)]


def _heading(para: str, *, markdown: bool) -> tuple[int, str | None]:
    if "\n" in para:
        return 0, None
    match = _MD_HEADING.match(para)
    if match:
        return len(match.group(1)), match.group(2).strip()
    if not markdown and _looks_like_heading(para):
        return 1, para.strip().rstrip(":")
    return 0, None


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if numbered_heading(stripped):
        return True
    words = stripped.split()
    if not 1 <= len(words) <= 9:
        return False
    return bool(_TXT_HEADING.match(stripped.rstrip(":"))) or stripped.isupper()
