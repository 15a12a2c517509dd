"""Indicators CSV reader: `indicator,value,national,year`, one passage per row."""

from __future__ import annotations

import csv
import io
import math

from ingest.blocks import Block, RawDocument, RawPage
from ingest.errors import IndicatorError
from ingest.models import IndicatorRow
from ingest.text import decode_text
from ingest.vocabulary import INDICATORS

HEADER = ["indicator", "value", "national", "year"]


def read_indicators(data: bytes) -> tuple[RawDocument, list[IndicatorRow]]:
    """Parse every row; a bad number is rejected with its line number, unknown names are kept."""
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    header = [cell.strip().lower() for cell in next(csv.reader([lines[0]]), [])]
    if header != HEADER:
        raise IndicatorError(
            f"line 1: the header is {','.join(header) or '(empty)'}; an indicators CSV needs "
            f"exactly {','.join(HEADER)}"
        )
    rows: list[IndicatorRow] = []
    blocks: list[Block] = []
    offset = len(lines[0]) + 1
    for number, line in enumerate(lines[1:], start=2):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        rows.append(_row(line, number))
        blocks.append(Block(start, start + len(line.rstrip()), "Indicators"))
    return RawDocument(pages=[RawPage(None, text, blocks)], title=None), rows


def _row(line: str, number: int) -> IndicatorRow:
    cells = next(csv.reader(io.StringIO(line)))
    if len(cells) != 4:
        raise IndicatorError(
            f"line {number}: expected 4 columns (indicator,value,national,year), found {len(cells)}"
        )
    name, value, national, year = (cell.strip() for cell in cells)
    if not name:
        raise IndicatorError(f"line {number}: the indicator name is empty")
    return IndicatorRow(
        indicator=name,
        value=_number(value, number, "value", required=True),  # type: ignore[arg-type]
        national=_number(national, number, "national", required=False),
        year=year or None,
        line=number,
        known=name in INDICATORS,
        raw=line.rstrip(),
    )


def _number(text: str, line: int, column: str, *, required: bool) -> float | None:
    if not text:
        if required:
            raise IndicatorError(f"line {line}: the {column} is empty; give a number")
        return None
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise IndicatorError(
            f"line {line}: the {column} {text!r} is not a number; correct that row and ingest again"
        ) from None
    if not math.isfinite(value):
        raise IndicatorError(f"line {line}: the {column} {text!r} is not a finite number")
    return value
