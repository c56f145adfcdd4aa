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


@pytest.mark.parametrize("stem, text", [
    ("覆盖", "累计发展产业工人党员1300余名,新建两新党组织108个,开放党群服务中心588个"),
    # what the rate is of named, but no rate given: counts of those who joined are no 入会率
    ("入会", "积极推动“三新”领域企业建会和货车司机等“八大群体”入会,新建新就业形态劳动者工会组织1037个,"
             "新发展新就业形态劳动者10万名"),
])
def test_counts_without_the_rate_do_not_answer_it(stem, text):
    assert not answers_rate(stem, normalize(text))


@pytest.mark.parametrize("stem, text", [
    ("覆盖", "全省非公企业党组织覆盖率达91.95%"),  # named
    ("转化", "扶持職工創新項目200余項,成果轉化率超過60%"),  # named, in Traditional
    ("得票", "投票结果显示,100%的公民赞成外蒙古从中国独立出去"),  # a rate, worded otherwise
    ("覆盖", "11个市实现高职院校全覆盖"),  # the whole: a rate of 100%
    ("", "新建两新党组织108个"),  # none asked
])
def test_a_sentence_naming_the_rate_or_giving_one_may_answer(stem, text):
    assert answers_rate(stem, normalize(text))
