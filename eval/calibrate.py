"""Calibrate the abstention threshold: answer every question with no threshold, then score each threshold.

    python -m eval.calibrate [--questions eval/questions.jsonl] [--out eval/out/calibration.json]

A question is answered at threshold t when its support (the selector's likelihood that the chosen sentence
holds the answer) is at least t. Prints accuracy, abstention precision and recall for t = 0.05 … 0.75 and
marks the best: a check of the threshold that eval.fit_selector fitted, on a project question set.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from eval.dataset import DEFAULT_QUESTIONS


def sweep(rows: list[tuple[bool, float, bool]], thresholds: list[float]) -> list[dict]:
    """rows: (answerable, support, answer correct when answered) → metrics per threshold."""
    table = []
    for t in thresholds:
        correct = abstained_right = abstained = 0
        for answerable, support, right in rows:
            abstains = support < t
            abstained += abstains
            if answerable:
                correct += (not abstains) and right
            else:
                correct += abstains
                abstained_right += abstains
        unanswerable = sum(not a for a, _, _ in rows)
        table.append({"threshold": round(t, 2), "accuracy": round(correct / len(rows), 4),
                      "abstention_precision": round(abstained_right / abstained, 4) if abstained else None,
                      "abstention_recall": round(abstained_right / unanswerable, 4) if unanswerable else None})
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--out", type=Path, default=Path("eval/out/calibration.json"))
    args = parser.parse_args(argv)

    from core.config import Settings
    from core.logs import setup_logging
    from eval.dataset import load_questions
    from eval.scoring import answer_problems
    from qa.engine import Engine

    setup_logging()
    engine = Engine.open(replace(Settings.from_env(), abstain_threshold=0.0))  # answer all, keep the support
    rows = []
    for q in load_questions(args.questions):
        answer = engine.ask(q.question)
        right = not answer.abstained and not answer_problems(
            replace(q, answerable=True), answer.answer, False, len({c.doc_id for c in answer.citations}))
        rows.append((q.answerable, answer.support if not answer.abstained else 0.0, right))
    table = sweep(rows, [round(0.05 * i, 2) for i in range(1, 16)])
    best = max(r["accuracy"] for r in table)
    print(f"{'threshold':>9} {'accuracy':>9} {'abst.prec':>9} {'abst.rec':>9}")
    for r in table:
        print(f"{r['threshold']:>9.2f} {r['accuracy']:>9.3f} {r['abstention_precision'] or 0:>9.3f} "
              f"{r['abstention_recall'] or 0:>9.3f}{'  ← best' if r['accuracy'] == best else ''}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"questions": str(args.questions), "sweep": table}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
