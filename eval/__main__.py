"""Command line: `python -m eval` runs the question set on the pipeline and the baselines, side by side."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval.dataset import DEFAULT_QUESTIONS

THRESHOLDS = Path(__file__).with_name("thresholds.json")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m eval",
        description="Evaluate ReformQA on a question set (JSON Lines, schema in eval/README.md) against three "
        "baselines on the same corpus; print one table and write results.json, details.jsonl and chart.png.",
    )
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="question set (default: %(default)s)")
    parser.add_argument("--k", type=int, default=5, help="k of hit@k (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("eval/out"), help="output folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help=f"exit non-zero when the pipeline falls below {THRESHOLDS.name}")
    parser.add_argument("--only-pipeline", action="store_true", help="skip the baselines")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def check(summary: dict, thresholds: dict, k: int) -> list[str]:
    """The thresholds the summary falls below, as readable lines."""
    failures = []
    for metric, minimum in thresholds.items():
        if metric.startswith("_"):
            continue
        value = summary.get(metric if metric != "hit@5" else f"hit@{k}")
        if value is None or value < minimum:
            failures.append(f"{metric} = {value} < {minimum}")
    return failures


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from core.config import Settings
    from core.logs import setup_logging

    setup_logging(args.verbose)
    from eval.dataset import load_questions
    from eval.report import format_table, summarize, write_chart
    from eval.runner import run_system
    from eval.systems import PipelineSystem, build_systems
    from qa.engine import Engine

    settings = Settings.from_env()
    questions = load_questions(args.questions)
    engine = Engine.open(settings, progress=True)
    systems = [PipelineSystem(engine)] if args.only_pipeline else build_systems(settings, engine, args.k)
    args.out.mkdir(parents=True, exist_ok=True)
    summaries, all_details = {}, []
    for system in systems:
        results, details = run_system(system, questions, progress=sys.stderr.isatty())
        summaries[system.name] = summarize(results, args.k)
        all_details += details
    print(format_table(summaries, args.k))
    record = {"date": time.strftime("%Y-%m-%d %H:%M"), "questions": str(args.questions), "k": args.k,
              "settings": {"chunk_size": settings.chunk_size, "chunk_overlap": settings.chunk_overlap,
                           "abstain_threshold": settings.abstain_threshold}, "systems": summaries}
    (args.out / "results.json").write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    with (args.out / "details.jsonl").open("w", encoding="utf-8") as f:
        for row in all_details:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    write_chart(summaries, args.k, args.out / "chart.png")
    print(f"\nwrote {args.out}/results.json, details.jsonl, chart.png")
    if args.check:
        failures = check(summaries["reformqa"], json.loads(THRESHOLDS.read_text()), args.k)
        for line in failures:
            print(f"CHECK FAILED: {line}", file=sys.stderr)
        if failures:
            return 1
        print("check passed: the pipeline meets eval/thresholds.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
