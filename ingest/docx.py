"""DOCX reader: paragraphs with their heading path, tables as rows; DOCX has no pages.

A table row becomes one line of the page text: each cell's text as the document has it, in the
order of the row, separated by a tab (as Word itself separates cells when a row is copied as text),
and a blank line between rows, so no sentence runs from one row into the next. Tab and blank line
are white space, so a quote from a row is its cells' words in order, each cell findable in the
document as written; no character that is not in the file is put between them.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.blocks import PageBuilder, RawDocument
from ingest.errors import ContentMismatchError, MalformedFileError, ZipBombError

CELL_SEPARATOR = "\t"
ROW_GAP = "\n\n"


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int
    max_unzipped_bytes: int
    max_ratio: float


def check_zip(data: bytes, limits: ZipLimits) -> None:
    """Refuse a DOCX whose zip directory declares too much before anything is decompressed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ContentMismatchError(
            "the file is not a valid DOCX (not a zip archive); save it again as .docx"
        ) from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.max_entries:
            raise ZipBombError(
                f"the DOCX has {len(entries)} zip entries (limit {limits.max_entries}); "
                "it may be a zip bomb and was not opened"
            )
        total = sum(entry.file_size for entry in entries)
        if total > limits.max_unzipped_bytes:
            raise ZipBombError(
                f"the DOCX would unpack to {total // (1 << 20)} MiB (limit "
                f"{limits.max_unzipped_bytes // (1 << 20)} MiB); it may be a zip bomb and was "
                "not opened"
            )
        for entry in entries:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if entry.file_size > (1 << 20) and ratio > limits.max_ratio:
                raise ZipBombError(
                    f"the DOCX entry {entry.filename} compresses {ratio:.0f}:1 (limit "
                    f"{limits.max_ratio:.0f}:1); it may be a zip bomb and was not opened"
                )
        if "word/document.xml" not in archive.namelist():
            raise ContentMismatchError(
                "the zip archive has no word/document.xml, so it is not a Word document"
            )


def read_docx(data: bytes, *, limits: ZipLimits) -> RawDocument:
    """Read paragraphs and tables in body order under their heading path, as one unpaged page."""
    check_zip(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a corrupt package
        raise MalformedFileError(f"the DOCX is malformed ({exc}); save it again") from exc
    page = PageBuilder(None)
    headings: list[tuple[int, str]] = []
    title: str | None = None
    for item in _body_items(document):
        if isinstance(item, Table):
            for row in item.rows:
                cells = _unique_cells(row.cells)
                page.add(CELL_SEPARATOR.join(cells), _path(headings), gap=ROW_GAP)
            continue
        text = item.text.strip()
        level = _heading_level(item)
        if level is not None and text:
            headings = [(lvl, h) for lvl, h in headings if lvl < level] + [(level, text)]
            title = title or text
        page.add(text, _path(headings))
    return RawDocument(pages=[page.build()], title=title)


def _body_items(document: DocxDocument) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def _unique_cells(cells: list) -> list[str]:
    """Merged cells repeat in python-docx; keep each distinct, non-empty cell once, in order.

    A cell's paragraphs are joined by a space: a row stays one line of text.
    """
    seen: set[int] = set()
    texts = []
    for cell in cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
        if text:
            texts.append(text)
    return texts


def _heading_level(paragraph: Paragraph) -> int | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name == "Title":
        return 0
    if name.startswith("Heading"):
        digits = name.removeprefix("Heading").strip()
        return int(digits) if digits.isdigit() else 1
    return None


def _path(headings: list[tuple[int, str]]) -> str | None:
    return " > ".join(h for _, h in headings) or None
