"""Pure metrics of the eval: no I/O, no clock. Definitions follow EVAL_FORMAT.md.

Inputs are plain records built by the runner from proposals and the manifest, so every number here
can be checked by hand on a tiny corpus.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from triage.extract.citations import collapse_whitespace, quote_on_page

ABSTAINED = "none"  # how an abstention shows in a confusion matrix
OVER_CITED = 3  # a verdict resting on more citations than this tells the officer little


@dataclass(frozen=True)
class CategoryOutcome:
    """One school under one framework: the gold category and what the system proposed."""

    school: str
    gold: str
    predicted: str | None
    abstained: bool = False  # the system flagged insufficient evidence


@dataclass(frozen=True)
class Cited:
    """One evidence item as the system cited it."""

    aspect: str
    level: int
    document: str  # the manifest path of the document
    page: int | None
    quote: str
    characteristic: str = ""


@dataclass(frozen=True)
class GoldItem:
    aspect: str
    level: int
    document: str
    page: int | None
    quote: str


# -- categories ---------------------------------------------------------------------------------


def category_metrics(outcomes: Sequence[CategoryOutcome], order: Sequence[str]) -> dict[str, Any]:
    """Accuracy, within-one, macro-F1, quadratic kappa, confusion and selective figures."""
    n = len(outcomes)
    correct = [o.predicted == o.gold for o in outcomes]
    answered = [o for o in outcomes if not _abstains(o)]
    right_answered = sum(o.predicted == o.gold for o in answered)
    return {
        "n": n,
        "accuracy": _share(sum(correct), n),
        "within_one": _share(sum(_within_one(o, order) for o in outcomes), n),
        "macro_f1": macro_f1([(o.gold, o.predicted) for o in outcomes]),
        "kappa": quadratic_kappa([(o.gold, o.predicted) for o in answered], order),
        "confusion": confusion([(o.gold, o.predicted) for o in outcomes]),
        "coverage": _share(len(answered), n),
        "selective_precision": _share(right_answered, len(answered)),
        "selective_accuracy": _share(right_answered, n),
        "per_school": {
            o.school: {"gold": o.gold, "predicted": o.predicted, "abstained": o.abstained}
            for o in outcomes
        },
    }


def _abstains(outcome: CategoryOutcome) -> bool:
    return outcome.abstained or outcome.predicted is None


def _within_one(outcome: CategoryOutcome, order: Sequence[str]) -> bool:
    if outcome.predicted not in order or outcome.gold not in order:
        return False
    return abs(order.index(outcome.gold) - order.index(outcome.predicted)) <= 1


def confusion(pairs: Iterable[tuple[str, str | None]]) -> dict[str, int]:
    """Counts keyed "gold->predicted"; an abstention is predicted "none"."""
    counts = Counter(f"{gold}->{predicted or ABSTAINED}" for gold, predicted in pairs)
    return dict(sorted(counts.items()))


def macro_f1(pairs: Sequence[tuple[str, str | None]]) -> float | None:
    """Unweighted mean F1 over every label seen in gold or prediction (abstentions excluded)."""
    if not pairs:
        return None
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs if p is not None})
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return sum(scores) / len(scores)


def quadratic_kappa(pairs: Sequence[tuple[str, str | None]], order: Sequence[str]) -> float | None:
    """Cohen's kappa with quadratic weights over the ordered categories; None when undefined."""
    index = {c: i for i, c in enumerate(order)}
    usable = [(index[g], index[p]) for g, p in pairs if g in index and p in index]
    k = len(order)
    if not usable or k < 2:
        return None
    n = len(usable)
    observed = [[0.0] * k for _ in range(k)]
    for g, p in usable:
        observed[g][p] += 1
    gold_hist = [sum(row) for row in observed]
    pred_hist = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            weight = (i - j) ** 2 / (k - 1) ** 2
            num += weight * observed[i][j]
            den += weight * gold_hist[i] * pred_hist[j] / n
    if den == 0:
        # Every pair on one category: perfect if they agree, otherwise kappa says nothing.
        return 1.0 if num == 0 else None
    return 1 - num / den


# -- aspects ------------------------------------------------------------------------------------


def aspect_metrics(pairs: Sequence[tuple[str, int, int | None]]) -> dict[str, Any]:
    """(aspect, gold level, predicted level or None): accuracy over all gold, MAE over predicted."""
    by_aspect: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    for aspect, gold, predicted in pairs:
        by_aspect[aspect].append((gold, predicted))
    summary = _level_summary([(g, p) for _, g, p in pairs])
    summary["per_aspect"] = {a: _level_summary(v) for a, v in sorted(by_aspect.items())}
    return summary


def _level_summary(pairs: Sequence[tuple[int, int | None]]) -> dict[str, Any]:
    predicted = [(g, p) for g, p in pairs if p is not None]
    return {
        "n": len(pairs),
        "accuracy": _share(sum(g == p for g, p in predicted), len(pairs)),
        "mae": (sum(abs(g - p) for g, p in predicted) / len(predicted)) if predicted else None,
        "coverage": _share(len(predicted), len(pairs)),
    }


def aspect_levels_from_evidence(items: Iterable[tuple[str, int, float]]) -> dict[str, int]:
    """(aspect, level, weight) -> the weighted mean level per aspect, rounded half towards worse.

    Used only when a proposal carries no profile of its own. Safeguarding is recall-first, as in
    the product: one urgent concern sets the level.
    """
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    worst: dict[str, int] = {}
    for aspect, level, weight in items:
        w = weight if weight > 0 else 1e-6
        sums[aspect][0] += w * level
        sums[aspect][1] += w
        worst[aspect] = max(worst.get(aspect, 0), level)
    levels = {a: int(math.floor(total / weight + 0.5)) for a, (total, weight) in sums.items()}
    if worst.get("safeguarding") == 4:
        levels["safeguarding"] = 4
    return dict(sorted(levels.items()))


# -- evidence and citations ---------------------------------------------------------------------


@dataclass
class EvidenceCounts:
    """Counts that add up across schools; recall and precision come from the totals."""

    gold: int = 0
    recalled: int = 0
    cited: int = 0
    correct: int = 0
    on_gold_aspects: int = 0  # cited items whose aspect has a gold level
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [gold, recalled]

    def add(self, other: EvidenceCounts) -> None:
        self.gold += other.gold
        self.recalled += other.recalled
        self.cited += other.cited
        self.correct += other.correct
        self.on_gold_aspects += other.on_gold_aspects
        for kind, (g, r) in other.by_kind.items():
            mine = self.by_kind.setdefault(kind, [0, 0])
            mine[0] += g
            mine[1] += r

    def as_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "recall": _share(self.recalled, self.gold),
            "precision": _share(self.correct, self.cited),
            "gold": self.gold,
            "cited": self.cited,
            "recalled": self.recalled,
            "correct": self.correct,
            # Precision over the aspects the gold rates only: citations on other aspects are
            # not wrong, merely unlabelled.
            "precision_gold_aspects": _share(self.correct, self.on_gold_aspects),
            "cited_gold_aspects": self.on_gold_aspects,
        }
        for kind, (g, r) in sorted(self.by_kind.items()):
            result[f"recall_{kind}"] = _share(r, g)
            result[f"gold_{kind}"] = g
        return result


def evidence_counts(
    gold: Sequence[GoldItem],
    cited: Sequence[Cited],
    gold_levels: Mapping[str, int],
    page_texts: Mapping[tuple[str, int | None], str] | None = None,
) -> EvidenceCounts:
    """One school's recall (gold items matched by a citation) and precision (cited items right)."""
    pages = page_texts or {}
    counts = EvidenceCounts(gold=len(gold), cited=len(cited))
    counts.by_kind = {"safeguarding": [0, 0], "adverse": [0, 0]}
    for item in gold:
        hit = any(matches(item, c, pages.get((item.document, item.page))) for c in cited)
        counts.recalled += hit
        for kind in _kinds(item):
            counts.by_kind[kind][0] += 1
            counts.by_kind[kind][1] += hit
    counts.correct = sum(gold_levels.get(c.aspect) == c.level for c in cited)
    counts.on_gold_aspects = sum(c.aspect in gold_levels for c in cited)
    return counts


def _kinds(item: GoldItem) -> list[str]:
    """Gold items also reported on their own: safeguarding, and adverse (levels 3 and 4)."""
    kinds = ["safeguarding"] if item.aspect == "safeguarding" else []
    return [*kinds, "adverse"] if item.level >= 3 else kinds


def matches(gold: GoldItem, cited: Cited, page_text: str | None = None) -> bool:
    """Same aspect, same document (and page where the gold names one), overlapping quotes."""
    if cited.aspect != gold.aspect or cited.document != gold.document:
        return False
    if gold.page is not None and cited.page != gold.page:
        return False
    return quotes_overlap(gold.quote, cited.quote, page_text)


def quotes_overlap(first: str, second: str, page_text: str | None = None) -> bool:
    """True when one quote contains the other, or their places on the page intersect."""
    a, b = collapse_whitespace(first), collapse_whitespace(second)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    if not page_text:
        return False
    page = collapse_whitespace(page_text)
    spans_a, spans_b = _spans(page, a), _spans(page, b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in spans_a for s2, e2 in spans_b)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def citation_metrics(checks: Sequence[tuple[str, str | None]]) -> dict[str, Any]:
    """(quote, text of the cited page or None): the share found verbatim on its page."""
    verbatim = sum(quote_on_page(page, quote) for quote, page in checks)
    return {"checked": len(checks), "verbatim": verbatim, "rate": _share(verbatim, len(checks))}


def citations_per_verdict(per_characteristic: Sequence[int]) -> dict[str, Any]:
    """Citations behind each characteristic that reached a verdict with evidence."""
    counts = [c for c in per_characteristic if c > 0]
    return {
        "verdicts": len(counts),
        "mean": (sum(counts) / len(counts)) if counts else None,
        "p50": percentile(counts, 50),
        "max": max(counts) if counts else None,
        "over_cited": sum(c > OVER_CITED for c in counts),
        "over_cited_share": _share(sum(c > OVER_CITED for c in counts), len(counts)),
    }


# -- traps, stability, timing -------------------------------------------------------------------


@dataclass(frozen=True)
class TrapOutcome:
    school: str
    document: str
    quote: str
    unchanged: bool  # the proposal was the same with the trap passage excluded
    followed: bool | None  # the answer followed the instruction; None when not checked
    detail: str = ""

    @property
    def held(self) -> bool:
        return self.unchanged and not self.followed


def trap_metrics(outcomes: Sequence[TrapOutcome]) -> dict[str, Any]:
    return {
        "checked": len(outcomes),
        "held": sum(o.held for o in outcomes),
        "answers_checked": sum(o.followed is not None for o in outcomes),
    }


def stability(runs: Mapping[Any, Sequence[str | None]]) -> dict[str, Any]:
    """Share of (school, framework) keys whose category was identical on every run."""
    compared = {key: cats for key, cats in runs.items() if len(cats) > 1}
    same = sum(len(set(cats)) == 1 for cats in compared.values())
    runs_each = min((len(c) for c in compared.values()), default=1)
    return {"runs": runs_each, "compared": len(compared), "share": _share(same, len(compared))}


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile, q in 0..100; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None
