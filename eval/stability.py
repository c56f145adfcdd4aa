"""Stability of answers as the collection grows: the project's questions asked with and without unrelated documents.

The reform corpus is copied into a work folder together with every CMRC 2018 and DRCD dev passage (one document
each), indexed with the project's own code, and every question of the project's sets is asked of both
collections. An answer about Shanxi should not change because Wikipedia articles were added; this reports how
many do, split into real changes (a different answer, or an answer where there was an abstention) and
abstentions only worded differently, with how many turned right or wrong.

    python -m eval.stability [--questions eval/questions.jsonl ...] [--data-dir ../shared/datasets]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from core.config import PROJECT_ROOT

QUESTION_SETS = sorted((PROJECT_ROOT / "eval").glob("*.jsonl"))


@dataclass(frozen=True)
class Reply:
    answer: str
    abstained: bool
    correct: bool


@dataclass(frozen=True)
class Change:
    """One question whose reply differs between the two collections."""

    id: str
    question: str
    kind: str  # 'answer' (a real change) or 'abstention wording'
    before: Reply
    after: Reply


def change_kind(before: Reply, after: Reply) -> str | None:
    """None when the replies are the same; 'abstention wording' when both abstain; else 'answer'."""
    if before.answer == after.answer and before.abstained == after.abstained:
        return None
    if before.abstained and after.abstained:
        return "abstention wording"
    return "answer"


def summarize(changes: list[Change], n_questions: int) -> dict:
    real = [c for c in changes if c.kind == "answer"]
    return {
        "questions": n_questions,
        "changed": len(changes),
        "changed_answer": len(real),
        "changed_abstention_wording_only": len(changes) - len(real),
        "wrong_to_right": sum(not c.before.correct and c.after.correct for c in real),
        "right_to_wrong": sum(c.before.correct and not c.after.correct for c in real),
    }


def grown_corpus(corpus_dir: Path, data_dir: Path, folder: Path) -> int:
    """`folder` holds the reform corpus and every CMRC 2018 and DRCD dev passage; returns the passages added."""
    import yaml

    from eval.open_domain import FILES, load_dataset, write_corpus

    shutil.copytree(corpus_dir, folder, dirs_exist_ok=True)
    meta_path = corpus_dir / "metadata.yaml"
    metadata = (yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}) if meta_path.exists() else {}
    passages = []
    for name in sorted(FILES):
        passages += load_dataset(name, data_dir)[0]
    write_corpus(passages, folder, metadata)  # the corpus's own metadata kept beside the passages' titles
    wanted = {p.relative_to(corpus_dir) for p in corpus_dir.rglob("*")} | {Path(f"{p.id}.txt") for p in passages}
    for path in folder.rglob("*"):  # a document since removed from the corpus leaves an earlier run's folder
        if path.is_file() and path.relative_to(folder) not in wanted:
            path.unlink()
    return len(passages)


def ask_all(engine, questions) -> list[Reply]:
    """Every question asked and scored the way the evaluation runner does it."""
    from eval.runner import run_system
    from eval.systems import PipelineSystem

    _, details = run_system(PipelineSystem(engine), questions, progress=sys.stderr.isatty())
    return [Reply(d["answer"], d["abstained"], d["correct"]) for d in details]


def main(argv: list[str] | None = None) -> int:
    from eval.open_domain import DEFAULT_DATA_DIR

    parser = argparse.ArgumentParser(prog="python -m eval.stability", description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, nargs="+", default=QUESTION_SETS,
                        help="question sets to ask (default: every set in eval/)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="default: %(default)s")
    parser.add_argument("--work-dir", type=Path, default=PROJECT_ROOT / "data" / "stability",
                        help="where the grown corpus and its index go (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "eval" / "out")
    args = parser.parse_args(argv)

    from core.config import Settings
    from core.logs import setup_logging

    setup_logging()
    from eval.dataset import load_questions
    from qa.engine import Engine

    questions = [q for path in args.questions for q in load_questions(path)]
    settings = Settings.from_env()
    added = grown_corpus(settings.corpus_dir, args.data_dir, args.work_dir / "corpus")
    before = ask_all(Engine.open(settings, progress=True), questions)
    grown = Settings.from_env(corpus_dir=args.work_dir / "corpus", index_dir=args.work_dir / "index")
    after = ask_all(Engine.open(grown, progress=True), questions)

    changes = [Change(q.id, q.question, kind, b, a) for q, b, a in zip(questions, before, after)
               if (kind := change_kind(b, a))]
    summary = {"date": time.strftime("%Y-%m-%d"), "passages_added": added,
               "question_sets": [p.name for p in args.questions], **summarize(changes, len(questions))}
    print(json.dumps(summary, ensure_ascii=False))
    for c in changes:
        if c.kind == "answer":
            mark = "right" if c.after.correct else "wrong"
            print(f"{c.id} {c.question}\n  before: {c.before.answer[:80]}\n  after ({mark}): {c.after.answer[:80]}")
    args.out.mkdir(parents=True, exist_ok=True)
    record = {**summary, "changes": [asdict(c) for c in changes]}
    (args.out / "stability.json").write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.out / 'stability.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
