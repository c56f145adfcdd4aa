"""Command line: `python -m ingest` cleans and chunks the corpus and (re)builds the index."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Clean and chunk every document in the corpus folder and build the search index "
        "(FAISS + BM25) from them. Settings come from REFORMQA_* environment variables (see README).",
    )
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: REFORMQA_CORPUS_DIR or ./corpus)")
    parser.add_argument("--index", type=Path, help="index folder (default: REFORMQA_INDEX_DIR or ./data/index)")
    parser.add_argument("--dry-run", action="store_true", help="clean and chunk only; do not build the index")
    parser.add_argument("--show", metavar="FILE", help="print the cleaned text of one corpus file and what was removed")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        code = run(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `python -m ingest --show F | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


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

    started = time.perf_counter()
    if args.dry_run:
        from ingest.pipeline import ingest_corpus

        result = ingest_corpus(settings.corpus_dir, settings.chunk_size, settings.chunk_overlap, progress=True)
        documents, chunks, errors = len(result.documents), len(result.chunks), result.errors
    else:
        from index.builder import build_index
        from index.encoder import SentenceTransformerEncoder
        from index.store import IndexNotWritable, build_lock
        from qa.analysis import SENTENCE_ANALYSER

        try:
            encoder = SentenceTransformerEncoder(settings.resolved_model_path())
            with build_lock(settings.index_dir):
                index = build_index(settings, encoder, progress=True, annotator=SENTENCE_ANALYSER)
        except (FileNotFoundError, RuntimeError, IndexNotWritable, PermissionError) as exc:
            print(f"cannot build the index: {exc}", file=sys.stderr)
            return 1
        documents, chunks = len(index.documents), len(index.chunks)
        errors = index.manifest.get("ingest_errors", [])
    seconds = time.perf_counter() - started
    for line in errors:
        print(f"warning: {line}", file=sys.stderr)
    target = "(dry run, no index written)" if args.dry_run else f"→ {settings.index_dir}"
    print(f"ingested {documents} documents, {chunks} chunks in {seconds:.1f} s {target}")
    return 0 if documents else 1


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
