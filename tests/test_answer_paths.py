"""The answer path's precomputed data agrees with computing it directly, and a question is encoded once."""
import random

import pytest

from core.textnorm import term_form
from qa.analysis import analyse, from_rows
from qa.passage_stats import PassageStats
from qa.terms import query_terms, word_boundaries, word_ends


def test_passage_stats_count_like_a_full_scan(engine):
    texts = [term_form(c.text) for c in engine.index.chunks]
    stats = PassageStats(texts)
    rng = random.Random(7)
    probes = ["高技能人才", "技能", "人", "职工书屋", "不存在的词语", "82.7", "黑龙江", "工匠学院", "a", ""]
    probes += [t[i : i + n] for t in rng.sample(texts, 20) for i, n in [(rng.randrange(len(t) - 5), rng.randint(1, 5))]]
    for probe in probes:
        assert stats.count((probe,)) == sum(probe in t for t in texts), probe
        assert stats.occurs(probe) == any(probe in t for t in texts), probe
    assert stats.count(("高技能人才", "技能人才")) == sum(("高技能人才" in t or "技能人才" in t) for t in texts)


def test_a_compound_counts_as_occurring_only_where_it_ends_a_word():
    stats = PassageStats(["现代学者的意见分歧", "共有备案职业技能等级认定机构163家"], word_ends)
    assert stats.occurs("意见分") and not stats.holds_ending_a_word("意见分")  # it cuts 分歧
    assert stats.holds_ending_a_word("意见分歧") and stats.holds_ending_a_word("学者")
    assert stats.holds_ending_a_word("技能等级认定")  # it may begin inside a word: 职业技能
    assert not PassageStats(["现代学者的意见分歧"]).holds_ending_a_word("意见分歧的")
    assert PassageStats(["现代学者的意见分歧"]).holds_ending_a_word("意见分")  # no segmenter: any occurrence


def test_a_question_is_not_read_with_a_compound_that_only_cuts_a_word_of_the_collection():
    texts = ["《实施意见》共三部分。", "现代学者的意见分歧,包含使徒说"]
    stats = PassageStats(texts, word_ends)
    terms = query_terms("山西国企产改实施意见分几部分", stats.count, len(texts), stats.holds_ending_a_word)
    assert "意见分" not in [t.text for t in terms.terms]


def test_sentence_windows_match_the_direct_forms(engine):
    document = engine.documents["heilongjiang-press-conference-2024"]
    for sentence in analyse(document)[:40]:
        text = sentence.span.text
        assert sentence.matching == term_form(text).replace("...", "…") or "…" in text
        for start, end in [(0, len(text)), (0, len(text) // 2), (len(text) // 3, len(text))]:
            matching, boundaries = sentence.window(start, end)
            assert matching == term_form(text[start:end]) or "…" in text
            assert {0, len(matching)} <= boundaries <= set(range(len(matching) + 1))
    (first,) = analyse(type(document)(**{**document.__dict__, "text": "“两新”组织，黑龍江。"}))[:1]
    matching, boundaries = first.window(0, 6)
    assert matching == "两新组织" and boundaries == word_boundaries("两新组织") | {0, 4}


def test_stored_analyses_are_used_and_equal_a_fresh_analysis(engine):
    annotations = engine.index.annotations
    assert annotations and set(annotations) == set(engine.documents)
    for doc_id, rows in annotations.items():
        document = engine.documents[doc_id]
        assert from_rows(document, rows) == analyse(document)


def test_a_question_naming_two_places_is_encoded_once(engine, monkeypatch):
    calls = []
    original = engine.retriever.encoder.encode

    def counting(texts, *args, **kwargs):
        calls.append(list(texts))
        return original(texts, *args, **kwargs)

    monkeypatch.setattr(engine.retriever.encoder, "encode", counting)
    answer = engine.ask("山西和黑龙江的高技能人才分别是多少")
    assert len(calls) == 1 and len(answer.citations) == 2
    assert len(answer.passages) >= 5  # topped up from the same scores, not a second search


@pytest.mark.parametrize("question", ["黑龙江高技能人才多少", "昆明有多少个职工书屋"])
def test_search_with_shared_scores_equals_a_fresh_search(engine, question):
    retriever = engine.retriever
    scores = retriever.scores(question)
    assert retriever.search(question, 10, scores=scores) == retriever.search(question, 10)
    ids = frozenset({"kunming-five-years-of-reform"})
    filtered = retriever.search(question, 10, doc_ids=ids, scores=scores)
    assert filtered == retriever.search(question, 10, keep=lambda c: c.doc_id in ids)
    assert filtered and all(h.chunk.doc_id in ids for h in filtered)
