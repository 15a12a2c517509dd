"""Each reader on real fixture files: pages, sections, offsets, indicators, kind and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.errors import IndicatorError
from ingest.sandbox import parse_file
from tests.conftest import FIXTURES

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`


def parse(name: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return parse_file(FIXTURES / name, source=name, **kwargs)  # type: ignore[arg-type]


def assert_offsets(document) -> None:  # type: ignore[no-untyped-def]
    pages = {page.number: page.text for page in document.pages}
    for passage in document.passages:
        assert pages[passage.page][passage.start : passage.end] == passage.text


def test_pdf_pages_are_one_based_with_text_per_page() -> None:
    document = parse("ofsted.pdf")
    assert [page.number for page in document.pages] == [1, 2]
    assert "Overall effectiveness: Requires improvement" in document.pages[0].text
    assert "safeguarding are effective" in document.pages[1].text
    assert {p.page for p in document.passages} == {1, 2}
    assert_offsets(document)


def test_pdf_passages_never_cross_a_page_and_carry_sections() -> None:
    document = parse("ofsted.pdf")
    safeguarding = [p for p in document.passages if "safeguarding are effective" in p.text]
    assert len(safeguarding) == 1 and safeguarding[0].page == 2
    assert safeguarding[0].section == "Safeguarding"


def test_pdf_kind_and_date_are_detected_and_reported() -> None:
    document = parse("ofsted.pdf")
    assert document.kind == "ofsted_report" and document.kind_detected
    assert document.date == dt.date(2025, 3, 5)  # "4 and 5 March 2025": the last day
    assert any("kind detected as ofsted_report" in note for note in document.notes)


def test_kind_and_date_from_the_caller_win() -> None:
    document = parse("ofsted.pdf", kind="other", date=dt.date(2020, 1, 2))
    assert (document.kind, document.date) == ("other", dt.date(2020, 1, 2))
    assert not document.kind_detected and not document.date_detected


def test_docx_paragraphs_have_heading_paths_and_tables_are_rows() -> None:
    document = parse("sef.docx")
    assert [page.number for page in document.pages] == [None]
    attendance = next(p for p in document.passages if "93.1%" in p.text)
    assert attendance.page is None
    assert attendance.section == "Self-evaluation form 2024-25 > Quality of education > Attendance"
    assert "Behaviour\tGood" in document.pages[0].text
    assert document.kind == "sef"
    assert_offsets(document)


def test_txt_sections_and_offsets() -> None:
    document = parse("visit-note.txt")
    assert document.kind == "visit_note"
    assert document.date == dt.date(2026, 1, 14)
    fallen = next(p for p in document.passages if "fallen to 91.8%" in p.text)
    assert fallen.section is not None and "Findings" in fallen.section
    assert_offsets(document)


def test_markdown_headings_make_sections() -> None:
    document = parse("minutes.md")
    assert document.kind == "minutes"
    deficit = next(p for p in document.passages if "deficit" in p.text)
    assert deficit.section == "Full governing body minutes > Finance"
    assert_offsets(document)


def test_indicators_csv_rows_unknown_kept_and_reported() -> None:
    document = parse("indicators.csv")
    assert document.kind == "indicators"
    rows = {row.indicator: row for row in document.indicators}
    assert rows["attendance_pct"].value == 91.8 and rows["attendance_pct"].national == 94.5
    assert rows["attendance_pct"].raw == "attendance_pct,91.8,94.5,2024/25"
    assert rows["attendance_pct"].line == 2
    assert not rows["breakfast_club_uptake_pct"].known
    assert rows["breakfast_club_uptake_pct"].national is None
    assert any("breakfast_club_uptake_pct" in note for note in document.notes)
    assert [p.text for p in document.passages][0] == "attendance_pct,91.8,94.5,2024/25"
    assert document.date == dt.date(2025, 8, 31)
    assert_offsets(document)


def test_indicators_bad_number_names_its_line() -> None:
    with pytest.raises(IndicatorError, match=r"line 3: the value 'twenty' is not a number"):
        parse("bad-number.csv")


def test_long_paragraph_is_split_at_sentence_ends(tmp_path: Path) -> None:
    sentence = "Leaders have acted on the findings of the last review with care. "
    (tmp_path / "long.txt").write_text("FINDINGS\n\n" + sentence * 40)
    document = parse_file(tmp_path / "long.txt", source="long.txt")
    assert len(document.passages) > 2
    assert all(len(p.text) <= 900 for p in document.passages)
    assert all(p.text.endswith(".") for p in document.passages)
    assert_offsets(document)


def test_a_docx_table_row_is_its_cells_verbatim_in_order(tmp_path: Path) -> None:
    import docx

    made = docx.Document()
    made.add_heading("Governors' action plan", level=1)
    table = made.add_table(rows=3, cols=3)
    cells = [
        ("Action", "Owner", "Status"),
        ("Single central record audit", "Headteacher", "Not started |  overdue"),
        ("Recruit governors", "Chair", ""),
    ]
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    table.rows[2].cells[1].add_paragraph("and clerk")
    merged = made.add_table(rows=1, cols=3)
    merged.rows[0].cells[0].merge(merged.rows[0].cells[1]).text = "Budget monitoring"
    merged.rows[0].cells[2].text = "Termly"
    made.save(str(tmp_path / "plan.docx"))
    document = parse_file(tmp_path / "plan.docx", source="plan.docx")
    rows = document.pages[0].text.split("\n\n")  # a blank line between rows
    assert rows == [
        "Governors' action plan",
        "Action\tOwner\tStatus",
        "Single central record audit\tHeadteacher\tNot started |  overdue",
        "Recruit governors\tChair and clerk",
        "Budget monitoring\tTermly",
    ]
    # What an officer searches for in Word, cell by cell, is in the text exactly as written.
    for texts in cells:
        for text in texts:
            assert text in document.pages[0].text
    assert_offsets(document)
