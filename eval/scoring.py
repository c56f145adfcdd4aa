"""Scoring of one answer against one question: retrieval hits, answer correctness, citation correctness.

Everything is compared in a normal form: NFKC, whitespace removed, pinyin glosses removed, Simplified script.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from core.textnorm import compact, strip_pinyin_glosses
from eval.dataset import EvalQuestion

SINGLE_SOURCE_MAX_CHARS = 120
MULTI_SOURCE_MAX_CHARS = 300


def norm(text: str) -> str:
    """The comparison form of a text."""
    return compact(strip_pinyin_glosses(text))


def supports(passage: str, evidence: str) -> bool:
    """A passage supports evidence when it contains it or overlaps it by at least half its length."""
    p, e = norm(passage), norm(evidence)
    if not e:
        return False
    if e in p:
        return True
    match = SequenceMatcher(None, e, p, autojunk=False).find_longest_match(0, len(e), 0, len(p))
    return match.size * 2 >= len(e)


def first_relevant_rank(question: EvalQuestion, passages: list[str]) -> int | None:
    """1-based rank of the first passage supporting any gold evidence, or None."""
    for rank, text in enumerate(passages, start=1):
        if any(supports(text, ev) for ev in question.gold_evidence):
            return rank
    return None


def answer_problems(question: EvalQuestion, answer: str, abstained: bool, n_sources: int) -> list[str]:
    """What is wrong with an answer (empty list: correct)."""
    if not question.answerable:
        return [] if abstained else ["answered a question the documents do not answer"]
    if abstained:
        return ["abstained on an answerable question"]
    text = norm(answer)
    problems = [f"missing key {k!r}" for k in question.answer_keys if norm(k) not in text]
    if question.answer_any and not any(norm(k) in text for k in question.answer_any):
        problems.append(f"none of {list(question.answer_any)!r}")
    for group in question.answer_any_groups:
        if not any(norm(k) in text for k in group):
            problems.append(f"none of {list(group)!r}")
    limit = MULTI_SOURCE_MAX_CHARS if n_sources > 1 else SINGLE_SOURCE_MAX_CHARS
    if len(answer) > limit:
        problems.append(f"answer is {len(answer)} characters (limit {limit})")
    return problems


def citations_correct(question: EvalQuestion, cited_texts: list[str]) -> bool:
    """Every gold evidence is supported by at least one cited passage."""
    return bool(cited_texts) and all(any(supports(c, ev) for c in cited_texts) for ev in question.gold_evidence)


@dataclass(frozen=True)
class QuestionResult:
    """The score of one system on one question."""

    id: str
    category: str
    answerable: bool
    rank: int | None
    answer_correct: bool
    citation_correct: bool | None  # None when not applicable (unanswerable, or abstained)
    abstained: bool
    latency_ms: float
    problems: tuple[str, ...]


def score(question: EvalQuestion, answer: str, abstained: bool, passages: list[str], cited: list[str],
          n_sources: int, latency_ms: float) -> QuestionResult:
    """Score one answer."""
    problems = answer_problems(question, answer, abstained, n_sources)
    correct = not problems
    rank = first_relevant_rank(question, passages) if question.answerable else None
    citation = citations_correct(question, cited) if question.answerable and not abstained else None
    if citation is False:
        problems.append("no cited passage contains the gold evidence")
    if question.answerable and rank is None:
        problems.append("gold evidence not in the retrieved passages")
    return QuestionResult(question.id, question.category, question.answerable, rank, correct, citation, abstained,
                          latency_ms, tuple(problems))
