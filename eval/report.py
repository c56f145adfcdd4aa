"""Aggregate per-question results into metrics, print them as one table, and draw the comparison chart."""
from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from eval.scoring import QuestionResult


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def summarize(results: list[QuestionResult], k: int) -> dict:
    """hit@1, hit@k, MRR@10, answer and citation accuracy, abstention precision/recall, latency, per category."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    abstained = [r for r in results if r.abstained]
    cited = [r for r in results if r.citation_correct is not None]
    summary = {
        "questions": len(results),
        "hit@1": _share([r.rank is not None and r.rank <= 1 for r in answerable]),
        f"hit@{k}": _share([r.rank is not None and r.rank <= k for r in answerable]),
        "mrr@10": round(sum(1 / r.rank for r in answerable if r.rank and r.rank <= 10) / max(1, len(answerable)), 4),
        "answer_accuracy": _share([r.answer_correct for r in results]),
        "citation_accuracy": _share([bool(r.citation_correct) for r in cited]),
        "abstention_precision": _share([not r.answerable for r in abstained]),
        "abstention_recall": _share([r.abstained for r in unanswerable]),
        "latency_p50_ms": round(percentile([r.latency_ms for r in results], 50), 1),
        "latency_p95_ms": round(percentile([r.latency_ms for r in results], 95), 1),
    }
    by_category: dict[str, list[QuestionResult]] = defaultdict(list)
    for r in results:
        by_category[r.category].append(r)
    summary["categories"] = {
        name: {"n": len(rows), "answer_accuracy": _share([r.answer_correct for r in rows]),
               f"hit@{k}": _share([r.rank is not None and r.rank <= k for r in rows if r.answerable]) if any(
                   r.answerable for r in rows) else None}
        for name, rows in sorted(by_category.items())
    }
    return summary


def format_table(summaries: dict[str, dict], k: int) -> str:
    """One table: systems as columns, overall metrics then per-category answer accuracy as rows."""
    names = list(summaries)
    metrics = ["hit@1", f"hit@{k}", "mrr@10", "answer_accuracy", "citation_accuracy", "abstention_precision",
               "abstention_recall", "latency_p50_ms", "latency_p95_ms"]
    width = max(14, *(len(n) + 2 for n in names))
    lines = ["metric".ljust(26) + "".join(n.rjust(width) for n in names)]
    lines.append("-" * len(lines[0]))
    for metric in metrics:
        lines.append(metric.ljust(26) + "".join(_cell(summaries[n].get(metric), width) for n in names))
    categories = sorted({c for s in summaries.values() for c in s["categories"]})
    for category in categories:
        first = summaries[names[0]]["categories"].get(category, {})
        label = f"  {category} (n={first.get('n', 0)})"
        lines.append(label.ljust(26) + "".join(
            _cell(summaries[n]["categories"].get(category, {}).get("answer_accuracy"), width) for n in names))
    return "\n".join(lines)


def _cell(value, width: int) -> str:
    if value is None:
        return "-".rjust(width)
    return (f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value}").rjust(width)


def write_chart(summaries: dict[str, dict], k: int, path: Path) -> None:
    """A grouped bar chart of the main metrics per system (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = ["hit@1", f"hit@{k}", "mrr@10", "answer_accuracy", "citation_accuracy", "abstention_recall"]
    names = list(summaries)
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / len(names)
    for i, name in enumerate(names):
        values = [summaries[name].get(m) or 0 for m in metrics]
        ax.bar([x + i * width for x in range(len(metrics))], values, width, label=name)
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(metrics))])
    ax.set_xticklabels(metrics)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(names), fontsize="small", frameon=False)
    ax.set_title("ReformQA evaluation: project pipeline vs baselines")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
