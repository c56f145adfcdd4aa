"""Run every system over a question set and score it."""
from __future__ import annotations

from dataclasses import asdict

from tqdm import tqdm

from eval.dataset import EvalQuestion
from eval.scoring import QuestionResult, score
from eval.systems import System


def run_system(system: System, questions: list[EvalQuestion], progress: bool = True) -> tuple[list[QuestionResult], list[dict]]:
    """Ask every question; returns the scores and one detail record per question."""
    results, details = [], []
    for q in tqdm(questions, desc=system.name, unit="q", disable=not progress):
        reply = system.answer(q.question)
        result = score(q, reply.answer, reply.abstained, list(reply.passages), list(reply.cited), reply.n_sources,
                       reply.latency_ms)
        results.append(result)
        details.append({
            "system": system.name, "id": q.id, "category": q.category, "question": q.question,
            "answer": reply.answer, "abstained": reply.abstained, "cited": list(reply.cited),
            "correct": result.answer_correct, "rank": result.rank, "problems": list(result.problems),
            "latency_ms": round(reply.latency_ms, 2),
        })
    return results, details


def result_rows(results: list[QuestionResult]) -> list[dict]:
    return [asdict(r) for r in results]
