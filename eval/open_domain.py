"""Open-domain benchmark on public reading-comprehension sets (CMRC 2018 dev, DRCD dev).

Every passage becomes a document of its own (written as a corpus folder under data/open_domain/, so the
project's own ingest and index code is what is measured, with its own index directory); every question is
asked against the whole collection. Reports gold-passage hit@1/5/10 and MRR@10, answer-contains-gold,
index build time and throughput, query latency and peak memory, for the baselines and the pipeline.
With --gold-removed each question is also asked with its gold passage left out, where the right outcome
is to abstain.

    python -m eval.open_domain --dataset drcd [--data-dir ../shared/datasets] [--sample 500] [--gold-removed]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from core.config import PROJECT_ROOT

DEFAULT_DATA_DIR = PROJECT_ROOT.parent / "shared" / "datasets"
FILES = {"cmrc2018": "cmrc2018/cmrc2018_dev.json", "drcd": "drcd/DRCD_dev.json"}


@dataclass(frozen=True)
class Passage:
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    passage_id: str
    answers: tuple[str, ...]


def load_dataset(name: str, data_dir: Path) -> tuple[list[Passage], list[Question]]:
    """Passages and questions of CMRC 2018 (list of contexts) or DRCD (SQuAD format)."""
    path = data_dir / FILES[name]
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: pass --data-dir (see ../shared/datasets/README.md)")
    data = json.loads(path.read_text(encoding="utf-8"))
    passages, questions = [], []
    if name == "cmrc2018":
        for item in data:
            passages.append(Passage(item["context_id"], item.get("title") or item["context_id"], item["context_text"]))
            for qa in item["qas"]:
                questions.append(Question(qa["query_id"], str(qa["query_text"]), item["context_id"],
                                          tuple(str(a) for a in qa["answers"])))
    else:
        for article in data["data"]:
            for paragraph in article["paragraphs"]:
                pid = paragraph["id"]
                passages.append(Passage(pid, article.get("title") or pid, paragraph["context"]))
                for qa in paragraph["qas"]:
                    answers = tuple(str(a["text"]) for a in qa["answers"])
                    questions.append(Question(qa["id"], qa["question"], pid, answers))
    return passages, questions


def write_corpus(passages: list[Passage], folder: Path, metadata: dict | None = None) -> None:
    """The passages as a corpus folder (one file each, titles in metadata.yaml); unchanged files stay.

    `metadata` holds entries to keep beside the passages' own (those of documents already in the folder)."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    metadata = dict(metadata or {})
    for p in passages:
        name = f"{p.id}.txt"
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != p.text:
            target.write_text(p.text, encoding="utf-8")
        metadata[name] = {"title": p.title}
    text = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=True)
    meta_path = folder / "metadata.yaml"
    if not meta_path.exists() or meta_path.read_text(encoding="utf-8") != text:
        meta_path.write_text(text, encoding="utf-8")


def convert_script(questions: list[Question], script: str) -> list[Question]:
    """Questions converted to Simplified ('t2s') or Traditional ('s2t'), or left as they are."""
    if script == "as-is":
        return questions
    import opencc

    converter = opencc.OpenCC("t2s" if script == "simplified" else "s2t")
    return [Question(q.id, converter.convert(q.text), q.passage_id, q.answers) for q in questions]


def doc_rank(passage_docs, gold: str) -> int | None:
    """1-based rank of the gold passage among the distinct documents retrieved."""
    seen = []
    for doc in passage_docs:
        if doc not in seen:
            seen.append(doc)
        if doc == gold:
            return len(seen)
    return None


def evaluate(system, questions: list[Question], progress: bool) -> dict:
    from tqdm import tqdm

    from eval.report import percentile
    from eval.scoring import SINGLE_SOURCE_MAX_CHARS, norm

    ranks, contains, short_contains, abstained, lengths, latencies = [], [], [], [], [], []
    for q in tqdm(questions, desc=system.name, unit="q", disable=not progress):
        reply = system.answer(q.text)
        ranks.append(doc_rank(reply.passage_docs, q.passage_id))
        answer = norm(reply.answer)
        hit = not reply.abstained and any(norm(a) and norm(a) in answer for a in q.answers)
        contains.append(hit)
        short_contains.append(hit and len(reply.answer) <= SINGLE_SOURCE_MAX_CHARS)
        abstained.append(reply.abstained)
        lengths.append(len(reply.answer))
        latencies.append(reply.latency_ms)
    n = len(questions)
    share = lambda k: round(sum(r is not None and r <= k for r in ranks) / n, 4)  # noqa: E731
    return {
        "questions": n,
        "hit@1": share(1), "hit@5": share(5), "hit@10": share(10),
        "mrr@10": round(sum(1 / r for r in ranks if r and r <= 10) / n, 4),
        "answer_contains_gold": round(sum(contains) / n, 4),
        "contains_gold_within_120": round(sum(short_contains) / n, 4),
        "abstained": round(sum(abstained) / n, 4),
        "answer_chars_p50": percentile(lengths, 50),
        "latency_p50_ms": round(percentile(latencies, 50), 1),
        "latency_p95_ms": round(percentile(latencies, 95), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def evaluate_gold_removed(engine, questions: list[Question], progress: bool) -> dict:
    """Each question asked against the collection without its gold passage: the right outcome is to abstain.

    An answer that still contains a gold string came from another passage that says the same (DRCD has
    several paragraphs of one article); it is counted apart, not as an error."""
    from tqdm import tqdm

    from eval.report import percentile
    from eval.scoring import norm
    from qa.engine import QuestionError

    abstained, still_gold, latencies = [], [], []
    for q in tqdm(questions, desc="gold removed", unit="q", disable=not progress):
        started = time.perf_counter()
        try:
            answer = engine.ask(q.text, exclude=frozenset({q.passage_id}))
        except QuestionError:
            abstained.append(True)
            still_gold.append(False)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        abstained.append(answer.abstained)
        text = norm(answer.answer)
        still_gold.append(not answer.abstained and any(norm(a) and norm(a) in text for a in q.answers))
    n = len(questions)
    return {
        "questions": n,
        "abstained": round(sum(abstained) / n, 4),
        "answered_with_gold_from_another_passage": round(sum(still_gold) / n, 4),
        "answered_otherwise": round((n - sum(abstained) - sum(still_gold)) / n, 4),
        "latency_p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
        "latency_p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
    }


def format_rows(results: dict[str, dict]) -> str:
    columns = ["hit@1", "hit@5", "hit@10", "mrr@10", "answer_contains_gold", "contains_gold_within_120", "abstained",
               "answer_chars_p50", "latency_p50_ms", "latency_p95_ms", "peak_rss_mb"]
    lines = ["| run | system | " + " | ".join(columns) + " |", "|" + "---|" * (len(columns) + 2)]
    for run, systems in results.items():
        for name, row in systems.items():
            lines.append(f"| {run} | {name} | " + " | ".join(str(row[c]) for c in columns) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.open_domain", description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=sorted(FILES), required=True)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="default: %(default)s")
    parser.add_argument("--sample", type=int, help="ask a random sample of N questions (seeded); default: all")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-sample", type=int, metavar="N",
                        help="first leave out the N questions that --sample N with this seed draws: questions not "
                        "looked at before, to judge a change after earlier runs have been read")
    parser.add_argument("--split", choices=("all", "fit", "judge"), default="all",
                        help="ask only the questions of one half of the articles (eval.fit_selector fits the "
                        "answer selector on 'fit'; score it on 'judge'); default: %(default)s")
    parser.add_argument("--work-dir", type=Path, default=PROJECT_ROOT / "data" / "open_domain",
                        help="where the passage corpus and its index go (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "eval" / "out")
    parser.add_argument("--only-pipeline", action="store_true", help="skip the baselines")
    parser.add_argument("--gold-removed", action="store_true",
                        help="also ask every question without its gold passage (the pipeline only; the right "
                        "outcome is to abstain): an abstention test that no question set can be tuned to")
    args = parser.parse_args(argv)

    from core.config import Settings
    from core.logs import setup_logging

    setup_logging()
    from eval.systems import PipelineSystem, build_systems
    from collection.indexer import open_index
    from index.encoder import SentenceTransformerEncoder
    from qa.analysis import SENTENCE_ANALYSER
    from qa.engine import Engine

    passages, questions = load_dataset(args.dataset, args.data_dir)
    if args.split != "all":
        from eval.fit_selector import split_of

        titles = {p.id: p.title for p in passages}
        questions = [q for q in questions if split_of(titles[q.passage_id]) == args.split]
    if args.skip_sample:
        seen = {q.id for q in random.Random(args.seed).sample(questions, min(args.skip_sample, len(questions)))}
        questions = [q for q in questions if q.id not in seen]
    if args.sample and args.sample < len(questions):
        questions = random.Random(args.seed).sample(questions, args.sample)
    work = args.work_dir / args.dataset
    write_corpus(passages, work / "corpus")
    settings = Settings.from_env(corpus_dir=work / "corpus", index_dir=work / "index", top_k=10, region_routing=False)
    encoder = SentenceTransformerEncoder(settings.resolved_model_path())
    encoder.encode(["预热"])
    started = time.perf_counter()
    index = open_index(settings, encoder, progress=sys.stderr.isatty(), annotator=SENTENCE_ANALYSER)
    build_s = time.perf_counter() - started
    engine = Engine(settings, index, encoder)

    started = time.perf_counter()
    systems = [PipelineSystem(engine)] if args.only_pipeline else build_systems(settings, engine, 10)
    baseline_build_s = time.perf_counter() - started
    runs = {"as-is": questions}
    if args.dataset == "drcd":
        runs["questions→Simplified"] = convert_script(questions, "simplified")
    else:
        runs["questions→Traditional"] = convert_script(questions, "traditional")
    results = {run: {s.name: evaluate(s, qs, sys.stderr.isatty()) for s in systems} for run, qs in runs.items()}
    gold_removed = evaluate_gold_removed(engine, questions, sys.stderr.isatty()) if args.gold_removed else None
    summary = {
        "dataset": args.dataset, "date": time.strftime("%Y-%m-%d"), "passages": len(passages),
        "questions": len(questions), "split": args.split, "chunks": len(index.chunks),
        "pipeline_index_open_s": round(build_s, 1),
        "pipeline_index_build_s": index.manifest.get("build_seconds"),
        "pipeline_chunks_per_s": round(len(index.chunks) / index.manifest["build_seconds"], 1)
        if index.manifest.get("build_seconds") else None,
        "baselines_build_s": round(baseline_build_s, 1),
        "results": results,
        **({"gold_removed": gold_removed} if gold_removed else {}),
    }
    print(json.dumps({k: v for k, v in summary.items() if k != "results"}, ensure_ascii=False))
    print(format_rows(results))
    if gold_removed:
        print("gold passage removed (right outcome: abstain):", json.dumps(gold_removed, ensure_ascii=False))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"open_domain_{args.dataset}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
