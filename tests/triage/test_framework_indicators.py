"""How a framework reads indicator rows: the tests of characteristic rules and indicator levels."""

from __future__ import annotations

import datetime as dt

import pytest

from triage.extract.indicators import LatestIndicator, indicator_items, read_indicator
from triage.frameworks import list_frameworks
from triage.frameworks.indicators import IndicatorRule
from triage.frameworks.schema import Framework

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`


@pytest.fixture(scope="module")
def frameworks() -> dict[str, Framework]:
    return {fw.id: fw for fw in list_frameworks()}


@pytest.mark.parametrize(
    ("op", "margin", "value", "expected"),
    [
        ("above", 0.0, 95.0, True),
        ("above", 0.0, 94.5, False),
        ("at_least_in_line", 0.5, 94.1, True),
        ("at_least_in_line", 0.5, 93.9, False),
        ("below", 0.5, 94.1, False),
        ("below", 0.5, 93.9, True),
        ("well_below", 2.0, 92.6, False),
        ("well_below", 2.0, 92.4, True),
        ("in_line", 1.0, 95.5, True),
        ("at_most_in_line", 0.0, 94.6, False),
    ],
)
def test_indicator_rule_against_national(
    op: str, margin: float, value: float, expected: bool
) -> None:
    rule = IndicatorRule.model_validate(
        {"indicator": "attendance_pct", "compare": "national", "op": op, "margin": margin}
    )
    assert rule.holds(value, national=94.5) is expected


def test_indicator_rule_needs_its_reference() -> None:
    rule = IndicatorRule(indicator="attendance_pct", compare="national", op="below")
    assert rule.holds(90.0) is None
    rising = IndicatorRule(indicator="complaints_count", compare="previous", op="rising")
    assert rising.holds(6, previous=4) is True
    assert rising.holds(4, previous=4) is False
    absolute = IndicatorRule(
        indicator="budget_balance_pct", compare="absolute", op="below", threshold=0.0
    )
    assert absolute.holds(-1.5) is True
    assert "budget_balance_pct below 0" in absolute.describe()


def test_indicator_rule_rejects_unknown_indicator() -> None:
    with pytest.raises(ValueError, match="unknown indicator"):
        IndicatorRule(indicator="attendence_pct", compare="national", op="below")


@pytest.mark.parametrize(
    ("indicator", "value", "national", "level"),
    [
        ("attendance_pct", 91.0, 93.1, 3),
        ("attendance_pct", 93.0, 93.1, 2),
        ("persistent_absence_pct", 25.0, 17.6, 3),
        # A rate of absence or exclusion reads at best secure, however far better than national:
        # exceptional attendance or behaviour takes a judgement.
        ("attendance_pct", 97.1, 93.1, 2),
        ("persistent_absence_pct", 5.0, 17.6, 2),
        ("suspension_rate", 0.0, 1.6, 2),
        ("permanent_exclusion_rate", 0.0, 0.1, 2),
        # An outcome better than national by the margin is exceptional.
        ("ks2_rwm_expected_pct", 72.0, 62.0, 1),
        ("ks2_rwm_expected_pct", 71.0, 62.0, 2),
        ("phonics_expected_pct", 88.0, 80.0, 1),
    ],
)
def test_indicator_levels_read_a_row_against_national(
    frameworks: dict[str, Framework], indicator: str, value: float, national: float, level: int
) -> None:
    for fw in frameworks.values():
        reading = fw.indicator_levels[indicator]
        step = reading.read(value, national=national)
        assert step is not None and step.level == level and step.confidence == 0.8


def test_indicator_levels_fall_back_to_a_threshold_without_a_national_figure(
    frameworks: dict[str, Framework],
) -> None:
    levels = frameworks["bristol"].indicator_levels
    many = levels["part_time_timetables"].read(3, national=None)
    few = levels["part_time_timetables"].read(2, national=None)
    assert many is not None and (many.level, many.confidence) == (3, 0.6)
    assert few is not None and few.level == 2
    # Attendance has no threshold of its own: without national it says nothing.
    assert levels["attendance_pct"].read(95.0, national=None) is None


def test_a_relative_margin_is_a_share_of_the_reference() -> None:
    rule = IndicatorRule(
        indicator="suspension_rate", compare="national", op="above", margin=0.2, relative=True
    )
    assert rule.holds(11.9, national=10.0) is False  # within a fifth of national
    assert rule.holds(12.1, national=10.0) is True
    assert "(margin 0.2 of it)" in rule.describe()


def test_a_row_states_one_level_whichever_characteristic_cites_it(
    frameworks: dict[str, Framework],
) -> None:
    """A characteristic's rule says whether the row meets it; the level the row states is what
    it reads on the framework's shared levels, not the characteristic's own level."""
    bristol = frameworks["bristol"]
    row = LatestIndicator(
        indicator="attendance_pct",
        value=95.9,
        national=94.9,
        previous=None,
        raw="attendance_pct,95.9,94.9,2024/25",
        document="data.csv",
        document_id=1,
        date=dt.date(2025, 9, 30),
    )
    shared = read_indicator(row, bristol)
    assert shared is not None and shared.level == 2  # one point above national: in line
    cited = {}
    for characteristic in bristol.characteristics:
        if characteristic.aspect != "attendance":
            continue
        for item, _ in indicator_items(characteristic, {"attendance_pct": row}, bristol):
            cited[characteristic.id] = item
    above = cited["bristol.extending.attendance-above-national"]
    assert above.stance == "supports"  # 95.9 is above 94.9: the rule holds
    assert {item.level for item in cited.values()} == {2}
