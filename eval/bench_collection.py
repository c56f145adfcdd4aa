"""Benchmark: adding one document to a 1,000-document collection vs rebuilding it, and start-up with a stale index.

    python -m eval.bench_collection [--documents 1000] [--data-dir ../shared/datasets]
                                    [--out eval/out/bench_collection.json]

The collection is the five reform documents plus CMRC 2018 / DRCD dev passages, each its own document. Measured:
a full rebuild and the addition of one more document, in process (model loaded) and as whole processes
(`python -m ingest --full` vs `python -m ingest add FILE`); whether the index built incrementally answers every
question exactly as a full rebuild of the same folder does; and, with 50 files added behind the index's back,
how long the app takes to answer its first question (from the last published index) and to finish the update
in the background. Prints and writes JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_collection", description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="collection size (default: %(default)s)")
    parser.add_argument("--questions", type=int, default=300,
                        help="open-domain questions compared besides the reform sets (default: %(default)s)")
    parser.add_argument("--data-dir", type=Path, help="datasets folder (default: ../shared/datasets)")
    parser.add_argument("--out", type=Path, default=Path("eval/out/bench_collection.json"))
    args = parser.parse_args(argv)

    import yaml

    from collection.corpus import add_files
    from collection.indexer import build_index, update_index
    from collection.live import LiveEngine
    from core.config import PROJECT_ROOT, Settings
    from core.logs import setup_logging
    from eval.dataset import load_questions
    from eval.open_domain import DEFAULT_DATA_DIR, load_dataset, write_corpus
    from index.encoder import SentenceTransformerEncoder
    from index.store import build_lock
    from qa.analysis import SENTENCE_ANALYSER
    from qa.engine import Engine

    setup_logging()
    data_dir = args.data_dir or DEFAULT_DATA_DIR
    loaded = [load_dataset(name, data_dir) for name in ("cmrc2018", "drcd")]
    passages = [p for ps, _ in loaded for p in ps]
    open_questions = [q.text for _, qs in loaded for q in qs][:: max(1, sum(len(qs) for _, qs in loaded)
                                                                         // args.questions)][: args.questions]
    questions = [q.question for name in ("questions", "holdout", "holdout2")
                 for q in load_questions(PROJECT_ROOT / "eval" / f"{name}.jsonl")] + open_questions
    extra_count = args.documents - 5
    base, new_one = passages[:extra_count], passages[extra_count]
    late_fifty = passages[extra_count + 1:extra_count + 51]

    result = {"date": time.strftime("%Y-%m-%d"),
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        defaults = Settings.from_env()
        corpus = tmp / "corpus"
        shutil.copytree(defaults.corpus_dir, corpus)
        metadata = yaml.safe_load((corpus / "metadata.yaml").read_text(encoding="utf-8")) or {}
        write_corpus(base, corpus, metadata)
        new_file = tmp / f"{new_one.id}.txt"
        new_file.write_text(new_one.text, encoding="utf-8")
        settings = replace(defaults, corpus_dir=corpus, index_dir=tmp / "index")
        encoder = SentenceTransformerEncoder(settings.resolved_model_path())
        encoder.encode(["预热"])

        started = time.perf_counter()
        full = build_index(settings, encoder, annotator=SENTENCE_ANALYSER)
        full_s = time.perf_counter() - started
        started = time.perf_counter()
        added = add_files(settings, encoder, SENTENCE_ANALYSER, [(new_file.name, new_file)])
        add_s = time.perf_counter() - started
        result["in_process"] = {
            "documents_before": len(full.documents), "chunks_before": len(full.chunks),
            "full_rebuild_s": round(full_s, 2), "add_one_document_s": round(add_s, 2),
            "ratio_full_over_add": round(full_s / add_s, 1),
            "added_passages_embedded": added.report.embedded, "passages_from_cache": added.report.reused}

        rebuilt_settings = replace(settings, index_dir=tmp / "index-full-after-add")
        rebuilt = build_index(rebuilt_settings, encoder, annotator=SENTENCE_ANALYSER)
        incremental = Engine(settings, added.report.index, encoder)
        fresh = Engine(rebuilt_settings, rebuilt, encoder)
        differ = [q for q in questions if reply_signature(incremental, q) != reply_signature(fresh, q)]
        result["answers_incremental_vs_full"] = {"questions": len(questions), "differ": len(differ),
                                                 "examples": differ[:5]}

        process_corpus = tmp / "corpus-processes"
        shutil.copytree(corpus, process_corpus)
        (process_corpus / new_file.name).unlink()
        env = {**os.environ, "REFORMQA_CORPUS_DIR": str(process_corpus), "REFORMQA_INDEX_DIR": str(tmp / "index-p")}
        full_p = _timed([sys.executable, "-m", "ingest", "--full"], env)
        add_p = _timed([sys.executable, "-m", "ingest", "add", str(new_file)], env)
        result["whole_processes"] = {"full_rebuild_s": round(full_p, 2), "add_one_document_s": round(add_p, 2),
                                     "ratio_full_over_add": round(full_p / add_p, 1)}

        write_corpus(late_fifty, corpus, yaml.safe_load((corpus / "metadata.yaml").read_text(encoding="utf-8")))
        holder = LiveEngine(settings)
        started = time.perf_counter()
        stale = holder.start(background=True)
        holder.get().ask(questions[0])
        first_answer_s = time.perf_counter() - started
        holder.wait()
        updated_s = time.perf_counter() - started
        result["stale_start_50_files_added"] = {
            "stale": bool(stale), "first_answer_s": round(first_answer_s, 2),
            "background_update_done_s": round(updated_s, 2), "status": holder.status,
            "documents_after": len(holder.get().documents)}
        with build_lock(settings.index_dir):
            started = time.perf_counter()
            update_index(settings, encoder, SENTENCE_ANALYSER)
            result["no_change_update_s"] = round(time.perf_counter() - started, 2)

    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def reply_signature(engine, question: str) -> tuple:
    """What must not differ between two indexes of the same folder: answer, citation spans, passage order."""
    answer = engine.ask(question)
    return answer.answer, [(c.doc_id, c.start, c.end) for c in answer.citations], [p.doc_id for p in answer.passages]


def _timed(command: list[str], env: dict) -> float:
    from core.config import PROJECT_ROOT

    started = time.perf_counter()
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
