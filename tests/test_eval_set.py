"""The evaluation question set: schema, and gold evidence that really is in the source files."""
import pytest

from eval.dataset import CATEGORIES, DEFAULT_QUESTIONS, load_questions
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


SETS = sorted(DEFAULT_QUESTIONS.parent.glob("*.jsonl"))  # every question set in eval/, each checked alike


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_gold_evidence_is_verbatim_in_its_source_and_supports_the_keys(path):
    questions = load_questions(path)
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.category in CATEGORIES and q.answerable == (q.category not in ("unanswerable", "noise_trap"))
        sources = [_source_text(d) for d in q.gold_docs]
        for evidence in q.gold_evidence:
            assert any(evidence in s for s in sources), (q.id, evidence)
        evidence_text = norm("".join(q.gold_evidence))
        for key in q.answer_keys:
            assert norm(key) in evidence_text, (q.id, key)


def test_scoring_rules():
    from eval.dataset import EvalQuestion
    from eval.scoring import answer_problems, score, supports

    q = EvalQuestion("x", "黑龙江高技能人才多少", "trad_simplified", True, ("hl",), ("高技能人才82.7萬人",), ("82.7",),
                     ("82.7万", "82.7萬"))
    assert supports("截至目前,高技能人才82.7万人,较2017年", q.gold_evidence[0])  # script-blind containment
    assert supports("高技能人才82.7", "高技能人才82.7萬人")  # overlaps at least half
    assert not supports("山西高技能人才163万人", q.gold_evidence[0])
    assert answer_problems(q, "黑龍江高技能人才82.7萬人[1]", False, 1) == []
    assert answer_problems(q, "82.7万" + "字" * 130, False, 1) == ["answer is 135 characters (limit 120)"]
    assert answer_problems(q, "资料中没有找到", True, 0) == ["abstained on an answerable question"]
    unanswerable = EvalQuestion("y", "广东", "unanswerable", False)
    assert answer_problems(unanswerable, "资料中没有找到", True, 0) == []
    result = score(q, "高技能人才82.7萬人[1]", False, ["无关", "高技能人才82.7萬人"], ["无关"], 1, 12.0)
    assert result.answer_correct and result.rank == 2 and result.citation_correct is False
