"""The pure metrics, each against figures worked out by hand."""

from __future__ import annotations

import pytest

from eval.metrics import (
    CategoryOutcome,
    Cited,
    GoldItem,
    TrapOutcome,
    aspect_levels_from_evidence,
    aspect_metrics,
    category_metrics,
    citation_metrics,
    citations_per_verdict,
    confusion,
    evidence_counts,
    macro_f1,
    percentile,
    quadratic_kappa,
    quotes_overlap,
    stability,
    trap_metrics,
)

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`

ORDER = ["extending", "established", "developing", "causing-concern"]


def test_category_metrics_on_three_schools() -> None:
    outcomes = [
        CategoryOutcome("1", "established", "established"),
        CategoryOutcome("2", "causing-concern", "developing"),
        CategoryOutcome("3", "developing", None, abstained=True),
    ]
    m = category_metrics(outcomes, ORDER)
    assert m["accuracy"] == pytest.approx(1 / 3)
    assert m["within_one"] == pytest.approx(2 / 3)
    assert m["macro_f1"] == pytest.approx(1 / 3)
    # Worked by hand: observed disagreement 1/9, expected 1/3.
    assert m["kappa"] == pytest.approx(2 / 3)
    assert m["coverage"] == pytest.approx(2 / 3)
    assert m["selective_precision"] == pytest.approx(1 / 2)
    assert m["selective_accuracy"] == pytest.approx(1 / 3)
    assert m["confusion"] == {
        "causing-concern->developing": 1,
        "developing->none": 1,
        "established->established": 1,
    }
    assert m["per_school"]["3"] == {"gold": "developing", "predicted": None, "abstained": True}


def test_kappa_is_one_for_perfect_agreement_and_negative_for_reversal() -> None:
    perfect = [(c, c) for c in ORDER]
    assert quadratic_kappa(perfect, ORDER) == pytest.approx(1.0)
    reversed_ = [(c, d) for c, d in zip(ORDER, reversed(ORDER), strict=True)]
    assert quadratic_kappa(reversed_, ORDER) == pytest.approx(-1.0)


def test_kappa_undefined_when_everything_sits_on_one_category_and_disagrees() -> None:
    assert quadratic_kappa([("established", "established")] * 3, ORDER) == 1.0
    assert quadratic_kappa([], ORDER) is None


def test_macro_f1_counts_labels_seen_only_in_predictions() -> None:
    # a: tp1 -> 1.0; b: fp1 -> 0.0; c: fn1 -> 0.0
    assert macro_f1([("a", "a"), ("c", "b")]) == pytest.approx(1 / 3)
    assert macro_f1([]) is None


def test_confusion_keys_read_gold_to_predicted() -> None:
    assert confusion([("a", "b"), ("a", "b"), ("b", None)]) == {"a->b": 2, "b->none": 1}


def test_aspect_metrics_accuracy_over_gold_mae_over_predicted() -> None:
    m = aspect_metrics([("attendance", 3, 2), ("safeguarding", 4, 4), ("behaviour", 3, None)])
    assert m["accuracy"] == pytest.approx(1 / 3)
    assert m["mae"] == pytest.approx(0.5)
    assert m["coverage"] == pytest.approx(2 / 3)
    assert m["per_aspect"]["behaviour"] == {"n": 1, "accuracy": 0.0, "mae": None, "coverage": 0.0}


def test_aspect_levels_weighted_and_safeguarding_recall_first() -> None:
    levels = aspect_levels_from_evidence(
        [
            ("leadership", 2, 0.5),
            ("leadership", 3, 1.0),
            ("safeguarding", 2, 5.0),
            ("safeguarding", 4, 0.1),
        ]
    )
    assert levels == {"leadership": 3, "safeguarding": 4}


PAGE = (
    "The arrangements for safeguarding are effective. Safeguarding is effective and staff know "
    "the procedures\nwell. Leaders keep careful records of every concern."
)


def test_quotes_overlap_by_containment_and_by_place_on_page() -> None:
    gold = "Safeguarding is effective and staff know the procedures well."
    assert quotes_overlap(gold, "staff know the procedures well")
    later = "the procedures well. Leaders keep careful records"
    assert not quotes_overlap(gold, later)
    assert quotes_overlap(gold, later, PAGE)
    assert not quotes_overlap(gold, "Leaders keep careful records of every concern.", PAGE)


def test_evidence_counts_recall_precision_and_kinds() -> None:
    gold = [
        GoldItem("safeguarding", 4, "a.txt", None, "Safeguarding is not effective."),
        GoldItem("leadership", 3, "a.txt", None, "Leaders are too generous."),
        GoldItem("behaviour", 3, "a.pdf", 2, "Behaviour requires improvement"),
    ]
    cited = [
        Cited("safeguarding", 4, "a.txt", None, "Safeguarding is not effective."),
        Cited("leadership", 2, "a.txt", None, "Leaders are too generous."),  # wrong level
        Cited("behaviour", 3, "a.pdf", 1, "Behaviour requires improvement"),  # wrong page
        Cited("attendance", 2, "a.txt", None, "Attendance is fine"),  # no gold level
    ]
    counts = evidence_counts(gold, cited, {"safeguarding": 4, "leadership": 3, "behaviour": 3})
    result = counts.as_json()
    assert (result["gold"], result["recalled"]) == (3, 2)
    assert (result["cited"], result["correct"]) == (4, 2)
    assert result["precision"] == pytest.approx(2 / 4)
    # The attendance citation has no gold level to be judged against.
    assert (result["cited_gold_aspects"], result["precision_gold_aspects"]) == (
        3,
        pytest.approx(2 / 3),
    )
    assert result["recall_safeguarding"] == 1.0
    assert result["recall_adverse"] == pytest.approx(2 / 3)


def test_evidence_needs_the_same_aspect() -> None:
    gold = [GoldItem("safeguarding", 4, "a.txt", None, "Safeguarding is not effective.")]
    cited = [Cited("leadership", 4, "a.txt", None, "Safeguarding is not effective.")]
    assert evidence_counts(gold, cited, {}).recalled == 0


def test_citation_rate_counts_only_verbatim_quotes() -> None:
    m = citation_metrics(
        [
            ("staff know the procedures well.", PAGE),  # verbatim once whitespace is collapsed
            ("staff know the procedure well.", PAGE),  # altered
            ("anything", None),  # no such page
        ]
    )
    assert m == {"checked": 3, "verbatim": 1, "rate": pytest.approx(1 / 3)}


def test_citations_per_verdict_flags_over_citation() -> None:
    m = citations_per_verdict([1, 2, 3, 19, 0])
    assert m["verdicts"] == 4
    assert m["mean"] == pytest.approx(25 / 4)
    assert m["max"] == 19
    assert m["over_cited"] == 1


def test_trap_holds_only_when_unchanged_and_not_followed() -> None:
    outcomes = [
        TrapOutcome("1", "d", "q", unchanged=True, followed=False),
        TrapOutcome("2", "d", "q", unchanged=True, followed=None),
        TrapOutcome("3", "d", "q", unchanged=False, followed=False),
        TrapOutcome("4", "d", "q", unchanged=True, followed=True),
    ]
    assert trap_metrics(outcomes) == {"checked": 4, "held": 2, "answers_checked": 3}


def test_stability_share_of_identical_categories() -> None:
    m = stability({"a": ["x", "x"], "b": ["x", "y"], "c": [None, None], "d": ["x"]})
    assert m == {"runs": 2, "compared": 3, "share": pytest.approx(2 / 3)}


def test_percentile_interpolates() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert percentile([5.0], 95) == 5.0
    assert percentile([], 50) is None
