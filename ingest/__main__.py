"""Command line: `python -m ingest [update|add|remove|list]` manages the collection and keeps the index up to date."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


COMMANDS = """commands:
  (none), update   bring the index up to date with the corpus folder (only changed files are read again and
                   only new passages embedded; --full does everything again)
  add FILE...      copy files into the corpus folder and index them (same bytes as a file already there:
                   reported as a duplicate and not added; same name, other bytes: replaces it)
  remove NAME...   delete files (names as `list` shows them) from the corpus folder and the index
  list             the documents in the index, and the files that are not indexed with the reason
"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        usage="python -m ingest [update | add FILE... | remove NAME... | list] [options]",
        description="Manage the document collection: clean and chunk the documents in the corpus folder and keep "
        "the search index (FAISS + BM25) up to date with them. Settings come from REFORMQA_* environment "
        "variables (see README).",
        epilog=COMMANDS, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", nargs="?", default="update", choices=("update", "add", "remove", "list"),
                        help=argparse.SUPPRESS)
    parser.add_argument("names", nargs="*", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: REFORMQA_CORPUS_DIR or ./corpus)")
    parser.add_argument("--index", type=Path, help="index folder (default: REFORMQA_INDEX_DIR or ./data/index)")
    parser.add_argument("--full", action="store_true", help="update: read every file and embed every passage again")
    parser.add_argument("--dry-run", action="store_true", help="clean and chunk only; do not build the index")
    parser.add_argument("--show", metavar="FILE", help="print the cleaned text of one corpus file and what was removed")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    args = parser.parse_args(argv)
    if args.command in ("add", "remove") and not args.names:
        parser.error(f"{args.command} needs at least one file name")
    if args.command in ("update", "list") and args.names:
        parser.error(f"{args.command} takes no file names (did you mean add?)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        code = run(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `python -m ingest --show F | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("interrupted: the published index and the corpus folder are as they were; passages embedded so "
              "far are kept, so running the same command again continues from there", file=sys.stderr)
        return 130


def run(args: argparse.Namespace) -> int:
    from core.config import Settings, SettingsError
    from core.logs import setup_logging

    setup_logging(args.verbose)
    overrides = {k: v for k, v in (("corpus_dir", args.corpus), ("index_dir", args.index)) if v is not None}
    try:
        settings = Settings.from_env(**overrides)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    if not settings.corpus_dir.is_dir():
        print(f"corpus folder not found: {settings.corpus_dir}", file=sys.stderr)
        return 2
    if args.show:
        return show(settings.corpus_dir, args.show)
    if args.dry_run:
        return dry_run(settings)
    if args.command == "list":
        return list_documents(settings)
    return change(settings, args)


def dry_run(settings) -> int:
    from ingest.pipeline import ingest_corpus

    started = time.perf_counter()
    result = ingest_corpus(settings.corpus_dir, settings.chunk_size, settings.chunk_overlap, progress=True)
    for line in result.errors:
        print(f"warning: {line}", file=sys.stderr)
    print(f"ingested {len(result.documents)} documents, {len(result.chunks)} chunks in "
          f"{time.perf_counter() - started:.1f} s (dry run, no index written)")
    return 0 if result.documents else 1


def change(settings, args: argparse.Namespace) -> int:
    """update, add or remove: change the folder (add/remove), bring the index up to date, say what happened."""
    from collection.corpus import add_files, remove_files
    from collection.indexer import update_index
    from index.encoder import SentenceTransformerEncoder
    from index.store import IndexNotWritable, build_lock
    from qa.analysis import SENTENCE_ANALYSER

    try:
        encoder = SentenceTransformerEncoder(settings.resolved_model_path())
        if args.command == "add":
            missing = [name for name in args.names if not Path(name).is_file()]
            if missing:
                print(f"not found: {', '.join(missing)}", file=sys.stderr)
                return 2
            result = add_files(settings, encoder, SENTENCE_ANALYSER,
                               [(Path(n).name, Path(n)) for n in args.names], progress=True)
            outcomes, report = result.outcomes, result.report
        elif args.command == "remove":
            result = remove_files(settings, encoder, SENTENCE_ANALYSER, args.names, progress=True)
            outcomes, report = result.outcomes, result.report
        else:
            with build_lock(settings.index_dir):
                report = update_index(settings, encoder, SENTENCE_ANALYSER, progress=True, reuse=not args.full)
            outcomes = [o for o in report.outcomes if o.status != "unchanged"]
    except (FileNotFoundError, RuntimeError, IndexNotWritable, PermissionError) as exc:
        print(f"cannot build the index: {exc}", file=sys.stderr)
        return 1
    logged = set(report.index.manifest.get("ingest_errors", [])) if report is not None else set()
    for outcome in outcomes:
        if outcome.message in logged:  # the update logged it already (a warning on stderr)
            continue
        stream = sys.stderr if outcome.status in ("failed", "refused", "skipped", "duplicate") else sys.stdout
        print("\n".join([outcome.message, *outcome.notes]), file=stream)
    if report is not None:
        index = report.index
        print(f"index: {len(index.documents)} documents, {len(index.chunks)} passages → {settings.index_dir} "
              f"({report.embedded} passages embedded, {report.reused} from the cache, {report.seconds:.1f} s)")
    return 1 if any(o.status in ("failed", "refused") for o in outcomes if args.command != "update") \
        or (report is not None and not report.index.documents) else 0


def list_documents(settings) -> int:
    """Print the collection as the published index holds it (the index is brought up to date first)."""
    from collection.catalog import catalog, format_table
    from collection.indexer import IndexUnavailable, open_index
    from index.encoder import SentenceTransformerEncoder
    from qa.analysis import SENTENCE_ANALYSER

    try:
        index = open_index(settings, SentenceTransformerEncoder(settings.resolved_model_path()),
                           annotator=SENTENCE_ANALYSER)
    except (FileNotFoundError, RuntimeError, IndexUnavailable) as exc:
        print(f"cannot open the index: {exc}", file=sys.stderr)
        return 1
    print(format_table(catalog(index)))
    return 0


def show(corpus_dir: Path, name: str) -> int:
    """Print one document's display text, then each removed line with the reason."""
    from ingest.cleaning import clean_text, load_rules
    from ingest.loader import CorpusReadError, read_corpus_file
    from ingest.metadata import DocumentMeta, load_metadata

    try:
        raw = read_corpus_file(corpus_dir / Path(name).name)
    except (CorpusReadError, FileNotFoundError) as exc:
        print(exc, file=sys.stderr)
        return 2
    meta = load_metadata(corpus_dir).get(raw.name, DocumentMeta())
    result = clean_text(raw.text, load_rules(), meta.drop_lines)
    print(result.text)
    print(f"\n--- removed ({raw.encoding}) ---")
    for line, reason in result.removed:
        print(f"[{reason}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
