"""The framework files: they load, they cover their seeds, bad files get precise messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triage.frameworks import FrameworkError, list_frameworks, load_framework
from triage.frameworks.loader import FRAMEWORK_DIR
from triage.frameworks.schema import Framework
from triage.vocabulary import ASPECTS

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`

SEEDS = FRAMEWORK_DIR / "seeds"

# DESIGN.md, "Frameworks and category ids": gold labels use exactly these.
CATEGORY_IDS = {
    "bristol": ["extending", "established", "developing", "causing-concern"],
    "surrey": [
        "light-touch",
        "light-touch-plus",
        "support-and-challenge",
        "support-and-challenge-plus",
    ],
    "buckinghamshire": ["enhancement", "prevention", "intervention"],
    "staffordshire": ["outstanding", "good", "satisfactory", "inadequate"],
}
SUPPORT_LEVELS = {
    "bristol": ["universal", "universal", "enhanced", "intensive"],
    "staffordshire": ["low", "low", "medium", "high"],
}


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return re.sub(r"[,;.]", " ", text).split()


@pytest.fixture(scope="module")
def frameworks() -> dict[str, Framework]:
    return {fw.id: fw for fw in list_frameworks()}


def test_the_four_frameworks_are_listed(frameworks: dict[str, Framework]) -> None:
    assert sorted(frameworks) == sorted(CATEGORY_IDS)


@pytest.mark.parametrize("framework_id", sorted(CATEGORY_IDS))
def test_framework_loads_with_design_category_ids(framework_id: str) -> None:
    fw = load_framework(framework_id)
    assert fw.id == framework_id
    assert [c.id for c in fw.categories] == CATEGORY_IDS[framework_id]
    if framework_id in SUPPORT_LEVELS:
        assert [c.support_level for c in fw.categories] == SUPPORT_LEVELS[framework_id]
    assert (SEEDS / fw.source).is_file()
    for category in fw.categories:
        assert fw.characteristics_of(category.id), f"{category.id} has no characteristics"
    # Levels run from best to worst, as the file promises.
    assert [c.level for c in fw.categories] == sorted(c.level for c in fw.categories)


@pytest.mark.parametrize("framework_id", sorted(CATEGORY_IDS))
def test_every_characteristic_is_usable(framework_id: str) -> None:
    fw = load_framework(framework_id)
    for ch in fw.characteristics:
        assert ch.aspect in ASPECTS
        assert len(ch.hints) >= 2, f"{ch.id}: give several phrasings"
        assert ch.id.startswith(f"{fw.id}."), ch.id
        assert ch.source_ref, f"{ch.id}: say where in the seed it comes from"


def test_load_by_path_equals_load_by_id() -> None:
    assert load_framework(FRAMEWORK_DIR / "surrey.yaml") == load_framework("surrey")


def test_unknown_framework_names_the_choices() -> None:
    with pytest.raises(FrameworkError, match="unknown framework 'leeds'.*bristol"):
        load_framework("leeds")


# --- Coverage against the seeds -----------------------------------------------------------


def _bristol_table() -> dict[tuple[int, int], str]:
    """Cells of the categorisation table: (row 1-4, column 0-3) -> normalised text."""
    lines = _seed("bristol-school-improvement-framework-2025-2028.txt").split("\n")
    header = "Extending\tEstablished\tDeveloping\tCausing Concern"
    rows = [lines[i + 1] for i, line in enumerate(lines) if line == header]
    assert len(rows) == 4
    cells = {}
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row.split("\t")):
            cell = re.sub(r"<ul[^>]*>|<p>Level of support[^<]*</p>", " ", cell)
            if _norm(cell):
                cells[r, c] = _norm(cell.replace("•", " "))
    return cells


def test_bristol_covers_every_statement_of_its_table(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["bristol"]
    cells = _bristol_table()
    columns = [c.id for c in fw.categories]
    for (row, col), cell in cells.items():
        chars = [
            ch
            for ch in fw.characteristics_of(columns[col])
            if ch.source_ref == f"Categorisation table, row {row}"
        ]
        # Joined in order, the characteristics are the cell, word for word: nothing left out.
        assert _norm(" ".join(ch.text for ch in chars)) == cell, (row, columns[col])
        assert all(ch.level == fw.categories[col].level for ch in chars)
    assert len(fw.characteristics) == sum(
        1 for ch in fw.characteristics if (ch.source_ref or "").startswith("Categorisation")
    )


def test_bristol_has_one_characteristic_per_bullet(frameworks: dict[str, Framework]) -> None:
    lines = _seed("bristol-school-improvement-framework-2025-2028.txt").split("\n")
    header = "Extending\tEstablished\tDeveloping\tCausing Concern"
    rows = [lines[i + 1] for i, line in enumerate(lines) if line == header]
    bullets = sum(row.count("•") for row in rows)
    assert bullets > 30  # rows 3 and 4 carry bullet marks; rows 1 and 2 are sentences
    bulleted = [
        ch
        for ch in frameworks["bristol"].characteristics
        if ch.source_ref in ("Categorisation table, row 3", "Categorisation table, row 4")
    ]
    assert len(bulleted) == bullets


def _staffordshire_sections() -> tuple[dict[int, list[str]], list[str]]:
    lines = _seed("staffordshire-school-improvement-strategy-2008.txt").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("E. CHARACTERISTICS"))
    end = next(i for i, line in enumerate(lines) if line.startswith("F. LEVELS OF SUPPORT"))
    section_e: dict[int, list[str]] = {}
    category = 0
    for line in lines[start:end]:
        found = re.search(r"Category (\d)", line)
        if found:
            category = int(found.group(1))
        if line.startswith("- "):
            section_e.setdefault(category, []).append(_norm(line[2:].replace("**", "")))
    head = next(i for i, line in enumerate(lines) if "Factors most likely to identify" in line)
    factors = []
    for line in lines[head + 1 :]:
        if not line.startswith(" - "):
            break
        factors.append(_norm(line[3:]))
    return section_e, factors


def test_staffordshire_covers_section_e_and_d(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["staffordshire"]
    section_e, factors = _staffordshire_sections()
    assert sorted(section_e) == [1, 2, 3, 4]
    for number, bullets in section_e.items():
        category = fw.categories[number - 1]
        chars = [
            ch
            for ch in fw.characteristics_of(category.id)
            if ch.source_ref == f"Section E, Category {number}"
        ]
        assert [ch.text for ch in chars] == bullets, category.id
        assert all(ch.level == number for ch in chars)
    from_d = [ch for ch in fw.characteristics if ch.source_ref == "Section D"]
    assert len(factors) == 8
    assert [ch.text for ch in from_d] == factors
    assert {ch.category for ch in from_d} == {"inadequate"}


def test_surrey_encodes_categories_and_named_risk_areas(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["surrey"]
    seed = _seed("surrey-safe-monitoring-and-risk-assessment.txt")
    summary = seed[: seed.index("We believe")]  # the category summaries precede this paragraph
    definitions = re.findall(r"•\s*([^:\n]+): (.+)", summary)
    assert [label for label, _ in definitions] == [c.label for c in fw.categories]
    for (_, definition), category in zip(definitions, fw.categories, strict=True):
        assert _norm(category.description) == _norm(definition)
        parts = [ch.text for ch in fw.characteristics_of(category.id) if ch.risk_area is None]
        # Split at the seed's clause breaks (commas, semicolons): the words are all there.
        assert _words(" ".join(parts)) == _words(definition)
    named = re.search(r"There are 8 risk areas: (.*)", seed)
    assert named is not None
    areas = [a.strip() for a in named.group(1).split(";") if a.strip()]
    assert [a.label.lower() for a in fw.risk_areas] == areas
    rated = {area.id: set(fw.risk_area_aspects(area.id)) for area in fw.risk_areas}
    assert rated["quality-of-education"] == {
        "curriculum_teaching",
        "achievement",
        "inclusion_send",
        "early_years",
    }
    assert rated["behaviour-and-attitudes"] == {"behaviour", "attendance"}
    assert fw.decision_method == "risk_rating" and fw.risk_rating is not None


def test_buckinghamshire_quotes_its_seed(frameworks: dict[str, Framework]) -> None:
    fw = frameworks["buckinghamshire"]
    seed = _seed("buckinghamshire-side-by-side-model.txt") + _seed(
        "buckinghamshire-side-by-side-offer.txt"
    )
    assert "Enhancement, Prevention or Intervention" in seed
    assert [c.label for c in fw.categories] == ["Enhancement", "Prevention", "Intervention"]
    for ch in fw.characteristics:
        assert ch.text in seed, ch.id
        assert ch.reading, f"{ch.id}: process language needs a reading"


@pytest.mark.parametrize("framework_id", ["bristol", "surrey", "staffordshire"])
def test_seed_words_are_verbatim(framework_id: str) -> None:
    fw = load_framework(framework_id)
    seed = _norm(_seed(fw.source).replace("**", "").replace("•", " "))
    for ch in fw.characteristics:
        if ch.risk_area is None:
            assert _norm(ch.text) in seed, ch.id


def test_measurable_characteristics_have_indicator_rules(
    frameworks: dict[str, Framework],
) -> None:
    measurable = re.compile(
        r"(attendance|attainment|outcomes|exclusions|suspension)[^.]*(national|quartile)", re.I
    )
    for fw in frameworks.values():
        for ch in fw.characteristics:
            if measurable.search(ch.text) and ch.risk_area is None:
                assert ch.indicator_rule is not None, ch.id


@pytest.mark.parametrize("framework_id", sorted(CATEGORY_IDS))
def test_limiting_rules_force_the_worst_category(framework_id: str) -> None:
    fw = load_framework(framework_id)
    worst = fw.categories[-1].id
    forced = {
        (r.when.flag or r.when.judgement or f"{r.when.aspect}>={r.when.level_at_least}")
        for r in fw.limiting_rules
        if r.effect == "force" and r.category == worst
    }
    for trigger in (
        "safeguarding>=4",
        "safeguarding_not_met",
        "warning_notice",
        "inadequate",
        "special_measures",
        "serious_weaknesses",
        "notice_to_improve",
        "causing_concern",
    ):
        assert trigger in forced, (framework_id, trigger)
    caps = [r for r in fw.limiting_rules if r.effect == "cap"]
    assert any(r.when.judgement == "requires_improvement" for r in caps)


# --- Malformed files ----------------------------------------------------------------------


def _broken_copy(tmp_path: Path, old: str, new: str, *, count: int = 1) -> tuple[Path, int]:
    """bristol.yaml with one edit; returns the path and the 1-based line of the edit."""
    text = (FRAMEWORK_DIR / "bristol.yaml").read_text(encoding="utf-8")
    assert old in text
    at = text.index(old)
    line = text.count("\n", 0, at) + 1
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path, line


def _message(path: Path) -> str:
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    return str(caught.value)


def test_unknown_field_names_file_line_and_field(tmp_path: Path) -> None:
    path, line = _broken_copy(tmp_path, "    aspect: attendance\n", "    aspekt: attendance\n")
    message = _message(path)
    assert f"{path}:{line}:" in message
    assert "aspekt" in message


def test_bad_level_names_file_line_and_field(tmp_path: Path) -> None:
    old = '    text: "Attendance is above national average."\n    aspect: attendance\n    level: 1'
    new = old.replace("level: 1", "level: 7")
    path, line = _broken_copy(tmp_path, old, new)
    message = _message(path)
    assert f"{path}:{line + 2}:" in message
    assert re.search(r"characteristics\[\d+\]\.level", message)


def test_unknown_aspect_names_file_line_and_field(tmp_path: Path) -> None:
    path, line = _broken_copy(tmp_path, "    aspect: attendance\n", "    aspect: atendance\n")
    message = _message(path)
    assert f"{path}:{line}:" in message
    assert re.search(r"characteristics\[\d+\]\.aspect", message)


def test_unknown_category_reference_points_at_its_line(tmp_path: Path) -> None:
    old = "id: bristol.developing.pttt-high\n    category: developing"
    path, line = _broken_copy(tmp_path, old, old.replace("category: developing", "category: dev"))
    message = _message(path)
    assert f"{path}:{line + 1}:" in message
    assert "category" in message and "'dev'" in message


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path, line = _broken_copy(tmp_path, "    aspect: attendance\n", "    aspect: [attendance\n")
    message = _message(path)
    assert f"{path}:" in message and "YAML syntax error" in message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("concern_share: 0.4", "concern_share: 1.4", "scoring.concern_share"),
        ("undated_age: 1,", "undated_age: -1,", "recency.undated_age"),
        ("shrink: 1.0}", "shrink: 1.0, curve: steep}", "best_fit.curve"),
        ("  attendance_pct:\n    aspect: attendance", "  attendence_pct:\n    aspect: attendance",
         "indicator_levels.attendence_pct"),
        ("op: above_by_at_least, margin: 10,", "op: above_by_at_most, margin: 10,",
         "indicator_levels.ks2_rwm_expected_pct.levels[0].op"),
        ("indicators: 1.0, visit_note", "visit_note", "source_weights"),
    ],
)  # fmt: skip
def test_scoring_data_is_validated_with_its_line(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    path, line = _broken_copy(tmp_path, old, new)
    message = _message(path)
    assert f"{path}:{line}:" in message, message
    assert f"field {field}" in message, message


def test_best_fit_needs_its_curve(tmp_path: Path) -> None:
    old = "best_fit: {fit_by_distance: [1.0, 0.5, 0.0, 0.0], shrink: 1.0}\n"
    path, _ = _broken_copy(tmp_path, old, "")
    assert "best_fit needs a best_fit section" in _message(path)


def test_a_risk_area_no_characteristic_rates_is_refused(tmp_path: Path) -> None:
    text = (FRAMEWORK_DIR / "surrey.yaml").read_text(encoding="utf-8")
    path = tmp_path / "surrey.yaml"
    path.write_text(text.replace("    risk_area: staffing\n", ""), encoding="utf-8")
    message = _message(path)
    assert "risk_areas[3].id" in message and "'staffing'" in message


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    old = "    aspect: attendance\n"
    path, line = _broken_copy(tmp_path, old, old + "    aspect: behaviour\n")
    assert f"{path}:{line + 1}: field 'aspect' appears twice" in _message(path)


# --- CLI ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    import triage.cli.frameworks  # noqa: F401  (registers the commands)

    return CliRunner()


def test_cli_lists_frameworks(runner: CliRunner) -> None:
    from triage.cli import app

    result = runner.invoke(app, ["frameworks"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for framework_id in CATEGORY_IDS:
        assert framework_id in result.output


def test_cli_shows_one_framework(runner: CliRunner) -> None:
    from triage.cli import app

    result = runner.invoke(
        app,
        ["framework", "show", "bristol", "--category", "causing-concern"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "Causing Concern" in result.output
    assert "A Formal Warning Notice is in place." in result.output
    assert "formal-warning-notice" in result.output
    assert "Attendance levels are at least in line" not in result.output  # other category


def test_cli_reports_a_malformed_file_on_one_line(runner: CliRunner, tmp_path: Path) -> None:
    from triage.cli import app

    path, line = _broken_copy(tmp_path, "    aspect: attendance\n", "    aspect: atendance\n")
    result = runner.invoke(app, ["framework", "show", str(path)], env={"COLUMNS": "400"})
    assert result.exit_code == 1
    assert f":{line}:" in result.output
    assert "Traceback" not in result.output
