"""The words ingest shares with triage: document kinds and indicator names (DESIGN.md).

Defined here because ingest stands alone (it imports nothing from triage); triage imports them
from this module rather than writing them out again.
"""

from __future__ import annotations

from typing import Literal

DocumentKind = Literal["sef", "ofsted_report", "visit_note", "minutes", "indicators", "other"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = DocumentKind.__args__  # type: ignore[attr-defined]

# The indicators of an indicators CSV that the shared vocabulary names; any other is kept and
# reported as unknown, never dropped.
IndicatorName = Literal[
    "attendance_pct",
    "persistent_absence_pct",
    "suspension_rate",
    "permanent_exclusion_rate",
    "ks2_rwm_expected_pct",
    "phonics_expected_pct",
    "ks4_progress8",
    "ks4_attainment8",
    "disadvantaged_gap_pp",
    "budget_balance_pct",
    "governor_vacancies",
    "complaints_count",
    "staff_turnover_pct",
    "part_time_timetables",
]
INDICATORS: tuple[IndicatorName, ...] = IndicatorName.__args__  # type: ignore[attr-defined]
