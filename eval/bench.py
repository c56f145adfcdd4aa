"""Benchmark: index build time, cold start of `python -m qa`, warm per-question latency. Prints and writes JSON.

    python -m eval.bench [--questions eval/questions.jsonl] [--n 0] [--with-open-domain] [--out eval/out/bench.json]

With --with-open-domain the warm latency is measured a second time, on the same questions, over the reform
corpus with every CMRC 2018 and DRCD dev passage added as a document of its own (about 6,000 more chunks):
how answer time grows with a collection that is mostly unrelated to the question, and how many of the
answers change there (they should not: an answer about Shanxi does not depend on Wikipedia articles;
`python -m eval.stability` asks every project set and tells real changes from reworded abstentions).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.dataset import DEFAULT_QUESTIONS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, action="append",
                        help="question set(s) for the warm latency (default: eval/questions.jsonl and eval/holdout.jsonl)")
    parser.add_argument("--n", type=int, default=0, help="at most this many questions, 0 for all (default: %(default)s)")
    parser.add_argument("--with-open-domain", action="store_true",
                        help="also measure with the CMRC 2018 and DRCD dev passages added as documents")
    parser.add_argument("--data-dir", type=Path, help="datasets folder (default: ../shared/datasets)")
    parser.add_argument("--out", type=Path, default=Path("eval/out/bench.json"))
    args = parser.parse_args(argv)

    from core.config import PROJECT_ROOT, Settings
    from core.logs import setup_logging
    from eval.dataset import load_questions
    from collection.indexer import build_index
    from index.encoder import SentenceTransformerEncoder
    from qa.analysis import SENTENCE_ANALYSER
    from qa.engine import Engine

    setup_logging()
    sets = args.questions or [DEFAULT_QUESTIONS, DEFAULT_QUESTIONS.with_name("holdout.jsonl")]
    questions = [q.question for path in sets for q in load_questions(path)]
    questions = questions[: args.n] if args.n else questions
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(index_dir=Path(tmp) / "index")
        encoder = SentenceTransformerEncoder(settings.resolved_model_path())
        encoder.encode(["预热"])  # load the model first: build time should be the build alone
        started = time.perf_counter()
        index = build_index(settings, encoder, annotator=SENTENCE_ANALYSER)
        build_s = time.perf_counter() - started

        env = {**os.environ, "REFORMQA_INDEX_DIR": str(settings.index_dir)}
        cold = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "qa", "--json", "黑龙江高技能人才多少"], cwd=PROJECT_ROOT, env=env,
                           check=True, capture_output=True)
            cold.append(time.perf_counter() - started)

        result = {
            "date": time.strftime("%Y-%m-%d"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "questions": len(questions),
            "documents": len(index.documents),
            "chunks": len(index.chunks),
            "index_build_s": round(build_s, 2),
            "cold_start_qa_s_median_of_3": round(statistics.median(cold), 2),
        }
        result["warm_latency_ms"], replies = warm_latency(Engine(settings, index, encoder), questions)
        if args.with_open_domain:
            result["with_open_domain"] = with_open_domain(settings, encoder, questions, Path(tmp), args.data_dir,
                                                          replies)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def warm_latency(engine, questions: list[str]) -> tuple[dict, list[str]]:
    """Per-question answer time after one warm-up question (n, median, p95, max in milliseconds), and the
    answers given."""
    from eval.report import percentile

    engine.ask(questions[0])
    times, replies = [], []
    for question in questions:
        started = time.perf_counter()
        replies.append(engine.ask(question).answer)
        times.append((time.perf_counter() - started) * 1000)
    return ({"n": len(times), "median": round(statistics.median(times), 1), "p95": round(percentile(times, 95), 1),
             "max": round(max(times), 1)}, replies)


def with_open_domain(settings, encoder, questions: list[str], tmp: Path, data_dir: Path | None,
                     replies: list[str]) -> dict:
    """Warm latency over the reform corpus plus every CMRC 2018 and DRCD dev passage as a document, and which
    of the questions' answers (`replies`: those over the reform corpus alone) differ there."""
    from dataclasses import replace

    from eval.open_domain import DEFAULT_DATA_DIR
    from eval.stability import grown_corpus
    from collection.indexer import build_index
    from qa.analysis import SENTENCE_ANALYSER
    from qa.engine import Engine

    corpus = tmp / "corpus-with-open-domain"
    grown_corpus(settings.corpus_dir, data_dir or DEFAULT_DATA_DIR, corpus)
    bigger = replace(settings, corpus_dir=corpus, index_dir=tmp / "index-with-open-domain")
    started = time.perf_counter()
    index = build_index(bigger, encoder, annotator=SENTENCE_ANALYSER)
    build_s = round(time.perf_counter() - started, 1)
    latency, bigger_replies = warm_latency(Engine(bigger, index, encoder), questions)
    changed = [{"question": q, "alone": a, "with_open_domain": b}
               for q, a, b in zip(questions, replies, bigger_replies) if a != b]
    return {"documents": len(index.documents), "chunks": len(index.chunks), "index_build_s": build_s,
            "warm_latency_ms": latency, "answers_changed": len(changed), "changed": changed}


if __name__ == "__main__":
    sys.exit(main())
