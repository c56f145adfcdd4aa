"""Command line: `python -m qa "问题"`, `--json`, `--batch FILE` (JSON Lines in, JSON Lines out)."""
from __future__ import annotations

import argparse
import json
import os
import sys

EXIT_BAD_QUESTION = 2
EXIT_CANNOT_START = 1
EXIT_BAD_SETTINGS = 2
EXIT_PIPE_CLOSED = 141  # what a shell reports for a program stopped by SIGPIPE (`| head`)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m qa",
        description="Ask the ReformQA documents a question. The index is built on first use. "
        "Configuration comes from REFORMQA_* environment variables (see README).",
    )
    parser.add_argument("question", nargs="?", help="the question, e.g. 黑龙江高技能人才多少")
    parser.add_argument("--json", action="store_true", help="print one JSON object per answer (the public contract)")
    parser.add_argument("--batch", metavar="FILE", help="JSON Lines with a `question` field per line; '-' for stdin")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    args = parser.parse_args(argv)
    if (args.question is None) == (args.batch is None):
        parser.error("give either a question or --batch FILE")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        code = run(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at interpreter exit
        return code
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
        return EXIT_PIPE_CLOSED


def run(args: argparse.Namespace) -> int:
    from core.config import Settings, SettingsError
    from core.logs import setup_logging

    setup_logging(args.verbose)
    from collection.indexer import IndexUnavailable
    from qa.engine import Engine, QuestionError, validate_question
    from qa.output import answer_to_json, answer_to_text, error_to_json

    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_SETTINGS
    if args.batch is None:
        try:  # refuse a bad question before paying for the model
            validate_question(args.question, settings.max_question_chars)
        except QuestionError as exc:
            print(json.dumps(error_to_json(args.question, str(exc)), ensure_ascii=False) if args.json else str(exc),
                  file=sys.stdout if args.json else sys.stderr)
            return EXIT_BAD_QUESTION
    from qa.generated import Answerer

    try:
        answerer = Answerer.from_settings(Engine.open(settings, progress=sys.stderr.isatty()))
    except (FileNotFoundError, RuntimeError, IndexUnavailable) as exc:  # no model, no documents, no index
        print(f"cannot start: {exc}", file=sys.stderr)
        return EXIT_CANNOT_START
    if args.batch is not None:
        return run_batch(answerer, args.batch)
    answer = answerer.ask(args.question)
    print(json.dumps(answer_to_json(answer), ensure_ascii=False) if args.json else answer_to_text(answer))
    return 0


def run_batch(answerer, path: str) -> int:
    """Answer each JSON line in order; a bad line gets an error object and the batch goes on."""
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    failures = 0
    with source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            result = batch_line(answerer, line, number)
            failures += "error" in result
            print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0 if failures == 0 else 1


def batch_line(answerer, line: str, number: int) -> dict:
    """The JSON object for one input line: an answer, or an error saying what is wrong with the line."""
    from qa.engine import QuestionError
    from qa.output import answer_to_json, error_to_json

    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        return error_to_json(None, f"line {number}: not valid JSON")
    question = row.get("question") if isinstance(row, dict) else None
    if not isinstance(question, str):
        return error_to_json(None, f"line {number}: needs a JSON object with a `question` string")
    try:
        return answer_to_json(answerer.ask(question))
    except QuestionError as exc:
        return error_to_json(question, str(exc))


if __name__ == "__main__":
    sys.exit(main())
