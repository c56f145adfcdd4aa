"""Study: could a learned answer/abstain gate replace the support threshold? Fits on one open-domain set, scores
on the other. Changes nothing in the pipeline; prints and writes JSON.

    python -m eval.gate_study [--train cmrc2018] [--test drcd] [--questions 1500] [--out eval/out/gate_study.json]

Each sampled question is asked twice with the threshold at 0 (so the composer always returns its best
excerpt): as it is (label 1 when the excerpt holds a gold answer) and with its gold passage left out (label 1
only when another passage holds the gold answer too). A logistic regression over features that do not
depend on the collection's size (support, rank and dense cosine of the cited passage, its cosine relative to
the top passage, number of question terms) is fitted on the training set; its decision threshold is the one
that maximises right decisions there (answer with gold, or abstain without). Reported for both sets: answer
contains gold, abstained on answerable, abstained with the gold passage removed — for the current rule
(support ≥ REFORMQA_ABSTAIN_THRESHOLD), for the gate, and for "always answer" (the ceiling that the
composer's choice of excerpt allows).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

FEATURES = ("support", "cited_rank", "cited_dense", "cited_minus_top_dense", "terms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.gate_study", description=__doc__.splitlines()[0])
    parser.add_argument("--train", default="cmrc2018", choices=("cmrc2018", "drcd"))
    parser.add_argument("--test", default="drcd", choices=("cmrc2018", "drcd"))
    parser.add_argument("--questions", type=int, default=1500, help="sampled per set (default: %(default)s)")
    parser.add_argument("--data-dir", type=Path, help="datasets folder (default: ../shared/datasets)")
    parser.add_argument("--out", type=Path, default=Path("eval/out/gate_study.json"))
    args = parser.parse_args(argv)

    from core.logs import setup_logging

    setup_logging()
    rows = {name: collect(name, args.questions, args.data_dir) for name in dict.fromkeys((args.train, args.test))}
    x_train, y_train = features(rows[args.train]), np.array([r["label"] for r in rows[args.train]], float)
    weights, bias = fit_logistic(x_train, y_train)
    threshold = max(np.arange(0.2, 0.8, 0.025), key=lambda t: right_decisions(rows[args.train], weights, bias, t))
    from core.config import Settings

    rule = Settings.from_env().abstain_threshold
    result = {"date": time.strftime("%Y-%m-%d"), "train": args.train, "test": args.test,
              "features": FEATURES, "weights": [round(float(w), 4) for w in weights], "bias": round(float(bias), 4),
              "threshold": round(float(threshold), 3), "sets": {}}
    for name, sample in rows.items():
        probability = gate(features(sample), weights, bias)
        result["sets"][name] = {
            "support_rule": outcomes(sample, [r["support"] >= rule for r in sample]),
            "gate": outcomes(sample, list(probability >= threshold)),
            "always_answer": outcomes(sample, [True] * len(sample)),
        }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def collect(name: str, count: int, data_dir: Path | None) -> list[dict]:
    """Feature rows of `count` sampled questions, each asked as is and with its gold passage left out."""
    from dataclasses import replace

    from collection.indexer import open_index
    from core.config import PROJECT_ROOT, Settings
    from eval.open_domain import DEFAULT_DATA_DIR, load_dataset, write_corpus
    from eval.scoring import norm
    from index.encoder import SentenceTransformerEncoder
    from qa.analysis import SENTENCE_ANALYSER
    from qa.engine import Engine

    passages, questions = load_dataset(name, data_dir or DEFAULT_DATA_DIR)
    work = PROJECT_ROOT / "data" / "open_domain" / name
    write_corpus(passages, work / "corpus")
    settings = Settings.from_env(corpus_dir=work / "corpus", index_dir=work / "index", top_k=10, region_routing=False)
    encoder = SentenceTransformerEncoder(settings.resolved_model_path())
    engine = Engine(replace(settings, abstain_threshold=0.0),
                    open_index(settings, encoder, annotator=SENTENCE_ANALYSER), encoder)
    rows = []
    for question in random.Random(99).sample(questions, min(count, len(questions))):
        for exclude in (frozenset(), frozenset({question.passage_id})):
            answer, hits = engine.ask_with_context(question.text, exclude)
            if not answer.citations:
                continue
            cited = answer.citations[0]
            hit = next((h for h in hits
                        if h.chunk.doc_id == cited.doc_id and h.chunk.start <= cited.start < h.chunk.end), None)
            text = norm(answer.answer)
            rows.append({
                "support": answer.support, "cited_rank": hit.rank if hit else 20,
                "cited_dense": hit.dense_score if hit else 0.0, "top_dense": hits[0].dense_score if hits else 0.0,
                "terms": len(engine.question_terms(question.text).terms),
                "label": int(any(norm(a) and norm(a) in text for a in question.answers)), "removed": bool(exclude)})
    return rows


def features(rows: list[dict]) -> np.ndarray:
    return np.array([[r["support"], min(r["cited_rank"], 20) / 20, r["cited_dense"], r["cited_dense"] - r["top_dense"],
                      min(r["terms"], 15) / 15] for r in rows], dtype=float)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, rate: float = 0.5):
    """Weights and bias of an L2-regularised logistic regression (gradient descent on standardised features)."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        gradient = 1 / (1 + np.exp(-(z @ w + b))) - y
        w -= rate * (z.T @ gradient / len(y) + l2 * w)
        b -= rate * gradient.mean()
    return w / scale, b - (mean / scale) @ w


def gate(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ weights + bias)))


def right_decisions(rows: list[dict], weights, bias, threshold: float) -> float:
    answer = gate(features(rows), weights, bias) >= threshold
    return float(np.mean([bool(a) == bool(r["label"]) for a, r in zip(answer, rows)]))


def outcomes(rows: list[dict], answered: list[bool]) -> dict:
    """Answer contains gold and abstained (questions as they are), abstained with the gold passage removed."""
    as_is = [(a, r) for a, r in zip(answered, rows) if not r["removed"]]
    removed = [a for a, r in zip(answered, rows) if r["removed"] and not r["label"]]
    return {"contains_gold": round(sum(a and r["label"] for a, r in as_is) / len(as_is), 3),
            "abstained": round(sum(not a for a, _ in as_is) / len(as_is), 3),
            "abstained_gold_removed": round(sum(not a for a in removed) / max(1, len(removed)), 3)}


if __name__ == "__main__":
    sys.exit(main())
