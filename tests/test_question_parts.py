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
    "",
])
def test_a_question_asking_one_thing_is_its_own_only_part(question):
    assert question_parts(question) == [question]
