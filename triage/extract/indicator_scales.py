"""How an indicator row reads on the shared levels, until the framework file says so itself."""

from __future__ import annotations

from triage.vocabulary import AspectId


# How an indicator reads on the shared levels. `better`: +1 where a higher value is better.
# With a national figure: within `in_line` of it is secure (2); better by `well` or more is
# exceptional (1); worse by more than `in_line` needs attention (3). Data alone never reads as
# urgent concern (4): that takes a judgement. `relative`: margins are fractions of the national
# figure (rates that vary by an order of magnitude). Without a national figure, `absolute`
# gives (worst value still secure, as a limit in the better direction's terms).
class IndicatorScale:
    def __init__(
        self,
        aspect: AspectId,
        *,
        better: int,
        in_line: float,
        well: float,
        relative: bool = False,
        absolute: float | None = None,
    ) -> None:
        self.aspect, self.better, self.in_line, self.well = aspect, better, in_line, well
        self.relative, self.absolute = relative, absolute


INDICATOR_SCALES: dict[str, IndicatorScale] = {
    "attendance_pct": IndicatorScale("attendance", better=1, in_line=0.5, well=2.0),
    "persistent_absence_pct": IndicatorScale("attendance", better=-1, in_line=1.5, well=5.0),
    "part_time_timetables": IndicatorScale("attendance", better=-1, in_line=0, well=0, absolute=2),
    "suspension_rate": IndicatorScale("behaviour", better=-1, in_line=0.2, well=0.5, relative=True),
    "permanent_exclusion_rate": IndicatorScale(
        "behaviour", better=-1, in_line=0.5, well=0.9, relative=True
    ),
    "ks2_rwm_expected_pct": IndicatorScale("achievement", better=1, in_line=3.0, well=10.0),
    "phonics_expected_pct": IndicatorScale("early_years", better=1, in_line=3.0, well=8.0),
    "ks4_progress8": IndicatorScale("achievement", better=1, in_line=0.15, well=0.5),
    "ks4_attainment8": IndicatorScale("achievement", better=1, in_line=2.0, well=6.0),
    "disadvantaged_gap_pp": IndicatorScale(
        "achievement", better=-1, in_line=3.0, well=8.0, absolute=20
    ),
    "budget_balance_pct": IndicatorScale(
        "finance_estates", better=1, in_line=0, well=0, absolute=0
    ),
    "governor_vacancies": IndicatorScale("governance", better=-1, in_line=0, well=0, absolute=1),
    "complaints_count": IndicatorScale(
        "parents_complaints", better=-1, in_line=0, well=0, absolute=4
    ),
    "staff_turnover_pct": IndicatorScale("staffing", better=-1, in_line=0, well=0, absolute=20),
}


def grade_indicator(
    indicator: str, value: float, *, national: float | None
) -> tuple[AspectId, int, float] | None:
    """(aspect, level, confidence) an indicator row evidences, or None when it cannot be read."""
    scale = INDICATOR_SCALES.get(indicator)
    if scale is None:
        return None
    if national is None:
        if scale.absolute is None:
            return None
        worse = (value - scale.absolute) * scale.better < 0
        return scale.aspect, 3 if worse else 2, 0.6
    difference = (value - national) * scale.better
    unit = abs(national) if scale.relative else 1.0
    if difference >= scale.well * unit and scale.well > 0:
        return scale.aspect, 1, 0.8
    if difference >= -scale.in_line * unit:
        return scale.aspect, 2, 0.8
    return scale.aspect, 3, 0.8
