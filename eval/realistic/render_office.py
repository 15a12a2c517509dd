"""School and authority office documents: SEFs (DOCX), visit notes and minutes (TXT, MD or DOCX),
indicator CSVs. DOCX bytes are made stable by fixing the package dates."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.document import Document as DocxDocument

from eval.realistic.model import Indicators, Note, Sef

FIXED = dt.datetime(2026, 1, 1, 9, 0, 0)


def stable_docx(document: DocxDocument) -> bytes:
    """Save with fixed core properties, then rewrite the zip with fixed entry dates."""
    props = document.core_properties
    props.created = FIXED
    props.modified = FIXED
    props.last_modified_by = ""
    props.author = ""
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def sef_docx(sef: Sef) -> bytes:
    """Title, context, the grades table (area | grade | commentary), then narrative sections."""
    document = docx.Document()
    document.add_heading(sef.title, level=0)
    for para in sef.intro:
        document.add_paragraph(para)
    document.add_heading("Summary of self-evaluation judgements", level=1)
    document.add_paragraph(sef.scale_note)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Area", "Grade", "Commentary"), strict=True):
        cell.text = text
    for row in sef.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for heading, paras in sef.sections:
        document.add_heading(heading, level=1)
        for para in paras:
            document.add_paragraph(para)
    return stable_docx(document)


def note_bytes(note: Note) -> bytes:
    suffix = note.file.rsplit(".", 1)[-1]
    if suffix == "docx":
        return _note_docx(note)
    if suffix == "md":
        return _note_md(note).encode("utf-8")
    return _note_txt(note).encode("utf-8")


def _note_txt(note: Note) -> str:
    lines = [note.title.upper(), "", *note.preamble, ""]
    for heading, paras in note.sections:
        if heading:
            lines += [heading, ""]
        for para in paras:
            lines += [para, ""]
    return "\n".join(lines).rstrip() + "\n"


def _note_md(note: Note) -> str:
    lines = [f"# {note.title}", "", *(f"{p}  " for p in note.preamble), ""]
    for heading, paras in note.sections:
        if heading:
            lines += [f"## {heading}", ""]
        for para in paras:
            lines += [para, ""]
    return "\n".join(lines).rstrip() + "\n"


def _note_docx(note: Note) -> bytes:
    document = docx.Document()
    document.add_heading(note.title, level=1)
    for para in note.preamble:
        document.add_paragraph(para)
    for heading, paras in note.sections:
        if heading:
            document.add_heading(heading, level=2)
        for para in paras:
            document.add_paragraph(para)
    return stable_docx(document)


def indicators_csv(item: Indicators) -> bytes:
    lines = ["indicator,value,national,year", *(",".join(row) for row in item.rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")
