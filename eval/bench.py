"""Benchmark: index build time, cold start of `python -m qa`, warm per-question latency. Prints and writes JSON.

    python -m eval.bench [--questions eval/questions.jsonl] [--n 20] [--out eval/out/bench.json]
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
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--n", type=int, default=20, help="questions for the warm latency (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("eval/out/bench.json"))
    args = parser.parse_args(argv)

    from core.config import PROJECT_ROOT, Settings
    from core.logs import setup_logging
    from eval.dataset import load_questions
    from eval.report import percentile
    from index.builder import build_index
    from index.encoder import SentenceTransformerEncoder
    from qa.engine import Engine

    setup_logging()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(index_dir=Path(tmp) / "index")
        encoder = SentenceTransformerEncoder(settings.resolved_model_path())
        encoder.encode(["预热"])  # load the model first: build time should be the build alone
        started = time.perf_counter()
        index = build_index(settings, encoder)
        build_s = time.perf_counter() - started

        env = {**os.environ, "REFORMQA_INDEX_DIR": str(settings.index_dir)}
        cold = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "qa", "--json", "黑龙江高技能人才多少"], cwd=PROJECT_ROOT, env=env,
                           check=True, capture_output=True)
            cold.append(time.perf_counter() - started)

        engine = Engine(settings, index, encoder)
        questions = [q.question for q in load_questions(args.questions)][: args.n]
        engine.ask(questions[0])
        warm = []
        for question in questions:
            started = time.perf_counter()
            engine.ask(question)
            warm.append((time.perf_counter() - started) * 1000)

    result = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "documents": len(index.documents),
        "chunks": len(index.chunks),
        "index_build_s": round(build_s, 2),
        "cold_start_qa_s_median_of_3": round(statistics.median(cold), 2),
        "warm_latency_ms": {"n": len(warm), "median": round(statistics.median(warm), 1),
                            "p95": round(percentile(warm, 95), 1), "max": round(max(warm), 1)},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
