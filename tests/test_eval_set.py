"""The evaluation question set: schema, and gold evidence that really is in the source files."""
from pathlib import Path

from eval.dataset import CATEGORIES, load_questions
from eval.scoring import norm
from tests.conftest import CORPUS
from ingest.metadata import load_metadata


def _source_text(doc: str) -> str:
    originals = {m.original: name for name, m in load_metadata(CORPUS).items()}
    name = originals.get(doc) or (doc if doc.endswith((".txt", ".md")) else f"{doc}.txt")
    return (CORPUS / name).read_text(encoding="utf-8")


def test_schema_and_size():
    questions = load_questions()
    assert len(questions) >= 80
    assert len({q.id for q in questions}) == len(questions)
    assert {q.category for q in questions} == set(CATEGORIES)
    for q in questions:
        assert q.answerable == (q.category not in ("unanswerable", "noise_trap"))
        assert bool(q.gold_docs) == q.answerable and bool(q.gold_evidence) == q.answerable


def test_gold_evidence_is_verbatim_in_its_source_and_supports_the_keys():
    for q in load_questions():
        sources = [_source_text(d) for d in q.gold_docs]
        for evidence in q.gold_evidence:
            assert any(evidence in s for s in sources), (q.id, evidence)
        evidence_text = norm("".join(q.gold_evidence))
        for key in q.answer_keys:
            assert norm(key) in evidence_text, (q.id, key)
