"""Question terms: function words (by part of speech, not by a word list) are never terms on their own and
never begin or end a compound, but may stand inside one that the corpus holds."""
from qa.terms import content_words, coverage, function_words, query_terms, weighted_within


def words(question: str, corpus: str) -> list[str]:
    return [word for word, _ in content_words(question, lambda w: len(w) > 1 and w in corpus)]


def test_conjunctions_adverbs_and_pronouns_are_not_terms():
    found = words("但匈奴随即攻入义大利，最后在谁的调停下退兵", corpus="匈奴攻入义大利，但最后调停退兵")
    assert "但" not in found and "随即" not in found and "最后" not in found
    assert not any(w.startswith("但") or w.endswith("最后") for w in found), found
    assert {"匈奴", "攻入义大利", "调停", "退兵"} <= set(found)  # merged: the corpus holds the compound


def test_a_compound_the_corpus_holds_keeps_its_inner_function_word():
    assert "职工之家" in words("昆明建了几个职工之家", corpus="建成职工之家1818个")
    assert "机炮" in words("机炮虽然有不少优点", corpus="机炮虽然威力大") and \
        "机炮虽然" not in words("机炮虽然有不少优点", corpus="机炮虽然威力大")


def test_the_count_of_the_places_listed_is_no_term_whatever_the_collection_holds():
    for corpus in ("两省产改评价等级", "产改评价等级"):  # whether a passage holds 两省 must not matter
        assert words("鲁晋两省产改评价都得了啥等级", corpus) == ["产改评价", "等级"]
    assert "两省干部" in words("两省干部有多少", corpus="两省干部")  # no places listed before it: content


def test_function_words_come_from_the_tagger():
    assert {"但", "在", "谁", "的"} <= function_words("但在谁的调停下")
    assert not {"技能", "人才", "黑龙江"} & function_words("黑龙江高技能人才多少")


def test_words_no_document_holds_and_not_chinese_do_not_dilute_support(engine):
    plain = engine.ask("黑龙江高技能人才多少")
    noisy = engine.ask("黑龙江高技能人才多少 <span> xyzzyplugh")
    assert noisy.answer == plain.answer and noisy.support == plain.support
    assert "xyzzyplugh" not in [t.text for t in engine.question_terms("黑龙江高技能人才多少 xyzzyplugh").terms]


def test_a_year_no_document_holds_stays_a_term(engine):
    assert "2019" in [t.text for t in engine.question_terms("黑龙江2019年高技能人才有多少").terms]


def test_terms_weighted_within_a_document_do_not_move_as_the_collection_grows():
    question = "改革以来职工书屋建了多少家"
    document = ["山西深化产业工人队伍建设改革", "改革以来高技能人才达到163万人", "改革以来建成职工书屋500家"]
    holds = "".join(document).__contains__
    small = query_terms(question, lambda variants: 2, 10, holds)
    large = query_terms(question, lambda variants: 2 if "改革" in variants else 900, 10_000, holds)
    assert [t.weight for t in small.terms] != [t.weight for t in large.terms]  # the collection's weights move
    within_small, within_large = weighted_within(small, document), weighted_within(large, document)
    assert [t.weight for t in within_small.terms] == [t.weight for t in within_large.terms]
    weight = {t.text: t.weight for t in within_small.terms}
    assert weight["改革"] < weight["职工书屋"]  # common, and in every sentence: it tells least
    assert coverage(within_small, document[2]) > 0.8 > 0.4 > coverage(within_small, document[1])
