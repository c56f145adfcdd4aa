"""Cutting a question that asks two or more things into its parts."""
import pytest

from qa.question_parts import question_parts


@pytest.mark.parametrize("question, parts", [
    ("黑龙江高技能人才多少，工会驿站建了多少个", ["黑龙江高技能人才多少", "工会驿站建了多少个"]),
    ("山东的齐鲁大工匠评了多少名？奖励多少钱？", ["山东的齐鲁大工匠评了多少名", "奖励多少钱"]),
    # a piece that asks nothing is context for the next one that does
    ("黑龙江 慰问职工 花了多少钱 慰问了多少人次", ["黑龙江 慰问职工 花了多少钱", "慰问了多少人次"]),
    ("昆明产业工人多少万；占全市从业人员比例 是多少", ["昆明产业工人多少万", "占全市从业人员比例 是多少"]),
    # ... or for the last one, when none follows
    ("谁作的发布，在黑龙江", ["谁作的发布，在黑龙江"]),
])
def test_a_question_asking_several_things_is_cut_into_them(question, parts):
    assert question_parts(question) == parts


@pytest.mark.parametrize("question", [
    "山西高技能人才多少",
    "昆明安康杯每年有多少家单位、多少个班组参加",  # one clause listing two counts: one part
    "黑龙江，高技能人才多少？",
    "技能人才总数上，山东跟昆明谁多，各多少",  # the comparison asks what 各多少 asks
    "",
])
def test_a_question_asking_one_thing_is_its_own_only_part(question):
    assert question_parts(question) == [question]


def _conjuncts(question: str) -> list[str | None]:
    from core.textnorm import normalize
    from qa.question_parts import own_conjunct
    from qa.regions import find_regions

    matching = normalize(question)
    spans = [(start, end) for _, start, end in find_regions(matching)]
    return [own_conjunct(matching, spans, k) for k in range(len(spans))]


def test_each_coordinated_place_reads_its_own_words_and_what_all_are_asked():
    # 今年 qualifies 黑龙江's events only: 昆明's part must not ask about this year
    assert _conjuncts("昆明办的技能竞赛和黑龙江今年办的赛事各多少场次") == ["昆明办的技能竞赛 各多少场次",
                                                                  "黑龙江今年办的赛事 各多少场次"]
    assert _conjuncts("昆明的技术状元和山西去年的技能带头人哪个多") == ["昆明的技术状元 哪个多",
                                                             "山西去年的技能带头人 哪个多"]


@pytest.mark.parametrize("question", ["山西和昆明的高技能人才分别是多少",  # bare names share what follows
                                      "山西的高技能人才和昆明的各多少",  # the second place has no words of its own
                                      "山西高技能人才和昆明职工驿站"])  # nothing says what all are asked
def test_places_not_coordinated_with_words_of_their_own_are_read_as_before(question):
    assert set(_conjuncts(question)) == {None}
