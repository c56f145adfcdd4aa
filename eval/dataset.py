"""The question-set schema (JSON Lines), loading and validation."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("numeric", "trad_simplified", "paraphrase", "policy", "multi_doc", "unanswerable", "noise_trap")
DEFAULT_QUESTIONS = Path(__file__).with_name("questions.jsonl")


@dataclass(frozen=True)
class EvalQuestion:
    """One question of a set; see eval/README.md for the meaning of each field."""

    id: str
    question: str
    category: str
    answerable: bool
    gold_docs: tuple[str, ...] = ()
    gold_evidence: tuple[str, ...] = ()
    answer_keys: tuple[str, ...] = ()
    answer_any: tuple[str, ...] = ()
    answer_any_groups: tuple[tuple[str, ...], ...] = ()


def load_questions(path: Path = DEFAULT_QUESTIONS) -> list[EvalQuestion]:
    """Read a question set; a malformed line raises ValueError naming the line."""
    questions = []
    with Path(path).open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                questions.append(EvalQuestion(
                    id=str(row["id"]),
                    question=row["question"],
                    category=row.get("category", "numeric"),
                    answerable=bool(row.get("answerable", True)),
                    gold_docs=tuple(row.get("gold_docs") or ()),
                    gold_evidence=tuple(row.get("gold_evidence") or ()),
                    answer_keys=tuple(row.get("answer_keys") or ()),
                    answer_any=tuple(row.get("answer_any") or ()),
                    answer_any_groups=tuple(tuple(g) for g in row.get("answer_any_groups") or ()),
                ))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{number}: not a valid question ({exc})") from exc
    return questions
