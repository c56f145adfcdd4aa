"""Fit the answer selector (qa/selector.py) on public reading-comprehension data and store it as data.

    python -m eval.fit_selector [--datasets cmrc2018 drcd] [--questions 1500] [--out qa/selector.json]

Questions are split by article title into a fitting half and a judging half (a stable hash, so every run
splits the same way; `eval.open_domain --split judge` asks only the judging half). Every fitting question
is asked twice through the engine's own retrieval: as it is, where a candidate sentence is a positive when
it holds a gold answer, and with its gold passage left out, where (unless another passage holds the gold
answer too) every candidate is a negative. A logistic regression over the selector's features is fitted to
those rows; the abstention threshold is then the one that maximises, over the fitting questions, the share
of right outcomes (an answer that holds the gold string as asked, an abstention with the passage removed).
The result, with the data it came from and its scores on the fitting half, is written to --out.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

SPLITS = ("fit", "judge")


def split_of(title: str) -> str:
    """'fit' or 'judge', by a stable hash of the article title (paragraphs of one article stay together)."""
    return SPLITS[hashlib.sha256(title.encode("utf-8")).digest()[0] % 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit_selector", description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", nargs="+", default=["cmrc2018", "drcd"])
    parser.add_argument("--questions", type=int, default=1500, help="fitting questions per dataset")
    parser.add_argument("--data-dir", type=Path, help="datasets folder (default: ../shared/datasets)")
    parser.add_argument("--reform", type=Path, nargs="*", default=[Path("eval/questions.jsonl")],
                        help="project question sets to fit on as well, over the project corpus (default: "
                        "%(default)s; the held-out sets judge the fit and must not be listed)")
    parser.add_argument("--reform-weight", type=float, default=1.0,
                        help="weight of each project question's rows relative to a public one (default: %(default)s)")
    parser.add_argument("--rows", type=Path, default=Path("data/selector_rows"),
                        help="cache of collected feature rows (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("qa/selector.json"))
    args = parser.parse_args(argv)

    from core.logs import setup_logging
    from qa.selector import FEATURES, WINDOW_FEATURES, SelectorModel

    setup_logging()
    groups = [g for name in args.datasets for g in collect(name, args.questions, args.data_dir, args.rows)]
    for path in args.reform:
        groups += [{**g, "weight": args.reform_weight} for g in collect_reform(path)]
    x = np.array([row for g in groups for row in g["rows"]], dtype=float)
    y = np.array([label for g in groups for label in g["labels"]], dtype=float)
    sample_weight = np.array([g.get("weight", 1.0) for g in groups for _ in g["labels"]], dtype=float)
    weights, bias = fit_logistic(x, y, sample_weight)
    windows = [w for g in groups if not g["removed"] for w in g["windows"] if w and any(w["labels"])]
    wx = np.array([row for w in windows for row in w["rows"]], dtype=float)
    wy = np.array([label for w in windows for label in w["labels"]], dtype=float)
    window_weights, window_bias = fit_logistic(wx, wy)
    window_model = SelectorModel(WINDOW_FEATURES, window_weights, window_bias, 0.0)
    model = SelectorModel(FEATURES, weights, bias, 0.5)
    threshold, scores = best_threshold(groups, model, window_model)
    model = SelectorModel(FEATURES, weights, bias, threshold)
    extra = {"fitted": time.strftime("%Y-%m-%d"), "datasets": args.datasets, "split": "fit",
             "questions": sum(not g["removed"] for g in groups), "rows": len(y), "fit_scores": scores,
             "command": "python -m eval.fit_selector " + " ".join(argv if argv is not None else sys.argv[1:])}
    extra["window"] = json.loads(window_model.to_json({}))
    args.out.write_text(model.to_json(extra) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": threshold, **scores}, ensure_ascii=False))
    return 0


def collect(name: str, count: int, data_dir: Path | None, cache: Path) -> list[dict]:
    """Candidate rows of `count` fitting questions of a dataset, each asked as is and without its passage."""
    from collection.indexer import open_index
    from core.config import PROJECT_ROOT, Settings
    from eval.open_domain import DEFAULT_DATA_DIR, load_dataset, write_corpus
    from index.encoder import SentenceTransformerEncoder
    from qa.analysis import SENTENCE_ANALYSER
    from qa.engine import Engine
    from qa.selector import FEATURES, unfitted

    key = hashlib.sha256(json.dumps([name, count, FEATURES, _code_digest()]).encode()).hexdigest()[:12]
    cached = cache / f"{name}-{key}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    passages, questions = load_dataset(name, data_dir or DEFAULT_DATA_DIR)
    titles = {p.id: p.title for p in passages}
    fitting = [q for q in questions if split_of(titles[q.passage_id]) == "fit"]
    work = PROJECT_ROOT / "data" / "open_domain" / name
    write_corpus(passages, work / "corpus")
    settings = Settings.from_env(corpus_dir=work / "corpus", index_dir=work / "index", top_k=10, region_routing=False)
    encoder = SentenceTransformerEncoder(settings.resolved_model_path())
    engine = Engine(settings, open_index(settings, encoder, annotator=SENTENCE_ANALYSER), encoder,
                    answer_selector=unfitted())
    from tqdm import tqdm

    groups = []
    sample = random.Random(7).sample(fitting, min(count, len(fitting)))
    for question in tqdm(sample, desc=f"collect {name}", unit="q", disable=not sys.stderr.isatty()):
        for removed in (False, True):
            groups.append(question_rows(engine, question, removed))
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    return groups


def collect_reform(path: Path) -> list[dict]:
    """Candidate rows of a project question set over the project corpus (routed by the places it names).

    A sentence is a positive when it holds one of the question's gold evidence strings or all its answer
    keys; every candidate of an unanswerable question is a negative."""
    from core.config import Settings
    from eval.dataset import load_questions
    from qa.engine import Engine
    from qa.regions import named_regions
    from qa.selector import unfitted

    settings = Settings.from_env()
    engine = Engine.open(settings, answer_selector=unfitted())
    groups = []
    for question in load_questions(path):
        query = engine.content_of(question.question)
        groups_, _ = engine._groups(named_regions(query))
        allowed = None if any(g.doc_ids is None for g in groups_) else frozenset().union(*(g.doc_ids for g in groups_))
        rows = candidate_rows(engine, query, allowed, partial(_holds_gold, question), region_named=True)
        groups.append({"id": question.id, "removed": not question.answerable, **rows})
    return groups


def _holds_gold(question, text: str) -> bool:
    """Whether a text holds one of a project question's evidence strings or all of its answer keys."""
    from eval.scoring import norm

    text = norm(text)
    evidence = [norm(e) for e in question.gold_evidence if norm(e)]
    keys = [norm(k) for k in question.answer_keys if norm(k)]
    return question.answerable and (any(e in text for e in evidence) or bool(keys) and all(k in text for k in keys))


def question_rows(engine, question, removed: bool) -> dict:
    """Rows of one open-domain question, asked as it is or with its gold passage left out."""
    from eval.scoring import norm

    exclude = frozenset({question.passage_id}) if removed else frozenset()
    gold = [norm(a) for a in question.answers if norm(a)]
    rows = candidate_rows(engine, engine.content_of(question.text), frozenset(engine.documents) - exclude,
                          lambda text: any(g in norm(text) for g in gold), region_named=False)
    return {"id": question.id, "removed": removed, **rows}


def candidate_rows(engine, query: str, allowed: frozenset[str] | None, holds, region_named: bool) -> dict:
    """Feature rows and labels (`holds(text)`: the text holds the gold answer) of the candidate sentences the
    engine reads for a question among the `allowed` documents, and of the windows (runs of clauses) of each
    sentence that holds it."""
    from qa import compose
    from qa.engine import SINGLE_MAX_CHARS
    from qa.selector import features, question_view

    scores = engine.retriever.scores(query)
    hits = engine.retriever.search(query, engine.settings.candidate_chunks, doc_ids=allowed, scores=scores)
    candidates = engine._candidates(hits)
    terms = engine.question_terms(query)
    view = question_view(query)
    described = engine.described(view, terms, hits, candidates)
    labels, windows = [], []
    for (_, sentence, _, _) in candidates:
        labels.append(int(holds(sentence.span.text)))
        if not labels[-1]:
            windows.append(None)
            continue
        rated = compose.rated_windows(terms, view, sentence, SINGLE_MAX_CHARS, region_named)
        windows.append({"rows": [r for _, r in rated], "labels": [int(holds(s.text)) for s, _ in rated]})
    return {"rows": [features(view, c) for c in described], "labels": labels, "windows": windows}


def _code_digest() -> str:
    """Collected rows depend on the selector's and composer's code: a change invalidates the cache."""
    from qa import compose, engine, selector, terms

    digest = hashlib.sha256()
    for module in (selector, compose, engine, terms):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def fit_logistic(x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None, l2: float = 1e-3,
                 steps: int = 4000, rate: float = 0.5):
    """Weights and bias of an L2-regularised, weighted logistic regression (gradient descent on standardised
    features)."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    sample_weight = np.ones(len(y)) if sample_weight is None else sample_weight / sample_weight.mean()
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        gradient = (1 / (1 + np.exp(-(z @ w + b))) - y) * sample_weight
        w -= rate * (z.T @ gradient / len(y) + l2 * w)
        b -= rate * gradient.mean()
    return w / scale, float(b - (mean / scale) @ w)


def outcomes(groups: list[dict], model, threshold: float, window_model) -> dict:
    """Contains gold and abstained (as asked), abstained with the gold passage removed, for a threshold."""
    asked = [g for g in groups if not g["removed"]]
    removed = [g for g in groups if g["removed"] and not any(g["labels"])]
    def choice(g):
        p = model.probabilities(g["rows"])
        if not len(p) or p.max() < threshold:
            return None
        return int(np.argmax(p))
    def window_holds(g, c):
        w = g["windows"][c]
        if not w:
            return 0
        return w["labels"][int(np.argmax(window_model.probabilities(w["rows"])))]
    picks = [choice(g) for g in asked]
    return {
        "contains_gold": round(sum(c is not None and window_holds(g, c) for c, g in zip(picks, asked)) / len(asked), 4),
        "sentence_holds_gold": round(sum(c is not None and g["labels"][c] for c, g in zip(picks, asked)) / len(asked), 4),
        "abstained": round(sum(c is None for c in picks) / len(asked), 4),
        "abstained_gold_removed": round(sum(choice(g) is None for g in removed) / max(1, len(removed)), 4),
    }


def best_threshold(groups: list[dict], model, window_model) -> tuple[float, dict]:
    """The threshold with the most right outcomes over both kinds of question, and its scores."""
    def right(t):
        o = outcomes(groups, model, t, window_model)
        return o["contains_gold"] + o["abstained_gold_removed"]
    threshold = max(np.arange(0.05, 0.95, 0.01), key=right)
    return round(float(threshold), 2), outcomes(groups, model, threshold, window_model)


if __name__ == "__main__":
    sys.exit(main())
