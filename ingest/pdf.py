"""PDF reader: text per page with pypdf, pages 1-based, blocks from the layout of the lines."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from ingest.blocks import Block, RawDocument, RawPage
from ingest.errors import EncryptedPdfError, MalformedFileError, NoTextError, TooManyPagesError
from ingest.layout import LIST_RUN, classify, graded_heading, list_run, running_keys


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
    running = running_keys(texts)
    pages = []
    section: str | None = None
    for number, text in enumerate(texts, start=1):
        page, section = _page_blocks(number, text, section, running)
        pages.append(page)
    title = (reader.metadata.title if reader.metadata else None) or None
    return RawDocument(pages=pages, title=title)


def _page_blocks(
    number: int, text: str, section: str | None, running: frozenset[str]
) -> tuple[RawPage, str | None]:
    """Split a page into blocks by layout; the section carries over from the previous page.

    Running heads, footers and page numbers belong to no block; consecutive table rows are one
    block; a grade above its graded heading row goes with the row, whose first cell names the
    section; a run of short lines is a list under its first line, not a run of headings.
    """
    lines = classify(text, running)
    blocks = _Blocks(section)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind == "running":
            blocks.close()
        elif graded_heading(lines, index):
            row = lines[index + 1]
            blocks.heading(line.start, row.end, " ".join(row.cells[0].split()))
            index += 1
        elif line.kind == "heading":
            run = list_run(lines, index)
            blocks.heading(line.start, line.end, " ".join(line.text.split()))
            if run >= LIST_RUN:
                # The list's last line heads the text after it ("Safeguarding standards met").
                heads = index + run < len(lines) and lines[index + run].kind == "text"
                end = index + run - 1 - heads
                blocks.add(lines[index + 1].start, lines[end].end, "list")
                blocks.close()
                index = end
        else:
            blocks.add(line.start, line.end, line.kind)
        index += 1
    blocks.close()
    return RawPage(number, text, [b for b in blocks.done if b.end > b.start]), blocks.section


class _Blocks:
    """Blocks of one page as they are made: lines of one kind join the open block."""

    def __init__(self, section: str | None) -> None:
        self.section = section
        self.done: list[Block] = []
        self._open: tuple[int, int, str] | None = None

    def add(self, start: int, end: int, kind: str) -> None:
        if self._open is not None and self._open[2] != kind:
            self.close()
        begin = self._open[0] if self._open is not None else start
        self._open = (begin, end, kind)

    def heading(self, start: int, end: int, section: str) -> None:
        self.close()
        self.section = section
        self.done.append(Block(start, end, section))

    def close(self) -> None:
        if self._open is not None:
            self.done.append(Block(self._open[0], self._open[1], self.section))
            self._open = None
