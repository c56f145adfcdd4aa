import pytest

from core.textnorm import normalize
from qa.rate_asked import answers_rate, rate_stem


@pytest.mark.parametrize("question, stem", [
    ("昆明两新组织党组织覆盖率是多少", "覆盖"),
    ("黑龙江新就业形态劳动者入会率是多少", "入会"),
    ("龙江职工创新成果转化率", "转化"),
    ("生产效率提高了多少", ""),  # a one-word rate names no stem
    ("黑龙江高技能人才多少", ""),
])
def test_what_a_rate_asked_by_name_is_of(question, stem):
    assert rate_stem(normalize(question)) == stem


def test_counts_without_the_rate_do_not_answer_it():
    assert not answers_rate("覆盖", normalize("累计发展产业工人党员1300余名,新建两新党组织108个,开放党群服务中心588个"))


@pytest.mark.parametrize("stem, text", [
    ("覆盖", "全省非公企业党组织覆盖率达91.95%"),  # named
    ("转化", "扶持職工創新項目200余項,成果轉化率超過60%"),  # named, in Traditional
    ("得票", "投票结果显示,100%的公民赞成外蒙古从中国独立出去"),  # a rate, worded otherwise
    ("", "新建两新党组织108个"),  # none asked
])
def test_a_sentence_naming_the_rate_or_giving_one_may_answer(stem, text):
    assert answers_rate(stem, normalize(text))
