"""The eval report: rich tables on the terminal, and an HTML page with confusion-matrix plots and
every miss with the evidence behind it, so a person can see why."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


# -- terminal -----------------------------------------------------------------------------------


def print_report(report: dict[str, Any], console: Console) -> None:
    corpus = report["corpus"]
    console.print(
        f"[bold]{escape(str(report['label']))}[/]: {corpus['schools']} schools, "
        f"{corpus['documents']} "
        f"documents, {corpus['pages']} pages"
    )
    console.print(frameworks_table(report))
    console.print(summary_table(report))
    for note in report.get("notes", []):
        console.print(f"[yellow]note:[/] {escape(str(note))}")
    if "compare" in report:
        console.print(compare_table(report["compare"]))


def frameworks_table(report: dict[str, Any]) -> Table:
    table = Table(title="Categories per framework")
    table.add_column("framework", no_wrap=True)
    table.caption = (
        "±1: within one category; F1: macro; answered: not flagged as insufficient evidence; "
        "prec.: correct of answered"
    )
    # Short headings so the table fits an 80-column terminal; the HTML spells them out.
    for column in ("n", "acc.", "±1", "F1", "kappa", "answered", "prec."):
        table.add_column(column, justify="right")
    for fw, m in report["frameworks"].items():
        table.add_row(
            escape(fw),
            str(m["n"]),
            _pct(m["accuracy"]),
            _pct(m["within_one"]),
            _num(m["macro_f1"]),
            _num(m["kappa"]),
            _pct(m["coverage"]),
            _pct(m["selective_precision"]),
        )
    return table


def summary_table(report: dict[str, Any]) -> Table:
    aspects, evidence, citations = report["aspects"], report["evidence"], report["citations"]
    per_verdict, traps, timing = report["citations_per_verdict"], report["traps"], report["timing"]
    stable = report["stability"]
    table = Table(title="Aspects, evidence, citations, traps, timing")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = [
        ("aspect accuracy", f"{_pct(aspects['accuracy'])} of {aspects['n']}"),
        ("aspect MAE (levels)", _num(aspects["mae"])),
        ("evidence recall", f"{_pct(evidence['recall'])} of {evidence['gold']}"),
        (
            "  safeguarding recall",
            f"{_pct(evidence.get('recall_safeguarding'))} of "
            f"{evidence.get('gold_safeguarding', 0)}",
        ),
        (
            "  adverse (level 3-4) recall",
            f"{_pct(evidence.get('recall_adverse'))} of {evidence.get('gold_adverse', 0)}",
        ),
        ("evidence precision", f"{_pct(evidence['precision'])} of {evidence['cited']}"),
        (
            "  on aspects with a gold level",
            f"{_pct(evidence.get('precision_gold_aspects'))} of "
            f"{evidence.get('cited_gold_aspects', 0)}",
        ),
        ("citations verbatim", f"{citations['verbatim']}/{citations['checked']}"),
        (
            "citations per verdict (mean / max)",
            f"{_num(per_verdict['mean'])} / {per_verdict['max'] if per_verdict['max'] else '-'}",
        ),
        ("traps held", f"{traps['held']}/{traps['checked']}"),
        ("template sentences set aside", str(report.get("template", {}).get("set_aside", "-"))),
        ("false alarms (bottom category)", str(len(report.get("false_alarms", [])))),
        ("stability", f"{_pct(stable['share'])} over {stable['runs']} runs"),
        ("ingest pages/s", _num(timing["ingest_pages_per_s"], 1)),
        (
            "propose s/school p50 / p95",
            f"{_num(timing['propose_s_per_school_p50'])} / "
            f"{_num(timing['propose_s_per_school_p95'])}",
        ),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


COMPARE_COLUMNS: list[tuple[str, str, Callable[[Any], str]]] = [
    ("configuration", "label", str),
    ("accuracy (mean)", "accuracy_mean", _pct),
    ("within one", "within_one", _pct),
    ("macro-F1", "macro_f1", _num),
    ("kappa", "kappa", _num),
    ("aspect acc.", "aspect_accuracy", _pct),
    ("aspect MAE", "aspect_mae", _num),
    ("evid. recall", "evidence_recall", _pct),
    ("evid. precision", "evidence_precision", _pct),
    ("verbatim", "citation_rate", _pct),
    ("cites/verdict", "citations_per_verdict", _num),
    ("traps held", "traps", str),
    ("s/school p50", "propose_s_p50", _num),
    ("s for all schools", "propose_s_total", _num),
]


def compare_cells(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """The compare table as headings and text cells: one column per configuration, one row
    per measure (it stays readable on a narrow terminal and in a README)."""
    head = ["measure"]
    # The default configuration is the hybrid-retrieval row of the comparison.
    head += ["default (hybrid)" if r["config"] == "default" else r["config"] for r in rows]
    frameworks = sorted({fw for row in rows for fw in row["accuracy"]})
    body = [[f"accuracy {fw}", *[_pct(r["accuracy"].get(fw)) for r in rows]] for fw in frameworks]
    body += [[title, *[fmt(r.get(key)) for r in rows]] for title, key, fmt in COMPARE_COLUMNS[1:]]
    return head, body


def compare_legend(rows: list[dict[str, Any]]) -> str:
    return "; ".join(f"{row['config']}: {row['label']}" for row in rows)


def compare_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Default against baselines (same corpus, same run)")
    head, body = compare_cells(rows)
    table.add_column(head[0], no_wrap=True)
    for title in head[1:]:
        table.add_column(title, justify="right")
    for cells in body:
        table.add_row(*cells)
    table.caption = compare_legend(rows)
    return table


def compare_markdown(rows: list[dict[str, Any]]) -> str:
    """The compare table as Markdown, for the README."""
    head, body = compare_cells(rows)
    lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join([*lines, "", compare_legend(rows)])


# -- HTML ---------------------------------------------------------------------------------------


def confusion_svg(confusion: dict[str, int], order: list[str], title: str) -> str:
    """The confusion matrix as an inline SVG heat map (gold rows, predicted columns)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    columns = [*order, "none"] if any(k.endswith("->none") for k in confusion) else list(order)
    grid = [[confusion.get(f"{g}->{p}", 0) for p in columns] for g in order]
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * len(columns), 1.0 + 0.8 * len(order)))
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(columns)), labels=columns, rotation=30, ha="right")
    ax.set_yticks(range(len(order)), labels=order)
    ax.set_xlabel("proposed")
    ax.set_ylabel("gold")
    ax.set_title(title)
    top = max((max(row) for row in grid), default=0)
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            colour = "white" if value > top / 2 else "black"
            ax.text(j, i, str(value), ha="center", va="center", color=colour)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.find("<svg") :]


_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>triage eval: {{ r.label }}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;
text-align:left;vertical-align:top}th{background:#f3f3f3}.plots{display:flex;flex-wrap:wrap;gap:1em}
.miss{border-left:4px solid #c33;padding:.2em 1em;margin:1em 0;background:#fdf7f7}
q{font-style:italic}.ok{color:#161}.bad{color:#b11;font-weight:bold}.small{font-size:.85em;color:#555}
</style></head><body>
<h1>triage eval</h1>
<p>{{ r.label }}: {{ r.corpus.schools }} schools, {{ r.corpus.documents }} documents,
{{ r.corpus.pages }} pages.</p>
<h2>Categories</h2>
<table><tr><th>framework</th><th>n</th><th>accuracy</th><th>within one</th><th>macro-F1</th>
<th>kappa</th><th>coverage</th><th>precision (answered)</th></tr>
{% for fw, m in r.frameworks.items() %}<tr><td>{{ fw }}</td><td>{{ m.n }}</td>
<td>{{ pct(m.accuracy) }}</td><td>{{ pct(m.within_one) }}</td><td>{{ num(m.macro_f1) }}</td>
<td>{{ num(m.kappa) }}</td><td>{{ pct(m.coverage) }}</td><td>{{ pct(m.selective_precision) }}</td>
</tr>{% endfor %}</table>
<div class="plots">{% for svg in plots %}<div>{{ svg }}</div>{% endfor %}</div>
<h2>Per school</h2>
<table><tr><th>school</th>{% for fw in r.frameworks %}<th>{{ fw }}: gold</th>
<th>proposed</th>{% endfor %}</tr>
{% for urn in schools %}<tr><td>{{ urn }} {{ r.get("schools", {}).get(urn, "") }}</td>
{% for fw, m in r.frameworks.items() %}
{% set s = m.per_school.get(urn) %}{% if s %}<td>{{ s.gold }}</td>
<td class="{{ 'ok' if s.gold == s.predicted else 'bad' }}">{{ s.predicted or 'none' }}
{{ '(insufficient evidence)' if s.abstained else '' }}</td>
{% else %}<td colspan="2" class="small">no gold</td>{% endif %}{% endfor %}</tr>
{% endfor %}</table>
<h2>Aspects, evidence, citations, traps, timing</h2>
<table>{% for name, value in summary %}<tr><th>{{ name }}</th><td>{{ value }}</td></tr>
{% endfor %}</table>
{% if compare %}<h2>Default against baselines</h2>{{ compare }}{% endif %}
<h2>Every miss ({{ r.misses|length }})</h2>
{% for m in r.misses %}<div class="miss">{{ render_miss(m) }}</div>{% endfor %}
</body></html>
"""


def render_html(report: dict[str, Any]) -> str:
    env = Environment(autoescape=True)
    template = env.from_string(_TEMPLATE)
    from markupsafe import Markup

    plots = [
        Markup(confusion_svg(m["confusion"], m["order"], fw))
        for fw, m in report["frameworks"].items()
    ]
    summary = [(row[0], row[1]) for row in _summary_rows(report)]
    compare = Markup(_compare_html(report["compare"])) if "compare" in report else None
    return template.render(
        r=report,
        plots=plots,
        schools=sorted({u for m in report["frameworks"].values() for u in m["per_school"]}),
        summary=summary,
        compare=compare,
        pct=_pct,
        num=_num,
        render_miss=lambda m: Markup(render_miss(m)),
    )


def _summary_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    table = summary_table(report)
    cells = [list(column.cells) for column in table.columns]
    return [(str(a), str(b)) for a, b in zip(cells[0], cells[1], strict=True)]


def _compare_html(rows: list[dict[str, Any]]) -> str:
    head, body = compare_cells(rows)
    e = html.escape
    heading = "".join(f"<th>{e(t)}</th>" for t in head)
    lines = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>" for cells in body)
    legend = f"<p class='small'>{e(compare_legend(rows))}</p>"
    return f"<table><tr>{heading}</tr>{lines}</table>{legend}"


def render_miss(miss: dict[str, Any]) -> str:
    e = html.escape
    kind = miss["kind"]
    who = f"<b>{e(miss['school'])}</b> {e(miss.get('name') or '')}"
    if kind == "category":
        rules = ", ".join(r.get("id", str(r)) for r in miss["limiting_rules"]) or "none"
        head = (
            f"{who}: <b>{e(miss['framework'])}</b> gold <b>{e(miss['gold'])}</b>, proposed "
            f"<b>{e(str(miss['predicted']))}</b>"
            f"{' (insufficient evidence)' if miss['insufficient_evidence'] else ''}"
            f"<div class='small'>scores {e(_scores(miss['scores']))}; limiting rules: {e(rules)};"
            f" gaps: {len(miss['gaps'])}</div>"
        )
        if miss.get("profile"):
            head += f"<div class='small'>aspect levels: {e(_levels(miss))}</div>"
        if miss.get("rationale"):
            head += f"<p class='small'>Gold rationale: {e(miss['rationale'])}</p>"
        return head + _items_table(miss["evidence"])
    if kind == "aspect":
        return (
            f"{who}: aspect <b>{e(miss['aspect'])}</b> gold level {miss['gold']}, system "
            f"{miss['predicted'] if miss['predicted'] is not None else 'no evidence'}"
            + _items_table(miss["evidence"])
        )
    if kind == "evidence":
        g = miss["gold"]
        return (
            f"{who}: gold evidence not cited: <b>{e(g['aspect'])}</b> level {g['level']}, "
            f"{e(g['document'])}{_page(g['page'])}: <q>{e(g['quote'])}</q>"
            f"<div class='small'>cited under that aspect instead:</div>"
            + _items_table(miss["cited"])
        )
    if kind == "trap":
        return (
            f"{who}: injection trap not held ({e(miss['detail'])}): {e(miss['document'])}: "
            f"<q>{e(miss['quote'])}</q>"
        )
    c = miss["cited"]
    where = f"{e(c['document'])}{_page(c['page'])}"
    return f"{who}: citation not verbatim: {where}: <q>{e(c['quote'])}</q>"


def _levels(miss: dict[str, Any]) -> str:
    """System level per aspect, with the gold level where it differs."""
    gold = miss.get("gold_aspects", {})
    parts = []
    for aspect, level in miss["profile"].items():
        differs = aspect in gold and gold[aspect] != level
        parts.append(f"{aspect} {level}" + (f" (gold {gold[aspect]})" if differs else ""))
    return ", ".join(parts)


def _scores(scores: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in scores.items())


def _page(page: int | None) -> str:
    return f" p.{page}" if page is not None else ""


def _items_table(items: list[dict[str, Any]]) -> str:
    if not items:
        return "<p class='small'>(no evidence cited)</p>"
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(i.get('characteristic', ''))}</td><td>{e(i['aspect'])}</td>"
        f"<td>{i['level']}</td><td>{e(i.get('stance', ''))}</td>"
        f"<td>{e(i['document'])}{_page(i['page'])}</td><td><q>{e(i['quote'][:400])}</q></td></tr>"
        for i in items
    )
    return (
        "<table class='small'><tr><th>characteristic</th><th>aspect</th><th>level</th>"
        f"<th>stance</th><th>source</th><th>quote</th></tr>{rows}</table>"
    )
