"""Fit the answer selector (qa/selector.py) on public reading-comprehension data and store it as data.

    python -m eval.fit_selector [--datasets cmrc2018 drcd] [--questions 1500] [--out qa/selector.json]

Questions are split by article title into a fitting half and a judging half (a stable hash, so every run
splits the same way; `eval.open_domain --split judge` asks only the judging half). Every fitting question
is asked twice through the engine's own retrieval: as it is, where a candidate sentence is a positive when
it holds a gold answer, and with its gold passage left out, where (unless another passage holds the gold
answer too) every candidate is a negative. Over those rows a linear ranker is fitted so that the sentence
holding the answer scores highest among its question's candidates (a softmax over them), and a logistic
verifier on the ranker's choice gives the probability that it holds the answer; the abstention threshold
is then the lowest one not measurably worse (within one standard error) than the one that maximises, over the
fitting questions, the share of right outcomes (an answer that holds the gold string as asked, an abstention
with the passage removed), capped where it would abstain on more of a dataset's answerable fitting questions
than the bound (--max-abstained) allows, less the margin by which a judging sample, drawn by article as the
halves are, may differ from them (`abstention_cap`). A choice that the engine's checks
refuse (`Engine.can_answer`: a count in another unit, a group's count for a part of it asked, …) is an
abstention at any threshold, as in the engine, and is left out of the verifier's fit: the verifier learns
only the decisions it makes, not the near misses the checks already decide.
The result, with the data it came from and its scores on the fitting half, is written to --out.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
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
                        help="cache of collected feature rows, one file per dataset, split and kind; rows "
                        "collected for older code are removed (default: %(default)s)")
    parser.add_argument("--max-abstained", type=float, default=0.15,
                        help="the most a public dataset's answerable questions may be abstained on, as its judging "
                        "half is asked (the issue's bound; default: %(default)s)")
    parser.add_argument("--judge-sample", type=int, default=1000,
                        help="questions in a judging sample (`eval.open_domain --sample`), for the margin the cap "
                        "leaves (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("qa/selector.json"))
    args = parser.parse_args(argv)

    from core.logs import setup_logging

    setup_logging()
    groups = []
    for name in args.datasets:
        article = articles_of(name, args.data_dir)
        groups += [{**g, "dataset": name, "article": article[g["id"]]}
                   for g in collect(name, args.questions, args.data_dir, args.rows)]
    groups += [g for name in args.datasets for g in collect(name, args.questions, args.data_dir, args.rows,
                                                             near_miss=True)]
    for path in args.reform:
        groups += [{**g, "weight": args.reform_weight} for g in collect_reform(path)]
    model, scores = fit(groups, Bound(args.max_abstained, args.judge_sample))
    extra = {"fitted": time.strftime("%Y-%m-%d"), "datasets": args.datasets, "split": "fit",
             "questions": sum(not g["removed"] for g in groups), "rows": sum(len(g["labels"]) for g in groups),
             "fit_scores": scores,
             "command": "python -m eval.fit_selector " + " ".join(argv if argv is not None else sys.argv[1:])}
    args.out.write_text(json.dumps({"threshold": model.threshold, "ranker": model.ranker.to_dict(),
                                    "verifier": model.verifier.to_dict(), "window": model.window.to_dict(), **extra},
                                   ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": model.threshold, **scores}, ensure_ascii=False))
    return 0


@dataclass(frozen=True)
class Bound:
    """The most a public dataset's answerable questions may be abstained on, and the size of the sample that
    judges it (the smaller, the wider the margin the cap leaves)."""

    abstained: float = 1.0
    judge_sample: int = 1000


def fit(groups: list[dict], bound: Bound = Bound()):
    """The three models of a Selector fitted to collected groups, and the fitting scores at its threshold:
    the ranker over answerable questions (the gold sentence first among its question's candidates), the
    verifier over the ranker's choice for every question (asked as is or with the gold passage removed), the
    window model over the runs of clauses of gold sentences. The threshold is `best_threshold`'s, capped by
    `abstention_cap` (groups tagged with their "dataset" and "article")."""
    from qa.selector import (
        FEATURES,
        VERIFIER_FEATURES,
        WINDOW_FEATURES,
        Selector,
        SelectorModel,
    )

    answerable = [g for g in groups if not g["removed"] and any(g["labels"])]
    ranker = SelectorModel(FEATURES, *fit_listwise([g["rows"] for g in answerable], [g["labels"] for g in answerable],
                                                   [g.get("weight", 1.0) for g in answerable]))
    chooser = Selector(ranker, ranker, ranker)  # only its ranker is used, to pick
    vx, vy, vw = [], [], []
    for g in groups:
        picked = chooser.pick(g["rows"], g["documents"])
        # a pick the engine's checks refuse is never given, whatever the verifier says: not the verifier's to learn
        if picked is not None and not _refused(g, picked[0]):
            vx.append(picked[1])
            vy.append(g["labels"][picked[0]])
            vw.append(g.get("weight", 1.0))
    verifier = SelectorModel(VERIFIER_FEATURES, *fit_logistic(np.array(vx), np.array(vy, dtype=float), np.array(vw)))
    windows = [w for g in groups if not g["removed"] for w in g["windows"] if w and any(w["labels"])]
    wx = np.array([row for w in windows for row in w["rows"]], dtype=float)
    wy = np.array([label for w in windows for label in w["labels"]], dtype=float)
    window = SelectorModel(WINDOW_FEATURES, *fit_logistic(wx, wy))
    model = Selector(ranker, verifier, window)
    chosen = choices(groups, model)  # read once: the threshold rule, the cap and the capped scores all use it
    threshold, scores = best_threshold(groups, model, chosen)
    cap, abstained = abstention_cap(groups, chosen, bound)
    if cap == 1.0 and any(share > bound.abstained for share in abstained(threshold).values()):
        logging.getLogger(__name__).warning("no threshold keeps the abstention on answerable questions within "
                                            "%s with its margin: the threshold is left uncapped", bound.abstained)
    if cap < threshold:
        scores = {**outcomes(groups, chosen, cap), "capped_from": threshold}
        threshold = cap
    scores = {**scores, "abstained_by_dataset": abstained(threshold)}
    return Selector(ranker, replace(verifier, threshold=threshold), window), scores


def rows_file_name(name: str, count: int, split: str, near_miss: bool, settings, code: list) -> str:
    """The cache file of one dataset's rows, named by everything that shapes them: the questions asked, the
    features and code (`code`), and the settings that decide which candidates are read and how they rank."""
    shaping = [settings.candidate_chunks, settings.chunk_size, settings.chunk_overlap, settings.dense_weight,
               settings.lexical_weight, str(settings.model_path or "bundled")]
    identity = ([name, count, *code] + ([split] if split != "fit" else [])
                + (["near-miss year"] if near_miss else []) + [shaping])
    key = hashlib.sha256(json.dumps(identity).encode()).hexdigest()[:12]
    return f"{name}-{split}-{'year' if near_miss else 'asked'}-{key}.json"


def collect(name: str, count: int, data_dir: Path | None, cache: Path, split: str = "fit",
            near_miss: bool = False) -> list[dict]:
    """Candidate rows of `count` questions of one split of a dataset, each asked as is and without its passage;
    with `near_miss`, instead, those of them that name a year their passage holds, asked about another year
    the passage does not hold (`another_year`): a question the collection does not answer, though its
    passage matches it in every other word."""
    from collection.indexer import open_index
    from core.config import PROJECT_ROOT, Settings
    from eval.open_domain import DEFAULT_DATA_DIR, load_dataset, write_corpus
    from index.encoder import SentenceTransformerEncoder
    from qa.analysis import SENTENCE_ANALYSER
    from qa.engine import Engine
    from qa.selector import FEATURES, unfitted

    work = PROJECT_ROOT / "data" / "open_domain" / name
    settings = Settings.from_env(corpus_dir=work / "corpus", index_dir=work / "index", top_k=10, region_routing=False)
    cached = cache / rows_file_name(name, count, split, near_miss, settings, [FEATURES, _code_digest()])
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    passages, questions = load_dataset(name, data_dir or DEFAULT_DATA_DIR)
    titles = {p.id: p.title for p in passages}
    fitting = [q for q in questions if split_of(titles[q.passage_id]) == split]
    write_corpus(passages, work / "corpus")
    encoder = SentenceTransformerEncoder(settings.resolved_model_path())
    engine = Engine(settings, open_index(settings, encoder, annotator=SENTENCE_ANALYSER), encoder,
                    answer_selector=unfitted())
    from tqdm import tqdm

    groups = []
    sample = random.Random(7).sample(fitting, min(count, len(fitting)))
    texts = {p.id: p.text for p in passages}
    for question in tqdm(sample, desc=f"collect {name}", unit="q", disable=not sys.stderr.isatty()):
        if near_miss:
            changed = another_year(question.text, texts[question.passage_id])
            if changed:
                rows = question_rows(engine, replace(question, text=changed), removed=False)
                groups.append({**rows, "removed": True, "near_miss": True, "labels": [0] * len(rows["labels"]),
                               "windows": [None] * len(rows["labels"])})
            continue
        for removed in (False, True):
            groups.append(question_rows(engine, question, removed))
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    for stale in stale_rows(cached):
        stale.unlink()
    return groups


_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?=年)")


def another_year(question: str, passage: str) -> str | None:
    """The question with the first year it names (and its passage holds) moved to the nearest year the
    passage never mentions, or None when it names no such year."""
    found = _YEAR.search(question)
    if not found or found.group() not in passage:
        return None
    year = int(found.group())
    for step in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5):
        if str(year + step) not in passage:
            return question[:found.start()] + str(year + step) + question[found.end():]
    return None


def collect_reform(path: Path) -> list[dict]:
    """Candidate rows of a project question set over the project corpus (routed by the places it names).

    A sentence is a positive when it holds one of the question's gold evidence strings or all its answer
    keys; every candidate of an unanswerable question is a negative."""
    from core.config import Settings
    from eval.dataset import load_questions
    from qa.engine import Engine
    from qa.regions import asked_places
    from qa.selector import unfitted

    settings = Settings.from_env()
    engine = Engine.open(settings, answer_selector=unfitted())
    groups = []
    for question in load_questions(path):
        query = engine.content_of(question.question)
        parts, _ = engine._groups(asked_places(query))
        for part in parts:  # each asked place answered from its own documents, as Engine.ask does
            part_query = engine.part_of(query, part.label) if len(parts) > 1 else query
            rows = candidate_rows(engine, query, part.doc_ids, partial(_holds_gold, question), region_named=True,
                                  part_query=part_query)
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


def candidate_rows(engine, query: str, allowed: frozenset[str] | None, holds, region_named: bool,
                   part_query: str | None = None) -> dict:
    """Feature rows and labels (`holds(text)`: the text holds the gold answer) of the candidate sentences the
    engine reads for a question among the `allowed` documents, and of the windows (runs of clauses) of each
    sentence that holds it. `part_query`: the question as one asked place's part reads it (Engine.part_of)."""
    from qa import compose
    from qa.engine import SINGLE_MAX_CHARS
    from qa.selector import features, question_view

    scores = engine.retriever.scores(query)
    hits = engine.retriever.search(query, engine.settings.candidate_chunks, doc_ids=allowed, scores=scores)
    candidates = engine._candidates(hits)
    terms = engine.question_terms(query)
    view = question_view(part_query or query)
    described = engine.described(view, terms, hits, candidates, scores)
    labels, windows, refused = [], [], []
    for (document, sentence, _, _) in candidates:
        refused.append(int(not engine.can_answer(view, document, sentence)))
        labels.append(int(holds(sentence.span.text)))
        if not labels[-1]:
            windows.append(None)
            continue
        rated = compose.rated_windows(engine.terms_within(document, terms), view, sentence, SINGLE_MAX_CHARS,
                                      region_named)
        windows.append({"rows": [r for _, r in rated], "labels": [int(holds(s.text)) for s, _ in rated]})
    return {"rows": [features(view, c) for c in described], "labels": labels, "windows": windows,
            "documents": [document.doc_id for document, _, _, _ in candidates], "refused": refused}


def stale_rows(kept: Path) -> list[Path]:
    """The cached row files that `kept` (named dataset-split-kind-key.json) replaces: those of the same dataset,
    split and kind collected for other code, features or counts, and those named the older way (dataset-key)."""
    prefix = kept.name.rsplit("-", 1)[0] + "-"
    older = re.compile(re.escape(kept.name.split("-", 1)[0]) + r"-[0-9a-f]{12}\.json")
    return sorted(p for p in kept.parent.glob("*.json")
                  if p != kept and (p.name.startswith(prefix) and p.name.count("-") == kept.name.count("-")
                                    or older.fullmatch(p.name)))


def _code_digest() -> str:
    """Collected rows depend on the answer step's code, its checks included (they mark refused candidates):
    a change to any module of `qa` invalidates the cache."""
    import qa

    digest = hashlib.sha256()
    for module in sorted(Path(qa.__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
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


def fit_listwise(rows: list[list[list[float]]], labels: list[list[int]], group_weight: list[float],
                 l2: float = 1e-3, steps: int = 3000, rate: float = 0.5):
    """Weights (and a zero bias) of a linear scorer fitted so that, within each group of candidates, the
    softmax of the scores puts its mass on the candidates labelled 1 (gradient descent on standardised
    features; each group weighs `group_weight`)."""
    x = np.array([r for g in rows for r in g], dtype=float)
    y = np.array([label for g in labels for label in g], dtype=float)
    group = np.concatenate([[i] * len(g) for i, g in enumerate(labels)])
    weight = np.asarray(group_weight, dtype=float) / np.mean(group_weight)
    n = len(labels)
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        s = z @ w
        top = np.full(n, -np.inf)
        np.maximum.at(top, group, s)
        e = np.exp(s - top[group])
        total, held = np.bincount(group, e, n), np.bincount(group, e * y, n)
        gradient = (e / total[group] - e * y / held[group]) * weight[group]
        w -= rate * (z.T @ gradient / n + l2 * w)
    return w / scale, 0.0


def choices(groups: list[dict], model) -> list[tuple[int, float, int] | None]:
    """Per group: the chosen candidate, the verifier's probability and whether the chosen run of clauses
    holds the gold answer (None: no candidates)."""
    found = []
    for g in groups:
        chosen = model.choose(g["rows"], g["documents"])
        if chosen is None:
            found.append(None)
            continue
        w = g["windows"][chosen.index] if not g["removed"] else None
        holds = w["labels"][int(np.argmax(model.window.probabilities(w["rows"])))] if w else 0
        found.append((chosen.index, 0.0 if _refused(g, chosen.index) else chosen.probability, holds))
    return found


def _refused(group: dict, index: int) -> bool:
    """Whether the engine's checks refuse the group's candidate `index` (`Engine.can_answer`), as it then abstains."""
    refused = group.get("refused")
    return bool(refused and refused[index])


def outcomes(groups: list[dict], chosen: list, threshold: float) -> dict:
    """Contains gold and abstained (as asked), abstained with the gold passage removed, for a threshold
    (`chosen`: the groups' `choices`). Each question counts with its weight, as in the fit."""
    answers = [c if c is not None and c[1] >= threshold else None for c in chosen]
    asked = [(g, a, g.get("weight", 1.0)) for g, a in zip(groups, answers) if not g["removed"]]
    removed = [(a, g.get("weight", 1.0)) for g, a in zip(groups, answers) if g["removed"] and not any(g["labels"])]
    total, total_removed = sum(w for _, _, w in asked), sum(w for _, w in removed) or 1.0
    return {
        "contains_gold": round(sum(w for _, a, w in asked if a is not None and a[2]) / total, 4),
        "sentence_holds_gold": round(sum(w for g, a, w in asked if a is not None and g["labels"][a[0]]) / total, 4),
        "abstained": round(sum(w for _, a, w in asked if a is None) / total, 4),
        "abstained_gold_removed": round(sum(w for a, w in removed if a is None) / total_removed, 4),
        "abstained_another_year": round(sum(a is None for g, a in zip(groups, answers) if g.get("near_miss"))
                                        / max(1, sum(bool(g.get("near_miss")) for g in groups)), 4),
    }


def right_outcomes(groups: list[dict], chosen: list, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per question counted by `outcomes`: whether its outcome is right at the threshold (an answer holding the
    gold as asked, an abstention with the passage removed), its weight, and whether it was asked with the passage
    removed."""
    right, weight, removed = [], [], []
    for g, c in zip(groups, chosen):
        if g["removed"] and any(g["labels"]):
            continue  # the gold string stands in another passage too: `outcomes` counts it nowhere
        answered = c is not None and c[1] >= threshold
        right.append(not answered if g["removed"] else answered and bool(c[2]))
        weight.append(g.get("weight", 1.0))
        removed.append(g["removed"])
    return np.array(right, dtype=float), np.array(weight, dtype=float), np.array(removed, dtype=bool)


def best_threshold(groups: list[dict], model, chosen: list | None = None) -> tuple[float, dict]:
    """The threshold with the most right outcomes over both kinds of question (the share of each kind, summed)
    or, where a lower one is not measurably worse, the lowest such: the lowest threshold whose total falls short
    of the best by less than the standard error of that difference over the questions (the one-standard-error
    rule). Right outcomes are flat over a wide range of thresholds, so the best alone moves with any change of
    the rows; the rule settles on the end of that range where fewer answerable questions are abstained on.
    Returns the threshold and its scores (`chosen`: the groups' `choices`, where already read)."""
    chosen = choices(groups, model) if chosen is None else chosen
    grid = np.round(np.arange(0.05, 0.95, 0.01), 2)
    rows = [right_outcomes(groups, chosen, t) for t in grid]
    _, weight, removed = rows[0]
    kinds = [(~removed, weight[~removed].sum() or 1.0), (removed, weight[removed].sum() or 1.0)]

    def total(right: np.ndarray) -> float:
        return sum(float((right[kind] * weight[kind]).sum()) / mass for kind, mass in kinds)

    def error(difference: np.ndarray) -> float:
        """The standard error of a weighted difference of the summed shares, over the questions."""
        variance = 0.0
        for kind, mass in kinds:
            d, w = difference[kind], weight[kind]
            mean = float((d * w).sum()) / mass
            variance += float((w**2 * (d - mean) ** 2).sum()) / mass**2
        return variance**0.5

    totals = [total(right) for right, _, _ in rows]
    best = int(np.argmax(totals))
    threshold = next(t for t, (right, _, _), value in zip(grid, rows, totals)
                     if totals[best] - value <= error(right - rows[best][0]))
    return float(threshold), outcomes(groups, chosen, float(threshold))


def abstention_cap(groups: list[dict], chosen: list, bound: Bound) -> tuple[float, Callable[[float], dict]]:
    """The highest threshold at which no public dataset's answerable fitting questions (asked as is) are abstained
    on more than the bound allows, less a margin: the one-sided 95 % sampling error of the difference between
    their share and a judging sample's, were both the bound and both drawn by article, as the halves are
    (z·√(d·b(1−b)(1/n + 1/m)) for n fitting and m judging questions, d the design effect of the fitting
    questions' articles at that threshold, `design_effect`), it and every lower one. Returns it (1.0 when nothing
    is capped, or nothing keeps within the bound) and the per-dataset shares at any threshold (`chosen`: the
    groups' `choices`)."""
    asked: dict[str, list] = {}
    for at, (g, c) in enumerate(zip(groups, chosen)):
        if "dataset" in g and not g["removed"]:
            asked.setdefault(g["dataset"], []).append((g.get("article", at), c))

    def abstained(threshold: float) -> dict:
        return {name: round(sum(c is None or c[1] < threshold for _, c in found) / len(found), 4)
                for name, found in sorted(asked.items())}

    def within(threshold: float) -> bool:
        b = bound.abstained
        for found in asked.values():
            outcome = np.array([c is None or c[1] < threshold for _, c in found], dtype=float)
            d = design_effect(outcome, [article for article, _ in found])
            margin = 1.645 * (d * b * (1 - b) * (1 / len(found) + 1 / bound.judge_sample)) ** 0.5
            if outcome.mean() > b - margin:
                return False
        return True

    grid = [float(t) for t in np.round(np.arange(0.05, 0.95, 0.01), 2)]
    kept = next((at for at, t in enumerate(grid) if not within(t)), len(grid))  # the first one over, from below
    return (grid[kept - 1] if 0 < kept < len(grid) else 1.0), abstained


def design_effect(outcome: np.ndarray, clusters: list) -> float:
    """How much wider the sampling variance of the share of 0/1 outcomes is with their clusters (articles) as the
    sampling unit than with each outcome drawn alone (at least 1): the cluster-robust variance of the mean over
    p(1−p)/n."""
    n, p = len(outcome), float(outcome.mean())
    if p in (0.0, 1.0):
        return 1.0
    sums: dict = {}
    for cluster, y in zip(clusters, outcome):
        sums[cluster] = sums.get(cluster, 0.0) + y - p
    if len(sums) < 2:
        return 1.0
    clustered = len(sums) / (len(sums) - 1) * sum(r * r for r in sums.values()) / n**2
    return max(1.0, clustered / (p * (1 - p) / n))


def articles_of(name: str, data_dir: Path | None) -> dict[str, str]:
    """Each question's article title (the unit the halves are split by and judging samples are drawn from)."""
    from eval.open_domain import DEFAULT_DATA_DIR, load_dataset

    passages, questions = load_dataset(name, data_dir or DEFAULT_DATA_DIR)
    titles = {p.id: p.title for p in passages}
    return {q.id: titles[q.passage_id] for q in questions}


if __name__ == "__main__":
    sys.exit(main())
